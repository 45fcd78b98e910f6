"""The web explorer: static assets only (``static/``), served by :mod:`marsad.api`.

Vanilla JavaScript, inline SVG and CSS, nothing fetched from outside, so the
explorer works offline.  They ship inside the package (package data).
"""

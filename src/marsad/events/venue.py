"""Meetings held in the country of one of the parties are hosted by that party.

"التقى وزير الخارجية التركي في أنقرة نظيره الإيراني" reports a visit received, not
a meeting on neutral ground: CAMEO codes it 043 (host a visit) from the host to
the guest.  The symmetric meeting codes (040, 044) hide that direction, so an
event whose venue is a place standing for one participant's country is recoded
with that participant as the host.

A meeting of several parties in a country that is none of theirs, with no other
party named ("أجرى رئيسا بيلاروس وطاجيكستان لقاء في موسكو"), is their visit to
that country (042), the venue's state the one visited.
"""

from __future__ import annotations

from marsad.events.lexicon import EventLexicon
from marsad.model import Analysis, Event, country_part

MEETING_CODES = frozenset({"040", "044"})
HOST_CODE = "043"
VISIT_CODE = "042"


def _country(doc: Analysis, actor_id: str) -> str | None:
    actor = doc.actors.get(actor_id)
    return country_part(actor.code) if actor is not None else None


def _venue_country(doc: Analysis, location: tuple[int, int]) -> str | None:
    """The country of the place named at ``location`` (a capital stands for its state)."""
    for m in doc.mentions:
        if (m.start, m.end) == location:
            actor = doc.actors.get(m.actor)
            if actor is not None and actor.kind == "country":
                return country_part(actor.code)
    return None


def hosted(doc: Analysis, event: Event) -> tuple[list[str], list[str]] | None:
    """(host, guests) when the meeting took place in the country of exactly one of its sides."""
    if event.cameo not in MEETING_CODES or event.location is None:
        return None
    if not event.source or not event.target:
        return None
    venue = _venue_country(doc, event.location)
    if venue is None:
        return None
    sides = [event.source, event.target]
    at_home = [s for s in sides if all(_country(doc, a) == venue for a in s)]
    if len(at_home) != 1:
        return None
    host = at_home[0]
    guests = sides[1] if host is sides[0] else sides[0]
    return host, guests


def visited(doc: Analysis, event: Event) -> str | None:
    """The state visited, when a meeting of two or more parties with no other party named in
    its clause (its target came from context, or none) took place in a country none of them is."""
    if event.cameo not in MEETING_CODES or event.location is None:
        return None
    if ":coordinated" not in event.rule:
        return None  # one named party and its counterpart: a meeting, maybe hosted
    if event.target and ":context-target" in event.rule:
        parties = event.source
    else:
        parties = event.source + event.target
    if len(parties) < 2:
        return None
    venue = _venue_country(doc, event.location)
    if venue is None or any(_country(doc, a) == venue for a in parties):
        return None
    return venue


def recode_hosted(doc: Analysis, lex: EventLexicon, event: Event) -> None:
    """Make ``event`` a hosting act (043) from the host to the guests, when :func:`hosted` says so,
    or a visit (042) by its parties to the venue's state, when :func:`visited` does."""
    venue = visited(doc, event)
    if venue is not None:
        cameo = lex.code(VISIT_CODE)
        if ":context-target" not in event.rule:
            event.source = event.source + event.target
        event.target = [venue]
        event.cameo = VISIT_CODE
        event.plover, event.goldstein, event.quad = cameo.plover, cameo.goldstein, cameo.quad
        event.rule = event.rule.replace(":context-target", "") + ":visited"
        return
    parties = hosted(doc, event)
    if parties is None:
        return
    cameo = lex.code(HOST_CODE)
    event.source, event.target = parties
    event.cameo = HOST_CODE
    event.plover, event.goldstein, event.quad = cameo.plover, cameo.goldstein, cameo.quad
    event.rule += ":hosted"

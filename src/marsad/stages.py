"""Stages that belong to the text model itself."""

from __future__ import annotations

from marsad.actors.lexicon import vocabulary
from marsad.model import Analysis
from marsad.text.segment import segment


def segment_stage(doc: Analysis) -> None:
    """Paragraphs, sentences and clitic-split tokens of the clean text."""
    doc.segmentation = segment(doc.text, vocabulary())

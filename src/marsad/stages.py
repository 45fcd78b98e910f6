"""Stages that belong to the text model itself."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.text.segment import segment


def segment_stage(doc: Analysis) -> None:
    """Paragraphs, sentences and clitic-split tokens of the clean text."""
    vocabulary: frozenset[str] = frozenset()
    try:
        from marsad.actors.lexicon import vocabulary as lexicon_vocabulary
    except ImportError:  # the actor lexicon is optional for segmentation
        pass
    else:
        vocabulary = lexicon_vocabulary()
    doc.segmentation = segment(doc.text, vocabulary)

"""Events: who did what to whom, when and where, coded in CAMEO and PLOVER."""

from marsad.events.extract import events_stage, extract
from marsad.events.lexicon import EventLexicon, get_event_lexicon, load_event_lexicon

__all__ = ["EventLexicon", "events_stage", "extract", "get_event_lexicon", "load_event_lexicon"]

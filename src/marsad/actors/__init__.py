"""Actors: recognize political actors in Arabic text and resolve them to identities with CAMEO-style codes."""

from marsad.actors.lexicon import Lexicon, get_lexicon, load_lexicon
from marsad.actors.recognize import actors_stage, recognize, scan

__all__ = ["Lexicon", "actors_stage", "get_lexicon", "load_lexicon", "recognize", "scan"]

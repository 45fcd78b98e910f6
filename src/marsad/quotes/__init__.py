"""Quotes: who said what, and about whom."""

from marsad.quotes.extract import direct_spans, extract, quotes_stage
from marsad.quotes.lexicon import QuoteLexicon, get_quote_lexicon, load_quote_lexicon

__all__ = [
    "QuoteLexicon",
    "direct_spans",
    "extract",
    "get_quote_lexicon",
    "load_quote_lexicon",
    "quotes_stage",
]

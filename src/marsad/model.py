"""The data model: one document owns its text; every annotation is offsets into it.

``Document`` is what ingestion produces (clean text plus metadata and the record
of what was removed).  ``Analysis`` is a document being read by the pipeline:
each stage adds one layer of records, and every record holds ``(start, end)``
offsets into ``Analysis.text`` (the clean text) and names the rule or lexicon
entry that produced it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from marsad.text.normalize import Normalized, normalize
from marsad.text.segment import Segmentation

Basis = Literal["stated", "inferred"]
Precision = Literal["day", "month", "year"]
Status = Literal["asserted", "planned", "hypothetical", "negated"]
Granularity = Literal["time", "day", "week", "month", "season", "year", "decade", "century"]
SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "OPP", "REB")


def content_hash(text: str) -> str:
    """Stable hash of clean text: the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Memoized: the event stage asks for the country part of the same few codes a few hundred times
# an article.
@lru_cache(maxsize=1 << 12)
def country_part(code: str) -> str:
    """``RUSGOV`` -> ``RUS``; ``NATO`` -> ``NATO``; ``---CVL`` -> ``---``."""
    for sector in SECTORS:
        if code.endswith(sector) and len(code) > len(sector):
            return code[: -len(sector)]
    return code


@dataclass(slots=True)
class RemovedLine:
    """A line of page furniture taken out of the text, with the rule that removed it."""

    start: int  # offsets into Document.raw
    end: int
    rule: str


@dataclass(slots=True)
class DocumentMeta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO "YYYY-MM-DD" or "YYYY-MM" or "YYYY"
    published_basis: Basis | None = None
    published_precision: Precision | None = None
    language: str = "ar"
    url: str | None = None
    source: str | None = None  # file path, URL or "path#line"
    fmt: str = "text"  # text | html | jsonl | warc | feed


@dataclass(slots=True)
class Document:
    raw: str  # the decoded input text (for HTML: the text extracted from the page, before furniture removal)
    text: str  # clean text: what every offset points into
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    removed: list[RemovedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    @property
    def key(self) -> str:
        """Short stable id derived from the content (used in CLI output and exports)."""
        return self.hash[:12]


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    date_from: date
    date_to: date
    granularity: Granularity
    anchor: date | None  # what it was resolved against (None for absolute dates)
    rule: str
    time_of_day: str | None = None  # "HH:MM" when given

    @property
    def value(self) -> str:
        """The date at its precision: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (ranges give their start)."""
        if self.granularity in ("day", "time"):
            return self.date_from.isoformat()
        if self.granularity == "month":
            return self.date_from.isoformat()[:7]
        if self.granularity in ("week", "season") and self.date_from.month == self.date_to.month:
            return self.date_from.isoformat()[:7]
        return self.date_from.isoformat()[:4]


@dataclass(slots=True)
class Actor:
    """An identity: a state, an organisation, a person, a group."""

    id: str
    kind: str  # person | country | organization | igo | group
    code: str  # CAMEO-style: RUS, RUSGOV, NATO, ---CVL
    name: str
    name_en: str | None = None
    entry: str | None = None  # lexicon entry it came from, or None for one found by rule


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    actor: str  # Actor.id
    rule: str  # "lexicon:<file>:<entry>" or the name of the pattern


@dataclass(slots=True)
class Event:
    sentence: tuple[int, int]
    trigger: tuple[int, int]
    source: list[str]  # Actor ids
    target: list[str]
    cameo: str
    plover: str
    goldstein: float
    quad: int
    status: Status
    rule: str
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    date_basis: str | None = None  # "expression" | "narrative" | "news-day" | "publication"
    date_span: tuple[int, int] | None = None
    location: tuple[int, int] | None = None


@dataclass(slots=True)
class Quote:
    cue: tuple[int, int]
    content: tuple[int, int]
    speaker: str | None  # Actor id
    direct: bool
    rule: str
    speaker_span: tuple[int, int] | None = None
    via: str | None = None  # reporting outlet or agency (Actor id)
    about: list[tuple[str, float]] = field(default_factory=list)  # (Actor id, stance -1..1)


def argument_mentions(doc: Analysis) -> list[Mention]:
    """Mentions that can fill an argument slot, in text order: the name itself, not the wider
    "title + name" surface form recorded beside it."""
    return sorted((m for m in doc.mentions if m.rule != "title+name-span"), key=lambda m: m.start)


@lru_cache(maxsize=1 << 10)
def _published_date(p: str) -> date:
    """``YYYY[-MM[-DD]]`` as a date; memoized, since the stages ask for it dozens of times an
    article and a text's date does not change while it is read."""
    parts = [int(x) for x in p.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(parts[0], parts[1], parts[2])


@dataclass(slots=True)
class Analysis:
    """A document being read: the clean text, its normalized view and the layers added so far."""

    document: Document
    norm: Normalized
    segmentation: Segmentation | None = None
    timexes: list[TimeExpression] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stages_run: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> Analysis:
        return cls(document=document, norm=normalize(document.text))

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def published(self) -> date | None:
        """The publication date as a ``date`` (first day of the month/year when less precise)."""
        p = self.document.meta.published
        if not p:
            return None
        return _published_date(p)

    def span(self, start: int, end: int) -> str:
        return self.document.text[start:end]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        assert self.segmentation is not None, "segment stage has not run"
        return self.segmentation.sentences[self.segmentation.sentence_at(offset)]

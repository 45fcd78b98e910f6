"""marsad's reading of a document, written in the gold format so that anyone can read and re-score it.

:func:`to_gold_document` turns an :class:`~marsad.model.Analysis` into one
DOC record of ``spec/gold-format.md``: offsets become the exact strings they
point at, actor ids stay ids (each actor with its code and every distinct
surface form found for it).  ``marsad eval`` scores exactly these records
(after the same validation as a gold file), so a saved predictions file
re-scores to the same figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.evaluation.gold import GoldCorpus
from marsad.events.extract import is_generic
from marsad.ingest import load_document
from marsad.model import Actor, Analysis, Document
from marsad.pipeline import analyze


def participants(analysis: Analysis) -> set[str]:
    """The document's actors in the gold format's sense: every person named (except one named
    only as whose envoy someone is), every actor that acts, is acted upon or speaks, and every
    state named at least twice other than as an event's place (a state named once as a place is
    not one), and every company or judicial body named.  The store keeps every mention; ``marsad actors`` lists them all.

    Generic actors, made by the event stage from common nouns (مسلحون، الشرطة), are left out:
    they name no identity the gold could list, so an event of theirs is written with an empty
    side (see :func:`to_gold_document`)."""
    people = {
        a.id
        for a in analysis.actors.values()
        if (a.kind == "person" and a.entry != "rule:unnamed-official") or _named_group(a)
    }
    ids = people - _only_as_principal(analysis)
    for e in analysis.events:
        ids.update(e.source)
        ids.update(e.target)
    for q in analysis.quotes:
        ids.update(x for x in (q.speaker, q.via) if x)
    ids.update(_recurring_states(analysis))
    ids.update(_firms_and_courts(analysis))
    return {i for i in ids if not is_generic(i)}


def _named_group(actor: Actor) -> bool:
    """A group of people named one by one (الأخوين فلان وفلان): named people, like a person."""
    return actor.kind == "group" and actor.entry == "rule:kin-group"


def _only_as_principal(analysis: Analysis) -> set[str]:
    """Persons named only with a possessive لـ glued to the name (المبعوث الخاص لدونالد ترامب):
    they are whose envoy or adviser someone is, a description of another actor, not a
    participant.  Events and quotes still add them back when they act or speak."""
    text = analysis.document.text
    glued: dict[str, bool] = {}
    for m in analysis.mentions:
        before = text[max(0, m.start - 1) : m.start]
        glued[m.actor] = glued.get(m.actor, True) and before == "ل"
    return {a for a, only in glued.items() if only}


_ACTING_SECTORS = frozenset({"BUS", "JUD"})


def _firms_and_courts(analysis: Analysis) -> set[str]:
    """Companies and judicial bodies: news about states names them for what they do (a firm
    sanctioned or signing a deal, a prosecutor charging, a court ruling), not as a place or a
    description, so each one named is a participant even when no extracted event links it."""
    named = {m.actor for m in analysis.mentions}
    return {
        a.id
        for a in analysis.actors.values()
        if a.id in named and a.kind == "organization" and a.code[3:] in _ACTING_SECTORS
    }


def _recurring_states(analysis: Analysis) -> set[str]:
    """States named at least twice other than as the place of an event: a state the article
    keeps coming back to is one of its actors even when no extracted event links it, while one
    named once, or only where something happened, is a place."""
    places = [e.location for e in analysis.events if e.location is not None]
    counts = Counter(
        m.actor for m in analysis.mentions if not any(s < m.end and m.start < e for s, e in places)
    )
    return {
        a
        for a, n in counts.items()
        if n >= 2 and a in analysis.actors and analysis.actors[a].kind == "country"
    }


def _actors(analysis: Analysis) -> list[dict[str, Any]]:
    """Participants in order of first mention (see :func:`participants`), with their distinct surface forms."""
    keep = participants(analysis)
    forms: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for mention in sorted(analysis.mentions, key=lambda m: (m.start, m.end)):
        text = analysis.span(mention.start, mention.end).strip()
        first.setdefault(mention.actor, mention.start)
        seen = forms.setdefault(mention.actor, [])
        if text and text not in seen:
            seen.append(text)
    order = sorted(
        (a for a in analysis.actors if a in keep), key=lambda a: (a not in first, first.get(a, 0))
    )
    return [
        {
            "id": actor.id,
            "kind": actor.kind,
            "name": actor.name,
            "name_en": actor.name_en,
            "code": actor.code,
            "mentions": forms.get(actor.id, []),
        }
        for actor in (analysis.actors[a] for a in order)
    ]


def _span(analysis: Analysis, span: tuple[int, int] | None) -> str | None:
    return analysis.span(*span) if span is not None else None


def to_gold_document(analysis: Analysis, doc_name: str) -> dict[str, Any]:
    """One DOC record of the gold format for what the pipeline extracted from a document."""
    document = analysis.document
    meta = document.meta
    keep = participants(analysis)
    return {
        "doc": doc_name,
        "title": meta.title,
        "outlet": meta.outlet,
        "author": meta.author,
        "published": meta.published,
        "published_basis": meta.published_basis,
        "boilerplate": [
            line
            for line in (document.raw[r.start : r.end].strip() for r in document.removed)
            if line
        ],
        "actors": _actors(analysis),
        "events": [
            {
                "sentence": analysis.span(*e.sentence),
                "trigger": analysis.span(*e.trigger),
                "source": [a for a in e.source if a in keep],
                "target": [a for a in e.target if a in keep],
                "cameo": e.cameo,
                "plover": e.plover or None,
                "date": e.date,
                "location": _span(analysis, e.location),
                "status": e.status,
            }
            for e in analysis.events
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "cue": analysis.span(*q.cue),
                "text": analysis.span(*q.content),
                "direct": q.direct,
            }
            for q in analysis.quotes
        ],
    }


def read_document(path: Path) -> Document:
    """The document of a text file, read by ingestion (decoding, furniture removal, title, dateline)."""
    return load_document(path)


def predict_file(path: Path, doc_name: str | None = None) -> dict[str, Any]:
    """Run the whole pipeline on one file and return its DOC record."""
    return to_gold_document(analyze(read_document(path)), doc_name or path.name)


def predict_gold_documents(gold: GoldCorpus, texts: Path) -> dict[str, Any]:
    """Predictions, in the gold format, for every document of a gold file, read from ``texts/<doc>``.

    Publication dates and titles come from the system, never from the gold.
    """
    if not texts.is_dir():
        raise InputError("not a folder", source=str(texts))
    documents = []
    for gold_doc in gold.documents:
        path = texts / gold_doc.doc
        if not path.is_file():
            raise InputError(f"no text for the gold document '{gold_doc.doc}'", source=str(texts))
        documents.append(predict_file(path, gold_doc.doc))
    return {"corpus": gold.corpus, "documents": documents}


def text_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: files as given, folders expanded to their visible files, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            )
        elif path.is_file():
            out.append(path)
        else:
            raise InputError("no such file or folder", source=str(path))
    return out


def predict_files(paths: Iterable[Path], corpus: str) -> dict[str, Any]:
    """Predictions, in the gold format, for texts that have no gold."""
    return {"corpus": corpus, "documents": [predict_file(p) for p in text_files(paths)]}

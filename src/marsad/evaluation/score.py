"""Scoring predictions against gold, level by level, as ``spec/gold-format.md`` says.

Every level is micro-averaged: true positives, predicted and gold counts are
summed over documents before precision, recall and F1 are taken, so a long
article weighs more than a short one.  A level with nothing predicted or
nothing in the gold scores 0 (not 1, not "n/a"): an empty pipeline must read
as zero.  Each figure carries its counts (``tp``, ``predicted``, ``gold``) so
that a reader can check it.

How the spec is read where it leaves a choice:

- **Actors.** A predicted actor matches a gold actor when the codes are equal
  (sector included) and one predicted surface form is, character for
  character after trimming, one of the gold mentions.  Matching is one-to-one
  and maximal (augmenting paths), so the result does not depend on the order
  of the lists.  An actor with no surface form matches nothing.
- **Events.** Only ``asserted`` events (gold and predicted) make keys for the
  ``root``, ``dated`` and ``code`` levels.  A key is ``(source, target, code)``
  where source and target are the country-or-IGO part of the actors' codes
  (:func:`marsad.model.country_part`), ``-`` for an empty target (and, by the
  same token, for an empty source), one key per (source, target) pair, the
  pair sorted for symmetric codes (the first three digits among 036 037 040
  041 044 045 046 057 060-064) when both sides are actors.  Keys form a set per
  document.
- **Dated.** Gold items are (key, date) of dated asserted gold events.  A
  predicted date matches a gold date when the predicted date cut to the gold's
  precision equals it (gold ``2024-08`` accepts ``2024-08-18``; gold
  ``2024-08-18`` rejects ``2024-08``).  A predicted (key, date) that matches a
  gold item is replaced by that gold item (the most precise one if several
  match), so that the sets stay sets; one that matches none stays a false
  positive.  Left out, as the spec says: undated gold events, undated
  predicted events, and predicted events whose key matches only undated gold
  events.
- **Quotes.** The speakers' codes must be equal (a quote without a speaker
  matches nothing); the coverage of a gold quote by a predicted one is the
  share of the gold text's words (normalized with
  :func:`marsad.text.normalize.normalize_word`, counted with repetition) that
  also occur in the predicted text; at least one half matches.  One-to-one and
  maximal, trying the best-covering pairs first.  Quotes are not deduplicated.
- **Status.** Units are predicted events of any status.  A predicted event
  matches the gold events with which it shares a root key; if some of those
  report it in the same sentence (one sentence text contains the other after
  normalization) only those count.  It is right when its status is the status
  of one of them.  ``n`` is the number of predicted events that matched.
- **Metadata.** ``published``: the predicted date cut to the gold's precision
  equals the gold date; ``title``: equal after trimming whitespace.  A null
  gold date is matched only by a null prediction, a null gold title only by a
  null or blank one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.errors import GoldFormatError
from marsad.evaluation.gold import GoldCorpus, GoldDocument, GoldEvent, GoldQuote
from marsad.model import country_part
from marsad.text.normalize import normalize_word

SYMMETRIC = frozenset(
    {"036", "037", "040", "041", "044", "045", "046", "057", "060", "061", "062", "063", "064"}
)
EMPTY = "-"
QUOTE_COVERAGE = 0.5
_WORD = re.compile(r"\w+")

Key = tuple[str, str, str]
DatedKey = tuple[Key, str]


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, predicted and gold totals of one level; they add up across documents."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def figures(self) -> dict[str, float | int]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 4),
            "r": round(r, 4),
            "f1": round(f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def set_counts(predicted: set[Any], gold: set[Any]) -> Counts:
    return Counts(len(predicted & gold), len(predicted), len(gold))


def max_matching(candidates: Sequence[Sequence[int]]) -> int:
    """Size of a maximum one-to-one matching; ``candidates[i]`` lists the right items left item i may take.

    Kuhn's augmenting paths: each left item tries its candidates in the order
    given, so better candidates listed first are preferred.
    """
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(1 for i in range(len(candidates)) if place(i, set()))


# -- actors ----------------------------------------------------------------------------------


def actor_counts(gold: GoldDocument, predicted: GoldDocument) -> Counts:
    gold_forms = [{m.strip() for m in a.mentions} for a in gold.actors]
    candidates = [
        [
            j
            for j, g in enumerate(gold.actors)
            if g.code == p.code and gold_forms[j] & {m.strip() for m in p.mentions}
        ]
        for p in predicted.actors
    ]
    return Counts(max_matching(candidates), len(predicted.actors), len(gold.actors))


# -- events ----------------------------------------------------------------------------------


def is_symmetric(cameo: str) -> bool:
    return cameo[:3] in SYMMETRIC


def event_pairs(event: GoldEvent, codes: dict[str, str]) -> set[tuple[str, str]]:
    """The (source, target) country-or-IGO pairs of an event, sorted for symmetric acts."""
    sources = [country_part(codes[s]) for s in event.source] or [EMPTY]
    targets = [country_part(codes[t]) for t in event.target] or [EMPTY]
    pairs = {(s, t) for s in sources for t in targets}
    if is_symmetric(event.cameo):
        pairs = {(min(s, t), max(s, t)) if EMPTY not in (s, t) else (s, t) for s, t in pairs}
    return pairs


def root_keys(event: GoldEvent, codes: dict[str, str]) -> set[Key]:
    return {(s, t, event.cameo[:2]) for s, t in event_pairs(event, codes)}


def code_keys(event: GoldEvent, codes: dict[str, str]) -> set[Key]:
    return {(s, t, event.cameo) for s, t in event_pairs(event, codes)}


def _asserted(doc: GoldDocument) -> list[GoldEvent]:
    return [e for e in doc.events if e.status == "asserted"]


def _keys(doc: GoldDocument, keys: Callable[[GoldEvent, dict[str, str]], set[Key]]) -> set[Key]:
    codes = doc.codes()
    return {k for e in _asserted(doc) for k in keys(e, codes)}


def date_matches(predicted: str | None, gold: str | None) -> bool:
    """The predicted date cut to the gold's precision equals the gold date."""
    if gold is None:
        return predicted is None
    return predicted is not None and len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def dated_items(gold: GoldDocument, predicted: GoldDocument) -> tuple[set[DatedKey], set[DatedKey]]:
    """(predicted, gold) sets of (root key, date) for the ``dated`` level (see the module notes)."""
    gold_codes = gold.codes()
    gold_items = {(k, e.date) for e in _asserted(gold) if e.date for k in root_keys(e, gold_codes)}
    dates_of: dict[Key, list[str]] = {}
    for k, d in gold_items:
        dates_of.setdefault(k, []).append(d)
    undated_only = _keys(gold, root_keys) - dates_of.keys()
    pred_codes = predicted.codes()
    pred_items: set[DatedKey] = set()
    for e in _asserted(predicted):
        if not e.date:
            continue
        for k in root_keys(e, pred_codes):
            if k in undated_only:
                continue
            matching = [d for d in dates_of.get(k, []) if date_matches(e.date, d)]
            pred_items.add((k, max(matching, key=lambda d: (len(d), d)) if matching else e.date))
    return pred_items, gold_items


def event_counts(gold: GoldDocument, predicted: GoldDocument) -> dict[str, Counts]:
    pred_dated, gold_dated = dated_items(gold, predicted)
    return {
        "root": set_counts(_keys(predicted, root_keys), _keys(gold, root_keys)),
        "dated": set_counts(pred_dated, gold_dated),
        "code": set_counts(_keys(predicted, code_keys), _keys(gold, code_keys)),
    }


# -- status ----------------------------------------------------------------------------------


def _same_sentence(a: str, b: str) -> bool:
    na, nb = normalize_word(a), normalize_word(b)
    return na in nb or nb in na


def status_counts(gold: GoldDocument, predicted: GoldDocument) -> tuple[int, int]:
    """(right, matched) over predicted events that share a root key with a gold event."""
    gold_codes, pred_codes = gold.codes(), predicted.codes()
    gold_keys = [root_keys(g, gold_codes) for g in gold.events]
    right = matched = 0
    for event in predicted.events:
        keys = root_keys(event, pred_codes)
        candidates = [g for g, gk in zip(gold.events, gold_keys, strict=True) if gk & keys]
        if not candidates:
            continue
        same = [g for g in candidates if _same_sentence(g.sentence, event.sentence)]
        matched += 1
        right += event.status in {g.status for g in (same or candidates)}
    return right, matched


# -- quotes ----------------------------------------------------------------------------------


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(normalize_word(text)))


def coverage(predicted: str, gold: str) -> float:
    """Share of the gold text's words (with repetition) found in the predicted text."""
    gold_words = words(gold)
    total = sum(gold_words.values())
    return sum((gold_words & words(predicted)).values()) / total if total else 0.0


def _speaker_code(quote: GoldQuote, codes: dict[str, str]) -> str | None:
    return codes.get(quote.speaker) if quote.speaker else None


def quote_counts(gold: GoldDocument, predicted: GoldDocument) -> Counts:
    gold_codes, pred_codes = gold.codes(), predicted.codes()
    candidates: list[list[int]] = []
    for p in predicted.quotes:
        code = _speaker_code(p, pred_codes)
        scored = [
            (coverage(p.text, g.text), j)
            for j, g in enumerate(gold.quotes)
            if code is not None and _speaker_code(g, gold_codes) == code
        ]
        candidates.append(
            [j for c, j in sorted(scored, key=lambda x: (-x[0], x[1])) if c >= QUOTE_COVERAGE]
        )
    return Counts(max_matching(candidates), len(predicted.quotes), len(gold.quotes))


# -- metadata ------------------------------------------------------------------------------


def _trimmed(text: str | None) -> str:
    return (text or "").strip()


def metadata_matches(gold: GoldDocument, predicted: GoldDocument) -> dict[str, bool]:
    return {
        "published": date_matches(predicted.published, gold.published),
        "title": _trimmed(predicted.title) == _trimmed(gold.title),
    }


# -- the report ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentScore:
    doc: str
    actors: Counts
    events: dict[str, Counts]
    quotes: Counts
    status: tuple[int, int]
    metadata: dict[str, bool]

    def as_dict(self) -> dict[str, Any]:
        right, n = self.status
        return {
            "doc": self.doc,
            "actors": self.actors.figures(),
            "events": {level: c.figures() for level, c in self.events.items()},
            "quotes": self.quotes.figures(),
            "status": {"accuracy": round(right / n, 4) if n else 0.0, "n": n},
            "metadata": self.metadata,
        }


def score_document(gold: GoldDocument, predicted: GoldDocument) -> DocumentScore:
    return DocumentScore(
        doc=gold.doc,
        actors=actor_counts(gold, predicted),
        events=event_counts(gold, predicted),
        quotes=quote_counts(gold, predicted),
        status=status_counts(gold, predicted),
        metadata=metadata_matches(gold, predicted),
    )


def _total(counts: Iterable[Counts]) -> Counts:
    return sum(counts, Counts())


def score(gold: GoldCorpus, predictions: GoldCorpus) -> dict[str, Any]:
    """The report of the spec: micro-averaged figures for every level and per-document figures.

    Every gold document must have a predictions document of the same name (a
    coder that found nothing writes empty lists); predictions for documents
    that are not in the gold are ignored.
    """
    by_name = predictions.by_name()
    missing = [d.doc for d in gold.documents if d.doc not in by_name]
    if missing:
        raise GoldFormatError(
            f"the predictions have no document '{missing[0]}' of the gold"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
        )
    scores = [score_document(d, by_name[d.doc]) for d in gold.documents]
    n_docs = len(scores)
    right = sum(s.status[0] for s in scores)
    matched = sum(s.status[1] for s in scores)
    return {
        "corpus": gold.corpus,
        "documents": n_docs,
        "actors": _total(s.actors for s in scores).figures(),
        "events": {
            level: _total(s.events[level] for s in scores).figures()
            for level in ("root", "dated", "code")
        },
        "quotes": _total(s.quotes for s in scores).figures(),
        "status": {"accuracy": round(right / matched, 4) if matched else 0.0, "n": matched},
        "metadata": {
            field: round(sum(s.metadata[field] for s in scores) / n_docs, 4) if n_docs else 0.0
            for field in ("published", "title")
        },
        "per_document": [s.as_dict() for s in scores],
    }

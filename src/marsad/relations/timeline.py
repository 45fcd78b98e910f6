"""Per-pair timelines: events by period, quad class, Goldstein sum and mean, tone of quotes."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from operator import itemgetter
from typing import Any

from marsad import query
from marsad.errors import InputError
from marsad.relations.merge import (
    Fact,
    FactCluster,
    MergedEvent,
    cluster_facts,
    count_sources,
    merged_events,
)
from marsad.relations.phases import Phase, detect_phases
from marsad.store import Store
from marsad.store.facts import representatives

SPARK = "▁▂▃▄▅▆▇█"


@dataclass(slots=True)
class Period:
    period: str  # 2025-07, 2025-W27, 2025-07-01
    events: int = 0
    quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    goldstein_sum: float = 0.0
    goldstein_mean: float = 0.0  # weighted: events dated only by the article count half
    weight: float = 0.0
    tone: float | None = None  # mean stance of quotes between the pair
    quotes: int = 0
    key_events: list[dict[str, object]] = field(default_factory=list)


@dataclass(slots=True)
class Timeline:
    a: str
    b: str
    by: str
    periods: list[Period]
    phases: list[Phase]
    _merged: list[MergedEvent] | Callable[[], list[MergedEvent]] = field(repr=False)

    @property
    def merged(self) -> list[MergedEvent]:
        """Every merged event with its mentions as full records (read on first use: the periods
        and phases do not need them, a brief does)."""
        if callable(self._merged):
            self._merged = self._merged()
        return self._merged

    def sparkline(self) -> str:
        values = [p.goldstein_mean for p in self.periods if p.events]
        if not values:
            return ""
        lo, hi = -10.0, 10.0
        return "".join(SPARK[min(7, int((v - lo) / (hi - lo) * 8))] for v in values)


def period_of(iso: str, by: str) -> str | None:
    """The period label of a (possibly partial) ISO date; None when the date is coarser than the period."""
    parts = iso.split("-")
    if by == "month":
        return iso[:7] if len(parts) >= 2 else None
    if by == "year":
        return iso[:4]
    if len(parts) < 3:
        return None
    d = date.fromisoformat(iso[:10])
    if by == "day":
        return d.isoformat()
    if by == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    raise InputError(f"--by must be day, week, month or year, got {by!r}")


def _all_periods(labels: list[str], by: str) -> list[str]:
    """Every period from the first label to the last (empty ones included), for an honest x axis."""
    if not labels or by not in ("month", "year"):
        return sorted(set(labels))
    first, last = min(labels), max(labels)
    out = []
    if by == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def timeline(
    store: Store,
    a: str,
    b: str,
    by: str = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    include_empty: bool = True,
) -> Timeline:
    """The pair's merged events, period by period, with phases.

    The merge runs on the facts stored for it (``pair_events``, near-duplicate clusters, quote
    pairs: :mod:`marsad.store.facts`) with the rules of :func:`merge_events`, so a busy pair's
    thousands of events are a few index scans and a pass over tuples; the full records are read
    only for the key events shown, and for :attr:`Timeline.merged` when it is asked for."""
    if by not in ("day", "week", "month", "year"):
        raise InputError(f"--by must be day, week, month or year, got {by!r}")
    query.check_dates(date_from, date_to)
    a, b = a.upper(), b.upper()
    facts = pair_facts(store, a, b, date_from, date_to)
    clusters = cluster_facts(facts)
    buckets: dict[str, Period] = {}
    shown: dict[str, list[FactCluster]] = defaultdict(list)
    period_of_date: dict[str, str | None] = {}
    for m in clusters:
        label = period_of_date.get(m.date, "")
        if label == "":
            label = period_of_date[m.date] = period_of(m.date, by)
        if label is None:
            continue
        p = buckets.get(label)
        if p is None:
            p = buckets[label] = Period(label)
        w = 1.0 if m.dated else 0.5
        p.events += 1
        p.quad[m.quad] += 1
        p.goldstein_sum += m.goldstein
        p.weight += w
        p.goldstein_mean += m.goldstein * w  # divided by the weight below
        shown[label].append(m)
    tone = _quote_tone(store, a, b, by, date_from, date_to)
    for label, (total, n) in tone.items():
        p = buckets.setdefault(label, Period(label))
        p.tone = round(total / n, 3)
        p.quotes = n
    heaviest = _key_events(store, shown)
    mentions = _first_mentions(store, [m.events[0][0] for r in heaviest.values() for m in r])
    for label, ranked in heaviest.items():
        buckets[label].key_events = [_key_event(m, mentions) for m in ranked]
    labels = _all_periods(list(buckets), by) if include_empty else sorted(buckets)
    periods = []
    for label in labels:
        p = buckets.get(label, Period(label))
        if p.events:
            p.goldstein_mean = round(p.goldstein_mean / p.weight, 3)
            p.goldstein_sum = round(p.goldstein_sum, 3)
        periods.append(p)
    phases = detect_phases(periods)

    def merged() -> list[MergedEvent]:
        return merged_events(store, facts)

    return Timeline(a, b, by, periods, phases, merged)


def pair_facts(
    store: Store, a: str, b: str, date_from: str | None, date_to: str | None
) -> list[Fact]:
    """The pair's asserted, dated events (either direction) in the range, in the order the merge
    takes them: the most precise dates first, then by date, then by id."""
    where = ["p.src = ?", "p.tgt = ?", "p.status = 'asserted'", "p.date IS NOT NULL"]
    args: list[Any] = []
    if date_from:
        where.append("p.date >= ?")
        args.append(date_from)
    if date_to:
        where.append("substr(p.date, 1, ?) <= ?")
        args += [len(date_to), date_to]
        if store.dialect == "sqlite":  # implied (dates are ASCII below "~"); bounds the scan
            where.append("p.date < ?")
            args.append(date_to + "~")
    # one covering index read, in its own order (date, id): no sort.  The near-duplicate
    # representatives are asked for afterwards, for the documents of clusters of several events
    # only, in document order (a lookup per row, in date order, cost more than the whole read)
    sql = (
        "SELECT p.event_id, p.doc_id, p.key_src, p.key_tgt, p.cameo, p.date, p.dated, p.quad,"
        " p.goldstein, p.plover FROM pair_events p WHERE "
        + " AND ".join(where)
        + " ORDER BY p.date, p.event_id"
    )
    facts = store.tuples(sql, (a, b, *args))
    if a != b:
        back = store.tuples(sql, (b, a, *args))
        if back:  # an event with both dyads (several sources or targets) counts once
            ids = {f[0] for f in facts}
            facts += [f for f in back if f[0] not in ids]
            facts.sort(key=itemgetter(5, 0))
    lengths = {len(f[5]) for f in facts}
    if len(lengths) < 2:
        return facts
    by_length: dict[int, list[Fact]] = {n: [] for n in sorted(lengths, reverse=True)}
    for f in facts:  # a stable partition: the longest dates first, each in (date, id) order
        by_length[len(f[5])].append(f)
    return [f for part in by_length.values() for f in part]


def _first_mentions(store: Store, ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """Event id -> (trigger, document key, sentence) for the events shown as key events."""
    out: dict[int, tuple[str, str, str]] = {}
    todo = sorted(set(ids))
    for i in range(0, len(todo), 500):
        chunk = todo[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(
            "SELECT e.id, e.trig_start, e.trig_end, e.sent_start, e.sent_end, d.doc_key, d.text"
            f" FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id IN ({marks})",
            chunk,
        ):
            text = r[6]
            out[int(r[0])] = (text[r[1] : r[2]], r[5], text[r[3] : r[4]])
    return out


def _heaviest(m: FactCluster) -> float:
    return -abs(round(m.goldstein * max(1, m.sources), 2))  # FactCluster.weight, inlined


def _key_events(store: Store, shown: dict[str, list[FactCluster]]) -> dict[str, list[FactCluster]]:
    """The five heaviest merged events of each period (ties in merged order).  A weight counts
    independent sources, which most clusters know only as an upper bound (their documents):
    the five heaviest by the bounds are made exact, which can only lower their weights, until
    the five heaviest are all exact; the events outside then weigh no more than their bounds,
    which rank after the five."""
    reps = partial(representatives, store)
    # a first round wide enough that the five are seldom far off: one lookup, not a few
    count_sources([m for r in shown.values() for m in heapq.nsmallest(10, r, key=_heaviest)], reps)
    top = {label: heapq.nsmallest(5, ranked, key=_heaviest) for label, ranked in shown.items()}
    while pending := {label for label, best in top.items() if not all(m.exact for m in best)}:
        count_sources([m for label in pending for m in top[label]], reps)
        for label in pending:
            top[label] = heapq.nsmallest(5, shown[label], key=_heaviest)
    return top


def _key_event(m: FactCluster, mentions: dict[int, tuple[str, str, str]]) -> dict[str, object]:
    trigger, doc, sentence = mentions[m.events[0][0]]
    return {
        "date": m.date,
        "cameo": m.cameo,
        "plover": m.plover,
        "goldstein": m.goldstein,
        "sources": m.sources,
        "weight": m.weight,
        "trigger": trigger,
        "doc": doc,
        "sentence": sentence,
    }


def _quote_tone(
    store: Store, a: str, b: str, by: str, date_from: str | None, date_to: str | None
) -> dict[str, tuple[float, int]]:
    """Mean stance of quotes by one side's speakers about the other, per period, from the stored
    quote pairs, summed in the quotes' order (document, then place in it).  A quote is dated by
    its document's publication date and counts only inside the range asked for, like the events
    (a timeline of 2023 shows no tone from 2015)."""
    out: dict[str, list[float]] = defaultdict(list)
    labels: dict[str, str | None] = {}
    where = ["((speaker = ? AND about = ?) OR (speaker = ? AND about = ?))"]
    args: list[Any] = [a, b, b, a]
    query._date_range("published", date_from, date_to, where, args)
    rows = store.tuples(
        "SELECT published, stance FROM quote_pairs WHERE "
        + " AND ".join(where)
        + " ORDER BY doc_id, start, quote_id, pos",
        args,
    )
    for pub, stance in rows:
        label = labels.get(pub, "")
        if label == "":
            label = labels[pub] = period_of(pub, by) if pub else None
        if label:
            out[label].append(float(stance))
    return {k: (sum(v), len(v)) for k, v in out.items()}

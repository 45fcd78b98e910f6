"""Per-pair timelines: events by period, quad class, Goldstein sum and mean, tone of quotes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from marsad import query
from marsad.errors import InputError
from marsad.model import country_part
from marsad.relations.merge import MergedEvent, duplicate_groups, merge_events
from marsad.relations.phases import Phase, detect_phases
from marsad.store import Store

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
    merged: list[MergedEvent]

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
    """The pair's merged events, period by period, with phases."""
    if by not in ("day", "week", "month", "year"):
        raise InputError(f"--by must be day, week, month or year, got {by!r}")
    a, b = a.upper(), b.upper()
    rows = [
        e
        for e in query.events(
            store, dyad=(a, b), date_from=date_from, date_to=date_to, limit=query.MAX_LIMIT
        )
        if e.status == "asserted" and e.date
    ]
    # near-duplicate articles only matter where two of them report the same event: compare those
    shared: set[str] = set()
    for m in merge_events(rows):
        if m.articles > 1:
            shared.update(e.doc_key for e in m.mentions)
    texts = {key: store.get_document(key).document.text for key in shared}
    merged = merge_events(rows, duplicate_groups(texts)) if texts else merge_events(rows)
    buckets: dict[str, Period] = {}
    for m in merged:
        label = period_of(m.date or "", by)
        if label is None:
            continue
        p = buckets.setdefault(label, Period(label))
        w = 1.0 if any(x.date_basis == "expression" for x in m.mentions) else 0.5
        p.events += 1
        p.quad[m.quad] += 1
        p.goldstein_sum += m.goldstein
        p.weight += w
        p.goldstein_mean += m.goldstein * w  # divided by the weight below
        p.key_events.append(
            {
                "date": m.date,
                "cameo": m.cameo,
                "plover": m.plover,
                "goldstein": m.goldstein,
                "sources": m.sources,
                "weight": round(m.weight, 2),
                "trigger": m.mentions[0].trigger,
                "doc": m.mentions[0].doc_key,
                "sentence": m.mentions[0].sentence,
            }
        )
    tone = _quote_tone(store, a, b, by)
    for label, (total, n) in tone.items():
        p = buckets.setdefault(label, Period(label))
        p.tone = round(total / n, 3)
        p.quotes = n
    labels = _all_periods(list(buckets), by) if include_empty else sorted(buckets)
    periods = []
    for label in labels:
        p = buckets.get(label, Period(label))
        if p.events:
            p.goldstein_mean = round(p.goldstein_mean / p.weight, 3)
            p.goldstein_sum = round(p.goldstein_sum, 3)
        p.key_events.sort(key=lambda k: -abs(float(k["weight"])))  # type: ignore[arg-type]
        p.key_events = p.key_events[:5]
        periods.append(p)
    phases = detect_phases(periods)
    return Timeline(a, b, by, periods, phases, merged)


def _quote_tone(store: Store, a: str, b: str, by: str) -> dict[str, tuple[float, int]]:
    """Mean stance of quotes by one side's speakers about the other, per period (document date)."""
    out: dict[str, list[float]] = defaultdict(list)
    published: dict[str, str | None] = {}
    for q in query.quotes(store, limit=query.MAX_LIMIT):
        if not q.speaker:
            continue
        sp = country_part(q.speaker["code"])
        for ab in q.about:
            other = country_part(str(ab["code"]))
            if {sp, other} == {a, b}:
                if q.doc_key not in published:
                    published[q.doc_key] = store.get_document(q.doc_key).document.meta.published
                pub = published[q.doc_key]
                label = period_of(pub, by) if pub else None
                if label:
                    out[label].append(float(ab["stance"]))
    return {k: (sum(v), len(v)) for k, v in out.items()}

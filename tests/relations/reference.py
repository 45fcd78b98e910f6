"""The timeline as it was computed before the stored relation facts (migration 0007): every
event of the pair as a full record through the ``event_dyads`` table, merged with
:func:`merge_events`, near-duplicates found by MinHash over the texts of the documents that share
an event, and the quote tone from every quote.  Kept as the oracle the fast path must equal
(without the old 10,000-row caps, which silently dropped events and quotes of busy stores), and
quotes counted only when their document was published inside the range asked for."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from marsad import query
from marsad.model import country_part
from marsad.query import EventRow
from marsad.relations.merge import duplicate_groups, merge_events
from marsad.relations.phases import detect_phases
from marsad.relations.timeline import Period, Timeline, _all_periods, period_of
from marsad.store import Store


def reference_events(
    store: Store,
    a: str,
    b: str,
    date_from: str | None = None,
    date_to: str | None = None,
    **filters: Any,
) -> list[EventRow]:
    """A pair's events in list order, through ``event_dyads`` and the events table."""
    where = [
        "e.id IN (SELECT event_id FROM event_dyads WHERE (src = ? AND tgt = ?) OR (src = ? AND tgt = ?))"
    ]
    args: list[Any] = [a, b, b, a]
    query._event_filters(
        "e.",
        filters.get("root"),
        filters.get("code"),
        filters.get("quad"),
        filters.get("status"),
        date_from,
        date_to,
        where,
        args,
    )
    rows = store.conn.execute(
        "SELECT e.* FROM events e WHERE "
        + " AND ".join(where)
        + " ORDER BY e.date IS NULL, e.date, e.id",
        args,
    ).fetchall()
    return query._event_rows(store, rows)


def _in_range(pub: str, date_from: str | None, date_to: str | None) -> bool:
    """A publication date within the range the timeline was asked for (as an event's date)."""
    return (not date_from or pub >= date_from) and (not date_to or pub[: len(date_to)] <= date_to)


def _tone(
    store: Store, a: str, b: str, by: str, date_from: str | None, date_to: str | None
) -> dict[str, tuple[float, int]]:
    out: dict[str, list[float]] = defaultdict(list)
    every = []
    while page := query.quotes(store, limit=query.MAX_LIMIT, offset=len(every)):
        every += page
    published: dict[str, str | None] = {}
    for q in every:
        if not q.speaker:
            continue
        sp = country_part(q.speaker["code"])
        for ab in q.about:
            if {sp, country_part(str(ab["code"]))} == {a, b}:
                if q.doc_key not in published:
                    published[q.doc_key] = store.get_document(q.doc_key).document.meta.published
                pub = published[q.doc_key]
                label = period_of(pub, by) if pub and _in_range(pub, date_from, date_to) else None
                if label:
                    out[label].append(float(ab["stance"]))
    return {k: (sum(v), len(v)) for k, v in out.items()}


def reference_timeline(
    store: Store,
    a: str,
    b: str,
    by: str = "month",
    date_from: str | None = None,
    date_to: str | None = None,
) -> Timeline:
    a, b = a.upper(), b.upper()
    rows = [
        e
        for e in reference_events(store, a, b, date_from, date_to)
        if e.status == "asserted" and e.date
    ]
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
        w = 1.0 if any(x.date_basis in ("expression", "narrative") for x in m.mentions) else 0.5
        p.events += 1
        p.quad[m.quad] += 1
        p.goldstein_sum += m.goldstein
        p.weight += w
        p.goldstein_mean += m.goldstein * w
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
    for label, (total, n) in _tone(store, a, b, by, date_from, date_to).items():
        p = buckets.setdefault(label, Period(label))
        p.tone = round(total / n, 3)
        p.quotes = n
    periods = []
    for label in _all_periods(list(buckets), by):
        p = buckets.get(label, Period(label))
        if p.events:
            p.goldstein_mean = round(p.goldstein_mean / p.weight, 3)
            p.goldstein_sum = round(p.goldstein_sum, 3)
        p.key_events.sort(key=lambda k: -abs(float(k["weight"])))  # type: ignore[arg-type]
        p.key_events = p.key_events[:5]
        periods.append(p)
    return Timeline(a, b, by, periods, detect_phases(periods), merged)

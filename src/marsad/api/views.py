"""Shaping query results for the API: pages, the actor network, the list of pairs.

Pure functions over plain records (and a few small SQL reads for what
:mod:`marsad.query` does not offer), so each can be tested without a server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from marsad import query
from marsad.model import country_part
from marsad.query import EventRow, QuoteRow
from marsad.store import Store

T = TypeVar("T")


def page(rows: Sequence[Any], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    """One page of ``rows`` fetched with ``limit + 1``: the extra row only says there is more.

    ``total`` is given where counting is cheap (documents); elsewhere it is
    ``None`` and ``next_offset`` tells a client whether to ask again.
    """
    items = list(rows[:limit])
    more = len(rows) > limit
    return {
        "items": items,
        "limit": limit,
        "offset": offset,
        "count": len(items),
        "total": total,
        "next_offset": offset + len(items) if more else None,
    }


def list_documents(
    store: Store,
    limit: int,
    offset: int,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> dict[str, Any]:
    """A page of document records (no text), oldest stored first, with the total count."""
    rows, total = query.documents(store, outlet, date_from, date_to, limit, offset)
    return page(rows, limit, offset, total)


def pairs(store: Store, limit: int, offset: int) -> dict[str, Any]:
    """Pairs of codes with events between them (either direction), most events first.

    What the explorer offers to pick from: a pair with no event has no
    timeline to show.
    """
    rows = query.pairs(store, limit + 1, offset)
    names = code_names(store, {c for r in rows for c in (r["a"], r["b"])})
    items = [
        {
            "a": r["a"],
            "b": r["b"],
            "events": r["events"],
            "names": {r["a"]: names.get(r["a"], {}), r["b"]: names.get(r["b"], {})},
        }
        for r in rows
    ]
    return page(items, limit, offset)


def code_names(store: Store, codes: Iterable[str]) -> dict[str, dict[str, str | None]]:
    """Arabic and English names of country and IGO codes, from the actors table."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    out: dict[str, dict[str, str | None]] = {}
    for r in store.conn.execute(
        f"SELECT code, name, name_en FROM actors WHERE code IN ({marks}) "
        "AND kind IN ('country', 'igo') ORDER BY id",
        wanted,
    ):
        out.setdefault(r["code"], {"ar": r["name"], "en": r["name_en"]})
    return out


def actor_extras(store: Store, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
    """Each actor id's English name (``None`` where the lexicon has none) and country code."""
    wanted = sorted(set(ids))
    out: dict[str, tuple[str | None, str]] = {}
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        for r in store.conn.execute(
            f"SELECT id, name_en, country FROM actors WHERE id IN ({marks})", part
        ):
            out[r["id"]] = (r["name_en"], r["country"])
    return out


def add_extras(store: Store, actors: Iterable[dict[str, Any]]) -> None:
    """Set ``name_en`` and ``country`` on actor records (in place)."""
    actors = list(actors)
    extras = actor_extras(store, (a["id"] for a in actors))
    for a in actors:
        name_en, country = extras.get(a["id"], (None, ""))
        a["name_en"] = name_en
        a["country"] = country or country_part(str(a.get("code", "")))


def network(rows: Iterable[EventRow], limit: int) -> dict[str, Any]:
    """Actors as nodes and source->target events as weighted edges, the ``limit`` busiest nodes.

    An edge counts the events from its source to its target and sums their
    Goldstein weights, so the explorer can colour it by the sign.
    """
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for e in rows:
        for s in e.source:
            for t in e.target:
                if s["id"] == t["id"]:
                    continue
                edge = edges.setdefault(
                    (s["id"], t["id"]),
                    {"source": s["id"], "target": t["id"], "events": 0, "goldstein": 0.0},
                )
                edge["events"] += 1
                edge["goldstein"] = round(edge["goldstein"] + e.goldstein, 2)
                for x in (s, t):
                    node = nodes.setdefault(x["id"], {**x, "degree": 0})
                    node["degree"] += 1
    top = sorted(nodes.values(), key=lambda n: (-n["degree"], n["id"]))[:limit]
    keep = {n["id"] for n in top}
    kept = [e for e in edges.values() if e["source"] in keep and e["target"] in keep]
    return {"nodes": top, "edges": kept}


ACTOR_KEYS = ("source", "target", "speaker", "via", "about")


def _actor_dicts(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in ACTOR_KEYS:
        value = row.get(key)
        if isinstance(value, dict):
            yield value
        elif isinstance(value, list):
            yield from (x for x in value if isinstance(x, dict))


def enrich_actors(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add ``name_en`` and ``country`` to every actor of event or quote records (in place).

    The explorer shows names in the language picked and groups speakers by
    country; one query per page gives it both.
    """
    add_extras(store, (a for r in rows for a in _actor_dicts(r)))
    return rows


def filtered_page(
    fetch: Callable[[int, int], Sequence[T]],
    keep: Callable[[T], bool],
    limit: int,
    offset: int,
    batch: int = 500,
) -> list[T]:
    """``limit + 1`` records from ``offset`` among those ``keep`` accepts, reading ``fetch(limit,
    offset)`` batch by batch: paging stays right for a filter the query cannot run in SQL."""
    out: list[T] = []
    skipped = 0
    at = 0
    while len(out) <= limit:
        rows = fetch(batch, at)
        for row in rows:
            if not keep(row):
                continue
            if skipped < offset:
                skipped += 1
            elif len(out) <= limit:
                out.append(row)
        if len(rows) < batch:
            break
        at += batch
    return out


def quote_matches(q: QuoteRow, about: str | None, countries: set[str] | None) -> bool:
    """Whether a quote is about ``about`` (an actor id, code or country) and its speaker
    belongs to one of ``countries``; a ``None`` filter accepts every quote."""
    if about and not any(
        x["id"] == about or x["code"] == about or country_part(str(x["code"])) == about
        for x in q.about
    ):
        return False
    if countries is not None:
        return q.speaker is not None and country_part(q.speaker["code"]) in countries
    return True

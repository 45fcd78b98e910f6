"""The store at scale: events written in bulk, the indexes the event queries use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from marsad import query
from marsad.bench import synthetic_article
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.store import open_store


def _analysis(i: int) -> object:
    text = synthetic_article(i, seed=21)
    return analyze(Document(raw=text, text=text, meta=DocumentMeta(source=f"{i}.txt")))


def test_bulk_written_events_have_consecutive_ids_and_their_pairs(db_path: Path) -> None:
    with open_store(db_path) as st:
        for i in range(2):
            st.add(_analysis(i))  # type: ignore[arg-type]
        n = len(query.events(st, limit=10000))
    conn = sqlite3.connect(db_path)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id")]
        assert ids == list(range(1, n + 1))  # what one INSERT per event gave
        orphans = conn.execute(
            "SELECT COUNT(*) FROM event_dyads WHERE event_id NOT IN (SELECT id FROM events)"
        ).fetchone()[0]
        assert orphans == 0
        per_event = conn.execute("SELECT COUNT(DISTINCT event_id) FROM event_dyads").fetchone()[0]
        assert per_event == n
    finally:
        conn.close()


def test_event_queries_use_the_order_and_pair_indexes(db_path: Path) -> None:
    with open_store(db_path):
        pass
    conn = sqlite3.connect(db_path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"events_order", "events_root_order", "event_dyads_pair_event"} <= names
        plan = " ".join(
            r[3]
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT event_id FROM event_dyads WHERE src = ? AND tgt = ?",
                ("RUS", "AZE"),
            )
        )
        assert "COVERING INDEX event_dyads_pair_event" in plan
    finally:
        conn.close()

"""PostgreSQL keeps the same relation facts as SQLite and answers the timeline and pair queries
the same way (a throwaway server from the scale tests' fixture; skips, saying why, without one)."""

from __future__ import annotations

from pathlib import Path

from marsad import query
from marsad.relations.brief import timeline_dict
from marsad.relations.timeline import timeline
from marsad.store import open_store
from tests.perf.conftest import pg_server_url, pg_url  # noqa: F401  (fixtures)
from tests.relations.synthetic import fill

PAIRS = [("RUS", "AZE"), ("AZE", "USA"), ("TUR", "RUS")]


def test_postgres_facts_and_timelines_equal_sqlite(pg_url: str, tmp_path: Path) -> None:  # noqa: F811
    with open_store(tmp_path / "lite.db") as lite, open_store(pg_url) as pg:
        assert pg.dialect == "postgresql"
        fill(lite, seed=5, docs=16)
        fill(pg, seed=5, docs=16)
        for table in ("pair_events", "quote_pairs", "doc_dups"):
            rows = [f"SELECT * FROM {table} ORDER BY 1, 2, 3"]
            assert [tuple(r) for r in lite.conn.execute(*rows)] == [
                tuple(bytes(x) if isinstance(x, memoryview) else x for x in r)
                for r in pg.conn.execute(*rows)
            ], table
        for a, b in PAIRS:
            for kw in ({}, {"date_from": "2025", "date_to": "2025-06"}):
                assert timeline_dict(timeline(pg, a, b, **kw)) == timeline_dict(
                    timeline(lite, a, b, **kw)
                )
            assert query.events(pg, dyad=(a, b), limit=5, offset=2) == query.events(
                lite, dyad=(a, b), limit=5, offset=2
            )
        rep = pg.conn.execute(
            "SELECT rep_id FROM doc_dups GROUP BY rep_id HAVING COUNT(*) > 1 ORDER BY rep_id"
        ).fetchone()[0]
        lite.delete(int(rep))
        pg.delete(int(rep))
        assert (
            pg.conn.execute("SELECT COUNT(*) FROM pair_events WHERE doc_id = ?", (rep,)).fetchone()[
                0
            ]
            == 0
        )
        assert [
            tuple(r) for r in pg.conn.execute("SELECT doc_id, rep_id FROM doc_dups ORDER BY 1")
        ] == [tuple(r) for r in lite.conn.execute("SELECT doc_id, rep_id FROM doc_dups ORDER BY 1")]
        for a, b in PAIRS:
            assert timeline_dict(timeline(pg, a, b)) == timeline_dict(timeline(lite, a, b))

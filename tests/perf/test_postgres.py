"""PostgreSQL as the store: same schema, migrations, queries and search as SQLite, on a real server."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import query
from marsad.ingest import SAMPLE_DIR, ingest
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.relations.timeline import timeline
from marsad.store import migration_names, open_store
from marsad.store.postgres import pg_migration_names, safe_dsn, translate

TEXT = "محادثات في باكو\nوصل وزير الخارجية الروسي إلى باكو أمس في زيارة رسمية لأذربيجان."


def _doc(text: str = TEXT, url: str | None = None) -> Document:
    return Document(
        raw=text, text=text, meta=DocumentMeta(title=text.split("\n")[0], url=url, source="t.txt")
    )


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "SELECT * FROM t WHERE a = ? AND b LIKE ? || '%'",
            "SELECT * FROM t WHERE a = %s AND b LIKE %s || '%%'",
        ),
        (
            "INSERT OR IGNORE INTO actors VALUES (?,?)",
            "INSERT INTO actors VALUES (%s,%s) ON CONFLICT DO NOTHING",
        ),
        (
            "INSERT INTO quotes (start, end, m.end) VALUES (?, ?, ?)",
            'INSERT INTO quotes (start, "end", m.end) VALUES (%s, %s, %s)',
        ),
        ("BEGIN IMMEDIATE", "BEGIN"),
    ],
)
def test_translate(sql: str, expected: str) -> None:
    assert translate(sql, has_params=True) == expected


def test_password_is_never_shown() -> None:
    assert (
        safe_dsn("postgresql://ana:s3cret@db.local/marsad")
        == "postgresql://ana:***@db.local/marsad"
    )


def test_same_migration_names_as_sqlite() -> None:
    assert pg_migration_names() == migration_names()


def test_migrations_apply_once(pg_url: str) -> None:
    with open_store(pg_url) as st:
        assert st.dialect == "postgresql"
        assert st.applied_migrations() == migration_names()
        assert st.migrate() == []
    with open_store(pg_url) as st:
        assert st.migrate() == []


def test_add_present_new_version_and_rollback(pg_url: str) -> None:
    with open_store(pg_url) as st:
        a = st.add(analyze(_doc(url="http://127.0.0.1/a")))
        assert (a.status, a.version) == ("added", 1)
        assert st.add(analyze(_doc(url="http://127.0.0.1/a"))).status == "present"
        b = st.add(analyze(_doc(TEXT + "\nتحديث.", url="http://127.0.0.1/a")))
        assert (b.status, b.version) == ("new_version", 2)
        bad = analyze(_doc("نص آخر مختلف تماما."), stages=["segment"])
        bad.mentions.append(None)  # type: ignore[arg-type]  # breaks inside the transaction
        with pytest.raises(AttributeError):
            st.add(bad)
        assert not st.conn.in_transaction
        assert st.count() == 2
        assert st.conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0] == 2
        assert st.get_document(a.doc_key[:6]).document.text == TEXT


def test_round_trip_of_every_layer(pg_url: str) -> None:
    analysis = analyze(_doc())
    with open_store(pg_url) as st:
        added = st.add(analysis)
        back = st.load_analysis(added.doc_key)
    assert back.mentions == analysis.mentions
    assert back.events == [type(e)(**{**_fields(e), "date_span": None}) for e in analysis.events]
    assert back.quotes == analysis.quotes
    assert back.timexes == analysis.timexes


def _actors(rows: list[query.ActorRow]) -> list[tuple[object, ...]]:
    return [(r.id, r.code, r.name, r.mentions, r.documents, sorted(r.forms)) for r in rows]


def _fields(obj: object) -> dict[str, object]:
    return {f: getattr(obj, f) for f in obj.__slots__}  # type: ignore[attr-defined]


def test_search_uses_the_normalized_column(pg_url: str) -> None:
    with open_store(pg_url) as st:
        st.add(analyze(_doc(), stages=["segment"]))
        st.add(analyze(_doc("خبر عن الاقتصاد في القاهرة."), stages=["segment"]))
        hits = st.search("أذربيجان")  # the text has لأذربيجان
        assert [h.title for h in hits] == ["محادثات في باكو"]
        s, e = hits[0].highlights[0]
        assert "أذربيجان" in hits[0].snippet[s:e]
        assert st.search("كلمة-غائبة") == []
        plan = st.conn.execute(
            "EXPLAIN SELECT doc_id FROM documents_fts WHERE tsv @@ plainto_tsquery('simple', ?)",
            ("باكو",),
        ).fetchall()
        assert plan  # the GIN index exists: a bitmap scan once the table is big enough


def test_same_records_and_queries_as_sqlite(
    pg_url: str, tmp_path: Path, small_corpus: Path
) -> None:
    """The whole sample corpus and a few synthetic articles: every query gives the same rows."""
    inputs = [SAMPLE_DIR, small_corpus]
    with open_store(tmp_path / "s.db") as lite, open_store(pg_url) as pg:
        r1 = ingest(inputs, lite)
        r2 = ingest(inputs, pg)
        assert r1.to_dict()["documents"] == r2.to_dict()["documents"]
        assert query.events(lite) == query.events(pg)
        assert query.events(lite, dyad=("RUS", "AZE"), date_from="2024") == query.events(
            pg, dyad=("RUS", "AZE"), date_from="2024"
        )
        assert query.events(lite, root="04", quad=1, limit=5) == query.events(
            pg, root="04", quad=1, limit=5
        )
        assert query.quotes(lite) == query.quotes(pg)
        for code in (None, "RUS"):  # forms come in no stated order (the query has no ORDER BY)
            assert _actors(query.actors(lite, code=code)) == _actors(query.actors(pg, code=code))
        t1, t2 = timeline(lite, "RUS", "AZE"), timeline(pg, "RUS", "AZE")
        assert t1.periods == t2.periods
        for key in [d["doc_key"] for d in r1.to_dict()["documents"]]:
            assert lite.load_analysis(key) == pg.load_analysis(key)
        assert [h.doc_key for h in lite.search("موسكو")] != []
        assert {h.doc_key for h in lite.search("موسكو")} == {h.doc_key for h in pg.search("موسكو")}

"""The timeline from stored relation facts equals the timeline merged from full records, and the
facts stay right when documents are added, versioned or deleted and when actor merges change."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from marsad import query
from marsad.actors import identity
from marsad.bench import synthetic_article
from marsad.relations.brief import brief, timeline_dict
from marsad.relations.merge import minhash
from marsad.relations.timeline import Timeline, timeline
from marsad.store import Store, open_store
from marsad.store.facts import FACT_TABLES, backfill, signature
from tests.relations.reference import reference_events, reference_timeline
from tests.relations.synthetic import COUNTRIES, _article, analysis, fill

PAIRS = [
    ("RUS", "AZE"),
    ("AZE", "USA"),
    ("USA", "TUR"),
    ("RUS", "IRN"),
    ("TUR", "RUS"),
    ("AZE", "AZE"),
]
RANGES = [(None, None), ("2025", "2025"), ("2024-06", "2025-01"), ("2025-02-01", None)]


def same_timeline(st: Store, a: str, b: str, **kw: Any) -> None:
    new = timeline(st, a, b, **kw)
    ref = reference_timeline(st, a, b, **kw)
    assert timeline_dict(new) == timeline_dict(ref), (a, b, kw)
    assert new.merged == ref.merged, (a, b, kw)


def dump(st: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(tuple(r) for r in st.conn.execute(f"SELECT * FROM {t}")) for t in FACT_TABLES}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    st = open_store(tmp_path / "facts.db")
    fill(st)
    return st


def test_signature_is_the_merge_minhash() -> None:
    for i in range(3):
        text = synthetic_article(i, seed=5)
        assert signature(text) == minhash(text)
    assert signature("") == minhash("")


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_timeline_equals_the_full_merge(store: Store, by: str) -> None:
    for a, b in PAIRS:
        for date_from, date_to in RANGES:
            same_timeline(store, a, b, by=by, date_from=date_from, date_to=date_to)


def test_quote_tone_stays_inside_the_range(store: Store) -> None:
    """A timeline asked for a range shows no tone from quotes published outside it (they used to
    add tone-only periods), and the tone inside the range is the whole timeline's."""
    inside = ("2025-02", "2025-06")

    def tone(tl: Timeline) -> dict[str, tuple[float | None, int]]:
        return {p.period: (p.tone, p.quotes) for p in tl.periods if p.quotes}

    for a, b in PAIRS:
        full = tone(timeline(store, a, b))
        part = tone(timeline(store, a, b, date_from=inside[0], date_to=inside[1]))
        assert part == {k: v for k, v in full.items() if inside[0] <= k <= inside[1]}, (a, b)
        year = timeline(store, a, b, by="year", date_from="2024", date_to="2024")
        assert all(p.period == "2024" for p in year.periods), (a, b)
    every = [tone(timeline(store, a, b)) for a, b in PAIRS]
    assert any(k < inside[0] or k > inside[1] for t in every for k in t), "quotes outside"
    assert any(inside[0] <= k <= inside[1] for t in every for k in t), "quotes inside"


def test_near_duplicates_count_once(store: Store) -> None:
    merged = [m for a, b in PAIRS for m in timeline(store, a, b).merged]
    assert any(m.articles > m.sources for m in merged), "the fixture has syndicated copies"
    assert any(m.sources > 1 for m in merged)
    for a, b in PAIRS:
        assert brief(store, a, b)  # the brief reads the merged records


def test_pair_events_page_like_the_events_table(store: Store) -> None:
    cases: list[dict[str, Any]] = [
        {},
        {"root": "04"},
        {"code": "11"},
        {"quad": 3},
        {"status": "asserted"},
        {"date_from": "2025", "date_to": "2025-06"},
    ]
    for a, b in PAIRS:
        for f in cases:
            ref = reference_events(store, a, b, **f)
            for limit, offset in [(1000, 0), (3, 0), (5, 4), (7, len(ref) - 3), (4, len(ref) + 2)]:
                got = query.events(store, dyad=(a, b), limit=limit, offset=max(0, offset), **f)
                assert got == ref[max(0, offset) : max(0, offset) + limit], (a, b, f, limit)


def test_a_new_url_version_is_one_source_with_the_old(tmp_path: Path) -> None:
    rng = random.Random(3)
    with open_store(tmp_path / "v.db") as st:
        text = _article(rng)
        first = analysis(rng, text, 6, "وكالة ألف", url="http://127.0.0.1/x")
        st.add(first)
        second = analysis(rng, text + " تحديث.", 6, "وكالة ألف", url="http://127.0.0.1/x")
        second.events = first.events  # the same reports, in the corrected version
        r = st.add(second)
        assert r.status == "new_version"
        reps = {x[0] for x in st.conn.execute("SELECT rep_id FROM doc_dups")}
        assert len(reps) == 1
        for a, b in PAIRS:
            same_timeline(st, a, b)


def test_deleting_documents_keeps_the_facts_right(store: Store) -> None:
    reps = [
        int(r[0])
        for r in store.conn.execute(
            "SELECT rep_id FROM doc_dups GROUP BY rep_id HAVING COUNT(*) > 1 ORDER BY rep_id"
        )
    ]
    assert reps, "the fixture has a near-duplicate cluster"
    gone = store.delete(reps[0])  # a representative: its copies need a new one
    store.delete(store.conn.execute("SELECT MAX(id) FROM documents").fetchone()[0])
    for t in (*FACT_TABLES, "events", "event_dyads", "quotes"):
        col = "rowid" if t in ("event_dyads",) else "*"
        assert store.conn.execute(f"SELECT COUNT({col}) FROM {t}").fetchone()[0] > 0
    assert (
        store.conn.execute(
            "SELECT COUNT(*) FROM pair_events WHERE doc_id = ?", (gone.id,)
        ).fetchone()[0]
        == 0
    )
    assert (
        store.conn.execute(
            "SELECT COUNT(*) FROM doc_dups WHERE rep_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        == 0
    )
    assert store.search(gone.document.text.split()[0]) is not None
    for a, b in PAIRS:
        for date_from, date_to in RANGES[:2]:
            same_timeline(store, a, b, date_from=date_from, date_to=date_to)
    before = dump(store)
    store.conn.execute("BEGIN")
    backfill(store)  # what is kept incrementally equals what is rebuilt from scratch
    store.conn.execute("COMMIT")
    assert dump(store) == before


def test_actor_merges_leave_the_timeline_as_the_records_say(store: Store) -> None:
    before = timeline_dict(timeline(store, "RUS", "AZE"))
    merge = identity.Merge("per:وزير", "RUS", 0.9, "test")
    assert identity.apply(store, [merge]) == 1
    same_timeline(store, "RUS", "AZE")
    assert timeline_dict(timeline(store, "RUS", "AZE")) == before
    merge_id = store.conn.execute("SELECT MAX(id) FROM actor_merges").fetchone()[0]
    assert identity.undo(store, merge_id)
    same_timeline(store, "RUS", "AZE")
    assert timeline_dict(timeline(store, "RUS", "AZE")) == before


def test_adding_documents_later_keeps_the_facts_right(store: Store) -> None:
    rng = random.Random(11)
    texts = [r[0] for r in store.conn.execute("SELECT text FROM documents ORDER BY id LIMIT 3")]
    for i, text in enumerate(texts):
        store.add(analysis(rng, text + f" ملحق {i}.", 5, "صحيفة جيم"))
    for a, b in PAIRS[:3]:
        same_timeline(store, a, b)
    before = dump(store)
    store.conn.execute("BEGIN")
    backfill(store)
    store.conn.execute("COMMIT")
    assert dump(store) == before


def test_a_store_made_before_the_facts_is_filled_by_the_migration(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with open_store(db) as st:
        fill(st, seed=21, docs=12)
        expected = dump(st)
        want = {p: timeline_dict(timeline(st, *p)) for p in PAIRS}
        for t in FACT_TABLES:
            st.conn.execute(f"DROP TABLE {t}")
        st.conn.execute("DROP INDEX event_dyads_event")
        st.conn.execute("DROP INDEX events_cameo_order")  # made by 0008, which comes after
        st.conn.execute("DELETE FROM _migrations WHERE name LIKE '0007_%' OR name LIKE '0008_%'")
    with open_store(db) as st:
        assert any(m.startswith("0007_") for m in st.applied_migrations())
        assert dump(st) == expected
        for p in PAIRS:
            assert timeline_dict(timeline(st, *p)) == want[p]


def test_countries_follow_the_stored_actor_code(store: Store) -> None:
    # org:وكالة was stored first as TURMED; later documents call it RUS, the store keeps TUR
    keys = {r[0] for r in store.conn.execute("SELECT DISTINCT key_src FROM pair_events")}
    assert keys <= {*COUNTRIES, "-"}
    assert (
        store.conn.execute("SELECT country FROM actors WHERE id = 'org:وكالة'").fetchone()[0]
        == "TUR"
    )

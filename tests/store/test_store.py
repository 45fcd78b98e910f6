from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.errors import NotFoundError, StoreError
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.store import make_snippet, migration_names, open_store

TEXT = "زيارة الرئيس إلى باكو\nوصل الرئيس الروسي إلى باكو أمس في زيارة رسمية لأذربيجان."


def _doc(text: str = TEXT, url: str | None = None) -> Document:
    return Document(
        raw=text, text=text, meta=DocumentMeta(title=text.split("\n")[0], url=url, source="t.txt")
    )


def test_migrations_are_named_and_applied_once(db_path: Path) -> None:
    with open_store(db_path) as st:
        assert st.applied_migrations() == migration_names()
        assert st.migrate() == []
    with open_store(db_path) as st:  # reopening applies nothing again
        assert st.migrate() == []
        mode = st.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_same_content_is_a_no_op(db_path: Path) -> None:
    with open_store(db_path) as st:
        first = st.add(analyze(_doc(), stages=["segment"]))
        again = st.add(analyze(_doc(), stages=["segment"]))
        assert first.status == "added"
        assert again.status == "present"
        assert again.doc_key == first.doc_key
        assert st.count() == 1


def test_same_url_new_content_is_a_new_version(db_path: Path) -> None:
    with open_store(db_path) as st:
        a = st.add(analyze(_doc(url="http://127.0.0.1/a"), stages=["segment"]))
        b = st.add(analyze(_doc(TEXT + "\nتحديث.", url="http://127.0.0.1/a"), stages=["segment"]))
        assert (a.status, a.version) == ("added", 1)
        assert (b.status, b.version) == ("new_version", 2)
        assert st.get_document(a.doc_key).document.text == TEXT  # the old version is kept
        assert st.count() == 2


def test_failed_write_leaves_store_untouched(db_path: Path) -> None:
    with open_store(db_path) as st:
        st.add(analyze(_doc(), stages=["segment"]))
        bad = analyze(_doc("نص آخر مختلف تماما."), stages=["segment"])
        bad.mentions.append(None)  # type: ignore[arg-type]  # breaks inside the transaction
        with pytest.raises(AttributeError):
            st.add(bad)
        assert st.count() == 1
        assert st.conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0] == 1


def test_get_document_by_key_prefix_and_missing(db_path: Path) -> None:
    with open_store(db_path) as st:
        r = st.add(analyze(_doc(), stages=["segment"]))
        assert st.get_document(r.doc_key[:6]).key == r.doc_key
        assert st.get_document(r.doc_id).key == r.doc_key
        with pytest.raises(NotFoundError, match="no document"):
            st.get_document("ffffffffffff")


def test_search_normalizes_and_strips_clitics(db_path: Path) -> None:
    with open_store(db_path) as st:
        st.add(analyze(_doc(), stages=["segment"]))
        st.add(analyze(_doc("خبر عن الاقتصاد في القاهرة."), stages=["segment"]))
        hits = st.search("أذربيجان")  # text has لأذربيجان
        assert len(hits) == 1
        assert hits[0].title == "زيارة الرئيس إلى باكو"
        s, e = hits[0].highlights[0]
        assert "أذربيجان" in hits[0].snippet[s:e]
        assert st.search("باكو القاهرة") == []


def test_snippet_marks_hits_in_original_text() -> None:
    snippet, marks = make_snippet("قالَ بوتينُ إنّ موسكو", ["بوتين", "موسكو"])
    assert [snippet[s:e] for s, e in marks] == ["بوتين", "موسكو"]


def test_corrupt_store_file_gets_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"bad\.db"):
        open_store(bad)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope" / "x.db")


def test_store_is_plain_sqlite(db_path: Path) -> None:
    with open_store(db_path) as st:
        st.add(analyze(_doc(), stages=["segment"]))
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT title FROM documents").fetchone()[0] == "زيارة الرئيس إلى باكو"

"""Batches into the store: bad inputs, dedup and versions, exit codes, progress, interrupted runs."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import marsad.ingest
from marsad.cli import build_app
from marsad.ingest import SAMPLE_DIR, Progress, ingest
from marsad.model import Analysis, Document
from marsad.store import open_store
from tests.ingest.conftest import BODY, CLEAN_TEXT, TITLE, html_page

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]


def _article(i: int) -> str:
    """A small article of its own (distinct content, so a distinct document)."""
    return f"{TITLE} ({i})\n\n{BODY[i % 3]}\n\nوأضاف المصدر أن الجولة رقم {i} من المباحثات ستعقد قريبا."


# -- bad inputs: each named with its reason, the batch goes on, the store is untouched ----
def _empty(p: Path) -> Path:
    f = p / "empty.txt"
    f.write_bytes(b"")
    return f


def _pdf(p: Path) -> Path:
    f = p / "report.pdf"
    f.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n")
    return f


def _png(p: Path) -> Path:
    f = p / "photo.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    return f


def _zip(p: Path) -> Path:
    import zipfile

    f = p / "archive.zip"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("a.txt", "نص")
    return f


def _disguised_pdf(p: Path) -> Path:
    f = p / "looks-like-text.txt"
    f.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return f


def _huge(p: Path) -> Path:
    f = p / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: rejected by its size, never read
    return f


def _truncated_html(p: Path) -> Path:
    f = p / "cut.html"
    f.write_text(
        "<!DOCTYPE html><html><head><title>عنوان</title></head><body><div class=", encoding="utf-8"
    )
    return f


def _undecodable(p: Path) -> Path:
    f = p / "junk.txt"
    f.write_bytes(bytes(range(128, 256)) * 30)
    return f


def _missing(p: Path) -> Path:
    return p / "missing.txt"


BAD_INPUTS: list[tuple[str, Callable[[Path], Path], str]] = [
    ("empty", _empty, "empty file"),
    ("pdf", _pdf, "binary file (PDF document)"),
    ("png", _png, "binary file (PNG image)"),
    ("zip", _zip, "binary file (ZIP archive"),
    ("pdf-named-txt", _disguised_pdf, "binary file (PDF document)"),
    ("200MB", _huge, "too large"),
    ("truncated-html", _truncated_html, "no article text found in the HTML"),
    ("undecodable", _undecodable, "undecodable"),
    ("missing", _missing, "no such file or directory"),
]


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Path, str]:
    """A store that already holds one document: (db path, its text)."""
    db = tmp_path / "store.db"
    first = tmp_path / "first.txt"
    first.write_text(_article(1), encoding="utf-8")
    with open_store(db) as st:
        report = ingest([first], st, run_pipeline=False)
        assert report.added == 1
        text = st.get_document(1).document.text
    return db, text


def _assert_untouched(db: Path, text: str, count: int) -> None:
    with open_store(db) as st:
        assert st.count() == count
        assert st.get_document(1).document.text == text


@pytest.mark.parametrize(("name", "make", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_named_and_the_batch_goes_on(
    tmp_path: Path, stored: tuple[Path, str], name: str, make: Callable[[Path], Path], reason: str
) -> None:
    db, text = stored
    bad = make(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(_article(2), encoding="utf-8")
    result = runner.invoke(build_app(), ["ingest", str(bad), str(good), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"rejected {bad}: {reason}" in " ".join(result.output.split())
    assert "ingested 1" in result.output
    _assert_untouched(db, text, 2)
    # nothing could be ingested: non-zero
    alone = runner.invoke(build_app(), ["ingest", str(bad), "--db", str(db)])
    assert alone.exit_code == 2
    _assert_untouched(db, text, 2)


def test_corrupt_jsonl_line(tmp_path: Path, stored: tuple[Path, str]) -> None:
    db, text = stored
    p = tmp_path / "batch.jsonl"
    p.write_text(
        json.dumps({"text": _article(3)}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"text": _article(4)}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(build_app(), ["ingest", str(p), "--db", str(db), "--json"])
    assert result.exit_code == 0
    out = json.loads(result.output)
    assert out["ingested"] == 2
    assert out["rejected"] == [{"source": f"{p}#2", "reason": out["rejected"][0]["reason"]}]
    assert out["rejected"][0]["reason"].startswith("line 2: not valid JSON")
    _assert_untouched(db, text, 3)


def test_unreachable_url(tmp_path: Path, stored: tuple[Path, str], closed_port: int) -> None:
    db, text = stored
    url = f"http://127.0.0.1:{closed_port}/article"
    good = tmp_path / "good.txt"
    good.write_text(_article(5), encoding="utf-8")
    result = runner.invoke(build_app(), ["ingest", url, str(good), "--db", str(db)])
    assert result.exit_code == 0
    assert f"rejected {url}: unreachable" in result.output
    _assert_untouched(db, text, 2)


def test_url_is_ingested(
    tmp_path: Path, http_server: tuple[str, dict[str, tuple[str, bytes]]]
) -> None:
    base, routes = http_server
    routes["/news/1"] = ("text/html; charset=utf-8", html_page().encode("utf-8"))
    with open_store(tmp_path / "s.db") as st:
        report = ingest([f"{base}/news/1"], st, run_pipeline=False)
        assert report.added == 1
        assert st.get_document(1).document.meta.url == f"{base}/news/1"


def test_strict_fails_on_any_rejection(tmp_path: Path, stored: tuple[Path, str]) -> None:
    db, _ = stored
    good = tmp_path / "good.txt"
    good.write_text(_article(6), encoding="utf-8")
    result = runner.invoke(
        build_app(), ["ingest", str(good), str(tmp_path / "nope.txt"), "--db", str(db), "--strict"]
    )
    assert result.exit_code == 2
    assert "ingested 1" in result.output


# -- the same content, the same URL ---------------------------------------------------
def test_same_content_again_changes_nothing(tmp_path: Path, article_file: Path) -> None:
    with open_store(tmp_path / "s.db") as st:
        first = ingest([article_file], st, run_pipeline=False)
        again = ingest([article_file, article_file], st, run_pipeline=False)
        assert (first.added, again.added, again.present) == (1, 0, 2)
        assert st.count() == 1
        assert again.exit_code == 0


def test_same_url_new_content_is_a_new_version(tmp_path: Path) -> None:
    url = "https://example.org/news/1"
    v1 = tmp_path / "v1.jsonl"
    v2 = tmp_path / "v2.jsonl"
    v1.write_text(
        json.dumps({"url": url, "text": _article(7)}, ensure_ascii=False), encoding="utf-8"
    )
    v2.write_text(
        json.dumps({"url": url, "text": _article(7) + "\nتحديث: أضيفت فقرة."}, ensure_ascii=False),
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as st:
        ingest([v1], st, run_pipeline=False)
        report = ingest([v2], st, run_pipeline=False)
        assert report.new_versions == 1
        (result,) = report.results
        assert (result.status, result.version) == ("new_version", 2)
        assert st.count() == 2
        assert (
            st.get_document(1).document.text
            == TITLE + " (7)\n\n" + BODY[1] + "\n\n" + _article(7).split("\n\n")[2]
        )


def test_progress_and_report(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"{i}.txt").write_text(_article(10 + i), encoding="utf-8")
    seen: list[Progress] = []
    with open_store(tmp_path / "s.db") as st:
        report = ingest([corpus], st, run_pipeline=False, progress=seen.append)
    assert report.added == 4 and report.inputs == 4
    assert seen[-1].inputs_done == seen[-1].inputs_total == 4 and seen[-1].documents == 4
    assert seen[-1].docs_per_s > 0
    out = report.to_dict()
    assert out["ingested"] == 4 and len(out["documents"]) == 4 and out["exit_code"] == 0


def test_a_stage_failure_rejects_only_that_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.errors import StageError

    def analyze(doc: Document) -> Analysis:
        if "(21)" in doc.text:
            raise StageError("events", "boom", source=doc.meta.source)
        return Analysis.of(doc)

    monkeypatch.setattr(marsad.ingest, "analyze", analyze)
    for i in (20, 21, 22):
        (tmp_path / f"{i}.txt").write_text(_article(i), encoding="utf-8")
    with open_store(tmp_path / "s.db") as st:
        report = ingest([tmp_path], st)
        assert report.added == 2
        assert [r.reason for r in report.rejected] == ["stage 'events' failed: boom"]


# -- interrupted runs ---------------------------------------------------------------
def _check_whole(db: Path) -> int:
    """Every stored document is whole: its hash matches its text and it has its search row."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT id, content_hash, text FROM documents").fetchall()
        for _, h, text in rows:
            assert hashlib.sha256(text.encode("utf-8")).hexdigest() == h
        fts = conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0]
        assert fts == len(rows)
        return len(rows)
    finally:
        conn.close()


def test_keyboard_interrupt_loses_at_most_the_document_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(6):
        (tmp_path / f"{i:02d}.txt").write_text(_article(30 + i), encoding="utf-8")
    calls = 0

    def analyze(doc: Document) -> Analysis:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        return Analysis.of(doc)

    monkeypatch.setattr(marsad.ingest, "analyze", analyze)
    db = tmp_path / "s.db"
    with open_store(db) as st, pytest.raises(KeyboardInterrupt):
        ingest([tmp_path], st)
    assert _check_whole(db) == 3
    monkeypatch.setattr(marsad.ingest, "analyze", Analysis.of)
    with open_store(db) as st:
        report = ingest([tmp_path], st)
    assert (report.present, report.added) == (3, 3)
    assert _check_whole(db) == 6


KILLED_RUN = """
import sys, time
import marsad.ingest
from marsad.model import Analysis
from marsad.store import open_store

def slow(doc):
    time.sleep(0.05)
    return Analysis.of(doc)

marsad.ingest.analyze = slow
with open_store(sys.argv[1]) as st:
    marsad.ingest.ingest([sys.argv[2]], st)
"""


def test_a_killed_run_keeps_whole_documents_and_a_rerun_finishes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 60
    for i in range(total):
        (corpus / f"{i:03d}.txt").write_text(_article(100 + i), encoding="utf-8")
    db = tmp_path / "s.db"
    with open_store(db):
        pass  # create and migrate before the writer starts
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, str(db), str(corpus)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    try:
        deadline = time.monotonic() + 60
        count = 0
        while time.monotonic() < deadline and proc.poll() is None:
            conn = sqlite3.connect(db, timeout=5)
            count = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            conn.close()
            if count >= 5:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    stored = _check_whole(db)
    assert 5 <= stored < total
    with open_store(db) as st:
        report = ingest([corpus], st, run_pipeline=False)
    assert report.present == stored and report.added == total - stored
    assert _check_whole(db) == total


# -- the bundled sample corpus -------------------------------------------------------
def test_sample_corpus_is_what_make_demo_ingests(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(build_app(), ["ingest", str(SAMPLE_DIR), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["ingested"], out["rejected"]) == (7, [])
    with open_store(db) as st:
        docs = [s.document for s in st.iter_documents()]
    assert all(d.meta.title and d.meta.published_basis == "stated" for d in docs)
    assert {d.meta.fmt for d in docs} == {"text", "html", "jsonl"}
    for d in docs:  # 150-350 words of article each
        assert 120 <= len(d.text.split()) <= 350, d.meta.source
    again = runner.invoke(build_app(), ["ingest", str(SAMPLE_DIR), "--db", str(db), "--json"])
    assert json.loads(again.output)["present"] == 7


def test_clean_text_of_the_fixture_article(tmp_path: Path, article_file: Path) -> None:
    with open_store(tmp_path / "s.db") as st:
        ingest([article_file], st, run_pipeline=False)
        assert st.get_document(1).document.text == CLEAN_TEXT


def test_a_library_failure_on_one_input_rejects_only_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marsad.ingest.readers

    def broken(html: str, url: str | None) -> str:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(marsad.ingest.readers, "_main_text", broken)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.html").write_text(html_page(), encoding="utf-8")
    (corpus / "b.txt").write_text(_article(40), encoding="utf-8")
    with open_store(tmp_path / "s.db") as st:
        report = ingest([corpus], st, run_pipeline=False)
    assert report.added == 1
    (bad,) = report.rejected
    assert bad.source == str(corpus / "a.html")
    assert bad.reason == "could not be read (RuntimeError: parser crashed)"

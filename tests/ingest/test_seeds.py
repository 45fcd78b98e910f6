"""Must-show checks on the real seed articles in ../shared (skipped when it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.ingest import load_document
from marsad.store import open_store

pytestmark = pytest.mark.shared
runner = CliRunner()


def _gold(path: Path) -> dict[str, dict[str, object]]:
    return {d["doc"]: d for d in json.loads(path.read_text(encoding="utf-8"))["documents"]}


def _left_over(text: str, boilerplate: list[str]) -> list[str]:
    """Gold boilerplate lines still in the clean text (as a whole line; long ones anywhere)."""
    lines = {ln.strip() for ln in text.split("\n")}
    return [
        b for b in boilerplate if b.strip() in lines or (len(b.strip()) > 25 and b.strip() in text)
    ]


def test_seeds_ingest_with_gold_titles_and_no_boilerplate(
    seeds_dir: Path, seeds_gold: Path, tmp_path: Path
) -> None:
    db = tmp_path / "seeds.db"
    result = runner.invoke(build_app(), ["ingest", str(seeds_dir), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["ingested"] == 5
    gold = _gold(seeds_gold)
    with open_store(db) as st:
        docs = {Path(s.document.meta.source or "").name: s.document for s in st.iter_documents()}
    assert set(docs) == set(gold)
    for name, doc in docs.items():
        g = gold[name]
        assert doc.meta.title == str(g["title"]).strip(), name
        assert doc.text.split("\n")[0] == doc.meta.title
        assert _left_over(doc.text, list(g["boilerplate"])) == [], name  # type: ignore[arg-type]
        if g["published_basis"] == "stated":
            assert doc.meta.published == g["published"] and doc.meta.published_basis == "stated", (
                name
            )
        if g.get("author"):
            assert doc.meta.author == g["author"], name


def test_every_removed_line_is_a_whole_raw_line(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = load_document(path)
        lines = set(doc.raw.split("\n"))
        for r in doc.removed:
            assert doc.raw[r.start : r.end] in lines
            assert r.start == 0 or doc.raw[r.start - 1] == "\n"


def _cp1256_clean_seeds(seeds_dir: Path) -> list[Path]:
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        try:
            path.read_text(encoding="utf-8").encode("cp1256")
        except UnicodeEncodeError:
            continue
        out.append(path)
    return out


def test_windows_1256_copy_gives_the_same_clean_text(seeds_dir: Path, tmp_path: Path) -> None:
    seeds = _cp1256_clean_seeds(seeds_dir)
    assert seeds, "no seed is encodable in Windows-1256"
    for path in seeds:
        copy = tmp_path / path.name
        copy.write_bytes(path.read_text(encoding="utf-8").encode("cp1256"))
        original, legacy = load_document(path), load_document(copy)
        assert legacy.text == original.text, path.name
        assert legacy.meta.title == original.meta.title
        assert any("windows-1256" in w for w in legacy.warnings)


def test_a_seed_with_characters_cp1256_lacks_still_cleans_the_same(
    seeds_dir: Path, tmp_path: Path
) -> None:
    # what Windows-1256 cannot hold (an emoji variation selector in a footer) is furniture anyway
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        copy = tmp_path / path.name
        copy.write_bytes(text.encode("cp1256", errors="ignore"))
        assert load_document(copy).text == load_document(path).text, path.name


def test_iso_8859_6_copy(seeds_dir: Path, tmp_path: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        try:
            data = text.encode("iso8859_6")
        except UnicodeEncodeError:
            continue
        copy = tmp_path / path.name
        copy.write_bytes(data)
        assert load_document(copy).text == load_document(path).text
        return
    pytest.skip("no seed is encodable in ISO-8859-6")

"""``marsad dates``: a text or a stored document in, its resolved dates out."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from marsad.cli.dates import register
from marsad.errors import InputError
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.store import open_store

runner = CliRunner()
TEXT = "زار الوزير دمشق يومي 18 و19 آب الحالي، بعد لقاء أول في نهاية نيسان الماضي."


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test app."""

    register(app)
    return app


def test_json_lists_offsets_and_iso_dates() -> None:
    result = runner.invoke(_app(), ["dates", "--text", TEXT, "--ref", "2024-08-19", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["text"] for r in rows] == ["يومي 18 و19 آب الحالي", "نهاية نيسان الماضي"]
    first = rows[0]
    assert TEXT[first["start"] : first["end"]] == first["text"]
    assert (first["from"], first["to"], first["granularity"]) == ("2024-08-18", "2024-08-19", "day")
    assert {"rule", "anchor"} <= set(first)
    assert rows[1]["from"] == "2024-04-21" and rows[1]["granularity"] == "month"


def test_table_names_the_reference() -> None:
    result = runner.invoke(_app(), ["dates", "--text", "وصل الوفد الأحد", "--ref", "2024-08-19"])
    assert result.exit_code == 0, result.output
    assert "reference: 2024-08-19" in result.output
    assert "2024-08-18" in result.output


def test_without_ref_the_date_is_inferred() -> None:
    text = "19 أغسطس 2024، 11:25 ص\nوصل الرئيس الأحد إلى باكو."
    result = runner.invoke(_app(), ["dates", "--text", text, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[-1]["text"] == "الأحد" and rows[-1]["from"] == "2024-08-18"


def test_one_of_doc_or_text_is_required() -> None:
    result = runner.invoke(_app(), ["dates"])
    assert isinstance(result.exception, InputError)
    result = runner.invoke(_app(), ["dates", "abc", "--text", "اليوم"])
    assert isinstance(result.exception, InputError)


def test_bad_ref_is_a_usage_error() -> None:
    result = runner.invoke(_app(), ["dates", "--text", "اليوم", "--ref", "2024-13-40"])
    assert result.exit_code == 2
    assert "--ref" in result.output


def test_stored_document(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    doc = Document(
        TEXT,
        TEXT,
        DocumentMeta(published="2024-08-19", published_basis="stated", published_precision="day"),
    )
    with open_store(db) as st:
        key = st.add(analyze(doc, stages=["segment"])).doc_key
    result = runner.invoke(_app(), ["dates", key, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["from"] == "2024-08-18"

"""timeline, brief and outlets on the bundled sample, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.ingest import SAMPLE_DIR


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("rel") / "sample.db")
    r = CliRunner().invoke(build_app(), ["ingest", str(SAMPLE_DIR), "--db", path, "--no-progress"])
    assert r.exit_code == 0, r.output
    return path


def test_timeline_json_and_plot(db: str, tmp_path: Path) -> None:
    plot = tmp_path / "rus_aze.svg"
    r = CliRunner().invoke(
        build_app(), ["timeline", "RUS", "AZE", "--json", "--plot", str(plot), "--db", db]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert any(p["events"] for p in data["periods"])
    assert all({"from", "to", "label"} <= set(p) for p in data["phases"])
    assert plot.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_timeline_rejects_a_bad_plot_name(db: str, tmp_path: Path) -> None:
    r = CliRunner().invoke(
        build_app(), ["timeline", "RUS", "AZE", "--plot", str(tmp_path / "x.txt"), "--db", db]
    )
    assert r.exit_code != 0


def test_brief_cites_document_and_sentence(db: str) -> None:
    r = CliRunner().invoke(build_app(), ["brief", "RUS", "AZE", "--lang", "en", "--db", db])
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.output.splitlines() if ln.startswith("- **")]
    assert lines
    assert all("#" in ln.rsplit("[", 1)[-1] for ln in lines)  # [Source: <doc>#<sentence>]


def test_outlets(db: str) -> None:
    r = CliRunner().invoke(build_app(), ["outlets", "RUS", "AZE", "--json", "--db", db])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and all(row["events"] >= 1 for row in rows)

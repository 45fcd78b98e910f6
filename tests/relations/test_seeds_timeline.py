"""Issue 7's must-show on the development seeds: the Russia–Azerbaijan relationship moves from
cooperation (2024) through crisis (the plane's downing in December 2024, the arrests of June–July
2025) to normalization (October 2025).

The months between are told as Moscow's attempts to mend ties (March–June 2025: a monument, an
evacuation helped by Baku); the crisis acts of late June are dated by the articles of July to the
day those articles tell of (1 July), so the test asks for crisis in July, not in June."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import build_app


def _phase_of(phases: list[dict[str, str]], month: str) -> str | None:
    for ph in phases:
        if ph["from"] <= month <= ph["to"]:
            return ph["label"]
    return None


def test_rus_aze_phases(seeds_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    runner = CliRunner()
    app = build_app()
    r = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["timeline", "RUS", "AZE", "--by", "month", "--json", "--db", db])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert set(data) >= {"periods", "phases"}
    phases = data["phases"]
    assert all({"from", "to", "label"} <= set(p) for p in phases)
    assert _phase_of(phases, "2024-08") == "cooperation"
    assert _phase_of(phases, "2024-12") == "crisis"
    assert _phase_of(phases, "2025-07") == "crisis"
    assert _phase_of(phases, "2025-10") in ("normalization", "cooperation")

"""``marsad eval`` and ``marsad extract --format gold`` end to end."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.cli import build_app, main
from marsad.evaluation import parse_gold
from tests.evaluation.conftest import doc_a, tiny, write_json
from tests.evaluation.test_eval_gsr import ROWS, write_gsr

runner = CliRunner()
REPORT_KEYS = {
    "corpus",
    "documents",
    "actors",
    "events",
    "quotes",
    "status",
    "metadata",
    "per_document",
}


def invoke(*args: str) -> Any:
    result = runner.invoke(build_app(), list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """Run the console entry point (which maps errors to messages and exit codes)."""
    monkeypatch.setattr(sys, "argv", ["marsad", *args])
    with pytest.raises(SystemExit) as info:
        main()
    code = info.value.code
    return code if isinstance(code, int) else 1


def test_eval_scores_a_predictions_file(tmp_path: Path) -> None:
    gold = write_json(tmp_path / "gold.json", tiny())
    predicted = tiny()
    del doc_a(predicted)["events"][2]
    preds = write_json(tmp_path / "preds.json", predicted)
    result = invoke("eval", str(gold), "--predictions", str(preds), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == REPORT_KEYS
    assert report["events"]["root"]["r"] == 0.75
    assert report["actors"]["f1"] == 1.0


def test_eval_prints_a_table(tmp_path: Path) -> None:
    gold = write_json(tmp_path / "gold.json", tiny())
    result = invoke("eval", str(gold), "--predictions", str(gold))
    assert result.exit_code == 0, result.output
    for word in ("events.root", "events.dated", "quotes", "status accuracy", "a.txt", "b.txt"):
        assert word in result.stdout


def test_malformed_gold_exits_with_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tiny()
    doc_a(data)["events"][2]["cameo"] = "17"
    gold = write_json(tmp_path / "gold.json", data)
    code = run_main(monkeypatch, "eval", str(gold), "--predictions", str(gold))
    assert code == 2
    err = capsys.readouterr().err
    assert "documents[0].events[2].cameo: '17' is not a 3- or 4-digit CAMEO code" in err


def test_malformed_predictions_exit_with_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_json(tmp_path / "gold.json", tiny())
    data = tiny()
    doc_a(data)["quotes"][0]["speaker"] = "someone"
    preds = write_json(tmp_path / "preds.json", data)
    assert run_main(monkeypatch, "eval", str(gold), "--predictions", str(preds)) == 2
    err = capsys.readouterr().err
    assert "preds.json: documents[0].quotes[0].speaker: 'someone'" in err


def test_eval_needs_texts_or_predictions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_json(tmp_path / "gold.json", tiny())
    assert run_main(monkeypatch, "eval", str(gold)) != 0
    assert "--texts" in capsys.readouterr().err


def test_eval_reports_a_missing_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_json(tmp_path / "gold.json", tiny())
    (tmp_path / "texts").mkdir()
    assert run_main(monkeypatch, "eval", str(gold), "--texts", str(tmp_path / "texts")) != 0
    assert "no text for the gold document 'a.txt'" in capsys.readouterr().err


def test_eval_on_the_seeds(seeds_gold: Path, seeds_dir: Path, tmp_path: Path) -> None:
    saved = tmp_path / "predictions.json"
    result = invoke(
        "eval",
        str(seeds_gold),
        "--texts",
        str(seeds_dir),
        "--json",
        "--save-predictions",
        str(saved),
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == REPORT_KEYS
    assert report["corpus"] == "seeds" and report["documents"] == 5
    assert set(report["events"]) == {"root", "dated", "code"}
    assert set(report["status"]) == {"accuracy", "n"}
    assert set(report["metadata"]) == {"published", "title"}
    assert [d["doc"] for d in report["per_document"]] == sorted(p.name for p in seeds_dir.iterdir())

    # the saved predictions are a valid file in the gold format, and re-score to the same figures
    predictions = parse_gold(json.loads(saved.read_text(encoding="utf-8")))
    assert len(predictions.documents) == 5
    again = invoke("eval", str(seeds_gold), "--predictions", str(saved), "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == report


def test_extract_writes_the_gold_format(tmp_path: Path) -> None:
    texts = tmp_path / "articles"
    texts.mkdir()
    (texts / "one.txt").write_text(
        "موسكو تستقبل وفدا تركيا\n\nاستقبل الرئيس الروسي في موسكو وزير الخارجية التركي يوم الثلاثاء.\n",
        encoding="utf-8",
    )
    (texts / "two.txt").write_text("أعلنت الحكومة الأردنية خطة جديدة للمياه.\n", encoding="utf-8")
    result = invoke("extract", str(texts), "--format", "gold")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    corpus = parse_gold(data)
    assert corpus.corpus == "articles"
    assert [d.doc for d in corpus.documents] == ["one.txt", "two.txt"]

    out = tmp_path / "out.json"
    result = invoke("extract", str(texts / "two.txt"), "--out", str(out), "--corpus", "mine")
    assert result.exit_code == 0, result.output
    assert parse_gold(json.loads(out.read_text(encoding="utf-8"))).corpus == "mine"


def test_extract_rejects_an_unknown_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_main(monkeypatch, "extract", str(tmp_path), "--format", "csv") != 0
    assert "--format 'csv' is not supported" in capsys.readouterr().err


def test_eval_gsr_csv(tmp_path: Path) -> None:
    path = write_gsr(tmp_path / "assault_gsr.csv", ROWS)
    result = invoke("eval", str(path), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"ASSAULT"}
    assert {"p", "r", "f1", "n"} <= set(scores["ASSAULT"])
    assert scores["ASSAULT"]["n"] == 5  # the ambiguous row is left out
    table = invoke("eval", str(path))
    assert "ASSAULT" in table.stdout


def test_eval_gsr_rejects_gold_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_gsr(tmp_path / "assault_gsr.csv", ROWS)
    assert run_main(monkeypatch, "eval", str(path), "--texts", str(tmp_path)) != 0
    assert "not to a *_gsr.csv" in capsys.readouterr().err

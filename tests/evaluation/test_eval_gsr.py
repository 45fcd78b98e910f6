"""Sentence-level event detection on arabic_event_gsr-style CSV files (written here, invented sentences)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marsad.errors import GoldFormatError
from marsad.evaluation.gsr import COLUMNS, GsrRow, load_gsr, score_gsr

ROWS = [
    ("yes", "قصفت طائرات حربية مواقع للمسلحين شمال المدينة"),
    ("yes", "قتل ثلاثة جنود في هجوم على نقطة تفتيش"),
    ("yes", "انفجرت سيارة مفخخة قرب مبنى البلدية"),
    ("easy no", "افتتح وزير الثقافة معرضا للكتاب في العاصمة"),
    ("difficult no", "قصف إعلامي متبادل بين الحزبين قبل الانتخابات"),
    ("ambiguous", "قصفت المدفعية محيط القرية بحسب شهود"),
]


def write_gsr(path: Path, rows: list[tuple[str, str]], event_type: str = "ASSAULT") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for i, (label, text) in enumerate(rows):
            writer.writerow([0, event_type, f"TEST_{i}", label, 0, text, 3])
    return path


def _keyword(row: GsrRow) -> set[str]:
    """A stand-in coder: ASSAULT whenever the sentence has a word for shelling or killing."""
    return {"ASSAULT"} if any(w in row.text for w in ("قصف", "قتل")) else set()


def test_load_gsr_reads_rows(tmp_path: Path) -> None:
    rows = load_gsr(write_gsr(tmp_path / "assault_gsr.csv", ROWS))
    assert [r.positive for r in rows] == [True, True, True, False, False, None]
    assert rows[0].event_type == "ASSAULT"


def test_score_gsr_counts_sentences(tmp_path: Path) -> None:
    rows = load_gsr(write_gsr(tmp_path / "assault_gsr.csv", ROWS))
    # yes: 2 found, 1 missed; no: 1 false alarm (the "media shelling"); ambiguous left out
    assert score_gsr(rows, _keyword) == {
        "ASSAULT": {"p": 0.6667, "r": 0.6667, "f1": 0.6667, "n": 5, "tp": 2, "fp": 1, "fn": 1}
    }


def test_score_gsr_keeps_event_types_apart(tmp_path: Path) -> None:
    rows = load_gsr(write_gsr(tmp_path / "a.csv", ROWS[:2]))
    rows += load_gsr(
        write_gsr(tmp_path / "p.csv", [("yes", "تظاهر آلاف أمام البرلمان")], "PROTEST")
    )
    result = score_gsr(rows, _keyword)
    assert set(result) == {"ASSAULT", "PROTEST"}
    assert result["PROTEST"]["r"] == 0.0 and result["PROTEST"]["n"] == 1
    assert result["ASSAULT"]["r"] == 1.0


def test_bad_label_is_named(tmp_path: Path) -> None:
    path = write_gsr(tmp_path / "x_gsr.csv", [("yes", "نص"), ("maybe", "نص آخر")])
    with pytest.raises(GoldFormatError, match=r"x_gsr.csv:3: label 'maybe' is not one of"):
        load_gsr(path)


def test_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "y_gsr.csv"
    path.write_text("id,text\n1,نص\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="missing column"):
        load_gsr(path)

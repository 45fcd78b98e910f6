"""Evaluation: the instrument every quality claim rests on.

- :mod:`~marsad.evaluation.gold` reads and validates gold and predictions files;
- :mod:`~marsad.evaluation.predict` writes marsad's reading in that same format;
- :mod:`~marsad.evaluation.score` scores predictions against gold, level by level;
- :mod:`~marsad.evaluation.gsr` scores sentence-level event detection on the
  ``arabic_event_gsr`` CSV files;
- :mod:`~marsad.evaluation.report` prints the figures as tables.

Because predictions and gold share one format, anything marsad scores can be
saved, read and re-scored, and another coder's output converted to the format
is scored the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.evaluation.gold import GoldCorpus, GoldDocument, load_gold, parse_gold
from marsad.evaluation.gsr import evaluate_gsr, load_gsr, score_gsr
from marsad.evaluation.predict import predict_files, predict_gold_documents, to_gold_document
from marsad.evaluation.score import score

__all__ = [
    "GoldCorpus",
    "GoldDocument",
    "evaluate",
    "evaluate_gsr",
    "load_gold",
    "load_gsr",
    "parse_gold",
    "predict_files",
    "predict_gold_documents",
    "score",
    "score_gsr",
    "to_gold_document",
]


def evaluate(gold_path: Path, texts: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run the pipeline on the texts of a gold file and score it: ``(report, predictions)``.

    The predictions are validated exactly as a predictions file would be, so
    scoring a saved copy gives the same report.
    """
    gold = load_gold(gold_path)
    predictions = predict_gold_documents(gold, texts)
    return score(gold, parse_gold(predictions, source=f"predictions for {gold_path}")), predictions

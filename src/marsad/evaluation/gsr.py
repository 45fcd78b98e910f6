"""Scoring event detection on the ``arabic_event_gsr`` sentences (``external/arabic_event_gsr``).

Each CSV row is one sentence labelled for one PLOVER event type (``ASSAULT`` or
``PROTEST``).  Per event type, a sentence is predicted positive when the
pipeline extracts at least one event of that PLOVER category from it (of any
status: the labels say whether the sentence *reports* such an event, and the
spec asks only whether one was extracted).  Precision, recall and F1 are taken
over sentences labelled ``yes`` (positive) against ``easy no`` and
``difficult no`` (negative); ``ambiguous`` rows are left out.  ``n`` is the
number of sentences scored.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import GoldFormatError, InputError
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze

COLUMNS = ("accept", "event_type", "id", "label", "reject", "text", "total")
LABELS: dict[str, bool | None] = {
    "yes": True,
    "easy no": False,
    "difficult no": False,
    "ambiguous": None,
}


@dataclass(frozen=True, slots=True)
class GsrRow:
    id: str
    event_type: str
    label: str
    text: str

    @property
    def positive(self) -> bool | None:
        """True for ``yes``, False for a ``no``, None for a row left out of scoring."""
        return LABELS[self.label]


def load_gsr(path: Path) -> list[GsrRow]:
    """Read a ``*_gsr.csv`` file, checking its columns and labels (the first bad line is named)."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise GoldFormatError(f"missing column(s): {', '.join(missing)}", source=str(path))
            rows = []
            for row in reader:
                where = f"{path}:{reader.line_num}"
                label = (row["label"] or "").strip()
                if label not in LABELS:
                    raise GoldFormatError(
                        f"label {label!r} is not one of {', '.join(LABELS)}", source=where
                    )
                event_type = (row["event_type"] or "").strip().upper()
                if not event_type:
                    raise GoldFormatError("event_type is empty", source=where)
                rows.append(GsrRow(row["id"] or "", event_type, label, row["text"] or ""))
    except FileNotFoundError:
        raise InputError("file not found", source=str(path)) from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from None
    return rows


def pipeline_categories(text: str, source: str | None = None) -> set[str]:
    """PLOVER categories of the events the pipeline extracts from one sentence."""
    document = Document(raw=text, text=text, meta=DocumentMeta(source=source, fmt="text"))
    return {e.plover.upper() for e in analyze(document).events if e.plover}


def _figures(tp: int, fp: int, fn: int, n: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(f1, 4),
        "n": n,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def score_gsr(
    rows: Iterable[GsrRow], categories: Callable[[GsrRow], set[str]] | None = None
) -> dict[str, dict[str, float | int]]:
    """``{"ASSAULT": {"p", "r", "f1", "n", "tp", "fp", "fn"}}`` for every event type in the rows.

    ``categories`` gives the PLOVER categories predicted for a row; by default
    the pipeline is run on the row's text.
    """
    predict = categories or (lambda row: pipeline_categories(row.text, row.id))
    tallies: dict[str, list[int]] = {}
    for row in rows:
        gold = row.positive
        if gold is None:
            continue
        tp_fp_fn_n = tallies.setdefault(row.event_type, [0, 0, 0, 0])
        predicted = row.event_type in predict(row)
        tp_fp_fn_n[0] += predicted and gold
        tp_fp_fn_n[1] += predicted and not gold
        tp_fp_fn_n[2] += gold and not predicted
        tp_fp_fn_n[3] += 1
    return {event_type: _figures(*t) for event_type, t in sorted(tallies.items())}


def evaluate_gsr(path: Path) -> dict[str, Any]:
    """Run the pipeline on every scored sentence of a ``*_gsr.csv`` file and score it."""
    return score_gsr(load_gsr(path))

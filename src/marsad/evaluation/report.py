"""The evaluation report as readable tables (the same figures as ``--json``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

LEVELS = ("actors", "events.root", "events.dated", "events.code", "quotes")


def _level(report: dict[str, Any], level: str) -> dict[str, Any]:
    head, _, tail = level.partition(".")
    figures: dict[str, Any] = report[head][tail] if tail else report[head]
    return figures


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def summary_table(report: dict[str, Any]) -> Table:
    table = Table(
        title=f"{report['corpus']}: {report['documents']} documents", title_justify="left"
    )
    for column in ("level", "P", "R", "F1", "tp", "predicted", "gold"):
        table.add_column(column, justify="left" if column == "level" else "right")
    for level in LEVELS:
        f = _level(report, level)
        table.add_row(
            level,
            _pct(f["p"]),
            _pct(f["r"]),
            _pct(f["f1"]),
            str(f["tp"]),
            str(f["predicted"]),
            str(f["gold"]),
        )
    return table


def other_table(report: dict[str, Any]) -> Table:
    table = Table("measure", "value", "over", title="status and metadata", title_justify="left")
    status = report["status"]
    table.add_row("status accuracy", _pct(status["accuracy"]), f"{status['n']} matched events")
    for field in ("published", "title"):
        table.add_row(
            f"{field} right", _pct(report["metadata"][field]), f"{report['documents']} documents"
        )
    return table


def documents_table(report: dict[str, Any]) -> Table:
    table = Table(
        title="per document (F1; status accuracy/n; publication date and title right)",
        title_justify="left",
    )
    for column in (
        "doc",
        "actors",
        "root",
        "dated",
        "code",
        "quotes",
        "status",
        "published",
        "title",
    ):
        if column == "doc":
            table.add_column(column, overflow="fold", min_width=12)
        else:
            table.add_column(column, justify="right")
    for d in report["per_document"]:
        events = d["events"]
        table.add_row(
            d["doc"],
            _pct(d["actors"]["f1"]),
            _pct(events["root"]["f1"]),
            _pct(events["dated"]["f1"]),
            _pct(events["code"]["f1"]),
            _pct(d["quotes"]["f1"]),
            f"{_pct(d['status']['accuracy'])}/{d['status']['n']}",
            "yes" if d["metadata"]["published"] else "no",
            "yes" if d["metadata"]["title"] else "no",
        )
    return table


def print_report(report: dict[str, Any], console: Console) -> None:
    """Print the gold-file report: overall levels, status and metadata, then each document."""
    console.print(summary_table(report))
    console.print(other_table(report))
    console.print(documents_table(report))


def print_gsr(result: dict[str, dict[str, Any]], console: Console, title: str) -> None:
    """Print the sentence-level event-detection scores of a ``*_gsr.csv`` file."""
    table = Table(title=title, title_justify="left")
    for column in ("event type", "P", "R", "F1", "n", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "event type" else "right")
    for event_type, f in result.items():
        table.add_row(
            event_type,
            _pct(f["p"]),
            _pct(f["r"]),
            _pct(f["f1"]),
            str(f["n"]),
            str(f["tp"]),
            str(f["fp"]),
            str(f["fn"]),
        )
    console.print(table)

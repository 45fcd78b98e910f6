"""``marsad dates``: the temporal expressions of a stored document or of a text."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer
from rich.table import Table

from marsad.cli.common import DB_OPTION, JSON_OPTION, console, print_json
from marsad.errors import InputError
from marsad.model import Analysis, Document, DocumentMeta, TimeExpression


def register(app: typer.Typer) -> None:
    app.command("dates")(dates)


def _parse_ref(value: str | None) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (the first day of the month or year)."""
    if value is None:
        return None
    try:
        parts = [int(x) for x in value.split("-")]
        if not 1 <= len(parts) <= 3:
            raise ValueError
        while len(parts) < 3:
            parts.append(1)
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", param_hint="--ref"
        ) from None


def _stored_document(doc: str, db: str | None) -> Document:
    try:
        from marsad.cli.common import store
    except ImportError as exc:  # the store is an optional part of an installation
        raise InputError("the document store is not available; pass --text instead") from exc
    with store(db) as st:
        return st.get_document(doc).document


def expressions_json(text: str, timexes: list[TimeExpression]) -> list[dict[str, Any]]:
    """The JSON shape of ``marsad dates --json``: offsets into the text and ISO dates."""
    return [
        {
            "text": text[t.start : t.end],
            "start": t.start,
            "end": t.end,
            "from": t.date_from.isoformat(),
            "to": t.date_to.isoformat(),
            "granularity": t.granularity,
            "rule": t.rule,
            "anchor": t.anchor.isoformat() if t.anchor else None,
            "time": t.time_of_day,
        }
        for t in timexes
    ]


def dates(
    doc: str | None = typer.Argument(
        None, help="Stored document id, key (or its first characters) or source file name."
    ),
    text: str | None = typer.Option(
        None, "--text", help="Read this text instead of a stored document."
    ),
    ref: str | None = typer.Option(
        None,
        "--ref",
        help="Publication date to resolve against (YYYY-MM-DD); default: the document's, or inferred from the text.",
    ),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List the dates a document mentions, each resolved against its publication date."""
    if (doc is None) == (text is None):
        raise InputError("give one of a stored document (DOC) or --text")
    reference = _parse_ref(ref)
    document = (
        _stored_document(doc, db)
        if doc is not None
        else Document(str(text), str(text), DocumentMeta())
    )
    if reference is not None:
        document.meta.published = reference.isoformat()
        document.meta.published_basis = "stated"
        document.meta.published_precision = "day"
    analysis = Analysis.of(document)
    from marsad.time import time_stage

    time_stage(analysis)
    rows = expressions_json(analysis.text, analysis.timexes)
    if as_json:
        print_json(rows)
        return
    meta = document.meta
    c = console()
    basis = f" ({meta.published_basis}, {meta.published_precision})" if meta.published else ""
    c.print(f"reference: {meta.published or 'none: only dates with their own year'}{basis}")
    table = Table("#", "expression", "span", "from", "to", "granularity", "rule", "anchor")
    for i, r in enumerate(rows, 1):
        when_to = r["to"] if r["to"] != r["from"] else ""
        time = f" {r['time']}" if r["time"] else ""
        table.add_row(
            str(i),
            r["text"],
            f"{r['start']}-{r['end']}",
            r["from"] + time,
            when_to,
            r["granularity"],
            r["rule"],
            r["anchor"] or "",
        )
    c.print(table)

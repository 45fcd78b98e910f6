"""``marsad quotes``: who said what, and about whom."""

from __future__ import annotations

import typer
from rich.table import Table

from marsad import query
from marsad.cli.common import DB_OPTION, JSON_OPTION, console, print_json, store


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes)


def quotes(
    doc: str | None = typer.Argument(
        None, help="Only this document (id, key or source file name)."
    ),
    speaker: str | None = typer.Option(
        None, "--speaker", help="Speaker id, code or part of the name."
    ),
    about: str | None = typer.Option(
        None, "--about", help="Only quotes that mention this actor id or code."
    ),
    limit: int = typer.Option(1000, "--limit", help="Most quotes to list."),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """List quotations and attributed statements with their speakers and stance."""
    from dataclasses import asdict

    with store(db) as st:
        rows = query.quotes(st, doc=doc, speaker=speaker, about=about, limit=limit)
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    table = Table("speaker", "cue", "text", "direct", "about", "doc")
    for q in rows:
        table.add_row(
            q.speaker["name"] if q.speaker else "—",
            q.cue,
            q.text if len(q.text) < 160 else q.text[:157] + "…",
            "yes" if q.direct else "no",
            ", ".join(f"{a['code']} {a['stance']:+.1f}" for a in q.about),
            q.doc_key,
        )
    c = console()
    c.print(table)
    c.print(f"{len(rows)} quotes")

"""``marsad events``: coded events, filtered, as a table or an export."""

from __future__ import annotations

import sys

import typer
from rich.table import Table

from marsad import export, query
from marsad.cli.common import DB_OPTION, console, store


def register(app: typer.Typer) -> None:
    app.command("events")(events)


def events(
    doc: str | None = typer.Argument(
        None, help="Only this document (id, key or source file name)."
    ),
    dyad: tuple[str, str] | None = typer.Option(
        None, "--dyad", help="A pair of country/IGO codes, either direction: --dyad RUS AZE."
    ),
    root: str | None = typer.Option(None, "--root", help="CAMEO root, e.g. 04 or 17."),
    code: str | None = typer.Option(None, "--code", help="CAMEO code or its prefix, e.g. 042."),
    quad: int | None = typer.Option(None, "--quad", help="Quad class 1-4."),
    status: str | None = typer.Option(
        None, "--status", help="asserted, planned, hypothetical or negated."
    ),
    date_from: str | None = typer.Option(None, "--from", help="Earliest date (YYYY[-MM[-DD]])."),
    date_to: str | None = typer.Option(None, "--to", help="Latest date (YYYY[-MM[-DD]])."),
    outlet: str | None = typer.Option(
        None, "--outlet", help="Only events reported by this outlet."
    ),
    limit: int = typer.Option(1000, "--limit", help="Most events to list."),
    fmt: str = typer.Option(
        "table", "--format", help="table, json, csv, cameo (GDELT-style TSV) or plover (JSON)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    as_csv: bool = typer.Option(False, "--csv", help="Same as --format csv."),
    db: str | None = DB_OPTION,
) -> None:
    """List coded events: who did what to whom, when, where, with the rule that coded each."""
    if as_json:
        fmt = "json"
    if as_csv:
        fmt = "csv"
    if fmt not in ("table", "json", "csv", "cameo", "plover"):
        raise typer.BadParameter(f"unknown format {fmt!r}", param_hint="--format")
    with store(db) as st:
        rows = query.events(
            st,
            doc=doc,
            dyad=dyad,
            root=root,
            code=code,
            quad=quad,
            status=status,
            date_from=date_from,
            date_to=date_to,
            outlet=outlet,
            limit=limit,
        )
    if fmt == "json":
        sys.stdout.write(export.to_json(rows) + "\n")
    elif fmt == "csv":
        sys.stdout.write(export.to_csv(rows))
    elif fmt == "cameo":
        sys.stdout.write(export.to_cameo_tsv(rows))
    elif fmt == "plover":
        import json

        sys.stdout.write(json.dumps(export.to_plover(rows), ensure_ascii=False, indent=2) + "\n")
    else:
        table = Table("date", "source", "cameo", "target", "status", "trigger", "doc")
        for e in rows:
            table.add_row(
                e.date or "—",
                ", ".join(a["name"] for a in e.source),
                f"{e.cameo} {e.plover}",
                ", ".join(a["name"] for a in e.target) or "—",
                e.status,
                e.trigger,
                e.doc_key,
            )
        c = console()
        c.print(table)
        c.print(f"{len(rows)} events")

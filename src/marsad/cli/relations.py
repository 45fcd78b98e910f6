"""``marsad timeline``, ``marsad brief`` and ``marsad outlets``: a relationship over time."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import typer
from rich.table import Table

from marsad.cli.common import DB_OPTION, JSON_OPTION, console, print_json, store
from marsad.errors import InputError


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cmd)
    app.command("brief")(brief_cmd)
    app.command("outlets")(outlets_cmd)


def timeline_cmd(
    a: str = typer.Argument(..., help="First country or IGO code, e.g. RUS."),
    b: str = typer.Argument(..., help="Second code, e.g. AZE."),
    by: str = typer.Option("month", "--by", help="day, week, month or year."),
    date_from: str | None = typer.Option(None, "--from", help="Earliest date."),
    date_to: str | None = typer.Option(None, "--to", help="Latest date."),
    plot_file: Path | None = typer.Option(
        None, "--plot", help="Also draw the series to FILE.png or FILE.svg."
    ),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Events of a pair per period by quad class, Goldstein sum and mean, quote tone, and the phases."""
    from marsad.relations.brief import plot, timeline_dict
    from marsad.relations.timeline import timeline

    if plot_file is not None and plot_file.suffix.lower() not in (".png", ".svg"):
        raise InputError("the plot file must end in .png or .svg", source=str(plot_file))
    with store(db) as st:
        tl = timeline(st, a, b, by=by, date_from=date_from, date_to=date_to)
    if plot_file is not None:
        plot(tl, str(plot_file))
    if as_json:
        print_json(timeline_dict(tl))
        return
    c = console()
    table = Table(
        "period",
        "events",
        "verbal coop",
        "material coop",
        "verbal confl",
        "material confl",
        "Goldstein Σ",
        "mean",
        "tone",
    )
    for p in tl.periods:
        if not p.events and p.tone is None:
            continue  # the JSON and the plot keep empty periods; the table lists the ones with events
        table.add_row(
            p.period,
            str(p.events),
            *(str(p.quad[k]) for k in (1, 2, 3, 4)),
            f"{p.goldstein_sum:+.1f}",
            f"{p.goldstein_mean:+.2f}",
            "—" if p.tone is None else f"{p.tone:+.2f}",
        )
    c.print(table)
    c.print(f"{tl.a}–{tl.b}  {tl.sparkline()}")
    for ph in tl.phases:
        c.print(
            f"[bold]{ph.label}[/]  {ph.start} → {ph.end}  Goldstein {ph.goldstein_mean:+.2f}, {ph.events} events"
        )
        for k in ph.key_events[:3]:
            c.print(f"    {k['date']}  {k['cameo']} {k['plover']}  «{k['trigger']}»  ({k['doc']})")


def brief_cmd(
    a: str = typer.Argument(..., help="First country or IGO code."),
    b: str = typer.Argument(..., help="Second code."),
    date_from: str | None = typer.Option(None, "--from", help="Earliest date."),
    date_to: str | None = typer.Option(None, "--to", help="Latest date."),
    lang: str = typer.Option("ar", "--lang", help="ar or en."),
    db: str | None = DB_OPTION,
) -> None:
    """A Markdown chronology of the pair, phase by phase, every line citing its document and sentence."""
    from marsad.relations.brief import brief

    with store(db) as st:
        sys.stdout.write(brief(st, a, b, date_from, date_to, lang))


def outlets_cmd(
    a: str = typer.Argument(..., help="First country or IGO code."),
    b: str = typer.Argument(..., help="Second code."),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Per outlet: which of the pair's events it reports and its tone towards each side."""
    from marsad.relations.brief import outlets

    with store(db) as st:
        rows = outlets(st, a, b)
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    table = Table(
        "outlet",
        "docs",
        "events",
        "mean Goldstein",
        f"tone → {a.upper()}",
        f"tone → {b.upper()}",
        "by PLOVER",
    )
    for r in rows:
        table.add_row(
            r.outlet,
            str(r.documents),
            str(r.events),
            f"{r.goldstein_mean:+.2f}",
            *(
                "—" if r.tone.get(s) is None else f"{r.tone[s]:+.2f}"
                for s in (a.upper(), b.upper())
            ),
            ", ".join(f"{k} {v}" for k, v in sorted(r.by_plover.items())),
        )
    console().print(table)

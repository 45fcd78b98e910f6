"""``marsad ingest``: read articles from files, directories, feeds, WARC archives and URLs into the store."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from marsad.cli.common import DB_OPTION, JSON_OPTION, console, print_json, store
from marsad.ingest import DEFAULT_MAX_BYTES, IngestReport, Limits, ProgressFn, ingest
from marsad.ingest import Progress as IngestProgress
from marsad.parallel import check_engine
from marsad.store import Store

MAX_WARNINGS_SHOWN = 20


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


def ingest_command(
    paths: list[str] = typer.Argument(
        ...,
        help="Files, directories (read recursively) and http(s):// URLs: .txt, .html, .jsonl, .warc(.gz), RSS/Atom.",
    ),
    db: str | None = DB_OPTION,
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any input is rejected."),
    as_json: bool = JSON_OPTION,
    no_progress: bool = typer.Option(
        False, "--no-progress", help="No progress bar (it is off anyway when not on a terminal)."
    ),
    max_size: float = typer.Option(
        DEFAULT_MAX_BYTES / 1e6, "--max-size", min=0.001, help="Largest input to read, in MB."
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        "-w",
        min=1,
        help="Processes that clean and analyse articles (this one stays the single writer); "
        "the store ends up the same as with 1.",
    ),
    engine: str = typer.Option(
        "local",
        "--engine",
        help="local: worker processes on this machine; dask: a dask.distributed cluster.",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Dask scheduler address (tcp://host:8786) for --engine dask; "
        "without it a local cluster of --workers processes is started.",
    ),
) -> None:
    """Read articles into the store: clean text, page furniture removed, metadata; one transaction each.

    The same content again changes nothing; the same URL with new content is a
    new version.  A bad input is reported with its reason and the rest of the
    batch goes on; the exit code is non-zero only when nothing could be
    ingested (or, with --strict, when anything was rejected).
    """
    limits = Limits(max_bytes=int(max_size * 1e6))
    check_engine(engine, workers, scheduler)
    show_bar = not (no_progress or as_json) and sys.stderr.isatty()
    options = Options(strict, limits, workers, engine, scheduler)
    with store(db) as st:
        report = _with_progress_bar(paths, st, options) if show_bar else _run(paths, st, options)
    if as_json:
        print_json(report.to_dict())
    else:
        print_summary(report)
    code = report.exit_code
    if code:
        raise typer.Exit(code)


@dataclass(frozen=True, slots=True)
class Options:
    strict: bool
    limits: Limits
    workers: int
    engine: str
    scheduler: str | None


def _run(
    paths: list[str], st: Store, o: Options, progress: ProgressFn | None = None
) -> IngestReport:
    return ingest(
        paths,
        st,
        strict=o.strict,
        progress=progress,
        limits=o.limits,
        workers=o.workers,
        engine=o.engine,
        scheduler=o.scheduler,
    )


def _with_progress_bar(paths: list[str], st: Store, options: Options) -> IngestReport:
    """Ingest under a progress bar on stderr: inputs done, documents and documents per second."""
    bar = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("inputs · {task.fields[docs]} docs · {task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task("ingest", total=None, docs=0, rate="0.0")

        def update(p: IngestProgress) -> None:
            bar.update(
                task,
                total=p.inputs_total,
                completed=p.inputs_done,
                docs=p.documents,
                rate=f"{p.docs_per_s:.1f}",
            )

        return _run(paths, st, options, update)


def print_summary(report: IngestReport) -> None:
    """The end-of-run summary: counts, then every rejected input with its reason."""
    c = console()
    rate = (
        f", {report.documents / report.elapsed:.1f} docs/s"
        if report.elapsed > 0 and report.documents
        else ""
    )
    line = Text.assemble(
        ("ingested ", "bold"),
        (str(report.added), "green"),
        " · already present ",
        str(report.present),
        " · new versions ",
        str(report.new_versions),
        " · rejected ",
        (str(len(report.rejected)), "red" if report.rejected else ""),
    )
    if report.skipped:
        line.append(f" · skipped {len(report.skipped)}")
    line.append(f"   ({report.inputs} inputs in {report.elapsed:.2f} s{rate})", style="dim")
    c.print(line)
    for r in report.rejected:
        c.print(Text.assemble(("  rejected ", "red"), (r.source, "bold"), f": {r.reason}"))
    for r in report.skipped:
        c.print(Text.assemble(("  skipped ", "dim"), r.source, f": {r.reason}"), style="dim")
    warnings = [(r.source, w) for r in report.results for w in r.warnings]
    for source, w in warnings[:MAX_WARNINGS_SHOWN]:
        c.print(Text.assemble(("  warning ", "yellow"), source, f": {w}"))
    if len(warnings) > MAX_WARNINGS_SHOWN:
        c.print(
            f"  … and {len(warnings) - MAX_WARNINGS_SHOWN} more warnings (`marsad show DOC` lists them)"
        )
    if report.documents == 0:
        c.print("[red]nothing could be ingested[/]")

"""``marsad bench``: how fast the pipeline runs here, per stage, and how far it is from the floor."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from marsad.bench import DEFAULT_N, BenchResult, run_bench
from marsad.cli.common import JSON_OPTION, console, print_json
from marsad.errors import InputError


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)


def bench_command(
    corpus: list[Path] | None = typer.Argument(
        None,
        help="Files or folders to benchmark on (any format `marsad ingest` reads); "
        "default: synthetic news-length articles plus the bundled sample.",
    ),
    n: int = typer.Option(
        DEFAULT_N,
        "--n",
        "-n",
        min=1,
        help="Synthetic articles to generate when no corpus is given.",
    ),
    seed: int = typer.Option(
        0, "--seed", help="Seed of the synthetic corpus (same seed, same text)."
    ),
    repeat: int = typer.Option(
        1, "--repeat", min=1, max=10, help="Run each pass this many times; the fastest counts."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Documents/s, MB/s, seconds per stage, peak memory, and the ratio of the whole pipeline to a
    floor (reading, normalizing and one pass of the actor automaton over the same text).

    The language data is loaded before the clock starts (a long-running process
    pays that once); `load_s` says how long it took.
    """
    for p in corpus or []:
        if not p.exists():
            raise InputError("no such file or directory", source=str(p))
    result = run_bench(corpus or None, n=n, seed=seed, repeat=repeat)
    if result.documents == 0:
        raise InputError("no article could be read from the corpus")
    if as_json:
        print_json(result.to_dict())
    else:
        print_result(result)


def print_result(r: BenchResult) -> None:
    c = console()
    m = r.machine
    c.print(
        f"[bold]marsad bench[/]: {r.corpus}\n"
        f"{r.documents} documents, {r.words:,} words, {r.input_mb:.2f} MB "
        f"on {m.get('cpus')} CPUs, {m.get('python')} (language data loaded in {r.load_s:.1f} s)"
    )
    table = Table("stage", "seconds", "share", "ms/doc", title="pipeline (one process)")
    total = r.pipeline_s or 1.0
    for name, secs in r.stages.items():
        table.add_row(
            name,
            f"{secs:.3f}",
            f"{100 * secs / total:.1f}%",
            f"{1000 * secs / max(1, r.documents):.2f}",
        )
    table.add_row(
        "[bold]total",
        f"[bold]{r.pipeline_s:.3f}",
        "100%",
        f"{1000 * total / max(1, r.documents):.2f}",
    )
    c.print(table)
    floor = " + ".join(f"{k} {v:.3f}" for k, v in r.floor_stages.items())
    c.print(
        f"[bold]{r.docs_per_s:.1f}[/] documents/s · [bold]{r.mb_per_s:.3f}[/] MB/s · "
        f"floor {r.floor_s:.3f} s ({floor}) · [bold]floor ratio {r.floor_ratio:.1f}[/] · "
        f"peak RSS {r.peak_rss_mb:.0f} MB"
    )
    if r.deferred.get("tokens"):
        c.print(
            f"made on first use, not in the total: tokens {r.deferred['tokens']:.3f} s "
            f"({1000 * r.deferred['tokens'] / max(1, r.documents):.2f} ms/doc; ingest pays it for "
            "the store's search text)"
        )
    if r.failed or r.rejected:
        c.print(
            f"[yellow]{r.rejected} inputs could not be read, a stage failed on {r.failed} documents"
        )

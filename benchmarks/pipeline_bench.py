"""Pipeline speed, per stage, against the floor; and ingest speed with 1 and N workers and on Dask.

Part 1 is ``marsad bench`` (:func:`marsad.bench.run_bench`): ``--n`` synthetic
news-length articles plus the bundled sample, in one process, language data
loaded before the clock starts.  Part 2 ingests ``--ingest-n`` synthetic
articles into fresh SQLite stores with ``--workers`` 1 and N (and, with
``--dask``, on a local Dask cluster of N process workers), start-up included,
and checks that every run stored the same events.

Run: ``python benchmarks/pipeline_bench.py [--n 300] [--repeat 2] [--ingest-n 300] [--workers 2] [--dask]``
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from marsad.bench import BenchResult, run_bench, write_synthetic_corpus
from marsad.ingest import ingest
from marsad.store import open_store


def print_bench(r: BenchResult) -> None:
    m = r.machine
    print(
        f"Pipeline on {r.corpus}: {r.documents} documents, {r.words:,} words, {r.input_mb:.2f} MB; "
        f"{m['python']}, {m['machine']}, {m['cpus']} CPUs; language data loaded in {r.load_s:.1f} s\n"
    )
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| documents/s (one process) | {r.docs_per_s:.1f} |")
    print(f"| MB/s | {r.mb_per_s:.3f} |")
    print(f"| ms per document | {1000 / r.docs_per_s:.1f} |")
    print(f"| floor (read + normalize + one automaton pass), s | {r.floor_s:.3f} |")
    print(f"| pipeline / floor | {r.floor_ratio:.1f} |")
    print(f"| peak RSS, MB | {r.peak_rss_mb:.0f} |")
    for name, secs in r.deferred.items():  # made on first use, off the pipeline's clock
        print(
            f"| {name} made on first use (not in the total), ms/doc | {1000 * secs / r.documents:.2f} |"
        )
    print(f"| CPU s of the stages / their wall s | {r.analyze_cpu_s:.2f} / "
          f"{sum(v for k, v in r.stages.items() if k not in ('read', 'clean')):.2f} |")  # fmt: skip
    print("\n| stage | seconds | share | ms/doc |")
    print("| --- | ---: | ---: | ---: |")
    for name, secs in r.stages.items():
        print(
            f"| {name} | {secs:.3f} | {100 * secs / r.pipeline_s:.1f}% "
            f"| {1000 * secs / r.documents:.2f} |"
        )


def _events(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        conn.close()


def ingest_speeds(n: int, workers: int, dask: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="marsad-pbench-") as tmp:
        root = Path(tmp)
        write_synthetic_corpus(root / "corpus", n, seed=3)
        runs: list[tuple[str, dict[str, Any]]] = [("1 process", {})]
        runs.append((f"{workers} worker processes", {"workers": workers}))
        if dask:
            runs.append(
                (f"Dask LocalCluster, {workers} workers", {"engine": "dask", "workers": workers})
            )
        rows = []
        reference: list[tuple[Any, ...]] | None = None
        for i, (name, kw) in enumerate(runs):
            db = root / f"s{i}.db"
            with open_store(db) as st:
                t0 = time.perf_counter()
                report = ingest([root / "corpus"], st, **kw)
                secs = time.perf_counter() - t0
            events = _events(db)
            reference = events if reference is None else reference
            rows.append((name, report.documents, secs, events == reference))
    print(f"\nIngest of {n} synthetic articles into SQLite (start-up and language data included)\n")
    print("| run | documents | seconds | documents/s | speed-up | same events |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    base = rows[0][2]
    for name, docs, secs, same in rows:
        print(f"| {name} | {docs} | {secs:.1f} | {docs / secs:.1f} | {base / secs:.2f} | {same} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--ingest-n", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dask", action="store_true")
    args = parser.parse_args()
    print_bench(run_bench(n=args.n, repeat=args.repeat))
    if args.ingest_n:
        ingest_speeds(args.ingest_n, args.workers, args.dask)


if __name__ == "__main__":
    main()

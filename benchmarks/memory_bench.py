"""Peak memory of ``ingest`` on a large batch: does it stay flat as the batch grows?

Writes ``--n`` distinct news-length articles (``--bases`` synthetic articles
from :mod:`marsad.bench`, each copy made distinct by one added sentence) into a
temporary folder, ingests them into a temporary SQLite store and samples the
resident memory every ``--every`` documents.  Prints a Markdown table of the
samples and the peak (this process and, with ``--workers``, its workers).

The full pipeline runs at tens of articles per second per core, so 100,000
articles take hours; ``--no-pipeline`` measures the reading, cleaning and store
path at that scale in minutes, and a pipeline run of a few thousand articles
shows whether the pipeline's caches stay bounded.  The report says what ran.

Run: ``python benchmarks/memory_bench.py [--n 100000] [--no-pipeline] [--workers 1]``
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from marsad.bench import synthetic_article
from marsad.ingest import Progress, ingest
from marsad.store import open_store


def rss_mb(pid: int | str = "self") -> float:
    """Current resident memory of a process, in MB (Linux)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:  # it ended meanwhile
        return 0.0
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def descendants() -> list[int]:
    """Every process started from this one, however deep (worker pools fork from a server)."""
    parent: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [os.getpid()]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parent.items() if pp == pid]
        found.extend(kids)
        frontier.extend(kids)
    return found


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def write_corpus(folder: Path, n: int, bases: int) -> int:
    """``n`` distinct articles in sub-folders of 1,000 files; returns the bytes written."""
    texts = [synthetic_article(i, seed=5) for i in range(min(n, bases))]
    total = 0
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        body = texts[i % len(texts)]
        extra = f"\n\nوذكرت مصادر مطلعة أن الجولة رقم {i} من الاتصالات ستعقد في موعد يحدد لاحقا.\n"
        data = (body + extra).encode("utf-8")
        (sub / f"{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles to ingest")
    parser.add_argument("--bases", type=int, default=500, help="distinct synthetic articles")
    parser.add_argument("--no-pipeline", action="store_true", help="read, clean and store only")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--every", type=int, default=0, help="sample memory every N documents")
    args = parser.parse_args()
    every = args.every or max(1, args.n // 20)
    with tempfile.TemporaryDirectory(prefix="marsad-mem-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        size = write_corpus(root / "corpus", args.n, args.bases)
        gen_s = time.perf_counter() - t0
        samples: list[tuple[int, float, float, float]] = []
        start = time.perf_counter()

        def progress(p: Progress) -> None:
            if (
                p.documents
                and p.documents % every == 0
                and (not samples or samples[-1][0] != p.documents)
            ):
                workers = [rss_mb(pid) for pid in descendants()] if args.workers > 1 else [0.0]
                samples.append(
                    (p.documents, time.perf_counter() - start, rss_mb(), max(workers, default=0.0))
                )

        before = rss_mb()
        with open_store(root / "store.db") as st:
            report = ingest(
                [root / "corpus"],
                st,
                run_pipeline=not args.no_pipeline,
                progress=progress,
                workers=args.workers,
            )
        elapsed = time.perf_counter() - start
        db_mb = sum(p.stat().st_size for p in root.glob("store.db*")) / 1e6
    what = (
        "reading, cleaning and storing (no pipeline)" if args.no_pipeline else "the full pipeline"
    )
    print(
        f"Memory while ingesting {report.documents:,} articles ({size / 1e6:.0f} MB of text) with "
        f"{what}, {args.workers} worker(s); {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} CPUs; corpus written in {gen_s:.0f} s, "
        f"ingested in {elapsed:.0f} s ({report.documents / elapsed:.1f} docs/s), store {db_mb:.0f} MB\n"
    )
    print("| documents | seconds | RSS MB (this process) | RSS MB (largest worker) |")
    print("| ---: | ---: | ---: | ---: |")
    print(f"| 0 | 0 | {before:.0f} | |")
    for docs, secs, mb, worker in samples:
        print(f"| {docs:,} | {secs:.0f} | {mb:.0f} | {worker:.0f} |")
    largest = max((w for *_, w in samples), default=0.0)
    print(
        f"\npeak RSS: this process {peak_mb(resource.RUSAGE_SELF):.0f} MB"
        + (f", largest worker (sampled) {largest:.0f} MB" if args.workers > 1 else "")
    )


if __name__ == "__main__":
    main()

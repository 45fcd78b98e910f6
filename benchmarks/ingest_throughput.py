"""Ingest throughput on plain text: documents/s and MB/s, printed as a Markdown table.

Generates N plain-text articles from the bundled sample corpus (each with its
own numbered sentence, so every one is a new document) in a temporary folder
and times four things on them:

* decode + clean + metadata on bytes already in memory (the cost per article);
* read files + clean: the same with the directory walk and file reads (no store);
* ingest without the pipeline: the above plus one store transaction each;
* ingest with the pipeline: every available stage as well (on fewer documents).

Each measure runs ``--repeat`` times after a warm-up that loads the data
files, and the best run is reported (timings on a busy machine only err slow).

Run: ``python benchmarks/ingest_throughput.py [--docs 2000] [--pipeline-docs 100] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from marsad.ingest import SAMPLE_DIR, Candidate, build_document, ingest, iter_inputs
from marsad.ingest.decode import decode_bytes
from marsad.ingest.readers import text_article
from marsad.store import open_store


def templates() -> list[str]:
    """The plain-text sample articles, decoded."""
    return [
        decode_bytes(p.read_bytes(), source=str(p)).text for p in sorted(SAMPLE_DIR.glob("*.txt"))
    ]


def make_corpus(folder: Path, n: int) -> int:
    """Write ``n`` distinct articles of about 4-5 KB each; return the bytes written."""
    bases = templates()
    total = 0
    for i in range(n):
        lines = bases[i % len(bases)].split("\n")
        paragraphs = [ln for ln in lines if len(ln.split()) >= 12]
        at = lines.index(paragraphs[0]) + 1
        extra = f"وأفادت مصادر مطلعة بأن الجولة رقم {i} من المشاورات ستعقد في موعد يحدد لاحقا."
        lines[at:at] = ["", extra, "", *"\n\n".join(paragraphs).split("\n")]  # body twice: ~5 KB
        text = "\n".join(lines)
        data = text.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def time_in_memory(folder: Path) -> tuple[int, float]:
    """Decoding, furniture removal and metadata only: the bytes are read before the clock starts."""
    datas = [(str(p), p.read_bytes()) for p in sorted(folder.glob("*.txt"))]
    t0 = time.perf_counter()
    for source, data in datas:
        build_document(text_article(data, source))
    return len(datas), time.perf_counter() - t0


def time_clean(folder: Path) -> tuple[int, float]:
    t0 = time.perf_counter()
    n = 0
    for item in iter_inputs([folder]):
        if isinstance(item, Candidate):
            item.build()
            n += 1
    return n, time.perf_counter() - t0


def time_ingest(folder: Path, db: Path, run_pipeline: bool) -> tuple[int, float]:
    with open_store(db) as st:
        t0 = time.perf_counter()
        report = ingest([folder], st, run_pipeline=run_pipeline)
        elapsed = time.perf_counter() - t0
    return report.added, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="articles without the pipeline")
    parser.add_argument("--pipeline-docs", type=int, default=100, help="articles with the pipeline")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each measure; the best counts"
    )
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big, small, warm = root / "big", root / "small", root / "warm"
        for folder in (big, small, warm):
            folder.mkdir()
        big_bytes = make_corpus(big, args.docs)
        small_bytes = make_corpus(small, args.pipeline_docs)
        make_corpus(warm, 3)
        time_ingest(warm, root / "warm.db", run_pipeline=True)  # load data files once

        def best(run: Callable[[int], tuple[int, float]]) -> tuple[int, float]:
            return min((run(i) for i in range(args.repeat)), key=lambda r: r[1])

        n, s = best(lambda _: time_in_memory(big))
        rows.append(("decode + clean + metadata (in memory)", n, big_bytes, s))
        n, s = best(lambda _: time_clean(big))
        rows.append(("read files + clean (no store)", n, big_bytes, s))
        n, s = best(lambda i: time_ingest(big, root / f"a{i}.db", run_pipeline=False))
        rows.append(("ingest, no pipeline", n, big_bytes, s))
        n, s = best(lambda i: time_ingest(small, root / f"b{i}.db", run_pipeline=True))
        rows.append(("ingest with the pipeline", n, small_bytes, s))
    print(
        f"Ingest throughput on plain text ({platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs); "
        f"articles of about {big_bytes / max(1, args.docs) / 1000:.1f} KB, best of {args.repeat}\n"
    )
    print("| run | documents | MB | seconds | documents/s | MB/s | ms per 5 KB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, n, size, secs in rows:
        mb = size / 1e6
        per5k = secs * 1000 / (size / 5000) if size else 0.0
        print(
            f"| {name} | {n} | {mb:.2f} | {secs:.2f} | {n / secs:.0f} | {mb / secs:.2f} "
            f"| {per5k:.2f} |"
        )


if __name__ == "__main__":
    main()

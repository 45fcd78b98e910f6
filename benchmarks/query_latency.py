"""Query latency over a store of a million events: a pair's timeline, filtered events, search.

Builds a store directly with ``executemany`` (no pipeline: the point is the
queries, not extraction): ``--docs`` documents of a few sentences each, with
``--events`` events spread over them, between ~60 states whose pairs follow a
Zipf law (a few pairs are in the news every day, most rarely), dated over ten
years (some to the month, a few undated), one quote per few events.  Then times
each query ``--repeat`` times after one warm-up run and prints the median and
the worst as a Markdown table.

Run: ``python benchmarks/query_latency.py [--events 1000000] [--docs 20000] [--db PATH|postgresql://…]``
(the default store is a temporary SQLite file).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from marsad import query
from marsad.bench import synthetic_article
from marsad.relations.timeline import timeline
from marsad.resources import data_path
from marsad.store import Store, open_store
from marsad.store.facts import backfill
from marsad.text.normalize import normalize

STATES = [
    "RUS",
    "UKR",
    "USA",
    "CHN",
    "IRN",
    "ISR",
    "PSE",
    "EGY",
    "SAU",
    "TUR",
    "SYR",
    "IRQ",
    "LBN",
    "JOR",
    "QAT",
    "ARE",
    "KWT",
    "OMN",
    "BHR",
    "YEM",
    "DZA",
    "MAR",
    "TUN",
    "LBY",
    "SDN",
    "FRA",
    "DEU",
    "GBR",
    "ITA",
    "ESP",
    "AZE",
    "ARM",
    "GEO",
    "KAZ",
    "UZB",
    "TKM",
    "IND",
    "PAK",
    "AFG",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "ZAF",
    "NGA",
    "ETH",
    "KEN",
    "SOM",
    "ERI",
    "DJI",
    "MRT",
    "MLI",
    "NER",
    "TCD",
    "GRC",
    "CYP",
    "POL",
    "BLR",
    "SRB",
    "HUN",
]


def cameo_table() -> list[tuple[str, float, str, int]]:
    """(code, goldstein, plover, quad) of every CAMEO code in the bundled table."""
    rows = []
    for line in (data_path("events") / "cameo.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, _label, goldstein, plover, quad = line.split("\t")
        if len(code) >= 3:
            rows.append((code, float(goldstein), plover, int(quad)))
    return rows


def pair_weights(rng: random.Random) -> tuple[list[tuple[str, str]], list[float]]:
    pairs = [(a, b) for a in STATES for b in STATES if a != b]
    rng.shuffle(pairs)
    return pairs, [1.0 / (rank + 1) ** 1.1 for rank in range(len(pairs))]


def _date(rng: random.Random) -> str | None:
    d = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    roll = rng.random()
    if roll < 0.03:
        return None
    if roll < 0.15:
        return d.isoformat()[:7]
    return d.isoformat()


def build(st: Store, n_docs: int, n_events: int, seed: int = 1) -> dict[str, Any]:
    """Fill an empty store; return what was made and the busiest pairs."""
    rng = random.Random(seed)
    codes = cameo_table()
    pairs, weights = pair_weights(rng)
    texts = [synthetic_article(i, seed=99) for i in range(50)]
    texts = ["\n\n".join(t.split("\n\n")[:5]) for t in texts]  # headline + ~2 paragraphs
    now = "2025-01-01T00:00:00+00:00"
    c = st.conn
    t0 = time.perf_counter()
    c.execute("BEGIN")
    c.executemany(
        "INSERT INTO actors VALUES (?,?,?,?,?,?,?)",
        [(s, "country", s, s, s, s, f"countries:{s}") for s in STATES],
    )
    per_doc = max(1, n_events // n_docs)
    event_id = 0
    docs, fts, events, dyads, quotes = [], [], [], [], []

    def flush() -> None:
        c.executemany(
            """INSERT INTO documents (id, doc_key, content_hash, url, version, source, fmt, title,
               outlet, author, published, published_basis, published_precision, language, raw_text,
               text, removed_json, warnings_json, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            docs,
        )
        if st.dialect == "sqlite":
            c.executemany("INSERT INTO documents_fts (rowid, title, body) VALUES (?,?,?)", fts)
        else:
            c.executemany("INSERT INTO documents_fts (doc_id, title, body) VALUES (?,?,?)", fts)
        c.executemany(
            """INSERT INTO events (id, doc_id, sent_start, sent_end, trig_start, trig_end,
               source_json, target_json, cameo, root, plover, goldstein, quad, status, date,
               date_basis, loc_start, loc_end, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            events,
        )
        c.executemany("INSERT INTO event_dyads VALUES (?,?,?,?,?)", dyads)
        c.executemany(
            """INSERT INTO quotes (doc_id, cue_start, cue_end, start, end, speaker_id, speaker_start,
               speaker_end, via_id, direct, about_json, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
            quotes,
        )
        for batch in (docs, fts, events, dyads, quotes):
            batch.clear()

    for doc_id in range(1, n_docs + 1):
        text = texts[doc_id % len(texts)] + f"\n\nرقم {doc_id}"
        published = (date(2015, 1, 1) + timedelta(days=rng.randrange(3650))).isoformat()
        key = f"{doc_id:012x}"
        docs.append(
            (doc_id, key, key * 5, None, 1, f"bench/{doc_id}.txt", "text", text.split("\n")[0],
             "bench", None, published, "stated", "day", "ar", text, text, "[]", "[]", now)
        )  # fmt: skip
        norm = normalize(text).text
        fts.append((doc_id, norm.split("\n")[0], norm))
        n = per_doc if doc_id < n_docs else n_events - event_id
        for a, b in rng.choices(pairs, weights, k=n):
            event_id += 1
            code, goldstein, plover, quad = rng.choice(codes)
            when = _date(rng)
            s = rng.randrange(0, len(text) - 60)
            events.append(
                (event_id, doc_id, s, s + 60, s + 10, s + 16, json.dumps([a]), json.dumps([b]),
                 code, code[:2], plover, goldstein, quad,
                 "asserted" if rng.random() < 0.85 else "planned", when,
                 "expression" if rng.random() < 0.6 else "publication", None, None, "bench")
            )  # fmt: skip
            dyads.append((event_id, a, b, code[:2], when))
            if rng.random() < 0.2:
                quotes.append(
                    (doc_id, s, s + 4, s + 5, s + 50, a, s - 10, s - 1, None, 1,
                     json.dumps([[b, round(rng.uniform(-1, 1), 2)]]), "bench")
                )  # fmt: skip
        if len(events) >= 50_000:
            flush()
    flush()
    c.execute("COMMIT")
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    c.execute("BEGIN")
    backfill(st)  # the relation facts Store.add writes per document, here for the bulk load
    c.execute("COMMIT")
    c.execute("ANALYZE")
    return {**describe(st), "build_s": built, "facts_s": time.perf_counter() - t0}


def describe(st: Store) -> dict[str, Any]:
    """Row counts, the busiest pair and a pair of a few hundred events."""
    c = st.conn
    counts = {
        t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("documents", "events", "event_dyads", "quotes")
    }
    top = c.execute(
        "SELECT src, tgt, COUNT(*) AS n FROM event_dyads GROUP BY src, tgt ORDER BY n DESC LIMIT 1"
    ).fetchone()
    mid = c.execute(
        "SELECT src, tgt, n FROM (SELECT src, tgt, COUNT(*) AS n FROM event_dyads GROUP BY src, tgt) x "
        "WHERE n BETWEEN 300 AND 700 ORDER BY n DESC LIMIT 1"
    ).fetchone()
    return {
        "counts": counts,
        "top_pair": (top[0], top[1], top[2]),
        "mid_pair": (mid[0], mid[1], mid[2]) if mid else (top[0], top[1], top[2]),
    }


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, int]:
    """(median ms, worst ms, result size) after one warm-up call."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    size = len(result.periods) if hasattr(result, "periods") else len(result)
    return statistics.median(times), max(times), size


def queries(st: Store, info: dict[str, Any]) -> Iterator[tuple[str, Callable[[], Any]]]:
    ta, tb, tn = info["top_pair"]
    ma, mb, mn = info["mid_pair"]
    yield (f"events of a pair ({ma}-{mb}, {mn} events), first 100",
           lambda: query.events(st, dyad=(ma, mb), limit=100))  # fmt: skip
    yield (f"events of the busiest pair ({ta}-{tb}, {tn} events), first 100",
           lambda: query.events(st, dyad=(ta, tb), limit=100))  # fmt: skip
    yield (f"events of the busiest pair in one month ({ta}-{tb}, 2020-03)",
           lambda: query.events(st, dyad=(ta, tb), date_from="2020-03", date_to="2020-03"))  # fmt: skip
    yield ("events of root 19 in a quarter, first 100",
           lambda: query.events(st, root="19", date_from="2022-01", date_to="2022-03", limit=100))  # fmt: skip
    yield ("events, quad 4, planned, first 100",
           lambda: query.events(st, quad=4, status="planned", limit=100))  # fmt: skip
    yield ("events with code 0411, first 100",
           lambda: query.events(st, code="0411", limit=100))  # fmt: skip
    yield (f"timeline of a pair by month ({ma}-{mb})",
           lambda: timeline(st, ma, mb, by="month"))  # fmt: skip
    yield (f"timeline of a pair by month, one year ({ta}-{tb}, 2021)",
           lambda: timeline(st, ta, tb, by="month", date_from="2021", date_to="2021"))  # fmt: skip
    yield ("full-text search, one word", lambda: st.search("الخارجية"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--db", help="a store to create (SQLite path or postgresql:// URL of an empty database)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the queries on the store --db holds (made by an earlier run; opening it "
        "applies newer migrations, whose time is reported)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "events.db")
        t0 = time.perf_counter()
        with open_store(db) as st:
            opened = time.perf_counter() - t0
            if args.reuse:
                info = describe(st)
                made = f"opened (and migrated) in {opened:.0f} s"
            elif st.count():
                raise SystemExit(f"{db} is not empty")
            else:
                info = build(st, args.docs, args.events)
                made = (
                    f"built in {info['build_s']:.0f} s, relation facts in {info['facts_s']:.0f} s"
                )
            size = f", {os.path.getsize(db) / 1e6:.0f} MB" if st.dialect == "sqlite" else ""
            print(
                f"Query latency on {st.dialect} ({platform.python_implementation()} "
                f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs): "
                f"{info['counts']['events']:,} events in {info['counts']['documents']:,} documents, "
                f"{info['counts']['quotes']:,} quotes{size}; {made}; "
                f"median and worst of {args.repeat}\n"
            )
            print("| query | rows | median ms | worst ms |")
            print("| --- | ---: | ---: | ---: |")
            for name, fn in queries(st, info):
                med, worst, n = timed(fn, args.repeat)
                print(f"| {name} | {n} | {med:.1f} | {worst:.1f} |", flush=True)


if __name__ == "__main__":
    main()

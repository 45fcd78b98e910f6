"""marsad.time against dateparser on the golden time table (and the seed articles).

Usage::

    .venv/bin/python benchmarks/time_vs_dateparser.py [--reps 20] [--json]

Both systems read the same texts with the same reference date
(``search_dates(text, languages=['ar'], settings={'RELATIVE_BASE': ref})``
for dateparser).  An expected expression counts as correct when a prediction
overlaps its span and its value is right:

* **lenient** (the headline, fair to a system that returns one point in
  time): the predicted date lies inside the expected interval (and equals it
  for a day);
* **strict**: the predicted interval equals the expected one exactly
  (dateparser returns no intervals, so only its day answers can be strict).

A negative case (a sentence without a date) is correct when nothing is
predicted.  Accuracy = correct / (expected expressions + negative cases).
Predictions that match no expected expression are counted as false positives.
Speed is expected expressions per second over the whole table, best of
``--reps`` runs (dateparser: best of 2, after one warm-up run).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "tests" / "time" / "cases.yaml"
SEED_TABLE = REPO / "tests" / "time" / "seed_cases.yaml"
SHARED = REPO.parent / "shared"


@dataclass(frozen=True, slots=True)
class Expected:
    start: int
    end: int
    date_from: date
    date_to: date


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    date_from: date
    date_to: date


@dataclass(slots=True)
class Item:
    text: str
    ref: date
    expected: list[Expected]


@dataclass(slots=True)
class Score:
    items: int = 0
    lenient: int = 0
    strict: int = 0
    false_positives: int = 0
    seconds: float = 0.0
    expressions: int = 0
    chars: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        rate = self.expressions / self.seconds if self.seconds else 0.0
        return (
            f"| {name} | {self.lenient / self.items:.3f} | {self.strict / self.items:.3f} | "
            f"{self.false_positives} | {rate:,.0f} | {self.seconds * 1e6 / max(self.chars, 1):.1f} |"
        )


def _d(x: Any) -> date:
    return x if isinstance(x, date) else date.fromisoformat(str(x))


def table_items() -> list[Item]:
    doc = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    items = []
    for case in doc["cases"]:
        text = case["text"]
        expected = []
        cursor = 0
        for row in case["expect"]:
            span = row[0]
            s = text.find(span, cursor)
            assert s >= 0, (case["id"], span)
            cursor = s + len(span)
            expected.append(Expected(s, cursor, _d(row[1]), _d(row[2])))
        items.append(Item(text, _d(case["ref"]), expected))
    return items


def seed_items() -> list[Item]:
    """The seed articles with every expression of seed_cases.yaml (needs ../shared)."""
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    published = {d["doc"]: d["published"] for d in gold["documents"]}
    doc = yaml.safe_load(SEED_TABLE.read_text(encoding="utf-8"))
    items = []
    for entry in doc["documents"]:
        text = (SHARED / "corpus" / "seeds" / entry["doc"]).read_text(encoding="utf-8")
        parts = [int(x) for x in published[entry["doc"]].split("-")] + [1, 1]
        expected = []
        for e in entry["expressions"]:
            starts = [i for i in range(len(text)) if text.startswith(e["expr"], i)]
            for n in e.get("nth") or range(1, len(starts) + 1):
                s = starts[n - 1]
                expected.append(
                    Expected(s, s + len(e["expr"]), _d(e["value"][0]), _d(e["value"][1]))
                )
        items.append(Item(text, date(parts[0], parts[1], parts[2]), expected))
    return items


# -- the two systems -------------------------------------------------------------


def marsad_predict(item: Item) -> list[Predicted]:
    from marsad.time import resolve

    return [Predicted(e.start, e.end, e.date_from, e.date_to) for e in resolve(item.text, item.ref)]


def dateparser_predict(item: Item) -> list[Predicted]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(item.ref.year, item.ref.month, item.ref.day)}
    found = search_dates(item.text, languages=["ar"], settings=settings) or []
    out, cursor = [], 0
    for substring, when in found:
        s = item.text.find(substring, cursor)  # search_dates gives strings, not offsets
        if s < 0:
            s = item.text.find(substring)
        if s < 0:
            continue
        cursor = s + len(substring)
        out.append(Predicted(s, s + len(substring), when.date(), when.date()))
    return out


# -- scoring ----------------------------------------------------------------------


def _overlaps(p: Predicted, e: Expected) -> bool:
    return p.start < e.end and e.start < p.end


def score(items: Iterable[Item], predict: Callable[[Item], list[Predicted]], reps: int) -> Score:
    items = list(items)
    sc = Score()
    for item in items:
        predicted = predict(item)
        used: set[int] = set()
        if not item.expected:
            sc.items += 1
            if not predicted:
                sc.lenient += 1
                sc.strict += 1
            else:
                sc.false_positives += len(predicted)
            continue
        for e in item.expected:
            sc.items += 1
            cands = [i for i, p in enumerate(predicted) if i not in used and _overlaps(p, e)]
            lenient = [
                i
                for i in cands
                if e.date_from <= predicted[i].date_from <= e.date_to
                and (e.date_from != e.date_to or predicted[i].date_to == e.date_to)
            ]
            strict = [
                i
                for i in lenient
                if (predicted[i].date_from, predicted[i].date_to) == (e.date_from, e.date_to)
            ]
            if lenient:
                sc.lenient += 1
                used.add((strict or lenient)[0])
            else:
                sc.misses.append(item.text[e.start : e.end])
            if strict:
                sc.strict += 1
        sc.false_positives += sum(
            1
            for i, p in enumerate(predicted)
            if i not in used and not any(_overlaps(p, e) for e in item.expected)
        )
    sc.expressions = sum(len(i.expected) for i in items)
    sc.chars = sum(len(i.text) for i in items)
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        for item in items:
            predict(item)
        best = min(best, time.perf_counter() - t0)
    sc.seconds = best
    return sc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=20, help="timing runs for marsad (best is kept)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    ap.add_argument("--misses", action="store_true", help="list the expressions each system missed")
    args = ap.parse_args(argv)

    import marsad.time.grammar

    marsad.time.grammar.grammar()  # compile once, outside the timing
    suites = [("table", table_items())]
    if (SHARED / "corpus" / "seeds").is_dir():
        suites.append(("seed articles", seed_items()))
    else:
        print(f"({SHARED} is absent: the seed articles are left out)", file=sys.stderr)
    results: dict[str, dict[str, Any]] = {}
    print(
        "| suite / system | accuracy (lenient) | accuracy (strict) | false positives "
        "| expressions/s | ms per 1,000 chars |"
    )
    print("|---|---|---|---|---|---|")
    for suite, items in suites:
        dateparser_predict(items[0])  # warm-up: dateparser loads its language data
        for name, predict, reps in (
            ("marsad", marsad_predict, args.reps),
            ("dateparser", dateparser_predict, 2),
        ):
            sc = score(items, predict, reps)
            print(sc.row(f"{suite} / {name}"))
            results[f"{suite}/{name}"] = {
                "items": sc.items,
                "lenient": round(sc.lenient / sc.items, 4),
                "strict": round(sc.strict / sc.items, 4),
                "false_positives": sc.false_positives,
                "expressions_per_s": round(sc.expressions / sc.seconds, 1),
                "seconds": round(sc.seconds, 4),
                "chars": sc.chars,
            }
            if args.misses and sc.misses:
                print(f"<!-- {suite} / {name} missed: {sc.misses} -->")
    n_table = len(suites[0][1])
    print(
        f"\n{n_table} table cases ({sum(len(i.expected) for i in suites[0][1])} expressions, "
        f"{sum(1 for i in suites[0][1] if not i.expected)} negatives)."
    )
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score ``marsad tag`` (the actor recognizer as a PER/LOC/ORG tagger) on Arabic NER data.

Issue 4 asks for precision, recall and F1 per type on the Wojood and AQMAR
development sets. The gold tags are mapped onto marsad's three labels the way
``../shared/external/ner/README.md`` says: Wojood keeps its first (outer)
layer, PERS -> PER, GPE and LOC -> LOC, ORG -> ORG, every other type O;
AQMAR keeps PER, LOC and ORG and drops the MIS (miscellaneous) classes.
Entities are scored exactly (same token span and type), micro-averaged
overall, with :func:`marsad.actors.bio.prf`. The time of the tagger alone is
reported as tokens per second.

marsad recognizes *political* actors from a lexicon and rules, not every name:
towns that are not capitals, companies, schools and private people without a
title are expected misses, so recall is low by design. Read the numbers as a
measure of that coverage, not as a general NER score.

The data is read in place from the shared folder and never copied::

    python benchmarks/ner_eval.py                       # Wojood val + AQMAR
    python benchmarks/ner_eval.py PATH --format wojood  # one file
    python benchmarks/ner_eval.py --json                # machine-readable
    python benchmarks/ner_eval.py --errors 30           # show misses and false alarms

Do not tune on the Wojood test split: use ``val`` (the default).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.actors.bio import prf, spans, tag_sentences

REPO = Path(__file__).resolve().parents[1]
NER_DIR = REPO.parent / "shared" / "external" / "ner"
DEFAULTS: list[tuple[Path, str]] = [
    (NER_DIR / "wojood_sample" / "val.txt", "wojood"),
    (NER_DIR / "aqmar" / "AQMAR_Arabic_NER_corpus-1.0.concatenated.txt", "aqmar"),
]
TYPES = ("PER", "LOC", "ORG")

WOJOOD_MAP = {"PERS": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}
AQMAR_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


@dataclass
class Dataset:
    name: str
    tokens: list[list[str]]
    gold: list[list[str]]

    @property
    def n_tokens(self) -> int:
        return sum(len(s) for s in self.tokens)


def map_tag(tag: str, mapping: dict[str, str]) -> str:
    """One gold tag in marsad's labels: ``B-PERS`` -> ``B-PER``, ``B-NORP`` -> ``O``.

    Tolerates the stray spellings found in AQMAR (``I--ORG``, ``OO``).
    """
    prefix, _, kind = tag.partition("-")
    kind = kind.strip("-` ")
    if prefix not in ("B", "I") or kind not in mapping:
        return "O"
    return f"{prefix}-{mapping[kind]}"


def wojood_tag(columns: list[str]) -> str:
    """The outer (first) layer of a nested Wojood line, mapped."""
    return map_tag(columns[0], WOJOOD_MAP) if columns else "O"


def aqmar_tag(columns: list[str]) -> str:
    return map_tag(columns[0], AQMAR_MAP) if columns else "O"


READERS: dict[str, Callable[[list[str]], str]] = {"wojood": wojood_tag, "aqmar": aqmar_tag}


def read_dataset(path: Path, fmt: str) -> Dataset:
    """Sentences of tokens and mapped gold tags from a token-per-line file (blank line between)."""
    pick = READERS[fmt]
    tokens: list[list[str]] = []
    gold: list[list[str]] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            if toks:
                tokens.append(toks)
                gold.append(tags)
                toks, tags = [], []
            continue
        toks.append(cols[0])
        tags.append(pick(cols[1:]))
    if toks:
        tokens.append(toks)
        gold.append(tags)
    label = {"wojood": "Wojood", "aqmar": "AQMAR"}[fmt]
    name = label if path.stem.lower().startswith(fmt) else f"{label} {path.stem}"
    return Dataset(name, tokens, gold)


def guess_format(path: Path) -> str:
    low = str(path).lower()
    for fmt in READERS:
        if fmt in low:
            return fmt
    sys.exit(f"cannot tell the format of {path}: pass --format wojood or --format aqmar")


# A sentence of our own that wakes every lexicon and rule before the clock starts.
WARM_UP_TEXT = "قال الرئيس الروسي فلاديمير بوتين في موسكو إن وزارة الخارجية ستستقبل المبعوث الأممي"


def evaluate(ds: Dataset, published: str | None) -> dict[str, object]:
    """Tag the dataset with marsad and score it; keep the predictions for error listing.

    The lexicon is loaded (by a warm-up sentence) before timing, so tokens per
    second measure tagging alone.
    """
    tag_sentences([WARM_UP_TEXT.split(" ")], published)
    t0 = time.perf_counter()
    pred = tag_sentences(ds.tokens, published)
    seconds = time.perf_counter() - t0
    return {
        "dataset": ds.name,
        "sentences": len(ds.tokens),
        "tokens": ds.n_tokens,
        "seconds": round(seconds, 3),
        "tokens_per_second": round(ds.n_tokens / seconds) if seconds else None,
        "scores": prf(ds.gold, pred),
        "_pred": pred,
    }


def markdown(results: Sequence[dict[str, object]]) -> str:
    lines = [
        "| data set | type | gold | predicted | P | R | F1 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        scores = r["scores"]
        assert isinstance(scores, dict)
        for t in (*TYPES, "overall"):
            s = scores.get(t) or {"tp": 0, "fp": 0, "fn": 0, "precision": 0, "recall": 0, "f1": 0}
            label = "**micro**" if t == "overall" else t
            lines.append(
                f"| {r['dataset']} | {label} | {s['tp'] + s['fn']} | {s['tp'] + s['fp']} "
                f"| {100 * s['precision']:.1f} | {100 * s['recall']:.1f} | {100 * s['f1']:.1f} |"
            )
    lines += [
        "",
        "| data set | sentences | tokens | seconds | tokens/s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['dataset']} | {r['sentences']} | {r['tokens']} | {r['seconds']} "
            f"| {r['tokens_per_second']} |"
        )
    lines.append("")
    lines.append(f"Python {platform.python_version()} on {platform.machine()}, one process.")
    return "\n".join(lines)


def errors(ds: Dataset, pred: list[list[str]], limit: int) -> str:
    """Misses and false alarms with a few words of context, for looking at, not for saving."""
    out: list[str] = []
    for toks, g, p in zip(ds.tokens, ds.gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for label, group in (("miss", gs - ps), ("false", ps - gs)):
            for s, e, t in sorted(group):
                ctx = " ".join(toks[max(0, s - 3) : s]) + " [" + " ".join(toks[s:e]) + "] "
                out.append(f"{label:5} {t:3} {ctx}{' '.join(toks[e : e + 3])}")
    return "\n".join(out[:limit])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("paths", nargs="*", type=Path, help="data files (default: Wojood val, AQMAR)")
    ap.add_argument("--format", choices=sorted(READERS), help="format of the files given")
    ap.add_argument("--published", help="publication date for resolving titles (YYYY-MM-DD)")
    ap.add_argument("--limit", type=int, help="score only the first N sentences of each file")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors to stderr")
    args = ap.parse_args(argv)

    todo = [(p, args.format or guess_format(p)) for p in args.paths] if args.paths else DEFAULTS
    missing = [str(p) for p, _ in todo if not p.is_file()]
    if missing:
        sys.exit(
            "data not found: "
            + ", ".join(missing)
            + "\n(the NER development data lives in ../shared/external/ner next to the repository)"
        )
    results = []
    for path, fmt in todo:
        ds = read_dataset(path, fmt)
        if args.limit:
            ds = Dataset(ds.name, ds.tokens[: args.limit], ds.gold[: args.limit])
        r = evaluate(ds, args.published)
        pred = r.pop("_pred")
        assert isinstance(pred, list)
        if args.errors:
            print(f"## {ds.name}\n{errors(ds, pred, args.errors)}", file=sys.stderr)
        results.append(r)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

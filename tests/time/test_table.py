"""The golden tables of the time layer.

``cases.yaml``: sentences written for the table in many outlets' styles, each
with every expression it holds (negatives hold none); the resolver must find
exactly those, with their spans and values.

``seed_cases.yaml``: every temporal expression of the five seed articles in
``../shared``, stored as a locator (the expression string) and the value it
must resolve to against the article's gold publication date; the articles
themselves are read at run time.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.time import infer_publication, resolve
from tests.conftest import SHARED, shared_path

HERE = Path(__file__).parent

Row = tuple[str, str, str, str, str | None]


@cache
def _cases() -> list[dict[str, Any]]:
    doc = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
    assert doc["schema"] == "marsad/tests/time-cases"
    cases: list[dict[str, Any]] = doc["cases"]
    return cases


@cache
def _seeds() -> list[dict[str, Any]]:
    doc = yaml.safe_load((HERE / "seed_cases.yaml").read_text(encoding="utf-8"))
    assert doc["schema"] == "marsad/tests/time-seeds"
    docs: list[dict[str, Any]] = doc["documents"]
    return docs


def _row(values: list[Any], span: str) -> Row:
    time = str(values[3]) if len(values) > 3 else None
    return (span, str(values[0]), str(values[1]), str(values[2]), time)


def _params() -> list[Any]:
    out = []
    for case in _cases():
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    got = [
        (text[e.start : e.end], str(e.date_from), str(e.date_to), e.granularity, e.time_of_day)
        for e in resolve(text, case["ref"])
    ]
    expected = [_row(list(row[1:]), row[0]) for row in case["expect"]]
    assert got == expected


def test_table_is_big_and_varied() -> None:
    cases = _cases()
    expressions = sum(len(c["expect"]) for c in cases)
    negatives = sum(1 for c in cases if not c["expect"])
    assert expressions + negatives >= 300
    assert negatives >= 30
    assert len({c["style"] for c in cases}) >= 8
    assert len({c["id"] for c in cases}) == len(cases), "case ids must be unique"


def test_cases_are_not_seed_sentences() -> None:
    """No case sentence may be copied from the seed articles (the table holds our own text)."""
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is not available")
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt"))
    for case in _cases():
        words = case["text"].split()
        for i in range(max(1, len(words) - 7)):
            window = " ".join(words[i : i + 8])
            assert window not in corpus, f"{case['id']} repeats a seed passage: {window}"


# -- the seed articles ---------------------------------------------------------------


def _gold_published() -> dict[str, str]:
    gold = json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))
    return {d["doc"]: d["published"] for d in gold["documents"]}


def _as_date(iso: str) -> date:
    parts = [int(x) for x in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _occurrences(text: str, expr: str) -> list[int]:
    out, i = [], text.find(expr)
    while i >= 0:
        out.append(i)
        i = text.find(expr, i + 1)
    return out


def _seed_params() -> list[Any]:
    return [
        pytest.param(
            doc["doc"], item, id=f"{doc['doc'][:3]}:{item['expr']}:{item.get('nth', 'all')}"
        )
        for doc in _seeds()
        for item in doc["expressions"]
    ]


@cache
def _seed_resolved(name: str) -> tuple[str, dict[tuple[int, int], Row]]:
    text = shared_path("corpus", "seeds", name).read_text(encoding="utf-8")
    ref = _as_date(_gold_published()[name])
    found = {
        (e.start, e.end): (
            text[e.start : e.end],
            str(e.date_from),
            str(e.date_to),
            e.granularity,
            e.time_of_day,
        )
        for e in resolve(text, ref)
    }
    return text, found


@pytest.mark.shared
@pytest.mark.parametrize(("name", "item"), _seed_params())
def test_seed_expression(name: str, item: dict[str, Any]) -> None:
    text, found = _seed_resolved(name)
    expr = item["expr"]
    starts = _occurrences(text, expr)
    assert starts, f"{expr!r} does not occur in {name}"
    wanted = item.get("nth") or list(range(1, len(starts) + 1))
    for n in wanted:
        s = starts[n - 1]
        key = (s, s + len(expr))
        assert key in found, (
            f"occurrence {n} of {expr!r} not found; found here: {[v for k, v in found.items() if k[0] < key[1] and key[0] < k[1]]}"
        )
        assert found[key] == _row(item["value"], expr)


@pytest.mark.shared
@pytest.mark.parametrize("doc", _seeds(), ids=lambda d: d["doc"][:3])
def test_seed_not_dates(doc: dict[str, Any]) -> None:
    text, found = _seed_resolved(doc["doc"])
    for phrase in doc.get("not_dates", []):
        starts = _occurrences(text, phrase)
        assert starts, f"{phrase!r} does not occur in {doc['doc']}"
        for s in starts:
            e = s + len(phrase)
            overlapping = [v for (a, b), v in found.items() if a < e and s < b]
            assert not overlapping, f"{phrase!r} was read as a date: {overlapping}"


@pytest.mark.shared
@pytest.mark.parametrize("doc", _seeds(), ids=lambda d: d["doc"][:3])
def test_seed_table_is_complete(doc: dict[str, Any]) -> None:
    """Every expression the resolver finds in a seed article is one the table lists."""
    text, found = _seed_resolved(doc["doc"])
    listed = set()
    for item in doc["expressions"]:
        starts = _occurrences(text, item["expr"])
        for n in item.get("nth") or range(1, len(starts) + 1):
            s = starts[n - 1]
            listed.add((s, s + len(item["expr"])))
    extra = [v for k, v in found.items() if k not in listed]
    assert not extra, f"found but not in the table: {extra}"


@pytest.mark.shared
@pytest.mark.parametrize("doc", _seeds(), ids=lambda d: d["doc"][:3])
def test_seed_publication_date_is_inferred(doc: dict[str, Any]) -> None:
    """Without its dateline metadata, each article's publication date is inferred from its text."""
    gold = _gold_published()[doc["doc"]]
    text = shared_path("corpus", "seeds", doc["doc"]).read_text(encoding="utf-8")
    got = infer_publication(text)
    assert got is not None
    iso, precision = got
    assert iso[: len(gold)] == gold
    assert precision == ("day" if len(gold) == 10 else "month")

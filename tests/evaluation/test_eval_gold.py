"""Gold and predictions files are validated field by field; the first problem is named by its path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import GoldFormatError, InputError
from marsad.evaluation import load_gold, parse_gold
from tests.evaluation.conftest import doc_a, tiny, write_json

Mutation = Callable[[dict[str, Any]], Any]


def _event(data: dict[str, Any], i: int = 2) -> dict[str, Any]:
    event: dict[str, Any] = doc_a(data)["events"][i]
    return event


CASES: list[tuple[str, Mutation, str]] = [
    ("no corpus", lambda d: d.pop("corpus"), "top level: missing field 'corpus'"),
    (
        "documents not a list",
        lambda d: d.update(documents={}),
        "documents: expected a list, got dict",
    ),
    (
        "document not an object",
        lambda d: d["documents"].append("c.txt"),
        "documents[2]: expected an object, got str",
    ),
    ("missing events", lambda d: doc_a(d).pop("events"), "documents[0]: missing field 'events'"),
    (
        "two-digit cameo",
        lambda d: _event(d).update(cameo="17"),
        "documents[0].events[2].cameo: '17' is not a 3- or 4-digit CAMEO code",
    ),
    (
        "numeric cameo",
        lambda d: _event(d).update(cameo=42),
        "documents[0].events[2].cameo: 42 is not a 3- or 4-digit CAMEO code",
    ),
    (
        "bad status",
        lambda d: _event(d).update(status="likely"),
        "documents[0].events[2].status: 'likely' is not one of asserted, planned, hypothetical, negated",
    ),
    (
        "bad date",
        lambda d: _event(d).update(date="2024-13"),
        "documents[0].events[2].date: '2024-13' is not a date",
    ),
    (
        "impossible day",
        lambda d: _event(d).update(date="2024-02-30"),
        "documents[0].events[2].date: '2024-02-30' is not a date",
    ),
    (
        "unknown source",
        lambda d: _event(d).update(source=["EGY", "qatar"]),
        "documents[0].events[2].source[1]: 'qatar' is not the id of an actor of this document",
    ),
    (
        "target not a list",
        lambda d: _event(d).update(target="ISR"),
        "documents[0].events[2].target: expected a list, got str",
    ),
    (
        "blank trigger",
        lambda d: _event(d).update(trigger="  "),
        "documents[0].events[2].trigger: is blank",
    ),
    (
        "lower-case plover",
        lambda d: _event(d).update(plover="accuse"),
        "documents[0].events[2].plover: 'accuse' is not a PLOVER category",
    ),
    (
        "bad kind",
        lambda d: doc_a(d)["actors"][1].update(kind="nation"),
        "documents[0].actors[1].kind: 'nation' is not one of person, country, organization, igo, group",
    ),
    (
        "bad code",
        lambda d: doc_a(d)["actors"][1].update(code="jor"),
        "documents[0].actors[1].code: 'jor' is not a CAMEO actor code",
    ),
    (
        "mentions not strings",
        lambda d: doc_a(d)["actors"][1].update(mentions=["الأردن", 7]),
        "documents[0].actors[1].mentions[1]: expected a non-blank string, got 7",
    ),
    (
        "duplicate actor id",
        lambda d: doc_a(d)["actors"].append(dict(doc_a(d)["actors"][0])),
        "documents[0].actors[7].id: 'EGY' is used by an earlier actor",
    ),
    (
        "duplicate document",
        lambda d: d["documents"].append(dict(d["documents"][1])),
        "documents[2].doc: 'b.txt' is listed twice",
    ),
    (
        "unknown speaker",
        lambda d: doc_a(d)["quotes"][1].update(speaker="nobody"),
        "documents[0].quotes[1].speaker: 'nobody' is not the id of an actor of this document",
    ),
    (
        "direct not a boolean",
        lambda d: doc_a(d)["quotes"][1].update(direct="yes"),
        "documents[0].quotes[1].direct: expected true or false, got 'yes'",
    ),
    (
        "bad basis",
        lambda d: doc_a(d).update(published_basis="guessed"),
        "documents[0].published_basis: 'guessed' is not one of stated, inferred or null",
    ),
    (
        "bad published",
        lambda d: doc_a(d).update(published="August 2024"),
        "documents[0].published: 'August 2024' is not a date",
    ),
    (
        "title not a string",
        lambda d: doc_a(d).update(title=["x"]),
        'documents[0].title: expected a string, got ["x"]',
    ),
]


@pytest.mark.parametrize(("mutate", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_gold_names_the_problem(mutate: Mutation, message: str) -> None:
    data = tiny()
    mutate(data)
    with pytest.raises(GoldFormatError) as info:
        parse_gold(data, source="gold.json")
    assert str(info.value).startswith("gold.json: " + message)


def test_the_first_problem_is_named() -> None:
    data = tiny()
    _event(data, 1).update(cameo="4")
    _event(data, 3).update(status="maybe")
    doc_a(data)["quotes"][0].update(direct=None)
    with pytest.raises(GoldFormatError, match=r"events\[1\]\.cameo"):
        parse_gold(data)


def test_top_level_must_be_an_object() -> None:
    with pytest.raises(GoldFormatError, match="top level: expected an object, got list"):
        parse_gold([])


def test_valid_gold_loads(tmp_path: Path) -> None:
    gold = load_gold(write_json(tmp_path / "gold.json", tiny()))
    assert gold.corpus == "tiny"
    assert [d.doc for d in gold.documents] == ["a.txt", "b.txt"]
    assert gold.documents[0].events[0].source == ("egy_fm",)
    assert gold.documents[0].codes()["jor_police"] == "JORCOP"


def test_nulls_allowed_where_a_reader_may_not_know() -> None:
    data = tiny()
    doc_a(data).update(title=None, published=None, published_basis=None, outlet=None)
    doc_a(data)["quotes"][0]["speaker"] = None
    _event(data).update(plover=None, location=None, date=None, target=[])
    parse_gold(data)


def test_extra_fields_are_ignored() -> None:
    data = tiny()
    _event(data)["rule"] = "trigger:اتهم"
    parse_gold(data)


def test_invalid_json_is_a_gold_format_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"corpus": "x", "documents": [', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        load_gold(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_gold(tmp_path / "absent.json")


def test_seeds_gold_is_valid(seeds_gold: Path) -> None:
    gold = load_gold(seeds_gold)
    assert len(gold.documents) == 5

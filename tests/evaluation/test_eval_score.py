"""Scoring follows spec/gold-format.md: gold against itself is perfect, and each perturbation moves
exactly the figures the spec says it moves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from marsad.evaluation import load_gold, score
from marsad.evaluation.score import coverage, max_matching
from tests.evaluation.conftest import doc_a, score_dicts, tiny

LEVELS = ("actors", "events.root", "events.dated", "events.code", "quotes")


def figures(report: dict[str, Any], level: str) -> dict[str, Any]:
    head, _, tail = level.partition(".")
    found: dict[str, Any] = report[head][tail] if tail else report[head]
    return found


def flat(report: dict[str, Any]) -> dict[str, float]:
    """Every headline figure of a report, keyed by its path (``events.root.p``, ``status.n`` ...)."""
    out = {f"{level}.{k}": float(v) for level in LEVELS for k, v in figures(report, level).items()}
    out.update({f"status.{k}": float(v) for k, v in report["status"].items()})
    out.update({f"metadata.{k}": float(v) for k, v in report["metadata"].items()})
    return out


def changed(perturb: Callable[[dict[str, Any]], None]) -> dict[str, tuple[float, float]]:
    """Score a perturbed copy of the tiny gold against the gold; the figures that moved."""
    predicted = tiny()
    perturb(predicted)
    before = flat(score_dicts(tiny(), tiny()))
    after = flat(score_dicts(tiny(), predicted))
    return {k: (before[k], after[k]) for k in before if before[k] != after[k]}


def perfect(report: dict[str, Any]) -> None:
    for level in LEVELS:
        f = figures(report, level)
        assert (f["p"], f["r"], f["f1"]) == (1.0, 1.0, 1.0), level
    assert report["status"]["accuracy"] == 1.0
    assert report["metadata"] == {"published": 1.0, "title": 1.0}


def test_tiny_gold_against_itself_is_perfect() -> None:
    report = score_dicts(tiny(), tiny())
    perfect(report)
    assert report["documents"] == 2
    assert figures(report, "events.root")["gold"] == 4  # 3 keys in a.txt + 1 in b.txt
    assert figures(report, "events.code")["gold"] == 5
    assert figures(report, "events.dated")["gold"] == 4
    assert report["status"]["n"] == 7
    for doc in report["per_document"]:
        assert doc["actors"]["f1"] == doc["quotes"]["f1"] == doc["events"]["root"]["f1"] == 1.0


def test_seeds_gold_against_itself_is_perfect(seeds_gold: Path) -> None:
    gold = load_gold(seeds_gold)
    report = score(gold, gold)
    perfect(report)
    assert report["documents"] == len(gold.documents)


def test_report_has_the_keys_of_the_spec() -> None:
    report = score_dicts(tiny(), tiny())
    assert set(report) == {
        "corpus",
        "documents",
        "actors",
        "events",
        "quotes",
        "status",
        "metadata",
        "per_document",
    }
    assert set(report["events"]) == {"root", "dated", "code"}
    assert {"p", "r", "f1"} <= set(report["actors"])
    assert {"doc", "actors", "events", "quotes"} <= set(report["per_document"][0])


def _drop(i: int) -> Callable[[dict[str, Any]], None]:
    def perturb(data: dict[str, Any]) -> None:
        del doc_a(data)["events"][i]

    return perturb


def _set(i: int, **fields: Any) -> Callable[[dict[str, Any]], None]:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["events"][i].update(fields)

    return perturb


def _swap(i: int) -> Callable[[dict[str, Any]], None]:
    def perturb(data: dict[str, Any]) -> None:
        event = doc_a(data)["events"][i]
        event["source"], event["target"] = event["target"], event["source"]

    return perturb


def test_dropped_event_lowers_event_recall_only() -> None:
    moved = changed(_drop(2))  # 112 EGY->ISR, dated, with a key of its own
    assert moved == {
        "events.root.r": (1.0, 0.75),
        "events.root.f1": (1.0, 0.8571),
        "events.root.tp": (4, 3),
        "events.root.predicted": (4, 3),
        "events.dated.r": (1.0, 0.75),
        "events.dated.f1": (1.0, 0.8571),
        "events.dated.tp": (4, 3),
        "events.dated.predicted": (4, 3),
        "events.code.r": (1.0, 0.8),
        "events.code.f1": (1.0, 0.8889),
        "events.code.tp": (5, 4),
        "events.code.predicted": (5, 4),
        "status.n": (7, 6),  # one event fewer to judge; accuracy unchanged
    }


def test_wrong_root_lowers_root_dated_and_code_precision_and_recall() -> None:
    moved = changed(_set(2, cameo="042", plover="CONSULT"))  # an accusation coded as a visit
    for level in ("events.root", "events.dated", "events.code"):
        assert moved[f"{level}.p"][1] < 1.0 and moved[f"{level}.r"][1] < 1.0, level
    assert {k.rsplit(".", 1)[0] for k in moved} == {
        "events.root",
        "events.dated",
        "events.code",
        "status",
    }
    assert "status.accuracy" not in moved  # the miscoded event matches no gold event at root level


def test_wrong_code_within_the_root_lowers_only_the_code_level() -> None:
    moved = changed(_set(2, cameo="111"))
    assert {k.rsplit(".", 1)[0] for k in moved} == {"events.code"}


@pytest.mark.parametrize("i", [1, 4])  # 040 between the ministers (asserted), 057 (negated)
def test_reversed_symmetric_pair_changes_nothing(i: int) -> None:
    assert changed(_swap(i)) == {}


def test_reversed_asymmetric_pair_changes_the_event_levels() -> None:
    moved = changed(_swap(0))  # 042 EGY->JOR told as JOR->EGY
    assert moved["events.root.p"][1] < 1.0
    assert moved["events.code.r"][1] < 1.0
    assert moved["events.dated.r"][1] < 1.0
    assert not any(k.startswith(("actors", "quotes", "metadata")) for k in moved)


def test_wrong_date_precision_changes_only_dated() -> None:
    moved = changed(_set(0, date="2024-08"))  # gold says 2024-08-18
    assert {k.rsplit(".", 1)[0] for k in moved} == {"events.dated"}
    assert moved["events.dated.r"][1] < 1.0


def test_more_precise_date_than_gold_still_matches() -> None:
    assert changed(_set(1, date="2024-08-19")) == {}  # gold says 2024-08


def test_undated_prediction_is_left_out_of_dated() -> None:
    moved = changed(_set(2, date=None))
    assert moved == {
        "events.dated.r": (1.0, 0.75),
        "events.dated.f1": (1.0, 0.8571),
        "events.dated.tp": (4, 3),
        "events.dated.predicted": (4, 3),
    }


def test_prediction_matching_only_undated_gold_is_left_out_of_dated() -> None:
    assert changed(_set(5, date="2024-08-18")) == {}  # gold e5 has no date


def test_sector_does_not_matter_in_event_keys() -> None:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["actors"][0]["code"] = "EGYGOV"  # actor level changes; event keys do not

    moved = changed(perturb)
    assert {k.rsplit(".", 1)[0] for k in moved} == {"actors"}


def test_several_sources_give_one_key_per_pair() -> None:
    gold = tiny()
    doc_a(gold)["events"][2]["source"] = ["EGY", "JOR"]
    report = score_dicts(gold, tiny())
    assert figures(report, "events.root")["gold"] == 5  # (JOR,ISR,11) added
    assert figures(report, "events.root")["r"] == 0.8


def test_event_told_twice_counts_once() -> None:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["events"].append(dict(doc_a(data)["events"][2]))

    assert changed(perturb) == {"status.n": (7, 8)}


def test_changed_non_asserted_status_changes_only_status_accuracy() -> None:
    moved = changed(_set(3, status="hypothetical"))  # planned -> hypothetical
    assert moved == {"status.accuracy": (1.0, 0.8571)}


def test_asserting_a_negated_event_is_a_status_error() -> None:
    moved = changed(_set(4, status="asserted"))
    assert moved["status.accuracy"] == (1.0, 0.8571)
    assert moved["events.root.p"][1] < 1.0  # and it now makes an asserted key the gold lacks


def test_non_asserted_gold_events_make_no_event_keys() -> None:
    gold = tiny()
    predicted = tiny()
    doc_a(predicted)["events"] = [
        e for e in doc_a(predicted)["events"] if e["status"] == "asserted"
    ]
    report = score_dicts(gold, predicted)
    for level in ("events.root", "events.dated", "events.code"):
        assert figures(report, level)["f1"] == 1.0


def _quote_text(text: str) -> Callable[[dict[str, Any]], None]:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["quotes"][0]["text"] = text

    return perturb


def test_quote_with_half_the_words_matches() -> None:
    # the gold text has 8 words; these are 4 of them (one written with a shadda)
    assert changed(_quote_text("العلاقات بين البلدين تمرّ")) == {}


def test_quote_with_fewer_than_half_the_words_does_not_match() -> None:
    moved = changed(_quote_text("العلاقات بين البلدين"))
    assert moved["quotes.p"] == (1.0, 0.6667)
    assert moved["quotes.r"] == (1.0, 0.6667)
    assert {k.rsplit(".", 1)[0] for k in moved} == {"quotes"}


def test_quote_needs_the_speaker_code() -> None:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["quotes"][0]["speaker"] = "jor_fm"

    assert changed(perturb)["quotes.tp"] == (3, 2)


def test_quote_speaker_is_compared_by_code() -> None:
    def perturb(data: dict[str, Any]) -> None:  # another actor with the same code speaks
        doc_a(data)["quotes"][1]["speaker"] = "jor_king"

    assert changed(perturb) == {}


def test_quotes_match_one_to_one() -> None:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["quotes"].append(dict(doc_a(data)["quotes"][0]))

    moved = changed(perturb)
    assert moved["quotes.predicted"] == (3, 4)
    assert "quotes.tp" not in moved  # the copy matches nothing more


def test_actor_needs_a_gold_surface_form_and_the_code() -> None:
    def other_form(data: dict[str, Any]) -> None:
        doc_a(data)["actors"][2]["mentions"] = ["الدولة العبرية"]

    def other_code(data: dict[str, Any]) -> None:
        doc_a(data)["actors"][2]["code"] = "ISRGOV"

    for perturb in (other_form, other_code):
        moved = changed(perturb)
        assert moved["actors.tp"] == (9, 8)
        assert {k.rsplit(".", 1)[0] for k in moved} == {"actors"}


def test_one_shared_surface_form_is_enough_for_an_actor() -> None:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["actors"][0]["mentions"] = ["القاهرة", "أرض الكنانة"]

    assert changed(perturb) == {}


def test_actors_match_one_to_one() -> None:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)["actors"].append({**doc_a(data)["actors"][0], "id": "EGY2"})

    assert changed(perturb) == {
        "actors.p": (1.0, 0.9),
        "actors.f1": (1.0, 0.9474),
        "actors.predicted": (9, 10),
    }


@pytest.mark.parametrize(
    ("field", "value", "right"),
    [
        ("published", "2024-08-18", True),  # gold 2024-08: cut to the gold's precision
        ("published", "2024", False),
        ("published", "2024-07-31", False),
        ("published", None, False),
        ("title", "  القاهرة وعمّان تبحثان ملفات المنطقة \n", True),
        ("title", "القاهرة وعمان تبحثان ملفات المنطقة", False),
        ("title", None, False),
    ],
)
def test_metadata(field: str, value: str | None, right: bool) -> None:
    def perturb(data: dict[str, Any]) -> None:
        doc_a(data)[field] = value

    moved = changed(perturb)
    assert moved == ({} if right else {f"metadata.{field}": (1.0, 0.5)})


def test_empty_predictions_score_zero() -> None:
    predicted = tiny()
    for doc in predicted["documents"]:
        doc.update(actors=[], events=[], quotes=[], title=None, published=None)
    report = score_dicts(tiny(), predicted)
    for level in LEVELS:
        assert figures(report, level)["f1"] == 0.0
    assert report["status"] == {"accuracy": 0.0, "n": 0}
    assert report["metadata"] == {"published": 0.0, "title": 0.0}


def test_figures_are_micro_averaged() -> None:
    predicted = tiny()
    predicted["documents"][1]["events"] = []  # b.txt loses its only event: 1 of 4 root keys
    report = score_dicts(tiny(), predicted)
    assert figures(report, "events.root")["r"] == 0.75  # macro would say (1.0 + 0.0) / 2
    assert report["per_document"][1]["events"]["root"]["r"] == 0.0


def test_predictions_must_cover_every_gold_document() -> None:
    from marsad.errors import GoldFormatError

    predicted = tiny()
    del predicted["documents"][1]
    with pytest.raises(GoldFormatError, match=r"no document 'b\.txt'"):
        score_dicts(tiny(), predicted)


def test_coverage_counts_repeated_words_once_each() -> None:
    assert coverage("نعم", "نعم نعم لا لا") == 0.25
    assert coverage("", "") == 0.0


def test_max_matching_is_maximal_whatever_the_order() -> None:
    # greedy would give left 0 the right item 0 and leave left 1 without a match
    assert max_matching([[0, 1], [0]]) == 2
    assert max_matching([[0], [0]]) == 1

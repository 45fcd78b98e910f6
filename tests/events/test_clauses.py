"""The agent of a governed verbal noun is never an actor inside a prepositional phrase, and a
list joined by "ومعها" is one coordinated list of targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.actors import load_lexicon, recognize
from marsad.events import extract, load_event_lexicon
from marsad.events.clauses import in_prepositional_phrase, unaffiliated_source
from marsad.model import Analysis, Document, DocumentMeta
from marsad.text.segment import segment

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def lexicons():  # type: ignore[no-untyped-def]
    actors = load_lexicon([HERE.parent / "actors" / "lexicon"], include_package=False)
    events = load_event_lexicon(HERE / "data" / "cameo.tsv", HERE / "data" / "triggers.yaml")
    return actors, events


def _events(lexicons, text: str):  # type: ignore[no-untyped-def]
    actors, events = lexicons
    doc = Document(text, text, DocumentMeta(published="2024-08-19", published_precision="day"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, actors)
    extract(a, events)
    return [(a.text[e.trigger[0] : e.trigger[1]], e.source, e.target, e.rule) for e in a.events]


def _at(text: str, word: str) -> bool:
    return in_prepositional_phrase(text, text.index(word))


def test_prepositional_phrase_reaches_over_head_noun_and_adjective() -> None:
    text = 'سافر الوزير إلى العاصمة الأذربيجانية "باكو" أمس'
    assert _at(text, "الأذربيجانية")
    assert _at(text, "باكو")
    assert not _at(text, "الوزير")


def test_prepositional_phrase_stops_at_clause_openers_and_punctuation() -> None:
    assert not _at("وقال في بيان إن موسكو ترفض ذلك", "موسكو")
    assert not _at("جاء ذلك في الصباح، وموسكو ترفض", "وموسكو")


def test_governed_noun_skips_the_actor_inside_a_prepositional_phrase(lexicons) -> None:  # type: ignore[no-untyped-def]
    got = _events(lexicons, "وسافر بوتين إلى العاصمة الأذربيجانية باكو للقاء دونالد ترامب هناك.")
    lq = [g for g in got if g[0] == "للقاء"]
    assert lq and lq[0][1] == ["putin_vladimir"]
    assert lq[0][3].endswith(":governed")


def test_with_them_joins_a_list_of_targets(lexicons) -> None:  # type: ignore[no-untyped-def]
    got = _events(lexicons, "التقى بوتين إلهام علييف ومعه دونالد ترامب في موسكو.")
    assert got and got[0][1] == ["putin_vladimir"]
    assert got[0][2] == ["aliyev_ilham", "trump_donald"]


def test_a_source_of_no_known_state_is_unaffiliated() -> None:
    assert unaffiliated_source(["---"])
    assert unaffiliated_source(["---", "---"])
    assert not unaffiliated_source(["---", "RUS"])
    assert not unaffiliated_source([])


def test_verbal_noun_does_not_take_its_agent_from_the_sentence_before(lexicons) -> None:  # type: ignore[no-untyped-def]
    got = _events(lexicons, "تحدث بوتين عن علاقات بلاده مع أذربيجان.\nوما زال الاعتذار موضع جدل.")
    assert not [g for g in got if g[0] == "الاعتذار"]


def test_control_verb_before_a_one_word_subject_governs_the_noun(lexicons) -> None:  # type: ignore[no-untyped-def]
    got = _events(lexicons, "وحاولت موسكو اعتقال علييف خلال زيارته.")
    arrest = [g for g in got if g[0] == "اعتقال"]
    assert arrest and arrest[0][1:3] == (["RUS"], ["aliyev_ilham"])
    assert ":governed" in arrest[0][3]


def test_verbal_noun_called_possible_is_hypothetical(lexicons) -> None:  # type: ignore[no-untyped-def]
    actors, events = lexicons
    text = "وتحدثت الصحف عن زيارة بوتين المحتملة إلى أذربيجان."
    doc = Document(text, text, DocumentMeta(published="2024-08-19", published_precision="day"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, actors)
    extract(a, events)
    visits = [e for e in a.events if e.cameo == "042"]
    assert visits and visits[0].status == "hypothetical"


def test_refinement_reaches_past_a_titled_subject_and_object(lexicons) -> None:  # type: ignore[no-untyped-def]
    from marsad.events.lexicon import get_event_lexicon

    actors, _ = lexicons
    text = "ودعا علييف نظيره الروسي فلاديمير بوتين لزيارة باكو."
    doc = Document(text, text, DocumentMeta(published="2024-08-19", published_precision="day"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, actors)
    extract(a, get_event_lexicon())
    calls = [e for e in a.events if a.text[e.trigger[0] : e.trigger[1]] == "ودعا"]
    assert calls and calls[0].cameo == "036"  # an invitation to visit, not a demand

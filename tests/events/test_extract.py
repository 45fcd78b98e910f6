from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.actors import load_lexicon, recognize
from marsad.events import extract, load_event_lexicon
from marsad.model import Analysis, Document, DocumentMeta, TimeExpression
from marsad.text.segment import segment

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def lexicons():  # type: ignore[no-untyped-def]
    actors = load_lexicon([HERE.parent / "actors" / "lexicon"], include_package=False)
    events = load_event_lexicon(HERE / "data" / "cameo.tsv", HERE / "data" / "triggers.yaml")
    return actors, events


def _events(lexicons, text: str, timexes: list[TimeExpression] | None = None):  # type: ignore[no-untyped-def]
    actors, events = lexicons
    doc = Document(text, text, DocumentMeta(published="2024-08-19", published_precision="day"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    a.timexes = timexes or []
    recognize(a, actors)
    extract(a, events)
    for e in a.events:
        assert a.text[e.trigger[0] : e.trigger[1]].strip()
        assert e.sentence[0] <= e.trigger[0] < e.trigger[1] <= e.sentence[1]
    return a, [
        (a.text[e.trigger[0] : e.trigger[1]], e.source, e.target, e.cameo, e.status)
        for e in a.events
    ]


def test_vso_visit(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "زار الرئيس فلاديمير بوتين أذربيجان أمس.")
    assert got == [("زار", ["putin_vladimir"], ["AZE"], "042", "asserted")]


def test_verbal_noun_with_genitive_agent_and_destination(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "بدأت زيارة بوتين إلى باكو.")
    assert got == [("زيارة", ["putin_vladimir"], ["AZE"], "042", "asserted")]


def test_svo_after_anna(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "وقالت الصحيفة إن موسكو استدعت ممثل أذربيجان.")
    assert got[0][:3] == ("استدعت", ["RUS"], ["AZE"])


def test_target_from_context_and_none_without_one(lexicons) -> None:  # type: ignore[no-untyped-def]
    a, got = _events(lexicons, "تصاعد التوتر مع أذربيجان.\nواستدعت موسكو السفير.")
    assert got == [("واستدعت", ["RUS"], ["AZE"], "114", "asserted")]
    assert a.events[0].rule.endswith(":context-target")
    _, got = _events(lexicons, "واستدعت موسكو السفير.")
    assert got == []  # a summons with no one summoned is not coded


def test_taa_marbuta_is_not_a_pronoun_on_a_verb(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "أصدرت وزارة روسيا بيانا عن أذربيجان.")
    assert got == []


def test_future_prefix_is_planned(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "وسيلتقي بوتين مع علييف في جنيف.")
    assert got == [("وسيلتقي", ["putin_vladimir"], ["aliyev_ilham"], "040", "planned")]


def test_meeting_in_one_sides_country_is_hosted_by_it(lexicons) -> None:  # type: ignore[no-untyped-def]
    # The venue (Baku) is Azerbaijan's: Aliyev receives Putin (043), whatever the word order.
    _, got = _events(lexicons, "وسيلتقي بوتين مع علييف في باكو.")
    assert got == [("وسيلتقي", ["aliyev_ilham"], ["putin_vladimir"], "043", "planned")]
    a, _ = _events(lexicons, "التقى علييف في باكو مع بوتين.")
    assert [(e.source, e.target, e.cameo) for e in a.events] == [
        (["aliyev_ilham"], ["putin_vladimir"], "043")
    ]
    assert a.events[0].rule.endswith(":hosted")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("لم يزر بوتين باكو ولن يزور بوتين باكو.", "negated"),
        ("وإذا زار بوتين باكو فسيكون ذلك مهما.", "hypothetical"),
        ("من المقرر أن يزور بوتين باكو.", "planned"),
    ],
)
def test_status(lexicons, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, text)
    assert got and got[0][4] == status


def test_between_x_and_y(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "جرت محادثات بين بوتين وعلييف.")
    assert got == [("محادثات", ["putin_vladimir"], ["aliyev_ilham"], "040", "asserted")]


def test_pronoun_on_noun_points_back(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "وصل بوتين، وكان في استقباله إلهام علييف.")
    assert ("استقباله", ["aliyev_ilham"], ["putin_vladimir"], "043", "asserted") in got or (
        "استقباله",
        ["putin_vladimir"],
        ["aliyev_ilham"],
        "043",
        "asserted",
    ) in got


def test_one_event_per_act(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "زار بوتين أذربيجان.\nوفي التفاصيل، زار بوتين أذربيجان.")
    assert len(got) == 1


def test_date_from_expression_else_publication(lexicons) -> None:  # type: ignore[no-untyped-def]
    text = "زار بوتين أذربيجان يوم الأحد. واعتقلت السلطات الروسية علييف.\n\nتمهيد.\n\nواعتذر بوتين لأذربيجان."
    tx = TimeExpression(
        text.index("الأحد"),
        text.index("الأحد") + 5,
        date(2024, 8, 18),
        date(2024, 8, 18),
        "day",
        date(2024, 8, 19),
        "test",
    )
    a, _ = _events(lexicons, text, [tx])
    assert [(e.date, e.date_basis) for e in a.events] == [
        ("2024-08-18", "expression"),
        ("2024-08-18", "narrative"),  # the day the passage has set carries over
        ("2024-08-19", "publication"),  # two paragraphs on, the article's date
    ]


def test_bad_trigger_file_names_the_problem(tmp_path: Path) -> None:
    from marsad.errors import DataFileError

    bad = tmp_path / "t.yaml"
    bad.write_text(
        "schema: marsad/events/triggers\nversion: 1\nentries:\n  - {id: x, cameo: '999', gloss_en: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="999"):
        load_event_lexicon(HERE / "data" / "cameo.tsv", bad)


def test_first_person_verb_in_a_quote_is_the_speakers_act(lexicons) -> None:  # type: ignore[no-untyped-def]
    from marsad.quotes import extract as extract_quotes
    from marsad.quotes import get_quote_lexicon

    actors, events = lexicons
    text = "وقال بوتين مخاطبا علييف: «نحن نلتقي اليوم مع أذربيجان لنطوي الخلاف»."
    doc = Document(text, text, DocumentMeta(published="2024-08-19", published_precision="day"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, actors)
    extract_quotes(a, get_quote_lexicon())
    extract(a, events)
    got = [(a.text[e.trigger[0] : e.trigger[1]], e.source, e.rule.split(":")[3]) for e in a.events]
    assert ("نلتقي", ["putin_vladimir"], "speaker-first-person") in got


def test_dual_subject_codes_the_two_parties_named_before(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "وصل بوتين إلى القمة حيث كان علييف. والتقى الرئيسان مساء الأحد.")
    assert ("والتقى", ["putin_vladimir"], ["aliyev_ilham"], "040", "asserted") in got


def test_verbal_noun_of_purpose_takes_the_main_subject(lexicons) -> None:  # type: ignore[no-untyped-def]
    _, got = _events(lexicons, "وفتحت موسكو أبوابها لاستقبال علييف في الكرملين.")
    assert got[0][:3] == ("لاستقبال", ["RUS"], ["aliyev_ilham"])

"""Acts of violence and protest: generic agents, and mentions that report no act.

Every sentence here is written for these tests (no corpus text).  They run the
whole pipeline with the package lexicons, so that the actor stage, the generic
nouns of the modality file and the trigger file are read together.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import DataFileError
from marsad.evaluation.predict import participants, to_gold_document
from marsad.events import load_event_lexicon
from marsad.events.extract import is_generic
from marsad.model import Analysis, Document, DocumentMeta
from marsad.pipeline import analyze

HERE = Path(__file__).parent


def _read(text: str) -> Analysis:
    return analyze(Document(raw=text, text=text, meta=DocumentMeta(published="2024-05-02")))


def _acts(a: Analysis, plover: str) -> list[tuple[str, list[str], list[str], str]]:
    """(trigger, source codes, target codes, status) of the events of one PLOVER category."""
    return [
        (
            a.text[e.trigger[0] : e.trigger[1]],
            [a.actors[x].code for x in e.source],
            [a.actors[x].code for x in e.target],
            e.status,
        )
        for e in a.events
        if e.plover == plover
    ]


def test_unknown_gunmen_are_a_generic_actor_with_a_real_mention() -> None:
    a = _read("وفي المدينة الشمالية فتح مسلحون مجهولون النار على دورية للشرطة صباح أمس.")
    got = _acts(a, "ASSAULT")
    assert got and got[0][1] == ["---REB"]
    actor = a.actors[a.events[0].source[0]]
    assert is_generic(actor.id) and actor.kind == "group" and actor.entry is None
    spans = [a.text[m.start : m.end] for m in a.mentions if m.actor == actor.id]
    assert spans and all(s in ("مسلحون", "مجهولون") for s in spans)


def test_police_shooting_at_protesters() -> None:
    a = _read("وأطلقت الشرطة النار على المتظاهرين في الساحة الرئيسية أمس.")
    got = _acts(a, "ASSAULT")
    assert got and got[0][1] == ["---COP"] and got[0][2] == ["---CVL"]


def test_the_weapon_stands_for_unnamed_attackers() -> None:
    got = _acts(_read("قتل خمسة أشخاص أمس في انفجار سيارة مفخخة قرب سوق شعبي."), "ASSAULT")
    assert got and all(src == ["---"] for _, src, _, _ in got)


def test_a_toll_reports_the_act_with_unknown_authors() -> None:
    got = _acts(_read("قتل 12 شخصا وأصيب 20 آخرون في البلدة ليلة أمس."), "ASSAULT")
    assert got and got[0][3] == "asserted"


def test_an_adjective_names_the_state_behind_a_generic_noun() -> None:
    got = _acts(_read("وأطلقت دبابة إسرائيلية قذيفة على منزل في بلدة حدودية فجر أمس."), "ASSAULT")
    assert got and got[0][1] == ["ISRMIL"]


@pytest.mark.parametrize(
    "text",
    [
        # a matter under discussion, and the victim in construct: no attack reported
        "وطالب النائب بتسريع التحقيق في اغتيال رفيق الحريري.",
        # a relative clause describes a man by a past act
        "وزار الوفد ضريح القائد الذي اغتيل قبل سنوات طويلة.",
        # an imperfect verb of violence: a habit or a claim, not a done act
        "ويقول محللون إن عصابات المنطقة تخطف الأجانب طلبا للفدية.",
        # a weapon found is no attack
        "وضبطت الشرطة سيارة مفخخة قرب السفارة قبل تفجيرها.",
        # a verb form spelled like its verbal noun, after a noun of events
        "وتحدث التقرير عن جرائم خطف الأجانب في العاصمة.",
        # violence talked about, neither placed in time nor counted
        "وتعد الهجمات الانتحارية ظاهرة جديدة في البلاد.",
        # an attack feared, not made
        "وقال الوزير إن إسرائيل قد تهاجم المنشآت الإيرانية.",
    ],
)
def test_mentions_that_report_no_attack(text: str) -> None:
    assert _acts(_read(text), "ASSAULT") == []


def test_a_counted_crowd_demonstrates() -> None:
    got = _acts(
        _read("وتظاهر آلاف الطلاب أمس أمام مبنى البرلمان احتجاجا على رفع الرسوم."), "PROTEST"
    )
    assert got and got[0][1] == ["---CVL"]


def test_a_protest_that_broke_out_has_its_crowd_unnamed() -> None:
    got = _acts(_read("واندلعت مظاهرة غاضبة في وسط المدينة مساء أمس."), "PROTEST")
    assert got and got[0][1] == ["---CVL"]


@pytest.mark.parametrize(
    "text",
    [
        # the protesters were met before: this tells how the protest went
        "ورفع المتظاهرون لافتات تندد بالحكومة.",
        # protesters acted upon are no protest
        "واعتقلت الشرطة عشرات المتظاهرين في الساحة.",
        # a protest that did not happen
        "ولم يتظاهر أحد من سكان الحي.",
    ],
)
def test_mentions_that_report_no_protest(text: str) -> None:
    assert _acts(_read(text), "PROTEST") == []


def test_generic_actors_stay_out_of_the_gold_format_export() -> None:
    a = _read("وفي المدينة الشمالية فتح مسلحون مجهولون النار على دورية للشرطة صباح أمس.")
    assert any(is_generic(x) for e in a.events for x in e.source)
    assert not any(is_generic(x) for x in participants(a))
    record = to_gold_document(a, "t.txt")
    ids = {x["id"] for x in record["actors"]}
    for e in record["events"]:
        assert set(e["source"]) <= ids and set(e["target"]) <= ids


def test_not_only_but_also_is_no_negation() -> None:
    a = _read("لم يزر بوتين أذربيجان فقط بل زار أرمينيا أيضا.")
    visits = [e for e in a.events if e.cameo.startswith("042")]
    assert visits and visits[0].status == "asserted"


def test_passive_and_masdar_forms_must_be_verbs_of_their_entry(tmp_path: Path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text(
        "schema: marsad/events/triggers\nversion: 1\nentries:\n"
        "  - {id: x, cameo: '180', gloss_en: x, verbs: ['ضرب'], passive: ['ضرب', 'ضربت']}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="ضربت"):
        load_event_lexicon(HERE / "data" / "cameo.tsv", bad)


@pytest.mark.parametrize(
    "text",
    [
        # a verbal noun after a word that places it before the news (بعد، في أعقاب، بسبب) or
        # under a charge, anywhere in its clause, is background to the sentence's own news
        "وعقد المجلس جلسة طارئة بعد عمليات اغتيال متكررة لرجال دين في المدينة.",
        "وانتقدت الجماعة العنف في أعقاب هجوم انتحاري على مدرسة للشرطة.",
        "وقالت محامية عالمة متهمة بمحاولة قتل جنود أميركيين إن موكلتها مريضة.",
    ],
)
def test_violence_named_as_background_is_no_report(text: str) -> None:
    assert _acts(_read(text), "ASSAULT") == []


def test_a_background_word_in_another_clause_leaves_the_act_reported() -> None:
    text = "وعاد الوزير بعد الزيارة، وقتل مسلحون خمسة جنود في هجوم على حاجز للجيش."
    assert _acts(_read(text), "ASSAULT")


def test_an_attack_in_words_is_criticism_not_violence() -> None:
    a = _read("وهاجمت زاخاروفا باكو قائلة إن تصرفاتها غير مقبولة.")
    assert _acts(a, "ASSAULT") == []
    assert [e.cameo for e in a.events if a.span(*e.trigger) == "وهاجمت"] == ["111"]
    a = _read("وهاجم مسلحون مركزا للشرطة في بغداد أمس.")
    assert [e.cameo for e in a.events if a.span(*e.trigger) == "وهاجم"] == ["190"]


def test_forces_with_a_possessive_pronoun_are_the_named_states() -> None:
    """In "أعلنت وزارة الدفاع الروسية أن قواتها أسقطت ..." its forces are Russia's."""
    a = _read("وقال الجيش الأميركي إن جنوده قتلوا خمسة مسلحين أمس.")
    assert [(s, t) for _, s, t, _ in _acts(a, "ASSAULT")] == [(["USAMIL"], ["---REB"])]
    a = _read("وأعلنت وزارة الدفاع الروسية أن قواتها أسقطت 20 طائرة مسيرة أوكرانية.")
    assert [(s, t) for _, s, t, _ in _acts(a, "ASSAULT")] == [(["RUSMIL"], ["UKR"])]

"""Groups of people and organs of a state, read with the package lexicon.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

import pytest

from marsad.actors import load_lexicon, recognize
from marsad.actors.lexicon import Lexicon
from marsad.model import Analysis, Document, DocumentMeta
from marsad.text.segment import segment


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def _run(lex: Lexicon, text: str) -> list[tuple[str, str, str]]:
    doc = Document(text, text, DocumentMeta(published="2025-07-01"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, lex)
    return [(text[m.start : m.end], m.actor, a.actors[m.actor].code) for m in a.mentions]


def test_bare_plural_nisba_is_a_civilian_group(lex: Lexicon) -> None:
    got = _run(lex, "وأوقفت الشرطة روسيين في مطار المدينة مساء الأحد.")
    assert ("روسيين", "rus_citizens", "RUSCVL") in got


def test_bare_plural_nisba_after_a_plural_noun_is_an_adjective(lex: Lexicon) -> None:
    got = _run(lex, "وكرّم الوزير رياضيين أذربيجانيين في الحفل.")
    assert all(g[1] != "aze_citizens" for g in got)


def test_definite_head_does_not_take_a_bare_plural_as_its_adjective(lex: Lexicon) -> None:
    got = _run(lex, "وقد احتجزت السلطات أذربيجانيين في مدينة قازان الأسبوع الماضي.")
    assert ("أذربيجانيين", "aze_citizens", "AZECVL") in got
    assert all(g[0] != "السلطات أذربيجانيين" for g in got)


def test_organ_with_a_pronoun_does_not_take_a_place_as_owner(lex: Lexicon) -> None:
    got = _run(lex, "وطالبت باكو بحماية مواطنيها في روسيا من أي تمييز.")
    assert all(g[1] != "rus_citizens" for g in got)
    assert ("روسيا", "RUS", "RUS") in got


def test_citizens_of_an_origin_are_a_group_of_their_own(lex: Lexicon) -> None:
    got = _run(lex, "واعتقلت الشرطة مواطنين روس من أصول أذربيجانية، كما أوقفت مواطنين روس آخرين.")
    assert (
        "مواطنين روس من أصول أذربيجانية",
        "rus_citizens_of_aze_origin",
        "RUSCVL",
    ) in got
    assert ("مواطنين روس", "rus_citizens", "RUSCVL") in got


def test_plural_nisba_of_an_origin_is_a_group(lex: Lexicon) -> None:
    got = _run(lex, "وشملت التوقيفات عددا من الأذربيجانيين من أصل روسي.")
    assert ("الأذربيجانيين من أصل روسي", "aze_citizens_of_rus_origin", "AZECVL") in got


@pytest.mark.parametrize(
    "text",
    [
        "وأعلنت السلطات الأذربيجانية فتح تحقيق في الحادث.",
        "وقالت حكومة أذربيجان إنها سترد على الخطوة.",
        "وأكد مسؤولو باكو أن العلاقات لن تتأثر.",
        "وحرصت القيادة الأذربيجانية على التهدئة.",
    ],
)
def test_authorities_government_officials_stand_for_the_state(lex: Lexicon, text: str) -> None:
    got = _run(lex, text)
    assert [g for g in got if g[1] == "AZE"], got
    assert all(g[2] != "AZEGOV" for g in got)


def test_airline_with_its_demonym_is_one_form(lex: Lexicon) -> None:
    got = _run(lex, "وأعلنت شركة أذال الأذربيجانية تعليق رحلاتها إلى عدة مدن.")
    assert ("شركة أذال الأذربيجانية", "azal", "AZEBUS") in got


def test_patronymic_and_variant_spelling_name_the_president(lex: Lexicon) -> None:
    got = _run(lex, "وردّ إلهام حيدروفيتش على سؤال الصحفيين، ثم غادر عليف القاعة.")
    assert {g[1] for g in got if g[2] == "AZEGOV"} == {"aliyev_ilham"}


def test_title_before_a_name_with_li_is_someone_else(lex: Lexicon) -> None:
    got = _run(lex, "ووصل المبعوث الخاص لدونالد ترامب إلى العاصمة صباح اليوم.")
    assert ("دونالد ترامب", "trump_donald", "USAGOV") in got
    assert all(not g[0].startswith("المبعوث") for g in got)


def test_siblings_named_together_are_one_group_found_again_by_surname(lex: Lexicon) -> None:
    got = _run(
        lex,
        "أكدت وزارة الصحة الأذربيجانية وفاة الأخوين رستم وإلدار كريموف في مدينة روسية. "
        "وطالبت عائلة الإخوة كريموف بتحقيق مستقل.",
    )
    groups = [g for g in got if g[1] == "kin:كريموف"]
    assert [g[0] for g in groups] == ["الأخوين رستم وإلدار كريموف", "الإخوة كريموف"]
    assert groups[0][2] == "AZECVL"  # the state of the sentence, not the place of death


def test_siblings_introduced_as_named(lex: Lexicon) -> None:
    got = _run(
        lex, "وأسفرت المداهمة عن مقتل شقيقين يدعيان تيمور وأنار حسينوف، بحسب السلطات الأذربيجانية."
    )
    assert ("شقيقين يدعيان تيمور وأنار حسينوف", "kin:حسينوف", "AZECVL") in got


def test_kinship_noun_before_ordinary_words_makes_no_group(lex: Lexicon) -> None:
    got = _run(lex, "وزار الوزير الأشقاء في السودان وقدم الأخوين المساعدات اللازمة.")
    assert all(not g[1].startswith("kin:") for g in got)


def test_press_service_of_a_person_is_an_office_of_their_state(lex: Lexicon) -> None:
    got = _run(lex, "وأعلنت الخدمة الصحفية التابعة لبوتين أن الاتصال تناول ملف الطاقة.")
    assert ("الخدمة الصحفية التابعة لبوتين", "rus_press_service", "RUSGOV") in got


def test_unnamed_ambassador_is_the_one_named_before_in_the_document(lex: Lexicon) -> None:
    got = _run(
        lex,
        "وقال السفير الأذربيجاني لدى روسيا رحمن مصطفاييف إن بلاده ترفض الاتهامات. "
        "ثم غادر السفير الأذربيجاني مبنى الوزارة.",
    )
    assert ("السفير الأذربيجاني", "mustafayev_rahman", "AZEGOV") in got


def test_unnamed_ambassador_alone_is_an_office_of_its_state(lex: Lexicon) -> None:
    got = _run(lex, "واستدعت وزارة الخارجية الروسية السفير الأذربيجاني صباح الاثنين.")
    assert ("السفير الأذربيجاني", "aze_ambassador", "AZEGOV") in got


def test_title_linked_by_lada_takes_the_name_after_the_host_state(lex: Lexicon) -> None:
    got = _run(lex, "وصرح السفير الروسي لدى أذربيجان ميخائيل يفدوكيموف للصحفيين بأن الأزمة ستنتهي.")
    assert any(g[0] == "ميخائيل يفدوكيموف" and g[2] == "RUSGOV" for g in got), got
    assert any(g[0].startswith("السفير الروسي لدى أذربيجان") for g in got)  # title+name span


def test_titles_and_organs_after_the_preposition_li(lex: Lexicon) -> None:
    got = _run(lex, "ووجه الشكر للرئيس الروسي وللسلطات الأذربيجانية على التعاون.")
    assert (
        "رئيس الروسي",
        "putin_vladimir",
        "RUSGOV",
    ) in got  # ل + الرئيس: the article's alef drops
    assert any(g[1] == "AZE" and g[0].endswith("سلطات الأذربيجانية") for g in got)


def test_partners_of_a_nationality_stand_for_their_state(lex: Lexicon) -> None:
    got = _run(lex, "وشكر الوزير الشركاء الأتراك على دعمهم.")
    assert ("الشركاء الأتراك", "TUR", "TUR") in got


def test_a_capital_named_by_its_nationality_stands_for_the_state(lex: Lexicon) -> None:
    got = _run(lex, "ووصل الوفد إلى العاصمة الطاجيكية صباح اليوم.")
    assert ("العاصمة الطاجيكية", "TJK", "TJK") in got

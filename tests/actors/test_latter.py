"""The words "الأخير" / "الأخيرة" (the latter) standing as nouns are the actor named last before them.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

from marsad.model import Analysis, Document, DocumentMeta
from marsad.pipeline import analyze


def _analyze(text: str) -> Analysis:
    return analyze(Document(text, text, DocumentMeta(published="2025-07-10")))


def _latter(a: Analysis) -> list[tuple[str, str]]:
    return [(a.span(m.start, m.end), m.actor) for m in a.mentions if m.rule == "anaphor:latter"]


def test_the_latter_after_a_verb_is_the_last_person_named() -> None:
    a = _analyze("والتقى بوتين علييف في موسكو. وانتقد الأخير روسيا بشدة.")
    assert _latter(a) == [("الأخير", "aliyev_ilham")]
    crit = [e for e in a.events if a.span(*e.trigger) == "وانتقد"]
    assert crit and crit[0].source == ["aliyev_ilham"] and crit[0].target == ["RUS"]


def test_the_latter_after_that_is_the_person_named_in_an_office() -> None:
    a = _analyze("أعلنت دائرة الإعلام التابعة لعلييف أن الأخير شكر بوتين على دعوته.")
    assert _latter(a) == [("الأخير", "aliyev_ilham")]
    thanks = [e for e in a.events if a.span(*e.trigger) == "شكر"]
    assert thanks and thanks[0].source == ["aliyev_ilham"]
    assert thanks[0].target == ["putin_vladimir"]


def test_the_feminine_latter_is_a_state_or_a_feminine_body() -> None:
    a = _analyze("واتصل بوتين بالحكومة الأذربيجانية، وطالبت الأخيرة روسيا بالاعتذار.")
    assert _latter(a) == [("الأخيرة", "AZE")]  # not Putin, though he was named last of people
    demand = [e for e in a.events if a.span(*e.trigger) == "وطالبت"]
    assert demand and demand[0].source == ["AZE"] and demand[0].target == ["RUS"]


def test_the_last_as_an_adjective_or_in_the_end_is_no_one() -> None:
    a = _analyze("وزار بوتين باكو. وناقش الاجتماع الأخير التجارة، وفي الأخير اتفق الطرفان.")
    assert _latter(a) == []
    a = _analyze("وزار بوتين باكو، وكان اللقاء الأخير من نوعه.")
    assert _latter(a) == []


def test_a_singular_indefinite_member_of_a_group_is_that_group() -> None:
    """The accusative "مواطنا فرنسيا"، "صحفيا فرنسيا" and "نائب روسي" are the state's citizens,
    press and legislators; an MP named before is the one "النائب الروسي" points back to."""
    a = _analyze("اعتقلت السلطات الإيرانية مواطنا فرنسيا وصحفيا فرنسيا.")
    assert {a.actors[m.actor].code for m in a.mentions} >= {"IRN", "FRACVL", "FRAMED"}
    a = _analyze("ومنعت أذربيجان دخول نائب روسي.")
    assert [a.actors[m.actor].code for m in a.mentions] == ["AZE", "RUSLEG"]
    a = _analyze(
        "وقال النائب الروسي نيقولاي فالويف إن باكو مخطئة. ومنعت أذربيجان دخول النائب الروسي."
    )
    assert [m.actor for m in a.mentions][-1] == "valuev_nikolai"


def test_a_dual_title_or_side_with_two_adjectives_names_both() -> None:
    a = _analyze("والتقى الرئيسان الروسي والأذربيجاني في موسكو.")
    assert [m.actor for m in a.mentions][:2] == ["putin_vladimir", "aliyev_ilham"]
    a = _analyze("وبحث الجانبان الروسي والأذربيجاني سبل تعزيز العلاقات.")
    assert [a.actors[m.actor].code for m in a.mentions] == ["RUS", "AZE"]


def test_a_definite_title_after_a_state_starts_another_actor() -> None:
    a = _analyze("هنأ أمير قطر الرئيس الإيراني بفوزه في الانتخابات.")
    assert "pezeshkian_masoud" in {m.actor for m in a.mentions}


def test_a_title_after_a_titled_state_is_another_actor() -> None:
    a = _analyze("دعا الرئيس الأذربيجاني نظيره الروسي لزيارة البلاد.")
    assert [m.actor for m in a.mentions] == ["aliyev_ilham", "putin_vladimir"]


def test_an_igo_head_linked_by_li_is_its_holder() -> None:
    """The UN's Secretary-General, not the head of one of its agencies (UNRWA's is coded apart)."""
    a = _analyze("دعا الأمين العام للأمم المتحدة إسرائيل إلى وقف القتال.")
    assert a.mentions[0].actor == "guterres_antonio"
    a = _analyze("والتقى الأمين العام لحلف الناتو وزير الدفاع التركي.")
    assert [m.actor for m in a.mentions] == ["rutte_mark", "NATO", "guler_yasar"]

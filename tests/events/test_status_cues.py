"""Status and intent cues: قد reads the tense of the verb after it; readiness (مستعدة للتعاون) is an
expressed intent, and "as if" (وكأنها) asserts nothing.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

import pytest

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze


def _statuses(text: str, trigger: str, published: str = "2025-07-10") -> list[str]:
    """The statuses of the events whose trigger reads ``trigger``."""
    a = analyze(Document(text, text, DocumentMeta(published=published)))
    return [e.status for e in a.events if a.span(*e.trigger) == trigger]


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # قد before a past verb: "has done" (forms VIII and V begin with ا and ت like imperfects)
        ("وكان علييف قد اتصل ببوتين يوم الأحد.", "اتصل", "asserted"),
        ("وقد انتقدت روسيا أذربيجان.", "انتقدت", "asserted"),
        # قد before an imperfect verb, or a phrase that begins with one: "may"
        ("وقال إن روسيا قد تزور باكو.", "تزور", "hypothetical"),
        ("وقال إن روسيا قد تفرض عقوبات على باكو.", "تفرض عقوبات", "hypothetical"),
    ],
)
def test_qad_reads_the_tense_of_the_verb_after_it(text: str, trigger: str, status: str) -> None:
    assert _statuses(text, trigger, "2025-10-10") == [status]


def test_ready_to_cooperate_is_an_intent_and_as_if_is_not_asserted() -> None:
    a = analyze(
        Document(*(2 * ["وأكد بوتين أن روسيا مستعدة للتعاون مع أذربيجان."]), DocumentMeta())
    )
    ready = [e for e in a.events if a.span(*e.trigger) == "مستعدة"]
    assert [(e.cameo, e.source, e.target, e.status) for e in ready] == [
        ("030", ["RUS"], ["AZE"], "asserted")
    ]
    text = "ويبدو أن باكو ترسل إشارة إلى الغرب، فباكو وكأنها تقول إنها مستعدة للتعاون مع الغرب."
    assert _statuses(text, "مستعدة") == ["hypothetical"]
    # a readiness for nothing the trigger file names is no event
    assert _statuses("وقال إن الجيش مستعد للرد على أي هجوم.", "مستعد") == []


def test_a_predicate_after_a_verbal_noun_negates_it_within_its_clause() -> None:
    text = "وصرح بيسكوف بأن لقاء بين الرئيسين الروسي والأذربيجاني غير مخطط له في الوقت الحالي."
    assert _statuses(text, "لقاء") == ["negated"]
    # in another clause it says nothing of the meeting
    text = "وانتهت محادثات بوتين وعلييف في موسكو، وقال بيسكوف إن أي لقاء آخر غير مخطط له."
    assert _statuses(text, "محادثات") == ["asserted"]
    assert _statuses(text, "لقاء") == ["negated"]


def test_a_planned_cue_is_a_whole_word() -> None:
    """سوف inside السوفياتية plans nothing."""
    text = "النسخة السوفياتية لبوتين: مصالحة علييف ولم شمل آسيا الوسطى"
    assert _statuses(text, "مصالحة", "2025-10") == ["asserted"]
    text = "وسوف يزور بوتين باكو."
    assert _statuses(text, "يزور") == ["planned"]


def test_an_expected_clause_plans_every_act_in_it() -> None:
    text = "لذا فمن المتوقع أن تتناول القمة المنتظرة بين بوتين وعلييف مفاوضات السلام."
    assert _statuses(text, "مفاوضات السلام") == ["planned"]
    # the clause ends at a comma: an act after it is told as done
    text = "ومن المتوقع أن تستمر الأزمة، وانتقدت أذربيجان روسيا بشدة."
    assert _statuses(text, "وانتقدت") == ["asserted"]

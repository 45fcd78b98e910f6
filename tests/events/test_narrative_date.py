"""An act with no date of its own takes the recent day its passage has set.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze


def _dated(text: str, published: str) -> list[tuple[str, str | None, str | None]]:
    a = analyze(Document(text, text, DocumentMeta(published=published)))
    return [(a.span(*e.trigger), e.date, e.date_basis) for e in a.events]


def test_recent_day_of_the_paragraph_before_carries_over() -> None:
    text = "وفي صباح يوم الاثنين الماضي، تصاعد التوتر بين البلدين.\n\nوانتقدت أذربيجان روسيا بشدة."
    got = _dated(text, "2025-07-10")
    assert ("وانتقدت", "2025-07-07", "narrative") in got


def test_an_old_day_is_background_not_the_date_of_the_news() -> None:
    text = "وفي الخامس من آذار 2019 تصاعد التوتر بين البلدين.\n\nوانتقدت أذربيجان روسيا بشدة."
    got = _dated(text, "2025-07-10")
    assert ("وانتقدت", "2025-07", "publication") in got


def test_now_sets_no_day() -> None:
    text = "وتشهد العلاقات حاليا توترا كبيرا. وانتقدت أذربيجان روسيا بشدة."
    got = _dated(text, "2025-07-10")
    assert ("وانتقدت", "2025-07", "publication") in got


def test_a_later_date_in_the_sentence_does_not_date_an_act_already_done() -> None:
    text = "ووقعت روسيا وأذربيجان اتفاقا يشمل برامج تعاون للفترة 2026-2030."
    got = _dated(text, "2025-10-10")
    signed = [g for g in got if g[0] == "ووقعت"]
    assert signed and signed[0][1:] == ("2025-10", "publication")


def test_a_later_date_dates_a_planned_act() -> None:
    text = "وسيزور بوتين باكو في آذار 2026."
    got = _dated(text, "2025-10-10")
    assert got and got[0][1:] == ("2026-03", "expression")


def test_a_date_many_words_away_belongs_to_another_clause() -> None:
    text = (
        "وانتقدت أذربيجان روسيا بشدة بسبب ما وصفته بحملة ممنهجة ضد مواطنيها المقيمين هناك منذ سنوات "
        "طويلة ضمن سياسة بدأت كما يقول مراقبون كثيرون في تسعينيات القرن الماضي."
    )
    got = _dated(text, "2025-07-10")
    crit = [g for g in got if g[0] == "وانتقدت"]
    assert crit and crit[0][1:] == ("2025-07", "publication")


def test_a_question_asserts_none_of_the_acts_it_names() -> None:
    text = "هل ستتوسط موسكو في المصالحة بين باكو ويريفان؟ وكيف تتعاون روسيا وأذربيجان؟"
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    assert a.events and all(e.status != "asserted" for e in a.events)


def test_an_act_that_almost_happened_is_not_asserted() -> None:
    text = "وقال المحلل إن روسيا تكاد تنسحب من أذربيجان بعد أن تراجع نفوذها هناك."
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    withdraw = [e for e in a.events if a.span(*e.trigger) == "تنسحب"]
    assert withdraw and withdraw[0].status == "hypothetical"


def test_an_occasion_dates_its_own_act_not_the_story_after_it() -> None:
    text = "واتصل علييف ببوتين بمناسبة ذكرى ميلاد بوتين.\nوفي القمة انتقدت أذربيجان روسيا بشدة."
    got = _dated(text, "2025-10")
    assert ("واتصل", "2025-10-07", "expression") in got
    assert ("انتقدت", "2025-10", "publication") in got


def test_an_article_dated_to_the_month_gives_no_invented_day() -> None:
    """قبل يومين in an article dated only "October 2025": October, not 29 September (two days
    before the month's first day)."""
    text = "وقال علييف إنه اتصل ببوتين قبل يومين."
    got = _dated(text, "2025-10")
    assert [g for g in got if g[0] == "اتصل"] == [("اتصل", "2025-10", "expression")]


def test_a_flashback_sets_no_day_for_the_story_after_it() -> None:
    text = (
        "في صباح الأول من تموز، استدعت الخارجية الروسية السفير. "
        "وقبل ذلك بيوم، اعتقلت الشرطة الأذربيجانية صحفيين روسا.\n"
        "وانتقدت أذربيجان روسيا بشدة."
    )
    got = _dated(text, "2025-07-10")
    assert ("اعتقلت", "2025-06-30", "expression") in got
    assert ("وانتقدت", "2025-07-01", "narrative") in got

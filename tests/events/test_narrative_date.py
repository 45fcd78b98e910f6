"""An act with no date of its own takes the recent day its passage has set (and the news day,
the recall, the occasion).

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

import pytest

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
    assert ("وانتقدت", "2025-07-10", "publication") in got


def test_an_old_day_of_the_acts_own_paragraph_carries_over() -> None:
    """In its own paragraph an old day is the story being told, not background."""
    text = "وفي الخامس من آذار 2019 تصاعد التوتر بين البلدين. وانتقدت أذربيجان روسيا بشدة."
    got = _dated(text, "2025-07-10")
    assert ("وانتقدت", "2019-03-05", "narrative") in got


def test_now_sets_no_day() -> None:
    text = "وتشهد العلاقات حاليا توترا كبيرا. وانتقدت أذربيجان روسيا بشدة."
    got = _dated(text, "2025-07-10")
    assert ("وانتقدت", "2025-07-10", "publication") in got


def test_a_later_date_in_the_sentence_does_not_date_an_act_already_done() -> None:
    text = "ووقعت روسيا وأذربيجان اتفاقا يشمل برامج تعاون للفترة 2026-2030."
    got = _dated(text, "2025-10-10")
    signed = [g for g in got if g[0] == "ووقعت"]
    assert signed and signed[0][1:] == ("2025-10-10", "publication")


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
    assert crit and crit[0][1:] == ("2025-07-10", "publication")


def test_a_question_whether_asserts_none_of_the_acts_it_names() -> None:
    text = "هل ستتوسط موسكو في المصالحة بين باكو ويريفان؟ وهل تتعاون روسيا وأذربيجان؟"
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    assert a.events and all(e.status != "asserted" for e in a.events)
    text = "وكيف يمكن لموسكو المساعدة في المصالحة بين باكو ويريفان؟"
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    assert a.events and all(e.status != "asserted" for e in a.events)


def test_a_question_how_or_why_takes_its_act_as_given() -> None:
    """In "كيف تتعاون موسكو وباكو؟" and "ما دلالات زيارة بوتين لأذربيجان؟" the cooperation and
    the visit are what the question is about, not in question."""
    for text, trigger in (
        ("كيف تتعاون روسيا وأذربيجان في المجال الأمني؟", "تتعاون"),
        ("ما دلالات زيارة بوتين لأذربيجان؟", "زيارة"),
    ):
        a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
        assert [e.status for e in a.events if a.span(*e.trigger) == trigger] == ["asserted"]


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


def test_an_article_dated_to_the_month_dates_untimed_acts_by_its_news_day() -> None:
    """The day the article writes out in its month is its news day; an act with no date of its
    own, far from that day's passage, takes it, and says so."""
    text = (
        "في صباح الأول من تموز، استدعت الخارجية الروسية السفير الأذربيجاني.\n\n"
        "تمهيد أول.\n\nتمهيد ثان.\n\nوانتقدت أذربيجان روسيا بشدة."
    )
    got = _dated(text, "2025-07")
    assert ("استدعت", "2025-07-01", "expression") in got
    assert ("وانتقدت", "2025-07-01", "news-day") in got


def test_an_article_dated_to_the_month_without_a_news_day_dates_by_the_month() -> None:
    text = "وانتقدت أذربيجان روسيا بشدة."
    assert _dated(text, "2025-07") == [("وانتقدت", "2025-07", "publication")]


def test_a_deictic_word_said_with_a_named_birthday_fixes_the_news_day() -> None:
    """The words "قبل يومين ... بمناسبة عيد ميلادك" after the article named Putin's birthday (7 October):
    the words are said on 9 October, and the article's other acts are of that day."""
    text = (
        "وكان علييف قد اتصل ببوتين بمناسبة ذكرى ميلاد بوتين.\n\n"
        'والتقى بوتين علييف في دوشنبه. وقال علييف: "قبل يومين فحسب، اتصلت بك بمناسبة عيد ميلادك".'
    )
    got = _dated(text, "2025-10")
    assert ("والتقى", "2025-10-09", "news-day") in got


def test_a_deictic_word_far_from_the_birthday_fixes_nothing() -> None:
    text = (
        "وكان علييف قد اتصل ببوتين بمناسبة ذكرى ميلاد بوتين.\n\n"
        'والتقى بوتين علييف في دوشنبه. وقال علييف: "قبل يومين فحسب، تحدثنا طويلا عن أمور كثيرة '
        'تخص التجارة والنقل والطاقة والحدود، وهنأتك بمناسبة عيد ميلادك".'
    )
    got = _dated(text, "2025-10")
    assert ("والتقى", "2025-10", "publication") in got


def test_a_later_recall_gives_its_day_to_the_act_a_vague_expression_dated() -> None:
    """The words "بعد أيام قليلة" from early March say only March; "بعد المكالمة الهاتفية ... في السادس من
    آذار" recalls the call with its day, which every act of that expression takes."""
    text = (
        "في أوائل آذار 2025 زار لافروف باكو. بعد أيام قليلة، اتصل بوتين هاتفيا بعلييف.\n\n"
        "بعد المكالمة الهاتفية بين الرئيسين في السادس من آذار، تحسنت الأجواء."
    )
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    call = [e for e in a.events if a.span(*e.trigger).startswith("اتصل")]
    assert call and call[0].date == "2025-03-06"
    assert call[0].rule.endswith(":recalled")


def test_a_recall_of_another_act_or_another_month_refines_nothing() -> None:
    text = (
        "في أوائل آذار 2025 زار لافروف باكو. بعد أيام قليلة، اتصل بوتين هاتفيا بعلييف.\n\n"
        "بعد الزيارة في السادس من آذار، تحسنت الأجواء. وبعد المكالمة الهاتفية في السادس من نيسان، "
        "تحسنت العلاقات."
    )
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    call = [e for e in a.events if a.span(*e.trigger).startswith("اتصل")]
    assert call and call[0].date == "2025-03"


def test_an_occasion_after_another_act_dates_that_act_not_the_first() -> None:
    """In "شكره على دعوته لحضور الاحتفالات بمناسبة عيد النصر": Victory Day is the celebrations'
    day, not the day of the thanks; with no act between, the occasion dates the act."""
    text = "وشكر علييف بوتين على دعوته لحضور الاحتفالات بمناسبة عيد النصر."
    got = _dated(text, "2025-07-10")
    assert ("وشكر", "2025-07-10", "publication") in got
    got = _dated("واتصل علييف ببوتين بمناسبة عيد النصر.", "2025-07-10")
    assert ("واتصل", "2025-05-09", "expression") in got


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("التقى بوتين علييف أمس في موسكو.", "التقى", "2025-07-09"),
        ("وكان بوتين قد زار باكو في آب الماضي.", "زار", "2024-08"),
        ("واستقبل أردوغان نظيره الأذربيجاني مساء الثلاثاء في أنقرة.", "واستقبل", "2025-07-08"),
        ("وفي وقت سابق اليوم، استدعت الخارجية الروسية السفير الأذربيجاني.", "استدعت", "2025-07-10"),
        ("وفي 25 ديسمبر 2024، أسقطت الدفاعات الروسية طائرة أذربيجانية.", "أسقطت", "2024-12-25"),
        ("واعتقلت الشرطة الروسية مواطنين أذربيجانيين في 27 حزيران.", "واعتقلت", "2025-06-27"),
        ("وقبل يومين، اتصل علييف ببوتين.", "اتصل", "2025-07-08"),
        ("وفي مطلع الشهر الجاري، وقعت روسيا وإيران اتفاقية تعاون.", "وقعت", "2025-07"),
    ],
)
def test_the_expression_that_governs_the_clause_dates_the_act(
    text: str, trigger: str, date: str
) -> None:
    got = _dated(text, "2025-07-10")
    assert [g[1:] for g in got if g[0] == trigger] == [(date, "expression")]

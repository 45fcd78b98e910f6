"""A deictic word said together with a dated occasion fixes the day an article dated only to the
month tells of (marsad.time.anchors).

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

from datetime import date

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.time import NEWS_DAY


def _time(text: str, published: str):  # type: ignore[no-untyped-def]
    return analyze(Document(text, text, DocumentMeta(published=published)), ["segment", "time"])


def test_two_days_after_a_named_birthday_is_the_news_day() -> None:
    text = (
        "واتصل علييف ببوتين بمناسبة ذكرى ميلاد بوتين.\n\n"
        'وقال علييف: "قبل يومين فحسب، اتصلت بك بمناسبة عيد ميلادك. واليوم نلتقي هنا".'
    )
    a = _time(text, "2025-10")
    assert a.extras[NEWS_DAY] == date(2025, 10, 9)
    today = [t for t in a.timexes if a.span(t.start, t.end) == "اليوم"]
    assert today and today[0].value == "2025-10-09"


def test_yesterday_said_with_the_occasion_itself() -> None:
    text = "وقال بوتين إنه زار النصب أمس بمناسبة عيد النصر."
    a = _time(text, "2025-05")
    assert a.extras[NEWS_DAY] == date(2025, 5, 10)


def test_an_anchored_day_outside_the_articles_month_is_not_its_news_day() -> None:
    # 7 October + 2 days is in October: an article of November does not tell of that day
    text = (
        "واتصل علييف ببوتين بمناسبة ذكرى ميلاد بوتين.\n\n"
        'وقال علييف: "قبل يومين فحسب، اتصلت بك بمناسبة عيد ميلادك".'
    )
    a = _time(text, "2025-11")
    assert NEWS_DAY not in a.extras


def test_a_possessive_birthday_with_no_named_birthday_fixes_nothing() -> None:
    text = 'وقال علييف: "قبل يومين فحسب، اتصلت بك بمناسبة عيد ميلادك".'
    a = _time(text, "2025-10")
    assert NEWS_DAY not in a.extras
    assert [t.value for t in a.timexes] == ["2025-10"]

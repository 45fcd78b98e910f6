"""What a reference known only to the month allows, the news day that sharpens it, and occasions
(days named by a feast, an anniversary or a birthday).  Every sentence here is invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.errors import DataFileError
from marsad.model import Analysis, Document, DocumentMeta
from marsad.text.normalize import normalize
from marsad.time import news_day, resolve, time_stage
from marsad.time.lexicon import load_lexicon
from marsad.time.resolve import resolve_normalized

from .test_lexicon import _copy


def _values(text: str, ref: date, precision: str = "day") -> list[tuple[str, str, str]]:
    norm = normalize(text)
    return [
        (text[t.start : t.end], t.value, t.granularity)
        for t in resolve_normalized(norm, ref, precision)  # type: ignore[arg-type]
    ]


def _stage(text: str, published: str, precision: str) -> Analysis:
    meta = DocumentMeta(published=published, published_basis="stated")
    meta.published_precision = precision  # type: ignore[assignment]
    a = Analysis.of(Document(text, text, meta))
    time_stage(a)
    return a


def test_a_month_reference_gives_no_day_to_words_counted_from_it() -> None:
    text = "قال الوزير اليوم إنه اتصل بنظيره قبل يومين، وزاره الاثنين."
    got = _values(text, date(2025, 10, 1), "month")
    assert [(w, v, g) for w, v, g in got] == [
        ("اليوم", "2025-10", "month"),
        ("قبل يومين", "2025-10", "month"),
        ("الاثنين", "2025-10", "month"),
    ]
    # the same words against a day keep their day
    assert [v for _, v, _ in _values(text, date(2025, 10, 9))] == [
        "2025-10-09",
        "2025-10-07",
        "2025-10-06",
    ]


def test_a_month_reference_still_gives_the_year_of_a_named_day() -> None:
    """الأول من تموز takes only the reference's year: it keeps its day."""
    got = _values("وصل الوفد في الأول من تموز.", date(2025, 7, 1), "month")
    assert got == [("الأول من تموز", "2025-07-01", "day")]


def test_a_year_reference_gives_the_year() -> None:
    got = _values("وصل الوفد أمس.", date(2025, 1, 1), "year")
    assert got == [("أمس", "2025", "year")]


def test_the_news_day_of_an_article_dated_to_the_month() -> None:
    text = (
        "في صباح الثالث من آب، استدعت الخارجية السفير.\n"
        "وكانت الشرطة قد اعتقلت أمس صحفيين، وقال المتحدث اليوم إن التحقيق مستمر."
    )
    a = _stage(text, "2025-08", "month")
    values = {a.text[t.start : t.end]: t.value for t in a.timexes}
    assert values == {"صباح الثالث من آب": "2025-08-03", "أمس": "2025-08-02", "اليوم": "2025-08-03"}
    assert a.document.meta.published == "2025-08"  # the publication date itself is not changed


def test_no_news_day_leaves_words_at_the_month() -> None:
    a = _stage("وقال المتحدث اليوم إن التحقيق مستمر منذ أمس.", "2025-08", "month")
    assert {t.value for t in a.timexes} == {"2025-08"}


def test_news_day_takes_the_latest_written_day_inside_the_period() -> None:
    text = (
        "التقى الوزيران في 2 آب، ثم في 5 آب، وسيلتقيان مجددا في 3 أيلول، وكانا التقيا في 20 تموز."
    )
    norm = normalize(text)
    timexes = resolve_normalized(norm, date(2025, 8, 1), "month")
    assert news_day(timexes, date(2025, 8, 1), "month") == date(2025, 8, 5)
    assert news_day([], date(2025, 8, 1), "month") is None


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # a birthday after ذكرى or عيد, the nearest one
        ("هنأه بمناسبة ذكرى ميلاد بوتين.", date(2025, 10, 1), [("ذكرى ميلاد بوتين", "2025-10-07")]),
        (
            "هنأه في عيد ميلاد الرئيس الروسي.",
            date(2024, 10, 20),
            [("عيد ميلاد الرئيس الروسي", "2024-10-07")],
        ),
        # an ordinal anniversary counts from the first event; ل before the name is read
        (
            "شارك في احتفالات الذكرى الثمانين للنصر.",
            date(2025, 5, 20),
            [("الذكرى الثمانين للنصر", "2025-05-09")],
        ),
        # a future cue takes the next one
        ("سيحضر الرئيس عيد النصر في موسكو.", date(2025, 5, 20), [("عيد النصر", "2026-05-09")]),
        # Hijri feasts through the Umm al-Qura calendar
        (
            "أعلنت الحكومة عطلة عيد الأضحى المبارك.",
            date(2024, 6, 1),
            [("عيد الأضحى المبارك", "2024-06-16")],
        ),
        (
            "تبادل القادة التهاني بمناسبة عيد الفطر.",
            date(2025, 4, 2),
            [("عيد الفطر", "2025-03-30")],
        ),
        # a name that needs ذكرى is no day alone, and a count far from the reference is refused
        ("حقق الجيش النصر في المعركة.", date(2025, 5, 20), []),
        ("احتفل الحزب بالذكرى العاشرة للنصر.", date(2025, 5, 20), []),
        ("أحيا الفلسطينيون ذكرى النكبة.", date(2025, 5, 16), [("ذكرى النكبة", "2025-05-15")]),
    ],
)
def test_occasions(text: str, ref: date, expected: list[tuple[str, str]]) -> None:
    assert [(text[t.start : t.end], t.value) for t in resolve(text, ref)] == expected


def test_an_occasion_is_not_taken_for_the_news_day() -> None:
    a = _stage(
        "اتصل الرئيس بنظيره في ذكرى ميلاد بوتين، وقال اليوم إن العلاقات جيدة.", "2025-10", "month"
    )
    values = {a.text[t.start : t.end]: t.value for t in a.timexes}
    assert values == {"ذكرى ميلاد بوتين": "2025-10-07", "اليوم": "2025-10"}


def test_an_anniversary_does_not_move_the_inferred_publication_date() -> None:
    """Months named without a year are read after the latest written date; an anniversary's year
    is counted (1945 + 80), so it must not push them a year ahead."""
    story = "اتصل الرئيسان في السادس من آذار، ثم استدعت الخارجية السفير في الأول من تموز."
    plain = "بدأ التقارب عام 2024.\n" + story
    with_anniversary = "بدأ التقارب عام 2024، قبل الذكرى الـ80 للنصر.\n" + story
    for text in (plain, with_anniversary):
        a = Analysis.of(Document(text, text))
        time_stage(a)
        assert a.document.meta.published == "2024-07", text


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("schema: marsad/time/occasions", "schema: marsad/time/occasion", "schema"),
        ("    month: 5\n    day: 9\n", "    month: 13\n    day: 9\n", "month"),
        ("    names: [يوم روسيا]", "    names: [عيد النصر]", "listed under both"),
        ("    names: [يوم الأرض الفلسطيني]", "    names: []", "names or anniversary"),
        ("    calendar: hijri\n    month: 10", "    calendar: lunar\n    month: 10", "calendar"),
    ],
)
def test_a_bad_occasions_file_fails_naming_it(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _copy(tmp_path)
    path = folder / "occasions.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_lexicon(folder)
    assert "occasions.yaml" in str(info.value)

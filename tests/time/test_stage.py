"""The time stage: publication date first (inferred when absent), then every expression."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import Analysis, Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.time import infer_publication, resolve, time_stage

ARTICLE = (
    "عاجل\n19 أغسطس 2024، 11:25 ص\n\n"
    "وصل الرئيس إلى باكو الأحد في زيارة تستمر يومين، وكانت آخر زيارة له في أيلول/ سبتمبر 2018.\n"
    "وقال مسؤول إن الجانبين سيوقعان اتفاقات جديدة في 3 أيلول المقبل، بعد محادثات بدأت قبل يومين."
)


def test_stage_infers_a_missing_publication_date() -> None:
    a = Analysis.of(Document(ARTICLE, ARTICLE))
    time_stage(a)
    m = a.document.meta
    assert (m.published, m.published_basis, m.published_precision) == (
        "2024-08-19",
        "inferred",
        "day",
    )
    texts = [a.text[t.start : t.end] for t in a.timexes]
    assert texts[1:] == ["الأحد", "أيلول/ سبتمبر 2018", "3 أيلول المقبل", "قبل يومين"]
    assert [t.start for t in a.timexes] == sorted(t.start for t in a.timexes)
    sunday = a.timexes[1]
    assert (sunday.date_from, sunday.anchor, sunday.rule) == (
        date(2024, 8, 18),
        date(2024, 8, 19),
        "relative-weekday",
    )


def test_stage_keeps_a_stated_date() -> None:
    doc = Document(
        "وصل الوفد أمس",
        "وصل الوفد أمس",
        DocumentMeta(published="2023-01-10", published_basis="stated", published_precision="day"),
    )
    a = Analysis.of(doc)
    time_stage(a)
    assert a.document.meta.published_basis == "stated"
    assert a.timexes[0].date_from == date(2023, 1, 9)


def test_stage_in_the_pipeline() -> None:
    a = analyze(Document(ARTICLE, ARTICLE), stages=["segment", "time"])
    assert "time" in a.stages_run and len(a.timexes) == 5


def test_without_reference_the_text_gives_one() -> None:
    """resolve(text, None) resolves against the inferred publication date, else keeps only dated years."""
    got = resolve("وصل الأحد، بعد زيارة في 3 أيار 2019.", None)
    assert [(e.rule, e.anchor) for e in got] == [
        ("relative-weekday", date(2019, 5, 1)),
        ("day-month-year", None),
    ]
    assert resolve("وصل الأحد إلى العاصمة.", None) == []
    assert infer_publication("لا تاريخ هنا") is None


def test_month_precise_inference() -> None:
    text = "ارتفعت الأسعار منذ ديسمبر 2024، ثم اجتمع الطرفان في 3 آذار وفي 14 حزيران. " * 2
    assert infer_publication(text) == ("2025-06", "month")
    assert infer_publication("يعقد المؤتمر في آب الجاري بعد قمة عام 2023.") == ("2023-08", "month")
    assert infer_publication("نشر التقرير عام 2021 وتمت مراجعته.") == ("2021", "year")


_ALPHABET = st.sampled_from(
    [
        *list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى ًٌٍَُِّْـ 0123456789٠١٢٣٤٥٦٧٨٩/-:.،\n"),
        "آب ",
        "أيار ",
        "الماضي ",
        "يومي ",
        "الأحد ",
        "2024 ",
        "هـ ",
        "رمضان ",
        "قبل ",
        "الساعة ",
        "نهاية ",
        "ذلك ",
        "بـ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_always_point_into_the_text(text: str) -> None:
    for e in resolve(text, date(2024, 8, 19)):
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end].strip() == text[e.start : e.end]
        assert e.date_from <= e.date_to


def _best(text: str, runs: int = 5) -> float:
    resolve(text, date(2024, 8, 19))
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        resolve(text, date(2024, 8, 19))
        best = min(best, time.perf_counter() - start)
    return best


# An article written for this test (politics between states, about 1,400 characters,
# seven dates: the density of the seed articles).
NEWS = (
    "أجرى وزير الخارجية الأردني محادثات مطولة مع نظيره المصري في القاهرة، تناولت سبل "
    "تعزيز التنسيق بين البلدين في الملفات الإقليمية، وعلى رأسها الأوضاع الإنسانية في "
    "المنطقة وأمن الملاحة في البحر الأحمر. وقال الوزير في مؤتمر صحفي مشترك إن العلاقات "
    "بين البلدين تشهد تطورا ملحوظا، مشيرا إلى أن حجم التبادل التجاري ارتفع بشكل كبير، "
    "وأن الجانبين اتفقا على عقد اجتماع للجنة العليا المشتركة في الربع الأخير من العام "
    "الحالي.\nمن جهته، أكد الوزير المصري أن بلاده ترحب بكل جهد يهدف إلى خفض التصعيد، "
    "وأن الاتصالات مع الأطراف المعنية لم تنقطع منذ اندلاع الأزمة. وأضاف أن القاهرة "
    "ستستضيف اجتماعا تشاوريا لوزراء خارجية دول الجوار، دون أن يحدد موعدا له. ويرى "
    "محللون أن التقارب بين العاصمتين يعكس قناعة مشتركة بضرورة بلورة موقف عربي موحد، "
    "خاصة بعد التطورات المتسارعة التي شهدتها المنطقة خلال الأشهر الماضية.\nوكان "
    "الوزيران قد التقيا على هامش اجتماعات الجمعية العامة للأمم المتحدة في نيويورك في "
    "أيلول الماضي، كما تبادلا الزيارات أكثر من مرة منذ مطلع عام 2023. وفي سياق متصل، "
    "أعلنت الحكومة الأردنية أنها ستطلق الأسبوع المقبل حزمة من الإجراءات الاقتصادية "
    "لدعم القطاعات المتضررة، بكلفة تقدر بنحو 300 مليون دينار، على أن تستمر حتى نهاية "
    "حزيران المقبل. وقال المتحدث باسم الحكومة إن مجلس الوزراء ناقش الخطة في جلسته "
    "الأحد، وإن تفاصيلها ستعرض على مجلس النواب قبل إقرارها نهائيا.\n"
)


def test_the_news_article_reads_right() -> None:
    got = [(NEWS[e.start : e.end], str(e.date_from)) for e in resolve(NEWS, date(2024, 8, 19))]
    assert got == [
        ("الربع الأخير من العام الحالي", "2024-10-01"),
        ("خلال الأشهر الماضية", "2024-02-19"),
        ("أيلول الماضي", "2023-09-01"),
        ("مطلع عام 2023", "2023-01-01"),
        ("الأسبوع المقبل", "2024-08-26"),
        ("نهاية حزيران المقبل", "2025-06-21"),
        ("الأحد", "2024-08-18"),
    ]


def test_speed_on_a_news_like_article() -> None:
    """Well under a millisecond per 1,000 characters: about 0.3-0.4 ms on an idle machine.

    The bound is 1.5 ms so that a busy CI machine does not fail the build; a
    regression to quadratic matching or per-position scans of every rule is
    ten times slower and still caught.
    """
    text = NEWS * 6  # about 8,500 characters, a long article
    per_k = _best(text) / (len(text) / 1000)
    assert per_k < 0.0015, f"{per_k * 1000:.2f} ms per 1,000 characters"


def test_time_grows_linearly_with_the_text() -> None:
    """Even where every line holds dates, four times the text takes about four times as long."""
    small = ARTICLE * 10
    assert _best(small * 4) < 6 * _best(small)

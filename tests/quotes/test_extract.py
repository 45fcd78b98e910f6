from __future__ import annotations

from pathlib import Path

import pytest

from marsad.actors import load_lexicon, recognize
from marsad.model import Analysis, Document, DocumentMeta
from marsad.quotes import direct_spans, extract, get_quote_lexicon
from marsad.text.segment import segment

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def actors():  # type: ignore[no-untyped-def]
    return load_lexicon([HERE.parent / "actors" / "lexicon"], include_package=False)


def _quotes(actors, text: str):  # type: ignore[no-untyped-def]
    doc = Document(text, text, DocumentMeta(published="2024-08-19"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, actors)
    extract(a, get_quote_lexicon())
    out = []
    for q in a.quotes:
        assert a.text[q.content[0] : q.content[1]].strip()
        out.append(
            (q.speaker, a.text[q.content[0] : q.content[1]], q.direct, a.text[q.cue[0] : q.cue[1]])
        )
    return a, out


def test_direct_quote_with_cue_before(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, "وقال بوتين: «نحن نريد علاقات طيبة مع جيراننا».")
    assert got == [("putin_vladimir", "نحن نريد علاقات طيبة مع جيراننا", True, "وقال")]


def test_direct_quote_split_by_cue(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(
        actors, '"العلاقات بين بلدينا قوية جدا"، قال علييف، "ونحن نعمل على تطويرها كل يوم".'
    )
    assert [g[0] for g in got] == ["aliyev_ilham", "aliyev_ilham"]
    assert got[1][1] == "ونحن نعمل على تطويرها كل يوم"


def test_quote_over_several_sentences_and_unclosed_at_paragraph_end(actors) -> None:  # type: ignore[no-untyped-def]
    text = "وقال بوتين: «هذه زيارة مهمة. سنوقع اتفاقات كثيرة. وسنواصل العمل معا\nفقرة أخرى لا علاقة لها."
    _, got = _quotes(actors, text)
    assert got[0][0] == "putin_vladimir"
    assert got[0][1] == "هذه زيارة مهمة. سنوقع اتفاقات كثيرة. وسنواصل العمل معا"


def test_quote_inside_a_quote_stays_inside(actors) -> None:  # type: ignore[no-untyped-def]
    text = 'وقال علييف: «قلت له إن "الصداقة لا تباع" وهذا موقفنا الثابت».'
    _, got = _quotes(actors, text)
    assert len(got) == 1
    assert got[0][1] == 'قلت له إن "الصداقة لا تباع" وهذا موقفنا الثابت'


def test_inch_and_abbreviation_marks_do_not_open_a_quote() -> None:
    text = 'اشترت الوزارة شاشات قياس 55" وأجهزة أخرى من شركة م"ت المحلية للتوريد بأسعار عالية جدا.'
    assert direct_spans(text, 0, len(text)) == []


def test_short_quoted_name_is_not_a_quotation(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, 'نشرت صحيفة "كوميرسانت" تقريرا عن الزيارة.')
    assert got == []


@pytest.mark.parametrize(
    "text",
    [
        "وأكد بوتين أن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "وأوضحت موسكو أن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "وبحسب بوتين فإن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
    ],
)
def test_reported_speech(actors, text: str) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, text)
    assert len(got) == 1
    speaker, content, direct, _ = got[0]
    assert speaker in ("putin_vladimir", "RUS")
    assert "العلاقات مع أذربيجان" in content
    assert direct is False


def test_continuation_refers_back(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(
        actors,
        "وقال علييف إن الزيارة تاريخية بكل المقاييس. وأضاف أن البلدين سيوقعان اتفاقات جديدة.",
    )
    assert [g[0] for g in got] == ["aliyev_ilham", "aliyev_ilham"]


def test_relay_keeps_the_outlet_apart(actors) -> None:  # type: ignore[no-untyped-def]
    a, _ = _quotes(actors, "ونقلت موسكو عن بوتين قوله إن الأمور تسير نحو الأفضل بين البلدين.")
    assert a.quotes and a.quotes[0].speaker == "putin_vladimir" and a.quotes[0].via == "RUS"


def test_stance_towards_actors_in_content(actors) -> None:  # type: ignore[no-untyped-def]
    a, _ = _quotes(actors, "وقال بوتين إن الشراكة الاستراتيجية مع أذربيجان تتعزز.")
    assert a.quotes[0].about == [("AZE", 0.8)]
    b, _ = _quotes(actors, "وقال علييف إن روسيا ترتكب أفعالا عدائية واستفزازية.")
    assert b.quotes[0].about[0][0] == "RUS" and b.quotes[0].about[0][1] < 0


def test_unbalanced_straight_mark_opens_nothing() -> None:
    text = 'قال الوزير إن "الخطة جاهزة وأضاف أن "المرحلة الثانية تبدأ غدا" في العاصمة.'
    spans = direct_spans(text, 0, len(text))
    assert [text[s.start : s.end] for s in spans] == ["المرحلة الثانية تبدأ غدا"]


@pytest.mark.parametrize(
    "text",
    [
        "وفقا لبوتين فإن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "وبحسبه، فإن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
        "ونقل الموقع عن بوتين أن العلاقات مع أذربيجان تشهد تطورا كبيرا.",
    ],
)
def test_source_phrases_and_relays(actors, text: str) -> None:  # type: ignore[no-untyped-def]
    lead = "وقال بوتين إن الزيارة ناجحة جدا. "
    _, got = _quotes(actors, lead + text)
    assert got[-1][0] == "putin_vladimir"
    assert "العلاقات مع أذربيجان" in got[-1][1]


def test_quoted_name_inside_reported_speech_stays_in_it(actors) -> None:  # type: ignore[no-untyped-def]
    _, got = _quotes(actors, 'وأكد بوتين أن ممر "شمال جنوب" مهم جدا لروسيا وأذربيجان.')
    assert got and got[0][1].startswith('ممر "شمال جنوب" مهم')

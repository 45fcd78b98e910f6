"""Common ways the news attributes words: a short quotation after a colon, an unnamed official
relayed by an agency, what is stressed after على.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

import pytest

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze


def _quotes(text: str) -> list[tuple[str | None, str, bool]]:
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    return [(q.speaker, a.span(*q.content), q.direct) for q in a.quotes]


def test_a_short_quotation_after_a_colon_is_the_quotation() -> None:
    assert _quotes('وقال بوتين: "نحن مستعدون للحوار".') == [
        ("putin_vladimir", "نحن مستعدون للحوار", True)
    ]


def test_a_short_quoted_term_inside_reported_speech_is_no_quotation() -> None:
    got = _quotes('وأشار بوتين إلى أن ممر "شمال جنوب" مهم للبلدين.')
    assert [g for g in got if g[2]] == []


def test_an_unnamed_official_relayed_by_an_agency_speaks() -> None:
    got = _quotes("ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن العقوبات ستفرض قريبا.")
    assert got and got[0][0] == "usa_official" and got[0][1].startswith("العقوبات ستفرض")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("وشدد ماكرون على ضرورة وقف إطلاق النار.", "macron_emmanuel", "ضرورة وقف إطلاق النار"),
        ("وأكد علييف على أهمية العلاقات مع روسيا.", "aliyev_ilham", "أهمية العلاقات مع روسيا"),
    ],
)
def test_what_is_stressed_follows_ala(text: str, speaker: str, content: str) -> None:
    assert _quotes(text) == [(speaker, content, False)]


def test_ala_hamish_is_where_not_what() -> None:
    assert _quotes("وأكد بوتين على هامش القمة أن روسيا مستعدة للحوار.") == [
        ("putin_vladimir", "روسيا مستعدة للحوار", False)
    ]
    assert _quotes("وأكد الرئيس على هامش القمة التزامه.") == []

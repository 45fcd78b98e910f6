from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import normalize, normalize_word

ARABIC_SAMPLE = "أإآٱابتثجحخدذرزسشصضطظعغفقكلمنهوىيةءؤئ ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩۰۱۲«»“”–—ﻻﷲ\u200f\u200b\u00a0"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أذربيجان", "اذربيجان"),
        ("إيران", "ايران"),
        ("آسيا", "اسيا"),
        ("مصطفى", "مصطفي"),
        ("زيارة", "زياره"),
        ("مُحَمَّدٌ", "محمد"),
        ("روســـيا", "روسيا"),
        ("٢٠٢٤", "2024"),
        ("۱۴۰۳", "1403"),
        ("«بوتين»", '"بوتين"'),
        ("ﻻ", "لا"),
        ("باكو\u200f", "باكو"),
        ("FSB", "fsb"),
        ("2024–2025", "2024-2025"),
    ],
)
def test_folds(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_identity_text_has_identity_map() -> None:
    n = normalize("روسيا وأذربيجان")
    assert n.identity
    assert n.span_to_original(0, 5) == (0, 5)


def test_span_maps_back_over_deleted_marks() -> None:
    text = "قالَ الرئيسُ بوتينُ"
    n = normalize(text)
    i = n.text.index("بوتين")
    s, e = n.span_to_original(i, i + len("بوتين"))
    assert text[s:e] == "بوتينُ"[:-1]


def test_ligature_expansion_maps_to_one_char() -> None:
    text = "ﻻ تريد"
    n = normalize(text)
    assert n.text == "لا تريد"
    assert n.span_to_original(0, 2) == (0, 1)
    assert n.span_to_original(3, 7) == (2, 6)


def test_normalize_word_collapses_space() -> None:
    assert normalize_word("  وزارة   الخارجيّة ") == "وزاره الخارجيه"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ARABIC_SAMPLE + "abc .,", max_size=60))
def test_every_normalized_char_maps_into_original(text: str) -> None:
    n = normalize(text)
    for i in range(len(n.text)):
        j = n.to_original(i)
        assert 0 <= j < len(text)
        # a kept character maps to itself or to the character it was folded from
        assert normalize(text[j]).text in ("", n.text[i]) or len(normalize(text[j]).text) > 1
    # offsets are monotonic
    mapped = [n.to_original(i) for i in range(len(n.text))]
    assert mapped == sorted(mapped)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ARABIC_SAMPLE + " ", min_size=1, max_size=40))
def test_round_trip_of_spans(text: str) -> None:
    n = normalize(text)
    for i in range(len(n.text)):
        s, e = n.span_to_original(i, i + 1)
        assert normalize(text[s:e]).text == n.text[i] or len(normalize(text[s:e]).text) >= 1
        assert n.to_normalized(s) <= i


@given(st.text(alphabet=ARABIC_SAMPLE + " \tabcXYZ", max_size=30))
@settings(max_examples=200)
def test_memoized_word_folding_matches_the_fold(raw: str) -> None:
    """normalize_word / normalize_headword are cached: the answer is the same as folding anew."""
    from marsad.text.normalize import has_article, normalize_headword

    expected = " ".join(normalize(raw).text.split())
    assert normalize_word(raw) == expected
    assert normalize_word(raw) == expected  # from the cache
    s = raw.strip()
    assert normalize_headword(raw) == normalize_word(s[2:] if has_article(s) else s)

"""The fast paths of the text model give exactly what the plain per-character code gave.

Each reference below is the straightforward implementation the fast one replaced (kept here, not
in the package, as the executable definition of the behaviour): folding with ``str.translate``,
scanning every character for sentence ends, splitting every word without a cache, a linear
sentence look-up, and the lexicon matcher with a function call per character.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable, Collection, Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.match import build_automaton, find_forms, is_word_char
from marsad.text.normalize import _ONE_TO_ONE, _TABLE, fold, normalize
from marsad.text.segment import (
    _ARABIC,
    _CLOSE_QUOTES,
    _OPEN_QUOTES,
    _TERMINATORS,
    Segmentation,
    Token,
    _cuts,
    _strip,
    segment,
    split_sentences,
    tokenize,
)

# -- references ------------------------------------------------------------------------------


def ref_split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    closers: list[str] = []
    straight_open = False
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN_QUOTES:
            closers.append(_OPEN_QUOTES[ch])
        elif ch in _CLOSE_QUOTES and closers:
            if ch in closers:
                while closers and closers.pop() != ch:
                    pass
        elif ch == '"':
            straight_open = not straight_open
        elif ch in _TERMINATORS and not closers and not straight_open:
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in "\"'»”)"):
                j += 1
            if j >= end or text[j].isspace():
                k = i - 1
                while k >= s and not text[k].isspace():
                    k -= 1
                word = text[k + 1 : i]
                if not (ch == "." and len(word) == 1 and _ARABIC.match(word)):
                    a, b = _strip(text, s, j)
                    if b > a:
                        out.append((a, b))
                    s = j
                    i = j
                    continue
        i += 1
    a, b = _strip(text, s, end)
    if b > a:
        out.append((a, b))
    return out


def ref_tokenize(text: str, vocabulary: Collection[str] = ()) -> list[tuple[int, int, str, int]]:
    import re

    token = re.compile(
        r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
        r"|[^\W\d_]+(?:[\u064b-\u065f\u0670\u0640\u200c\u200d]+[^\W\d_]*)*|\S"
    )
    out: list[tuple[int, int, str, int]] = []
    word = -1
    last_end = -1
    for m in token.finditer(text):
        s, e = m.span()
        if s != last_end:
            word += 1
        last_end = e
        surface = m.group()
        if surface[0].isdigit():
            out.append((s, e, "number", word))
        elif len(surface) == 1 and not surface.isalpha():
            out.append((s, e, "punct", word))
        else:
            cut1, cut2 = _cuts(surface, vocabulary)
            if cut1 is not None:
                out.append((s, s + cut1, "proclitic", word))
            out.append(
                (s + (cut1 or 0), s + (len(surface) if cut2 is None else cut2), "word", word)
            )
            if cut2 is not None:
                out.append((s + cut2, e, "enclitic", word))
    return out


def ref_find_forms(
    automaton: Any,
    norm: str,
    accept: Callable[[str, str, Any], bool],
    start: int = 0,
    end: int | None = None,
) -> list[tuple[Any, ...]]:
    n = len(norm)
    end = n if end is None else end
    cands = []
    for end_idx, (form, targets) in automaton.iter(norm, start, end):
        s = end_idx - len(form) + 1
        e = end_idx + 1
        ws = s
        while ws > 0 and is_word_char(norm[ws - 1]):
            ws -= 1
        we = e
        while we < n and is_word_char(norm[we]):
            we += 1
        prefix, suffix = norm[ws:s], norm[e:we]
        ok = tuple(t for t in targets if accept(prefix, suffix, t))
        if ok:
            cands.append((s, e, ws, we, prefix, suffix, form, ok))
    cands.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken = bytearray(n + 1)
    chosen = []
    for h in cands:
        if any(taken[h[0] : h[1]]):
            continue
        taken[h[0] : h[1]] = b"\x01" * (h[1] - h[0])
        chosen.append(h)
    chosen.sort(key=lambda h: h[0])
    return chosen


def ref_sentence_at(sentences: Sequence[tuple[int, int]], offset: int) -> int:
    best = 0
    for i, (s, _) in enumerate(sentences):
        if s <= offset:
            best = i
    return best


# -- strategies ------------------------------------------------------------------------------

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوىيةأإآءؤئ"
MARKS = 'ًٌَُِّـ«»“”„".؟!…،:\n '
FOLDED = "".join(_ONE_TO_ONE)
texts = st.text(alphabet=ARABIC + MARKS + FOLDED + "abcXYZ019٣٤۵", max_size=400)
prose = st.text(alphabet=ARABIC + MARKS + "0123456789", max_size=200)


# -- normalization ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(texts)
def test_fold_is_translate(text: str) -> None:
    assert fold(text) == text.translate(_TABLE)
    long = text * 3  # past the length where fold stops using translate
    assert fold(long) == long.translate(_TABLE)


def test_fold_of_every_folded_character() -> None:
    text = " ".join(_ONE_TO_ONE) * 2
    assert len(text) > 80
    assert fold(text) == text.translate(_TABLE)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["", "ً", "ـــ"]), st.text(alphabet=ARABIC + " .«»0", max_size=30))
def test_span_to_original_matches_point_mapping(lead: str, text: str) -> None:
    """The span mapping's shortcut for a text with one anchor agrees with mapping each end."""
    nz = normalize(lead + text)
    n = len(nz.text)
    for s in range(n + 2):
        for e in range(s + 1, n + 2):
            want = (nz.to_original(s), nz.to_original(e - 1) + 1)
            assert nz.span_to_original(s, e) == want


# -- matching --------------------------------------------------------------------------------


def test_word_char_is_isalnum() -> None:
    """find_forms scans word boundaries with str.isalnum: that must be is_word_char."""
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        assert is_word_char(ch) == ch.isalnum(), hex(c)


FORMS = ["روسيا", "مصر", "قال", "زار", "وزير", "وزير الخارجيه", "الرئيس", "بوتين", "ا"]
AUTOMATON = build_automaton((f, [f"T{i}", f"U{i}"][: 1 + i % 2]) for i, f in enumerate(FORMS))


def _accept(prefix: str, suffix: str, target: str) -> bool:
    return len(prefix) <= 3 and (target.startswith("T") or suffix in ("", "ه", "ها"))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*FORMS, "و", "ب", "ال", "ه", "ها", " ", " ", "،", ".", "x"]), max_size=40
    ),
    st.integers(0, 30),
    st.integers(0, 300),
)
def test_find_forms_matches_reference(pieces: list[str], start: int, length: int) -> None:
    norm = "".join(pieces)
    start = min(start, len(norm))
    end = min(len(norm), start + length)
    got = [
        (h.start, h.end, h.wstart, h.wend, h.prefix, h.suffix, h.form, h.targets)
        for h in find_forms(AUTOMATON, norm, _accept, start, end)
    ]
    assert got == ref_find_forms(AUTOMATON, norm, _accept, start, end)


# -- segmentation ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(prose)
def test_split_sentences_matches_reference(text: str) -> None:
    assert split_sentences(text, 0, len(text)) == ref_split_sentences(text, 0, len(text))
    if len(text) > 4:
        assert split_sentences(text, 2, len(text) - 1) == ref_split_sentences(
            text, 2, len(text) - 1
        )


VOCABULARY = frozenset({"روسيا", "الكرملين", "مصر"})


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["وأكد", "لروسيا", "بالمئة", "زيارته", "فالرئيس", "وللكرملين", "ومصر"])
        | prose,
        max_size=20,
    )
)
def test_tokenize_matches_reference(words: list[str]) -> None:
    text = " ".join(words)
    want = ref_tokenize(text, VOCABULARY)
    assert [tuple(t) for t in tokenize(text, vocabulary=VOCABULARY)] == want
    assert [tuple(t) for t in tokenize(text, vocabulary=set(VOCABULARY))] == want  # no cache


@settings(max_examples=200, deadline=None)
@given(prose)
def test_lazy_tokens_are_the_eager_ones(text: str) -> None:
    seg = segment(text, VOCABULARY)
    eager = Segmentation(seg.paragraphs, seg.sentences, tokenize(text, vocabulary=VOCABULARY))
    assert seg == eager
    assert seg.tokens == eager.tokens
    back = pickle.loads(pickle.dumps(segment(text, VOCABULARY)))
    assert back == eager and back.tokens == eager.tokens
    for offset in range(-1, len(text) + 2):
        assert seg.sentence_at(offset) == ref_sentence_at(seg.sentences, offset)


def test_tokens_are_named_tuples() -> None:
    t = Token(3, 7, "word", 1)
    assert (t.start, t.end, t.kind, t.word) == (3, 7, "word", 1)
    assert pickle.loads(pickle.dumps(t)) == t and type(pickle.loads(pickle.dumps(t))) is Token


def test_segmentation_needs_tokens_or_text() -> None:
    import pytest

    with pytest.raises(TypeError):
        Segmentation([], [])

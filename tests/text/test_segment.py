from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.segment import segment, split_sentences, tokenize

TEXT = (
    "زار الرئيس التركي أنقرة أمس. وقال في مؤتمر صحفي: «لن نتراجع. هذا موقفنا». "
    "ثم غادر إلى باكو؟ نعم!\n\n"
    "وأكد د. أحمد أن النمو بلغ 17.5 بالمئة."
)


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_paragraphs_and_sentences() -> None:
    seg = segment(TEXT)
    assert len(seg.paragraphs) == 2
    sents = _texts(TEXT, seg.sentences)
    assert sents[0] == "زار الرئيس التركي أنقرة أمس."
    # the quotation is not cut at its inner full stop
    assert sents[1] == "وقال في مؤتمر صحفي: «لن نتراجع. هذا موقفنا»."
    assert sents[2] == "ثم غادر إلى باكو؟"
    # no split after a one-letter abbreviation nor inside a number
    assert sents[-1] == "وأكد د. أحمد أن النمو بلغ 17.5 بالمئة."


def test_clitics_are_split() -> None:
    text = "وبالعاصمة ولروسيا وزيارته"
    pieces = [(text[t.start : t.end], t.kind) for t in tokenize(text, vocabulary={"روسيا"})]
    assert ("وبال", "proclitic") in pieces
    assert ("عاصمة", "word") in pieces
    assert ("ول", "proclitic") in pieces and ("روسيا", "word") in pieces
    assert ("زيارت", "word") in pieces and ("ه", "enclitic") in pieces


def test_protected_words_are_not_split() -> None:
    text = "وزير فرنسا بوتين"
    kinds = [t.kind for t in tokenize(text)]
    assert kinds == ["word", "word", "word"]


def test_numbers_and_punctuation() -> None:
    text = "بلغ 4.4 مليارات، أي ٣٠٠ مليون."
    pieces = [(text[t.start : t.end], t.kind) for t in tokenize(text)]
    assert ("4.4", "number") in pieces
    assert ("٣٠٠", "number") in pieces
    assert ("،", "punct") in pieces


def test_sentence_without_terminator() -> None:
    assert _texts("بلا نقطة", split_sentences("بلا نقطة", 0, 8)) == ["بلا نقطة"]


ALPHABET = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوىيةأإآءؤئ ًٌَُِ«»".؟!،\n 0123456789'


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_every_span_is_what_its_offsets_say(text: str) -> None:
    seg = segment(text)
    for s, e in seg.paragraphs + seg.sentences:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
    # sentences lie inside paragraphs, in order, without overlap
    last = 0
    for s, e in seg.sentences:
        assert s >= last
        last = e
        assert any(ps <= s and e <= pe for ps, pe in seg.paragraphs)
    # tokens cover every non-space character exactly once, in order
    covered = "".join(text[t.start : t.end] for t in seg.tokens)
    assert covered == "".join(ch for ch in text if not ch.isspace())


_WORDS = ["وأكد", "لروسيا", "بالمئة", "زيارته", "فالرئيس", "وللكرملين", "كتابها", "ومصر", "علييف"]


@given(st.lists(st.sampled_from([*_WORDS, "،", ".", "2024", "\n\n"]), max_size=40))
@settings(max_examples=100)
def test_cached_word_split_matches_uncached(words: list[str]) -> None:
    """Word splits are cached per (surface, vocabulary); an unhashable vocabulary takes the uncached
    path, and both give the same tokens."""
    text = " ".join(words)
    vocabulary = ["روسيا", "الكرملين", "مصر"]
    cached = tokenize(text, vocabulary=frozenset(vocabulary))
    assert cached == tokenize(text, vocabulary=vocabulary)
    assert cached == tokenize(text, vocabulary=frozenset(vocabulary))  # from the cache
    assert all(text[t.start : t.end] for t in cached)


def test_tokens_pickle_to_equal_tokens() -> None:
    """Worker processes send segmentations back pickled; tokens pickle as constructor calls."""
    import pickle

    seg = segment(TEXT)
    back = pickle.loads(pickle.dumps(seg))
    assert back == seg
    assert all(type(t) is type(seg.tokens[0]) for t in back.tokens)

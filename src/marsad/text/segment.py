"""Paragraphs, sentences and tokens as ``(start, end)`` offsets into the clean text.

Sentences end at ``. ! ? ؟ …`` (and at a paragraph break) but not inside a
quotation, not after a one-letter abbreviation (``د.``) and not inside a number
(``17.5``).  Tokens are words, numbers and punctuation marks; Arabic words are
further split into proclitics (و ف ب ل ك س ال), a stem and an enclitic pronoun
(ه ها هما هم هن ك كم كما كن نا ي) when the stem that remains is long enough to be a
word, or is a known word.  Clitic tokens keep their own offsets, so
``text[t.start:t.end]`` is always the token's surface.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Hashable
from operator import itemgetter
from typing import Any, NamedTuple

from marsad.resources import data_path
from marsad.text.normalize import normalize, normalize_word

_PARA = re.compile(r"[^\n]+")
_TOKEN = re.compile(
    r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*|[^\W\d_]+(?:[\u064b-\u065f\u0670\u0640\u200c\u200d]+[^\W\d_]*)*|\S"
)
_OPEN_QUOTES = {"«": "»", "“": "”", "„": "“"}
_CLOSE_QUOTES = {"»", "”"}
_TERMINATORS = set(".!?؟…")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_first = itemgetter(0)
_MARKS = re.compile("[" + re.escape('«“„»”".!?؟…') + "]")

# Proclitic chains, longest first (on the normalized form).
_PROCLITICS = sorted(
    {
        a + b + c
        for a in ("", "و", "ف")
        for b in ("", "ب", "ل", "ك", "س")
        for c in ("", "ال")
        if a + b + c and not (b == "س" and c)
    }
    | {"لل", "ولل", "فلل"},
    key=len,
    reverse=True,
)
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")


def _load_protected() -> frozenset[str]:
    lines = data_path("text", "protected_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_word(w) for w in lines if w.strip() and not w.startswith("#"))


PROTECTED = _load_protected()


class Token(NamedTuple):
    """One piece of a word (or a number, or a punctuation mark): ``text[start:end]``.

    A named tuple rather than a dataclass: an article has about a thousand tokens, and a tuple is
    made three times faster than a frozen dataclass and pickles as one constructor call (a worker
    process sends tokens back to the writer)."""

    start: int
    end: int
    kind: str  # "word" | "proclitic" | "enclitic" | "number" | "punct"
    word: int  # index of the whitespace-delimited word this piece belongs to


class Segmentation:
    """Paragraphs, sentences and tokens of one text.

    Paragraphs and sentences are made at once; the tokens, when made by :func:`segment`, only on
    first use: no pipeline stage reads them (the store does, for its search text), and making them
    was most of the time segmentation took.  Either way ``tokens`` is the same list.
    """

    __slots__ = ("_pending", "_tokens", "paragraphs", "sentences")

    def __init__(
        self,
        paragraphs: list[tuple[int, int]],
        sentences: list[tuple[int, int]],
        tokens: list[Token] | None = None,
        *,
        text: str | None = None,
        vocabulary: Collection[str] = (),
    ) -> None:
        """``tokens`` as made, or ``text`` (and the tokenizer's ``vocabulary``) to make them from."""
        if tokens is None and text is None:
            raise TypeError("Segmentation needs its tokens or the text to make them from")
        self.paragraphs = paragraphs
        self.sentences = sentences
        self._tokens = tokens
        self._pending: tuple[str, Collection[str]] | None = (
            None if tokens is not None else (text or "", vocabulary)
        )

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            assert self._pending is not None
            text, vocabulary = self._pending
            self._tokens = tokenize(text, vocabulary=vocabulary)
            self._pending = None
        return self._tokens

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Segmentation):
            return NotImplemented
        return (
            self.paragraphs == other.paragraphs
            and self.sentences == other.sentences
            and self.tokens == other.tokens
        )

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside, as the dataclass was

    def __repr__(self) -> str:
        return (
            f"Segmentation(paragraphs={self.paragraphs!r}, sentences={self.sentences!r}, "
            f"tokens={self.tokens!r})"
        )

    def __reduce__(self) -> tuple[type[Segmentation], tuple[Any, ...]]:
        """Pickle with the tokens made: the text and the vocabulary are not worth sending."""
        return (Segmentation, (self.paragraphs, self.sentences, self.tokens))

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the nearest one before it; 0 if none)."""
        return max(0, bisect_right(self.sentences, offset, key=_first) - 1)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph ``text[start:end]``.

    Only quotation marks and terminators change the state, so the scan jumps from one to the next
    with a regex instead of looking at every character in Python."""
    out: list[tuple[int, int]] = []
    s = start
    closers: list[str] = []
    straight_open = False
    search = _MARKS.search
    i = start
    while (m := search(text, i, end)) is not None:
        i = m.start()
        ch = m.group()
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
                # not after a one-letter abbreviation such as "د." or "أ."
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


Pieces = tuple[tuple[int, int, str], ...]  # (start, end, kind) of each piece, relative to the word


def _pieces(surface: str, vocabulary: Collection[str]) -> Pieces:
    """How one token of the token regex splits: a number, a mark, or up to three word pieces."""
    if surface[0].isdigit():
        return ((0, len(surface), "number"),)
    if len(surface) == 1 and not surface.isalpha():
        return ((0, 1, "punct"),)
    cut1, cut2 = _cuts(surface, vocabulary)
    out: list[tuple[int, int, str]] = []
    if cut1 is not None:
        out.append((0, cut1, "proclitic"))
    out.append((cut1 or 0, len(surface) if cut2 is None else cut2, "word"))
    if cut2 is not None:
        out.append((cut2, len(surface), "enclitic"))
    return tuple(out)


# The split of a token depends on its surface form and the vocabulary alone, and news repeats its
# words: one dict of splits per vocabulary (looked up once per text, then a plain dict lookup per
# token) made tokenizing a news-length article several times faster than splitting every word.
_SPLITS: dict[Collection[str], dict[str, Pieces]] = {}
_SPLITS_MAX_VOCABULARIES = 8
_SPLITS_MAX_WORDS = 1 << 16


def _splits_for(vocabulary: Collection[str]) -> dict[str, Pieces] | None:
    """The split cache of a hashable vocabulary (None for a list or a set: no cache)."""
    if not isinstance(vocabulary, Hashable):
        return None
    cache = _SPLITS.get(vocabulary)
    if cache is None:
        if len(_SPLITS) >= _SPLITS_MAX_VOCABULARIES:
            _SPLITS.clear()
        cache = _SPLITS[vocabulary] = {}
    elif len(cache) >= _SPLITS_MAX_WORDS:
        cache.clear()
    return cache


def _cuts(surface: str, vocabulary: Collection[str]) -> tuple[int | None, int | None]:
    """Where the proclitic ends and the enclitic starts in ``surface`` (None: there is none)."""
    norm = normalize(surface)
    n = norm.text
    if not _ARABIC.match(n) or len(n) < 4 or n in vocabulary:
        return None, None
    if n in PROTECTED:
        return None, None
    pre = ""
    for p in _PROCLITICS:
        if n.startswith(p):
            rest = n[len(p) :]
            if p.endswith("ال") or p.endswith("لل"):
                ok = len(rest) >= 2
            else:
                known = rest in vocabulary or rest in PROTECTED
                ok = known if len(p) > 1 else known or len(rest) >= (3 if p in "وف" else 4)
            if ok:
                pre = p
                break
    stem = n[len(pre) :]
    post = ""
    if stem not in vocabulary and stem not in PROTECTED and not surface.endswith("ة"):
        for e in _ENCLITICS:
            if stem.endswith(e) and len(stem) - len(e) >= 3:
                base = stem[: -len(e)]
                # the pronoun after a feminine noun shows as ت (زيارته); otherwise ask for a long stem
                if base in vocabulary or base.endswith("ت") or (len(base) >= 4 and e != "ي"):
                    post = e
                    break
    cut1 = norm.to_original(len(pre)) if pre else None
    cut2 = norm.to_original(len(n) - len(post)) if post else None
    return cut1, cut2


def tokenize(
    text: str, start: int = 0, end: int | None = None, vocabulary: Collection[str] = ()
) -> list[Token]:
    """Tokens of ``text[start:end]`` with clitics split off Arabic words."""
    end = len(text) if end is None else end
    cache = _splits_for(vocabulary)
    out: list[Token] = []
    append = out.append
    new = tuple.__new__
    word = -1
    last_end = -1
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        if s != last_end:
            word += 1
        last_end = e
        surface = m.group()
        if cache is None:
            pieces = _pieces(surface, vocabulary)
        else:
            got = cache.get(surface)
            if got is None:
                got = cache[surface] = _pieces(surface, vocabulary)
            pieces = got
        for ps, pe, kind in pieces:
            append(new(Token, (s + ps, s + pe, kind, word)))
    return out


def segment(text: str, vocabulary: Collection[str] = ()) -> Segmentation:
    """Split clean text into paragraphs, sentences and tokens (the tokens made on first use)."""
    paragraphs: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    for m in _PARA.finditer(text):
        a, b = _strip(text, *m.span())
        if b > a:
            paragraphs.append((a, b))
            sentences.extend(split_sentences(text, a, b))
    return Segmentation(paragraphs, sentences, text=text, vocabulary=vocabulary)

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
from collections.abc import Collection, Hashable
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    kind: str  # "word" | "proclitic" | "enclitic" | "number" | "punct"
    word: int  # index of the whitespace-delimited word this piece belongs to

    def __reduce__(self) -> tuple[type[Token], tuple[int, int, str, int]]:
        """Pickle as a constructor call.  A slotted dataclass otherwise unpickles field by field
        in Python, which made taking back an article's tokens from a worker process (about a
        thousand) cost as much as the whole pipeline on it."""
        return (Token, (self.start, self.end, self.kind, self.word))


@dataclass(frozen=True, slots=True)
class Segmentation:
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    tokens: list[Token]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the nearest one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid][0] <= offset:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph ``text[start:end]``."""
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


def _split_word(
    text: str, start: int, end: int, word: int, vocabulary: Collection[str]
) -> list[Token]:
    surface = text[start:end]
    if isinstance(vocabulary, Hashable):
        cut1, cut2 = _cuts(surface, vocabulary)
    else:  # an unhashable vocabulary (a list or set): no cache
        cut1, cut2 = _cuts.__wrapped__(surface, vocabulary)
    out: list[Token] = []
    if cut1 is not None:
        out.append(Token(start, start + cut1, "proclitic", word))
    out.append(
        Token(start + (cut1 or 0), start + (len(surface) if cut2 is None else cut2), "word", word)
    )
    if cut2 is not None:
        out.append(Token(start + cut2, end, "enclitic", word))
    return out


# The split of a word depends on its surface form and the vocabulary alone, and news repeats its
# words: caching it made segmentation about three times faster on news-length articles.
@lru_cache(maxsize=1 << 16)
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
    out: list[Token] = []
    word = -1
    last_end = -1
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        if s != last_end:
            word += 1
        last_end = e
        surface = m.group()
        if surface[0].isdigit():
            out.append(Token(s, e, "number", word))
        elif len(surface) == 1 and not surface.isalpha():
            out.append(Token(s, e, "punct", word))
        else:
            out.extend(_split_word(text, s, e, word, vocabulary))
    return out


def segment(text: str, vocabulary: Collection[str] = ()) -> Segmentation:
    """Split clean text into paragraphs, sentences and tokens."""
    paragraphs: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    for m in _PARA.finditer(text):
        a, b = _strip(text, *m.span())
        if b > a:
            paragraphs.append((a, b))
            sentences.extend(split_sentences(text, a, b))
    tokens = tokenize(text, vocabulary=vocabulary)
    return Segmentation(paragraphs, sentences, tokens)

"""A normalized view of Arabic text for matching, with a map back to the original offsets.

Matching never runs on the raw text: hamza/alef forms, alef maqsura, taa marbuta,
diacritics, tatweel, digit systems, presentation forms, bidi and zero-width marks,
quote and dash variants all differ between outlets.  :func:`normalize` folds them
and keeps enough bookkeeping (a sparse list of anchors) to map any offset of the
normalized text back to the original, so every record still points at the
characters the reader sees.

Most characters are folded one-for-one with :py:meth:`str.translate` (fast, in
C); only deletions (diacritics, tatweel, invisible marks) and expansions
(presentation-form ligatures) change the length, and each of those adds an
anchor.  Text without such characters gets an identity map for free.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

# -- one-for-one folds -------------------------------------------------------
_ONE_TO_ONE: dict[str, str] = {
    # alef with hamza/madda/wasla -> bare alef
    "\u0623": "\u0627",
    "\u0625": "\u0627",
    "\u0622": "\u0627",
    "\u0671": "\u0627",
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    # alef maqsura and Persian/Urdu yeh -> yaa; taa marbuta -> haa; keheh -> kaf
    "\u0649": "\u064a",
    "\u06cc": "\u064a",
    "\u06d2": "\u064a",
    "\u0629": "\u0647",
    "\u06c0": "\u0647",
    "\u06be": "\u0647",
    "\u06c1": "\u0647",
    "\u06a9": "\u0643",
    # quotes and dashes
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    # spaces
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\t": " ",
    # Arabic punctuation that has an ASCII twin in numbers
    "\u066a": "%",
    "\u066b": ".",
    "\u066c": ",",
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits
for _i in range(0x2000, 0x200B):
    _ONE_TO_ONE[chr(_i)] = " "
for _c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _ONE_TO_ONE[_c] = _c.lower()
_TABLE = str.maketrans(_ONE_TO_ONE)
# The same folds as (old, new) pairs for :func:`fold`.  ``str.translate`` with a dict looks every
# character up in Python objects (about 55 ns a character: most of the time normalizing a news
# article took); checking for each of the hundred or so folded characters with ``in`` and
# replacing the few that occur runs in C over the whole text, five to six times faster on an
# article.  No fold produces a character that is folded again, so the order does not matter.
_PAIRS: tuple[tuple[str, str], ...] = tuple(_ONE_TO_ONE.items())
assert not set(_ONE_TO_ONE.values()) & set(_ONE_TO_ONE), "a fold must not produce a folded char"
_SHORT = 80  # below this length translate's per-character cost is less than a hundred scans


def fold(text: str) -> str:
    """The one-for-one folds of ``text`` (what ``text.translate(_TABLE)`` gives, faster)."""
    if len(text) < _SHORT:
        return text.translate(_TABLE)
    for old, new in _PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


# -- characters that are dropped ---------------------------------------------
_DELETE_CLASS = (
    "\u0610-\u061a"  # Quranic honorifics
    "\u064b-\u065f"  # harakat, tanween, shadda, sukun, ...
    "\u0670"  # superscript alef
    "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # Quranic annotation marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad"  # invisible marks
)
_PRESENTATION_CLASS = "\ufb50-\ufdff\ufe70-\ufefc"
_SPECIAL = re.compile(f"[{_DELETE_CLASS}]+|[{_PRESENTATION_CLASS}]")
_DELETE = re.compile(f"[{_DELETE_CLASS}]")
_SPACES = re.compile(r"\s+")


def _fold_presentation(ch: str) -> str:
    """Decompose one presentation-form character and fold the result."""
    return _DELETE.sub("", unicodedata.normalize("NFKC", ch).translate(_TABLE))


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalized view ``text`` of ``original`` and the offset map between them.

    ``_anchors_norm[k]`` in the normalized text corresponds to ``_anchors_orig[k]``
    in the original; between two anchors offsets move in step.
    """

    original: str
    text: str
    _anchors_norm: list[int] = field(default_factory=lambda: [0])
    _anchors_orig: list[int] = field(default_factory=lambda: [0])

    @property
    def identity(self) -> bool:
        return len(self._anchors_norm) == 1 and self._anchors_orig[0] == 0

    def to_original(self, i: int) -> int:
        """Original offset of the character at normalized offset ``i`` (``i == len`` maps to the end)."""
        if i >= len(self.text):
            return len(self.original)
        k = bisect_right(self._anchors_norm, i) - 1
        return self._anchors_orig[k] + (i - self._anchors_norm[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalized span to the half-open original span it covers."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        if len(self._anchors_norm) == 1 and end <= len(self.text):  # offsets move in step
            shift = self._anchors_orig[0] - self._anchors_norm[0]
            return start + shift, end + shift
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_normalized(self, j: int) -> int:
        """Normalized offset of original offset ``j`` (a dropped character maps to the next kept one)."""
        if self.identity:
            return j
        k = bisect_right(self._anchors_orig, j) - 1
        if k < 0:
            return 0
        if self._anchors_orig[k] == j:  # an expansion: several anchors share j, take the first
            k = bisect_left(self._anchors_orig, j)
        n = self._anchors_norm[k] + (j - self._anchors_orig[k])
        nxt = self._anchors_norm[k + 1] if k + 1 < len(self._anchors_norm) else len(self.text)
        return min(n, nxt)

    def span_to_normalized(self, start: int, end: int) -> tuple[int, int]:
        return self.to_normalized(start), self.to_normalized(end)


def normalize(text: str) -> Normalized:
    """Return the normalized view of ``text`` with its offset map."""
    folded = fold(text)
    if _SPECIAL.search(folded) is None:
        return Normalized(text, folded)
    pieces: list[str] = []
    anchors_n = [0]
    anchors_o = [0]
    pos = 0
    npos = 0
    for m in _SPECIAL.finditer(folded):
        s, e = m.span()
        pieces.append(folded[pos:s])
        npos += s - pos
        g = m.group()
        if "\ufb50" <= g[0] <= "\ufefc":
            repl = _fold_presentation(g)
            for j in range(len(repl)):
                anchors_n.append(npos + j)
                anchors_o.append(s)
            pieces.append(repl)
            npos += len(repl)
        anchors_n.append(npos)
        anchors_o.append(e)
        pos = e
    pieces.append(folded[pos:])
    # collapse anchors that share a normalized position: the last one wins
    dn: list[int] = []
    do: list[int] = []
    for n, o in zip(anchors_n, anchors_o, strict=True):
        if dn and dn[-1] == n:
            do[-1] = o
        else:
            dn.append(n)
            do.append(o)
    return Normalized(text, "".join(pieces), dn, do)


# Word-level normalization is memoized: stages fold the same lexicon words and the same few
# words of context over and over (on a 700-word article the event stage asked for ~9,000
# foldings of fewer than 200 distinct strings), and the result depends on the string alone.
_WORD_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def normalize_word(text: str) -> str:
    """Normalize a lexicon string: fold as :func:`normalize` does and collapse whitespace."""
    return _SPACES.sub(" ", normalize(text).text).strip()


def has_article(text: str) -> bool:
    """Whether a lexicon string begins with the article ال (bare alef: ألبان and إلهام do not)."""
    s = text.strip()
    return s.startswith("ال") and len(s) > 4


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def normalize_headword(text: str) -> str:
    """Normalize a lexicon string and drop its article, which the matcher accepts as a proclitic."""
    s = text.strip()
    return normalize_word(s[2:] if has_article(s) else s)

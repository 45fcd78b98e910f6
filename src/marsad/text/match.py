"""Clitic-aware lexicon matching over a normalized text.

A lexicon is compiled into one Aho-Corasick automaton whose values are
``(form, targets)``.  :func:`find_forms` reports each form found at word
boundaries, where the word may carry proclitics before the form and enclitics
after it; the caller's ``accept`` decides, per target, which prefix and suffix
it tolerates.  Overlaps are resolved longest match first.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ahocorasick

from marsad.text.normalize import Normalized

T = TypeVar("T")


def is_word_char(ch: str) -> bool:
    """A letter or digit of any script (the Arabic letters U+0621..U+064A are all alphanumeric;
    the range is spelled out for the reader, and a test checks that it adds nothing)."""
    return ch.isalnum() or "\u0621" <= ch <= "\u064a"


@dataclass(slots=True)
class Hit(Generic[T]):
    start: int  # normalized offsets of the matched form
    end: int
    wstart: int  # start of the whole word (with its proclitics)
    wend: int  # end of the whole word (with its enclitics)
    prefix: str
    suffix: str
    form: str
    targets: tuple[T, ...]

    @property
    def mstart(self) -> int:
        """Start of the mention: the form, with its article when the text gives one (الروسية)."""
        return self.start - 2 if self.prefix.endswith("ال") else self.start


def build_automaton(forms: Iterable[tuple[str, Sequence[T]]]) -> Any:
    a = ahocorasick.Automaton()
    for form, targets in forms:
        a.add_word(form, (form, tuple(targets)))
    a.make_automaton()
    return a


def find_forms(
    automaton: Any,
    norm: str,
    accept: Callable[[str, str, T], bool],
    start: int = 0,
    end: int | None = None,
    original: Normalized | None = None,
) -> list[Hit[T]]:
    """Forms found in ``norm[start:end]`` whose targets accept their prefix and suffix, in text order.

    With ``original`` (the normalized view ``norm`` came from), a suffix that begins with a taa
    marbuta in the original (وفاة, not وفا + ه) is no pronoun: the form does not end the word there.
    """
    end = len(norm) if end is None else end
    return _resolve(_candidates(automaton, norm, accept, start, end, original), start, end)


def find_forms_in_spans(
    automaton: Any,
    norm: str,
    accept: Callable[[str, str, T], bool],
    spans: Sequence[tuple[int, int]],
    original: Normalized | None = None,
) -> list[list[Hit[T]]]:
    """:func:`find_forms` for each ``(start, end)`` of ``spans`` (a document's sentences), with
    one pass of the automaton over the text they cover instead of one per span.

    A span's forms are the candidates lying wholly inside it, which is what a pass over that span
    alone finds (the automaton starts afresh at ``start`` and stops at ``end``); the word
    boundaries are read in the whole text either way, and the overlaps are resolved per span, so
    each list equals ``find_forms(automaton, norm, accept, start, end, original)``.
    """
    if not spans:
        return []
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    cands = _candidates(automaton, norm, accept, lo, hi, original) if hi > lo else []
    # the automaton reports forms as it reads, so by their end: a span's forms are among those
    # ending inside it (the order in which _resolve gets them does not change what it keeps)
    ends = [h.end for h in cands]
    if ends != sorted(ends):  # (never seen: a guard, cheap on a sorted list)
        cands.sort(key=_end)
        ends = [h.end for h in cands]
    out: list[list[Hit[T]]] = []
    for s, e in spans:
        mine = [h for h in cands[bisect_right(ends, s) : bisect_right(ends, e)] if h.start >= s]
        out.append(_resolve(mine, s, e))
    return out


def _candidates(
    automaton: Any,
    norm: str,
    accept: Callable[[str, str, T], bool],
    start: int,
    end: int,
    original: Normalized | None,
) -> list[Hit[T]]:
    """Every form in ``norm[start:end]`` at word boundaries with its accepted targets, overlaps kept."""
    n = len(norm)
    cands: list[Hit[T]] = []
    add = cands.append
    # The word-boundary scans are is_word_char written out (it is str.isalnum: every letter of
    # U+0621..U+064A is alphanumeric): this runs for every automaton hit of every lexicon, several
    # hundred an article, and the calls cost more than the tests.
    for end_idx, (form, targets) in automaton.iter(norm, start, end):
        s = end_idx - len(form) + 1
        e = end_idx + 1
        ws = s
        while ws > 0 and norm[ws - 1].isalnum():
            ws -= 1
        we = e
        while we < n and norm[we].isalnum():
            we += 1
        prefix = norm[ws:s]
        suffix = norm[e:we]
        if (
            original is not None
            and suffix[:1] == "ه"
            and original.original[original.to_original(e)] == "ة"
        ):
            continue
        if len(targets) == 1:
            ok = targets if accept(prefix, suffix, targets[0]) else ()
        else:
            ok = tuple(t for t in targets if accept(prefix, suffix, t))
        if ok:
            add(Hit(s, e, ws, we, prefix, suffix, form, ok))
    return cands


def _resolve(cands: list[Hit[T]], start: int, end: int) -> list[Hit[T]]:
    """The candidates of ``norm[start:end]`` without overlaps, longest first, in text order."""
    if len(cands) <= 1:
        return cands
    cands.sort(key=_longest_first)
    taken = bytearray(end - start + 1)
    chosen: list[Hit[T]] = []
    for h in cands:
        a = h.start - start
        b = h.end - start
        if taken.find(1, a, b) >= 0:
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append(h)
    chosen.sort(key=_start)
    return chosen


def _longest_first(h: Hit[Any]) -> tuple[int, int]:
    return (h.start - h.end, h.start)


def _start(h: Hit[Any]) -> int:
    return h.start


def _end(h: Hit[Any]) -> int:
    return h.end

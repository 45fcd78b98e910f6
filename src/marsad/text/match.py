"""Clitic-aware lexicon matching over a normalized text.

A lexicon is compiled into one Aho-Corasick automaton whose values are
``(form, targets)``.  :func:`find_forms` reports each form found at word
boundaries, where the word may carry proclitics before the form and enclitics
after it; the caller's ``accept`` decides, per target, which prefix and suffix
it tolerates.  Overlaps are resolved longest match first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ahocorasick

from marsad.text.normalize import Normalized

T = TypeVar("T")


def is_word_char(ch: str) -> bool:
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
    n = len(norm)
    end = n if end is None else end
    cands: list[Hit[T]] = []
    for end_idx, (form, targets) in automaton.iter(norm, start, end):
        s = end_idx - len(form) + 1
        e = end_idx + 1
        ws = s
        while ws > 0 and is_word_char(norm[ws - 1]):
            ws -= 1
        we = e
        while we < n and is_word_char(norm[we]):
            we += 1
        prefix = norm[ws:s]
        suffix = norm[e:we]
        if (
            original is not None
            and suffix[:1] == "ه"
            and original.original[original.to_original(e)] == "ة"
        ):
            continue
        ok = tuple(t for t in targets if accept(prefix, suffix, t))
        if ok:
            cands.append(Hit(s, e, ws, we, prefix, suffix, form, ok))
    cands.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken = bytearray(n + 1)
    chosen: list[Hit[T]] = []
    for h in cands:
        if any(taken[h.start : h.end]):
            continue
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen

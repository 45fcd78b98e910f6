"""Regex building blocks for the time grammar, on normalized text.

The matcher never sees raw text: alef forms are bare alef, ى is ي, ة is ه,
digits are ASCII, dashes are ``-`` and diacritics and tatweel are gone (so
``الـ13`` is ``ال13``).  Word lists become trie-shaped alternations, which
the regex engine rejects in one or two steps at a position where no word
starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

S = "[ ]+"  # one or more spaces (tabs and odd spaces are spaces after normalization)
S0 = "[ ]*"
LB = r"(?<![^\W\d_])"  # not after a letter
RB = r"(?![^\W\d_])"  # not before a letter
CL = "(?:[وف]?[بلك]?)"  # proclitics, kept outside the expression's span
N1 = r"(?<![\d.,:])"  # a number starts here
N2 = r"(?!\d|[.,:]\d)"  # a number ends here (not a decimal, not a clock time)
SENTENCE_END = re.compile(r"[.!?؟؛\n]")


Trie = dict[str, "Trie"]


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` shaped as a trie (longest alternative first).

    A space inside a word matches one or more spaces.
    """
    trie: Trie = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: Trie) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            head = S if ch == " " else re.escape(ch)
            branches.append(head + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    out = build(trie)
    return f"(?:{out})"


def collapse(s: str | None) -> str:
    """A matched phrase with its spaces collapsed, for dictionary look-up."""
    return " ".join(s.split()) if s else ""

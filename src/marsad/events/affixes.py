"""The clitics a trigger or a common noun of people may carry, and the conjunction glued to a
function word.

Matching runs on bare forms, so which prefixes (و، ف، س، ال، ب، ل ...) and enclitic pronouns a hit
may carry decides whether a match is a word at all (وزارة is not و + زار + ة). The trigger
automaton, the generic-actor automaton and the rules that read the words around a trigger all
apply the same decisions, so they live here once.
"""

from __future__ import annotations

from marsad.events.lexicon import TriggerForm

_VERB_PREFIXES = frozenset({"", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"})


_NOUN_PREFIXES = frozenset(
    {
        "",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "ال",
        "وال",
        "بال",
        "لل",
        "فال",
        "كال",
        "وب",
        "ول",
        "فب",
        "فل",
        "وبال",
        "ولل",
    }
)


_ENCLITICS = frozenset({"", "ه", "ها", "هم", "هما", "هن", "نا", "كم", "ك", "ي", "ت"})


def _accept(prefix: str, suffix: str, t: TriggerForm) -> bool:
    if t.kind == "verb":
        return prefix in _VERB_PREFIXES and suffix in _ENCLITICS
    if t.kind == "phrase":
        return prefix in _NOUN_PREFIXES or prefix in _VERB_PREFIXES
    if t.construct:  # زيارته: the ت of ة before a pronoun, never a word by itself
        return prefix in _NOUN_PREFIXES and suffix != "" and suffix in _ENCLITICS
    return prefix in _NOUN_PREFIXES and suffix in _ENCLITICS


def _accept_generic(prefix: str, suffix: str, _: int) -> bool:
    return prefix in _NOUN_PREFIXES and suffix in ("", "ه", "ها", "هم")  # قواته: its forces


def _unwaw(word: str) -> str:
    """A function word without the conjunction glued to it (ولن -> لن, فإذا -> اذا)."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _since_last(text: str, marks: str) -> int:
    """Where the stretch after the last of ``marks`` in ``text`` begins (0 when none is there):
    the clause or sentence a trigger's words before it belong to."""
    return max(text.rfind(c) for c in marks) + 1

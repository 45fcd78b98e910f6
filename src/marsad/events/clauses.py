"""Where a mention sits in its clause, for choosing the agent of a governed verbal noun.

A verbal noun of purpose (للمشاركة، لبحث) takes as agent the subject of the main clause. The
actor named last before it is often not that subject but the object of a preposition, or an
adjective or name inside one ("سافر الوزير إلى العاصمة الأرمينية يريفان للمشاركة"): such
mentions must not be taken for the agent.
"""

from __future__ import annotations

from marsad.text.normalize import normalize_word

# prepositions that open a phrase whose nouns are never the clause's subject
_PREPOSITIONS = frozenset(
    {"الي", "في", "علي", "من", "عن", "مع", "ضد", "لدي", "نحو", "تجاه", "حتي", "بين"}
)
# words that open a new clause: an actor after them may be a subject again
_CLAUSE_OPENERS = frozenset({"ان", "بان", "لان", "وان", "فان"})
_PUNCTUATION = "،,.؛;:!?؟()"
# quotation marks around a name (وكالة “سبوتنيك أذربيجان”) are not words
_QUOTES = "\"«»“”„'"
# how many words back a preposition may head the phrase (head noun + adjective)
_REACH = 3


def in_prepositional_phrase(text: str, start: int) -> bool:
    """True when one of the few words before ``start`` is a preposition heading the mention.

    The scan stops at punctuation and at a complementiser (إن، أن), which open a new clause."""
    words = [w for w in text[max(0, start - 80) : start].split() if w.strip(_QUOTES)]
    for raw in reversed(words[-_REACH:]):
        if raw.rstrip(_QUOTES)[-1:] in _PUNCTUATION:
            return False  # that word ends an earlier clause
        word = normalize_word(raw.strip(_QUOTES + _PUNCTUATION))
        if word in _CLAUSE_OPENERS:
            return False
        if word in _PREPOSITIONS or (word[:1] == "و" and word[1:] in _PREPOSITIONS):
            return True
    return False


def unaffiliated_source(countries: list[str]) -> bool:
    """True when every source of a diplomatic act is a person of no known state ("---").

    An analyst or commentator quoted in a report (المحلل السياسي) is not a party to acts between
    states: when the fallbacks make such a person the agent, the act's real agent is unknown and
    coding it would only add a key no reading of the article has."""
    return bool(countries) and all(c.startswith("---") for c in countries)

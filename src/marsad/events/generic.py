"""Actors made from common nouns: a sentence's nouns of people or means that may stand for an
actor (مسلحون، الشرطة، سيارة مفخخة), with the state a nisba adjective names (دبابة إسرائيلية).

The ids of these actors begin with :data:`GENERIC_PREFIX` (the evaluation and the explorer tell
them from lexicon actors with :func:`is_generic`); they enter the document only when an event
uses them (:func:`_register`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from marsad.actors.lexicon import get_lexicon as get_actor_lexicon
from marsad.events.affixes import _accept_generic, _unwaw
from marsad.events.lexicon import EventLexicon, GenericGroup
from marsad.model import Actor, Analysis, Event, Mention, country_part
from marsad.text.match import Hit, find_forms
from marsad.text.normalize import normalize_headword

GENERIC_PREFIX = "generic:"  # ids of the actors made from common nouns (see modality.yaml)


@dataclass(frozen=True, slots=True)
class _Generic:
    """A common noun of a sentence that may stand for an actor (مسلحون), with its group and the
    actor it stands for: the group's generic actor, or a state's when an adjective names one
    ("دبابة إسرائيلية", "بصاروخ روسي")."""

    mention: Mention
    group: GenericGroup
    actor: Actor
    definite: bool


def is_generic(actor_id: str) -> bool:
    """Whether an actor was made by the event stage from a common noun (مسلحون، الشرطة)."""
    return actor_id.startswith(GENERIC_PREFIX)


def _register(doc: Analysis, event: Event, generic: list[_Generic]) -> None:
    """Record the actors an event found among common nouns, with their mentions in its sentence."""
    s, e = event.sentence
    # in the event's order, not a set's: a set of strings iterates in an order that changes with
    # the process's hash seed, and worker processes must add actors and mentions as one does
    for actor_id in dict.fromkeys([*event.source, *event.target]):
        mine = [g for g in generic if g.actor.id == actor_id and s <= g.mention.start < e]
        if not mine:
            continue
        doc.actors.setdefault(actor_id, mine[0].actor)
        doc.mentions.extend(g.mention for g in mine if g.mention not in doc.mentions)


def _generic_mentions(
    doc: Analysis, lex: EventLexicon, span: tuple[int, int], named: list[Mention]
) -> list[_Generic]:
    """The common nouns of a sentence that can stand for an actor, where no named actor is."""
    nz = doc.norm
    out: list[_Generic] = []
    for h in find_forms(lex.generic_automaton(), nz.text, _accept_generic, *span, original=nz):
        s, e = nz.span_to_original(h.mstart, h.end)
        if any(m.start < e and s < m.end for m in named):
            continue  # الشرطة العراقية is the Iraqi police, not police in general
        group = lex.generic[h.targets[0]]
        actor = Actor(GENERIC_PREFIX + group.id, "group", group.code, group.name, group.name_en)
        state = _nisba(nz.text, h.wend)
        if state is not None:
            country, _, end = state
            e = nz.span_to_original(h.wend, end)[1]
            actor = _state_actor(country, group)
        elif h.suffix in ("ه", "ها", "هم"):
            e = nz.span_to_original(h.mstart, h.wend)[1]  # the pronoun is part of the noun
            owner = _owner_state(doc, s)
            if owner is not None:
                # "أعلنت وزارة الدفاع الروسية أن قواتها أسقطت ...": its forces are its state's
                actor = _state_actor(owner, group)
        mention = Mention(s, e, actor.id, f"generic:{group.id}")
        out.append(_Generic(mention, group, actor, _definite(lex, nz.text, h)))
    return out


# how far back (characters) the actor a possessive pronoun points to may be named
_OWNER_REACH = 300


def _owner_state(doc: Analysis, start: int) -> str | None:
    """The state of the actor named last before ``start`` (within :data:`_OWNER_REACH`), when it
    is a state or a body or person of one: whose forces "قواتها" are."""
    k = bisect_left(doc.mentions, start, key=lambda m: m.start)
    for m in reversed(doc.mentions[:k]):
        if start - m.end > _OWNER_REACH:
            return None
        actor = doc.actors.get(m.actor)
        if actor is None or is_generic(actor.id):
            continue
        country = country_part(actor.code)
        return country if country in get_actor_lexicon().countries else None
    return None


def _definite(lex: EventLexicon, norm: str, h: Hit[int]) -> bool:
    """A definite noun of people the sentence does not introduce: "المتظاهرون" (met before),
    not "آلاف المتظاهرين" or "الآلاف من المتظاهرين" (a crowd the sentence counts)."""
    quantity = lex.words("quantity", head=True)
    if not h.prefix.endswith("ال") or h.form in quantity:
        return False
    prev = [_unwaw(w) for w in norm[max(0, h.wstart - 40) : h.wstart].split()[-2:]]
    if prev and prev[-1] == "من":
        prev = prev[:-1]
        if prev and prev[-1] == "عدد":
            return False  # "عدد من الشبان": some young men, introduced here
    return not (prev and (normalize_headword(prev[-1]) in quantity or prev[-1].isdigit()))


def _nisba(norm: str, i: int) -> tuple[str, int, int] | None:
    """The country a nisba adjective right after normalized offset ``i`` names ("دبابة
    إسرائيلية"), with the adjective's normalized span."""
    m = re.match(r"\s+(\S+)", norm[i : i + 40])
    if m is None:
        return None
    word = m.group(1).rstrip('.,،؛:»"')
    head = normalize_headword(word)
    for t in get_actor_lexicon().forms.get(head, ()):
        if t.type == "demonym":
            return t.key, i + m.start(1), i + m.start(1) + len(word)
    return None


def _state_actor(country: str, group: GenericGroup) -> Actor:
    """The actor a generic noun stands for once an adjective names its state."""
    sector = group.code[3:]
    state = get_actor_lexicon().actor(country)
    if not sector:
        return state  # صاروخ روسي: Russia
    return Actor(
        f"{country.lower()}_{group.id}",
        "group",
        country + sector,
        f"{group.name} ({state.name})",
        f"{group.name_en} of {state.name_en or country}",
    )

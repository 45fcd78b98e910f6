"""Meetings held in the country of one of the parties are hosted by that party.

"التقى وزير الخارجية التركي في أنقرة نظيره الإيراني" reports a visit received, not
a meeting on neutral ground: CAMEO codes it 043 (host a visit) from the host to
the guest.  The symmetric meeting codes (040, 044) hide that direction, so an
event whose venue is a place standing for one participant's country is recoded
with that participant as the host.

A meeting of several parties in a country that is none of theirs, with no other
party named ("أجرى رئيسا بيلاروس وطاجيكستان لقاء في موسكو"), is their visit to
that country (042), the venue's state the one visited.

Places also settle two other questions: a coercive act with no agent is the doing of the state
whose city or region it happens in (:func:`_territory`), and a call to come to a capital or a
city is an invitation (:func:`_to_a_place`).
"""

from __future__ import annotations

from marsad.events.arguments import _Arg
from marsad.events.index import _DocIndex
from marsad.events.lexicon import EventLexicon
from marsad.model import Analysis, Event, Mention, country_part
from marsad.places import IN, TO, capitals
from marsad.text.normalize import normalize_word

MEETING_CODES = frozenset({"040", "044"})
HOST_CODE = "043"
VISIT_CODE = "042"


def _country(doc: Analysis, actor_id: str) -> str | None:
    actor = doc.actors.get(actor_id)
    return country_part(actor.code) if actor is not None else None


def _venue_country(doc: Analysis, location: tuple[int, int]) -> str | None:
    """The country of the place named at ``location`` (a capital stands for its state)."""
    for m in doc.mentions:
        if (m.start, m.end) == location:
            actor = doc.actors.get(m.actor)
            if actor is not None and actor.kind == "country":
                return country_part(actor.code)
    return None


def hosted(doc: Analysis, event: Event) -> tuple[list[str], list[str]] | None:
    """(host, guests) when the meeting took place in the country of exactly one of its sides."""
    if event.cameo not in MEETING_CODES or event.location is None:
        return None
    if not event.source or not event.target:
        return None
    venue = _venue_country(doc, event.location)
    if venue is None:
        return None
    sides = [event.source, event.target]
    at_home = [s for s in sides if all(_country(doc, a) == venue for a in s)]
    if len(at_home) != 1:
        return None
    host = at_home[0]
    guests = sides[1] if host is sides[0] else sides[0]
    return host, guests


def visited(doc: Analysis, event: Event) -> str | None:
    """The state visited, when a meeting of two or more parties with no other party named in
    its clause (its target came from context, or none) took place in a country none of them is."""
    if event.cameo not in MEETING_CODES or event.location is None:
        return None
    if ":coordinated" not in event.rule:
        return None  # one named party and its counterpart: a meeting, maybe hosted
    if event.target and ":context-target" in event.rule:
        parties = event.source
    else:
        parties = event.source + event.target
    if len(parties) < 2:
        return None
    venue = _venue_country(doc, event.location)
    if venue is None or any(_country(doc, a) == venue for a in parties):
        return None
    return venue


def recode_hosted(doc: Analysis, lex: EventLexicon, event: Event) -> None:
    """Make ``event`` a hosting act (043) from the host to the guests, when :func:`hosted` says so,
    or a visit (042) by its parties to the venue's state, when :func:`visited` does."""
    venue = visited(doc, event)
    if venue is not None:
        cameo = lex.code(VISIT_CODE)
        if ":context-target" not in event.rule:
            event.source = event.source + event.target
        event.target = [venue]
        event.cameo = VISIT_CODE
        event.plover, event.goldstein, event.quad = cameo.plover, cameo.goldstein, cameo.quad
        event.rule = event.rule.replace(":context-target", "") + ":visited"
        return
    parties = hosted(doc, event)
    if parties is None:
        return
    cameo = lex.code(HOST_CODE)
    event.source, event.target = parties
    event.cameo = HOST_CODE
    event.plover, event.goldstein, event.quad = cameo.plover, cameo.goldstein, cameo.quad
    event.rule += ":hosted"


def _territory(doc: Analysis, ix: _DocIndex, te: int, clause_end: int) -> Mention | None:
    """The state a city or region named after في (a place noun between or not) lies in, as a
    mention of that state spanning the place name, when the document names that state."""
    for p in ix.places(doc, te, clause_end, IN):
        if p.place.country in doc.actors:
            return Mention(p.start, p.end, p.place.country, f"place:{p.place.name}")
    return None


# calls that, with a place as their إلى complement, are invitations (CAMEO 036)
_INVITATIONS = {"call_on": "036"}


def _to_a_place(doc: Analysis, ix: _DocIndex, after: list[_Arg], te: int, end: int) -> bool:
    """Whether the first إلى complement of a trigger is a capital or a city or region ("إلى
    موسكو", "إلى سانت بطرسبورغ"), not an act or a state called on ("دعا إلى الحوار", "دعا روسيا
    إلى ...")."""
    first = next((a for a in after if a.prep == "الي"), None)
    places = ix.places(doc, te, end, TO)
    if places and (first is None or places[0].start < first.mention.start):
        return True
    return first is not None and (
        normalize_word(doc.text[first.mention.start : first.mention.end]) in capitals()
    )

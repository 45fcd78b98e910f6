"""Places that are not states: cities and regions, each in the state it lies in.

Capitals stand for their state and are actors (``actors/countries.yaml``: "موسكو" is Russia
speaking); the names of ``data/places/places.yaml`` only say *where* something happened.  The
events stage reads them for an event's place ("قرب أكتاو", "في مدينة يكاترينبورغ") and for the
state on whose soil a coercive act with no named agent was done ("اعتقال صحفيين في مدينة
يكاترينبورغ" is Russia's doing).

A name that is also a common word (صور "pictures") is marked ``ambiguous`` and is a place only
right after a place noun (مدينة، محافظة، منطقة ...); the place nouns and the prepositions of
place are in the same file.  Matching is on the normalized text, with
the proclitics و ف ب ل ك accepted before a name and nothing after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml
from marsad.text.match import build_automaton, find_forms
from marsad.text.normalize import Normalized, normalize_word

SCHEMA = "marsad/places"
PlaceKind = Literal["city", "region"]

_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlaceEntry(_Model):
    name: str = Field(min_length=2)
    variants: list[str] = Field(default_factory=list)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    kind: PlaceKind
    ambiguous: bool = False


class PlacesFile(_Model):
    place_nouns: list[str] = Field(min_length=1)
    prepositions: list[str] = Field(min_length=1)
    places: list[PlaceEntry]


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # the code of the state it lies in (actors/countries.yaml)
    kind: PlaceKind
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int  # offsets into the original text
    end: int
    place: Place


class Gazetteer:
    """The compiled place names of one file, with its place nouns and prepositions (normalized)."""

    def __init__(
        self, places: dict[str, Place], place_nouns: frozenset[str], prepositions: frozenset[str]
    ) -> None:
        self.places = places
        self.place_nouns = place_nouns
        self.prepositions = prepositions
        self._automaton = build_automaton((form, (p,)) for form, p in places.items())

    def find(self, norm: Normalized, start: int = 0, end: int | None = None) -> list[PlaceHit]:
        """The places named in ``norm.text[start:end]`` (normalized offsets), in text order."""
        text = norm.text
        out = []
        for h in find_forms(self._automaton, text, _accept, start, end, norm):
            place = h.targets[0]
            if place.ambiguous and _word_before(text, h.wstart, self.place_nouns) not in (
                self.place_nouns
            ):
                continue
            s, e = norm.span_to_original(h.start, h.end)
            out.append(PlaceHit(s, e, place))
        return out


def _accept(prefix: str, suffix: str, place: Place) -> bool:
    return suffix == "" and prefix in _PROCLITICS


def _word_before(text: str, i: int, nouns: frozenset[str]) -> str:
    """The word that ends before offset ``i`` (spaces skipped), without the و of a place noun."""
    j = i
    while j > 0 and not text[j - 1].isalnum():
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    word = text[k:j]
    return word[1:] if word.startswith("و") and word[1:] in nouns else word


IN = frozenset({"في"})
TO = frozenset({normalize_word("إلى")})


def after_preposition(text: str, start: int, preps: frozenset[str] | None = None) -> bool:
    """Whether a place name at ``start`` of the original text follows one of ``preps`` (the
    file's prepositions of place when None; normalized, one or two words), a place noun between
    or not ("في مدينة", "بالقرب من"), or, when في is one of them, ب attached to it ("بداغستان":
    the match allowed the proclitic)."""
    g = gazetteer()
    preps = g.prepositions if preps is None else preps
    if start > 0 and text[start - 1] == "ب":
        return "في" in preps
    known = preps | g.place_nouns | {p.split()[0] for p in preps}  # بالقرب of بالقرب من
    words = [
        _without_waw(normalize_word(w), known)
        for w in text[max(0, start - 40) : start].split()[-3:]
    ]

    if words and words[-1] in g.place_nouns:
        words = words[:-1]
    return bool(words) and (words[-1] in preps or " ".join(words[-2:]) in preps)


def _without_waw(word: str, known: frozenset[str]) -> str:
    """``word`` without a proclitic و when that leaves a word of ``known`` (وفي -> في)."""
    return word[1:] if word.startswith("و") and word[1:] in known else word


@cache
def capitals() -> frozenset[str]:
    """The capitals of ``actors/countries.yaml``, normalized: a capital is an actor (its state),
    but after إلى or في it is also a place."""
    from marsad.actors.lexicon import get_lexicon  # the actor lexicon is big: read on first need

    return frozenset(
        normalize_word(c) for e in get_lexicon().countries.values() for c in e.capitals
    )


def load_places(path: Path | None = None) -> Gazetteer:
    """Load and check a places file (the package's when ``path`` is None).

    A bad file raises :class:`~marsad.errors.DataFileError` naming it and the entry; a name listed
    for two places is an error, since the text could not tell them apart."""
    path = path or data_path("places", "places.yaml")
    doc = load_yaml(path, SCHEMA)
    body: dict[str, Any] = {k: v for k, v in doc.items() if k not in ("schema", "version")}
    try:
        parsed = PlacesFile.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise DataFileError(f"{where}: {first['msg']}", source=str(path)) from exc
    places: dict[str, Place] = {}
    for entry in parsed.places:
        place = Place(entry.name, entry.country, entry.kind, entry.ambiguous)
        for word in (entry.name, *entry.variants):
            form = normalize_word(word)
            if not form:
                raise DataFileError(f"empty name under {entry.name!r}", source=str(path))
            seen = places.get(form)
            if seen is not None and seen.name != entry.name:
                raise DataFileError(
                    f"{word!r} is listed under both {seen.name!r} and {entry.name!r}",
                    source=str(path),
                )
            places[form] = place
    nouns = frozenset(normalize_word(w) for w in parsed.place_nouns)
    preps = frozenset(normalize_word(w) for w in parsed.prepositions)
    return Gazetteer(places, nouns, preps)


@cache
def gazetteer() -> Gazetteer:
    """The package's places, loaded once."""
    return load_places()

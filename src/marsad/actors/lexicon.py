"""The actor lexicon: every data file under ``data/actors`` plus the user's own folders.

Files are recognised by their ``schema:`` header (``marsad/actors/countries``,
``.../igos``, ``.../organizations``, ``.../organs``, ``.../titles``,
``.../people``), so a user adds a file of any name to a folder named in
``$MARSAD_LEXICON`` (``:``-separated) or passed to :func:`load_lexicon`, without
touching code.  Every entry is checked against its schema when loaded.

The lexicon compiles into one Aho-Corasick automaton over normalized surface
forms; each form carries the :class:`Target` records it can stand for.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from marsad.actors.schema import (
    SCHEMAS,
    CountryEntry,
    IgoEntry,
    OrganEntry,
    OrganizationEntry,
    PersonEntry,
    TitleEntry,
)
from marsad.errors import DataFileError
from marsad.model import Actor
from marsad.resources import data_path, load_entries
from marsad.text.match import build_automaton
from marsad.text.normalize import has_article, normalize_headword, normalize_word

SCHEMA_PREFIX = "marsad/actors/"
_KINDS = tuple(SCHEMAS)


@dataclass(frozen=True, slots=True)
class Target:
    """What a surface form can stand for.

    ``type`` is one of ``actor`` (a known identity: key is the actor id),
    ``short`` (a surname that alone means a known person), ``demonym`` (key is a
    country code), ``organ`` (key is the organ head's index), ``title`` (key is
    the title's index).  ``article`` tells whether the form began with ال in the
    lexicon; ``after_l`` marks the variant of an ال-form written after the
    preposition ل (للكرملين).
    """

    type: str
    key: str
    source: str  # "file:entry" for explain
    after_l: bool = False


@dataclass
class Lexicon:
    countries: dict[str, CountryEntry] = field(default_factory=dict)
    igos: dict[str, IgoEntry] = field(default_factory=dict)
    organizations: dict[str, OrganizationEntry] = field(default_factory=dict)
    organs: list[OrganEntry] = field(default_factory=list)
    titles: list[TitleEntry] = field(default_factory=list)
    people: dict[str, PersonEntry] = field(default_factory=dict)
    seats: dict[str, tuple[str, str, str]] = field(
        default_factory=dict
    )  # id -> (code, sector, name)
    forms: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))
    files: list[str] = field(default_factory=list)
    _automaton: Any = None

    # -- identities -----------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        """The :class:`Actor` for a lexicon id (country code, IGO code, organisation, seat or person id)."""
        if actor_id in self.countries:
            c = self.countries[actor_id]
            return Actor(c.code, c.kind, c.code, c.name, c.name_en, f"countries:{c.code}")
        if actor_id in self.igos:
            g = self.igos[actor_id]
            return Actor(g.code, "igo", g.code, g.name, g.name_en, f"igos:{g.code}")
        if actor_id in self.organizations:
            o = self.organizations[actor_id]
            return Actor(o.id, o.kind, o.code, o.name, o.name_en, f"organizations:{o.id}")
        if actor_id in self.seats:
            code, sector, name = self.seats[actor_id]
            return Actor(
                actor_id, "organization", code + sector, name, None, f"countries:{code}:seat"
            )
        if actor_id in self.people:
            p = self.people[actor_id]
            sector = p.offices[-1].sector
            return Actor(
                p.id, "person", _person_code(p.country, sector), p.name, p.name_en, f"people:{p.id}"
            )
        raise KeyError(actor_id)

    def person_code(self, person_id: str, on: date | None) -> str:
        """A person's code on a date: the sector of the office they held then (else their last one)."""
        p = self.people[person_id]
        office = _office_on(p, on) or p.offices[-1]
        return _person_code(office.country or p.country, office.sector)

    def organ_index(self, organ: str) -> int | None:
        """The index of the organ head whose ``organ`` slug is ``organ`` (rules name organs by
        slug, so that a user lexicon may reorder the file); None if no head has it."""
        for i, e in enumerate(self.organs):
            if e.organ == organ:
                return i
        return None

    def holder(self, country: str, role: str, on: date | None) -> str | None:
        """Who held ``role`` for ``country`` on a date (the latest holder when the date is unknown)."""
        best: tuple[str, str] | None = None
        for pid, start, end in self._holders().get((country, role), []):
            if on is None:
                if end is None and (best is None or start >= best[1]):
                    best = (pid, start)
                continue
            active = _date_le(start, on, low=True) and (
                end is None or not _date_le(end, on, low=False)
            )
            if active and (best is None or start >= best[1]):
                best = (pid, start)
        return best[0] if best else None

    @cache  # noqa: B019 - the lexicon lives for the whole process
    def _holders(self) -> dict[tuple[str, str], list[tuple[str, str, str | None]]]:
        out: dict[tuple[str, str], list[tuple[str, str, str | None]]] = defaultdict(list)
        for p in self.people.values():
            for o in p.offices:
                country = o.country or p.country
                out[(country, o.role)].append((p.id, o.from_ or "0000", o.to))
                if o.role == "monarch":
                    out[(country, "head_of_state")].append((p.id, o.from_ or "0000", o.to))
        return out

    def __hash__(self) -> int:
        return id(self)

    # -- matching -------------------------------------------------------------
    def automaton(self) -> Any:
        if self._automaton is None:
            self._automaton = build_automaton(self.forms.items())
        return self._automaton

    def vocabulary(self) -> frozenset[str]:
        """Words the tokenizer must not split: every word of every form, except a clitic-bearing
        word of a multiword name (لأذربيجان in an office's name) whose bare word is known too."""
        words: set[str] = set()
        for form in self.forms:
            words.update(form.split())
        return frozenset(
            w
            for w in words
            if not (w[:1] in "وفبلك" and len(w) > 3 and (w[1:] in words or w[2:] in words))
        )


def _person_code(country: str, sector: str) -> str:
    return country + sector


def _office_on(p: PersonEntry, on: date | None) -> Any:
    if on is None:
        return None
    for o in p.offices:
        if _date_le(o.from_ or "0000", on, low=True) and (
            o.to is None or not _date_le(o.to, on, low=False)
        ):
            return o
    return None


def _date_le(iso: str, on: date, *, low: bool) -> bool:
    """Whether the (possibly partial) ISO date ``iso`` is on or before ``on``.

    A partial date is taken at its first day when it opens an office (``low``)
    and at its last day when it closes one.
    """
    parts = iso.split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else (1 if low else 12)
    d = int(parts[2]) if len(parts) > 2 else (1 if low else 28)
    return (y, m, d) <= (on.year, on.month, on.day)


# -- loading -------------------------------------------------------------------


def _entries(path: Path) -> tuple[str, list[Any]]:
    from marsad.resources import read_yaml

    head = read_yaml(path)
    schema = head.get("schema") if isinstance(head, dict) else None
    if not isinstance(schema, str) or not schema.startswith(SCHEMA_PREFIX):
        raise DataFileError(
            f"schema is {schema!r}, expected {SCHEMA_PREFIX}<kind>", source=str(path)
        )
    kind = schema[len(SCHEMA_PREFIX) :]
    if kind not in SCHEMAS:
        raise DataFileError(
            f"unknown actor file kind {kind!r} (one of {', '.join(_KINDS)})", source=str(path)
        )
    return kind, load_entries(path, schema, SCHEMAS[kind])


def lexicon_folders(
    extra: Iterable[str | Path] = (), *, include_package: bool = True
) -> list[Path]:
    """The package's lexicon folder, then ``$MARSAD_LEXICON`` folders, then ``extra``."""
    folders = [data_path("actors")] if include_package else []
    env = os.environ.get("MARSAD_LEXICON", "")
    if include_package:
        folders += [Path(p) for p in env.split(os.pathsep) if p]
    folders += [Path(p) for p in extra]
    return folders


def load_lexicon(extra: Iterable[str | Path] = (), *, include_package: bool = True) -> Lexicon:
    """Load and compile every lexicon file (package data first, then user folders)."""
    lex = Lexicon()
    for folder in lexicon_folders(extra, include_package=include_package):
        if not folder.is_dir():
            raise DataFileError("lexicon folder does not exist", source=str(folder))
        for path in sorted(folder.glob("*.y*ml")):
            kind, entries = _entries(path)
            lex.files.append(str(path))
            _add(lex, kind, entries, path.stem)
    return lex


def _add(lex: Lexicon, kind: str, entries: list[Any], fname: str) -> None:
    def form(text: str, target: Target) -> None:
        n = normalize_word(text)
        if not n:
            return
        lex.forms[n].append(target)
        if has_article(text):  # للكرملين: the article's alef drops after the preposition ل
            lex.forms[normalize_headword(text)].append(
                Target(target.type, target.key, target.source, after_l=True)
            )

    for e in entries:
        if kind == "countries":
            lex.countries[e.code] = e
            src = f"{fname}:{e.code}"
            for name in [e.name, *e.variants, *e.capitals]:
                form(name, Target("actor", e.code, src))
            for seat in e.seats:
                seat_id = f"{e.code.lower()}_{normalize_word(seat.name).replace(' ', '_')}"
                lex.seats[seat_id] = (e.code, seat.sector, seat.name)
                form(seat.name, Target("actor", seat_id, f"{src}:seat"))
            for adj in [a for a in [e.adjective, *e.adjective_variants] if a]:
                for inflected in _inflect(normalize_headword(adj)):
                    lex.forms[inflected].append(Target("demonym", e.code, f"{src}:demonym"))
            for plural in e.plurals:
                lex.forms[normalize_headword(plural)].append(
                    Target("demonym", e.code, f"{src}:plural")
                )
        elif kind == "igos":
            lex.igos[e.code] = e
            for name in [e.name, *e.variants, *e.abbreviations]:
                form(name, Target("actor", e.code, f"{fname}:{e.code}"))
        elif kind == "organizations":
            lex.organizations[e.id] = e
            for name in [e.name, *e.variants, *e.abbreviations]:
                form(name, Target("actor", e.id, f"{fname}:{e.id}"))
        elif kind == "organs":
            idx = str(len(lex.organs))
            lex.organs.append(e)
            for head in [e.head, *e.variants]:
                lex.forms[normalize_headword(head)].append(
                    Target("organ", idx, f"{fname}:{e.head}")
                )
        elif kind == "titles":
            idx = str(len(lex.titles))
            lex.titles.append(e)
            for title in [e.title, *e.variants]:
                lex.forms[normalize_headword(title)].append(
                    Target("title", idx, f"{fname}:{e.title}")
                )
        elif kind == "people":
            if e.id in lex.people:
                raise DataFileError(f"person id {e.id!r} is defined twice", source=fname)
            lex.people[e.id] = e
            for name in [e.name, *e.variants]:
                form(name, Target("actor", e.id, f"{fname}:{e.id}"))
            for short in e.short:
                lex.forms[normalize_word(short)].append(
                    Target("short", e.id, f"{fname}:{e.id}:short")
                )


def _inflect(adj: str) -> list[str]:
    """Inflections of a nisba adjective (normalized, without ال): روسي روسيه روسيين روسيون روسيتين ..."""
    stem = adj[:-1] if adj.endswith("ي") else adj
    base = stem + "ي"
    return [
        base,
        base + "ه",
        base + "ين",
        base + "ون",
        base + "تين",
        base + "تان",
        base + "ان",
        base + "ات",
        base + "ا",
    ]


@cache
def get_lexicon() -> Lexicon:
    """The process-wide lexicon (package data plus ``$MARSAD_LEXICON`` folders)."""
    return load_lexicon()


def vocabulary() -> frozenset[str]:
    """Words of every lexicon form, so the tokenizer does not split them."""
    return _vocabulary()


@cache
def _vocabulary() -> frozenset[str]:
    return get_lexicon().vocabulary()

"""Read and validate gold (and predictions) files in the format of ``spec/gold-format.md``.

Gold files and predictions files share one format, so that marsad's output can
be read, re-scored and compared with any other coder converted to it.  The
loader checks every field explicitly and stops at the first problem, naming it
by its path in the file (``documents[2].events[5].cameo: '17' is not a 3- or
4-digit CAMEO code``): a score computed from a silently half-read file would be
worse than no score.

Choices where the spec leaves room (kept consistent everywhere):

- every field of the spec must be present; fields not in the spec are ignored
  (a converter may carry provenance along);
- ``title``, ``published`` and ``published_basis`` may be ``null`` (a reader
  may not find them), as may ``outlet``, ``author``, ``name_en``, an event's
  ``date``, ``location`` and ``plover`` (CAMEO 01 and 02 have no PLOVER
  category), and a quote's ``speaker`` (a quote whose speaker was not found);
- an event's ``source`` and ``target`` may be empty lists; every id in them,
  and every quote speaker, must be the ``id`` of an actor of the same document;
- exact strings (sentence, trigger, cue, quote text, mentions) must not be
  blank; whether they occur in the article text is not checked here (the
  loader does not need the texts).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import GoldFormatError, InputError
from marsad.model import SECTORS

KINDS = ("person", "country", "organization", "igo", "group")
STATUSES = ("asserted", "planned", "hypothetical", "negated")
BASES = ("stated", "inferred")

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_CAMEO = re.compile(r"\d{3,4}")
_CODE = re.compile(rf"(?:---|[A-Z]{{2,}})(?:{'|'.join(SECTORS)})?")
_PLOVER = re.compile(r"[A-Z][A-Z_]*")


@dataclass(frozen=True, slots=True)
class GoldActor:
    id: str
    kind: str
    name: str
    name_en: str | None
    code: str
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sentence: str
    trigger: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    cameo: str
    plover: str | None
    date: str | None
    location: str | None
    status: str


@dataclass(frozen=True, slots=True)
class GoldQuote:
    speaker: str | None
    cue: str
    text: str
    direct: bool


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    published_basis: str | None
    boilerplate: tuple[str, ...]
    actors: tuple[GoldActor, ...]
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]

    def codes(self) -> dict[str, str]:
        """Actor id -> CAMEO-style code, to turn event and quote participants into codes."""
        return {a.id: a.code for a in self.actors}


@dataclass(frozen=True, slots=True)
class GoldCorpus:
    corpus: str
    documents: tuple[GoldDocument, ...]

    def by_name(self) -> dict[str, GoldDocument]:
        return {d.doc: d for d in self.documents}


class _Problem(Exception):
    """The first problem found, with its path in the file; turned into a GoldFormatError."""


# -- field readers: each names the path of the field in its message ----------------------


def _field(obj: dict[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise _Problem(f"{where}: missing field '{key}'")
    return obj[key]


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Problem(f"{where}: expected an object, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Problem(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _text(obj: dict[str, Any], key: str, where: str, *, blank_ok: bool = False) -> str:
    value = _field(obj, key, where)
    if not isinstance(value, str):
        raise _Problem(f"{where}.{key}: expected a string, got {_show(value)}")
    if not blank_ok and not value.strip():
        raise _Problem(f"{where}.{key}: is blank")
    return value


def _optional_text(obj: dict[str, Any], key: str, where: str) -> str | None:
    if _field(obj, key, where) is None:
        return None
    return _text(obj, key, where)


def _choice(obj: dict[str, Any], key: str, where: str, allowed: tuple[str, ...]) -> str:
    value = _field(obj, key, where)
    if value not in allowed:
        raise _Problem(f"{where}.{key}: {_show(value)} is not one of {', '.join(allowed)}")
    return str(value)


def _texts(obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = _list(_field(obj, key, where), f"{where}.{key}")
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise _Problem(f"{where}.{key}[{i}]: expected a non-blank string, got {_show(item)}")
    return tuple(items)


def _date(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = _field(obj, key, where)
    if value is None:
        return None
    if not isinstance(value, str) or not _valid_date(value):
        raise _Problem(f"{where}.{key}: {_show(value)} is not a date YYYY-MM-DD, YYYY-MM or YYYY")
    return value


def _valid_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _show(value: Any) -> str:
    """A value as it should appear in a message: short, and strings quoted."""
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


# -- records -------------------------------------------------------------------------------


def _actor(value: Any, where: str) -> GoldActor:
    obj = _object(value, where)
    actor_id = _text(obj, "id", where)
    kind = _choice(obj, "kind", where, KINDS)
    name = _text(obj, "name", where, blank_ok=True)
    name_en = _optional_text(obj, "name_en", where)
    code = _text(obj, "code", where)
    if not _CODE.fullmatch(code):
        raise _Problem(
            f"{where}.code: {_show(code)} is not a CAMEO actor code (a country or IGO code "
            f"in capitals, or '---', optionally followed by one of {' '.join(SECTORS)})"
        )
    mentions = _texts(obj, "mentions", where)
    return GoldActor(
        id=actor_id, kind=kind, name=name, name_en=name_en, code=code, mentions=mentions
    )


def _ids(obj: dict[str, Any], key: str, where: str, actor_ids: set[str]) -> tuple[str, ...]:
    ids = _texts(obj, key, where)
    for i, actor_id in enumerate(ids):
        if actor_id not in actor_ids:
            raise _Problem(
                f"{where}.{key}[{i}]: {_show(actor_id)} is not the id of an actor of this document"
            )
    return ids


def _event(value: Any, where: str, actor_ids: set[str]) -> GoldEvent:
    obj = _object(value, where)
    sentence = _text(obj, "sentence", where)
    trigger = _text(obj, "trigger", where)
    source = _ids(obj, "source", where, actor_ids)
    target = _ids(obj, "target", where, actor_ids)
    cameo = _field(obj, "cameo", where)
    if not isinstance(cameo, str) or not _CAMEO.fullmatch(cameo):
        raise _Problem(f"{where}.cameo: {_show(cameo)} is not a 3- or 4-digit CAMEO code")
    plover = _field(obj, "plover", where)
    if plover is not None and (not isinstance(plover, str) or not _PLOVER.fullmatch(plover)):
        raise _Problem(
            f"{where}.plover: {_show(plover)} is not a PLOVER category (capital letters) or null"
        )
    return GoldEvent(
        sentence=sentence,
        trigger=trigger,
        source=source,
        target=target,
        cameo=cameo,
        plover=plover,
        date=_date(obj, "date", where),
        location=_optional_text(obj, "location", where),
        status=_choice(obj, "status", where, STATUSES),
    )


def _quote(value: Any, where: str, actor_ids: set[str]) -> GoldQuote:
    obj = _object(value, where)
    speaker = _optional_text(obj, "speaker", where)
    if speaker is not None and speaker not in actor_ids:
        raise _Problem(
            f"{where}.speaker: {_show(speaker)} is not the id of an actor of this document"
        )
    cue = _text(obj, "cue", where)
    text = _text(obj, "text", where)
    direct = _field(obj, "direct", where)
    if not isinstance(direct, bool):
        raise _Problem(f"{where}.direct: expected true or false, got {_show(direct)}")
    return GoldQuote(speaker=speaker, cue=cue, text=text, direct=direct)


def _document(value: Any, where: str) -> GoldDocument:
    """One article, its fields checked in the order the spec lists them."""
    obj = _object(value, where)
    name = _text(obj, "doc", where)
    title = _optional_text(obj, "title", where)
    outlet = _optional_text(obj, "outlet", where)
    author = _optional_text(obj, "author", where)
    published = _date(obj, "published", where)
    basis = _field(obj, "published_basis", where)
    if basis is not None and basis not in BASES:
        raise _Problem(
            f"{where}.published_basis: {_show(basis)} is not one of {', '.join(BASES)} or null"
        )
    boilerplate = _texts(obj, "boilerplate", where)
    actors: list[GoldActor] = []
    for i, item in enumerate(_list(_field(obj, "actors", where), f"{where}.actors")):
        actor = _actor(item, f"{where}.actors[{i}]")
        if any(a.id == actor.id for a in actors):
            raise _Problem(f"{where}.actors[{i}].id: {_show(actor.id)} is used by an earlier actor")
        actors.append(actor)
    ids = {a.id for a in actors}
    events = [
        _event(item, f"{where}.events[{i}]", ids)
        for i, item in enumerate(_list(_field(obj, "events", where), f"{where}.events"))
    ]
    quotes = [
        _quote(item, f"{where}.quotes[{i}]", ids)
        for i, item in enumerate(_list(_field(obj, "quotes", where), f"{where}.quotes"))
    ]
    return GoldDocument(
        doc=name,
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        published_basis=basis,
        boilerplate=boilerplate,
        actors=tuple(actors),
        events=tuple(events),
        quotes=tuple(quotes),
    )


def parse_gold(data: Any, source: str | None = None) -> GoldCorpus:
    """Validate decoded JSON against the gold format; raise GoldFormatError naming the first problem."""
    try:
        obj = _object(data, "top level")
        corpus = _text(obj, "corpus", "top level")
        documents: list[GoldDocument] = []
        for i, item in enumerate(_list(_field(obj, "documents", "top level"), "documents")):
            document = _document(item, f"documents[{i}]")
            if any(d.doc == document.doc for d in documents):
                raise _Problem(f"documents[{i}].doc: {_show(document.doc)} is listed twice")
            documents.append(document)
    except _Problem as problem:
        raise GoldFormatError(str(problem), source=source) from None
    return GoldCorpus(corpus=corpus, documents=tuple(documents))


def load_gold(path: Path) -> GoldCorpus:
    """Read and validate a gold or predictions JSON file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", source=str(path)
        ) from None
    return parse_gold(data, source=str(path))

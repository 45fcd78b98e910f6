"""Queries over the store shared by the CLI, the REST API and the web explorer.

Every function takes a :class:`~marsad.store.Store` and validated arguments
and returns plain records (dataclasses); the surfaces only format them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.errors import InputError
from marsad.model import country_part
from marsad.store import Store

MAX_LIMIT = 10000


@dataclass(slots=True)
class ActorRow:
    id: str
    kind: str
    code: str
    name: str
    name_en: str | None
    mentions: int
    documents: int
    forms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventRow:
    id: int
    doc_key: str
    outlet: str | None
    url: str | None
    date: str | None
    date_basis: str | None
    source: list[dict[str, str]]
    target: list[dict[str, str]]
    cameo: str
    plover: str
    quad: int
    goldstein: float
    status: str
    trigger: str
    sentence: str
    location: str | None
    rule: str
    offsets: dict[str, list[int]]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class QuoteRow:
    id: int
    doc_key: str
    speaker: dict[str, str] | None
    via: dict[str, str] | None
    cue: str
    text: str
    direct: bool
    about: list[dict[str, Any]]
    rule: str
    offsets: dict[str, list[int]]


def _check_limit(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise InputError(f"offset must be 0 or more, got {offset}")


def _check_date(value: str | None, name: str) -> None:
    if value is None:
        return
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise InputError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


def check_dates(date_from: str | None, date_to: str | None) -> None:
    """Raise :class:`InputError` unless both ends of a date range are YYYY, YYYY-MM or YYYY-MM-DD."""
    _check_date(date_from, "from")
    _check_date(date_to, "to")


def _date_range(
    column: str, date_from: str | None, date_to: str | None, where: list[str], args: list[Any]
) -> None:
    """Add "column within [from, to]" to a WHERE list; a partial ``to`` (2025-07) takes its whole period."""
    if date_from:
        where.append(f"{column} >= ?")
        args.append(date_from)
    if date_to:
        where.append(f"substr({column}, 1, ?) <= ?")
        args += [len(date_to), date_to]


DOCUMENT_COLUMNS = "id, doc_key, title, outlet, author, published, published_basis, url, source, version, ingested_at"


def documents(
    store: Store,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Document records (no text) in the order they were stored, filtered by outlet and publication
    date, and the total count of the filter; up to ``limit + 1`` rows so a caller can tell if more follow."""
    _check_limit(limit, offset)
    _check_date(date_from, "from")
    _check_date(date_to, "to")
    where: list[str] = []
    args: list[Any] = []
    if outlet:
        where.append("outlet = ?")
        args.append(outlet)
    _date_range("published", date_from, date_to, where, args)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    total = int(store.conn.execute(f"SELECT COUNT(*) FROM documents {clause}", args).fetchone()[0])
    rows = store.conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents {clause} ORDER BY id LIMIT ? OFFSET ?",
        (*args, limit + 1, offset),
    ).fetchall()
    return [dict(r) for r in rows], total


def pairs(store: Store, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Pairs of codes with events between them (either direction), most events first:
    ``{"a", "b", "events"}`` with ``a`` < ``b``."""
    _check_limit(limit, offset)
    rows = store.conn.execute(
        """SELECT MIN(src, tgt) AS a, MAX(src, tgt) AS b, COUNT(DISTINCT event_id) AS events
           FROM event_dyads WHERE src != tgt AND src != '-' AND tgt != '-'
           GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ? OFFSET ?""",
        (limit, offset),
    ).fetchall()
    return [{"a": r["a"], "b": r["b"], "events": r["events"]} for r in rows]


def _actor_info(store: Store, actor_id: str, cache: dict[str, dict[str, str]]) -> dict[str, str]:
    if actor_id not in cache:
        r = store.conn.execute(
            "SELECT id, code, name, kind FROM actors WHERE id = ?", (actor_id,)
        ).fetchone()
        cache[actor_id] = (
            {"id": r["id"], "code": r["code"], "name": r["name"], "kind": r["kind"]}
            if r
            else {
                "id": actor_id,
                "code": actor_id,
                "name": actor_id,
                "name_en": actor_id,
                "kind": "unknown",
            }
        )
    return cache[actor_id]


def _doc_id(store: Store, doc: str | None) -> int | None:
    return store.get_document(doc).id if doc else None


def actors(
    store: Store, doc: str | None = None, code: str | None = None, limit: int = 500, offset: int = 0
) -> list[ActorRow]:
    """Actors with their mention counts (in one document or the whole store)."""
    _check_limit(limit, offset)
    where: list[str] = []
    args: list[Any] = []
    doc_id = _doc_id(store, doc)
    if doc_id is not None:
        where.append("m.doc_id = ?")
        args.append(doc_id)
    if code:
        where.append("(a.code = ? OR a.country = ?)")
        args += [code, code]
    sql = (
        "SELECT a.id, a.kind, a.code, a.name, a.name_en, COUNT(*) AS n, COUNT(DISTINCT m.doc_id) AS docs "
        "FROM mentions m JOIN actors a ON a.id = m.actor_id "
        + (("WHERE " + " AND ".join(where)) if where else "")
        + " GROUP BY a.id ORDER BY n DESC, a.id LIMIT ? OFFSET ?"
    )
    rows = store.conn.execute(sql, (*args, limit, offset)).fetchall()
    out = []
    for r in rows:
        forms_sql = (
            "SELECT d.text AS t, m.start, m.end FROM mentions m JOIN documents d ON d.id = m.doc_id"
            " WHERE m.actor_id = ?"
        )
        fargs: list[Any] = [r["id"]]
        if doc_id is not None:
            forms_sql += " AND m.doc_id = ?"
            fargs.append(doc_id)
        forms: list[str] = []
        for f in store.conn.execute(forms_sql + " ORDER BY m.doc_id, m.start LIMIT 200", fargs):
            s = f["t"][f["start"] : f["end"]]
            if s not in forms:
                forms.append(s)
        out.append(
            ActorRow(
                r["id"], r["kind"], r["code"], r["name"], r["name_en"], r["n"], r["docs"], forms
            )
        )
    return _fold_merged(store, out)


def _fold_merged(store: Store, rows: list[ActorRow]) -> list[ActorRow]:
    """Fold the rows of actors merged into another identity (marsad merges) into that identity's row."""
    from marsad.actors.identity import canonical_map

    aliases = canonical_map(store)
    if not aliases:
        return rows
    by_id = {r.id: r for r in rows}
    out: list[ActorRow] = []
    for r in rows:
        target = by_id.get(aliases.get(r.id, r.id))
        if target is None or target is r:
            out.append(r)
            continue
        target.mentions += r.mentions
        target.documents += r.documents
        target.forms += [f for f in r.forms if f not in target.forms]
    return out


def events(
    store: Store,
    doc: str | None = None,
    dyad: tuple[str, str] | None = None,
    root: str | None = None,
    code: str | None = None,
    quad: int | None = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[EventRow]:
    """Events filtered by document, pair (either direction), CAMEO root or code, quad class, status, dates, outlet."""
    _check_limit(limit, offset)
    _check_date(date_from, "from")
    _check_date(date_to, "to")
    if root is not None and not (root.isdigit() and 1 <= len(root) <= 2):
        raise InputError(f"root must be a CAMEO root such as 04 or 17, got {root!r}")
    if quad is not None and quad not in (1, 2, 3, 4):
        raise InputError(f"quad must be 1, 2, 3 or 4, got {quad}")
    if status is not None and status not in ("asserted", "planned", "hypothetical", "negated"):
        raise InputError(
            f"status must be asserted, planned, hypothetical or negated, got {status!r}"
        )
    doc_id = _doc_id(store, doc)
    if dyad and doc_id is None and not outlet:
        ids = _pair_event_ids(
            store, dyad, root, code, quad, status, date_from, date_to, limit, offset
        )
        return events_by_id(store, ids)
    where: list[str] = []
    args: list[Any] = []
    if doc_id is not None:
        where.append("e.doc_id = ?")
        args.append(doc_id)
    if dyad:
        a, b = (x.upper() for x in dyad)
        where.append(
            "e.id IN (SELECT event_id FROM event_dyads WHERE (src = ? AND tgt = ?) OR (src = ? AND tgt = ?))"
        )
        args += [a, b, b, a]
    _event_filters("e.", root, code, quad, status, date_from, date_to, where, args)
    if outlet:
        where.append("d.outlet = ?")
        args.append(outlet)
    # the events first (the filters and the order run on the events table and its indexes), then
    # the texts of just the documents they come from
    sql = (
        "SELECT e.* FROM events e"
        + (" JOIN documents d ON d.id = e.doc_id" if outlet else "")
        + ((" WHERE " + " AND ".join(where)) if where else "")
        + " ORDER BY e.date IS NULL, e.date, e.id LIMIT ? OFFSET ?"
    )
    return _event_rows(store, store.conn.execute(sql, (*args, limit, offset)).fetchall())


def _event_filters(
    prefix: str,
    root: str | None,
    code: str | None,
    quad: int | None,
    status: str | None,
    date_from: str | None,
    date_to: str | None,
    where: list[str],
    args: list[Any],
) -> None:
    """The CAMEO root, code prefix, quad class, status and date conditions of an event query, on
    the events table or on ``pair_events`` (same column names)."""
    if root:
        where.append(f"{prefix}root = ?")
        args.append(root.zfill(2))
    if code:
        if not code.isdigit():
            raise InputError(f"code must be a CAMEO code or its prefix (digits), got {code!r}")
        if len(code) == 1:
            # a whole group of roots ("1": 10-19) is a large share of all events: reading them in
            # list order and stopping at the page is quicker than any index range, so the
            # condition is written in a form no index serves
            where.append(f"substr({prefix}cameo, 1, 1) = ?")
            args.append(code)
        else:
            # a range instead of LIKE, so the prefix can use an index: "04" -> "04" <= cameo < "05"
            upper = code[:-1] + chr(ord(code[-1]) + 1)
            where.append(f"{prefix}cameo >= ? AND {prefix}cameo < ?")
            args += [code, upper]
    if quad:
        where.append(f"{prefix}quad = ?")
        args.append(quad)
    if status:
        where.append(f"{prefix}status = ?")
        args.append(status)
    _date_range(f"{prefix}date", date_from, date_to, where, args)


def _pair_event_ids(
    store: Store,
    dyad: tuple[str, str],
    root: str | None,
    code: str | None,
    quad: int | None,
    status: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> list[int]:
    """Ids of a pair's events (either direction) in list order, one page: the two directions
    are two ranges of the ``pair_events`` index, already in (date, id) order, merged and cut at
    the page (no sort of a busy pair's hundred thousand events).  Dated events come first, the
    undated after them, as in the events list."""
    a, b = (x.upper() for x in dyad)
    where: list[str] = []
    args: list[Any] = []
    _event_filters("", root, code, quad, status, date_from, date_to, where, args)
    if date_to and store.dialect == "sqlite":
        # implied by substr(date, 1, n) <= to (dates are ASCII below "~"), and bounds the range
        where.append("date < ?")
        args.append(date_to + "~")
    cond = "".join(" AND " + w for w in where)
    directions = [(a, b)] if a == b else [(a, b), (b, a)]

    def page(dated: bool, n: int, skip: int) -> list[int]:
        null = "IS NOT NULL" if dated else "IS NULL"
        arms = " UNION ".join(
            f"SELECT date, event_id FROM pair_events WHERE src = ? AND tgt = ? AND date {null}{cond}"
            for _ in directions
        )  # a compound ORDER BY: SQLite merges the two index ranges and stops at the page
        params = [x for s, t in directions for x in (s, t, *args)]
        sql = f"{arms} ORDER BY date, event_id LIMIT ? OFFSET ?"
        return [int(r[1]) for r in store.tuples(sql, (*params, n, skip))]

    ids = page(True, limit, offset)
    if len(ids) == limit or date_from or date_to:  # a date filter leaves out the undated
        return ids
    if ids:
        skip = 0  # the page reached past the last dated event
    else:
        arms = " UNION ".join(
            f"SELECT event_id FROM pair_events WHERE src = ? AND tgt = ? AND date IS NOT NULL{cond}"
            for _ in directions
        )
        params = [x for s, t in directions for x in (s, t, *args)]
        dated = int(store.conn.execute(f"SELECT COUNT(*) FROM ({arms}) u", params).fetchone()[0])
        skip = offset - dated
    return ids + page(False, limit - len(ids), max(0, skip))


def events_by_id(store: Store, ids: list[int]) -> list[EventRow]:
    """Event records for the given ids, in that order (ids not in the store are left out)."""
    found: dict[int, Any] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(f"SELECT * FROM events WHERE id IN ({marks})", chunk):
            found[int(r["id"])] = r
    return _event_rows(store, [found[i] for i in ids if i in found])


def _event_rows(store: Store, rows: list[Any]) -> list[EventRow]:
    """Records for event rows, with the texts of just the documents they come from."""
    docs: dict[int, Any] = {}
    ids = sorted({r["doc_id"] for r in rows})
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for d in store.conn.execute(
            f"SELECT id, doc_key, outlet, url, text FROM documents WHERE id IN ({marks})", chunk
        ):
            docs[d["id"]] = d
    cache: dict[str, dict[str, str]] = {}
    out = []
    for r in rows:
        d = docs[r["doc_id"]]
        text = d["text"]
        out.append(
            EventRow(
                id=r["id"],
                doc_key=d["doc_key"],
                outlet=d["outlet"],
                url=d["url"],
                date=r["date"],
                date_basis=r["date_basis"],
                source=[_actor_info(store, a, cache) for a in json.loads(r["source_json"])],
                target=[_actor_info(store, a, cache) for a in json.loads(r["target_json"])],
                cameo=r["cameo"],
                plover=r["plover"],
                quad=r["quad"],
                goldstein=r["goldstein"],
                status=r["status"],
                trigger=text[r["trig_start"] : r["trig_end"]],
                sentence=text[r["sent_start"] : r["sent_end"]],
                location=text[r["loc_start"] : r["loc_end"]]
                if r["loc_start"] is not None
                else None,
                rule=r["rule"],
                offsets={
                    "sentence": [r["sent_start"], r["sent_end"]],
                    "trigger": [r["trig_start"], r["trig_end"]],
                },
            )
        )
    return out


def quotes(
    store: Store,
    doc: str | None = None,
    speaker: str | None = None,
    about: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotes filtered by document, speaker (id, code or a part of the name) and the actor they are about."""
    _check_limit(limit, offset)
    where: list[str] = []
    args: list[Any] = []
    doc_id = _doc_id(store, doc)
    if doc_id is not None:
        where.append("q.doc_id = ?")
        args.append(doc_id)
    if speaker:
        where.append(
            "(q.speaker_id = ? OR a.code = ? OR a.name LIKE '%' || ? || '%' OR a.name_en LIKE '%' || ? || '%')"
        )
        args += [speaker, speaker, speaker, speaker]
    # the "about" filter reads the stored JSON, so with it paging happens after filtering
    page = (MAX_LIMIT, 0) if about else (limit, offset)
    sql = (
        "SELECT q.*, d.doc_key, d.text FROM quotes q JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN actors a ON a.id = q.speaker_id "
        + (("WHERE " + " AND ".join(where)) if where else "")
        + " ORDER BY q.doc_id, q.start LIMIT ? OFFSET ?"
    )
    cache: dict[str, dict[str, str]] = {}
    out = []
    for r in store.conn.execute(sql, (*args, *page)):
        ab = [{**_actor_info(store, a, cache), "stance": s} for a, s in json.loads(r["about_json"])]
        if about and not any(
            x["id"] == about or country_part(x["code"]) == about or x["code"] == about for x in ab
        ):
            continue
        text = r["text"]
        out.append(
            QuoteRow(
                id=r["id"],
                doc_key=r["doc_key"],
                speaker=_actor_info(store, r["speaker_id"], cache) if r["speaker_id"] else None,
                via=_actor_info(store, r["via_id"], cache) if r["via_id"] else None,
                cue=text[r["cue_start"] : r["cue_end"]],
                text=text[r["start"] : r["end"]],
                direct=bool(r["direct"]),
                about=ab,
                rule=r["rule"],
                offsets={"cue": [r["cue_start"], r["cue_end"]], "text": [r["start"], r["end"]]},
            )
        )
    return out[offset : offset + limit] if about else out

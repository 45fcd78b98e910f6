"""The store: SQLite by default (WAL, named migrations, FTS5 over the normalized text), or
PostgreSQL for a shared deployment (``postgresql://…``: same schema and queries, see
:mod:`marsad.store.postgres`).

Each document is written with all its annotation layers in one transaction, so
an interrupted run loses at most the document in flight and a re-run finishes
the job.  Documents are identified by the hash of their clean text: the same
content again is a no-op, the same URL with new content is a new version.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from marsad.errors import NotFoundError, StoreError
from marsad.model import (
    Actor,
    Analysis,
    Document,
    DocumentMeta,
    Event,
    Mention,
    Quote,
    RemovedLine,
    TimeExpression,
    country_part,
)
from marsad.store import facts
from marsad.text.normalize import normalize, normalize_word

DEFAULT_DB = "marsad.db"
_MIGRATIONS = Path(str(resources.files("marsad.store"))) / "migrations"


def default_db_path() -> str:
    """``$MARSAD_DB`` if set, else ``./marsad.db``."""
    return os.environ.get("MARSAD_DB") or DEFAULT_DB


@dataclass(frozen=True, slots=True)
class AddResult:
    status: str  # "added" | "present" | "new_version"
    doc_key: str
    doc_id: int
    version: int


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    key: str
    version: int
    ingested_at: str
    document: Document


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_key: str
    title: str | None
    published: str | None
    snippet: str
    highlights: list[tuple[int, int]]  # offsets into snippet
    score: float


class Connection(Protocol):
    """What the store and the queries use of a DB-API connection (sqlite3's, or the PostgreSQL
    adapter's): ``?`` placeholders, rows readable by column name and position."""

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]], /) -> Any: ...

    @property
    def in_transaction(self) -> bool: ...

    def close(self) -> None: ...


def migration_names() -> list[str]:
    return sorted(p.name for p in _MIGRATIONS.glob("*.sql"))


def run_backfills(store: Store, name: str) -> None:
    """The Python half of a migration that derives data from what is stored (run inside the
    migration's transaction, after its SQL, for SQLite and PostgreSQL alike)."""
    if name.startswith("0007_"):
        from marsad.store.facts import backfill

        backfill(store)


class Store:
    """A connection to one store; use :func:`open_store`."""

    dialect = "sqlite"
    conn: Connection

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self.conn = conn
            if path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=10000")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store: {exc}", source=path) from exc

    # -- schema ---------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the named migrations not applied yet, each in its own transaction."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
        applied = []
        for name in migration_names():
            if name in done:
                continue
            sql = (_MIGRATIONS / name).read_text(encoding="utf-8")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                run_backfills(self, name)
                self.conn.execute(
                    "INSERT INTO _migrations VALUES (?, ?)", (name, datetime.now(UTC).isoformat())
                )
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}", source=self.path) from exc
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY name")]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------
    def find_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT doc_key FROM documents WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def add(self, analysis: Analysis) -> AddResult:
        """Store a document and all its layers in one transaction (a no-op if the content is known)."""
        doc = analysis.document
        h = doc.hash
        key = h[:12]
        try:
            self._begin_write()
            row = self.conn.execute(
                "SELECT id, doc_key, version FROM documents WHERE content_hash = ?", (h,)
            ).fetchone()
            if row:
                self.conn.execute("ROLLBACK")
                return AddResult("present", row["doc_key"], row["id"], row["version"])
            version = 1
            if doc.meta.url:
                prev = self.conn.execute(
                    "SELECT COUNT(*) FROM documents WHERE url = ?", (doc.meta.url,)
                ).fetchone()[0]
                version = prev + 1
            doc_id = self._insert_document(analysis, key, h, version)
            event_ids, dyads = self._insert_layers(doc_id, analysis)
            facts.write_document_facts(self, doc_id, analysis, event_ids, dyads)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return AddResult("new_version" if version > 1 else "added", key, doc_id, version)

    def _begin_write(self) -> None:
        """Start a write transaction that holds the write lock at once (writers queue, never race)."""
        self.conn.execute("BEGIN IMMEDIATE")

    def _insert_id(self, sql: str, params: tuple[Any, ...]) -> int:
        """Run an INSERT and return the new row's id."""
        return int(self.conn.execute(sql, params).lastrowid or 0)

    def _event_ids(self, n: int) -> list[int]:
        """Ids for ``n`` new events: the ones SQLite would give them one by one (inside the write
        transaction, so no other writer can take them)."""
        last = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]
        return list(range(last + 1, last + 1 + n))

    def _index_text(self, doc_id: int, title: str, body: str) -> None:
        """Add a document's normalized title and body to the full-text index."""
        self.conn.execute(
            "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)", (doc_id, title, body)
        )

    def _insert_document(self, analysis: Analysis, key: str, h: str, version: int) -> int:
        doc = analysis.document
        m = doc.meta
        doc_id = self._insert_id(
            """INSERT INTO documents (doc_key, content_hash, url, version, source, fmt, title, outlet,
               author, published, published_basis, published_precision, language, raw_text, text,
               removed_json, warnings_json, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                key,
                h,
                m.url,
                version,
                m.source,
                m.fmt,
                m.title,
                m.outlet,
                m.author,
                m.published,
                m.published_basis,
                m.published_precision,
                m.language,
                doc.raw,
                doc.text,
                json.dumps([[r.start, r.end, r.rule] for r in doc.removed]),
                json.dumps(doc.warnings, ensure_ascii=False),
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        self._index_text(doc_id, normalize(m.title or "").text, fts_body(analysis))
        return doc_id

    def _insert_layers(
        self, doc_id: int, a: Analysis
    ) -> tuple[list[int], list[list[tuple[str, str]]]]:
        """Write the annotation layers; return the new event ids and each event's dyads."""
        c = self.conn
        c.executemany(
            "INSERT OR IGNORE INTO actors VALUES (?,?,?,?,?,?,?)",
            [
                (
                    actor.id,
                    actor.kind,
                    actor.code,
                    country_part(actor.code),
                    actor.name,
                    actor.name_en,
                    actor.entry,
                )
                for actor in a.actors.values()
            ],
        )
        c.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?)",
            [(doc_id, m.start, m.end, m.actor, m.rule) for m in a.mentions],
        )
        c.executemany(
            "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    t.start,
                    t.end,
                    t.date_from.isoformat(),
                    t.date_to.isoformat(),
                    t.granularity,
                    t.anchor.isoformat() if t.anchor else None,
                    t.rule,
                    t.time_of_day,
                )
                for t in a.timexes
            ],
        )
        # Events in two statements, not two per event (a news article has dozens): their ids
        # are taken first, so the pair rows can name them.
        ids = self._event_ids(len(a.events))
        dyads = [event_pairs(e, a.actors) for e in a.events]
        c.executemany(
            """INSERT INTO events (id, doc_id, sent_start, sent_end, trig_start, trig_end,
               source_json, target_json, cameo, root, plover, goldstein, quad, status, date,
               date_basis, loc_start, loc_end, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            [
                (
                    event_id,
                    doc_id,
                    *e.sentence,
                    *e.trigger,
                    json.dumps(e.source),
                    json.dumps(e.target),
                    e.cameo,
                    e.cameo[:2],
                    e.plover,
                    e.goldstein,
                    e.quad,
                    e.status,
                    e.date,
                    e.date_basis,
                    *(e.location or (None, None)),
                    e.rule,
                )
                for event_id, e in zip(ids, a.events, strict=True)
            ],
        )
        c.executemany(
            "INSERT INTO event_dyads VALUES (?,?,?,?,?)",
            [
                (event_id, src, tgt, e.cameo[:2], e.date)
                for event_id, e, pairs in zip(ids, a.events, dyads, strict=True)
                for src, tgt in pairs
            ],
        )
        c.executemany(
            """INSERT INTO quotes (doc_id, cue_start, cue_end, start, end, speaker_id, speaker_start,
               speaker_end, via_id, direct, about_json, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
            [
                (
                    doc_id,
                    *q.cue,
                    *q.content,
                    q.speaker,
                    *(q.speaker_span or (None, None)),
                    q.via,
                    int(q.direct),
                    json.dumps(q.about),
                    q.rule,
                )
                for q in a.quotes
            ],
        )
        return ids, dyads

    def delete(self, ref: str | int) -> StoredDocument:
        """Remove a document and everything derived from it (one transaction); the documents that
        near-duplicated it find a new representative.  Returns what was removed."""
        gone = _stored(self._row(ref))
        try:
            self._begin_write()
            members = [
                int(r[0])
                for r in self.conn.execute(
                    "SELECT doc_id FROM doc_dups WHERE rep_id = ? AND doc_id != ?",
                    (gone.id, gone.id),
                )
            ]
            self._unindex_text(gone.id)
            self.conn.execute("DELETE FROM documents WHERE id = ?", (gone.id,))  # layers cascade
            facts.recluster(self.conn, members)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return gone

    def _unindex_text(self, doc_id: int) -> None:
        self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (doc_id,))

    # -- reading --------------------------------------------------------------
    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """All rows of a query as plain tuples: for the queries that read tens of thousands of
        rows, where building a row object readable by name costs more than the query."""
        cur = self.conn.cursor()  # type: ignore[attr-defined]  # sqlite3 here, see PgStore
        cur.row_factory = None
        return list(cur.execute(sql, params).fetchall())

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def _row(self, ref: str | int) -> Any:
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit() and len(ref) < 12):
            row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (int(ref),)).fetchone()
        else:  # the exact key first: an index lookup (the prefix query scans every document)
            row = self.conn.execute("SELECT * FROM documents WHERE doc_key = ?", (ref,)).fetchone()
            if row is None:
                row = self.conn.execute(
                    "SELECT * FROM documents WHERE length(?) >= 4 AND doc_key LIKE ? || '%'"
                    " ORDER BY doc_key LIMIT 2",
                    (ref, ref),
                ).fetchone()
            if row is None:
                row = self.conn.execute(
                    "SELECT * FROM documents WHERE source = ? OR source LIKE ? ORDER BY id DESC LIMIT 1",
                    (ref, f"%/{ref}"),
                ).fetchone()
        if row is None:
            raise NotFoundError(f"no document with id, key or source {ref!r}", source=self.path)
        return row

    def get_document(self, ref: str | int) -> StoredDocument:
        """A stored document by row id, key (or a unique prefix of it) or source file name."""
        return _stored(self._row(ref))

    def iter_documents(self) -> Iterator[StoredDocument]:
        for row in self.conn.execute("SELECT * FROM documents ORDER BY id"):
            yield _stored(row)

    def load_analysis(self, ref: str | int) -> Analysis:
        """Rebuild a stored document's analysis from its stored layers (no pipeline run)."""
        row = self._row(ref)
        doc_id = row["id"]
        a = Analysis.of(_stored(row).document)
        c = self.conn
        for r in c.execute(
            "SELECT DISTINCT a.* FROM actors a JOIN mentions m ON m.actor_id = a.id WHERE m.doc_id = ?",
            (doc_id,),
        ):
            a.actors[r["id"]] = Actor(
                r["id"], r["kind"], r["code"], r["name"], r["name_en"], r["entry"]
            )
        event_actor_ids: set[str] = set()
        a.mentions = [
            Mention(r["start"], r["end"], r["actor_id"], r["rule"])
            for r in c.execute("SELECT * FROM mentions WHERE doc_id = ? ORDER BY start", (doc_id,))
        ]
        a.timexes = [
            TimeExpression(
                r["start"],
                r["end"],
                date.fromisoformat(r["date_from"]),
                date.fromisoformat(r["date_to"]),
                r["granularity"],
                date.fromisoformat(r["anchor"]) if r["anchor"] else None,
                r["rule"],
                r["time_of_day"],
            )
            for r in c.execute("SELECT * FROM timexes WHERE doc_id = ? ORDER BY start", (doc_id,))
        ]
        for r in c.execute("SELECT * FROM events WHERE doc_id = ? ORDER BY id", (doc_id,)):
            e = Event(
                (r["sent_start"], r["sent_end"]),
                (r["trig_start"], r["trig_end"]),
                json.loads(r["source_json"]),
                json.loads(r["target_json"]),
                r["cameo"],
                r["plover"],
                r["goldstein"],
                r["quad"],
                r["status"],
                r["rule"],
                r["date"],
                r["date_basis"],
                None,
                (r["loc_start"], r["loc_end"]) if r["loc_start"] is not None else None,
            )
            event_actor_ids.update(e.source + e.target)
            a.events.append(e)
        for r in c.execute("SELECT * FROM quotes WHERE doc_id = ? ORDER BY id", (doc_id,)):
            q = Quote(
                (r["cue_start"], r["cue_end"]),
                (r["start"], r["end"]),
                r["speaker_id"],
                bool(r["direct"]),
                r["rule"],
                (r["speaker_start"], r["speaker_end"]) if r["speaker_start"] is not None else None,
                r["via_id"],
                [tuple(x) for x in json.loads(r["about_json"])],
            )
            event_actor_ids.update(x for x in (q.speaker, q.via) if x)
            a.quotes.append(q)
        missing = event_actor_ids - set(a.actors)
        for actor_id in missing:
            r = c.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
            if r:
                a.actors[actor_id] = Actor(
                    r["id"], r["kind"], r["code"], r["name"], r["name_en"], r["entry"]
                )
        a.stages_run = ["stored"]
        return a

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every word of ``query`` (normalized), best first, with snippets."""
        terms = [t for t in re.split(r"[\s\"']+", normalize(query).text) if t]
        if not terms:
            return []
        fts_query = " AND ".join('"' + t.replace('"', "") + '"' for t in terms)
        rows = self.conn.execute(
            """SELECT d.*, bm25(documents_fts) AS score FROM documents_fts
               JOIN documents d ON d.id = documents_fts.rowid
               WHERE documents_fts MATCH ? ORDER BY score LIMIT ?""",
            (fts_query, limit),
        ).fetchall()
        hits = []
        for row in rows:
            snippet, marks = make_snippet(row["text"], terms)
            hits.append(
                SearchHit(
                    row["doc_key"], row["title"], row["published"], snippet, marks, -row["score"]
                )
            )
        return hits


def _stored(row: Any) -> StoredDocument:
    meta = DocumentMeta(
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        published_basis=row["published_basis"],
        published_precision=row["published_precision"],
        language=row["language"],
        url=row["url"],
        source=row["source"],
        fmt=row["fmt"],
    )
    removed = [RemovedLine(s, e, rule) for s, e, rule in json.loads(row["removed_json"])]
    doc = Document(row["raw_text"], row["text"], meta, removed, json.loads(row["warnings_json"]))
    return StoredDocument(row["id"], row["doc_key"], row["version"], row["ingested_at"], doc)


def event_pairs(e: Event, actors: dict[str, Actor]) -> list[tuple[str, str]]:
    """(source country, target country) pairs of an event; '-' for no target."""

    def cc(actor_id: str) -> str:
        actor = actors.get(actor_id)
        return country_part(actor.code) if actor else actor_id

    sources = [cc(s) for s in e.source] or ["-"]
    targets = [cc(t) for t in e.target] or ["-"]
    return [(s, t) for s in sources for t in targets]


FTS_BODY = "store.fts_body"  # Analysis.extras key of a body made beforehand (by a worker process)


def fts_body(a: Analysis) -> str:
    """Normalized text plus the clitic-free stems of its words, for matching "لباكو" on "باكو"."""
    made = a.extras.get(FTS_BODY)
    if isinstance(made, str):
        return made
    body = a.norm.text
    if a.segmentation is None:
        return body
    text = a.text
    stems = [  # word tokens hold letters only, so the cached word fold is the same fold
        normalize_word(text[t.start : t.end])
        for i, t in enumerate(a.segmentation.tokens)
        if t.kind == "word" and i > 0 and a.segmentation.tokens[i - 1].kind == "proclitic"
    ]
    return body + "\n" + " ".join(stems)


def make_snippet(text: str, terms: list[str], width: int = 80) -> tuple[str, list[tuple[int, int]]]:
    """A window of the original text around the first hit, with the offsets of every hit in it."""
    norm = normalize(text)
    hits: list[tuple[int, int]] = []
    for term in terms:
        for m in re.finditer(re.escape(term), norm.text):
            hits.append(norm.span_to_original(*m.span()))
    hits.sort()
    if not hits:
        return text[: 2 * width].replace("\n", " "), []
    center = hits[0][0]
    lo = max(0, center - width)
    hi = min(len(text), center + width)
    window = text[lo:hi]
    marks = [(s - lo, e - lo) for s, e in hits if s >= lo and e <= hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    marks = [(s + len(prefix), e + len(prefix)) for s, e in marks]
    return prefix + window.replace("\n", " ") + suffix, marks


def is_postgres_url(path: str) -> bool:
    return path.startswith(("postgresql://", "postgres://"))


def _split_sql(sql: str) -> list[str]:
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def open_store(path: str | os.PathLike[str] | None = None) -> Store:
    """Open (and migrate) the store at ``path``, ``$MARSAD_DB`` or ``./marsad.db``."""
    p = str(path) if path is not None else default_db_path()
    if is_postgres_url(p):
        from marsad.store.postgres import PgStore

        return PgStore(p)
    if p != ":memory:":
        parent = Path(p).expanduser().resolve().parent
        if not parent.exists():
            raise StoreError(f"folder {parent} does not exist", source=p)
    return Store(p)

"""PostgreSQL as the store, for a deployment that many processes or machines share.

Same tables, same migration names, same :class:`~marsad.store.Store` API: the
queries of :mod:`marsad.query`, the relations and the API run unchanged,
because the connection here speaks the small part of the ``sqlite3`` interface
they use (``execute`` with ``?`` placeholders, rows readable by name or
position, ``executemany``, ``in_transaction``).  The SQL differences are few
and handled in :func:`translate`: ``%s`` placeholders, ``INSERT OR IGNORE``,
``BEGIN IMMEDIATE`` and the column named ``end`` (a reserved word here).

Full-text search uses a normalized column: ``documents_fts`` keeps the
normalized title and body (with clitic-free stems, as for SQLite) and a
generated ``tsvector`` over them with a GIN index.

Writers serialize on an advisory lock, as SQLite's ``BEGIN IMMEDIATE`` does,
so "same content is present, same URL is a new version" holds with many
writers.  Migrations take another advisory lock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.store import SearchHit, Store, _split_sql, make_snippet, run_backfills
from marsad.text.normalize import normalize

PG_MIGRATIONS = Path(str(resources.files("marsad.store"))) / "migrations" / "postgres"
_WRITE_LOCK = 0x6D61727361640001  # "marsad" + 1: the advisory lock writers take
_MIGRATE_LOCK = 0x6D61727361640002
_END = re.compile(r'(?<![\w."])end(?![\w"])')
_PASSWORD = re.compile(r"(://[^:/@]+:)[^@]*@")


def safe_dsn(dsn: str) -> str:
    """The connection URL without its password, for messages."""
    return _PASSWORD.sub(r"\1***@", dsn)


def pg_migration_names() -> list[str]:
    return sorted(p.name for p in PG_MIGRATIONS.glob("*.sql"))


def translate(sql: str, has_params: bool) -> str:
    """SQLite-flavoured SQL as marsad writes it, in PostgreSQL's dialect."""
    out = sql.strip()
    if out.upper().startswith("BEGIN"):
        return "BEGIN"
    if out.upper().startswith("INSERT OR IGNORE"):
        out = "INSERT" + out[len("INSERT OR IGNORE") :] + " ON CONFLICT DO NOTHING"
    if "CASE" not in out.upper():
        out = _END.sub('"end"', out)
    if has_params:
        out = out.replace("%", "%%").replace("?", "%s")
    return out


class Row:
    """A result row readable by column name or position, like :class:`sqlite3.Row`."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values, strict=False))!r})"


def _row_factory(cursor: Any) -> Any:
    description = cursor.description or []
    index: dict[str, int] = {}
    for i, column in enumerate(description):
        index.setdefault(column.name, i)  # a repeated name reads the first, as in sqlite3

    def make(values: Sequence[Any]) -> Row:
        return Row(index, values)

    return make


class PgConnection:
    """The part of :class:`sqlite3.Connection` that marsad uses, over a psycopg connection."""

    def __init__(self, dsn: str) -> None:
        import psycopg
        from psycopg.types.string import StrDumper

        self.raw = psycopg.connect(dsn, autocommit=True, row_factory=_row_factory)
        # Python str as text (psycopg's default is "unknown"), so that `? || '%'` and
        # `length(?)` written for SQLite type-check here too.
        self.raw.adapters.register_dumper(str, StrDumper)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.raw.cursor()
        cur.execute(translate(sql, bool(params)), tuple(params) if params else None)
        return cur

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        rows = [tuple(r) for r in seq]
        cur = self.raw.cursor()
        if rows:
            cur.executemany(translate(sql, True), rows)
        return cur

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def close(self) -> None:
        self.raw.close()


class PgStore(Store):
    """A store in a PostgreSQL database; use :func:`marsad.store.open_store` with a URL."""

    dialect = "postgresql"
    conn: PgConnection

    def __init__(self, dsn: str) -> None:
        import psycopg

        self.path = safe_dsn(dsn)
        try:
            self.conn = PgConnection(dsn)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}", source=self.path) from exc
        try:
            self.migrate()
        except psycopg.Error as exc:
            self.close()
            raise StoreError(f"cannot migrate the store: {exc}", source=self.path) from exc

    def migrate(self) -> list[str]:
        """Apply the PostgreSQL versions of the named migrations not applied yet, each in its own
        transaction, under a lock so that two processes opening a new store do not race."""
        import psycopg

        c = self.conn
        c.execute("SELECT pg_advisory_lock(?)", (_MIGRATE_LOCK,))
        try:
            c.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {r[0] for r in c.execute("SELECT name FROM _migrations")}
            applied = []
            for name in pg_migration_names():
                if name in done:
                    continue
                sql = (PG_MIGRATIONS / name).read_text(encoding="utf-8")
                try:
                    c.execute("BEGIN")
                    for statement in _split_sql(sql):
                        c.raw.execute(statement)  # DDL as written, no parameters
                    run_backfills(self, name)
                    c.execute(
                        "INSERT INTO _migrations VALUES (?, ?)",
                        (name, datetime.now(UTC).isoformat()),
                    )
                    c.execute("COMMIT")
                except psycopg.Error as exc:
                    c.execute("ROLLBACK")
                    raise StoreError(f"migration {name} failed: {exc}", source=self.path) from exc
                applied.append(name)
            return applied
        finally:
            c.execute("SELECT pg_advisory_unlock(?)", (_MIGRATE_LOCK,))

    def _begin_write(self) -> None:
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(?)", (_WRITE_LOCK,))

    def _insert_id(self, sql: str, params: tuple[Any, ...]) -> int:
        return int(self.conn.execute(sql + " RETURNING id", params).fetchone()[0])

    def _event_ids(self, n: int) -> list[int]:
        if not n:
            return []
        rows = self.conn.execute(
            "SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, ?)",
            (n,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def _index_text(self, doc_id: int, title: str, body: str) -> None:
        self.conn.execute(
            "INSERT INTO documents_fts (doc_id, title, body) VALUES (?, ?, ?)",
            (doc_id, title, body),
        )

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        from psycopg.rows import tuple_row

        cur = self.conn.raw.cursor(row_factory=tuple_row)
        cur.execute(translate(sql, bool(params)), tuple(params) if params else None)
        return list(cur.fetchall())

    def _unindex_text(self, doc_id: int) -> None:
        pass  # documents_fts rows go with their document (ON DELETE CASCADE)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every word of ``query`` (normalized), best first, with snippets."""
        terms = [t for t in re.split(r"[\s\"']+", normalize(query).text) if t]
        if not terms:
            return []
        rows = self.conn.execute(
            """SELECT d.*, ts_rank(f.tsv, q) AS score
               FROM documents_fts f JOIN documents d ON d.id = f.doc_id,
                    plainto_tsquery('simple', ?) AS q
               WHERE f.tsv @@ q ORDER BY score DESC, d.id LIMIT ?""",
            (" ".join(terms), limit),
        ).fetchall()
        hits = []
        for row in rows:
            snippet, marks = make_snippet(row["text"], terms)
            hits.append(
                SearchHit(
                    row["doc_key"], row["title"], row["published"], snippet, marks, row["score"]
                )
            )
        return hits

"""What the relation queries need, written when a document is stored.

A pair's timeline merges reports across articles (:mod:`marsad.relations.merge`): it needs, for
every event of the pair, the pair the merge groups by (the first source's and first target's
country), the code, the date and whether the date came from the text; for every document, which
earlier document it near-duplicates (syndicated copies count as one source); and for every quote,
the countries of its speaker and of whom it is about.  Reading these from the JSON columns and
MinHashing the texts at query time took seconds for a busy pair over a million events, so
:meth:`marsad.store.Store.add` writes them here, in the same transaction as the document:

``pair_events``
    one row per (event, dyad) with the event's merge facts, indexed by (dyad, date) so the events
    of a pair in a period are one range scan of one covering index;
``quote_pairs``
    one row per (quote, actor it is about) with the two countries, the stance and the document's
    publication date (what dates the tone);
``doc_dups`` and ``doc_bands``
    each document's MinHash signature and the first stored document it near-duplicates
    (``rep_id``: itself when none).  Only representatives have LSH band rows, so a new document
    is compared with the representatives that share a band with it.  With 16 bands of 4 rows a
    pair of signatures that agree on at least 80 % of their 64 values (at most 12 differ)
    always shares a band, so the band lookup finds every representative the exhaustive
    comparison would: the candidates are exact, not probable.

Nothing here depends on actor merges (they map aliases of people; the codes, and so the
countries, are unchanged), so applying or undoing one needs no update.  Deleting a document
(:meth:`marsad.store.Store.delete`) cascades to its rows and re-clusters the documents that
pointed at it.  Stores made before migration 0007 are filled by :func:`backfill` inside that
migration's transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from marsad.model import Analysis, country_part

if TYPE_CHECKING:
    from marsad.store import Store

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8  # Jaccard estimate at or above which two documents count as one source
SHINGLE = 5
_MASK = (1 << 61) - 1
_A = [(i * 0x9E3779B97F4A7C15 + 1) & _MASK for i in range(NUM_PERM)]
_B = [(i * 0xC2B2AE3D27D4EB4F + 7) & _MASK for i in range(NUM_PERM)]
_WORDS = re.compile(r"\w+")
_SIG = struct.Struct(f"<{NUM_PERM}Q")
FACT_TABLES = ("pair_events", "quote_pairs", "doc_bands", "doc_dups")
# date bases that come from the text (a date expression, or the day the passage has set), as
# against the publication date alone: events dated by the text weigh fully in a timeline
TEXT_DATED = ("expression", "narrative")
SIGNATURE = "store.signature"  # Analysis.extras key of a signature made beforehand (by a worker)


def _shingle_hashes(text: str) -> list[int]:
    words = _WORDS.findall(text)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return [
        int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles
    ]


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a text: the same values as :func:`marsad.relations.merge.minhash`
    (5-word shingles, 64 permutations ``(a*h + b) mod 2**61``), computed with numpy when it is
    there (the low 61 bits of a product survive numpy's wrap-around modulo 2**64)."""
    hashes = _shingle_hashes(text)
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with matplotlib and dask
        return tuple(
            min(((a * h + b) & _MASK) for h in hashes) for a, b in zip(_A, _B, strict=True)
        )
    h = np.array(hashes, dtype=np.uint64)[None, :]
    a = np.array(_A, dtype=np.uint64)[:, None]
    b = np.array(_B, dtype=np.uint64)[:, None]
    return tuple(int(x) for x in ((a * h + b) & np.uint64(_MASK)).min(axis=1))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def pack(sig: Sequence[int]) -> bytes:
    return _SIG.pack(*sig)


def unpack(blob: bytes | memoryview) -> tuple[int, ...]:
    return _SIG.unpack(bytes(blob))


def buckets(sig: Sequence[int]) -> list[int]:
    """One LSH bucket per band: a 63-bit hash of the band's number and its values."""
    out = []
    for band in range(BANDS):
        part = struct.pack(f"<H{ROWS}Q", band, *sig[band * ROWS : (band + 1) * ROWS])
        out.append(int.from_bytes(hashlib.blake2b(part, digest_size=8).digest(), "big") >> 1)
    return out


# -- near-duplicate clusters ------------------------------------------------------------------
def _marks(n: int) -> str:
    return ",".join("?" * n)


def find_rep(conn: Any, sig: Sequence[int], before: int | None = None) -> int | None:
    """The first stored representative (lowest id, below ``before`` if given) whose signature
    agrees with ``sig`` at the threshold, or None."""
    keys = buckets(sig)
    sql = f"SELECT DISTINCT doc_id FROM doc_bands WHERE bucket IN ({_marks(len(keys))})"
    args: list[Any] = list(keys)
    if before is not None:
        sql += " AND doc_id < ?"
        args.append(before)
    candidates = sorted(int(r[0]) for r in conn.execute(sql, args))
    for i in range(0, len(candidates), 200):
        chunk = candidates[i : i + 200]
        sigs = {
            int(r[0]): unpack(r[1])
            for r in conn.execute(
                f"SELECT doc_id, signature FROM doc_dups WHERE doc_id IN ({_marks(len(chunk))})",
                chunk,
            )
        }
        for doc_id in chunk:
            other = sigs.get(doc_id)
            if other is not None and similarity(sig, other) >= THRESHOLD:
                return doc_id
    return None


def representatives(store: Store, doc_ids: Sequence[int]) -> dict[int, int]:
    """Document id -> the representative of its near-duplicate cluster, for those of ``doc_ids``
    that are not their own (what a timeline counts independent sources on).  Sorted ids are
    looked up in primary-key order, a page of signatures at a time."""
    out: dict[int, int] = {}
    for i in range(0, len(doc_ids), 500):
        chunk = list(doc_ids[i : i + 500])
        out.update(
            store.tuples(
                f"SELECT doc_id, rep_id FROM doc_dups WHERE doc_id IN ({_marks(len(chunk))})"
                " AND rep_id <> doc_id",
                chunk,
            )
        )
    return out


def _make_rep(conn: Any, doc_id: int, sig: Sequence[int]) -> None:
    conn.executemany(
        "INSERT INTO doc_bands (bucket, doc_id) VALUES (?, ?)", [(k, doc_id) for k in buckets(sig)]
    )


def cluster_document(conn: Any, doc_id: int, text: str, sig: Sequence[int] | None = None) -> int:
    """Record a new document's signature and the representative of its near-duplicate cluster
    (the first stored document it near-duplicates, else itself); returns that id."""
    sig = signature(text) if sig is None else sig
    rep = find_rep(conn, sig)
    conn.execute(
        "INSERT INTO doc_dups (doc_id, rep_id, signature) VALUES (?, ?, ?)",
        (doc_id, doc_id if rep is None else rep, pack(sig)),
    )
    if rep is None:
        _make_rep(conn, doc_id, sig)
    return doc_id if rep is None else rep


def recluster(conn: Any, members: Iterable[int]) -> None:
    """Find new representatives for documents whose representative was deleted: each, in the
    order they were stored, joins the first earlier representative it near-duplicates (a member
    promoted before it included), else becomes one."""
    for doc_id in sorted(members):
        row = conn.execute("SELECT signature FROM doc_dups WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            continue
        sig = unpack(row[0])
        rep = find_rep(conn, sig, before=doc_id)
        conn.execute(
            "UPDATE doc_dups SET rep_id = ? WHERE doc_id = ?",
            (doc_id if rep is None else rep, doc_id),
        )
        if rep is None:
            _make_rep(conn, doc_id, sig)


# -- pair events and quote pairs -----------------------------------------------------------
def _countries(conn: Any, ids: set[str]) -> dict[str, str]:
    """Actor id -> country as the queries see it: the stored actor's code without its sector
    (the first stored record of an id wins), or the id itself for an actor never stored."""
    out: dict[str, str] = {}
    todo = sorted(ids)
    for i in range(0, len(todo), 500):
        chunk = todo[i : i + 500]
        for r in conn.execute(
            f"SELECT id, country FROM actors WHERE id IN ({_marks(len(chunk))})", chunk
        ):
            out[r[0]] = r[1]
    return {x: out.get(x) or country_part(x) for x in ids}


def _first_country(ids: list[str], countries: dict[str, str]) -> str:
    return countries[ids[0]] if ids else "-"


def _pair_event_rows(
    event_id: int,
    doc_id: int,
    dyads: Iterable[tuple[str, str]],
    e: dict[str, Any],
    countries: dict[str, str],
) -> list[tuple[Any, ...]]:
    key_src = _first_country(e["source"], countries)
    key_tgt = _first_country(e["target"], countries)
    seen: dict[tuple[str, str], None] = dict.fromkeys(dyads)
    return [
        (event_id, doc_id, src, tgt, e["date"], e["status"], e["root"], e["cameo"], e["quad"],
         e["goldstein"], e["plover"], int(e["date_basis"] in TEXT_DATED), key_src, key_tgt)
        for src, tgt in seen
    ]  # fmt: skip


INSERT_PAIR_EVENTS = """INSERT INTO pair_events (event_id, doc_id, src, tgt, date, status, root,
    cameo, quad, goldstein, plover, dated, key_src, key_tgt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"""
INSERT_QUOTE_PAIRS = """INSERT INTO quote_pairs (quote_id, doc_id, pos, start, speaker, about,
    stance, published) VALUES (?,?,?,?,?,?,?,?)"""


def write_document_facts(
    store: Store,
    doc_id: int,
    a: Analysis,
    event_ids: list[int],
    dyads: list[list[tuple[str, str]]],
) -> None:
    """The pair events, quote pairs and near-duplicate cluster of a document being stored (called
    inside :meth:`Store.add`'s transaction, after the layers)."""
    c = store.conn
    ids: set[str] = set()
    for e in a.events:
        ids.update(e.source[:1] + e.target[:1])
    for q in a.quotes:
        if q.speaker:
            ids.add(q.speaker)
            ids.update(x for x, _ in q.about)
    countries = _countries(c, ids)
    rows: list[tuple[Any, ...]] = []
    for event_id, e, pairs in zip(event_ids, a.events, dyads, strict=True):
        facts = {
            "source": e.source, "target": e.target, "date": e.date, "status": e.status,
            "root": e.cameo[:2], "cameo": e.cameo, "quad": e.quad, "goldstein": e.goldstein,
            "plover": e.plover, "date_basis": e.date_basis,
        }  # fmt: skip
        rows += _pair_event_rows(event_id, doc_id, pairs, facts, countries)
    c.executemany(INSERT_PAIR_EVENTS, rows)
    if any(q.speaker for q in a.quotes):
        quote_ids = [
            int(r[0])
            for r in c.execute("SELECT id FROM quotes WHERE doc_id = ? ORDER BY id", (doc_id,))
        ]
        published = a.document.meta.published
        c.executemany(
            INSERT_QUOTE_PAIRS,
            [
                (
                    qid,
                    doc_id,
                    pos,
                    q.content[0],
                    countries[q.speaker],
                    countries[x],
                    float(s),
                    published,
                )
                for qid, q in zip(quote_ids, a.quotes, strict=True)
                if q.speaker
                for pos, (x, s) in enumerate(q.about)
            ],
        )
    made = a.extras.get(SIGNATURE)
    sig = tuple(made) if isinstance(made, (tuple, list)) and len(made) == NUM_PERM else None
    cluster_document(c, doc_id, a.document.text, sig)


def backfill(store: Store, batch: int = 20_000) -> None:
    """Fill the fact tables from a store's stored layers (inside the caller's transaction): what
    migration 0007 runs on a store made before it, and what a bulk load runs after writing the
    layers directly."""
    c = store.conn
    for table in FACT_TABLES:
        c.execute(f"DELETE FROM {table}")
    actors = {r[0]: r[1] for r in c.execute("SELECT id, country FROM actors")}

    def country(actor_id: str) -> str:
        return actors.get(actor_id) or country_part(actor_id)

    last = 0
    while True:
        events = c.execute(
            "SELECT id, doc_id, source_json, target_json, date, status, root, cameo, quad,"
            " goldstein, plover, date_basis FROM events WHERE id > ? ORDER BY id LIMIT ?",
            (last, batch),
        ).fetchall()
        if not events:
            break
        lo, hi = int(events[0]["id"]), int(events[-1]["id"])
        dyads: dict[int, list[tuple[str, str]]] = {}
        for r in c.execute(
            "SELECT event_id, src, tgt FROM event_dyads WHERE event_id BETWEEN ? AND ?", (lo, hi)
        ):
            dyads.setdefault(int(r[0]), []).append((r[1], r[2]))
        rows: list[tuple[Any, ...]] = []
        for r in events:
            facts = dict(r)  # sqlite3.Row and the PostgreSQL row both list their keys
            facts["source"] = json.loads(r["source_json"])
            facts["target"] = json.loads(r["target_json"])
            ids = set(facts["source"][:1] + facts["target"][:1])
            rows += _pair_event_rows(
                int(r["id"]), int(r["doc_id"]), dyads.get(int(r["id"]), []), facts,
                {x: country(x) for x in ids},
            )  # fmt: skip
        c.executemany(INSERT_PAIR_EVENTS, rows)
        last = hi
    last = 0
    while True:
        quotes = c.execute(
            "SELECT q.id, q.doc_id, q.start, q.speaker_id, q.about_json, d.published FROM quotes q"
            " JOIN documents d ON d.id = q.doc_id WHERE q.id > ? ORDER BY q.id LIMIT ?",
            (last, batch),
        ).fetchall()
        if not quotes:
            break
        c.executemany(
            INSERT_QUOTE_PAIRS,
            [
                (int(r[0]), int(r[1]), pos, r[2], country(r[3]), country(x), float(s), r[5])
                for r in quotes
                if r[3]
                for pos, (x, s) in enumerate(json.loads(r[4]))
            ],
        )
        last = int(quotes[-1][0])
    last = 0
    while True:
        docs = c.execute(
            "SELECT id, text FROM documents WHERE id > ? ORDER BY id LIMIT ?", (last, 500)
        ).fetchall()
        if not docs:
            break
        for r in docs:
            cluster_document(c, int(r[0]), r[1])
        last = int(docs[-1][0])

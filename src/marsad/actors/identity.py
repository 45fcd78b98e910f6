"""One identity across documents: spelling variants of the same person merged, every merge recorded.

Arabic transliterations of one foreign name vary (ديمتري / دميتري بيسكوف, زياد الدين / ضياءالدين
صفاروف): a person first met in one article under a title (``per:...``) may be a lexicon person, or
the same person another article spelled otherwise.  :func:`propose` compares people of the same
code (country and sector) by the consonant skeleton of their names (long vowels and the article
dropped, ض/ز and ث/س and ذ/ز folded); :func:`apply` records the merges it is given in the
store's ``actor_merges`` table; :func:`undo` marks one as undone.  Nothing else is rewritten:
mentions keep the id they were found with, and readers map aliases with :func:`canonical_map`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from marsad.store import Store
from marsad.text.normalize import normalize_word

_FOLD = str.maketrans(
    {"ض": "ز", "ظ": "ز", "ذ": "ز", "ث": "س", "ص": "س", "ط": "ت", "ق": "ك", "غ": "ج", "ة": "ه"}
)
_VOWELS = str.maketrans("", "", "اويىء ")


@dataclass(frozen=True, slots=True)
class Merge:
    alias_id: str
    canonical_id: str
    score: float
    reason: str


def skeleton(name: str) -> str:
    """The consonants of a name, with the letters transliterations disagree on folded together."""
    words = [
        w[2:] if w.startswith("ال") and len(w) > 4 else w for w in normalize_word(name).split()
    ]
    return "".join(words).translate(_FOLD).translate(_VOWELS)


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similarity(a: str, b: str) -> float:
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return 0.0
    return 1 - _distance(sa, sb) / max(len(sa), len(sb))


def propose(store: Store, threshold: float = 0.8) -> list[Merge]:
    """Merges the store's people call for: a person found by rule whose name is close to another
    person's of the same code (a lexicon person wins; else the one mentioned more; else the one
    stored first)."""
    rows = store.conn.execute(
        "SELECT a.id, a.code, a.name, a.entry, COUNT(m.actor_id) AS n, MIN(m.doc_id) AS first FROM actors a "
        "LEFT JOIN mentions m ON m.actor_id = a.id WHERE a.kind = 'person' GROUP BY a.id, a.code, a.name, a.entry"
    ).fetchall()
    merged = set(canonical_map(store))
    by_code: dict[str, list[tuple[str, str, bool, int, int]]] = {}
    for r in rows:
        by_code.setdefault(r["code"], []).append(
            (r["id"], r["name"], r["entry"] is not None, r["n"], r["first"] or 0)
        )
    out: list[Merge] = []
    for people in by_code.values():
        found = [p for p in people if p[0].startswith("per:") and p[0] not in merged]
        for pid, name, _, n, first in found:
            best: tuple[float, str, str] | None = None
            for oid, oname, known, on, ofirst in people:
                if oid == pid:
                    continue
                score = similarity(name, oname)
                if score >= threshold and (best is None or score > best[0]):
                    # a lexicon person wins, then the one mentioned more, then the one seen first
                    canonical_first = known or on > n or (on == n and ofirst < first)
                    best = (
                        (score, oid, "lexicon" if known else "spelling")
                        if canonical_first
                        else best
                    )
            if best is not None:
                out.append(Merge(pid, best[1], round(best[0], 3), f"name skeleton {best[2]} match"))
    return out


def apply(store: Store, merges: list[Merge]) -> int:
    """Record merges (one transaction); returns how many were new."""
    active = canonical_map(store)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    new = [m for m in merges if active.get(m.alias_id) != m.canonical_id]
    store.conn.execute("BEGIN")
    try:
        store.conn.executemany(
            "INSERT INTO actor_merges (alias_id, canonical_id, score, reason, created_at) VALUES (?, ?, ?, ?, ?)",
            [(m.alias_id, m.canonical_id, m.score, m.reason, now) for m in new],
        )
        store.conn.execute("COMMIT")
    except BaseException:
        store.conn.execute("ROLLBACK")
        raise
    return len(new)


def undo(store: Store, merge_id: int) -> bool:
    """Mark a recorded merge as undone; False if there is no such active merge."""
    cur = store.conn.execute(
        "UPDATE actor_merges SET undone_at = ? WHERE id = ? AND undone_at IS NULL",
        (datetime.now(UTC).isoformat(timespec="seconds"), merge_id),
    )
    return bool(cur.rowcount)


def canonical_map(store: Store) -> dict[str, str]:
    """Alias id -> canonical id for every active merge (chains followed)."""
    pairs = {
        r["alias_id"]: r["canonical_id"]
        for r in store.conn.execute(
            "SELECT alias_id, canonical_id FROM actor_merges WHERE undone_at IS NULL ORDER BY id"
        )
    }
    out = {}
    for alias in pairs:
        target, seen = pairs[alias], {alias}
        while target in pairs and target not in seen:
            seen.add(target)
            target = pairs[target]
        out[alias] = target
    return out


def history(store: Store) -> list[dict[str, object]]:
    return [dict(r) for r in store.conn.execute("SELECT * FROM actor_merges ORDER BY id")]

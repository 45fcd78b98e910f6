"""One real-world event, many reports.

Events from different documents are the same event when they concern the same
pair (in either order for symmetric acts), have compatible codes (the same
CAMEO root), and dates that agree within their precision ("2025-07" agrees
with "2025-07-01"; two different days do not).  A merged event keeps every
mention, counts articles and distinct outlets, and gets a confidence that
grows with independent sources.  Syndicated and near-duplicate articles
(MinHash over word shingles, Jaccard ≥ 0.8) count as one source.

Conflicting reports are not merged away: when reports of the same pair, root
and date disagree on the full CAMEO code, the merged event lists each variant
with its sources (``variants``).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from marsad.query import EventRow

if TYPE_CHECKING:
    from marsad.store import Store

SYMMETRIC = {
    "036",
    "037",
    "040",
    "041",
    "044",
    "045",
    "046",
    "057",
    "060",
    "061",
    "062",
    "063",
    "064",
}
_WORDS = re.compile(r"\w+")
_NUM_PERM = 64
_MASK = (1 << 61) - 1


@dataclass(slots=True)
class MergedEvent:
    key: tuple[str, str, str]  # (source country, target country, root)
    date: str | None
    cameo: str  # the most reported code
    plover: str
    quad: int
    goldstein: float
    status: str
    mentions: list[EventRow] = field(default_factory=list)
    articles: int = 0
    outlets: int = 0
    sources: int = 0  # independent sources after collapsing near-duplicates
    confidence: float = 0.0
    variants: dict[str, list[str]] = field(
        default_factory=dict
    )  # cameo -> doc keys, when reports disagree

    @property
    def weight(self) -> float:
        """Goldstein weight × number of independent sources: what makes a key event."""
        return self.goldstein * max(1, self.sources)


def _country(code: str) -> str:
    from marsad.model import country_part

    return country_part(code)


def _pair(e: EventRow) -> tuple[str, str]:
    s = _country(e.source[0]["code"]) if e.source else "-"
    t = _country(e.target[0]["code"]) if e.target else "-"
    if e.cameo[:3] in SYMMETRIC and t != "-":
        a, b = sorted((s, t))
        return a, b
    return s, t


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two dates agree when one is a prefix of the other (a month contains its days)."""
    if a is None or b is None:
        return a == b
    return a.startswith(b) or b.startswith(a)


def minhash(text: str, k: int = 5) -> tuple[int, ...]:
    words = _WORDS.findall(text)
    shingles = {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}
    hashes = [
        int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles
    ]
    sig = []
    for i in range(_NUM_PERM):
        a = (i * 0x9E3779B97F4A7C15 + 1) & _MASK
        b = (i * 0xC2B2AE3D27D4EB4F + 7) & _MASK
        sig.append(min(((a * h + b) & _MASK) for h in hashes) if hashes else 0)
    return tuple(sig)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def duplicate_groups(texts: dict[str, str], threshold: float = 0.8) -> dict[str, str]:
    """Map each document key to the key of the first document it near-duplicates (itself if none)."""
    sigs = {k: minhash(t) for k, t in texts.items()}
    rep: dict[str, str] = {}
    keys = sorted(texts)
    for i, k in enumerate(keys):
        rep[k] = k
        for j in keys[:i]:
            if rep[j] == j and similarity(sigs[k], sigs[j]) >= threshold:
                rep[k] = j
                break
    return rep


def merge_events(
    events: list[EventRow], duplicates: dict[str, str] | None = None
) -> list[MergedEvent]:
    """Merge the reports of each real-world event across documents."""
    duplicates = duplicates or {}
    groups: dict[tuple[str, str, str], list[list[EventRow]]] = defaultdict(list)
    for e in sorted(events, key=lambda x: (x.date is None, -len(x.date or ""), x.date or "")):
        s, t = _pair(e)
        key = (s, t, e.cameo[:2])
        for cluster in groups[key]:
            if (
                all(dates_agree(e.date, other.date) for other in cluster)
                and e.status == cluster[0].status
            ):
                cluster.append(e)
                break
        else:
            groups[key].append([e])
    out: list[MergedEvent] = []
    for key, clusters in groups.items():
        for cluster in clusters:
            by_code: dict[str, list[str]] = defaultdict(list)
            for e in cluster:
                by_code[e.cameo].append(e.doc_key)
            cameo = max(by_code, key=lambda c: (len(by_code[c]), len(c)))
            first = next(e for e in cluster if e.cameo == cameo)
            date = max((e.date for e in cluster if e.date), key=len, default=None)
            docs = {e.doc_key for e in cluster}
            outlets = {e.outlet or e.doc_key for e in cluster}
            independent = {duplicates.get(d, d) for d in docs}
            n = len(independent)
            out.append(
                MergedEvent(
                    key=key,
                    date=date,
                    cameo=cameo,
                    plover=first.plover,
                    quad=first.quad,
                    goldstein=first.goldstein,
                    status=first.status,
                    mentions=cluster,
                    articles=len(docs),
                    outlets=len(outlets),
                    sources=n,
                    confidence=round(1 - math.exp(-0.9 * n), 3),
                    variants=dict(by_code) if len(by_code) > 1 else {},
                )
            )
    out.sort(key=lambda m: (m.date is None, m.date or ""))
    return out


# What a timeline reads of each event of the pair (``pair_events``): (event id, document id,
# first source's country, first target's country, cameo, date, dated by an expression (0/1),
# quad, goldstein, plover).
Fact = tuple[int, int, str, str, str, str, int, int, float, str]
# Document ids -> the representative of each one's near-duplicate cluster, for those that are
# not their own (:func:`marsad.store.facts.representatives`).
Representatives = Callable[[list[int]], Mapping[int, int]]


@dataclass(slots=True)
class FactCluster:
    """One merged event as :func:`cluster_facts` finds it: the figures a timeline shows."""

    key: tuple[str, str, str]
    date: str
    events: list[Fact]
    cameo: str = ""
    plover: str = ""
    quad: int = 0
    goldstein: float = 0.0
    sources: int = 0  # independent sources; while not ``exact``, the documents (at least as many)
    dated: bool = False
    order: int = 0  # the key's place in order of first appearance (merge_events' group order)
    exact: bool = True  # False until :func:`count_sources` has looked up the near-duplicates

    @property
    def weight(self) -> float:
        """Goldstein weight × independent sources (rounded as a key event shows it)."""
        return round(self.goldstein * max(1, self.sources), 2)


def cluster_facts(facts: list[Fact]) -> list[FactCluster]:
    """:func:`merge_events` over stored facts of asserted, dated events, in the same order and
    with the same results, without building a record per event.

    ``facts`` come most precise date first (then date, then id), as :func:`merge_events` sorts
    its input.  A cluster's first event then has its longest date and every other date in it is
    a prefix of that one, so "agrees with every date in the cluster" is "is a prefix of the first
    date", and the first cluster (in creation order) of a key that a date is a prefix of is found
    in a dict of every prefix of every cluster's first date.  The prefixes of one length are
    registered when the first date of that length comes (every cluster made before it, in the
    order they were made), so the common case, a year of day-dated events, is one flat dict
    lookup per event.

    Independent sources need the representatives of the documents' near-duplicate clusters:
    looking them up for every document of a busy year costs more than the clustering, and a
    timeline needs them only to rank its key events.  So a cluster reporting one document is
    exact (one source, whatever it copies), and the others count their documents, an upper
    bound, until :func:`count_sources` is asked for them."""
    first: dict[tuple[str, str, str, str], list[Fact]] = {}  # (s, t, root, date prefix) -> events
    made: list[tuple[tuple[str, str, str, str], list[Fact]]] = []  # (key and date, events)
    codes: dict[str, tuple[str, bool]] = {}  # cameo -> (root, symmetric): one lookup per event
    length = 0
    for f in facts:
        s, t, cameo, when = f[2], f[3], f[4], f[5]
        if len(when) != length:  # a shorter date: the prefixes of that length, oldest first
            length = len(when)
            for (s0, t0, r0, d0), ev in made:
                first.setdefault((s0, t0, r0, d0[:length]), ev)
        code = codes.get(cameo)
        if code is None:
            code = codes[cameo] = (cameo[:2], cameo[:3] in SYMMETRIC)
        if code[1] and t < s and t != "-":
            s, t = t, s
        k = (s, t, code[0], when)
        events = first.get(k)
        if events is None:
            first[k] = events = [f]
            made.append((k, events))
        else:
            events.append(f)
    # merge_events sorts its clusters by date, stably over keys in order of first appearance
    # (one cluster per key and date: a second would have joined the first)
    order: dict[tuple[str, str, str], int] = {}
    ranked = sorted(
        (k[3], order.setdefault(k[:3], len(order)), k, events) for k, events in made
    )  # (date, order) is unique, so the sort never compares further
    out = []
    for when, rank, k, events in ranked:
        top = events[0]
        if len(events) == 1:
            out.append(
                FactCluster(
                    k[:3], when, events, top[4], top[9], top[7], top[8], 1, bool(top[6]), rank
                )
            )
            continue
        by_code: dict[str, int] = {}
        dated = False
        for f in events:
            by_code[f[4]] = by_code.get(f[4], 0) + 1
            if f[6]:
                dated = True
        if len(by_code) > 1:  # the most reported code, the longer on a tie, else the first
            best, most = top[4], by_code[top[4]]
            for code_, n in by_code.items():
                if n > most or (n == most and len(code_) > len(best)):
                    best, most = code_, n
            for top in events:
                if top[4] == best:
                    break
        docs = len({f[1] for f in events})
        out.append(
            FactCluster(
                k[:3], when, events, top[4], top[9], top[7], top[8], docs, dated, rank, docs == 1
            )
        )
    return out


def count_sources(clusters: list[FactCluster], representatives: Representatives) -> None:
    """Make the clusters' independent sources exact: one lookup of the near-duplicate
    representatives of their documents."""
    todo = [c for c in clusters if not c.exact]
    docs = sorted({f[1] for c in todo for f in c.events})
    reps = representatives(docs) if docs else {}
    for c in todo:
        c.sources = len({reps.get(f[1], f[1]) for f in c.events})
        c.exact = True


def merged_events(store: Store, facts: list[Fact]) -> list[MergedEvent]:
    """The merged events of stored facts with every mention as a full record: :func:`merge_events`
    over the events' records, near-duplicates counted by their stored clusters."""
    from marsad import query

    ids = [f[0] for f in sorted(facts, key=lambda f: (f[5], f[0]))]
    rows = query.events_by_id(store, ids)
    docs = sorted({f[1] for f in facts})
    keys: dict[int, str] = {}
    reps: dict[int, int] = {}
    for i in range(0, len(docs), 500):
        chunk = docs[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(
            f"SELECT d.id, d.doc_key, x.rep_id FROM documents d LEFT JOIN doc_dups x"
            f" ON x.doc_id = d.id WHERE d.id IN ({marks})",
            chunk,
        ):
            keys[int(r[0])] = r[1]
            reps[int(r[0])] = int(r[2]) if r[2] is not None else int(r[0])
    missing = sorted(set(reps.values()) - set(keys))
    for i in range(0, len(missing), 500):
        chunk = missing[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(
            f"SELECT id, doc_key FROM documents WHERE id IN ({marks})", chunk
        ):
            keys[int(r[0])] = r[1]
    duplicates = {keys[d]: keys.get(reps[d], keys[d]) for d in docs}
    return merge_events(rows, duplicates)

"""Small synthetic stores for the relation tests: analyses made by hand (no pipeline), with the
cases the cross-article merge cares about — symmetric codes, dates of every precision, several
sources, near-duplicate copies of one article, an actor id stored first under another code,
quotes between the sides."""

from __future__ import annotations

import random

from marsad.model import Actor, Analysis, Document, DocumentMeta, Event, Quote
from marsad.store import Store

COUNTRIES = ["RUS", "AZE", "USA", "TUR", "IRN"]
CODES = [  # (cameo, plover, goldstein, quad)
    ("036", "CONSULT", 4.0, 1),
    ("040", "CONSULT", 1.0, 1),
    ("042", "CONSULT", 1.9, 1),
    ("043", "CONSULT", 2.8, 1),
    ("057", "AGREE", 8.0, 1),
    ("0831", "COOPERATE", 5.0, 2),
    ("111", "ACCUSE", -2.0, 3),
    ("112", "ACCUSE", -2.0, 3),
    ("130", "THREATEN", -4.4, 3),
    ("1712", "SEIZE", -9.2, 4),
    ("190", "ASSAULT", -10.0, 4),
]
# Words of invented news prose (no seed article text): articles are drawn from these.
_PROSE = (
    "قال وزير الخارجية إن المحادثات بين البلدين تناولت ملفات الطاقة والنقل والحدود "
    "وأضاف المتحدث أن الجانبين اتفقا على مواصلة الاتصالات خلال الأسابيع المقبلة "
    "وأعلنت الحكومة تعليق بعض الرحلات الجوية بعد توقيف عدد من المواطنين في المطار "
    "وأكد السفير أن بلاده ترفض الاتهامات وتدعو إلى الحوار واحترام السيادة "
    "ونقلت وكالة الأنباء عن مصادر رسمية أن القمة المقبلة ستعقد في العاصمة "
    "واستدعت الوزارة القائم بالأعمال احتجاجا على تصريحات اعتبرتها غير مقبولة"
)
WORDS = [w for w in _PROSE.split(" ") if w]


def _article(rng: random.Random, n: int = 160) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def _date(rng: random.Random) -> str | None:
    year = rng.choice([2024, 2025])
    month = rng.choice([1, 2, 6, 7])
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.15:
        return str(year)
    if roll < 0.35:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.choice([1, 2, 15]):02d}"


def actors() -> dict[str, Actor]:
    out = {c: Actor(c, "country", c, f"بلد {c}", c) for c in COUNTRIES}
    out["per:وزير"] = Actor("per:وزير", "person", "RUSGOV", "الوزير", None)
    out["per:سفير"] = Actor("per:سفير", "person", "AZEGOV", "السفير", None)
    out["org:وكالة"] = Actor("org:وكالة", "organization", "TURMED", "الوكالة", None)
    return out


def analysis(
    rng: random.Random,
    text: str,
    n_events: int,
    outlet: str | None,
    url: str | None = None,
    published: str | None = None,
    actor_map: dict[str, Actor] | None = None,
) -> Analysis:
    """A stored-ready analysis of ``text`` with ``n_events`` events and some quotes."""
    doc = Document(
        raw=text,
        text=text,
        meta=DocumentMeta(
            title=text[:30],
            outlet=outlet,
            published=published or f"2025-{rng.choice([1, 2, 6, 7]):02d}-10",
            url=url,
            source="synthetic.txt",
        ),
    )
    a = Analysis.of(doc)
    a.actors = dict(actor_map or actors())
    ids = list(a.actors)
    for _ in range(n_events):
        s = rng.randrange(0, max(1, len(text) - 40))
        cameo, plover, goldstein, quad = rng.choice(CODES)
        source = rng.sample(ids, rng.choice([1, 1, 1, 2]))
        target = [] if rng.random() < 0.1 else rng.sample(ids, 1)
        a.events.append(
            Event(
                (s, s + 40),
                (s + 5, s + 12),
                source,
                target,
                cameo,
                plover,
                goldstein,
                quad,
                "asserted" if rng.random() < 0.85 else rng.choice(["planned", "negated"]),
                "synthetic",
                _date(rng),
                rng.choice(["expression", "publication"]),
            )
        )
    for _ in range(rng.randrange(0, 3)):
        s = rng.randrange(0, max(1, len(text) - 40))
        about = [(rng.choice(ids), round(rng.uniform(-1, 1), 2)) for _ in range(rng.choice([1, 2]))]
        speaker = None if rng.random() < 0.1 else rng.choice(ids)
        a.quotes.append(Quote((s, s + 3), (s + 4, s + 30), speaker, True, "synthetic", about=about))
    return a


def fill(store: Store, seed: int = 7, docs: int = 30) -> list[str]:
    """Store ``docs`` synthetic documents (a third of them near-duplicate copies of earlier ones,
    some under another outlet); returns their keys in the order stored."""
    rng = random.Random(seed)
    originals: list[str] = []
    reported: dict[str, list[Event]] = {}
    keys = []
    odd = actors()
    odd["org:وكالة"] = Actor(
        "org:وكالة", "organization", "RUS", "الوكالة", None
    )  # stored code wins
    for i in range(docs):
        if originals and rng.random() < 0.35:
            base = rng.choice(originals)
            text = base + f" وتابع المراسل {i}."  # a syndicated copy with a line added
        else:
            text = _article(rng)
            originals.append(text)
            reported[text] = []
        outlet = rng.choice(["وكالة ألف", "صحيفة باء", None])
        a = analysis(rng, text, rng.randrange(2, 9), outlet, actor_map=odd if i > 3 else None)
        if text in reported:
            reported[text] = a.events
        else:  # a copy reports what its original did, plus something of its own
            base = next(t for t in originals if text.startswith(t))
            a.events = reported[base][: rng.randrange(1, 5)] + a.events[:2]
        keys.append(store.add(a).doc_key)
    return keys

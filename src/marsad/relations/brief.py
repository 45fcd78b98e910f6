"""Briefs and outlet comparisons for a pair, every line citing its document and sentence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from marsad import query
from marsad.model import country_part
from marsad.relations.phases import Phase
from marsad.relations.timeline import Timeline, timeline
from marsad.store import Store
from marsad.text.segment import segment

_LABELS = {
    "ar": {
        "cooperation": "تعاون",
        "tension": "توتر",
        "crisis": "أزمة",
        "normalization": "تطبيع وعودة للعلاقات",
    },
    "en": {
        "cooperation": "cooperation",
        "tension": "tension",
        "crisis": "crisis",
        "normalization": "normalization",
    },
}
_HEAD = {
    "ar": ("موجز العلاقات بين {a} و{b}", "المرحلة", "الأحداث", "المصدر"),
    "en": ("Brief: relations between {a} and {b}", "Phase", "Events", "Source"),
}


def _sentence_no(
    store: Store, doc_key: str, offset: int, cache: dict[str, list[tuple[int, int]]]
) -> int:
    if doc_key not in cache:
        cache[doc_key] = segment(store.get_document(doc_key).document.text).sentences
    sents = cache[doc_key]
    for i, (s, e) in enumerate(sents):
        if s <= offset < e:
            return i + 1
    return 0


def brief(
    store: Store,
    a: str,
    b: str,
    date_from: str | None = None,
    date_to: str | None = None,
    lang: str = "ar",
) -> str:
    """A Markdown chronology of the pair by phase; each line cites document and sentence number."""
    if lang not in _LABELS:
        from marsad.errors import InputError

        raise InputError(f"--lang must be ar or en, got {lang!r}")
    tl: Timeline = timeline(store, a, b, by="month", date_from=date_from, date_to=date_to)
    title, phase_word, events_word, source_word = _HEAD[lang]
    lines = [f"# {title.format(a=a.upper(), b=b.upper())}", ""]
    cache: dict[str, list[tuple[int, int]]] = {}
    phases: list[Phase | None] = list(tl.phases) or [None]
    for ph in phases:
        if ph is not None:
            lines.append(
                f"## {phase_word}: {_LABELS[lang][ph.label]} ({ph.start} – {ph.end}), Goldstein {ph.goldstein_mean:+.1f}"
            )
            lines.append("")
        for m in tl.merged:
            if m.date is None:
                continue
            if ph is not None and not (ph.start <= m.date[:7] <= ph.end):
                continue
            e = m.mentions[0]
            key, sep = ("name", "، ") if lang == "ar" else ("name_en", ", ")
            who = sep.join(x.get(key) or x["name"] for x in e.source)
            whom = sep.join(x.get(key) or x["name"] for x in e.target)
            n = _sentence_no(store, e.doc_key, e.offsets["trigger"][0], cache)
            cites = "; ".join(
                f"{x.doc_key}#{_sentence_no(store, x.doc_key, x.offsets['trigger'][0], cache)}"
                for x in m.mentions[:3]
            )
            lines.append(
                f"- **{m.date}** — {who} ← «{e.trigger}» → {whom or '—'} "
                f"(CAMEO {m.cameo} {m.plover}, {m.articles} {events_word.lower()}) "
                f"[{source_word}: {cites or f'{e.doc_key}#{n}'}]"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@dataclass(slots=True)
class OutletRow:
    outlet: str
    documents: int
    events: int
    by_plover: dict[str, int] = field(default_factory=dict)
    goldstein_mean: float = 0.0
    tone: dict[str, float | None] = field(
        default_factory=dict
    )  # side -> mean stance of its quotes about the other


def outlets(store: Store, a: str, b: str) -> list[OutletRow]:
    """Per outlet: the pair's events it reports, their mean Goldstein, and the tone towards each side."""
    a, b = a.upper(), b.upper()
    rows: dict[str, OutletRow] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    gsum: dict[str, float] = defaultdict(float)
    for e in query.events(store, dyad=(a, b), limit=query.MAX_LIMIT):
        name = e.outlet or "unknown"
        r = rows.setdefault(name, OutletRow(name, 0, 0))
        r.events += 1
        r.by_plover[e.plover] = r.by_plover.get(e.plover, 0) + 1
        gsum[name] += e.goldstein
        docs[name].add(e.doc_key)
    tone: dict[tuple[str, str], list[float]] = defaultdict(list)
    for q in query.quotes(store, limit=query.MAX_LIMIT):
        if not q.speaker:
            continue
        outlet = store.get_document(q.doc_key).document.meta.outlet or "unknown"
        for ab in q.about:
            side = country_part(str(ab["code"]))
            if side in (a, b):
                tone[(outlet, side)].append(float(ab["stance"]))
    for name, r in rows.items():
        r.documents = len(docs[name])
        r.goldstein_mean = round(gsum[name] / r.events, 3) if r.events else 0.0
        for side in (a, b):
            vals = tone.get((name, side))
            r.tone[side] = round(sum(vals) / len(vals), 3) if vals else None
    return sorted(rows.values(), key=lambda r: -r.events)


def timeline_dict(tl: Timeline) -> dict[str, Any]:
    return {
        "a": tl.a,
        "b": tl.b,
        "by": tl.by,
        "periods": [
            {
                "period": p.period,
                "events": p.events,
                "quad": {str(k): v for k, v in p.quad.items()},
                "goldstein_sum": p.goldstein_sum,
                "goldstein_mean": p.goldstein_mean,
                "tone": p.tone,
                "quotes": p.quotes,
                "key_events": p.key_events,
            }
            for p in tl.periods
        ],
        "phases": [ph.as_dict() for ph in tl.phases],
    }


def plot(tl: Timeline, path: str) -> None:
    """Draw the pair's Goldstein series with phases shaded, to PNG or SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [p.period for p in tl.periods]
    xs = list(range(len(labels)))
    fig, ax = plt.subplots(figsize=(max(6.0, len(labels) * 0.35), 3.5))
    colors = {
        "cooperation": "#cfe8cf",
        "normalization": "#d6e4f5",
        "tension": "#fbe6c2",
        "crisis": "#f5c6c6",
    }
    for ph in tl.phases:
        i0 = labels.index(ph.start)
        i1 = labels.index(ph.end)
        ax.axvspan(
            i0 - 0.5, i1 + 0.5, color=colors.get(ph.label, "#eee"), alpha=0.8, label=ph.label
        )
    ax.bar(
        xs,
        [p.goldstein_sum for p in tl.periods],
        color=["#2b7a2b" if p.goldstein_sum >= 0 else "#b22222" for p in tl.periods],
    )
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_xticks(xs, labels, rotation=90, fontsize=7)
    ax.set_ylabel("Goldstein sum")
    ax.set_title(f"{tl.a}–{tl.b}")
    handles, names = ax.get_legend_handles_labels()
    uniq = dict(zip(names, handles, strict=False))
    if uniq:
        ax.legend(uniq.values(), uniq.keys(), fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)

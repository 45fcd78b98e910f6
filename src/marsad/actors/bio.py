"""BIO tagging (PER, LOC, ORG) from the actor recognizer, for scoring on standard Arabic NER data.

marsad finds *actors*, not named entities, so its mentions are mapped onto the
usual NER labels with care:

* the label comes from where the actor was found: a country, a capital or a
  region (أمريكا اللاتينية) is LOC; a seat of power (الكرملين), an IGO, an
  organisation or a state organ (وزارة الخارجية الروسية) is ORG; a person is
  PER;
* mentions that are actors but not names are left out: an office resolved to
  its holder (الرئيس الأمريكي), a demonym standing for a state (الروس، الجانب
  الروسي), blocs and collectives (الغرب، المستوطنون);
* a mention is aligned to whole tokens. A token may carry proclitics in front
  of the name (وبموسكو is B-LOC), but a mention that stops inside a token
  (البرتغال in البرتغالي), or a place name given an article it never takes
  (السورية), is a different word (an adjective, a common noun) and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from marsad.model import Actor, Analysis, Document, DocumentMeta, Mention
from marsad.pipeline import analyze
from marsad.text.normalize import normalize_word

KIND_TO_TAG = {
    "person": "PER",
    "country": "LOC",
    "organization": "ORG",
    "igo": "ORG",
}
# Rules whose mentions are actors but not names (see the module docstring).
SKIP_RULES = ("title+country:", "demonym-plural:", "organ:")
# Organ heads that name a collective of people or a sector rather than one body
# (المسؤولون الروس، اللاجئون السوريون، الصحافة البريطانية): actors, but no NER
# data set tags them as organisations. Keyed by the organ slug of organs.yaml.
COLLECTIVE_ORGANS = frozenset(
    {
        "ruling_family",
        "state_institutions",
        "political_elite",
        "officials",
        "diplomacy",
        "delegation",
        "military_establishment",
        "soldiers",
        "military_base",
        "military_attache",
        "law_enforcement",
        "investigators",
        "media",
        "press",
        "bloggers",
        "telegram_channels",
        "companies",
        "banks",
        "investors",
        "energy_companies",
        "airlines",
        "oligarchs",
        "citizens",
        "people",
        "civilians",
        "civil_society",
        "experts",
        "diaspora",
        "students",
        "tourists",
        "workers",
        "protesters",
        "voters",
        "refugees",
        "settlers",
        "opposition",
        "dissidents",
        "rebels",
        "separatists",
    }
)
# Groups of states that are political blocs, not places (الغرب); regions are LOC.
BLOCS = frozenset({"WST"})
# What may stand in front of a name inside one token: conjunction, preposition, لل.
PROCLITICS = frozenset(
    {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل"}
)
_ARABIC = re.compile("[\u0600-\u06ff]")
_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])


def tag_sentences(sentences: Iterable[list[str]], published: str | None = None) -> list[list[str]]:
    """BIO tags for tokenized sentences (one list of tokens per sentence).

    Each sentence is analysed on its own, as NER data sets score sentences
    independently; tokens are joined with single spaces so offsets map back.
    """
    out: list[list[str]] = []
    for tokens in sentences:
        text = " ".join(tokens)
        starts = []
        pos = 0
        for tok in tokens:
            starts.append(pos)
            pos += len(tok) + 1
        doc = Document(text, text, DocumentMeta(published=published, source="tag"))
        analysis = analyze(doc, stages=["segment", "actors"])
        out.append(_tags(analysis, tokens, starts))
    return out


def label(actor: Actor, mention: Mention) -> str | None:
    """The NER label of a mention, or None when it is an actor but not a name."""
    if mention.rule.startswith(SKIP_RULES):
        return None
    entry = actor.entry or ""
    if entry.endswith(":seat"):
        return "ORG"
    if actor.kind == "group":
        return "LOC" if entry.startswith("countries:") and actor.code not in BLOCS else None
    if entry.startswith("organs:") and actor.id.partition("_")[2] in COLLECTIVE_ORGANS:
        return None
    return KIND_TO_TAG.get(actor.kind)


def _tags(analysis: Analysis, tokens: list[str], starts: list[int]) -> list[str]:
    tags = ["O"] * len(tokens)
    for m in sorted(analysis.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.rule == "title+name-span":
            continue  # NER data tags the name, not the title before it
        actor = analysis.actors.get(m.actor)
        tag = label(actor, m) if actor is not None else None
        if tag is None:
            continue
        inside = [i for i, s in enumerate(starts) if s < m.end and s + len(tokens[i]) > m.start]
        if not inside or any(tags[i] != "O" for i in inside):
            continue
        first, last = inside[0], inside[-1]
        before = tokens[first][: max(0, m.start - starts[first])]
        after = tokens[last][m.end - starts[last] :] if m.end > starts[last] else ""
        if not _clitic_edges(before, after):
            continue
        if tag == "LOC" and _article_added(analysis.text[m.start : m.end]):
            continue
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + tag
    return tags


def _clitic_edges(before: str, after: str) -> bool:
    """Whether what a mention leaves of its first and last token is only clitics and marks.

    In front only the proclitics of :data:`PROCLITICS`; behind nothing but
    diacritics, tatweel or punctuation: a name with a pronoun suffix is rare,
    while a country name inside a nisba adjective (البرتغالي) or a short word
    inside a longer one (وفا in وفاة) is common.
    """
    bare = "".join(ch for ch in before if ch not in _MARKS)
    return bare in PROCLITICS and not any(ch.isalnum() for ch in after if ch not in _MARKS)


def _article_added(surface: str) -> bool:
    """Whether the text put an article in front of a place name that has none (السورية, الدمشق).

    The recognizer accepts ال before any name, which is right for actors
    (الناتو) but turns feminine adjectives (السورية) into the state.
    """
    n = normalize_word(surface)
    if not n.startswith("ال"):
        return False
    forms = _forms()
    return n not in forms and n[2:] in forms


@cache
def _forms() -> frozenset[str]:
    from marsad.actors.lexicon import get_lexicon

    return frozenset(get_lexicon().forms)


def read_conll(text: str) -> list[list[str]]:
    """Sentences of a one-token-per-line file (extra columns ignored; blank lines separate sentences)."""
    sentences: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        current.append(line.split()[0])
    if current:
        sentences.append(current)
    return sentences


def looks_like_conll(text: str) -> bool:
    """Whether a file is one token per line (CoNLL style) rather than running text.

    A token line is a single field, or a token followed by tag columns with no
    Arabic in them (Wojood's nested layers give up to several); running text
    has Arabic words after the first. Nine lines in ten must look like tokens.
    """
    lines = [ln for ln in text.splitlines()[:200] if ln.strip()]
    if len(lines) <= 3:
        return False
    tokens = sum(1 for ln in lines if _token_line(ln.split()))
    return tokens / len(lines) > 0.9


def _token_line(fields: list[str]) -> bool:
    return len(fields) == 1 or not any(_ARABIC.search(f) for f in fields[1:])


# -- scoring ------------------------------------------------------------------

Span = tuple[int, int, str]


def spans(tags: Sequence[str]) -> set[Span]:
    """Entities of a BIO sequence as ``(start, end, type)`` token spans, ``end`` exclusive.

    Read the way conlleval reads it, so scores compare with published ones: an
    ``I-`` tag that does not continue an entity of its type opens a new one.
    """
    out: set[Span] = set()
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        if prefix == "I" and start is not None and t == kind:
            continue
        if start is not None:
            out.add((start, i, kind))
            start = None
        if prefix in ("B", "I") and t:
            start, kind = i, t
    return out


def prf(
    gold_sents: Sequence[Sequence[str]], pred_sents: Sequence[Sequence[str]]
) -> dict[str, dict[str, float]]:
    """Entity-level precision, recall and F1 (exact span and type) per type and micro ``overall``.

    Each value holds ``tp``, ``fp``, ``fn``, ``support`` (gold entities),
    ``precision``, ``recall`` and ``f1``. Sentences are paired in order and
    must have the same length, since a misaligned pair would score garbage.
    """
    if len(gold_sents) != len(pred_sents):
        raise ValueError(f"{len(gold_sents)} gold sentences but {len(pred_sents)} predicted")
    counts: dict[str, list[int]] = {}
    for n, (gold, pred) in enumerate(zip(gold_sents, pred_sents, strict=True)):
        if len(gold) != len(pred):
            raise ValueError(f"sentence {n}: {len(gold)} gold tags but {len(pred)} predicted")
        g, p = spans(gold), spans(pred)
        for s in g | p:
            c = counts.setdefault(s[2], [0, 0, 0])
            c[0 if s in g and s in p else 1 if s in p else 2] += 1
    result = {t: _scores(*c) for t, c in sorted(counts.items())}
    result["overall"] = _scores(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return result


def _scores(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn, "precision": p, "recall": r, "f1": f}

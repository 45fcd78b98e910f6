"""BIO tagging (PER, LOC, ORG) from the actor recognizer, for scoring on standard Arabic NER data."""

from __future__ import annotations

from collections.abc import Iterable

from marsad.model import Analysis, Document, DocumentMeta
from marsad.pipeline import analyze

KIND_TO_TAG = {
    "person": "PER",
    "country": "LOC",
    "group": "LOC",
    "organization": "ORG",
    "igo": "ORG",
}


def tag_sentences(sentences: Iterable[list[str]], published: str | None = None) -> list[list[str]]:
    """BIO tags for tokenized sentences (one list of tokens per sentence)."""
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


def _tags(analysis: Analysis, tokens: list[str], starts: list[int]) -> list[str]:
    tags = ["O"] * len(tokens)
    for m in sorted(analysis.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        actor = analysis.actors.get(m.actor)
        if actor is None:
            continue
        label = KIND_TO_TAG.get(actor.kind, "ORG")
        inside = [i for i, s in enumerate(starts) if s < m.end and s + len(tokens[i]) > m.start]
        if not inside or any(tags[i] != "O" for i in inside):
            continue
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + label
    return tags


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
    lines = [ln for ln in text.splitlines()[:200] if ln.strip()]
    if not lines:
        return False
    short = sum(1 for ln in lines if len(ln.split()) <= 4 and not ln.rstrip().endswith((".", "،")))
    return short / len(lines) > 0.9 and len(lines) > 3

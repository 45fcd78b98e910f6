"""Every record the pipeline makes points at the text it came from (over the bundled sample and the seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import SAMPLE_DIR, Candidate, iter_inputs
from marsad.model import Analysis
from marsad.pipeline import analyze

SHARED_SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def _analyses(folder: Path) -> list[Analysis]:
    return [
        analyze(item.build()) for item in iter_inputs([str(folder)]) if isinstance(item, Candidate)
    ]


def _check(a: Analysis) -> None:
    text = a.text
    assert a.segmentation is not None
    sentences = set(a.segmentation.sentences)
    for m in a.mentions:
        assert (
            0 <= m.start < m.end <= len(text)
            and text[m.start : m.end].strip() == text[m.start : m.end]
        )
        assert m.actor in a.actors and m.rule
    for t in a.timexes:
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end].strip()
        assert t.date_from <= t.date_to and t.rule
    for e in a.events:
        s0, s1 = e.sentence
        t0, t1 = e.trigger
        assert e.sentence in sentences, "an event's sentence is one of the document's sentences"
        assert s0 <= t0 < t1 <= s1 and text[t0:t1].strip() == text[t0:t1]
        assert all(x in a.actors for x in e.source + e.target)
        assert e.rule.startswith("trigger:")
        if e.location is not None:
            assert text[e.location[0] : e.location[1]].strip()
    for q in a.quotes:
        assert text[q.cue[0] : q.cue[1]].strip() and text[q.content[0] : q.content[1]].strip()
        assert q.speaker is None or q.speaker in a.actors


@pytest.mark.parametrize("folder", ["sample", "seeds"])
def test_every_offset_reproduces_its_text(folder: str) -> None:
    if folder == "seeds":
        if not SHARED_SEEDS.is_dir():
            pytest.skip(f"{SHARED_SEEDS} is absent (development data lives in ../shared)")
        path = SHARED_SEEDS
    else:
        path = SAMPLE_DIR
    analyses = _analyses(path)
    assert analyses
    assert sum(len(a.events) for a in analyses) > 0
    for a in analyses:
        _check(a)

"""Acts that are named but not done or not new: a danger named is no threat made, advice is no act,
and an act pointed back to with a demonstrative was coded where it was told.  Every sentence
here is invented."""

from __future__ import annotations

import pytest

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze


def _codes(text: str) -> list[str]:
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    return [e.cameo for e in a.events]


@pytest.mark.parametrize(
    "text",
    [
        "وسيكون التعاون بين إيران وروسيا أساسيا لمواجهة التهديدات المشتركة في المنطقة.",
        "وقال الوزير إن سياسة باكو تشكل تهديدا لأمن روسيا.",
    ],
)
def test_a_danger_named_is_no_threat(text: str) -> None:
    assert not any(c.startswith("13") for c in _codes(text))


def test_a_threat_made_stays() -> None:
    assert "1312" in _codes("وهددت روسيا أذربيجان بعقوبات.")


def test_what_would_be_better_is_not_done() -> None:
    """ "من الأفضل أن ...": advice, not an act (modality.yaml hypothetical cues)."""
    text = "ورأى الخبير أن من الأفضل أن تفرض روسيا عقوبات على أذربيجان."
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    assert [e.status for e in a.events if e.cameo.startswith("16")] == ["hypothetical"]


def test_an_act_named_with_a_demonstrative_was_told_before() -> None:
    """ "هذه الزيارة" points back to the visit already coded: one event per act."""
    text = "وزار بوتين باكو أمس. ويأمل الكرملين أن تعزز هذه الزيارة الثقة مع أوكرانيا."
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    visits = [(e.source, e.target) for e in a.events if e.cameo.startswith("04")]
    assert visits == [(["putin_vladimir"], ["AZE"])]


def test_what_someone_expects_is_planned() -> None:
    """ "وتوقع المحلل أن تناقش القمة ...": an expectation, not a report."""
    text = "وتوقع المحلل أن يناقش بوتين وعلييف العلاقات بين باكو وطهران."
    a = analyze(Document(text, text, DocumentMeta(published="2024-08-10")))
    assert [e.status for e in a.events if e.cameo.startswith("04")] == ["planned"]

"""An intent named right before another act is that act's status, not an event of its own.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze


def _events(text: str) -> list[tuple[str, str, str]]:
    a = analyze(Document(text, text, DocumentMeta(published="2025-03-10")))
    return [(a.span(*e.trigger), e.cameo, e.status) for e in a.events]


def test_intent_to_visit_is_a_planned_visit() -> None:
    got = _events("وتحدثت مصادر عن اعتزام الرئيس الفرنسي زيارة أرمينيا في أيلول.")
    assert [g[1][:2] for g in got] == ["04"], got
    assert got[0][2] == "planned"


def test_intent_with_no_act_after_it_stands() -> None:
    got = _events("وأعلنت تركيا اعتزامها تعزيز منظومات الدفاع في أذربيجان.")
    assert any(g[1].startswith("03") for g in got), got

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import query
from marsad.errors import InputError
from marsad.model import Actor, Analysis, Document, DocumentMeta, Event, Mention
from marsad.store import open_store


def _analysis(codes: list[str]) -> Analysis:
    text = "زار بوتين أذربيجان. " * len(codes)
    a = Analysis.of(Document(text, text, DocumentMeta(published="2025-01-01")))
    a.actors["RUS"] = Actor("RUS", "country", "RUS", "روسيا")
    a.actors["AZE"] = Actor("AZE", "country", "AZE", "أذربيجان")
    step = len("زار بوتين أذربيجان. ")
    for i, code in enumerate(codes):
        s = i * step
        a.mentions.append(Mention(s + 4, s + 9, "RUS", "test"))
        a.events.append(
            Event(
                (s, s + step - 1),
                (s, s + 3),
                ["RUS"],
                ["AZE"],
                code,
                "CONSULT",
                1.0,
                1,
                "asserted",
                "test",
                date=f"2025-01-0{i + 1}",
            )
        )
    return a


def test_code_prefix_filter(tmp_path: Path) -> None:
    with open_store(tmp_path / "q.db") as st:
        st.add(_analysis(["040", "0411", "042", "114", "19"]))
        assert [e.cameo for e in query.events(st, code="04")] == ["040", "0411", "042"]
        assert [e.cameo for e in query.events(st, code="041")] == ["0411"]
        assert [e.cameo for e in query.events(st, code="19")] == ["19"]
        assert [e.cameo for e in query.events(st, code="1")] == ["114", "19"]  # a group of roots
        assert [e.cameo for e in query.events(st, code="0")] == ["040", "0411", "042"]
        assert [e.cameo for e in query.events(st, root="11")] == ["114"]
        assert len(query.events(st, dyad=("AZE", "RUS"))) == 5
        with pytest.raises(InputError, match="code"):
            query.events(st, code="04%")

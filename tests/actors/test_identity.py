"""Spelling variants of one person merge into one identity across documents; merges are recorded and reversible."""

from __future__ import annotations

from pathlib import Path

from marsad import query
from marsad.actors import identity
from marsad.model import Actor, Analysis, Document, DocumentMeta, Mention
from marsad.store import open_store


def _doc(text: str, person: Actor) -> Analysis:
    a = Analysis.of(Document(text, text, DocumentMeta(published="2025-07-01")))
    a.actors[person.id] = person
    i = text.index(person.name)
    a.mentions.append(Mention(i, i + len(person.name), person.id, "title+name:المتحدث باسم"))
    return a


def test_skeleton_similarity() -> None:
    assert identity.similarity("ديمتري بيسكوف", "دميتري بيسكوف") == 1.0
    assert identity.similarity("ماريا زاخاروفا", "ماريا زخاروفا") == 1.0
    assert identity.similarity("ديمتري بيسكوف", "ماريا زاخاروفا") < 0.5


def test_variants_merge_record_fold_and_undo(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as st:
        one = Actor("per:ديمتري_بيسكوف", "person", "RUSGOV", "ديمتري بيسكوف")
        two = Actor("per:دميتري_بيسكوف", "person", "RUSGOV", "دميتري بيسكوف")
        other = Actor(
            "per:دميتري_بيسكوف_2", "person", "AZEGOV", "دميتري بيسكوف"
        )  # another code: no merge
        st.add(_doc("وقال ديمتري بيسكوف إن الأمر مهم.", one))
        st.add(_doc("وأوضح دميتري بيسكوف أن اللقاء ممكن.", two))
        st.add(_doc("وقال دميتري بيسكوف شيئا آخر في باكو.", other))
        proposed = identity.propose(st)
        assert [(m.alias_id, m.canonical_id) for m in proposed] == [
            ("per:دميتري_بيسكوف", "per:ديمتري_بيسكوف")
        ]
        assert identity.apply(st, proposed) == 1
        assert identity.apply(st, proposed) == 0  # recorded once
        rows = {r.id: r for r in query.actors(st)}
        assert "per:دميتري_بيسكوف" not in rows
        assert rows["per:ديمتري_بيسكوف"].mentions == 2
        assert set(rows["per:ديمتري_بيسكوف"].forms) == {"ديمتري بيسكوف", "دميتري بيسكوف"}
        merge_id = int(identity.history(st)[0]["id"])  # type: ignore[call-overload]
        assert identity.undo(st, merge_id)
        assert not identity.undo(st, merge_id)
        assert "per:دميتري_بيسكوف" in {r.id for r in query.actors(st)}

"""Recognition rules of the fourth round: spellings that normalization merges, seats of power
named as the state, titles that contain a body's name, and which states the export lists.

Every sentence here is invented for the test; none comes from a real article.
"""

from __future__ import annotations

import pytest

from marsad.actors import load_lexicon, recognize
from marsad.actors.lexicon import Lexicon
from marsad.evaluation.predict import participants
from marsad.model import Analysis, Document, DocumentMeta
from marsad.text.segment import segment


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def _analysis(lex: Lexicon, text: str) -> Analysis:
    doc = Document(text, text, DocumentMeta(published="2025-07-01"))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, lex)
    return a


def _run(lex: Lexicon, text: str) -> list[tuple[str, str, str]]:
    a = _analysis(lex, text)
    return [(text[m.start : m.end], m.actor, a.actors[m.actor].code) for m in a.mentions]


def test_the_preposition_amam_is_not_the_title_imam(lex: Lexicon) -> None:
    got = _run(lex, "وقال الوزير إن الطريق بات مفتوحا أمام أوكرانيا بعد المفاوضات.")
    assert ("أوكرانيا", "UKR", "UKR") in got


def test_the_title_imam_is_still_read(lex: Lexicon) -> None:
    assert any(
        g[0].startswith("الإمام") for g in _run(lex, "وقال الإمام خالد الكبيسي إن الصلاة أقيمت.")
    )
    assert _run(lex, "ووقف الحشد أمام خالد الكبيسي في الساحة.") == []


def test_the_white_house_names_the_state(lex: Lexicon) -> None:
    got = _run(lex, "وأعلن البيت الأبيض أمس أنه سيرسل وفدا إلى القاهرة.")
    assert ("البيت الأبيض", "USA", "USA") in got


def test_spokesperson_of_the_white_house_stays_a_title(lex: Lexicon) -> None:
    got = _run(lex, "وقالت المتحدثة باسم البيت الأبيض كارولين ليفيت إن الاجتماع كان مثمرا.")
    assert not any(g[0] == "البيت الأبيض" and g[2] == "USAGOV" for g in got)


def test_secretary_of_the_named_council_is_the_person_not_the_council(lex: Lexicon) -> None:
    text = "وبحث أمين مجلس الأمن الروسي سيرغي شويغو مع ضيفه ملف الحدود."
    got = _run(lex, text)
    assert all(g[1] != "rus_security_council" for g in got)
    assert any(g[0].startswith("أمين مجلس الأمن الروسي") and g[2] == "RUSGOV" for g in got)


def test_the_council_alone_is_still_the_council(lex: Lexicon) -> None:
    got = _run(lex, "واجتمع مجلس الأمن الروسي في جلسة طارئة.")
    assert ("مجلس الأمن الروسي", "rus_security_council", "RUSGOV") in got


def test_a_state_named_twice_is_a_participant(lex: Lexicon) -> None:
    text = "وتراقب تركيا الوضع عن كثب. وتملك تركيا حدودا طويلة مع المنطقة. وزار الوفد إيطاليا."
    keep = participants(_analysis(lex, text))
    assert "TUR" in keep
    assert "ITA" not in keep  # named once, as a place


def test_a_person_named_only_as_whose_envoy_is_not_a_participant(lex: Lexicon) -> None:
    text = "ووصل ستيف ويتكوف المبعوث الخاص لدونالد ترامب إلى العاصمة مساء الاثنين."
    keep = participants(_analysis(lex, text))
    assert "witkoff_steve" in keep
    assert "trump_donald" not in keep


def test_a_person_named_plainly_once_is_a_participant(lex: Lexicon) -> None:
    text = "ووصل ستيف ويتكوف المبعوث الخاص لدونالد ترامب. وعلق دونالد ترامب على الزيارة لاحقا."
    assert "trump_donald" in participants(_analysis(lex, text))


def test_a_named_company_is_a_participant(lex: Lexicon) -> None:
    keep = participants(_analysis(lex, "وتراجعت أرباح غازبروم خلال الربع الأخير من العام."))
    assert "gazprom" in keep

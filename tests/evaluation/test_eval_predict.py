"""marsad's reading of a document is written in exactly the gold format, and scores 1.0 against itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.evaluation import parse_gold, score, to_gold_document
from marsad.evaluation.predict import read_document, text_files
from marsad.model import Actor, Analysis, Document, DocumentMeta, Event, Mention, Quote, RemovedLine

_FURNITURE = "تابعونا على وسائل التواصل"
_TEXT = (
    "الدوحة تستضيف جولة جديدة من المفاوضات\n"
    "استقبل أمير قطر في الدوحة وزير الخارجية الإيراني أمس. "
    "وقال الوزير الإيراني إن بلاده حريصة على علاقات متينة مع جيرانها. "
    "واستقبل الأمير كذلك السفير العماني."
)


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _analysis() -> Analysis:
    raw = _TEXT + "\n" + _FURNITURE
    document = Document(
        raw=raw,
        text=_TEXT,
        meta=DocumentMeta(
            title="الدوحة تستضيف جولة جديدة من المفاوضات",
            published="2024-03-05",
            published_basis="stated",
            outlet="وكالة متخيلة",
        ),
        removed=[RemovedLine(len(_TEXT) + 1, len(raw), "furniture:share")],
    )
    a = Analysis.of(document)
    a.actors = {
        "qatar_emir": Actor("qatar_emir", "person", "QATGOV", "أمير قطر", "Emir of Qatar"),
        "iran_fm": Actor("iran_fm", "person", "IRNGOV", "وزير الخارجية الإيراني"),
        "QAT": Actor("QAT", "country", "QAT", "قطر", "Qatar"),
        "OMN": Actor("OMN", "country", "OMN", "عمان", "Oman"),  # never mentioned: listed last
    }
    t = _TEXT
    emir2 = _span(t, "الأمير", _span(t, "وقال")[0])
    a.mentions = [
        Mention(*_span(t, "الوزير الإيراني"), "iran_fm", "title"),
        Mention(*_span(t, "أمير قطر"), "qatar_emir", "lexicon"),
        Mention(*_span(t, "وزير الخارجية الإيراني"), "iran_fm", "lexicon"),
        Mention(*emir2, "qatar_emir", "coref"),
        Mention(*_span(t, "الدوحة"), "QAT", "capital"),
        Mention(*_span(t, "الدوحة", 10), "QAT", "capital"),  # the same form again: listed once
    ]
    sentence = _span(t, "استقبل أمير قطر في الدوحة وزير الخارجية الإيراني أمس.")
    a.events = [
        Event(
            sentence,
            _span(t, "استقبل"),
            ["qatar_emir"],
            ["iran_fm"],
            "042",
            "CONSULT",
            1.9,
            1,
            "asserted",
            "trigger:استقبل",
            date="2024-03-04",
            location=_span(t, "الدوحة", 10),
        ),
    ]
    a.quotes = [
        Quote(
            _span(t, "وقال"),
            _span(t, "إن بلاده حريصة على علاقات متينة مع جيرانها"),
            "iran_fm",
            False,
            "cue:قال",
        ),
    ]
    return a


def test_analysis_becomes_a_gold_document() -> None:
    doc = to_gold_document(_analysis(), "doha.txt")
    assert list(doc) == [
        "doc",
        "title",
        "outlet",
        "author",
        "published",
        "published_basis",
        "boilerplate",
        "actors",
        "events",
        "quotes",
    ]
    assert doc["doc"] == "doha.txt"
    assert doc["published"] == "2024-03-05" and doc["published_basis"] == "stated"
    assert doc["boilerplate"] == [_FURNITURE]
    # participants only: Qatar is named only as the place, Oman not at all (both stay in the analysis)
    assert [a["id"] for a in doc["actors"]] == ["qatar_emir", "iran_fm"]
    assert doc["actors"][1]["mentions"] == ["وزير الخارجية الإيراني", "الوزير الإيراني"]
    assert set(doc["actors"][0]) == {"id", "kind", "name", "name_en", "code", "mentions"}
    event = doc["events"][0]
    assert event == {
        "sentence": "استقبل أمير قطر في الدوحة وزير الخارجية الإيراني أمس.",
        "trigger": "استقبل",
        "source": ["qatar_emir"],
        "target": ["iran_fm"],
        "cameo": "042",
        "plover": "CONSULT",
        "date": "2024-03-04",
        "location": "الدوحة",
        "status": "asserted",
    }
    assert doc["quotes"] == [
        {
            "speaker": "iran_fm",
            "cue": "وقال",
            "text": "إن بلاده حريصة على علاقات متينة مع جيرانها",
            "direct": False,
        }
    ]


def test_exact_strings_are_found_in_the_text() -> None:
    doc = to_gold_document(_analysis(), "doha.txt")
    exact = [doc["title"]] + [m for a in doc["actors"] for m in a["mentions"]]
    exact += [e[k] for e in doc["events"] for k in ("sentence", "trigger")]
    exact += [q[k] for q in doc["quotes"] for k in ("cue", "text")]
    assert all(s in _TEXT for s in exact)


def test_predictions_validate_and_score_perfectly_against_themselves() -> None:
    data: dict[str, Any] = {
        "corpus": "doha",
        "documents": [to_gold_document(_analysis(), "doha.txt")],
    }
    corpus = parse_gold(data, "predictions")
    report = score(corpus, corpus)
    assert report["events"]["dated"]["f1"] == report["quotes"]["f1"] == 1.0
    assert (report["actors"]["tp"], report["actors"]["predicted"]) == (2, 2)


def test_empty_analysis_is_a_valid_empty_document() -> None:
    empty = Analysis.of(Document(raw="نص قصير", text="نص قصير"))
    doc = to_gold_document(empty, "short.txt")
    assert doc["actors"] == doc["events"] == doc["quotes"] == doc["boilerplate"] == []
    parse_gold({"corpus": "x", "documents": [doc]})


def test_read_document_keeps_the_article_words(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("عنوان تجريبي\n\nأعلنت الحكومة عن خطة جديدة للنقل العام.\n", encoding="utf-8")
    document = read_document(path)
    assert "خطة جديدة للنقل العام" in document.text


def test_text_files_expands_folders_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".hidden"):
        (tmp_path / name).write_text("نص", encoding="utf-8")
    assert [p.name for p in text_files([tmp_path])] == ["a.txt", "b.txt"]

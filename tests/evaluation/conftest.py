"""A tiny gold corpus written for these tests (invented Arabic sentences), and helpers to score it.

Document ``a.txt`` has, on purpose:

- events: ``e0`` 042 EGY->JOR dated 2024-08-18; ``e1`` 040 (symmetric) between
  the two ministers, dated 2024-08; ``e2`` 112 EGY->ISR dated 2024-08-17;
  ``e3`` 042 JOR->EGY *planned*; ``e4`` 057 *negated*; ``e5`` 173 by the
  Jordanian police with no target and no date.  Asserted root keys:
  (EGY,JOR,04) (EGY,ISR,11) (JOR,-,17); code keys: 042 040 112 173; dated
  items: (EGY,JOR,04)@2024-08-18, (EGY,JOR,04)@2024-08, (EGY,ISR,11)@2024-08-17.
- quotes: ``q0`` by the Egyptian minister (8 words), ``q1`` by the Jordanian
  minister (direct).

Document ``b.txt`` is small: one actor pair, one event, one quote.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from marsad.evaluation import parse_gold, score

_S0 = "وصل وزير الخارجية المصري إلى عمّان صباح الأحد في زيارة رسمية"
_S1 = "واجتمع الوزير الأردني مع نظيره المصري لبحث الملفات المشتركة"
_S2 = "واتهمت القاهرة إسرائيل بعرقلة دخول المساعدات"
_S3 = "ومن المنتظر أن يزور العاهل الأردني القاهرة في أيلول المقبل"
_S4 = "ولم يوقّع البلدان أي اتفاقية جديدة خلال اللقاء"
_S5 = "وأوقفت الشرطة الأردنية عددا من المحتجين قرب السفارة"

TINY: dict[str, Any] = {
    "corpus": "tiny",
    "documents": [
        {
            "doc": "a.txt",
            "title": "القاهرة وعمّان تبحثان ملفات المنطقة",
            "outlet": "صحيفة الاختبار",
            "author": None,
            "published": "2024-08",
            "published_basis": "inferred",
            "boilerplate": ["شارك الخبر"],
            "actors": [
                {
                    "id": "EGY",
                    "kind": "country",
                    "name": "مصر",
                    "name_en": "Egypt",
                    "code": "EGY",
                    "mentions": ["مصر", "القاهرة"],
                },
                {
                    "id": "JOR",
                    "kind": "country",
                    "name": "الأردن",
                    "name_en": "Jordan",
                    "code": "JOR",
                    "mentions": ["الأردن", "عمّان"],
                },
                {
                    "id": "ISR",
                    "kind": "country",
                    "name": "إسرائيل",
                    "name_en": "Israel",
                    "code": "ISR",
                    "mentions": ["إسرائيل"],
                },
                {
                    "id": "egy_fm",
                    "kind": "person",
                    "name": "وزير الخارجية المصري",
                    "name_en": None,
                    "code": "EGYGOV",
                    "mentions": ["وزير الخارجية المصري", "نظيره المصري"],
                },
                {
                    "id": "jor_fm",
                    "kind": "person",
                    "name": "وزير الخارجية الأردني",
                    "name_en": None,
                    "code": "JORGOV",
                    "mentions": ["الوزير الأردني"],
                },
                {
                    "id": "jor_king",
                    "kind": "person",
                    "name": "العاهل الأردني",
                    "name_en": None,
                    "code": "JORGOV",
                    "mentions": ["العاهل الأردني"],
                },
                {
                    "id": "jor_police",
                    "kind": "organization",
                    "name": "الشرطة الأردنية",
                    "name_en": None,
                    "code": "JORCOP",
                    "mentions": ["الشرطة الأردنية"],
                },
            ],
            "events": [
                {
                    "sentence": _S0,
                    "trigger": "زيارة",
                    "source": ["egy_fm"],
                    "target": ["JOR"],
                    "cameo": "042",
                    "plover": "CONSULT",
                    "date": "2024-08-18",
                    "location": "عمّان",
                    "status": "asserted",
                },
                {
                    "sentence": _S1,
                    "trigger": "اجتمع",
                    "source": ["jor_fm"],
                    "target": ["egy_fm"],
                    "cameo": "040",
                    "plover": "CONSULT",
                    "date": "2024-08",
                    "location": None,
                    "status": "asserted",
                },
                {
                    "sentence": _S2,
                    "trigger": "اتهمت",
                    "source": ["EGY"],
                    "target": ["ISR"],
                    "cameo": "112",
                    "plover": "ACCUSE",
                    "date": "2024-08-17",
                    "location": None,
                    "status": "asserted",
                },
                {
                    "sentence": _S3,
                    "trigger": "يزور",
                    "source": ["jor_king"],
                    "target": ["EGY"],
                    "cameo": "042",
                    "plover": "CONSULT",
                    "date": "2024-09",
                    "location": "القاهرة",
                    "status": "planned",
                },
                {
                    "sentence": _S4,
                    "trigger": "يوقّع",
                    "source": ["EGY"],
                    "target": ["JOR"],
                    "cameo": "057",
                    "plover": "AGREE",
                    "date": None,
                    "location": None,
                    "status": "negated",
                },
                {
                    "sentence": _S5,
                    "trigger": "أوقفت",
                    "source": ["jor_police"],
                    "target": [],
                    "cameo": "173",
                    "plover": "COERCE",
                    "date": None,
                    "location": None,
                    "status": "asserted",
                },
            ],
            "quotes": [
                {
                    "speaker": "egy_fm",
                    "cue": "قال",
                    "text": "العلاقات بين البلدين تمر بأفضل مراحلها والتنسيق مستمر",
                    "direct": False,
                },
                {
                    "speaker": "jor_fm",
                    "cue": "أكد",
                    "text": "لن نقبل بأي تهجير جديد",
                    "direct": True,
                },
            ],
        },
        {
            "doc": "b.txt",
            "title": "أنقرة تستدعي السفير السويدي",
            "outlet": None,
            "author": "كاتب متخيل",
            "published": "2023-01-21",
            "published_basis": "stated",
            "boilerplate": [],
            "actors": [
                {
                    "id": "tur_mfa",
                    "kind": "organization",
                    "name": "الخارجية التركية",
                    "name_en": None,
                    "code": "TURGOV",
                    "mentions": ["أنقرة", "الخارجية التركية"],
                },
                {
                    "id": "SWE",
                    "kind": "country",
                    "name": "السويد",
                    "name_en": "Sweden",
                    "code": "SWE",
                    "mentions": ["السويد", "السفير السويدي"],
                },
            ],
            "events": [
                {
                    "sentence": "استدعت الخارجية التركية السفير السويدي احتجاجا على التظاهرة",
                    "trigger": "استدعت",
                    "source": ["tur_mfa"],
                    "target": ["SWE"],
                    "cameo": "111",
                    "plover": "ACCUSE",
                    "date": "2023-01-21",
                    "location": "أنقرة",
                    "status": "asserted",
                },
            ],
            "quotes": [
                {
                    "speaker": "tur_mfa",
                    "cue": "وفقا لـ",
                    "text": "التظاهرة استفزاز لا يمكن السكوت عنه",
                    "direct": False,
                },
            ],
        },
    ],
}


def tiny() -> dict[str, Any]:
    """A fresh copy of the tiny gold, to perturb."""
    return copy.deepcopy(TINY)


def doc_a(data: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = data["documents"][0]
    return doc


def score_dicts(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
    return score(parse_gold(gold, "gold"), parse_gold(predicted, "predictions"))


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def tiny_gold() -> dict[str, Any]:
    return tiny()

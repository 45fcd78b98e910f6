"""Metadata: stated publication dates, authors, outlets, language."""

from __future__ import annotations

import pytest
import yaml

from marsad.ingest.furniture import byline_name, clean, load_rules
from marsad.ingest.metadata import (
    Hints,
    _parse_date_simple,
    describe,
    detect_language,
    load_outlets,
    outlet_from_copyright,
    outlet_from_name,
    outlet_from_self_mention,
    outlet_from_url,
    parse_dateline,
    parse_iso,
)
from marsad.resources import data_path
from tests.ingest.conftest import ARTICLE, BODY, ENGLISH, TITLE

RULES = load_rules()
OUTLETS = load_outlets()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-07", ("2025-09-07", "day")),
        ("2025-09-07T10:30:00+03:00", ("2025-09-07", "day")),
        ("2025-09", ("2025-09", "month")),
        ("2025", ("2025", "year")),
        ("2025-13-01", None),
        ("2025-02-30", None),
        ("yesterday", None),
    ],
)
def test_parse_iso(value: str, expected: tuple[str, str] | None) -> None:
    assert parse_iso(value) == expected


DATELINES = [
    ("الأحد 07/09/2025", ("2025-09-07", "day")),
    ("نشر في: 2025-09-07", ("2025-09-07", "day")),
    ("3 سبتمبر 2025، 09:10 م", ("2025-09-03", "day")),
    ("الاثنين ١٥ أيلول ٢٠٢٥", ("2025-09-15", "day")),
    ("15 تشرين الأول 2025", ("2025-10-15", "day")),
    ("Sunday, September 7, 2025", ("2025-09-07", "day")),
    ("سبتمبر 2025", ("2025-09", "month")),
]


@pytest.mark.parametrize(("line", "expected"), DATELINES)
def test_datelines_without_the_time_stage(line: str, expected: tuple[str, str]) -> None:
    assert _parse_date_simple(line, RULES) == expected


@pytest.mark.parametrize(("line", "expected"), DATELINES[:4])
def test_datelines_with_the_time_stage(line: str, expected: tuple[str, str]) -> None:
    pytest.importorskip("marsad.time", reason="the time stage (marsad.time) is not installed yet")
    assert parse_dateline(line, RULES) == expected


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("كتب: يوسف العامري", "يوسف العامري"),
        ("بقلم د. سلمى الراشد", "سلمى الراشد"),
        ("\u00a0هالة منصور", "هالة منصور"),
        ("By Sarah Collins", "Sarah Collins"),
        ("رمز للتقارب بين البلدين", None),
        ("باحث في الشؤون الروسية", None),
    ],
)
def test_byline_names(line: str, name: str | None) -> None:
    assert byline_name(line, RULES) == name


def test_metadata_of_a_text_article() -> None:
    meta, warnings = describe(clean(ARTICLE), Hints(), fmt="text", source="a.txt")
    assert meta.title == TITLE
    assert (meta.published, meta.published_basis, meta.published_precision) == (
        "2025-02-03",
        "stated",
        "day",
    )
    assert meta.author == "يوسف العامري"
    assert meta.outlet == "شبكة الأفق الإخبارية"  # the copyright holder, not a known outlet
    assert meta.language == "ar"
    assert warnings == []


def test_no_dateline_leaves_the_date_to_the_time_stage() -> None:
    meta, _ = describe(clean(TITLE + "\n" + BODY[0]), Hints(), fmt="text", source="a.txt")
    assert meta.published is None and meta.published_basis is None


def test_container_hints_come_first() -> None:
    hints = Hints(
        title=TITLE,
        author="Sarah Collins",
        published="2025-05",
        outlet="عربي 21",
        url="https://x.test/a",
    )
    meta, _ = describe(clean(ARTICLE, title_hint=TITLE), hints, fmt="jsonl", source="a.jsonl#1")
    assert (meta.published, meta.published_precision) == ("2025-05", "month")
    assert meta.author == "Sarah Collins"
    assert meta.outlet == "عربي21"
    assert meta.url == "https://x.test/a"


def test_a_bad_container_date_is_a_warning() -> None:
    meta, warnings = describe(
        clean(BODY[0]), Hints(published="soon"), fmt="jsonl", source="a.jsonl#1"
    )
    assert meta.published is None
    assert "could not be read" in warnings[0]


def test_english_is_flagged_not_mangled() -> None:
    cleaned = clean(ENGLISH)
    meta, warnings = describe(cleaned, Hints(), fmt="text", source="en.txt")
    assert meta.language == "en"
    assert cleaned.text == ENGLISH
    assert "not Arabic" in warnings[0]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (BODY[0], "ar"),
        (ENGLISH, "en"),
        ("Les deux pays ont signé un accord de coopération et la France est prête.", "fr"),
        ("12345", "other"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


# -- outlets ---------------------------------------------------------------------
def test_outlet_from_copyright_company() -> None:
    assert (
        outlet_from_copyright(["جميع الحقوق محفوظة © 2025 شركة إرم ميديا"], OUTLETS) == "إرم نيوز"
    )
    assert (
        outlet_from_copyright(["© 2025 جميع الحقوق محفوظة لصحيفة الوادي الأخضر"], OUTLETS)
        == "الوادي الأخضر"
    )


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.aljazeera.net/news/2025/9/7/x", "الجزيرة نت"),
        ("https://arabic.rt.com/world/1/", "آر تي عربي"),
        ("https://www.bbc.com/arabic/articles/x", "بي بي سي عربي"),
        ("https://www.bbc.com/news/x", None),
        ("https://unknown.example/x", None),
    ],
)
def test_outlet_from_url(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url, OUTLETS) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ('وقال المحلل في تصريحات لـ"عربي21" إن الزيارة مهمة.', "عربي21"),
        ("وأوضح الخبير في حديث لإرم نيوز أن الاتفاق قريب.", "إرم نيوز"),
        ("وهو ما تناولته «اندبندنت عربية» في تقرير سابق لها.", "اندبندنت عربية"),
        ("وقال المسؤول لرويترز إن الاتفاق قريب.", None),  # a wire is quoted, not the publisher
        ("وذكرت الجزيرة أن الوفد وصل.", None),  # a citation, not a self-mention
    ],
)
def test_outlet_from_self_mention(text: str, outlet: str | None) -> None:
    assert outlet_from_self_mention(text, OUTLETS) == outlet


def test_site_name_is_mapped_to_the_canonical_outlet() -> None:
    assert outlet_from_name("Al Jazeera", OUTLETS) == "الجزيرة نت"
    assert outlet_from_name("العربية نت", OUTLETS) == "العربية"


def test_outlets_file_integrity() -> None:
    doc = yaml.safe_load(data_path("ingest", "outlets.yaml").read_text(encoding="utf-8"))
    assert doc["schema"] == "marsad/ingest/outlets" and doc["version"] == 1
    outlets = doc["outlets"]
    assert len(outlets) >= 60
    names = [o["name"] for o in outlets]
    assert len(names) == len(set(names))
    domains = [d for o in outlets for d in o.get("domains", [])]
    assert len(domains) == len(set(domains))
    assert all(o.get("domains") for o in outlets)
    for o in outlets:  # every name and alias leads back to its outlet
        for alias in [o["name"], *o.get("aliases", [])]:
            assert outlet_from_name(alias, OUTLETS) is not None, alias


LEAD = (
    "استقبل الرئيس المصري اليوم في قصر الاتحادية وزير الخارجية التركي، وبحث معه سبل تعزيز "
    "العلاقات الثنائية والتطورات في المنطقة، بحسب بيان للرئاسة."
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # label, unlisted label, title, byline without colon, dateline, body, outlet name at the end
            [
                "الرئيسية",
                "أخبار مصر",
                "السيسي يستقبل وزير الخارجية التركي في القاهرة",
                "كتب أحمد محمد",
                "الأحد، 07 سبتمبر 2025 03:15 م",
                LEAD,
                LEAD,
                "اليوم السابع",
            ],
            (
                "السيسي يستقبل وزير الخارجية التركي في القاهرة",
                "أحمد محمد",
                "اليوم السابع",
                "2025-09-07",
            ),
        ),
        (  # "city - outlet" under the title is the outlet, not an author
            [
                "الإمارات وفرنسا توقعان اتفاقا للتعاون في الطاقة النووية",
                "دبي - العين الإخبارية",
                LEAD,
                LEAD,
            ],
            (
                "الإمارات وفرنسا توقعان اتفاقا للتعاون في الطاقة النووية",
                None,
                "العين الإخبارية",
                None,
            ),
        ),
    ],
)
def test_page_layouts(
    lines: list[str], expected: tuple[str, str | None, str | None, str | None]
) -> None:
    m, _ = describe(clean("\n".join(lines)), Hints(), fmt="text", source="x.txt")
    assert (m.title, m.author, m.outlet, m.published) == expected

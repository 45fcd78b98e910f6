"""Page furniture: every line rule on lines written for these tests, negatives, context rules, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import DataFileError
from marsad.ingest import furniture
from marsad.ingest.furniture import clean, date_line, fold, line_rule, load_rules, split_lines
from marsad.resources import data_path
from marsad.text.normalize import normalize_word
from tests.ingest.conftest import ARTICLE, BODY, CLEAN_TEXT, FURNITURE_LINES, TITLE

RULES = load_rules()

# (line, rule): one or more lines per rule of furniture.yaml
POSITIVE = [
    ("Please enable JavaScript to view this page.", "javascript_notice"),
    ("يرجى تفعيل الجافا سكريبت في متصفحك", "javascript_notice"),
    ("نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع", "cookie_notice"),
    ("Logo", "logo"),
    ("شعار الموقع", "logo"),
    ("تابعونا على فيسبوك وتويتر", "follow_us"),
    ("Follow us", "follow_us"),
    ("فيسبوك تويتر واتساب تلغرام", "social_links"),
    ("Facebook | Twitter | WhatsApp", "social_links"),
    ("Alert: Content is protected !!", "content_protection"),
    ("تنبيه: المحتوى محمي", "content_protection"),
    ("أضف تعليقك", "comment_prompt"),
    ("لا توجد تعليقات حتى الآن.", "comment_prompt"),
    ("Leave a Reply", "comment_prompt"),
    ("12 تعليق", "comment_prompt"),
    ("لن يتم نشر عنوان بريدك الإلكتروني.", "comment_prompt"),
    ("شارك المقال", "share_prompt"),
    ("مشاركة", "share_prompt"),
    ("Share on Facebook", "share_prompt"),
    ("اقرأ أيضا", "related_header"),
    ("مواضيع ذات صلة", "related_header"),
    ("الأكثر قراءة", "related_header"),
    ("المزيد من أخبار العالم", "related_header"),
    ("اقرأ أيضا: مباحثات مصرية تركية حول ليبيا", "related_inline"),
    ("يحتوي هذا القسم على روابط لمقالات أخرى", "related_widget"),
    ("1,204 Views", "view_counter"),
    ("عدد المشاهدات: 88", "view_counter"),
    ("٣٤٥ مشاهدة", "view_counter"),
    ("مدة القراءة: 4 دقائق", "reading_time"),
    ("3 دقائق للقراءة", "reading_time"),
    ("© 2025 جميع الحقوق محفوظة", "copyright"),
    ("All rights reserved", "copyright"),
    ("Copyright (c) 2024 Example Media", "copyright"),
    ("تصميم وتطوير شركة الويب العربي", "site_credits"),
    ("الرئيس خلال استقباله الوفد الزائر - رويترز", "photo_caption"),
    ("جانب من الاجتماع (الأناضول)", "photo_caption"),
    ("قاعة الاجتماعات في القصرالمصدر: أ ف ب", "photo_caption"),
    ("السفير لدى وصوله إلى مقر الوزارة. تصوير: أحمد سالم", "photo_caption"),
    ("صورة أرشيفية لمبنى السفارة", "photo_caption"),
    ("صورة: الوزيران يتصافحان قبل بدء جلسة المباحثات في القصر الرئاسي", "photo_caption"),
    ("المصدر: وكالات", "source_attribution"),
    ("Source: agencies", "source_attribution"),
    ("(انتهى)", "end_marker"),
    ("سياسة", "section_label"),
    ("الرأي", "section_label"),
    ("ملخص", "section_label"),
    ("اقتصاد", "section_label"),
    ("الرئيسية > أخبار > العالم", "breadcrumb"),
    ("الرئيسية / سياسة", "breadcrumb"),
    ("الوسوم: مصر، تركيا، ليبيا", "tags"),
    ("كلمات مفتاحية: روسيا", "tags"),
    ("اشترك في النشرة البريدية ليصلك كل جديد", "newsletter"),
    ("حجم الخط", "page_tools"),
    ("A A A", "page_tools"),
    ("Back to top", "page_tools"),
    ("إعلان", "advertisement"),
    ("Advertisement", "advertisement"),
]

# lines of articles that no rule may remove
NEGATIVE = [
    *BODY,
    TITLE,
    "وقال الوزير إن بلاده ترحب بالحوار.",
    "رمز للتقارب بين البلدين",
    "سياسة الباب المفتوح تجاه الجيران",
    "شارك الرئيس في القمة التي عقدت في باكو.",
    "تابعت الوزارة تطورات الأزمة عن كثب.",
    "وقال المتحدث إن الصور المتداولة على مواقع التواصل مفبركة وإن التحقيق مستمر منذ أيام.",
    "أعلنت الوزارة أن عدد المشاهدات الرسمية للقمة بلغ رقما قياسيا هذا العام",
    "التعليقات الرسمية الصادرة عن الحكومة جاءت متأخرة.",
    "3 قتلى في انفجار بالعاصمة",
    "ماذا بعد؟",
    "في 7 سبتمبر 2025 وصل الرئيس إلى باكو في زيارة رسمية",
    "موسكو (رويترز) - قال المتحدث باسم الكرملين إن الرئيس سيتوجه إلى باكو الأسبوع المقبل في زيارة رسمية.",
    "المصدر الدبلوماسي أكد أن الاجتماع سيعقد في موعده.",
    "انتهى الاجتماع دون اتفاق على موعد الجولة التالية.",
    "المزيد من الضغوط الغربية على موسكو يعني مزيدا من التقارب مع الشرق وهذا ما تراه دوائر القرار في الكرملين.",
]


def _line_rule(text: str) -> str | None:
    line = split_lines(text)[0]
    line.norm = fold(line.text)
    line.key = furniture._key_of_norm(line.norm)
    return line_rule(line, RULES) or date_line(line.norm, line.key, RULES)


@pytest.mark.parametrize(("text", "rule"), POSITIVE)
def test_line_rules(text: str, rule: str) -> None:
    assert _line_rule(text) == rule


@pytest.mark.parametrize("text", NEGATIVE)
def test_article_lines_are_kept(text: str) -> None:
    assert _line_rule(text) is None


def test_every_line_rule_is_reachable() -> None:
    assert {rule for _, rule in POSITIVE} == set(RULES.names)


DATELINES = [
    ("3 سبتمبر 2025، 09:10 م", "dateline"),
    ("الأحد 07/09/2025", "dateline"),
    ("نشر في: 2025-09-07", "dateline"),
    ("الأحد، 7 أيلول/ سبتمبر 2025", "dateline"),
    ("Sunday, September 7, 2025", "dateline"),
    ("آخر تحديث: 8 أيلول 2025", "dateline_updated"),
    ("منذ 3 ساعات", "dateline_relative"),
]


@pytest.mark.parametrize(("text", "kind"), DATELINES)
def test_datelines(text: str, kind: str) -> None:
    assert _line_rule(text) == kind


@pytest.mark.parametrize("text", ["2025", "3 4 5", "الأحد الماضي", "سبتمبر الماضي كان حافلا"])
def test_not_datelines(text: str) -> None:
    assert _line_rule(text) is None


# -- the whole article ---------------------------------------------------------
def test_article_is_cleaned_and_every_removal_is_recorded() -> None:
    c = clean(ARTICLE)
    assert c.title == TITLE
    assert c.text == CLEAN_TEXT
    removed = [ARTICLE[r.start : r.end] for r in c.removed]
    assert set(removed) == FURNITURE_LINES | {TITLE}  # the title's second copy
    rules = {ARTICLE[r.start : r.end]: r.rule for r in c.removed}
    assert rules["كتب: يوسف العامري"] == "byline"
    assert rules["القاهرة وأنقرة تتفقان على استئناف الرحلات البحرية"] == "related_headline"
    assert c.captured["dateline"] == ["الاثنين 03/02/2025"]


def test_title_is_the_first_line_after_an_unknown_label() -> None:
    raw = "شؤون خليجية\n\n" + TITLE + "\n\n" + BODY[0]
    c = clean(raw)
    assert c.title == TITLE and c.text.startswith(TITLE)
    assert [r.rule for r in c.removed] == ["section_label_above_title"]


def test_no_title_when_the_text_starts_with_a_paragraph() -> None:
    c = clean(BODY[0] + "\n" + BODY[1])
    assert c.title is None
    assert c.text == BODY[0] + "\n" + BODY[1]


def test_title_hint_finds_the_title_line() -> None:
    raw = "عاجل\n" + TITLE + "\n" + BODY[0]
    c = clean(raw, title_hint=TITLE)
    assert c.title == TITLE and c.text.split("\n")[0] == TITLE


def test_bylines_and_bio_around_the_body() -> None:
    raw = "\n".join(
        [
            TITLE,
            "د. سلمى الراشد",
            BODY[0],
            BODY[1],
            "",
            "د. سلمى الراشد",
            "باحثة في العلاقات الدولية",
        ]
    )
    c = clean(raw)
    assert [(raw[r.start : r.end], r.rule) for r in c.removed] == [
        ("د. سلمى الراشد", "byline"),
        ("د. سلمى الراشد", "byline"),
        ("باحثة في العلاقات الدولية", "author_bio"),
    ]


def test_a_short_heading_inside_the_body_is_kept() -> None:
    raw = "\n".join([TITLE, BODY[0], "خلفيات الزيارة", BODY[1], "ماذا بعد؟", BODY[2]])
    assert clean(raw).text == raw


def test_related_block_stops_at_the_body() -> None:
    raw = "\n".join(
        [TITLE, BODY[0], "اقرأ أيضا", "عنوان خبر آخر عن القمة", "عنوان ثالث عن الحدود", BODY[1]]
    )
    c = clean(raw)
    assert [r.rule for r in c.removed] == ["related_header", "related_headline", "related_headline"]
    assert c.text == "\n".join([TITLE, BODY[0], BODY[1]])


def test_nbsp_and_spaces_around_lines() -> None:
    raw = "\u00a0" + TITLE + "  \n\u00a0\n   " + BODY[0] + "\n"
    c = clean(raw)
    assert c.text == TITLE + "\n\n" + BODY[0]


# -- offsets: a property test -----------------------------------------------------
LINE_POOL = [
    *BODY,
    *sorted(FURNITURE_LINES),
    TITLE,
    "",
    " ",
    "\u00a0",
    "خلفيات الزيارة",
    "ماذا بعد؟",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINE_POOL), max_size=25), st.sampled_from(["", " ", "\u00a0"]))
def test_removed_lines_and_clean_text_point_at_the_raw_text(lines: list[str], pad: str) -> None:
    raw = "\n".join(pad + ln for ln in lines)
    c = clean(raw)
    raw_lines = [(ln.start, ln.end) for ln in split_lines(raw)]
    for r in c.removed:
        assert (r.start, r.end) in raw_lines  # exactly one whole line
        assert "\n" not in raw[r.start : r.end]
    kept = [ln for ln in c.text.split("\n") if ln]
    removed = {(r.start, r.end) for r in c.removed}
    expected = [
        raw[s:e].strip() for s, e in raw_lines if (s, e) not in removed and raw[s:e].strip()
    ]
    assert kept == expected
    assert c.text == c.text.strip()
    if c.title is not None:
        assert c.text.split("\n")[0] == c.title


# -- the data file ---------------------------------------------------------------
def _phrases() -> list[str]:
    doc = yaml.safe_load(data_path("ingest", "furniture.yaml").read_text(encoding="utf-8"))
    out = [
        p for r in doc["rules"] for mode in ("exact", "prefix", "contains") for p in r.get(mode, [])
    ]
    out += [w for words in doc["lists"].values() for w in words]
    ctx = doc["context"]
    for key in (
        "byline_prefixes",
        "honorifics",
        "bio_starts",
        "date_words",
        "weekdays",
        "hijri_months",
    ):
        out += ctx[key]
    out += list(ctx["months"])
    return [p for p in out if not p.startswith("@")]


def test_fast_fold_agrees_with_normalize_on_every_phrase() -> None:
    for phrase in _phrases():
        assert furniture._key(phrase) == furniture._key_of_norm(normalize_word(phrase)), phrase


def test_data_file_header_and_rules() -> None:
    doc = yaml.safe_load(data_path("ingest", "furniture.yaml").read_text(encoding="utf-8"))
    assert doc["schema"] == "marsad/ingest/furniture" and doc["version"] == 1
    names = [r["name"] for r in doc["rules"]]
    assert len(names) == len(set(names))
    assert all(r.get("why") for r in doc["rules"])


def test_a_bad_furniture_file_fails_when_loaded(tmp_path: Path) -> None:
    doc = yaml.safe_load(data_path("ingest", "furniture.yaml").read_text(encoding="utf-8"))
    doc["rules"][0]["regex"] = ["(unclosed"]
    bad = tmp_path / "furniture.yaml"
    bad.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_rules(bad)
    assert str(bad) in str(err.value)
    doc["rules"][0]["regex"] = []
    doc["rules"][0]["exact"] = ["@nosuchlist@"]
    bad2 = tmp_path / "furniture2.yaml"
    bad2.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="nosuchlist"):
        load_rules(bad2)

"""Every input format: text, HTML, JSONL, WARC, RSS/Atom feeds and http(s) URLs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.errors import InputError
from marsad.ingest import Candidate, Rejection, iter_inputs, load_document
from tests.ingest.conftest import ARTICLE, BODY, CLEAN_TEXT, FIXTURES, TITLE, html_page


def _items(*paths: str | Path) -> list[Candidate | Rejection]:
    return [i for i in iter_inputs([str(p) for p in paths]) if isinstance(i, Candidate | Rejection)]


def test_text_file(article_file: Path) -> None:
    doc = load_document(article_file)
    assert doc.text == CLEAN_TEXT
    assert doc.raw == ARTICLE
    assert doc.meta.fmt == "text" and doc.meta.source == str(article_file)
    assert all(doc.raw[r.start : r.end].strip() for r in doc.removed)


def test_html_main_text_without_comments(tmp_path: Path) -> None:
    meta = (
        '<meta property="og:site_name" content="Al Jazeera">'
        '<meta name="author" content="يوسف العامري">'
        '<meta property="article:published_time" content="2025-02-03T08:00:00+03:00">'
    )
    p = tmp_path / "page.html"
    p.write_text(html_page(meta=meta), encoding="utf-8")
    doc = load_document(p)
    assert doc.text.split("\n")[0] == TITLE
    assert all(b in doc.text for b in BODY)
    assert "تعليق من قارئ" not in doc.text and "الرئيسية" not in doc.text
    m = doc.meta
    assert (m.title, m.author, m.outlet, m.fmt) == (TITLE, "يوسف العامري", "الجزيرة نت", "html")
    assert (m.published, m.published_basis, m.published_precision) == (
        "2025-02-03",
        "stated",
        "day",
    )


def test_html_in_windows_1256(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    p.write_bytes(html_page(charset="windows-1256").replace("©", "(c)").encode("cp1256"))
    doc = load_document(p)
    assert doc.meta.title == TITLE and BODY[0] in doc.text


def test_html_footer_names_the_outlet(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(html_page(), encoding="utf-8")
    assert load_document(p).meta.outlet == "شبكة الأفق الإخبارية"


def test_truncated_html_is_read_with_a_warning(tmp_path: Path) -> None:
    page = html_page()
    cut = page[: page.index(BODY[1][:30]) + 20]
    p = tmp_path / "cut.html"
    p.write_text(cut, encoding="utf-8")
    doc = load_document(p)
    assert BODY[0] in doc.text
    assert any("truncated" in w for w in doc.warnings)


def test_truncated_html_with_no_text_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "cut.html"
    p.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><div class=", encoding="utf-8"
    )
    with pytest.raises(
        InputError,
        match=r"cut.html: no article text found in the HTML \(the HTML looks truncated\)",
    ):
        load_document(p)


def test_jsonl_with_a_corrupt_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "text": BODY[0],
                "title": TITLE,
                "url": "https://x.test/1",
                "published": "2025-02-03",
                "outlet": "عربي21",
            },
            ensure_ascii=False,
        ),
        '{"text": "سطر مقطوع',
        json.dumps(
            {"html": html_page(title="عنوان الصفحة الثانية", comments=False)}, ensure_ascii=False
        ),
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),
        "",
        json.dumps(["not", "an", "object"]),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    items = _items(p)
    assert [type(i).__name__ for i in items] == [
        "Candidate",
        "Rejection",
        "Candidate",
        "Rejection",
        "Rejection",
    ]
    first = items[0]
    assert isinstance(first, Candidate)
    doc = first.build()
    assert doc.text == TITLE + "\n\n" + BODY[0]
    assert (doc.meta.url, doc.meta.published, doc.meta.outlet, doc.meta.source) == (
        "https://x.test/1",
        "2025-02-03",
        "عربي21",
        f"{p}#1",
    )
    bad = items[1]
    assert isinstance(bad, Rejection)
    assert bad.source == f"{p}#2" and bad.reason.startswith("line 2: not valid JSON")
    second = items[2]
    assert isinstance(second, Candidate)
    assert second.build().meta.title == "عنوان الصفحة الثانية"
    assert "neither a 'text' nor an 'html'" in str(items[3])
    assert "expected a JSON object" in str(items[4])


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return out.getvalue()


def test_warc_html_responses(tmp_path: Path) -> None:
    data = _warc(
        [
            ("https://example.org/a", "text/html; charset=utf-8", html_page().encode("utf-8")),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            (
                "https://example.org/b",
                "text/html; charset=windows-1256",
                html_page(title="عنوان بترميز عربي", comments=False)
                .replace("©", "(c)")
                .encode("cp1256"),
            ),
        ]
    )
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(data)
    items = _items(p)
    assert len(items) == 2 and all(isinstance(i, Candidate) for i in items)
    docs = [i.build() for i in items if isinstance(i, Candidate)]
    assert [d.meta.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
    assert docs[1].meta.title == "عنوان بترميز عربي"
    assert all(d.meta.fmt == "warc" for d in docs)


def test_corrupt_warc_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "broken.warc.gz"
    p.write_bytes(_warc([("https://example.org/a", "text/html", html_page().encode())])[:200])
    items = _items(p)
    assert items and all(isinstance(i, Rejection) for i in items)
    assert str(p) in str(items[0])


def test_rss_feed() -> None:
    items = _items(FIXTURES / "feed.rss")
    assert [type(i).__name__ for i in items] == ["Candidate", "Candidate", "Rejection"]
    first = items[0]
    assert isinstance(first, Candidate)
    doc = first.build()
    m = doc.meta
    assert m.title == "الأردن والعراق يوقعان اتفاقا لتمديد خط نقل النفط"
    assert doc.text.startswith(m.title + "\n\n") and "ميناء العقبة" in doc.text
    assert (m.url, m.published, m.author, m.outlet, m.fmt) == (
        "https://example.org/news/jordan-iraq-pipeline",
        "2025-09-02",
        "رنا الخطيب",
        "الأفق - أخبار العالم",
        "feed",
    )
    assert "no content or summary" in str(items[2])


def test_atom_feed() -> None:
    (item,) = _items(FIXTURES / "feed.atom")
    assert isinstance(item, Candidate)
    m = item.build().meta
    assert (m.published, m.author, m.url, m.outlet) == (
        "2025-09-04",
        "منير بن سالم",
        "https://example.org/maghreb/border-crossing",
        "المرصد المغاربي",
    )


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    p = tmp_path / "data.xml"
    p.write_text('<?xml version="1.0"?><records><r>1</r></records>', encoding="utf-8")
    (item,) = _items(p)
    assert isinstance(item, Rejection) and str(p) in str(item)


def test_urls(http_server: tuple[str, dict[str, tuple[str, bytes]]]) -> None:
    base, routes = http_server
    routes["/article"] = ("text/html; charset=utf-8", html_page().encode("utf-8"))
    routes["/plain"] = (
        "text/plain; charset=windows-1256",
        ARTICLE.replace("©", "(c)").encode("cp1256"),
    )
    routes["/feed"] = ("application/rss+xml", (FIXTURES / "feed.rss").read_bytes())
    routes["/pdf"] = ("application/pdf", b"%PDF-1.4\n%binary")
    items = _items(
        f"{base}/article", f"{base}/plain", f"{base}/feed", f"{base}/pdf", f"{base}/missing"
    )
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "Candidate",
        "Candidate",
        "Candidate",
        "Candidate",
        "Rejection",
        "Rejection",
        "Rejection",
    ]
    html_doc = items[0].build() if isinstance(items[0], Candidate) else None
    assert (
        html_doc is not None
        and html_doc.meta.url == f"{base}/article"
        and html_doc.meta.title == TITLE
    )
    text_doc = items[1].build() if isinstance(items[1], Candidate) else None
    assert text_doc is not None and text_doc.text.replace("(c)", "©") == CLEAN_TEXT
    assert "binary" in str(items[5]) and str(items[5]).startswith(f"{base}/pdf")
    assert "HTTP error 404" in str(items[6])


def test_unreachable_url(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/news"
    (item,) = _items(url)
    assert isinstance(item, Rejection)
    assert item.source == url and item.reason.startswith("unreachable")


def test_directories_are_walked_in_order(tmp_path: Path, article_file: Path) -> None:
    sub = tmp_path / "b" / "c"
    sub.mkdir(parents=True)
    (sub / "z.txt").write_text(BODY[1], encoding="utf-8")
    (tmp_path / "b" / "a.txt").write_text(BODY[2], encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY[0], encoding="utf-8")
    (tmp_path / "notes.md").write_text("ملاحظات", encoding="utf-8")
    found = list(iter_inputs([tmp_path]))
    names = [Path(i.source).name for i in found]
    assert names == ["article.txt", "a.txt", "z.txt", "notes.md"]
    assert type(found[-1]).__name__ == "Skipped"


def test_load_document_wants_one_article(tmp_path: Path) -> None:
    p = tmp_path / "two.jsonl"
    p.write_text(
        json.dumps({"text": BODY[0]}) + "\n" + json.dumps({"text": BODY[1]}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="holds 2 articles"):
        load_document(p)
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "nope.txt")


def test_document_from_record() -> None:
    from marsad.ingest import document_from_record

    record = {"text": BODY[0], "title": TITLE, "published": "2025-02", "url": None, "html": None}
    doc = document_from_record(record, source="api")
    assert doc.text == TITLE + "\n\n" + BODY[0]
    assert (doc.meta.source, doc.meta.published, doc.meta.published_precision) == (
        "api",
        "2025-02",
        "month",
    )
    with pytest.raises(InputError, match="api: has neither a 'text' nor an 'html' string"):
        document_from_record({"title": TITLE}, source="api")

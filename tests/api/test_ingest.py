"""POST /api/documents: refused without a token, refused with a wrong one, stored with the right one."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.api.ingest import bearer
from tests.api.conftest import TOKEN, auth
from tests.api.test_errors import assert_error_shape

# Invented for this test: a short news item that names two states and a date.
ARTICLE = {
    "title": "الكويت وسلطنة عمان توقعان مذكرة للتعاون في مجال الموانئ",
    "text": (
        "وقعت الكويت وسلطنة عمان يوم الثلاثاء مذكرة تفاهم للتعاون في إدارة الموانئ "
        "وتبادل الخبرات البحرية، خلال زيارة وزير الخارجية الكويتي إلى مسقط.\n\n"
        "وقال الوزير إن المذكرة تفتح صفحة جديدة من العمل المشترك بين البلدين."
    ),
    "published": "2025-09-02",
    "outlet": "نشرة الخليج التجريبية",
    "url": "https://example.org/test/kuwait-oman-ports",
}

# Invented too: the same kind of item as an HTML page, with a menu and a footer to drop.
PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>تونس والجزائر تبحثان فتح معبر حدودي جديد</title></head><body>
<nav><a href="/">الرئيسية</a> | <a href="/world">العالم</a></nav>
<article><h1>تونس والجزائر تبحثان فتح معبر حدودي جديد</h1>
<p>بحث وزيرا الداخلية في تونس والجزائر يوم الخميس فتح معبر حدودي جديد لتسهيل حركة المسافرين
والبضائع بين البلدين، في اجتماع عقد بالعاصمة التونسية.</p>
<p>وأكد الجانبان في بيان مشترك رغبتهما في تعزيز التنسيق الأمني على الحدود المشتركة.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_no_token_configured_is_403(writable_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    with TestClient(create_app(str(writable_db))) as c:
        for headers in ({}, auth(), auth("anything")):
            r = c.post("/api/documents", json=ARTICLE, headers=headers)
            assert r.status_code == 403
            assert assert_error_shape(r)["code"] == "forbidden"
        assert c.get("/api/health").json()["documents"] == 7  # nothing was added


def test_token_from_the_environment(writable_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_API_TOKEN", "from-env")
    with TestClient(create_app(str(writable_db))) as c:
        assert c.post("/api/documents", json=ARTICLE, headers=auth("from-env")).status_code == 201


@pytest.mark.parametrize(
    "headers",
    [
        {},
        auth("wrong-token"),
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer "},
        auth(TOKEN + "x"),
        {"Authorization": "Bearer ترميز".encode()},  # not ASCII: still a plain 401
    ],
)
def test_missing_or_wrong_token_is_401(
    token_client: TestClient, headers: dict[str, str | bytes]
) -> None:
    r = token_client.post("/api/documents", json=ARTICLE, headers=headers)
    assert r.status_code == 401
    assert assert_error_shape(r)["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"


def test_right_token_adds_a_searchable_document(token_client: TestClient) -> None:
    before = token_client.get("/api/documents").json()["total"]
    r = token_client.post("/api/documents", json=ARTICLE, headers=auth())
    assert r.status_code == 201, r.text
    added = r.json()
    assert added["status"] == "added" and added["version"] == 1
    assert token_client.get("/api/documents").json()["total"] == before + 1

    hits = token_client.get("/api/search", params={"q": "الموانئ"}).json()["items"]
    assert [h["doc_key"] for h in hits] == [added["key"]]
    doc = token_client.get(f"/api/documents/{added['key']}").json()
    assert doc["title"] == ARTICLE["title"]
    assert doc["published"] == "2025-09-02"
    assert doc["outlet"] == ARTICLE["outlet"]
    assert doc["url"] == ARTICLE["url"]
    assert "مذكرة تفاهم" in doc["text"]
    actors = token_client.get("/api/actors", params={"doc": added["key"]}).json()["items"]
    assert {"KWT", "OMN"} <= {a["code"] for a in actors}

    again = token_client.post("/api/documents", json=ARTICLE, headers=auth())
    assert again.status_code == 200
    assert again.json()["status"] == "present" and again.json()["key"] == added["key"]


def test_html_is_cleaned_before_it_is_stored(token_client: TestClient) -> None:
    r = token_client.post(
        "/api/documents", json={"html": PAGE, "published": "2025-10-09"}, headers=auth("  " + TOKEN)
    )
    assert r.status_code == 201, r.text
    doc = token_client.get(f"/api/documents/{r.json()['key']}").json()
    assert "معبر حدودي" in doc["text"]
    assert "الرئيسية" not in doc["text"] and "جميع الحقوق" not in doc["text"]
    assert doc["title"].startswith("تونس والجزائر")


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "نص", "html": "<p>نص</p>"}, "one of them"),
        ({"text": "نص", "published": "أمس"}, "published"),
        ({"text": "نص", "colour": "blue"}, "colour"),
        ({"text": "x" * 2_000_001}, "text"),
        ({"text": 5}, "text"),
    ],
)
def test_bad_bodies_are_422(token_client: TestClient, body: dict[str, object], word: str) -> None:
    r = token_client.post("/api/documents", json=body, headers=auth())
    assert r.status_code == 422
    err = assert_error_shape(r)
    assert err["code"] == "invalid_parameter" and word in err["message"]


def test_body_that_is_not_json_is_422(token_client: TestClient) -> None:
    r = token_client.post(
        "/api/documents",
        content=b"{not json",
        headers={**auth(), "Content-Type": "application/json"},
    )
    assert r.status_code == 422
    assert "JSON" in assert_error_shape(r)["message"]


def test_html_without_article_text_is_400(token_client: TestClient) -> None:
    page = "<html><body><nav>القائمة</nav></body></html>"
    r = token_client.post("/api/documents", json={"html": page}, headers=auth())
    assert r.status_code == 400
    assert assert_error_shape(r)["code"] == "bad_input"


def test_bearer_parsing() -> None:
    assert bearer("Bearer abc") == "abc"
    assert bearer("bearer   abc ") == "abc"
    assert bearer("Basic abc") is None
    assert bearer("Bearer") is None
    assert bearer(None) is None

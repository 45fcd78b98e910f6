"""Fixtures of the ingestion tests: an article with page furniture, a local HTTP server, a closed port.

Every Arabic sentence here was written for these tests (no third-party text).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"

TITLE = "وزير الخارجية المصري يزور أنقرة لبحث ملفات المنطقة"
BODY = [
    "وصل وزير الخارجية المصري إلى العاصمة التركية أنقرة صباح اليوم في زيارة رسمية تستمر يومين، "
    "يلتقي خلالها نظيره التركي ويبحث معه تطورات الأوضاع في ليبيا والسودان.",
    "وقال الوزير في تصريح للصحفيين لدى وصوله إن «العلاقات بين القاهرة وأنقرة تشهد مرحلة جديدة من "
    "التفاهم»، مضيفا أن البلدين يعملان على رفع حجم التبادل التجاري خلال العامين المقبلين.",
    "وكان الرئيسان المصري والتركي قد اتفقا الأحد الماضي في اتصال هاتفي على عقد اجتماع مجلس التعاون "
    "الاستراتيجي قبل نهاية العام، وعلى تكثيف التنسيق بشأن الأزمات الإقليمية.",
]

# an article as it comes out of a web page, with the furniture around it
ARTICLE = "\n".join(
    [
        "logo",
        "العالم",
        "",
        TITLE,
        "",
        TITLE,
        "الوزيران خلال مؤتمر صحفي مشترك في أنقرة (أ ف ب)",
        "الاثنين 03/02/2025",
        "",
        "كتب: يوسف العامري",
        "",
        BODY[0],
        "",
        "أخبار ذات صلة",
        "",
        "القاهرة وأنقرة تتفقان على استئناف الرحلات البحرية",
        "",
        BODY[1],
        "",
        BODY[2],
        "",
        "شارك هذا الموضوع",
        "اترك تعليقاً",
        "2,310 مشاهدة",
        "تابعونا على",
        "جميع الحقوق محفوظة © 2025 شبكة الأفق الإخبارية",
    ]
)
FURNITURE_LINES = {
    "logo",
    "العالم",
    "الوزيران خلال مؤتمر صحفي مشترك في أنقرة (أ ف ب)",
    "الاثنين 03/02/2025",
    "كتب: يوسف العامري",
    "أخبار ذات صلة",
    "القاهرة وأنقرة تتفقان على استئناف الرحلات البحرية",
    "شارك هذا الموضوع",
    "اترك تعليقاً",
    "2,310 مشاهدة",
    "تابعونا على",
    "جميع الحقوق محفوظة © 2025 شبكة الأفق الإخبارية",
}
CLEAN_TEXT = TITLE + "\n\n" + "\n\n".join(BODY)

ENGLISH = (
    "Leaders of the two countries met in the capital on Monday and agreed to reopen the border crossing.\n"
    "The talks were described as constructive by officials on both sides of the table."
)


def html_page(
    title: str = TITLE,
    body: list[str] | None = None,
    *,
    meta: str = "",
    charset: str = "utf-8",
    comments: bool = True,
) -> str:
    """A news page with a head, navigation, the article, a comment section and a footer."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in (body or BODY))
    comment_block = (
        '<section class="comments" id="comments"><h3>التعليقات</h3>'
        '<div class="comment"><p>تعليق من قارئ: هذه الزيارة تأخرت كثيرا في رأيي الشخصي.</p></div></section>'
        if comments
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}"><title>{title} | الأفق</title>{meta}</head>
<body><header><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav></header>
<main><article><h1>{title}</h1>
{paragraphs}
</article>{comment_block}</main>
<footer><p>جميع الحقوق محفوظة © 2025 شبكة الأفق الإخبارية</p></footer></body></html>"""


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "not found")
            return
        ctype, body = route
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, dict[str, tuple[str, bytes]]]]:
    """A server on 127.0.0.1 in a thread: ``(base_url, routes)``; add ``routes[path] = (type, body)``."""
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])

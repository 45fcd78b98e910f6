"""The web explorer in a real headless Chromium (Debian's, driven by Playwright).

A uvicorn server on 127.0.0.1 (a free port, in a background thread) serves
the app over a store filled from the bundled sample.  Each test records the
page's console errors, uncaught exceptions and failed requests and fails on
any.  Screenshots go to ``tests/web/screenshots/`` (git-ignored) for a person
to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from marsad.api import create_app
from marsad.ingest import SAMPLE_DIR, ingest
from marsad.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is absent: `make test` installs Debian's chromium when run as root "
    "(apt-get install chromium fonts-noto-core)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "sample.db"
    with open_store(db) as store:
        ingest([SAMPLE_DIR], store)
    port = free_port()
    config = uvicorn.Config(
        create_app(str(db), token=""), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server_url: str) -> Iterator[Any]:
    """A fresh page; after the test, no console error, page error or failed request is allowed."""
    context = browser.new_context(viewport={"width": 1280, "height": 1300}, locale="ar")
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    pg.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    pg.goto(server_url + "/")
    pg.wait_for_selector("body[data-ready='1']")
    yield pg
    context.close()
    assert not problems, problems


def shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / name), full_page=True)


def attr(pg: Any, selector: str, expression: str) -> Any:
    return pg.eval_on_selector(selector, expression)


def headings(pg: Any) -> list[str]:
    return [
        h.strip() for h in pg.locator("main h2 [data-i18n], main h2[data-i18n]").all_inner_texts()
    ]


def test_the_page_is_arabic_rtl_and_draws_everything(page: Any) -> None:
    assert attr(page, "html", "e => e.dir") == "rtl"
    assert attr(page, "html", "e => e.lang") == "ar"
    assert "الخط الزمني والمراحل" in headings(page)
    # the pair selectors are filled, and a real pair is picked
    assert page.locator("#a option").count() >= 2
    assert page.locator("#b option").count() >= 2
    assert page.locator("#pair option").count() >= 2
    a, b = page.input_value("#a"), page.input_value("#b")
    assert a and b and a != b
    assert {a, b} == {"AZE", "RUS"}  # the pair with the most events in the sample
    # the timeline: bars, phase bands and event markers
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#timeline rect.phase").count() > 0
    assert page.locator("#timeline circle.marker").count() > 0
    assert page.locator("#phases li").count() == page.locator("#timeline rect.phase").count()
    # the events table, the quotes by speaker, the network
    assert page.locator("#events tbody tr").count() > 0
    assert page.locator("#quotes .speaker").count() > 0
    assert page.locator("#network g.node").count() > 1
    assert page.locator("#network line.edge").count() > 0
    # Arabic is laid out right to left: the first column is at the right
    first = page.locator("#events thead th").first.bounding_box()
    last = page.locator("#events thead th").last.bounding_box()
    assert first["x"] > last["x"]
    shot(page, "explorer_ar.png")


def test_an_event_opens_its_article_with_the_sentence_marked(page: Any, server_url: str) -> None:
    a, b = page.input_value("#a"), page.input_value("#b")
    events = httpx.get(
        f"{server_url}/api/events", params={"pair": f"{a},{b}", "limit": 100}, timeout=10
    ).json()["items"]
    assert page.locator("#events tbody tr").count() == len(events)
    # a row whose sentence is not the headline, in the body of the article
    i = next(
        i
        for i, e in enumerate(events)
        if e["offsets"]["sentence"][0] > 0 and "\n" not in e["sentence"]
    )
    row = page.locator("#events tbody tr").nth(i)
    row.click()
    mark = page.locator("#article-text mark")
    mark.wait_for()
    assert mark.count() == 1
    assert mark.text_content() == events[i]["sentence"]
    assert page.locator("#article-text mark b.trigger").text_content() == events[i]["trigger"]
    assert "selected" in (row.get_attribute("class") or "")
    assert page.locator("#article-title").inner_text().strip()
    assert attr(page, "#article-text", "e => getComputedStyle(e).direction") == "rtl"
    box = mark.bounding_box()
    view = attr(page, "#article-text", "e => e.getBoundingClientRect().toJSON()")
    assert view["top"] - 1 <= box["y"] <= view["bottom"], (
        "the marked sentence is scrolled out of view"
    )
    shot(page, "explorer_article.png")


def test_a_timeline_marker_opens_its_key_event(page: Any) -> None:
    page.locator("#timeline circle.marker").first.click()
    mark = page.locator("#article-text mark")
    mark.wait_for()
    assert (mark.text_content() or "").strip()


def test_english_toggle(page: Any) -> None:
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'ltr'")
    assert attr(page, "html", "e => e.lang") == "en"
    assert headings(page) == [
        "Timeline and phases",
        "Events",
        "Article",
        "Quotes by speaker",
        "Actor network",
    ]
    assert page.inner_text("#lang") == "العربية"
    statuses = set(page.locator("#events tbody td:nth-child(5)").all_inner_texts())
    assert statuses and statuses <= {"asserted", "planned", "hypothetical", "negated"}
    assert "Russia" in (page.text_content("#network") or "")
    assert page.locator("#timeline rect.bar").count() > 0
    # the article and the quotes stay right to left inside the English page
    page.locator("#events tbody tr").first.click()
    page.locator("#article-text mark").wait_for()
    assert attr(page, "#article-text", "e => getComputedStyle(e).direction") == "rtl"
    first = page.locator("#events thead th").first.bounding_box()
    last = page.locator("#events thead th").last.bounding_box()
    assert first["x"] < last["x"]
    shot(page, "explorer_en.png")
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert "الأحداث" in headings(page)


def test_picking_another_pair(page: Any) -> None:
    page.select_option("#pair", "IRQ,TUR")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("location.search.includes('a=IRQ')")
    assert (page.input_value("#a"), page.input_value("#b")) == ("IRQ", "TUR")
    assert page.locator("#events tbody tr").count() > 0
    nodes = page.locator("#network g.node").evaluate_all("ns => ns.map(n => n.dataset.id)")
    assert {"IRQ", "TUR"} <= set(nodes)
    shot(page, "explorer_pair.png")

"""Readers: one per container format, each turning an input into articles or rejections.

A reader decodes what it reads and says what the container states about each
article (:class:`~marsad.ingest.metadata.Hints`); it does not clean the text.
Readers of containers with many articles (JSONL, WARC, feeds) yield a
:class:`Rejection` for a bad item and go on with the next one.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_tz
from pathlib import Path
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml.etree import ParserError  # type: ignore[import-untyped]

from marsad import __version__
from marsad.errors import InputError
from marsad.ingest.decode import decode_bytes
from marsad.ingest.limits import Limits, check_bytes, read_file
from marsad.ingest.metadata import Hints

URL_TIMEOUT = 15.0
USER_AGENT = f"marsad/{__version__} (news reader for research)"

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".feed"})
WARC_SUFFIXES = (".warc", ".warc.gz")
ARTICLE_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | frozenset(WARC_SUFFIXES)
)

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.IGNORECASE
)
_ISO_LIKE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_TITLE_SPLIT = re.compile(r"\s+[|\-–—»:]\s+")
_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e]+")
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "pre",
    ]
)


@dataclass(slots=True)
class Article:
    """One article as its reader found it: decoded text and what the container said about it."""

    text: str  # decoded plain text; for HTML, the main text trafilatura extracted
    fmt: str  # text | html | jsonl | warc | feed
    source: str  # file path, URL, "path#line" or "path#item"
    hints: Hints = field(default_factory=Hints)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input (or an item inside one) that cannot be used, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a directory that is not in an article format (a README, an image...)."""

    source: str
    reason: str


Found = Article | Rejection


def kind_of(path: Path) -> str:
    """The format a file's name says: text, html, jsonl, feed, warc, or ``auto`` (look at its bytes)."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return "auto"


def sniff(data: bytes) -> str:
    """The format of bytes whose name said nothing: html, feed or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    if _FEED_START.match(head):
        return "feed"
    return "text"


# -- files -----------------------------------------------------------------------
def read_path(path: Path, limits: Limits) -> Iterator[Found]:
    """Every article in one file (by its format), or the rejection of the file or of an item."""
    kind = kind_of(path)
    source = str(path)
    try:
        data = read_file(path, limits, gzip_ok=kind == "warc")
    except InputError as exc:
        yield Rejection(source, exc.reason)
        return
    if kind == "warc":
        yield from read_warc(data, source, limits)
        return
    if kind == "auto" or (kind == "text" and sniff(data) == "html"):  # a page saved as .txt
        kind = sniff(data)
    yield from read_bytes(data, kind, source, limits)


def read_bytes(
    data: bytes,
    kind: str,
    source: str,
    limits: Limits,
    *,
    url: str | None = None,
    declared: str | None = None,
) -> Iterator[Found]:
    """Articles in ``data`` of a known format."""
    try:
        if kind == "text":
            yield text_article(data, source, url=url, declared=declared)
        elif kind == "html":
            yield html_article(data, source, url=url, declared=declared)
        elif kind == "jsonl":
            yield from read_jsonl(data, source, limits)
        elif kind == "feed":
            yield from read_feed(data, source)
        elif kind == "warc":
            yield from read_warc(data, source, limits)
        else:  # pragma: no cover - kinds are fixed above
            raise InputError(f"unknown format {kind!r}", source=source)
    except InputError as exc:
        yield Rejection(exc.source or source, exc.reason)


def text_article(
    data: bytes, source: str, *, url: str | None = None, declared: str | None = None
) -> Article:
    decoded = decode_bytes(data, source=source, declared=declared)
    if not decoded.text.strip():
        raise InputError("empty: only whitespace", source=source)
    warnings = list(decoded.warnings)
    if decoded.encoding not in ("utf-8", "utf-8 (with BOM)"):
        warnings.append(f"decoded as {decoded.encoding}")
    return Article(decoded.text, "text", source, Hints(url=url), warnings)


# -- HTML ------------------------------------------------------------------------
def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes."""
    m = _META_CHARSET.search(data[:4096]) or _XML_ENCODING.search(data[:512])
    return m.group(1).decode("ascii").lower() if m else None


def html_article(
    data: bytes | str,
    source: str,
    *,
    url: str | None = None,
    declared: str | None = None,
    fmt: str = "html",
) -> Article:
    """The main text of an HTML page (trafilatura, comments excluded) and what its ``<head>`` states."""
    warnings: list[str] = []
    if isinstance(data, bytes):
        decoded = decode_bytes(data, source=source, declared=declared or declared_charset(data))
        html = decoded.text
        warnings.extend(decoded.warnings)
    else:
        html = data
    if not html.strip():
        raise InputError("empty HTML", source=source)
    truncated = "</html>" not in html[-2000:].lower() and "</body>" not in html[-4000:].lower()
    hints = html_hints(html, url)
    text = _main_text(html, url)
    if not text or not text.strip():
        why = " (the HTML looks truncated)" if truncated else ""
        raise InputError(f"no article text found in the HTML{why}", source=source)
    if truncated:
        warnings.append(
            "the HTML looks truncated (no closing </body> or </html>): the text may be incomplete"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if hints.title and not _title_in(text, hints.title):
        text = hints.title.strip() + "\n\n" + text
    return Article(text, fmt, source, hints, warnings)


def _title_in(text: str, title: str) -> bool:
    head = text[: max(600, 3 * len(title))]
    return title.strip() in head


def _main_text(html: str, url: str | None) -> str | None:
    import trafilatura

    text: str | None = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not text:
        text = trafilatura.extract(html, url=url, include_comments=False, favor_recall=True)
    if not text:
        _, text, _ = trafilatura.baseline(html)
    return text


def _attr(tree: Any, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        value = str(value).strip()
        if value:
            return _SPACES.sub(" ", value)
    return None


def html_hints(html: str, url: str | None = None) -> Hints:
    """Title, author, publication date, site name and canonical URL from an HTML page's metadata."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return Hints(url=url)
    meta_title = _attr(
        tree, '//meta[@property="og:title"]/@content | //meta[@name="twitter:title"]/@content'
    )
    h1 = None
    h1s = tree.xpath("//h1")
    if h1s:
        h1 = _SPACES.sub(" ", h1s[0].text_content()).strip() or None
    page_title = _attr(tree, "//title/text()")
    if meta_title and page_title and meta_title == page_title:
        meta_title = None  # the <title> copied, site name and all
    title = meta_title or h1 or _strip_site(page_title)
    author = _attr(
        tree,
        '//meta[@name="author"]/@content | //meta[@property="article:author"]/@content'
        ' | //meta[@name="byl"]/@content | //meta[@name="dc.creator"]/@content'
        ' | //*[@itemprop="author"]//*[@itemprop="name"]/@content | //*[@itemprop="author"]/@content'
        ' | //a[@rel="author"]/text()',
    )
    published = _attr(
        tree,
        '//meta[@property="article:published_time"]/@content'
        ' | //meta[@property="og:published_time"]/@content'
        ' | //meta[@name="pubdate"]/@content | //meta[@name="publishdate"]/@content'
        ' | //meta[@name="publish-date"]/@content | //meta[@name="publication_date"]/@content'
        ' | //meta[@name="date"]/@content | //meta[@name="dc.date.issued"]/@content'
        ' | //meta[@name="dc.date"]/@content | //meta[@name="DC.date.issued"]/@content'
        ' | //meta[@itemprop="datePublished"]/@content | //*[@itemprop="datePublished"]/@datetime'
        " | //time[@pubdate]/@datetime",
    )
    if published is None:
        published = _json_ld(tree, "datePublished")
    if author is None:
        author = _json_ld(tree, "author")
    site = _attr(
        tree,
        '//meta[@property="og:site_name"]/@content | //meta[@name="application-name"]/@content',
    )
    if site is None:
        site = _json_ld(tree, "publisher")
    canonical = _attr(tree, '//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    if canonical and not canonical.startswith(("http://", "https://")):
        canonical = None
    return Hints(
        title=title,
        author=author,
        published=published,
        outlet=site,
        url=url or canonical,
        copyright=_copyright_lines(tree),
    )


def _copyright_lines(tree: Any) -> list[str]:
    """Short text lines of the page that state a copyright (the footer trafilatura leaves out)."""
    lines = []
    for node in tree.xpath(
        '//body//text()[contains(., "©") or contains(., "حقوق") or contains(., "Copyright") or contains(., "copyright")]'
    ):
        text = _SPACES.sub(" ", str(node)).strip()
        if text and len(text.split()) <= 30:
            lines.append(text)
    return lines[:5]


def _strip_site(title: str | None) -> str | None:
    """``"Headline - Site"`` -> ``"Headline"`` (the longest part of a title with a site name)."""
    if not title:
        return None
    parts = _TITLE_SPLIT.split(title)
    return max(parts, key=len).strip() if len(parts) > 1 else title.strip()


def _json_ld(tree: Any, key: str) -> str | None:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            found = _json_ld_value(item, key)
            if found:
                return found
    return None


def _json_ld_value(item: Any, key: str) -> str | None:
    if not isinstance(item, dict):
        return None
    if "@graph" in item and isinstance(item["@graph"], list):
        for sub in item["@graph"]:
            found = _json_ld_value(sub, key)
            if found:
                return found
    value = item.get(key)
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script | //style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", ln).strip() for ln in root.text_content().split("\n"))
    return "\n".join(ln for ln in lines if ln)


# -- JSONL -----------------------------------------------------------------------
def read_jsonl(data: bytes, source: str, limits: Limits) -> Iterator[Found]:
    """One article per line: ``text`` or ``html``, optional ``url``, ``title``, ``published``, ``outlet``, ``author``."""
    decoded = decode_bytes(data, source=source)
    any_line = False
    for n, line in enumerate(decoded.text.split("\n"), 1):
        if not line.strip():
            continue
        any_line = True
        item_source = f"{source}#{n}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Rejection(item_source, f"line {n}: not valid JSON ({getattr(exc, 'msg', exc)})")
            continue
        if not isinstance(record, dict):
            yield Rejection(
                item_source, f"line {n}: expected a JSON object, got {type(record).__name__}"
            )
            continue
        try:
            yield record_article(record, item_source, where=f"line {n}: ")
        except InputError as exc:
            yield Rejection(item_source, exc.reason)
    if not any_line:
        yield Rejection(source, "empty: no JSON lines")


def _field(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def record_article(
    record: Mapping[str, Any], source: str, *, where: str = "", fmt: str = "jsonl"
) -> Article:
    """An article from a JSONL-style record: ``text`` or ``html``, optional ``url``, ``title``,
    ``published``, ``outlet``, ``author`` (the fields a JSONL line or an API request carries)."""
    hints = Hints(
        title=_field(record, "title"),
        author=_field(record, "author"),
        published=_field(record, "published"),
        outlet=_field(record, "outlet"),
        url=_field(record, "url"),
    )
    text = record.get("text")
    html = record.get("html")
    if isinstance(text, str) and text.strip():
        body = text.replace("\r\n", "\n").replace("\r", "\n")
        if hints.title and not _title_in(body, hints.title):
            body = hints.title.strip() + "\n\n" + body
        return Article(body, fmt, source, hints)
    if isinstance(html, str) and html.strip():
        article = html_article(html, source, url=hints.url, fmt=fmt)
        page = article.hints
        article.hints = Hints(
            title=hints.title or page.title,
            author=hints.author or page.author,
            published=hints.published or page.published,
            outlet=hints.outlet or page.outlet,
            url=hints.url or page.url,
        )
        if hints.title and not _title_in(article.text, hints.title):
            article.text = hints.title.strip() + "\n\n" + article.text
        return article
    raise InputError(f"{where}has neither a 'text' nor an 'html' string", source=source)


# -- feeds -----------------------------------------------------------------------
def read_feed(data: bytes, source: str) -> Iterator[Found]:
    """Each RSS/Atom item with content or a summary is an article (its link, title, date)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = f"not a valid RSS/Atom feed ({parsed.get('bozo_exception')})"
        else:
            reason = "feed has no items"
        yield Rejection(source, reason)
        return
    site = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, 1):
        item_source = f"{source}#item{n}"
        content = entry.get("content") or []
        body_html = content[0].get("value") if content else None
        body_html = body_html or entry.get("summary") or entry.get("description")
        if not body_html or not str(body_html).strip():
            yield Rejection(item_source, f"feed item {n} has no content or summary")
            continue
        text = fragment_text(str(body_html))
        if not text:
            yield Rejection(item_source, f"feed item {n} has no text")
            continue
        title = entry.get("title")
        if title and not _title_in(text, title):
            text = title.strip() + "\n\n" + text
        hints = Hints(
            title=title,
            author=entry.get("author"),
            published=_feed_date(entry),
            outlet=site,
            url=entry.get("link"),
        )
        yield Article(text, "feed", item_source, hints)


def _feed_date(entry: Any) -> str | None:
    """The item's date as the feed wrote it (its own time zone; feedparser's parsed form is UTC)."""
    for key in ("published", "updated", "dc_date"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        if _ISO_LIKE.match(value):
            return value.strip()[:10]
        parts = parsedate_tz(value)
        if parts:
            return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None


# -- WARC ------------------------------------------------------------------------
def read_warc(data: bytes, source: str, limits: Limits) -> Iterator[Found]:
    """HTML (and plain-text) responses of a WARC file; other records are passed over."""
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            item_source = f"{source}#{uri or n}"
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            mime, charset = _content_type(ctype)
            if mime not in ("text/html", "application/xhtml+xml", "text/plain"):
                continue
            body = record.content_stream().read(limits.max_bytes + 1)
            found += 1
            try:
                check_bytes(body, item_source, limits)
                if mime == "text/plain":
                    yield text_article(body, item_source, url=uri, declared=charset)
                else:
                    article = html_article(body, item_source, url=uri, declared=charset, fmt="warc")
                    yield article
            except InputError as exc:
                yield Rejection(exc.source or item_source, exc.reason)
    except ArchiveLoadFailed as exc:
        yield Rejection(source, f"not a readable WARC file ({exc})")
        return
    except (OSError, EOFError, ValueError) as exc:  # a truncated or corrupt archive
        yield Rejection(source, f"corrupt WARC file after {found} record(s): {exc}")
        return
    if found == 0:
        yield Rejection(source, "WARC file has no HTML or text responses")


def _content_type(value: str) -> tuple[str, str | None]:
    msg = Message()
    msg["content-type"] = value or "application/octet-stream"
    charset = msg.get_param("charset")
    return msg.get_content_type().lower(), charset if isinstance(charset, str) else None


# -- URLs ------------------------------------------------------------------------
def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def read_url(url: str, limits: Limits, timeout: float = URL_TIMEOUT) -> Iterator[Found]:
    """The article (or feed items) at an ``http(s)://`` URL; unreachable -> a rejection naming it."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl() or url
            ctype = response.headers.get("Content-Type", "")
            data = response.read(limits.max_bytes + 1)
    except urllib.error.HTTPError as exc:
        yield Rejection(url, f"HTTP error {exc.code} ({exc.reason})")
        return
    except urllib.error.URLError as exc:
        yield Rejection(url, f"unreachable: {exc.reason}")
        return
    except TimeoutError:
        yield Rejection(url, f"unreachable: no answer within {timeout:g} s")
        return
    except (OSError, ValueError) as exc:
        yield Rejection(url, f"unreachable: {exc}")
        return
    try:
        check_bytes(data, url, limits)
    except InputError as exc:
        yield Rejection(url, exc.reason)
        return
    mime, charset = _content_type(ctype)
    if mime in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif mime in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        kind = "feed"
    elif mime in ("application/x-ndjson", "application/jsonl"):
        kind = "jsonl"
    elif mime == "text/plain":
        kind = "text"
    else:
        kind = sniff(data)
    for found in read_bytes(data, kind, url, limits, url=final_url, declared=charset):
        if isinstance(found, Article) and found.hints.url is None:
            found.hints.url = final_url
        yield found

"""Document metadata: title, outlet, author, publication date (with its basis), language.

What the container states (an HTML ``<meta>``, a JSONL or feed field) comes
first; what the page says about itself (a dateline, a byline, a copyright
footer, a mention of the site that publishes it) fills the gaps.  Every
publication date found here is ``stated``: a date the time stage has to infer
from the text is left ``None`` for it, and marked ``inferred`` there.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import ahocorasick
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from marsad.errors import DataFileError
from marsad.ingest.furniture import (
    BYLINE,
    DATELINE,
    DATELINE_UPDATED,
    Cleaned,
    Rules,
    byline_name,
    fold,
    load_rules,
)
from marsad.model import DocumentMeta, Precision
from marsad.resources import data_path, load_yaml

OUTLETS_SCHEMA = "marsad/ingest/outlets"

_ARABIC = re.compile(r"[\u0621-\u064a]")
_PERSIAN_LETTERS = "\u067e\u0686\u0698\u06af\u06a9\u06cc"  # پ چ ژ گ ک ی
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_EN_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "was",
        "as",
        "by",
        "at",
        "from",
        "has",
        "have",
        "are",
    ]
)
_FR_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "et",
        "est",
        "une",
        "un",
        "dans",
        "pour",
        "que",
        "qui",
        "sur",
        "par",
        "au",
        "aux",
        "avec",
    ]
)
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T\s])")
_SLASH_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_YMD = re.compile(r"\b(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\b")
_LETTER = re.compile(r"[^\W\d_]")


# -- hints from the container ----------------------------------------------------
@dataclass(slots=True)
class Hints:
    """What a container says about an article (HTML meta, JSONL fields, feed items)."""

    title: str | None = None
    author: str | None = None
    published: str | None = None  # as the container wrote it (ISO-like)
    outlet: str | None = None  # an outlet field or the HTML site name
    url: str | None = None
    copyright: list[str] = field(
        default_factory=list
    )  # footer lines the reader saw but did not keep
    warnings: list[str] = field(default_factory=list)


# -- dates ---------------------------------------------------------------------
def parse_iso(value: str) -> tuple[str, Precision] | None:
    """``2024-08-19T10:00:00Z`` -> ``('2024-08-19', 'day')``; ``2024-08`` -> month; invalid -> None."""
    m = _ISO_DATE.match(value)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    return _make_date(year, month, day)


def _make_date(year: int, month: int | None, day: int | None) -> tuple[str, Precision] | None:
    if not 1800 <= year <= 2200:
        return None
    if month is None:
        return f"{year:04d}", "year"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def parse_dateline(line: str, rules: Rules | None = None) -> tuple[str, Precision] | None:
    """The date a dateline states, at its precision, or ``None``.

    ``marsad.time.resolve`` reads it when the time stage is installed; this
    module's own reader handles numeric dates (``19/08/2024``, ``2024-08-19``)
    and "day month-name year" with the month names of the furniture file.
    """
    folded = fold(line)
    if _YMD.search(folded) or _SLASH_DATE.search(folded):  # numeric: nothing to resolve
        return _parse_date_simple(line, rules or load_rules())
    found = _resolve_with_time_stage(line)
    if found is not None:
        return found
    return _parse_date_simple(line, rules or load_rules())


def _resolve_with_time_stage(line: str) -> tuple[str, Precision] | None:
    try:
        from marsad.time import resolve
    except ImportError:  # the time stage is not installed (yet)
        return None
    try:
        expressions = resolve(line, None)
    except Exception:  # a failure of the time stage must not stop ingestion
        return None
    for expr in expressions:
        granularity = getattr(expr, "granularity", None)
        if getattr(expr, "anchor", None) is not None:
            continue
        d = expr.date_from
        if granularity in ("day", "time"):
            return d.isoformat(), "day"
        if granularity == "month":
            return d.isoformat()[:7], "month"
    return None


def _parse_date_simple(line: str, rules: Rules) -> tuple[str, Precision] | None:
    folded = fold(line)
    m = _YMD.search(folded)
    if m:
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _SLASH_DATE.search(folded)
    if m:
        return _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    words = re.findall(r"\d+|[^\W\d_]+", folded)
    for i in range(len(words)):
        month = None
        span = 1
        for n in (2, 1):
            month = rules.months.get(" ".join(words[i : i + n]))
            if month is not None:
                span = n
                break
        if month is None:
            continue
        before = words[i - 1] if i > 0 and words[i - 1].isdigit() else None
        after = [x for x in words[i + span : i + span + 2] if x.isdigit()]
        year = next((int(x) for x in after if len(x) == 4), None)
        day = int(before) if before and len(before) <= 2 else None
        if day is None and len(after) == 2 and len(after[0]) <= 2:  # "August 19, 2024"
            day = int(after[0])
        if year is not None:
            return _make_date(year, month, day)
    return None


# -- authors ---------------------------------------------------------------------
def clean_author(value: str | None) -> str | None:
    """A container's author field as a name: no URL, no honorific, at most a few words."""
    if not value:
        return None
    value = value.strip()
    if not value or "://" in value or "@" in value or len(value.split()) > 8:
        return None
    return byline_name(value) or value


# -- outlets ---------------------------------------------------------------------
class OutletSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    companies: list[str] = Field(default_factory=list)
    wire: bool = False


class SelfMention(BaseModel):
    model_config = ConfigDict(extra="forbid")

    before: list[str]
    after: list[str]


class OutletsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(alias="schema")
    version: int
    outlets: list[OutletSpec]
    self_mention: SelfMention


@dataclass(frozen=True, slots=True)
class Outlets:
    """outlets.yaml compiled: a name automaton, a domain table and the self-mention cues."""

    specs: tuple[OutletSpec, ...]
    names: Any  # ahocorasick.Automaton: folded name/alias/company -> (canonical, length)
    domains: tuple[tuple[str, str, str], ...]  # (host, path prefix, canonical)
    wires: frozenset[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    cue_words: Any  # ahocorasick.Automaton of the cues' first words: a fast "any cue here?" test


def _cue_pattern(cues: list[str], *, at_end: bool) -> re.Pattern[str]:
    folded = sorted({fold(c).replace("\u0640", "").strip() for c in cues}, key=len, reverse=True)
    alternatives = []
    for cue in folded:
        if cue.endswith(" ل"):  # "لـ" is written joined or apart, with or without quotes
            alternatives.append(re.escape(cue[:-2]) + r"\s+ل\s*")
        else:
            alternatives.append(re.escape(cue) + r"\s+")
    body = "|".join(alternatives)
    if at_end:  # a cue right before the name: "... ترجمته "
        return re.compile(rf"(?:{body})(?:موقع|صحيفه|جريده|قناه|شبكه|وكاله)?\s*[\"']?\s*$")
    return re.compile(r"^\s*[\"']?\s*(?:" + body + ")")


def compile_outlets(spec: OutletsFile) -> Outlets:
    names = ahocorasick.Automaton()
    domains: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for o in spec.outlets:
        if o.name in seen:
            raise ValueError(f"outlet {o.name!r} is listed twice")
        seen.add(o.name)
        for n in [o.name, *o.aliases, *o.companies]:
            key = fold(n).strip()
            if len(key) >= 2 and key not in names:
                names.add_word(key, (o.name, len(key)))
        for d in o.domains:
            host, _, path = d.lower().partition("/")
            domains.append((host, "/" + path if path else "", o.name))
    names.make_automaton()
    return Outlets(
        specs=tuple(spec.outlets),
        names=names,
        domains=tuple(sorted(domains, key=lambda t: -len(t[1]))),
        wires=frozenset(o.name for o in spec.outlets if o.wire),
        before=_cue_pattern(spec.self_mention.before, at_end=True),
        after=_cue_pattern(spec.self_mention.after, at_end=False),
        cue_words=_first_words([*spec.self_mention.before, *spec.self_mention.after]),
    )


def _first_words(cues: list[str]) -> Any:
    automaton = ahocorasick.Automaton()
    for cue in cues:
        words = fold(cue).split()
        if words and words[0] not in automaton:
            automaton.add_word(words[0], words[0])
    automaton.make_automaton()
    return automaton


def load_outlets(path: Path | None = None) -> Outlets:
    """Load and compile an outlets file (the packaged one by default); a bad file fails here."""
    return _load_outlets(path or data_path("ingest", "outlets.yaml"))


@cache
def _load_outlets(path: Path) -> Outlets:
    raw = load_yaml(path, OUTLETS_SCHEMA)
    try:
        return compile_outlets(OutletsFile.model_validate(raw))
    except (ValidationError, ValueError) as exc:
        raise DataFileError(str(exc), source=str(path)) from exc


def _word_bounded(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a whole word or phrase (a one-letter clitic ل/و/ب/ف before it is allowed)."""
    if end < len(text) and _LETTER.match(text[end]):
        return False
    if start == 0 or not _LETTER.match(text[start - 1]):
        return True
    return text[start - 1] in "لوبف" and (start == 1 or not _LETTER.match(text[start - 2]))


def find_outlets(text: str, outlets: Outlets) -> list[tuple[int, int, str]]:
    """Known outlet names in ``text`` (already folded): ``(start, end, canonical)``, longest first at a place."""
    found: list[tuple[int, int, str]] = []
    for end_idx, (name, length) in outlets.names.iter(text):
        start = end_idx - length + 1
        if _word_bounded(text, start, end_idx + 1):
            found.append((start, end_idx + 1, name))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str]] = []
    for hit in found:
        if out and hit[0] < out[-1][1]:
            continue
        out.append(hit)
    return out


def outlet_from_name(value: str, outlets: Outlets) -> str | None:
    """The canonical outlet a site name names, if it is a known one.

    The known name must make up most of the site name: "الأفق - أخبار العالم"
    is not the channel called "العالم".
    """
    folded = fold(value)
    letters = len(_LETTER.findall(folded))
    hits = find_outlets(folded, outlets)
    if not hits:
        return None
    start, end, name = max(hits, key=lambda h: h[1] - h[0])
    if len(_LETTER.findall(folded[start:end])) < 0.5 * letters:
        return None
    return name


def outlet_from_url(url: str, outlets: Outlets) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    path = parts.path.lower()
    for dom_host, dom_path, name in outlets.domains:
        if (host == dom_host or host.endswith("." + dom_host)) and path.startswith(dom_path):
            return name
    return None


def outlet_from_copyright(lines: list[str], outlets: Outlets) -> str | None:
    """The outlet a copyright footer names: a known one, else the holder's name as written."""
    for line in lines:
        holder = _copyright_holder(line)
        if holder:
            return outlet_from_name(holder, outlets) or holder
    for line in lines:  # the holder is only named in Latin letters
        known = outlet_from_name(
            re.sub(r"(?i)all rights reserved|copyright|©|\(c\)|\d{4}", " ", line), outlets
        )
        if known:
            return known
    return None


_COPYRIGHT_WORDS = re.compile(
    r"جميع|كل|الحقوق|حقوق|محفوظة|محفوظه|النشر|والنشر|الطبع|لموقع|لصحيفة|لجريدة|لقناة|لشركة|شركة|موقع|صحيفة|جريدة"
    r"|©|\(c\)|copyright|all|rights|reserved|\d{4}",
    re.IGNORECASE,
)


def _copyright_holder(line: str) -> str | None:
    """The Arabic name left in a copyright line once its formula, years and Latin words are gone."""
    arabic_part = re.sub(r"[A-Za-z][A-Za-z .,&-]*", " ", line)
    rest = _COPYRIGHT_WORDS.sub(" ", arabic_part)
    words = [w.strip("-–—|:.,،()\u00a0\ufe0f") for w in rest.split()]
    words = [w for w in words if w and _ARABIC.search(w)]
    if 1 <= len(words) <= 4:
        return " ".join(words)
    return None


def outlet_from_self_mention(text: str, outlets: Outlets) -> str | None:
    """The outlet the article names as its own publisher ("ترجمته عربي21"), the most cited one."""
    folded = fold(text)
    if next(outlets.cue_words.iter(folded), None) is None:  # no cue at all: the usual case
        return None
    votes: Counter[str] = Counter()
    for start, end, name in find_outlets(folded, outlets):
        if name in outlets.wires:
            continue
        before = folded[max(0, start - 40) : start]
        after = folded[end : end + 40]
        if outlets.before.search(before) or outlets.after.match(after.lstrip("\"' ")):
            votes[name] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


# -- language --------------------------------------------------------------------
def detect_language(text: str) -> str:
    """``ar`` for Arabic; ``fa`` (Persian), ``en``, ``fr``, ``ru`` or ``other`` for the rest.

    Counts bytes of the UTF-8 form (Arabic script is lead bytes D8-DB, Cyrillic
    D0-D1), which is many times faster than a regular expression per letter.
    """
    sample = text[:5000]
    data = sample.encode("utf-8")
    arabic = sum(data.count(lead) for lead in (b"\xd8", b"\xd9", b"\xda", b"\xdb"))
    cyrillic = data.count(b"\xd0") + data.count(b"\xd1")
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    letters = arabic + latin + cyrillic
    if letters == 0:
        return "other"
    if arabic >= 0.4 * letters:
        persian = sum(sample.count(ch) for ch in _PERSIAN_LETTERS)
        return "fa" if persian > 0.02 * arabic else "ar"
    if cyrillic > latin:
        return "ru"
    words = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", sample))
    en = sum(words[w] for w in _EN_WORDS)
    fr = sum(words[w] for w in _FR_WORDS)
    if en > fr and en >= 3:
        return "en"
    if fr >= en and fr >= 3:
        return "fr"
    return "other"


# -- all together --------------------------------------------------------------------
def describe(
    cleaned: Cleaned,
    hints: Hints,
    *,
    fmt: str,
    source: str,
    rules: Rules | None = None,
    outlets: Outlets | None = None,
) -> tuple[DocumentMeta, list[str]]:
    """The metadata of a cleaned article and the warnings found on the way."""
    rules = rules or load_rules()
    outlets = outlets or load_outlets()
    warnings: list[str] = []
    meta = DocumentMeta(source=source, fmt=fmt, url=hints.url)
    meta.title = cleaned.title or (hints.title.strip() if hints.title else None)

    published = parse_iso(hints.published) if hints.published else None
    if hints.published and published is None:
        warnings.append(
            f"publication date {hints.published!r} given by the {fmt} could not be read"
        )
    if published is None:
        for kind in (DATELINE, DATELINE_UPDATED):
            for line in cleaned.captured.get(kind, []):
                published = parse_dateline(line, rules)
                if published:
                    if kind == DATELINE_UPDATED:
                        warnings.append("publication date taken from an 'updated' dateline")
                    break
            if published:
                break
    if published:
        meta.published, meta.published_precision = published
        meta.published_basis = "stated"

    author = clean_author(hints.author)
    byline_outlet = None
    for line in cleaned.captured.get(BYLINE, []):
        name = byline_name(line, rules)
        if not name:
            continue
        named_outlet = outlet_from_name(name, outlets)  # "دبي - العين الإخبارية" names the site
        if named_outlet:
            byline_outlet = byline_outlet or named_outlet
        elif author is None:
            author = name
    meta.author = author

    stated_outlet = None
    if hints.outlet and hints.outlet.strip():
        stated_outlet = outlet_from_name(hints.outlet, outlets) or hints.outlet.strip()
    meta.outlet = (
        stated_outlet
        or outlet_from_copyright(
            [*cleaned.captured.get("copyright", []), *hints.copyright], outlets
        )
        or byline_outlet
        or (outlet_from_url(hints.url, outlets) if hints.url else None)
        or outlet_from_self_mention(cleaned.text, outlets)
    )

    meta.language = detect_language(cleaned.text)
    if meta.language != "ar":
        warnings.append(
            f"language looks like '{meta.language}', not Arabic: the text is kept as it is"
        )
    return meta, warnings

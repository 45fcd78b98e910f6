"""Page-furniture removal: keep the article, drop the page around it, and say why.

Text saved from news sites carries the page with it: logos, section labels,
share and comment prompts, view counters, captions, datelines, bylines,
related-article blocks and copyright footers.  :func:`clean` classifies every
line of the raw text and keeps the article body; each removed line becomes a
:class:`~marsad.model.RemovedLine` that names the rule that removed it, with
offsets into the raw text, so nothing is lost and every removal can be
explained.

Two kinds of rules work together:

* line rules, as data in ``data/ingest/furniture.yaml``: a line is furniture
  because of what it says (``تابعونا على``, ``934 Views``, ``... - جيتي``);
* context rules, in this module: a line is furniture because of where it is
  (a short label above the title, the title repeated, a bare name between the
  title and the first paragraph, a bio line under a byline, the headlines
  that follow "related articles").

The title is the first headline-like line that survives the line rules and is
kept as the first line of the clean text, so that events told in headlines
have offsets too.  Datelines, bylines and copyright lines are removed from the
text but handed to :mod:`marsad.ingest.metadata` through :attr:`Cleaned.captured`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from marsad.errors import DataFileError
from marsad.model import RemovedLine
from marsad.resources import data_path, load_yaml

SCHEMA = "marsad/ingest/furniture"
MAX_RULE_WORDS = 60  # the most words a line rule may allow
END_SCOPE = 100  # `regex_end` patterns see only the last characters of a line

# names of the context rules (the line rules are named in the data file)
DUPLICATE_TITLE = "duplicate_title"
SECTION_LABEL_ABOVE_TITLE = "section_label_above_title"
BEFORE_TITLE = "before_title"
DATELINE = "dateline"
DATELINE_UPDATED = "dateline_updated"
DATELINE_RELATIVE = "dateline_relative"
BYLINE = "byline"
AUTHOR_BIO = "author_bio"
RELATED_HEADLINE = "related_headline"
SYMBOLS = "symbols"
CONTEXT_RULES = (
    DUPLICATE_TITLE,
    SECTION_LABEL_ABOVE_TITLE,
    BEFORE_TITLE,
    DATELINE,
    DATELINE_UPDATED,
    DATELINE_RELATIVE,
    BYLINE,
    AUTHOR_BIO,
    RELATED_HEADLINE,
    SYMBOLS,
)

_WORD_SPLIT = re.compile(r"[^\w@©&+#%]+")
# a body paragraph ends like a sentence; a question or an exclamation may be a headline
_SENTENCE_END = tuple('.…:»"”)')
_LIST = re.compile(r"@(\w+)@")
_LETTERS_ONLY = re.compile(r"^[^\W\d_]+$")
_NUMERIC_DATE = re.compile(
    r"\b(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2})\b"
)
# a prefix that makes a byline on its own; others need a colon or a dash after them
_STRONG_BYLINE_PREFIXES = frozenset({("بقلم",), ("by",), ("written", "by")})


# -- the data file -------------------------------------------------------------
class RuleSpec(BaseModel):
    """One line rule of furniture.yaml."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    why: str
    max_words: int = Field(default=20, ge=1, le=MAX_RULE_WORDS)
    opens_block: bool = False
    exact: list[str] = Field(default_factory=list)
    prefix: list[str] = Field(default_factory=list)
    contains: list[str] = Field(default_factory=list)
    regex: list[str] = Field(default_factory=list)
    regex_end: list[str] = Field(default_factory=list)

    @field_validator("regex", "regex_end")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(_LIST.sub("x", p))
            except re.error as exc:
                raise ValueError(f"bad regex {p!r}: {exc}") from exc
        return patterns


class ContextSpec(BaseModel):
    """Limits and word lists of the context rules."""

    model_config = ConfigDict(extra="forbid")

    paragraph_min_words: int = Field(ge=1)
    paragraph_long_words: int = Field(ge=1)
    title_max_words: int = Field(ge=1)
    title_max_chars: int = Field(ge=10)
    related_max_headlines: int = Field(ge=0)
    related_headline_max_words: int = Field(ge=1)
    label_max_words: int = Field(ge=1)
    byline_min_words: int = Field(ge=1)
    byline_max_words: int = Field(ge=1)
    bio_max_words: int = Field(ge=1)
    not_in_names: list[str]
    byline_prefixes: list[str]
    honorifics: list[str]
    bio_starts: list[str]
    date_published_prefixes: list[str]
    date_updated_prefixes: list[str]
    date_words: list[str]
    weekdays: list[str]
    months: dict[str, int]
    hijri_months: list[str]
    relative_date_regex: str

    @field_validator("months")
    @classmethod
    def _month_numbers(cls, months: dict[str, int]) -> dict[str, int]:
        bad = [k for k, v in months.items() if not 1 <= v <= 12]
        if bad:
            raise ValueError(f"month numbers must be 1..12: {bad}")
        return months


class FurnitureFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(alias="schema")
    version: int
    rules: list[RuleSpec]
    lists: dict[str, list[str]]
    context: ContextSpec


# -- matching form -------------------------------------------------------------
# A fast subset of marsad.text.normalize for matching lines against phrases: it
# runs on every short line of every article, so it uses str.replace (a C scan)
# rather than a per-character table.  Phrases of the data file go through the
# same function, and a test checks it agrees with normalize_word on all of them.
_DROP = re.compile(
    "[\u064b-\u065f\u0670\u0640\u0610-\u061a\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]"
)
_FOLDS = (
    ("\u0623", "\u0627"),
    ("\u0625", "\u0627"),
    ("\u0622", "\u0627"),
    ("\u0671", "\u0627"),
    ("\u0649", "\u064a"),
    ("\u06cc", "\u064a"),
    ("\u0629", "\u0647"),
    ("\u06a9", "\u0643"),
    ("\u00a0", " "),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2012", "-"),
    ("\u2015", "-"),
    ("\u2212", "-"),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u066a", "%"),
    ("\u066b", "."),
    ("\u066c", ","),
)
_OTHER_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGITS = str.maketrans(
    {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
)


def fold(text: str) -> str:
    """The matching form of a line: hamza/alef, yaa and taa marbuta folded, marks dropped, lowercase."""
    text = _DROP.sub("", text)
    for a, b in _FOLDS:
        if a in text:
            text = text.replace(a, b)
    if _OTHER_DIGITS.search(text):
        text = text.translate(_DIGITS)
    return text.lower()


# -- compiled rules ------------------------------------------------------------
def _key(text: str) -> str:
    """The matching key of a line or phrase: folded, words joined by one space."""
    return _key_of_norm(fold(text))


def _key_of_norm(norm: str) -> str:
    return _WORD_SPLIT.sub(" ", norm).strip()


@dataclass(frozen=True, slots=True)
class Rules:
    """furniture.yaml compiled for fast matching (one dict lookup per line for most rules)."""

    exact: dict[str, str]
    prefix: dict[tuple[str, ...], tuple[str, int]]
    prefix_max_len: int
    contains: Any  # an ahocorasick.Automaton: phrase -> (rule order, rule name)
    searches: tuple[tuple[str, int, re.Pattern[str] | None, re.Pattern[str] | None], ...]
    longest: int  # no line rule applies to a line with more words than this
    max_words: dict[str, int]
    opens_block: frozenset[str]
    names: tuple[str, ...]
    context: ContextSpec
    byline_prefixes: frozenset[tuple[str, ...]]
    honorifics: frozenset[str]
    bio_starts: frozenset[tuple[str, ...]]
    not_in_names: frozenset[str]
    date_allowed: dict[tuple[str, ...], str]  # phrase -> "month" | "published" | "updated" | "word"
    months: dict[str, int]
    relative_date: re.Pattern[str]
    sections: frozenset[str]


def _expand(phrases: list[str], lists: dict[str, list[str]], where: str) -> list[str]:
    out: list[str] = []
    for p in phrases:
        m = _LIST.fullmatch(p)
        if m:
            if m.group(1) not in lists:
                raise ValueError(f"{where}: unknown list @{m.group(1)}@")
            out.extend(lists[m.group(1)])
        else:
            out.append(p)
    return out


def _splice(pattern: str, lists: dict[str, list[str]], where: str) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lists:
            raise ValueError(f"{where}: unknown list @{name}@")
        words = sorted({fold(w) for w in lists[name]}, key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)

    return _LIST.sub(repl, pattern)


def compile_rules(spec: FurnitureFile) -> Rules:
    """Compile the validated data file; a rule that cannot compile names itself."""
    exact: dict[str, str] = {}
    prefix: dict[tuple[str, ...], tuple[str, int]] = {}
    searches: list[tuple[str, int, re.Pattern[str] | None, re.Pattern[str] | None]] = []
    contains = ahocorasick.Automaton()
    seen: set[str] = set()
    for order, rule in enumerate(spec.rules):
        if rule.name in seen:
            raise ValueError(f"rule {rule.name!r} is defined twice")
        if rule.name in CONTEXT_RULES:
            raise ValueError(f"rule {rule.name!r} has the name of a context rule")
        seen.add(rule.name)
        where = f"rule {rule.name}"
        for phrase in _expand(rule.exact, spec.lists, where):
            exact.setdefault(_key(phrase), rule.name)
        for phrase in _expand(rule.prefix, spec.lists, where):
            words = tuple(_key(phrase).split())
            if words:
                prefix.setdefault(words, (rule.name, rule.max_words))
        for phrase in _expand(rule.contains, spec.lists, where):
            folded = fold(phrase)
            if folded not in contains:
                contains.add_word(folded, (order, rule.name))
        try:
            whole = "|".join(f"(?:{_splice(p, spec.lists, where)})" for p in rule.regex)
            end = "|".join(f"(?:{_splice(p, spec.lists, where)})" for p in rule.regex_end)
            if whole or end:
                searches.append(
                    (
                        rule.name,
                        rule.max_words,
                        re.compile(whole) if whole else None,
                        re.compile(end) if end else None,
                    )
                )
        except re.error as exc:
            raise ValueError(f"{where}: bad regex: {exc}") from exc
    ctx = spec.context
    date_allowed: dict[tuple[str, ...], str] = {}
    for kind, phrases in (
        ("word", ctx.date_words + ctx.weekdays + ctx.hijri_months),
        ("published", ctx.date_published_prefixes),
        ("updated", ctx.date_updated_prefixes),
        ("month", list(ctx.months)),
    ):
        for w in phrases:
            date_allowed[tuple(_key(w).split())] = kind
    if len(contains):
        contains.make_automaton()
    return Rules(
        contains=contains,
        longest=max([r.max_words for r in spec.rules] + [ctx.byline_max_words + 2, 14]),
        exact=exact,
        prefix=prefix,
        prefix_max_len=max((len(k) for k in prefix), default=0),
        searches=tuple(searches),
        max_words={r.name: r.max_words for r in spec.rules},
        opens_block=frozenset(r.name for r in spec.rules if r.opens_block),
        names=tuple(r.name for r in spec.rules),
        context=ctx,
        byline_prefixes=frozenset(tuple(_key(p).split()) for p in ctx.byline_prefixes),
        honorifics=frozenset(_key(h) for h in ctx.honorifics),
        bio_starts=frozenset(tuple(_key(p).split()) for p in ctx.bio_starts),
        not_in_names=frozenset(_key(w) for w in ctx.not_in_names),
        date_allowed=date_allowed,
        months={_key(k): v for k, v in ctx.months.items()},
        relative_date=re.compile(ctx.relative_date_regex),
        sections=frozenset(_key(s) for s in spec.lists.get("sections", [])),
    )


def load_rules(path: Path | None = None) -> Rules:
    """Load and compile a furniture file (the packaged one by default); a bad file fails here."""
    if path is None:
        return _default_rules()
    return _load(path)


@cache
def _default_rules() -> Rules:
    return _load(data_path("ingest", "furniture.yaml"))


def _load(path: Path) -> Rules:
    raw: dict[str, Any] = load_yaml(path, SCHEMA)
    try:
        return compile_rules(FurnitureFile.model_validate(raw))
    except (ValidationError, ValueError) as exc:
        raise DataFileError(str(exc), source=str(path)) from exc


# -- lines ---------------------------------------------------------------------
@dataclass(slots=True)
class Line:
    """One line of the raw text: its offsets, its text and what it was classified as."""

    start: int
    end: int
    text: str
    words: int
    norm: str = ""  # normalized text, only computed for short lines
    key: str = ""  # matching key (normalized words), only for short lines
    rule: str | None = None

    @property
    def blank(self) -> bool:
        return self.words == 0

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(raw: str) -> list[Line]:
    """Every line of ``raw`` with its offsets (``raw[start:end]`` is the line without its newline)."""
    lines: list[Line] = []
    pos = 0
    for part in raw.split("\n"):
        end = pos + len(part)
        lines.append(Line(pos, end, part, len(part.split())))
        pos = end + 1
    return lines


@dataclass(slots=True)
class Cleaned:
    """The result of :func:`clean`: clean text, removed lines and what the metadata needs."""

    text: str
    removed: list[RemovedLine]
    title: str | None
    captured: dict[str, list[str]] = field(default_factory=dict)  # rule -> stripped lines


# -- line rules ----------------------------------------------------------------
def line_rule(line: Line, rules: Rules) -> str | None:
    """The name of the line rule that removes ``line``, or ``None``."""
    if line.words > rules.longest:
        return None
    key = line.key
    hit = rules.exact.get(key)
    if hit is not None and line.words <= rules.max_words[hit]:
        return hit
    words = key.split()
    for n in range(min(rules.prefix_max_len, len(words)), 0, -1):
        found = rules.prefix.get(tuple(words[:n]))
        if found is not None and line.words <= found[1]:
            return found[0]
    norm = line.norm
    best: tuple[int, str] | None = None
    if len(rules.contains):
        for _, (order, name) in rules.contains.iter(norm):
            if line.words <= rules.max_words[name] and (best is None or order < best[0]):
                best = (order, name)
    if best is not None:
        return best[1]
    tail = norm[-END_SCOPE:]
    for name, max_words, whole, end in rules.searches:
        if line.words > max_words:
            continue
        if (whole is not None and whole.search(norm)) or (end is not None and end.search(tail)):
            return name
    return None


def date_line(norm: str, key: str, rules: Rules) -> str | None:
    """``dateline``/``dateline_updated`` when a line is only a date (and time), else ``None``.

    The line may hold numbers, month and weekday names, time words and a
    "published"/"updated" prefix, and nothing else; it must hold a day-month
    date (a month name and a number, or a numeric date) to count.
    """
    words = key.split()
    if not words or len(words) > 14:
        return None
    if rules.relative_date.match(key):
        return DATELINE_RELATIVE
    i = 0
    numbers = 0
    numeric_date = False
    month = False
    updated = False
    while i < len(words):
        w = words[i]
        if w[0].isdigit():
            if not w.isdigit():
                return None
            numbers += 1
            i += 1
            continue
        for n in (3, 2, 1):
            kind = rules.date_allowed.get(tuple(words[i : i + n]))
            if kind is not None:
                month = month or kind == "month"
                updated = updated or kind == "updated"
                i += n
                break
        else:
            return None
    if not month and _NUMERIC_DATE.search(norm):
        numeric_date = True
    if not ((month and numbers >= 1) or numeric_date):
        return None
    return DATELINE_UPDATED if updated else DATELINE


def _byline_name(line: Line, rules: Rules, *, bare: bool) -> str | None:
    """The author's name in a byline line, or ``None`` if the line is not a byline.

    A prefixed byline (``بقلم``, ``كتب``, ``By``) is recognised anywhere; a
    bare name (``bare=True``) only where the caller knows bylines stand.
    """
    ctx = rules.context
    if not bare:  # most lines: no byline prefix among the first words, nothing more to do
        first = tuple((line.key or _key(line.text)).split()[:2])
        if first not in rules.byline_prefixes and first[:1] not in rules.byline_prefixes:
            return None
    orig = line.stripped.replace("\u00a0", " ").split()
    keys = [_key(w) for w in orig]
    start = 0
    for n in (2, 1):
        prefix = tuple(k for k in keys[:n] if k)
        if prefix in rules.byline_prefixes and len(keys) > n:
            strong = (
                prefix in _STRONG_BYLINE_PREFIXES
                or orig[n - 1].endswith((":", "-"))
                or orig[n] in (":", "-", "–")
            )
            if strong or bare:
                start = n
            break
    if start == 0 and not bare:
        return None
    # an honorific or title before the name (د. ، الدكتور)
    while start < len(orig) - 1 and (
        keys[start] in rules.honorifics or orig[start] in rules.honorifics
    ):
        start += 1
    name_words = [w.strip(":-–—,،") for w in orig[start:]]
    name_words = [w for w in name_words if w]
    low = ctx.byline_min_words if start == 0 else 1
    if not low <= len(name_words) <= ctx.byline_max_words + (1 if start else 0):
        return None
    if not all(_LETTERS_ONLY.match(w) for w in name_words):
        return None
    name_keys = [_key(w) for w in name_words]
    if any(k in rules.not_in_names for k in name_keys) or _starts_with(name_keys, rules.bio_starts):
        return None
    name = " ".join(name_words)
    if _key(name) in rules.sections or _key(name) in rules.exact:
        return None
    return name


def _starts_with(keys: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(keys[:n]) in phrases for n in (1, 2, 3))


def _is_paragraph(line: Line, ctx: ContextSpec) -> bool:
    return line.words >= ctx.paragraph_long_words or (
        line.words >= ctx.paragraph_min_words and line.stripped.endswith(_SENTENCE_END)
    )


def _is_headline(line: Line, ctx: ContextSpec, max_words: int) -> bool:
    s = line.stripped
    return (
        2 <= line.words <= max_words
        and len(s) <= ctx.title_max_chars
        and not s.endswith((".", "،", ",", ":", ";", "؛"))
        and "http" not in s
        and not _is_paragraph(line, ctx)
    )


def _next_content(lines: list[Line], i: int) -> int | None:
    """Index of the next non-blank line that no rule has removed, after ``i``."""
    for j in range(i + 1, len(lines)):
        if not lines[j].blank and lines[j].rule is None:
            return j
    return None


# -- the whole text ------------------------------------------------------------
def clean(raw: str, *, title_hint: str | None = None, rules: Rules | None = None) -> Cleaned:
    """Remove page furniture from ``raw`` (one article) and find its title line."""
    rules = rules or load_rules()
    ctx = rules.context
    lines = split_lines(raw)
    for line in lines:
        if line.blank or line.words > rules.longest:
            continue
        line.norm = fold(line.text)
        line.key = _key_of_norm(line.norm)
        if not line.key:  # only punctuation or symbols: not content
            line.rule = SYMBOLS
            continue
        line.rule = line_rule(line, rules) or date_line(line.norm, line.key, rules)
        if (
            line.rule is None
            and line.words <= ctx.byline_max_words + 2
            and _byline_name(line, rules, bare=False)
        ):
            line.rule = BYLINE

    _related_blocks(lines, rules)
    title_idx = _find_title(lines, rules, title_hint)
    title_key = lines[title_idx].key if title_idx is not None else None
    if title_idx is not None:
        for line in lines[title_idx + 1 :]:
            if line.rule is None and line.key and line.key == title_key:
                line.rule = DUPLICATE_TITLE
    _zones(lines, rules, title_idx)

    removed: list[RemovedLine] = []
    captured: dict[str, list[str]] = {}
    kept: list[str] = []
    gap = False
    for line in lines:
        if line.blank:
            gap = True
            continue
        if line.rule is not None:
            removed.append(RemovedLine(line.start, line.end, line.rule))
            captured.setdefault(line.rule, []).append(line.stripped)
            continue
        if kept:
            kept.append("\n\n" if gap else "\n")
        kept.append(line.stripped)
        gap = False
    title = lines[title_idx].stripped if title_idx is not None else None
    return Cleaned("".join(kept), removed, title, captured)


def _find_title(lines: list[Line], rules: Rules, hint: str | None) -> int | None:
    """Index of the title line: the headline matching ``hint``, or the first headline-like line."""
    ctx = rules.context
    if hint:
        hint_key = _key(hint)
        for i, line in enumerate(lines[:60]):
            if line.blank or line.rule is not None:
                continue
            k = line.key
            if k and (k == hint_key or (len(k) >= 0.6 * len(hint_key) and hint_key.startswith(k))):
                for before in lines[:i]:
                    if before.rule is None and not before.blank and not _is_paragraph(before, ctx):
                        before.rule = BEFORE_TITLE
                return i
    idx = _next_content(lines, -1)
    while idx is not None:
        line = lines[idx]
        if not _is_headline(line, ctx, ctx.title_max_words):
            return None
        nxt = _next_content(lines, idx)
        if (
            line.words <= ctx.label_max_words
            and nxt is not None
            and _is_headline(lines[nxt], ctx, ctx.title_max_words)
            and lines[nxt].words > line.words
        ):
            line.rule = SECTION_LABEL_ABOVE_TITLE
            idx = nxt
            continue
        return idx
    return None


def _related_blocks(lines: list[Line], rules: Rules) -> None:
    """Headlines listed under a "related articles" heading are furniture too."""
    ctx = rules.context
    for i, line in enumerate(lines):
        if line.rule not in rules.opens_block:
            continue
        taken = 0
        for nxt in lines[i + 1 :]:
            if nxt.blank or nxt.rule is not None:
                continue
            if taken >= ctx.related_max_headlines or not _is_headline(
                nxt, ctx, ctx.related_headline_max_words
            ):
                break
            nxt.rule = RELATED_HEADLINE
            taken += 1


def _zones(lines: list[Line], rules: Rules, title_idx: int | None) -> None:
    """Bylines (bare names) and bio lines between the title and the body, and after the body."""
    ctx = rules.context
    body = [
        i
        for i, ln in enumerate(lines)
        if ln.rule is None and not ln.blank and _is_paragraph(ln, ctx)
    ]
    if not body:
        return
    head_from = (title_idx + 1) if title_idx is not None else 0
    zones = [range(head_from, body[0]), range(body[-1] + 1, len(lines))]
    for zone in zones:
        for i in zone:
            line = lines[i]
            if (
                line.rule is None
                and not line.blank
                and line.words <= ctx.byline_max_words + 1
                and _byline_name(line, rules, bare=True)
            ):
                line.rule = BYLINE
    for i, line in enumerate(lines):
        if line.rule != BYLINE:
            continue
        j = _next_content(lines, i)
        if j is None:
            continue
        bio = lines[j]
        if (
            bio.words <= ctx.bio_max_words
            and not _is_paragraph(bio, ctx)
            and _starts_with(bio.key.split(), rules.bio_starts)
        ):
            bio.rule = AUTHOR_BIO


def byline_name(text: str, rules: Rules | None = None) -> str | None:
    """The author's name in a byline line (prefixed or bare), without honorifics."""
    rules = rules or load_rules()
    line = Line(0, len(text), text, len(text.split()))
    return _byline_name(line, rules, bare=True)

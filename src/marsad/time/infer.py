"""Infer when an article was published from its own text.

In order of trust:

1. a **dateline**: a short line near the top that is a full date, often with a
   clock time (``19 أغسطس 2024، 11:25 ص``): the day, precision ``day``;
2. a month written with **الحالي/الجاري** (``آب الحالي``): that month, in the
   first year not before the latest date the text states;
3. the **months named without a year** (``الأول من تموز``, ``فبراير الماضي``):
   news tell recent events, so those months are taken as one stretch of at most
   a year that starts after the latest dated event of the text (or, with only
   cited links to go on, that contains the latest link date); the article is
   from the last of them, or two months after it when it is ``الماضي`` (one
   month later a writer would say ``الشهر الماضي``); precision ``month``;
4. otherwise the latest **date of a cited link** (``/20250702/``), or the
   latest date the text states (at its own precision).

Bounds narrow the result: cited links and past dates come before publication;
a year said to be ahead (``قبل حلول عام 2026``) comes after it.  Dates said to
lie ahead (``للفترة 2026-2030``, ``حتى عام 2030``, ``سيزور ... في``) are left out
of the lower bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.model import Precision
from marsad.text.normalize import Normalized, normalize
from marsad.time.grammar import grammar
from marsad.time.resolve import find

DATELINE_LINES = 12
DATELINE_CHARS = 1500
_FUTURE_BEFORE = re.compile(
    r"(?:حتي|بحلول|حلول|للفتره|الفتره|خطه|رؤيه|استراتيجيه|المقبل|المقرر|المرتقب|المزمع)[ ]*(?:عام|العام|سنه)?[ ]*$"
)
_BEFORE_ARRIVAL = re.compile(r"قبل[ ]+حلول[ ]*(?:عام|العام|سنه)?[ ]*$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_URL_DATE = re.compile(
    r"(?<![0-9])(20[0-9]{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12][0-9]|3[01])?(?![0-9])"
)


def _month_key(d: date) -> int:
    return d.year * 12 + d.month - 1


def _from_key(k: int) -> tuple[int, int]:
    return k // 12, k % 12 + 1


def _dateline(norm: Normalized) -> date | None:
    """A line near the top that is (mostly) a full date."""
    text = norm.text[:DATELINE_CHARS]
    pos = 0
    seen = 0
    for line in text.split("\n"):
        _start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > DATELINE_LINES:
            break
        if len(stripped) > 80:
            continue
        for f in find(line, None):
            v = f.value
            if v is None or f.relative or v.granularity not in ("day", "time") or v.start != v.end:
                continue
            covered = len(line[f.start : f.end].replace(" ", ""))
            if covered >= 0.6 * len(stripped.replace(" ", "")) or v.time:
                return v.start
    return None


def _url_dates(original: str) -> list[date]:
    out = []
    for u in _URL.finditer(original):
        for m in _URL_DATE.finditer(u.group()):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
            try:
                out.append(date(y, mo, d))
            except ValueError:
                continue
    return out


def _circular_order(months: set[int]) -> list[int]:
    """The months as one stretch of a year: cut the circle at its widest gap."""
    ms = sorted(months)
    if len(ms) == 1:
        return ms
    gaps = [((ms[(i + 1) % len(ms)] - ms[i]) % 12, i) for i in range(len(ms))]
    _, i = max(gaps)
    return ms[i + 1 :] + ms[: i + 1]


@dataclass(slots=True)
class Evidence:
    """What a text says about its own date."""

    lower: date | None = None  # the latest date it states as past
    lower_granularity: str = "year"
    upper: date | None = None  # publication is before this (قبل حلول عام 2026)
    link: date | None = None  # the latest date in a cited link
    current: list[int] = field(default_factory=list)  # months written with الحالي / الجاري
    recent: list[tuple[int, bool]] = field(default_factory=list)  # (month, written with الماضي)


def _evidence(norm: Normalized) -> Evidence:
    ev = Evidence()
    text = norm.text
    future_re = grammar().future_re
    for f in find(text, None):
        if f.cue is not None:
            months, kind, future = f.cue
            if kind in ("next", "ypast", "ynext") or (future and kind is None):
                continue
            if kind == "current":
                ev.current.extend(months)
            else:
                ev.recent.extend((m, kind == "past") for m in months)
            continue
        v = f.value
        if (
            v is None
            or f.relative
            or f.anaphor is not None
            or v.granularity in ("decade", "century")
            or f.rule == "occasion"  # an anniversary's year is counted, not written: the story
            # may go back from it to months named without a year
        ):
            continue
        before = text[max(0, f.start - 30) : f.start]
        if _BEFORE_ARRIVAL.search(before):
            bound = v.start - timedelta(days=1)
            ev.upper = bound if ev.upper is None else min(ev.upper, bound)
        elif _FUTURE_BEFORE.search(before) or future_re.search(before):
            continue  # للفترة 2026-2030, سيزور ... في: said to lie ahead
        elif ev.lower is None or v.start > ev.lower:
            ev.lower, ev.lower_granularity = v.start, v.granularity
    links = _url_dates(norm.original)
    ev.link = max(links) if links else None
    return ev


def _from_current(ev: Evidence) -> tuple[str, Precision] | None:
    """A month written with الحالي, in the first year not before the latest stated date."""
    floors = [d for d in (ev.lower, ev.link) if d is not None]
    if not floors:
        return None
    floor = max(floors)
    m = max(set(ev.current), key=ev.current.count)
    y = floor.year if m >= floor.month else floor.year + 1
    return f"{y}-{m:02d}", "month"


def _from_recent(ev: Evidence) -> int | None:
    """The month key the bare months point to (see the module docstring), or None."""
    order = _circular_order({m for m, _ in ev.recent})
    first, last = order[0], order[-1]
    if ev.lower is not None:
        y_first = ev.lower.year if first >= ev.lower.month else ev.lower.year + 1
    elif ev.link is not None:
        # the stretch ends within the year before the link's month at the latest
        y_first = ev.link.year - 1
        while _month_key(date(y_first, first, 1)) + 11 < _month_key(ev.link):
            y_first += 1
    else:
        return None
    y_last = y_first if last >= first else y_first + 1
    said_past = any(p for m, p in ev.recent if m == last)
    return _month_key(date(y_last, last, 1)) + (2 if said_past else 0)


def infer_from_norm(norm: Normalized) -> tuple[str, Precision] | None:
    """:func:`infer_publication` on an already normalized text."""
    dl = _dateline(norm)
    if dl is not None:
        return dl.isoformat(), "day"
    ev = _evidence(norm)
    if ev.current:
        return _from_current(ev)
    estimate: int | None = None
    if ev.recent:
        estimate = _from_recent(ev)
    elif ev.link is not None:
        estimate = _month_key(ev.link)
    elif ev.lower is not None:
        if ev.lower_granularity == "year":
            return str(ev.lower.year), "year"
        estimate = _month_key(ev.lower)
    if estimate is None:
        return None
    for floor in (ev.lower, ev.link):
        if floor is not None:
            estimate = max(estimate, _month_key(floor))
    if ev.upper is not None:
        estimate = min(estimate, _month_key(ev.upper))
    y, m = _from_key(estimate)
    return f"{y}-{m:02d}", "month"


def infer_publication(text: str) -> tuple[str, Precision] | None:
    """The publication date of an article inferred from its text: ``(iso, precision)`` or None.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as ``precision`` says.
    """
    return infer_from_norm(normalize(text))


def infer_reference(norm: Normalized) -> date | None:
    """The inferred publication date as a ``date`` (the first day of its month or year)."""
    got = infer_from_norm(norm)
    if got is None:
        return None
    parts = [int(x) for x in got[0].split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(parts[0], parts[1], parts[2])


__all__ = ["infer_from_norm", "infer_publication", "infer_reference"]

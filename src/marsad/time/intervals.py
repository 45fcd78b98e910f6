"""Calendar arithmetic on intervals: months, weeks, seasons, parts of a period, Hijri dates.

Every resolved expression is an :class:`Interval` of whole days with the
granularity it was stated at; these small pure functions build and move them.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from hijridate import Gregorian, Hijri

from marsad.model import Granularity


class Interval(NamedTuple):
    start: date
    end: date
    granularity: Granularity
    time: str | None = None


def day(d: date, time: str | None = None) -> Interval:
    return Interval(d, d, "time" if time else "day", time)


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def month(y: int, m: int) -> Interval:
    return Interval(date(y, m, 1), month_end(y, m), "month")


def year(y: int) -> Interval:
    return Interval(date(y, 1, 1), date(y, 12, 31), "year")


def years(y1: int, y2: int) -> Interval:
    return Interval(date(y1, 1, 1), date(y2, 12, 31), "year")


def decade(first_year: int) -> Interval:
    return Interval(date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade")


def century(n: int) -> Interval:
    """The n-th century as news uses it: القرن العشرين is 1900-1999."""
    first = (n - 1) * 100
    return Interval(date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century")


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` months, the day clamped to the month's length."""
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_years(d: date, n: int) -> date:
    return add_months(d, 12 * n)


def week(d: date, starts: int = 1) -> Interval:
    """The week (``starts`` = ISO weekday it begins on) that contains ``d``."""
    back = (d.isoweekday() - starts) % 7
    first = d - timedelta(days=back)
    return Interval(first, first + timedelta(days=6), "week")


def season(months: tuple[int, int, int], y: int) -> Interval:
    """A season known by the year of its first month (winter 2023 = Dec 2023 - Feb 2024)."""
    first, last = months[0], months[-1]
    end_year = y + 1 if last < first else y
    return Interval(date(y, first, 1), month_end(end_year, last), "season")


def shift(iv: Interval, unit: str, n: int) -> Interval:
    """The same kind of interval ``n`` units away (a month moved by months, a week by weeks)."""
    if unit in ("day", "hour", "minute"):
        delta = timedelta(days=n if unit == "day" else 0)
        return Interval(iv.start + delta, iv.end + delta, iv.granularity, iv.time)
    if unit == "week":
        delta = timedelta(days=7 * n)
        return Interval(iv.start + delta, iv.end + delta, iv.granularity, iv.time)
    months_per = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    start = add_months(iv.start, n * months_per)
    end = add_months(iv.end, n * months_per)
    if iv.end == month_end(iv.end.year, iv.end.month):
        end = month_end(end.year, end.month)
    return Interval(start, end, iv.granularity, iv.time)


def unit_interval(d: date, unit: str, week_starts: int = 1) -> Interval:
    """The calendar unit (day, week, month, year, decade, century) that contains ``d``."""
    if unit in ("day", "hour", "minute"):
        return day(d)
    if unit == "week":
        return week(d, week_starts)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year - d.year % 10)
    return century(d.year // 100 + 1)


def subrange(iv: Interval, unit: str, lo: int, hi: int) -> Interval:
    """The part of ``iv`` from sub-unit ``lo`` to ``hi`` (inclusive), keeping its granularity.

    Sub-units: days of a week or a month (1-based), months of a season or a
    year (1-based), years of a decade or a century (0-based).
    """
    if unit in ("week", "month"):
        last = (iv.end - iv.start).days + 1
        lo, hi = max(1, lo), min(hi, last)
        return Interval(
            iv.start + timedelta(days=lo - 1), iv.start + timedelta(days=hi - 1), iv.granularity
        )
    if unit in ("season", "year"):
        start = add_months(iv.start, lo - 1)
        end_first = add_months(iv.start, hi - 1)
        return Interval(start, month_end(end_first.year, end_first.month), iv.granularity)
    base = iv.start.year - iv.start.year % (10 if unit == "decade" else 100)
    if unit == "century" and iv.start.year == 1:
        base = 0
    return Interval(date(max(base + lo, 1), 1, 1), date(base + hi, 12, 31), iv.granularity)


def fraction(iv: Interval, unit: str, parts: int, k: int) -> Interval:
    """The k-th of ``parts`` equal parts of ``iv`` (k is 1-based): النصف الأول, الربع الأخير."""
    if unit == "year":
        size = 12 // parts
        return subrange(iv, "year", (k - 1) * size + 1, k * size)
    if unit == "month":
        last = (iv.end - iv.start).days + 1
        lo = (k - 1) * last // parts + 1
        hi = k * last // parts
        return subrange(iv, "month", lo, hi)
    if unit in ("decade", "century"):
        span = 10 if unit == "decade" else 100
        size = span // parts
        return subrange(iv, unit, (k - 1) * size, k * size - 1)
    return iv


def granularity_for(days: int) -> Granularity:
    """A granularity that fits an interval of ``days`` days (for windows such as لاحقا)."""
    if days <= 0:
        return "day"
    if days <= 13:
        return "week"
    if days <= 92:
        return "month"
    if days <= 3660:
        return "year"
    return "decade"


def nearest_year_for_month(m: int, ref: date, future: bool = False) -> int:
    """The year of a month named without one: news mostly look back.

    A month up to five months ahead of the reference is this year's; further
    ahead it is last year's; a month more than nine months behind is next
    year's (December writing about January).  With a future cue the month is
    the next one on or after the reference month.
    """
    diff = m - ref.month
    if future:
        return ref.year if diff >= 0 else ref.year + 1
    if diff > 5:
        return ref.year - 1
    if diff < -9:
        return ref.year + 1
    return ref.year


def month_year(m: int, mod: str | None, ref: date, future: bool = False) -> int:
    """The year of month ``m`` written with a modifier (الماضي, المقبل, الحالي) or none."""
    if mod == "current":
        return ref.year
    if mod == "past":
        return ref.year if m < ref.month else ref.year - 1
    if mod == "next":
        return ref.year if m > ref.month else ref.year + 1
    return nearest_year_for_month(m, ref, future)


# -- counting units from a date ------------------------------------------------

GRANULARITY_ORDER = ("time", "day", "week", "month", "season", "year", "decade", "century")
UNIT_GRANULARITY: dict[str, Granularity] = {
    "minute": "day",
    "hour": "day",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


def coarser(a: Granularity, b: Granularity) -> Granularity:
    """The coarser of two granularities."""
    return a if GRANULARITY_ORDER.index(a) >= GRANULARITY_ORDER.index(b) else b


def as_day(d: date) -> Interval:
    """A single day (no clock time)."""
    return Interval(d, d, "day")


def step(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (hours move it by whole days only)."""
    if unit == "hour":
        return d + timedelta(days=int(n / 24))
    if unit == "minute":
        return d
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    per = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, n * per)


def units_back(ref: date, unit: str, lo: int, hi: int, gran: Granularity, starts: int) -> Interval:
    """``lo``..``hi`` units before ``ref``: the unit that contains that day (قبل أسبوعين)."""
    if lo == hi:
        if unit in ("day", "hour", "minute"):
            return as_day(step(ref, unit, -lo))
        return unit_interval(step(ref, unit, -lo), unit, starts)
    first = step(ref, unit, -hi)
    last = step(ref, unit, -lo)
    if unit not in ("day", "hour", "minute"):
        first = unit_interval(first, unit, starts).start
        last = unit_interval(last, unit, starts).end
    return Interval(first, last, gran)


def units_after(
    a: Interval, unit: str, lo: int, hi: int, gran: Granularity, starts: int = 1
) -> Interval:
    """``lo``..``hi`` units after the anchor ``a`` (بعد يومين, بعد ذلك بأسبوع).

    From a single day, a count of weeks, months or years lands in that unit
    (بعد شهر: next month); from a longer anchor the anchor itself moves.
    """
    if a.start == a.end and lo == hi and unit in ("week", "month", "year", "decade", "century"):
        return unit_interval(step(a.start, unit, lo), unit, starts)
    g = coarser(gran, a.granularity if a.granularity != "time" else "day")
    return Interval(step(a.start, unit, lo), step(a.end, unit, hi), g)


def units_before(a: Interval, unit: str, lo: int, hi: int, gran: Granularity) -> Interval:
    """``lo``..``hi`` units before the anchor ``a`` (قبل ذلك بيومين)."""
    g = coarser(gran, a.granularity if a.granularity != "time" else "day")
    return Interval(step(a.start, unit, -hi), step(a.end, unit, -lo), g)


def window(ref: date, unit: str, n: int, future: bool) -> Interval:
    """The ``n`` units up to the reference (خلال 4 أشهر) or from it (خلال الأيام المقبلة)."""
    gran = UNIT_GRANULARITY[unit]
    if future:
        return Interval(ref, step(ref, unit, n), gran)
    return Interval(step(ref, unit, -n), ref, gran)


# -- Hijri --------------------------------------------------------------------


def hijri_day(y: int, m: int, d: int) -> date | None:
    """The Gregorian date of a Hijri date, or None outside the supported range."""
    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month(y: int, m: int) -> Interval | None:
    try:
        h = Hijri(y, m, 1)
        first = h.to_gregorian()
        last = first + timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError):
        return None
    return Interval(first, last, "month")


def hijri_year(y: int) -> Interval | None:
    first = hijri_day(y, 1, 1)
    nxt = hijri_day(y + 1, 1, 1)
    if first is None or nxt is None:
        return None
    return Interval(first, nxt - timedelta(days=1), "year")


def hijri_year_of(d: date) -> int | None:
    try:
        return int(Gregorian(d.year, d.month, d.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None

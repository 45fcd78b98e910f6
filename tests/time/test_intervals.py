"""Calendar arithmetic and Hijri conversion."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.time import intervals as iv
from marsad.time import resolve


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1445, 9, 15), date(2024, 3, 25)),
        ((1445, 10, 1), date(2024, 4, 10)),
        ((1444, 12, 10), date(2023, 6, 28)),
        ((1446, 1, 1), date(2024, 7, 7)),
        ((1400, 1, 1), date(1979, 11, 20)),
    ],
)
def test_hijri_day(hijri: tuple[int, int, int], gregorian: date) -> None:
    assert iv.hijri_day(*hijri) == gregorian


def test_hijri_month_and_year() -> None:
    ramadan = iv.hijri_month(1445, 9)
    assert ramadan is not None and (ramadan.start, ramadan.end) == (
        date(2024, 3, 11),
        date(2024, 4, 9),
    )
    year = iv.hijri_year(1445)
    assert year is not None and (year.start, year.end) == (date(2023, 7, 19), date(2024, 7, 6))
    assert iv.hijri_year_of(date(2024, 3, 25)) == 1445


def test_hijri_out_of_range_is_none_not_an_error() -> None:
    assert iv.hijri_day(1200, 1, 1) is None
    assert iv.hijri_month(1600, 1) is None
    assert iv.hijri_day(1445, 9, 31) is None
    assert resolve("في 3 محرم 1200 هـ", None) == []


def test_hijri_in_text() -> None:
    (e,) = resolve("صدر المرسوم في 15 رمضان 1445 هـ", None)
    assert (e.date_from, e.granularity, e.anchor) == (date(2024, 3, 25), "day", None)


def test_month_arithmetic_clamps_the_day() -> None:
    assert iv.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert iv.add_months(date(2024, 3, 31), -13) == date(2023, 2, 28)
    assert iv.shift(iv.month(2024, 1), "month", 1) == iv.month(2024, 2)


def test_weeks_and_parts() -> None:
    assert iv.week(date(2024, 8, 19)) == iv.Interval(date(2024, 8, 19), date(2024, 8, 25), "week")
    assert iv.week(date(2024, 8, 19), starts=6).start == date(2024, 8, 17)  # a Saturday week
    april = iv.month(2024, 4)
    assert iv.subrange(april, "month", 21, 31) == iv.Interval(
        date(2024, 4, 21), date(2024, 4, 30), "month"
    )
    assert iv.fraction(iv.year(2024), "year", 4, 4).start == date(2024, 10, 1)
    assert iv.subrange(iv.century(21), "century", 0, 32).end == date(2032, 12, 31)


def test_year_of_a_bare_month() -> None:
    ref = date(2024, 8, 19)
    assert iv.month_year(4, "past", ref) == 2024
    assert iv.month_year(8, "past", ref) == 2023
    assert iv.month_year(8, "next", ref) == 2025
    assert iv.nearest_year_for_month(9, ref) == 2024
    assert iv.nearest_year_for_month(2, date(2024, 12, 5)) == 2025
    assert iv.nearest_year_for_month(2, date(2024, 11, 5), future=True) == 2025

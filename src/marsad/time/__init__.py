"""Time: find and resolve every Arabic temporal expression.

``resolve(text, reference)`` returns each expression's span, the interval it
denotes (``date_from``..``date_to``), its granularity, the anchor it was
resolved against and the rule that matched.  The language (month names of
every regional series, Hijri months, weekdays, number words, seasons, relative
words, period parts, units) lives in ``data/time/*.yaml``; the mechanisms are
split into small modules:

- :mod:`~marsad.time.lexicon`: loading and checking the data files;
- :mod:`~marsad.time.patterns`: regex building blocks on normalized text;
- :mod:`~marsad.time.grammar`: the rules and how each resolves;
- :mod:`~marsad.time.intervals`: calendar arithmetic and Hijri conversion;
- :mod:`~marsad.time.resolve`: matching, overlap settlement, anaphora;
- :mod:`~marsad.time.infer`: the publication date of a text without a dateline.

Choices worth knowing:

- **Spans**: proclitics (و ف ب ل ك) and في stay outside; قبل / منذ / بعد / خلال /
  في غضون / من / بين are inside, since they change the value.
- **Ranges and lists**: days that share a month (يومي 18 و19 آب, 14-15 حزيران,
  من 14 إلى 16) are one expression from the first to the last day; بين / من ...
  إلى and 2026-2030 are ranges; years listed with و (2020 و2023) are one
  expression each.
- **Parts of a period** (نهاية نيسان, مطلع العام, منتصف العقد) narrow the interval
  to a third of it (days 21-30 of April) and keep the period's granularity, so
  ``value`` still reads ``2024-04``; النصف/الربع الأول take halves and quarters.
- **Months without a year** take the reference's year, except a month more
  than five months ahead (last year's) or more than nine behind (next year's);
  الماضي / المقبل / الحالي and a future cue (سيزور, من المقرر) decide first, and
  منذ means the month is not ahead.
- **Weekdays** are the last such day on or before the reference; الماضي means
  strictly before, المقبل strictly after, a future cue on or after.  Weeks are
  ISO weeks unless ``weekdays.yaml`` says otherwise.
- **Anaphora**: حينها, قبل ذلك بيوم, اليوم التالي, العام نفسه, بعد أيام and لاحقا
  are resolved against the last date mentioned in the 1,000 characters before
  them (a flashback such as قبل ذلك بيوم does not move that anchor), and,
  where it makes sense, against the reference when there is none.
- **Vague words** (الآن, مؤخرا, قريبا, السنوات الأخيرة) resolve to a window whose
  width is set in the data files, and are never anchors.
- **Occasions** (``occasions.yaml``): feasts, national days and leaders' birthdays
  (عيد النصر، عيد الأضحى، ذكرى ميلاد بوتين) are the occurrence nearest the
  reference (the next one after a future cue); an ordinal anniversary counts from
  the first event (الذكرى الـ80 للنصر: 1945 + 80) and must fall within a year of
  the reference.  Hijri feasts go through the Umm al-Qura calendar.
- **A reference known only to the month** (an article dated "July 2025"): the
  latest day the text writes out in full inside that month, or fixes by a deictic
  word said with a dated occasion (قبل يومين ... بمناسبة عيد ميلادك, see
  :mod:`~marsad.time.anchors`), is its news day and the reference (kept in
  ``Analysis.extras[NEWS_DAY]``); without one, words counted from the writing day
  (اليوم، أمس، قبل يومين، الاثنين) resolve to the month, not to a day counted
  from the 1st.
- **No reference**: ``resolve(text)`` infers the publication date from the
  text (:func:`infer_publication`); failing that only expressions that carry
  their own year are returned.
- Durations (لمدة أربعة أشهر, قرابة العام) and dates counted from an event
  (بعد أيام من الزيارة) have no interval of their own and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from marsad.model import Analysis, Precision, TimeExpression
from marsad.time.anchors import anchored_days
from marsad.time.infer import infer_from_norm, infer_publication
from marsad.time.intervals import month_end
from marsad.time.resolve import counted_from_reference, resolve, resolve_normalized

__all__ = ["NEWS_DAY", "infer_publication", "news_day", "resolve", "time_stage"]

# ``Analysis.extras`` key: the news day of an article dated only to the month or year, when known
NEWS_DAY = "news_day"


def time_stage(doc: Analysis) -> None:
    """Resolve every temporal expression against the publication date (inferring it if absent).

    When that date is known only to the month or year, the reference is the article's news day
    if the text names one (:func:`news_day`); otherwise words counted from the writing day
    (اليوم، قبل يومين، أمس) resolve to no more than the publication month or year."""
    meta = doc.document.meta
    if not meta.published:
        got = infer_from_norm(doc.norm)
        if got is not None:
            meta.published, meta.published_precision = got
            meta.published_basis = "inferred"
    ref, precision = doc.published, _precision(meta.published)
    timexes = resolve_normalized(doc.norm, ref, precision)
    if ref is not None and precision != "day":
        day = news_day(timexes, ref, precision, anchored_days(doc, timexes))
        if day is not None:
            timexes = resolve_normalized(doc.norm, day)
            doc.extras[NEWS_DAY] = day
    doc.timexes = sorted(timexes, key=lambda t: t.start)


def _precision(published: str | None) -> Precision:
    """How precise a ``YYYY[-MM[-DD]]`` publication date is."""
    n = len(published or "")
    return "day" if n >= 10 else "month" if n == 7 else "year"


def news_day(
    timexes: list[TimeExpression], ref: date, precision: Precision, anchored: Sequence[date] = ()
) -> date | None:
    """The day an article dated only to the month (or year) tells its news on: the latest day the
    text writes out in full (``الأول من تموز``, not ``أمس``) or fixes by a deictic word tied to an
    occasion (``anchored``, see :func:`~marsad.time.anchors.anchored_days`) inside that month or
    year.  An article's news is its latest event, and deictic words (اليوم، قبل يوم) are counted
    from it."""
    last = month_end(ref.year, ref.month) if precision == "month" else date(ref.year, 12, 31)
    days = [d for d in anchored if ref <= d <= last] + [
        t.date_from
        for t in timexes
        if not counted_from_reference(t.rule)
        and t.rule != "occasion"  # a feast or a birthday is not the news written out
        and t.granularity in ("day", "time")
        and t.date_from == t.date_to
        and ref <= t.date_from <= last
    ]
    return max(days, default=None)

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
- **No reference**: ``resolve(text)`` infers the publication date from the
  text (:func:`infer_publication`); failing that only expressions that carry
  their own year are returned.
- Durations (لمدة أربعة أشهر, قرابة العام) and dates counted from an event
  (بعد أيام من الزيارة) have no interval of their own and are left out.
"""

from __future__ import annotations

from marsad.model import Analysis
from marsad.time.infer import infer_from_norm, infer_publication
from marsad.time.resolve import resolve, resolve_normalized

__all__ = ["infer_publication", "resolve", "time_stage"]


def time_stage(doc: Analysis) -> None:
    """Resolve every temporal expression against the publication date (inferring it if absent)."""
    meta = doc.document.meta
    if not meta.published:
        got = infer_from_norm(doc.norm)
        if got is not None:
            meta.published, meta.published_precision = got
            meta.published_basis = "inferred"
    doc.timexes = sorted(resolve_normalized(doc.norm, doc.published), key=lambda t: t.start)

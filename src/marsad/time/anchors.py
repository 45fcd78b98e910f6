"""Days that an article's words fix without writing them: a deictic word tied to a dated occasion.

An article dated only "October 2025" may still say which day it tells of.  When a speaker says
"قبل يومين فحسب، اتصلت بك بمناسبة عيد ميلادك" and the article has named that birthday (ذكرى
ميلاد بوتين, 7 October), the two expressions date the same call: the day the words are counted
from is 7 October plus two days.  :func:`anchored_days` finds every such day; the time stage
takes them, like the days the text writes out, as candidates for the article's news day.

- The deictic word is one counted from the writing day (اليوم، أمس، قبل يومين، بعد ثلاثة
  أيام) that gives a single day; the occasion must stand in the same sentence, at most
  :data:`_REACH` words from it.
- The occasion is a dated one (rule ``occasion``), or a birthday named with a pronoun (عيد
  ميلادك، ذكرى ميلاده) that takes the birthday the article has already named (the last one
  before it, else the first one after it).
"""

from __future__ import annotations

import re
from datetime import date

from marsad.model import Analysis, TimeExpression
from marsad.text.normalize import normalize
from marsad.time.resolve import counted_from_reference, resolve_normalized

# the most words between the deictic word and the occasion it is counted against
_REACH = 8
# a birthday named with a possessive pronoun (normalized text: no hamza or ta marbuta variants)
_OWN_BIRTHDAY = re.compile(r"(?:عيد|ذكري)\s+(?:ال)?ميلاد(?:ك|ه|ها|كم)\b")


def anchored_days(doc: Analysis, timexes: list[TimeExpression]) -> list[date]:
    """The days from which a deictic word tied to an occasion of its sentence is counted."""
    if doc.segmentation is None:
        return []
    occasions = [t for t in timexes if t.rule == "occasion" and t.date_from == t.date_to]
    if not occasions:
        return []
    birthdays = [t for t in occasions if "ميلاد" in normalize(doc.text[t.start : t.end]).text]
    days: list[date] = []
    for t in timexes:
        if not counted_from_reference(t.rule) or t.rule.startswith(("vague-", "anaphoric-")):
            continue
        lo, hi = doc.sentence_of(t.start)
        occasion = _occasion_near(doc, t, (lo, hi), occasions, birthdays)
        if occasion is None:
            continue
        day = _counted_back(doc.text[t.start : t.end], occasion.date_from)
        if day is not None:
            days.append(day)
    return days


def _words(text: str) -> int:
    return len(text.split())


def _occasion_near(
    doc: Analysis,
    t: TimeExpression,
    sentence: tuple[int, int],
    occasions: list[TimeExpression],
    birthdays: list[TimeExpression],
) -> TimeExpression | None:
    """The dated occasion that the deictic ``t`` is said together with, if any."""
    lo, hi = sentence
    for o in occasions:
        if lo <= o.start < hi and _words(_between(doc.text, t, o.start, o.end)) <= _REACH:
            return o
    if not birthdays:
        return None
    norm = normalize(doc.text[lo:hi])
    for m in _OWN_BIRTHDAY.finditer(norm.text):
        s, e = norm.span_to_original(m.start(), m.end())
        start = lo + s
        if _words(_between(doc.text, t, start, lo + e)) > _REACH:
            continue
        # the birthday it names is the one the article has named
        before = [b for b in birthdays if b.end <= start]
        return before[-1] if before else birthdays[0]
    return None


def _between(text: str, t: TimeExpression, start: int, end: int) -> str:
    """The text between the expression ``t`` and the span ``start..end``."""
    return text[t.end : start] if t.end <= start else text[end : t.start]


def _counted_back(words: str, occasion: date) -> date | None:
    """The day ``words`` (قبل يومين) are counted from when they name the day ``occasion``: the
    words say the occasion is the reference plus some offset, so the reference is the occasion
    less that offset."""
    found = [
        x
        for x in resolve_normalized(normalize(words), occasion)
        if x.granularity == "day" and x.date_from == x.date_to
    ]
    if len(found) != 1:
        return None
    offset = found[0].date_from - occasion
    return occasion - offset if offset.days else None

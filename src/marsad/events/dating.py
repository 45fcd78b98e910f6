"""When an event happened: the date expression nearest its trigger, the day its paragraph has set,
the news day of an article dated only to the month, or the publication date (the basis says
which); a later recall of the act with its day ("بعد المكالمة ... في السادس من آذار") refines a
month-wide expression (:func:`refine_recalled`).

Dating is a concern of its own, read after the actors are known (see :func:`_date`);
:class:`~marsad.events.index._DocIndex` keeps what these functions find per sentence, and the
index imports the pure ones from here (this module needs the index only as a type).
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from datetime import date
from typing import TYPE_CHECKING

from marsad.model import Analysis, Event, Status, TimeExpression
from marsad.time import NEWS_DAY

if TYPE_CHECKING:  # the index imports this module's functions: a type is all it needs here
    from marsad.events.index import _DocIndex


def _date(
    doc: Analysis, ts: int, sentence: tuple[int, int], ix: _DocIndex, status: Status = "asserted"
) -> tuple[str | None, str | None, tuple[int, int] | None]:
    inside = ix.timexes_in(doc, sentence)
    if inside and status == "asserted":
        # an act reported as done cannot have happened after the article: a later date in its
        # sentence qualifies something else ("برامج للفترة 2026-2030")
        published = ix.published(doc)
        if published is not None:
            inside = [t for t in inside if t.date_from <= published]
    if inside:
        # an occasion after the act with another act between names that act's day ("شكره على
        # دعوته لحضور الاحتفالات بمناسبة الذكرى الـ80 للنصر": the celebrations were on Victory Day)
        inside = [
            t
            for t in inside
            if t.rule != "occasion"
            or t.start < ts
            or not any(ts < a < t.start for a, _ in ix.triggers)
        ]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - ts))
        if _word_gap(doc.text, best, ts) <= _DATE_REACH:
            return best.value, "expression", (best.start, best.end)
    narrative = _narrative_time(doc, ts, sentence, ix)
    if narrative is not None:
        return narrative.value, "narrative", (narrative.start, narrative.end)
    day = doc.extras.get(NEWS_DAY)
    if day is not None:  # an article dated to the month tells the news of this day
        return day.isoformat(), "news-day", None
    pub = doc.document.meta.published
    if pub:
        return pub, "publication", None
    return None, None, None


# how many words may stand between a trigger and the date expression that dates it: in a long
# sentence a date further away belongs to another clause ("... في تسعينيات القرن الـ20")
_DATE_REACH = 20


def _word_gap(text: str, t: TimeExpression, ts: int) -> int:
    """Words between a date expression and a trigger starting at ``ts``."""
    lo, hi = (t.end, ts) if t.end <= ts else (ts, t.start)
    return _words(text, lo, hi)


def _words(text: str, lo: int, hi: int) -> int:
    """Words in ``text[lo:hi]``: how far apart two spans are (a date or a place from a trigger)."""
    return len(text[lo:hi].split())


# how far before the publication date a paragraph's day can be and still be the news it tells
_NARRATIVE_DAYS = 45
# expressions that set no day for the sentences after them: vague words (الآن), occasions (an act
# done "on the occasion of the president's birthday" dates itself, not the story after it) and
# flashbacks (وقبل ذلك بيوم: the story goes back one day, then resumes on its own day)
_NOT_NARRATIVE = ("vague", "occasion", "anaphoric-flashback")


def _narrative_time(
    doc: Analysis, ts: int, sentence: tuple[int, int], ix: _DocIndex
) -> TimeExpression | None:
    """The day a news passage has set ("صباح يوم الثلاثاء، أعلن ... وفتحت النيابة ..."): the last
    expression of a day before the sentence in its paragraph or the one before (vague ones such
    as الآن left aside), when that day is recent news (up to six weeks before publication).  A
    month, a year or an older day is background and does not carry over: the act is then dated
    by the article."""
    assert doc.segmentation is not None
    k = ix.para(ts)
    published = ix.published(doc)
    if k is None or published is None:
        return None
    return ix.narrative(doc, k, sentence[0], published)


def _narrative_in(doc: Analysis, k: int, before: int, published: date) -> TimeExpression | None:
    """:func:`_narrative_time` for paragraph ``k`` and a sentence starting at ``before``, given
    :func:`_latest_publication_day`."""
    assert doc.segmentation is not None
    paras = doc.segmentation.paragraphs
    lo = paras[max(0, k - 1)][0]
    earlier = [
        t
        for t in doc.timexes
        if lo <= t.start and t.end <= before and not t.rule.startswith(_NOT_NARRATIVE)
    ]
    if not earlier:
        return None
    last = earlier[-1]
    if last.granularity not in ("day", "time"):
        return None
    days = (published - last.date_from).days
    if last.start >= paras[k][0]:  # the act's own paragraph tells of that day, however old
        return last if days >= 0 else None
    return last if 0 <= days <= _NARRATIVE_DAYS else None


def _latest_publication_day(doc: Analysis) -> date | None:
    """The last day the publication date allows (the month's last day when only the month is known)."""
    p = doc.document.meta.published
    if not p:
        return None
    parts = [int(x) for x in p.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


# how many words after a recalled act's noun its day may stand ("بعد المكالمة الهاتفية بين أربعة
# قادة في السادس من آذار")
_RECALL_REACH = 8


def recalled_day(doc: Analysis, noun_end: int, sentence: tuple[int, int]) -> TimeExpression | None:
    """The day written after a definite noun that recalls an act told before ("بعد المكالمة
    الهاتفية ... في السادس من آذار"): the first date expression after the noun in its sentence,
    when it names one day and stands within :data:`_RECALL_REACH` words (original offsets)."""
    k = bisect_left(doc.timexes, noun_end, key=lambda t: t.start)
    if k == len(doc.timexes):
        return None
    t = doc.timexes[k]
    if t.start >= sentence[1] or t.granularity not in ("day", "time") or t.date_from != t.date_to:
        return None
    return t if _words(doc.text, noun_end, t.start) <= _RECALL_REACH else None


def refine_recalled(doc: Analysis, recalls: list[tuple[int, str, TimeExpression]]) -> None:
    """Give the day of a later recall to the acts an earlier, coarser expression dated.

    "بعد أيام قليلة، أجرى رئيسا بيلاروس وطاجيكستان لقاءً ... وتحدثا هاتفياً مع إلهام علييف"
    says only "March" (a few days after early March); "بعد المكالمة الهاتفية بين أربعة قادة في
    السادس من آذار" later names the call with its day.  When a recall (a definite noun of the
    same CAMEO act, at ``position``, with its day) comes after an event dated by a month-wide
    expression that holds that day, the expression stood for that day: every event it dated takes
    the day, with ``:recalled`` added to its rule."""
    if not recalls:
        return
    by_span: dict[tuple[int, int], list[Event]] = {}
    for e in doc.events:
        if e.date_basis == "expression" and e.date_span is not None:
            by_span.setdefault(e.date_span, []).append(e)
    spans = {(t.start, t.end): t for t in doc.timexes}
    for span, events in by_span.items():
        t = spans.get(span)
        if t is None or t.granularity != "month":
            continue
        day = next(
            (
                r
                for pos, code, r in recalls
                if any(code == e.cameo[:3] and e.trigger[1] <= pos for e in events)
                and t.date_from <= r.date_from <= t.date_to
            ),
            None,
        )
        if day is None:
            continue
        for e in events:
            e.date, e.rule = day.value, e.rule + ":recalled"

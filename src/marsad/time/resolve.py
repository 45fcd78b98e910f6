"""Find every temporal expression of a text and resolve it.

Three passes over the normalized text:

1. every rule proposes matches, and its handler keeps those whose context
   makes them a date and computes their value (or how to compute it);
2. overlapping proposals are settled longest first (``يومي 18 و19 آب`` wins
   over ``19 آب``; a tie goes to the rule listed first), and matches inside a
   URL are dropped;
3. in text order, expressions that point back (حينها, قبل ذلك بيوم, لاحقا,
   العام التالي) are resolved against the last date mentioned in the 1,000
   characters before them; the others against the reference date.

Offsets are mapped back to the original text, so ``text[e.start:e.end]`` is
always the expression as written.
"""

from __future__ import annotations

from datetime import date, datetime

from marsad.model import Precision, TimeExpression
from marsad.text.normalize import Normalized, normalize
from marsad.time.grammar import Ctx, Found, Grammar, grammar
from marsad.time.intervals import Interval, month_end

ANCHOR_WINDOW = 1000  # characters (about two paragraphs): how far back an anaphor looks


def find(text: str, ref: date | None, g: Grammar | None = None) -> list[Found]:
    """The non-overlapping matches of the normalized ``text``, in text order.

    Includes matches that cannot be resolved without a reference (their
    ``value`` is None and ``cue`` says which month they name): publication-date
    inference reads those.
    """
    g = g or grammar()
    ctx = Ctx(text, ref, g.lex, g.future_re)
    proposals: list[tuple[int, int, int, Found]] = []
    spots = g.spots(text)
    for priority, rule in enumerate(g.rules):
        positions = [p for cat in rule.triggers for p in spots.get(cat, ())]
        if not positions:
            continue
        for a, b in g.windows(text, positions, rule.reach):
            for m in rule.regex.finditer(text, a, b):
                s, e = m.span("x")
                if e <= s:
                    continue
                found = rule.handler(g, m, ctx)
                if found is not None:
                    proposals.append((found.start - found.end, found.start, priority, found))
    if not proposals:
        return []
    taken = bytearray(len(text))
    if "://" in text or "www." in text:  # a date inside a link is not in the text's words
        for u in g.url_re.finditer(text):
            taken[u.start() : u.end()] = b"\x01" * (u.end() - u.start())
    chosen: list[Found] = []
    for _, _, _, f in sorted(proposals, key=lambda p: p[:3]):
        if any(taken[f.start : f.end]):
            continue
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
        chosen.append(f)
    chosen.sort(key=lambda f: f.start)
    return chosen


_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640, 0xFE0F))


def _past_marks(original: str, end: int) -> int:
    """Move ``end`` past the diacritics and tatweel the word ends with (هـ, حالياً)."""
    while end < len(original) and original[end] in _MARKS:
        end += 1
    return end


# granularities finer than a month: what a reference known only to the month cannot give
_FINER_THAN_MONTH = frozenset({"day", "time", "week"})
# rules whose value is counted from the reference's day (اليوم، أمس، قبل يومين، الآن، الاثنين)
_COUNTED_FROM_REFERENCE = ("relative-", "vague-", "anaphoric-")
# stretches that end or start at the reference (الأيام الأخيرة، خلال الأسابيع المقبلة): they
# already say "about then", and their start is what dates an act (late June for an article of
# early July), so they are kept as they are
_WINDOWS = frozenset({"vague-past", "vague-future", "relative-window"})


def counted_from_reference(rule: str) -> bool:
    """Whether an expression of this rule is counted from a day (the reference or an earlier
    date): اليوم، قبل يومين، لاحقا — not الأول من تموز, which takes only the reference's year."""
    return rule.startswith(_COUNTED_FROM_REFERENCE)


def _within_reference(value: Interval, ref: date, precision: Precision) -> Interval:
    """``value`` counted from a reference known only to the month (or year): اليوم or قبل يومين
    in an article dated only "October 2025" say no more than that month, so the day the
    arithmetic gives (from the month's first day) is not claimed."""
    if precision == "month" and value.granularity in _FINER_THAN_MONTH:
        return Interval(date(ref.year, ref.month, 1), month_end(ref.year, ref.month), "month")
    if precision == "year" and value.granularity in _FINER_THAN_MONTH | {"month", "season"}:
        return Interval(date(ref.year, 1, 1), date(ref.year, 12, 31), "year")
    return value


def resolve_normalized(
    norm: Normalized, ref: date | None, precision: Precision = "day"
) -> list[TimeExpression]:
    """Resolve the expressions of an already normalized text (offsets into ``norm.original``).

    ``precision`` is how precisely ``ref`` is known: an expression counted from a reference known
    only to the month or year takes that month or year (see :func:`_within_reference`)."""
    out: list[TimeExpression] = []
    last: tuple[int, Interval] | None = None
    for f in find(norm.text, ref):
        anchor: date | None
        if f.anaphor is not None:
            prior = last[1] if last is not None and f.start - last[0] <= ANCHOR_WINDOW else None
            value = f.anaphor(prior)
            anchor = prior.start if prior is not None else ref
            from_ref = prior is None
        else:
            value = f.value
            anchor = ref if f.relative else None
            # a month or a weekday without a year takes the reference's year only: not counted
            # from its day
            from_ref = f.relative and counted_from_reference(f.rule)
        if value is None:
            continue
        if from_ref and ref is not None and precision != "day" and f.rule not in _WINDOWS:
            value = _within_reference(value, ref, precision)
        s, e = norm.span_to_original(f.start, f.end)
        e = _past_marks(norm.original, e)
        out.append(
            TimeExpression(
                start=s,
                end=e,
                date_from=value.start,
                date_to=value.end,
                granularity=value.granularity,
                anchor=anchor,
                rule=f.rule,
                time_of_day=value.time,
            )
        )
        if not (f.vague or f.flashback):
            last = (f.end, value)
    return out


def resolve(text: str, reference: date | None = None) -> list[TimeExpression]:
    """Every temporal expression of ``text``, resolved against ``reference``.

    Without a reference the publication date is inferred from the text
    (:func:`~marsad.time.infer.infer_publication`); when that fails too, only
    expressions that carry their own year are returned.
    """
    norm = normalize(text)
    if isinstance(reference, datetime):  # a datetime is a date too, but does not compare with one
        reference = reference.date()
    if reference is None:
        from marsad.time.infer import infer_reference

        reference = infer_reference(norm)
    return resolve_normalized(norm, reference)

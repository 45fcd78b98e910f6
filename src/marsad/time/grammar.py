"""The rules: one compiled pattern per kind of expression, and the function that resolves it.

Each rule is a named regex over normalized text whose group ``x`` is the
expression's span, and a handler that reads the groups and returns a
:class:`Found`: the interval the expression denotes (resolved against the
reference date when it is relative), or, for expressions that point back to
the last date mentioned (حينها, قبل ذلك بيوم, لاحقا), a function that
resolves it once that anchor is known.  A handler returns ``None`` when the
context shows the words are not a date (الربيع العربي, بين الاثنين, 2000 جندي).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import ahocorasick

from marsad.time import intervals as iv
from marsad.time.intervals import Interval
from marsad.time.lexicon import Lexicon, Occasion, UnitWord, lexicon
from marsad.time.patterns import CL, LB, N1, N2, RB, S0, SENTENCE_END, S, alt, collapse

Anaphor = Callable[[Interval | None], Interval | None]
_DIGITS = re.compile(r"\d+(:\d)?")
_QUOTED_NAME_BEFORE = re.compile(r'"[^\W\d_]+[ ]+$')
_FROM_NOW = re.compile(r"[ ]*من[ ]+الان(?![^\W\d_])")  # قبل عامين من الآن


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


@dataclass(slots=True)
class Found:
    """One match: its span in the normalized text and its value, or how to get it."""

    start: int
    end: int
    rule: str
    value: Interval | None = None
    relative: bool = False  # resolved against the reference date
    anaphor: Anaphor | None = None  # needs the last date mentioned before it
    vague: bool = False  # a window (الآن, مؤخرا): never an anchor for what follows
    flashback: bool = False  # قبل ذلك بيوم: the story goes back, then resumes where it was
    # for publication-date inference: the months named without a year, their
    # modifier (past, current, ycurrent, ypast ...) and whether the clause is future
    cue: tuple[tuple[int, ...], str | None, bool] | None = None


@dataclass(slots=True)
class Ctx:
    text: str
    ref: date | None
    lex: Lexicon
    future_re: re.Pattern[str]

    def prev_word(self, pos: int) -> str:
        """The word before ``pos`` (punctuation skipped)."""
        j = pos
        t = self.text
        while j > 0 and not (t[j - 1].isalnum()):
            if t[j - 1] in ".؟!\n":
                return ""
            j -= 1
        k = j
        while k > 0 and t[k - 1].isalnum():
            k -= 1
        return t[k:j]

    def next_word(self, pos: int) -> str:
        t = self.text
        j = pos
        while j < len(t) and t[j] in " ,،(\"'":
            j += 1
        k = j
        while k < len(t) and (t[k].isalnum()):
            k += 1
        return t[j:k]

    def clause_before(self, pos: int, width: int = 90) -> str:
        """Text before ``pos`` back to the start of its sentence (at most ``width`` characters)."""
        window = self.text[max(0, pos - width) : pos]
        ends = list(SENTENCE_END.finditer(window))
        return window[ends[-1].end() :] if ends else window

    def future(self, pos: int) -> bool:
        """Whether the clause before ``pos`` speaks of the future (سيزور, من المقرر)."""
        return self.future_re.search(self.clause_before(pos)) is not None


Handler = Callable[["Grammar", re.Match[str], Ctx], Found | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    triggers: tuple[str, ...]  # word categories one of which every match contains
    reach: tuple[int, int]  # how far (characters) a match may extend before and after its trigger


class Grammar:
    """The compiled rules for one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.future_re = re.compile(LB + CL + alt(lex.future_cues) + RB)
        self.rules = self._build()
        self.trigger_words = self._trigger_words()
        self.automaton = ahocorasick.Automaton()
        for word, cats in self.trigger_words.items():
            self.automaton.add_word(word, (len(word), tuple(cats)))
        self.automaton.make_automaton()
        self.url_re = re.compile(r"(?:https?://|www\.)\S+")

    # -- value helpers ---------------------------------------------------------

    def day_value(self, s: str | None) -> int | None:
        if not s:
            return None
        s = collapse(s)
        if s.startswith("ال") and s[2:].strip().isdigit():
            return int(s[2:].strip())
        if s.isdigit():
            return int(s)
        return self.lex.ordinals.get(s)

    def quantity(self, s: str | None) -> int | None:
        if not s:
            return None
        s = collapse(s)
        if s.isdigit():
            return int(s)
        return self.lex.cardinals.get(s)

    def month_pair(self, gd: dict[str, Any], name: str) -> tuple[int, int | None]:
        a = self.lex.months[collapse(gd[name])]
        b_text = gd.get(name + "b")
        return a, (self.lex.months[collapse(b_text)] if b_text else None)

    def mod_kind(self, s: str | None) -> str | None:
        return self.lex.modifiers.get(collapse(s)) if s else None

    def clock(self, gd: dict[str, Any]) -> str | None:
        hh, mm = gd.get("hh"), gd.get("mm")
        if not hh:
            return None
        h, mi = int(hh), int(mm or 0)
        half = self.lex.clock.get(collapse(gd.get("ampm")))
        if (half == "pm" and h < 12) or (half == "noon" and h < 11):
            h += 12  # ظهرا: 12 and 11 stay, 1 ظهرا is 13:00
        elif half == "am" and h == 12:
            h = 0
        if h > 24 or mi > 59:
            return None
        return f"{h % 24:02d}:{mi:02d}"

    def year_for(
        self, gd: dict[str, Any], month: int, c: Ctx, pos: int, key: str = "y"
    ) -> tuple[int | None, bool]:
        """The year written after a month, or the one its modifier or the reference gives."""
        if gd.get(key):
            return int(gd[key]), False
        if c.ref is None:
            return None, True
        if gd.get("ydem"):
            return c.ref.year, True
        ymod = self.mod_kind(gd.get("ymod"))
        if ymod:
            return c.ref.year + {"past": -1, "next": 1}.get(ymod, 0), True
        mod = self.mod_kind(gd.get("mod"))
        if mod in ("past", "next", "current"):
            return iv.month_year(month, mod, c.ref), True
        if c.prev_word(pos) in ("منذ", "ومنذ"):  # منذ السابع من أكتوبر: since, so not ahead
            return (c.ref.year if month <= c.ref.month else c.ref.year - 1), True
        return iv.month_year(month, None, c.ref, c.future(pos)), True

    def cue(
        self, gd: dict[str, Any], months: tuple[int, ...], c: Ctx, pos: int
    ) -> tuple[tuple[int, ...], str | None, bool]:
        """What a month named without a year tells about the publication date."""
        if gd.get("ydem"):
            kind: str | None = "ycurrent"
        elif gd.get("ymod"):
            kind = "y" + (self.mod_kind(gd["ymod"]) or "")
        else:
            kind = self.mod_kind(gd.get("mod"))
        return months, kind, c.future(pos)

    def apply_part(self, gd: dict[str, Any], value: Interval, unit: str) -> Interval:
        """Narrow ``value`` to the part (نهاية, مطلع) or fraction (النصف الأول) written before it."""
        part = gd.get("part")
        if part:
            kind = self.lex.parts[collapse(part)]
            lo, hi = self.lex.subranges[unit][kind]
            return iv.subrange(value, unit, lo, hi)
        frac = gd.get("frac")
        if frac:
            n = self.lex.fractions[collapse(frac)]
            which = collapse(gd.get("fo"))
            k = n if which in self.lex.last else (self.lex.ordinals.get(which) or 1)
            if 1 <= k <= n:
                return iv.fraction(value, unit, n, k)
        return value

    def after_preposition(self, m: re.Match[str], c: Ctx) -> bool:
        """Whether the word before the match is في, خلال, منذ ... (with و or ف attached or not)."""
        prev = c.prev_word(m.start())
        if prev[:1] in ("و", "ف") and prev[1:] in self.lex.date_prepositions:
            return True
        return prev in self.lex.date_prepositions

    def has_part(self, gd: dict[str, Any]) -> bool:
        return bool(gd.get("part") or gd.get("frac"))

    def _trigger_words(self) -> dict[str, frozenset[str]]:
        """Each word that can start the search for a rule, with its categories."""
        lex = self.lex
        cats: dict[str, set[str]] = {}

        def add(cat: str, words: Iterable[str]) -> None:
            for w in words:
                cats.setdefault(w, set()).add(cat)

        add("month", lex.months)
        add("hijri", lex.hijri_months)
        add("weekday", lex.weekdays)
        add("deictic", lex.deictic)
        add("unit", lex.units)
        add("unit", ("ال" + w for w, u in lex.units.items() if u.form in ("plural", "dual")))
        add("period", lex.period_units)
        add("month-noun", (w for w, u in lex.period_units.items() if u == "month"))
        add("season", lex.seasons)
        add("decade", lex.decades)
        add("occasion", ("ذكري", "الذكري"))
        add("occasion", (w.split()[0] for w, o in lex.occasions.items() if o.standalone))
        add("decade", ("ال" + w for w in lex.decades))
        add("century", ("القرن",))
        add("vague", lex.vague)
        add("then", lex.then)
        add("clock", ("الساعه",))
        return {w: frozenset(c) for w, c in cats.items()}

    def spots(self, text: str) -> dict[str, list[int]]:
        """Per trigger category, where its words start in ``text`` (one scan for all rules)."""
        spots: dict[str, list[int]] = {}
        size = len(text)
        for end, (length, cats) in self.automaton.iter(text):
            start = end - length + 1
            if end + 1 < size and _is_letter(text[end + 1]):
                continue
            j = start  # allow up to two proclitic letters before the word
            while j > 0 and j > start - 3 and text[j - 1] in "وفبلك":
                j -= 1
            if j > 0 and _is_letter(text[j - 1]):
                continue
            for cat in cats:
                spots.setdefault(cat, []).append(start)
        for m in _DIGITS.finditer(text):
            if m.end() - m.start() - (2 if m.group(1) else 0) == 4:
                spots.setdefault("digit4", []).append(m.start())
            if m.group(1):
                spots.setdefault("clock", []).append(m.start())
        return spots

    @staticmethod
    def windows(text: str, positions: list[int], reach: tuple[int, int]) -> list[tuple[int, int]]:
        """Merged stretches of ``text`` around ``positions`` that a match can lie in."""
        before, after = reach
        size = len(text)
        merged: list[tuple[int, int]] = []
        for p in sorted(positions):
            a, b = max(0, p - before), min(size, p + after)
            while b < size and not text[b].isspace():  # never cut a word: $ would match there
                b += 1
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        return merged

    # -- the rules -------------------------------------------------------------

    def _build(self) -> list[Rule]:
        lex = self.lex
        day_ord = alt(w for w, v in lex.ordinals.items() if 1 <= v <= 31)
        daynum = N1 + r"(?:3[01]|[12]\d|0?[1-9])" + N2
        day = f"(?:{daynum}|ال{S0}(?:3[01]|[12]\\d|0?[1-9]){N2}|{LB}{day_ord}{RB})"
        day2 = f"(?:{daynum}|ال{S0}(?:3[01]|[12]\\d|0?[1-9]){N2}|{day_ord}{RB})"  # after و
        month = alt(lex.months)
        yearnum = N1 + r"(?:1\d{3}|20\d{2}|21\d{2})" + N2
        era = f"(?:{S0}{alt(lex.gregorian_markers)}{RB})"
        dems = alt(lex.demonstratives)
        sames = alt(lex.same_before)
        mods = alt(w for w, k in lex.modifiers.items() if k in ("past", "next", "current"))
        all_mods = alt(lex.modifiers)
        parts = alt(lex.parts)
        fracs = alt(lex.fractions)
        ord_small = alt([w for w, v in lex.ordinals.items() if v <= 4] + list(lex.last))
        part_prefix = (
            f"(?:(?:(?P<part>{parts})|(?P<frac>{fracs}){S}(?P<fo>{ord_small})){RB}{S}(?:من{S})?)?"
        )
        pod = alt(lex.parts_of_day)
        weekday = alt(lex.weekdays)
        ampm = alt(w for w, k in lex.clock.items() if k in ("am", "pm", "noon"))
        zones = alt(w for w, k in lex.clock.items() if k == "zone")
        zone_names = alt(w for w, k in lex.clock.items() if k == "zone-name")
        tz = f"(?:{zones}{S}[^\\W\\d_]+|\\(?{zone_names}{RB}\\)?|\\(?ت{S0}\\.{S0}غ{S0}\\)?)"
        clock = r"(?P<hh>[01]?\d|2[0-4]):(?P<mm>[0-5]\d)(?!\d)"
        deictic = alt(lex.deictic)
        on_weekday = (
            f"(?:{S}(?:من{S})?(?:{pod}{S})?(?:يوم{S})?(?P<wd>{weekday}){RB}"
            f"(?:{S0}\\({S0}(?P<rel2>{deictic}){S0}\\))?)?"
        )
        time_suffix = (
            f"(?:{S0}[,،]?{S0}(?:-{S0})?(?:(?:في|عند){S})?(?:(?:تمام{S})?الساعه{S})?{clock}"
            f"(?:{S0}(?P<ampm>{ampm}){RB})?(?:{S0}(?P<tz>{tz}))?)?"
        )
        wd_prefix = (
            f"(?:{pod}{S})?(?:(?:يوم{S})?(?P<wd>{weekday}){RB}{S0}[,،]?{S0}(?:الموافق{S})?)?"
        )

        def month_p(g: str) -> str:
            return (
                f"(?P<{g}>{month}){RB}"
                f"(?:{S0}(?:/|\\\\|\\(|-){S0}(?P<{g}b>{month}){RB}(?:{S0}\\))?)?"
            )

        year_conn = f"(?:{S0}[,،]?{S0}(?:من{S})?(?:(?:عام|العام|سنه|السنه){S})?)"
        mod = (
            f"(?:{S}(?P<mod>{mods}){RB}"
            f"|{S}من{S}(?:(?P<ydem>{dems}{S}(?:العام|السنه))"
            f"|(?:العام|السنه){S}(?P<ymod>{mods})){RB})"
        )
        year_or_mod = f"(?:{year_conn}(?P<y>{yearnum})(?:{era})?|{mod})"
        days = (
            f"(?:(?P<dp>من|بين){S})?(?:(?:يومي|ايام|يوم){S})?(?P<d1>{day})"
            f"(?:{S0}(?:-|/|،|,|و|الي|حتي){S0}(?:و{S0})?(?P<d2>{day2}))*"
        )
        hmonth = alt(lex.hijri_months)
        hyear = N1 + r"(?:1[3-5]\d{2})" + N2
        hmark = f"(?:{S0}(?P<mark>{alt(lex.hijri_markers)}){RB})"
        unit_word = alt(lex.units)
        qty = f"(?:{alt(lex.cardinals)}{RB}|\\d{{1,3}}(?!\\d|[.,]\\d)|{alt(lex.few)}{RB})"
        approx = alt(lex.approximately)
        few_after = alt(lex.few_after)
        definite_units = alt("ال" + w for w, u in lex.units.items() if u.form in ("plural", "dual"))
        def_card = alt(lex.definite_cardinals)
        decades = alt(lex.decades)
        cent_words = alt(lex.centuries)
        century = f"(?:(?P<cdem>هذا){S}القرن{RB}|القرن{S}(?:(?P<cmod>{mods})|ال{S0}(?P<cnum>\\d{{1,2}})(?!\\d)|(?P<cord>{cent_words})){RB})"
        seasons = alt(lex.seasons)
        vague = alt(lex.vague)
        then = alt(lex.then)
        period_unit = alt(lex.period_units)
        hours = alt(lex.hours)

        all_ord = alt(lex.ordinals)
        # after ذكرى an occasion may take ل (الذكرى الـ80 للنصر): ال + word is then لل + word
        occasions = alt(set(lex.occasions) | {_with_li(w) for w in lex.occasions})

        def r(
            name: str,
            body: str,
            handler: Handler,
            triggers: tuple[str, ...],
            reach: tuple[int, int],
        ) -> Rule:
            # a number may also follow a letter directly (وفي17 سبتمبر): digits end no word
            start = f"(?:{LB}{CL}|(?<=[^\\W\\d_])(?=\\d))"
            return Rule(name, re.compile(f"{start}(?P<x>{body})"), handler, triggers, reach)

        return [
            r(
                "date",
                f"{wd_prefix}{days}{S0}(?:من{S})?(?:شهر{S})?{month_p('m')}(?:{year_or_mod})?{time_suffix}",
                Grammar.h_date,
                ("month",),
                (65, 70),
            ),
            r(
                "date-range",
                f"(?:(?P<rp>من|بين){S})?(?P<d1>{day}){S0}(?:من{S})?{month_p('m1')}(?:{year_conn}(?P<y1>{yearnum}))?{S0}(?:-|الي|حتي|و){S0}(?P<d2>{day}){S0}(?:من{S})?{month_p('m2')}(?:{year_or_mod})?",
                Grammar.h_date_range,
                ("month",),
                (65, 80),
            ),
            r(
                "date-numeric",
                f"{wd_prefix}(?:{N1}(?P<a>\\d{{1,2}})(?P<s1>[/.-])(?P<b>\\d{{1,2}})(?P=s1)(?P<c>\\d{{4}})|{N1}(?P<c2>\\d{{4}})(?P<s2>[/.-])(?P<b2>\\d{{1,2}})(?P=s2)(?P<a2>\\d{{1,2}}))(?!\\d){time_suffix}",
                Grammar.h_date_numeric,
                ("digit4",),
                (45, 50),
            ),
            r(
                "day-of-month",
                f"(?:الاسبوع{S}(?P<wk>{ord_small}){RB}{S}من{S}|{days}{S0}من{S})(?:(?P<dem>{dems}){S})?الشهر(?:{S}(?P<mod>{mods}))?{RB}",
                Grammar.h_day_of_month,
                ("month-noun",),
                (70, 30),
            ),
            r(
                "month",
                f"(?:{part_prefix}|الاسبوع{S}(?P<wk>{ord_small}){RB}{S}من{S})(?:(?P<sh>شهر|شهري){S})?{month_p('m')}(?:{year_or_mod})?",
                Grammar.h_month,
                ("month",),
                (40, 40),
            ),
            r(
                "month-range",
                f"(?:(?P<rp>من|بين){S})?(?:(?P<sh>شهر|شهري){S})?{month_p('m1')}(?:{year_conn}(?P<y1>{yearnum}))?{S0}(?P<conn>-|الي|حتي|و){S0}(?:شهر{S})?{month_p('m2')}(?:{year_or_mod})?",
                Grammar.h_month_range,
                ("month",),
                (45, 70),
            ),
            r(
                "hijri-date",
                f"{wd_prefix}(?:يوم{S})?(?P<d1>{day})(?:{S0}(?:-|و|الي){S0}(?P<d2>{day}))?{S0}(?:من{S})?(?:شهر{S})?(?P<hm>{hmonth}){RB}(?:{S0}[,،]?{S0}(?:(?:من{S})?(?:عام|سنه){S})?(?P<hy>{hyear}){hmark}?)?",
                Grammar.h_hijri_date,
                ("hijri",),
                (70, 50),
            ),
            r(
                "hijri-month-year",
                f"{part_prefix}(?:شهر{S})?(?P<hm>{hmonth}){RB}{S0}(?:(?:من{S})?(?:عام|سنه){S})?(?P<hy>{hyear}){hmark}?",
                Grammar.h_hijri_month_year,
                ("hijri",),
                (40, 40),
            ),
            r(
                "hijri-year",
                f"{part_prefix}(?:(?:عام|العام|سنه|السنه){S})?(?P<hy>{hyear}){hmark}",
                Grammar.h_hijri_year,
                ("digit4",),
                (40, 25),
            ),
            r(
                "hijri-month",
                f"{part_prefix}(?:(?P<sh>شهر){S})?(?P<hm>{hmonth}){RB}(?:{S}(?P<mod>{mods}){RB})?",
                Grammar.h_hijri_month,
                ("hijri",),
                (40, 30),
            ),
            r(
                "year",
                f"{part_prefix}(?:(?P<intro>عام|العام|سنه|السنه|عامي){S0})?(?P<y>{yearnum})(?:{era})?",
                Grammar.h_year,
                ("digit4",),
                (35, 12),
            ),
            r(
                "year-range",
                f"(?:(?P<rp>من|بين){S})?(?:(?P<intro>عامي|عام|العام|سنه|سنتي|الاعوام|السنوات){S})?(?P<y1>{yearnum}){S0}(?P<conn>-|/|الي|حتي|و){S0}(?:(?:عام|العام|سنه){S})?(?P<y2>{yearnum})",
                Grammar.h_year_range,
                ("digit4",),
                (30, 30),
            ),
            r(
                "decade",
                f"{part_prefix}(?:ال)?(?P<dec>{decades}){RB}(?:{S}(?:من{S})?{century})?",
                Grammar.h_decade,
                ("decade",),
                (35, 40),
            ),
            r(
                "decade-ordinal",
                f"{part_prefix}العقد{S}(?P<dord>{day_ord}){RB}{S}(?:من{S})?{century}",
                Grammar.h_decade_ordinal,
                ("century",),
                (70, 40),
            ),
            r("century", f"{part_prefix}{century}", Grammar.h_century, ("century",), (40, 40)),
            r(
                "season",
                f"{part_prefix}(?:(?P<fasl>فصل){S})?(?:(?P<dem>{dems}){S})?(?P<s>{seasons}){RB}(?:{S}(?P<mod>{mods}){RB}|{S}(?:من{S})?(?:(?:عام|العام|سنه){S})?(?P<y>{yearnum})|{S}(?:من{S})?(?:(?P<ydem>{dems}{S}(?:العام|السنه))|(?:العام|السنه){S}(?P<ymod>{mods})){RB})?",
                Grammar.h_season,
                ("season",),
                (40, 45),
            ),
            r(
                "weekday",
                f"(?:(?P<pod>{pod}){S})?(?:(?:يوم|نهار){S})?(?P<wd>{weekday}){RB}(?:{S}(?P<wm>{mods}){RB})?{time_suffix}",
                Grammar.h_weekday,
                ("weekday",),
                (30, 45),
            ),
            r(
                "deictic",
                f"(?:(?P<pod>{pod}){S})?(?:(?P<yawm>يوم){S})?(?P<rel>{deictic}){RB}(?:{S0}\\({S0}(?P<rel2>{deictic}){S0}\\))?(?:(?:{S}|{S0}\\({S0})(?P<wd>{weekday}){RB}(?:{S0}\\))?)?{time_suffix}",
                Grammar.h_deictic,
                ("deictic",),
                (30, 45),
            ),
            r(
                "period",
                f"{part_prefix}(?:(?P<dem>{dems}){S}|(?P<same>{sames}){S})?(?P<pu>{period_unit}){RB}(?:{S}(?P<mod>{all_mods}){RB})?",
                Grammar.h_period,
                ("period",),
                (40, 35),
            ),
            r(
                "offset",
                f"(?P<d>قبل|منذ|بعد){S}(?:(?P<ap>{approx}){S})?(?:(?P<q>{qty}){S0})?(?P<u>{unit_word}){RB}(?:{S}(?P<fa>{few_after}){RB})?(?!{S0}[,،]?{S0}(?:\\d|ال\\d))",
                Grammar.h_offset,
                ("unit",),
                (45, 25),
            ),
            r(
                "offset-anaphoric",
                f"(?:(?P<d>قبل|بعد){S}ذلك|(?P<d2>قبلها|بعدها|قبله|بعده)){S}ب{S0}(?:(?P<q>{qty}){S0})?(?P<u>{unit_word}){RB}",
                Grammar.h_offset_anaphoric,
                ("unit",),
                (45, 10),
            ),
            r(
                "window",
                f"(?P<w>خلال|في غضون|غضون){S}(?:(?P<ap>{approx}){S})?(?:(?P<q>{qty}){S0})?(?P<u>{unit_word}){RB}(?:{S}(?P<fa>{few_after}){RB})?(?:{S}(?P<wm>{all_mods}|{alt(lex.recent)}){RB})?(?!{S0}\\d)",
                Grammar.h_window,
                ("unit",),
                (50, 40),
            ),
            r(
                "window-definite",
                f"(?:(?P<w>خلال|في غضون|طوال|طيله|علي مدي|علي مدار){S})?(?P<wu>{definite_units}){RB}(?:{S}(?P<wq>{def_card}|ال{S0}\\d{{1,3}}){RB})?{S}(?P<wm>{alt(set(lex.recent) | {w for w, k in lex.modifiers.items() if k in ('past', 'next')})}){RB}",
                Grammar.h_window_definite,
                ("unit",),
                (40, 45),
            ),
            r(
                "time",
                f"(?:(?P<sa>(?:تمام{S})?الساعه){S}(?P<hh2>[01]?\\d|2[0-4])\\.(?P<mm2>[0-5]\\d)(?!\\d)|(?:(?P<sa1>(?:تمام{S})?الساعه){S})?{clock})(?:{S0}(?P<ampm>{ampm}){RB})?(?:{S0}(?P<tz>{tz}))?{on_weekday}",
                Grammar.h_time,
                ("clock",),
                (30, 40),
            ),
            r(
                "time-words",
                f"(?:تمام{S})?الساعه{S}(?:(?P<hw>{hours})|(?P<hn>[01]?\\d|2[0-3])(?!\\d|[:.]\\d)){RB}(?:{S}(?:و(?P<hf>النصف|الربع|الثلث)|الا{S}(?P<hm>ربعا|الربع|ثلثا|الثلث)){RB})?(?:{S}(?P<ampm>{ampm}){RB})?(?:{S0}(?P<tz>{tz}))?{on_weekday}",
                Grammar.h_time_words,
                ("clock",),
                (10, 60),
            ),
            r("vague", f"(?P<v>{vague}){RB}", Grammar.h_vague, ("vague",), (5, 30)),
            r("then", f"(?P<t>{then}){RB}", Grammar.h_then, ("then",), (5, 12)),
            r(
                "occasion",
                f"(?:(?P<dh>(?:ال)?ذكري)(?:{S}(?:ال{S0}(?P<an>\\d{{1,3}}){N2}|(?P<aord>{all_ord}){RB}))?{S})?(?P<occ>{occasions}){RB}",
                Grammar.h_occasion,
                ("occasion",),
                (5, 90),
            ),
        ]

    # -- handlers --------------------------------------------------------------

    def h_occasion(self, m: re.Match[str], c: Ctx) -> Found | None:
        """A day that recurs every year (عيد النصر، ذكرى ميلاد بوتين): its occurrence nearest the
        reference (the next one after a future cue), or the one an ordinal anniversary counts
        (الذكرى الـ80 للنصر: 1945 + 80), which must be within a year of the reference."""
        gd = m.groupdict()
        name = collapse(gd["occ"])
        occ = self.lex.occasions.get(name) or self.lex.occasions.get(_without_li(name))
        if occ is None or (not gd.get("dh") and not occ.standalone):
            return None
        s, e = m.span("x")
        count = int(gd["an"]) if gd.get("an") else self.lex.ordinals.get(collapse(gd.get("aord")))
        if count is not None:
            if occ.since is None or occ.calendar == "hijri":
                return None
            year = occ.since + count
            if c.ref is not None and abs(year - c.ref.year) > 1:
                return None  # الذكرى الخامسة للنصر of another war: not this occasion
            d = _calendar_day(occ, year)
            return Found(s, e, "occasion", iv.day(d), False) if d is not None else None
        if c.ref is None:
            return None
        ref = c.ref
        days = [d for d in (_occurrence(occ, ref, k) for k in (-1, 0, 1)) if d is not None]
        if c.future(s):
            days = [d for d in days if d >= ref] or days
        if not days:
            return None
        best = min(days, key=lambda d: (abs((d - ref).days), d))
        return Found(s, e, "occasion", iv.day(best), True)

    def h_date(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        d1, d2 = self.day_value(gd["d1"]), self.day_value(gd.get("d2"))
        mo, _ = self.month_pair(gd, "m")
        y, relative = self.year_for(gd, mo, c, m.start())
        if d1 is None:
            return None
        if y is None:
            return Found(*m.span("x"), "day-month", cue=self.cue(gd, (mo,), c, m.start("x")))
        try:
            start = date(y, mo, d1)
            end = date(y, mo, d2) if d2 else start
        except ValueError:
            return None
        if end < start:
            return None
        value = Interval(start, end, "day") if end != start else iv.day(start, self.clock(gd))
        s, e = m.span("x")
        if gd.get("dp") and not gd.get("d2"):  # ابتداء من 30 دجنبر: من is not part of one date
            s = m.start("d1")
        return Found(s, e, "day-month" + ("-year" if gd.get("y") else ""), value, relative)

    def h_date_range(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        d1, d2 = self.day_value(gd["d1"]), self.day_value(gd["d2"])
        m1, _ = self.month_pair(gd, "m1")
        m2, _ = self.month_pair(gd, "m2")
        y2, relative = self.year_for(gd, m2, c, m.start())
        if d1 is None or d2 is None:
            return None
        if y2 is None:
            return Found(*m.span("x"), "day-range", cue=self.cue(gd, (m1, m2), c, m.start("x")))
        y1 = int(gd["y1"]) if gd.get("y1") else (y2 if m1 <= m2 else y2 - 1)
        try:
            start, end = date(y1, m1, d1), date(y2, m2, d2)
        except ValueError:
            return None
        if end <= start:
            return None
        return Found(*m.span("x"), "day-range", Interval(start, end, "day"), relative)

    def h_date_numeric(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        if gd.get("c"):
            d, mo, y = int(gd["a"]), int(gd["b"]), int(gd["c"])
            if d <= 12 < mo:  # month first (US order)
                d, mo = mo, d
        else:
            y, mo, d = int(gd["c2"]), int(gd["b2"]), int(gd["a2"])
        if not 1000 <= y <= 2199:
            return None
        try:
            start = date(y, mo, d)
        except ValueError:
            return None
        return Found(*m.span("x"), "numeric-date", iv.day(start, self.clock(gd)))

    def h_day_of_month(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        if c.ref is None:
            return None
        kind = self.mod_kind(gd.get("mod")) or ("current" if gd.get("dem") else None)
        if kind not in ("past", "next", "current"):
            return None
        base = iv.add_months(c.ref.replace(day=1), {"past": -1, "next": 1}.get(kind, 0))
        if gd.get("wk"):
            month = iv.month(base.year, base.month)
            return self._week_of(m, month, collapse(gd["wk"]), "week-of-relative-month", True)
        d1, d2 = self.day_value(gd.get("d1")), self.day_value(gd.get("d2"))
        try:
            start = base.replace(day=d1 or 0)
            end = base.replace(day=d2) if d2 else start
        except ValueError:
            return None
        value = Interval(start, end, "day") if end > start else iv.day(start)
        return Found(*m.span("x"), "day-relative-month", value, True)

    def h_month(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        a, b = self.month_pair(gd, "m")
        if not (gd.get("y") or gd.get("mod") or gd.get("ydem") or gd.get("ymod")):
            name = collapse(gd["m"])
            context = b or gd.get("sh") or self.has_part(gd) or self.after_preposition(m, c)
            if name in self.lex.ambiguous_months and not context:
                return None  # مارس الوزير ضغوطا: a verb, not March
            if gd.get("sh") == "شهري":
                return None
        last = b if b is not None else a
        y, relative = self.year_for(gd, last, c, m.start())
        if y is None:
            months = (a,) if b is None else (a, b)
            return Found(*m.span("x"), "month", cue=self.cue(gd, months, c, m.start("x")))
        value = iv.month(y, last)
        if b is not None and b != a:
            first = iv.month(y if a < b else y - 1, a)
            value = Interval(first.start, value.end, "month")
        elif gd.get("wk"):
            return self._week_of(m, value, collapse(gd["wk"]), "week-of-month", relative)
        else:
            value = self.apply_part(gd, value, "month")
        rule = (
            "week-of-month"
            if gd.get("wk")
            else "month-year"
            if gd.get("y")
            else (
                "month-modifier"
                if relative and (gd.get("mod") or gd.get("ymod") or gd.get("ydem"))
                else "month"
            )
        )
        return Found(*m.span("x"), rule, value, relative)

    def _week_of(
        self, m: re.Match[str], month: Interval, which: str, rule: str, relative: bool
    ) -> Found | None:
        """الأسبوع الأول/الأخير من ...: days 1-7, 8-14, ... or the last seven of the month."""
        last_day = month.end.day
        k = self.lex.ordinals.get(which, 0)
        lo = last_day - 6 if which in self.lex.last else 7 * (k - 1) + 1
        if not 1 <= lo <= last_day - 6:
            return None
        value = Interval(month.start.replace(day=lo), month.start.replace(day=lo + 6), "week")
        return Found(*m.span("x"), rule, value, relative)

    def h_month_range(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        if gd["conn"] == "و" and not (gd.get("rp") == "بين" or gd.get("sh") == "شهري"):
            return None
        a, _ = self.month_pair(gd, "m1")
        b, _ = self.month_pair(gd, "m2")
        y2, relative = self.year_for(gd, b, c, m.start())
        if y2 is None:
            return Found(*m.span("x"), "month-range", cue=self.cue(gd, (a, b), c, m.start("x")))
        y1 = int(gd["y1"]) if gd.get("y1") else (y2 if a <= b else y2 - 1)
        first, last = iv.month(y1, a), iv.month(y2, b)
        if last.start <= first.start:
            return None
        return Found(
            *m.span("x"), "month-range", Interval(first.start, last.end, "month"), relative
        )

    def _hijri_year_near(
        self, c: Ctx, make: Callable[[int], Interval | None], kind: str | None
    ) -> Interval | None:
        """The occurrence of a Hijri month (or day) nearest the reference, or the last/next one."""
        if c.ref is None:
            return None
        hy = iv.hijri_year_of(c.ref)
        if hy is None:
            return None
        options = [x for x in (make(hy - 1), make(hy), make(hy + 1)) if x is not None]
        if not options:
            return None
        ref = c.ref
        if kind == "past":
            past = [x for x in options if x.end < ref]
            return past[-1] if past else None
        if kind == "next":
            nxt = [x for x in options if x.start > ref]
            return nxt[0] if nxt else None
        if kind == "current":
            cur = [x for x in options if x.start <= ref <= x.end]
            if cur:
                return cur[0]
        return min(options, key=lambda x: (abs((x.start - ref).days), x.start > ref))

    def h_hijri_date(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        hm = self.lex.hijri_months[collapse(gd["hm"])]
        d1, d2 = self.day_value(gd["d1"]), self.day_value(gd.get("d2"))
        if d1 is None or d1 > 30 or (d2 is not None and d2 > 30):
            return None

        def make(y: int) -> Interval | None:
            s = iv.hijri_day(y, hm, d1)
            e = iv.hijri_day(y, hm, d2) if d2 else s
            if s is None or e is None or e < s:
                return None
            return Interval(s, e, "day")

        if gd.get("hy"):
            value, relative = make(int(gd["hy"])), False
        else:
            if collapse(gd["hm"]) == "صفر":
                return None
            value, relative = self._hijri_year_near(c, make, None), True
        if value is None:
            return None
        return Found(*m.span("x"), "hijri-date", value, relative)

    def h_hijri_month_year(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        value = iv.hijri_month(int(gd["hy"]), self.lex.hijri_months[collapse(gd["hm"])])
        if value is None:
            return None
        return Found(*m.span("x"), "hijri-month-year", self.apply_part(gd, value, "month"))

    def h_hijri_year(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        value = iv.hijri_year(int(gd["hy"]))
        if value is None:
            return None
        return Found(*m.span("x"), "hijri-year", self.apply_part(gd, value, "year"))

    def h_hijri_month(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        name = collapse(gd["hm"])
        kind = self.mod_kind(gd.get("mod"))
        context = gd.get("sh") or kind or self.has_part(gd) or self.after_preposition(m, c)
        if name in self.lex.hijri_ambiguous and not context:
            return None  # رمضان قديروف, رجب طيب: such a bare name needs شهر, a modifier or في
        hm = self.lex.hijri_months[name]
        value = self._hijri_year_near(c, lambda y: iv.hijri_month(y, hm), kind)
        if value is None:
            return None
        return Found(*m.span("x"), "hijri-month", self.apply_part(gd, value, "month"), True)

    def h_year(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        y = int(gd["y"])
        intro = gd.get("intro")
        if not intro and not self.has_part(gd):
            if not 1900 <= y <= 2099:
                return None
            before = c.clause_before(m.start("x"), 30).rstrip().rstrip("\ufe0f").rstrip()
            if before.endswith(("©", "(c)")):
                return Found(*m.span("x"), "year", iv.year(y))
            for phrase in self.lex.not_year_after:
                if before.endswith(phrase) and (
                    len(before) == len(phrase) or not before[-len(phrase) - 1].isalpha()
                ):
                    return None
            nxt = c.next_word(m.end("x"))
            if nxt in self.lex.not_year_before or (
                nxt.startswith(("بال", "في")) and nxt[2:] in ("مئه", "مائه")
            ):
                return None
            if c.text[m.end("x") : m.end("x") + 2].lstrip().startswith("%"):
                return None
        value = self.apply_part(gd, iv.year(y), "year")
        return Found(*m.span("x"), "year", value)

    def h_year_range(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        y1, y2 = int(gd["y1"]), int(gd["y2"])
        if not y1 < y2 <= y1 + 300:
            return None
        if gd["conn"] == "و" and gd.get("rp") != "بين":
            return None
        return Found(*m.span("x"), "year-range", iv.years(y1, y2))

    def century_number(self, gd: dict[str, Any], c: Ctx) -> tuple[int | None, bool]:
        if gd.get("cnum"):
            return int(gd["cnum"]), False
        if gd.get("cord"):
            return self.lex.centuries.get(collapse(gd["cord"])), False
        kind = "current" if gd.get("cdem") else self.mod_kind(gd.get("cmod"))
        if kind and c.ref is not None:
            return c.ref.year // 100 + 1 + {"past": -1, "next": 1}.get(kind, 0), True
        return None, True

    def h_decade(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        tens = self.lex.decades[collapse(gd["dec"])]
        relative = False
        if gd.get("cnum") or gd.get("cord") or gd.get("cmod") or gd.get("cdem"):
            n, relative = self.century_number(gd, c)
            if n is None:
                return None
        else:
            n = self.lex.default_century
        value = self.apply_part(gd, iv.decade((n - 1) * 100 + tens), "decade")
        return Found(*m.span("x"), "decade", value, relative)

    def h_decade_ordinal(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        k = self.lex.ordinals.get(collapse(gd["dord"]))
        n, relative = self.century_number(gd, c)
        if n is None or k is None or not 1 <= k <= 10:
            return None
        value = self.apply_part(gd, iv.decade((n - 1) * 100 + (k - 1) * 10), "decade")
        return Found(*m.span("x"), "decade-ordinal", value, relative)

    def h_century(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        n, relative = self.century_number(gd, c)
        if n is None or not 1 <= n <= 22:
            return None
        return Found(
            *m.span("x"), "century", self.apply_part(gd, iv.century(n), "century"), relative
        )

    def h_season(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        name = collapse(gd["s"])
        months = self.lex.seasons[name]
        if c.next_word(m.end("x")) in self.lex.season_blockers and not gd.get("y"):
            return None
        kind = self.mod_kind(gd.get("mod"))
        if gd.get("y"):
            return Found(
                *m.span("x"),
                "season-year",
                self.apply_part(gd, iv.season(months, int(gd["y"])), "season"),
            )
        if not name.startswith("ال") and not (gd.get("ydem") or gd.get("ymod")):
            return None
        if c.ref is None:
            return None
        ref = c.ref
        if gd.get("ydem") or gd.get("ymod"):
            y = ref.year + {"past": -1, "next": 1}.get(self.mod_kind(gd.get("ymod")) or "", 0)
            value = iv.season(months, y)
        elif kind == "past":
            value = next(
                s
                for y in range(ref.year, ref.year - 3, -1)
                if (s := iv.season(months, y)).end < ref
            )
        elif kind == "next":
            value = next(
                s
                for y in range(ref.year - 1, ref.year + 3)
                if (s := iv.season(months, y)).start > ref
            )
        elif (
            kind == "current"
            or gd.get("dem")
            or gd.get("fasl")
            or self.has_part(gd)
            or self.after_preposition(m, c)
        ):
            y = ref.year - 1 if months[0] == 12 and ref.month <= 2 else ref.year
            value = iv.season(months, y)
            if kind is None and value.end < ref and c.future(m.start("x")):
                value = iv.season(months, y + 1)
        else:
            return None
        return Found(*m.span("x"), "season-relative", self.apply_part(gd, value, "season"), True)

    def day_of(self, gd: dict[str, Any], c: Ctx, pos: int) -> date | None:
        """The day a clock time is on: a weekday or a bracketed امس written after it, or the reference."""
        if c.ref is None:
            return None
        if gd.get("rel2"):
            return c.ref + timedelta(days=self.lex.deictic[collapse(gd["rel2"])])
        if gd.get("wd"):
            return weekday_date(self.lex.weekdays[collapse(gd["wd"])], None, c.ref, c.future(pos))
        return c.ref

    def h_weekday(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        if c.prev_word(m.start()) in self.lex.weekday_not_after:
            return None
        if c.ref is None:
            return None
        wd = self.lex.weekdays[collapse(gd["wd"])]
        d = weekday_date(wd, self.mod_kind(gd.get("wm")), c.ref, c.future(m.start("x")))
        return Found(*m.span("x"), "relative-weekday", iv.day(d, self.clock(gd)), True)

    def h_deictic(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        word = collapse(gd["rel"])
        s, e = m.span("x")
        if gd.get("rel2"):  # صباح اليوم (أمس): the editor's correction in brackets wins
            word = collapse(gd["rel2"])
        clitic = c.text[m.start() : s]
        has_context = bool(gd.get("yawm") or gd.get("pod"))
        if word == "الامس" and not (clitic.endswith("ب") or has_context):
            return None
        if word == "امس" and c.next_word(e) == "الحاجه":  # بأمس الحاجة: in dire need
            return None
        if word == "غد" and not has_context:
            return None
        if word == "اليوم":
            prev = c.prev_word(m.start())
            if prev in self.lex.today_not_after or prev in self.lex.same_before:
                return None
            nxt = c.next_word(e)
            if nxt in self.lex.today_not_before or nxt in self.lex.ordinals:
                return None
        if c.ref is None:
            return None
        d = c.ref + timedelta(days=self.lex.deictic[word])
        if gd.get("wd"):  # أمس الأحد: a named weekday beats a reference a day off
            wd = self.lex.weekdays[collapse(gd["wd"])]
            back = (d.isoweekday() - wd) % 7
            d = d - timedelta(days=back) if back <= 3 else d + timedelta(days=7 - back)
        return Found(s, e, "relative-day", iv.day(d, self.clock(gd)), True)

    def h_period(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        unit = self.lex.period_units[collapse(gd["pu"])]
        kind = self.mod_kind(gd.get("mod"))
        if gd.get("same"):
            kind = "same"
        elif kind is None:
            if gd.get("dem"):
                kind = "current" if unit != "day" else None
            elif self.has_part(gd) and unit != "day":
                kind = "bare"
        if kind is None or (unit == "day" and kind not in ("following", "preceding", "same")):
            return None
        s, e = m.span("x")
        if kind == "same" and c.next_word(e) in ("الذي", "التي"):
            return None
        starts = self.lex.week_starts
        if kind in ("past", "next", "current"):
            if c.ref is None:
                return None
            base = iv.unit_interval(c.ref, unit, starts)
            value = iv.shift(base, unit, {"past": -1, "next": 1}.get(kind, 0))
            return Found(s, e, f"relative-{unit}", self.apply_part(gd, value, unit), True)
        step = {"following": 1, "preceding": -1}.get(kind, 0)
        ref = c.ref

        def anaphor(a: Interval | None) -> Interval | None:
            base_day = a.start if a is not None else (ref if kind == "bare" else None)
            if base_day is None:
                return None
            value = iv.shift(iv.unit_interval(base_day, unit, starts), unit, step)
            return self.apply_part(gd, value, unit)

        return Found(s, e, f"anaphoric-{unit}", anaphor=anaphor)

    def unit_count(self, gd: dict[str, Any], unit: UnitWord) -> tuple[int, int] | None:
        """How many units (a range for "a few"), or None when the words give no count."""
        q = collapse(gd.get("q"))
        if q in self.lex.few or (gd.get("fa") and not q):
            lo, hi = (
                self.lex.vague_counts[unit.unit].few
                if unit.unit in self.lex.vague_counts
                else (2, 6)
            )
            return lo, hi
        n = self.quantity(q)
        if unit.form == "dual":
            return (2, 2) if n is None else None
        if unit.form == "singular" and n is None:
            return 1, 1
        if n is None:
            if unit.form == "plural" and unit.unit in self.lex.vague_counts:
                return self.lex.vague_counts[unit.unit].few
            return None
        return n, n

    def h_offset(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        s, e = m.span("x")
        unit = self.lex.units[collapse(gd["u"])]
        count = self.unit_count(gd, unit)
        if count is None or (c.next_word(e) == "من" and not _FROM_NOW.match(c.text, e)):
            return None  # قبل يومين من الزيارة: counted from an event, not from the writing
        if c.prev_word(m.start()) in ("يوما", "عاما", "شهرا", "اسبوعا", "سنه"):
            return None
        direction = collapse(gd["d"])
        lo, hi = count
        vague = lo != hi
        if direction == "منذ" and vague and unit.unit in ("year", "decade", "century"):
            return None
        gran = iv.UNIT_GRANULARITY[unit.unit]
        if direction in ("قبل", "منذ"):
            if c.ref is None:
                return None
            value = iv.units_back(c.ref, unit.unit, lo, hi, gran, self.lex.week_starts)
            return Found(s, e, "relative-offset", value, True)
        ref = c.ref
        if c.future(s) and ref is not None:
            return Found(
                s,
                e,
                "relative-offset",
                iv.units_after(iv.as_day(ref), unit.unit, lo, hi, gran),
                True,
            )

        def anaphor(a: Interval | None) -> Interval | None:
            # بعد خمس سنوات with neither a date before it nor a future verb: after some
            # event of the story, which is not the writing day
            if a is None and unit.unit in ("hour", "minute") and ref is not None:
                a = iv.as_day(ref)  # بعد ساعات: hours change no date worth guessing
            if a is None:
                return None
            return iv.units_after(a, unit.unit, lo, hi, gran)

        return Found(s, e, "relative-after", anaphor=anaphor)

    def h_offset_anaphoric(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        unit = self.lex.units[collapse(gd["u"])]
        count = self.unit_count(gd, unit)
        if count is None:
            return None
        lo, hi = count
        word = collapse(gd.get("d") or gd.get("d2"))
        sign = -1 if word.startswith("قبل") else 1
        gran = iv.UNIT_GRANULARITY[unit.unit]

        def anaphor(a: Interval | None) -> Interval | None:
            if a is None:
                return None
            if sign > 0:
                return iv.units_after(a, unit.unit, lo, hi, gran)
            return iv.units_before(a, unit.unit, lo, hi, gran)

        # قبل ذلك بيوم goes back in the story (a flashback: it moves no anchor, see resolve)
        rule = "anaphoric-flashback" if sign < 0 else "anaphoric-offset"
        return Found(*m.span("x"), rule, anaphor=anaphor, flashback=sign < 0)

    def h_window(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        unit = self.lex.units[collapse(gd["u"])]
        count = self.unit_count(gd, unit)
        if count is None or c.ref is None or unit.unit == "minute":
            return None  # خلال ثلاث دقائق: how long, not when
        n = count[1]
        wm = collapse(gd.get("wm"))
        kind = self.lex.modifiers.get(wm) if wm else None
        if wm and kind is None and wm not in self.lex.recent:
            return None
        ahead = collapse(gd["w"]) != "خلال"  # في غضون: within the coming ...
        future = kind == "next" or (not wm and (ahead or c.future(m.start("x"))))
        value = iv.window(c.ref, unit.unit, n, future)
        return Found(*m.span("x"), "relative-window", value, True)

    def h_window_definite(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        unit = self.lex.units[collapse(gd["wu"])[2:]]
        if c.ref is None or c.next_word(m.end("x")) == "من":
            return None  # الشهور الأخيرة من الحرب: the last months of an event, not of now
        if unit.form == "dual":
            n = 2
        elif gd.get("wq"):
            wq = collapse(gd["wq"])
            n = int(wq[2:].strip()) if wq[2:].strip().isdigit() else self.lex.definite_cardinals[wq]
        elif unit.unit in self.lex.vague_counts:
            n = self.lex.vague_counts[unit.unit].window
        else:
            return None
        future = self.lex.modifiers.get(collapse(gd["wm"])) == "next"
        return Found(
            *m.span("x"),
            "relative-window",
            iv.window(c.ref, unit.unit, n, future),
            True,
            vague=not gd.get("wq") and unit.form != "dual",
        )

    def h_time(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        if gd.get("hh2"):  # الساعة 20.30: a dot only after الساعة, never in a bare number
            gd = {**gd, "hh": gd["hh2"], "mm": gd["mm2"]}
        if not (gd.get("sa") or gd.get("sa1") or gd.get("ampm") or gd.get("tz")) or c.ref is None:
            return None
        t = self.clock(gd)
        d = self.day_of(gd, c, m.start("x"))
        if t is None or d is None:
            return None
        return Found(*m.span("x"), "time", iv.day(d, t), True)

    def h_time_words(self, m: re.Match[str], c: Ctx) -> Found | None:
        gd = m.groupdict()
        if c.ref is None:
            return None
        h = self.lex.hours[collapse(gd["hw"])] if gd.get("hw") else int(gd["hn"])
        minutes = {"النصف": 30, "الربع": 15, "الثلث": 20}.get(collapse(gd.get("hf")), 0)
        if gd.get("hm"):
            h, minutes = h - 1, 60 - (15 if "رب" in gd["hm"] else 20)
        t = self.clock({"hh": str(h % 24), "mm": str(minutes), "ampm": gd.get("ampm")})
        d = self.day_of(gd, c, m.start("x"))
        if t is None or d is None:
            return None
        return Found(*m.span("x"), "time", iv.day(d, t), True)

    def h_vague(self, m: re.Match[str], c: Ctx) -> Found | None:
        v = self.lex.vague[collapse(m.group("v"))]
        s, e = m.span("x")
        ref = c.ref
        if ref is None:
            return None
        span = timedelta(days=v.days)
        if _QUOTED_NAME_BEFORE.search(c.text, max(0, s - 40), s) and c.text[e : e + 1] == '"':
            return None  # «سلام الآن»: the last word of a quoted name
        phrase = collapse(m.group("v"))
        if c.next_word(e) == "من" and (v.direction == "future" or phrase.startswith("في وقت")):
            # قريبا من المخرج: near, in space; في وقت سابق من يوم أمس: the date follows
            # (but عاد مؤخرا من باريس keeps its مؤخرا)
            return None
        if v.direction == "now":
            return Found(s, e, "vague-now", iv.day(ref), True, vague=True)
        if v.direction == "past":
            return Found(
                s, e, "vague-past", Interval(ref - span, ref, v.granularity), True, vague=True
            )
        if v.direction == "future" or c.future(s):
            return Found(
                s, e, "vague-future", Interval(ref, ref + span, v.granularity), True, vague=True
            )

        def later(a: Interval | None) -> Interval | None:
            if a is None:  # أطلق سراحهم لاحقا: later than the story's events, before the writing
                return Interval(ref - span, ref, v.granularity)
            if a.end > ref:
                return Interval(ref, ref + span, v.granularity)
            return Interval(a.end, ref, iv.granularity_for((ref - a.end).days))

        return Found(s, e, "vague-later", anaphor=later, vague=True)

    def h_then(self, m: re.Match[str], c: Ctx) -> Found | None:
        return Found(*m.span("x"), "anaphoric-then", anaphor=lambda a: a)


def weekday_date(wd: int, kind: str | None, ref: date, future: bool) -> date:
    """The date of ISO weekday ``wd`` near ``ref``.

    The last one on or before the reference; الماضي: strictly before; المقبل:
    strictly after; الحالي or a future cue: on or after.
    """
    back = (ref.isoweekday() - wd) % 7
    ahead = (wd - ref.isoweekday()) % 7
    if kind == "past":
        return ref - timedelta(days=back or 7)
    if kind == "next":
        return ref + timedelta(days=ahead or 7)
    if kind == "current" or future:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


@cache
def grammar() -> Grammar:
    """The grammar of the package's lexicon, compiled once."""
    return Grammar(lexicon())


def _with_li(phrase: str) -> str:
    """The phrase after the preposition ل: النصر -> للنصر, ميلاد بوتين -> لميلاد بوتين."""
    return "ل" + phrase[1:] if phrase.startswith("ال") else "ل" + phrase


def _without_li(phrase: str) -> str:
    """The inverse of :func:`_with_li` (a phrase that does not start with ل is returned as is)."""
    if phrase.startswith("لل"):
        return "ا" + phrase[1:]
    return phrase[1:] if phrase.startswith("ل") else phrase


def _calendar_day(occ: Occasion, year: int) -> date | None:
    """The occasion's day in a Gregorian ``year`` (Gregorian occasions only; 29 February -> None
    in other years)."""
    try:
        return date(year, occ.month, occ.day)
    except ValueError:
        return None


def _occurrence(occ: Occasion, ref: date, k: int) -> date | None:
    """The occasion in the ``k``-th year from the reference's (in its own calendar)."""
    if occ.calendar == "gregorian":
        return _calendar_day(occ, ref.year + k)
    hy = iv.hijri_year_of(ref)
    return iv.hijri_day(hy + k, occ.month, occ.day) if hy is not None else None

"""The language data of the time layer, loaded from ``data/time/*.yaml`` and checked.

Every word is normalized on load (the matcher only ever sees normalized
text), number words are expanded from their parts (units, teens, tens) so the
files stay short, and names that appear in two places with two meanings fail
the load.  A bad file raises :class:`~marsad.errors.DataFileError` naming the
file and the entry, when it is loaded, never in the middle of a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml
from marsad.text.normalize import normalize_word

Unit = Literal["day", "week", "month", "year", "decade", "century", "hour", "minute"]
Part = Literal["start", "middle", "end"]
Direction = Literal["now", "past", "future", "later"]
GranularityName = Literal["time", "day", "week", "month", "season", "year", "decade", "century"]
FILES = (
    "months",
    "hijri",
    "weekdays",
    "seasons",
    "numbers",
    "units",
    "relative",
    "periods",
    "occasions",
)

WordList = list[str]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_numbered(value: dict[int, WordList], lo: int, hi: int, what: str) -> dict[int, WordList]:
    missing = [k for k in range(lo, hi + 1) if k not in value]
    extra = [k for k in value if not lo <= k <= hi]
    if missing or extra:
        raise ValueError(
            f"{what} must be numbered {lo}..{hi} (missing {missing}, unexpected {extra})"
        )
    empty = [k for k, words in value.items() if not words]
    if empty:
        raise ValueError(f"{what} {empty} have no names")
    return value


class MonthSeries(_Model):
    name: str
    regions: WordList = Field(default_factory=list)
    months: dict[int, WordList]

    @field_validator("months")
    @classmethod
    def _twelve(cls, v: dict[int, WordList]) -> dict[int, WordList]:
        return _check_numbered(v, 1, 12, "months")


class MonthsFile(_Model):
    series: list[MonthSeries]
    ambiguous: WordList = Field(default_factory=list)


class HijriFile(_Model):
    months: dict[int, WordList]
    ambiguous: WordList = Field(default_factory=list)
    year_markers: WordList
    gregorian_markers: WordList

    @field_validator("months")
    @classmethod
    def _twelve(cls, v: dict[int, WordList]) -> dict[int, WordList]:
        return _check_numbered(v, 1, 12, "months")


class WeekdaysFile(_Model):
    weekdays: dict[int, WordList]
    week_starts: int = Field(ge=1, le=7)
    not_after: WordList = Field(default_factory=list)

    @field_validator("weekdays")
    @classmethod
    def _seven(cls, v: dict[int, WordList]) -> dict[int, WordList]:
        return _check_numbered(v, 1, 7, "weekdays")


class Season(_Model):
    months: tuple[int, int, int]
    names: WordList = Field(min_length=1)


class SeasonsFile(_Model):
    seasons: dict[Literal["spring", "summer", "autumn", "winter"], Season]
    not_before: WordList = Field(default_factory=list)


class NumbersFile(_Model):
    cardinals: dict[int, WordList]
    cardinal_units: dict[int, WordList]
    teen_suffixes: WordList
    ordinals: dict[int, WordList]
    ordinal_units: dict[int, WordList]
    ordinal_tens: dict[int, WordList]
    hours: dict[int, WordList]
    few: WordList
    few_after: WordList
    not_year_after: WordList
    not_year_before: WordList

    @field_validator("ordinals")
    @classmethod
    def _ten(cls, v: dict[int, WordList]) -> dict[int, WordList]:
        return _check_numbered(v, 1, 10, "ordinals")

    @field_validator("cardinal_units", "ordinal_units")
    @classmethod
    def _nine(cls, v: dict[int, WordList]) -> dict[int, WordList]:
        return _check_numbered(v, 1, 9, "units")

    @field_validator("hours")
    @classmethod
    def _twelve(cls, v: dict[int, WordList]) -> dict[int, WordList]:
        return _check_numbered(v, 1, 12, "hours")


class UnitForms(_Model):
    singular: WordList
    dual: WordList
    plural: WordList
    counted: WordList


class VagueCount(_Model):
    few: tuple[int, int]
    window: int = Field(gt=0)


class UnitsFile(_Model):
    units: dict[Unit, UnitForms]
    vague: dict[Unit, VagueCount]


class VagueEntry(_Model):
    words: WordList = Field(min_length=1)
    direction: Direction
    days: int = Field(ge=0)
    granularity: GranularityName


class Modifiers(_Model):
    past: WordList
    next: WordList
    current: WordList
    recent: WordList
    following: WordList
    preceding: WordList
    same: WordList


class Clock(_Model):
    am: WordList
    pm: WordList
    noon: WordList
    zones: WordList
    zone_names: WordList


class RelativeFile(_Model):
    deictic: dict[str, int]
    parts_of_day: WordList
    modifiers: Modifiers
    demonstratives: WordList
    date_prepositions: WordList
    today_not_after: WordList
    today_not_before: WordList
    approximately: WordList
    clock: Clock
    same_before: WordList
    then: WordList
    future_cues: WordList
    vague: list[VagueEntry]


class PeriodsFile(_Model):
    parts: dict[Part, WordList]
    subranges: dict[
        Literal["week", "month", "season", "year", "decade", "century"],
        dict[Part, tuple[int, int]],
    ]
    fractions: dict[str, int]
    last: WordList
    decades: dict[int, WordList]
    default_century: int = Field(ge=1, le=30)
    centuries: dict[int, WordList]


class OccasionEntry(_Model):
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    since: int | None = Field(default=None, ge=1, le=2100)
    names: WordList = Field(default_factory=list)
    anniversary: WordList = Field(default_factory=list)

    @model_validator(mode="after")
    def _some_name(self) -> OccasionEntry:
        if not self.names and not self.anniversary:
            raise ValueError("an occasion needs names or anniversary phrases")
        return self


class OccasionsFile(_Model):
    occasions: dict[str, OccasionEntry]


M = TypeVar("M", bound=_Model)


def _read(name: str, model: type[M], folder: Path | None) -> M:
    path = (folder / f"{name}.yaml") if folder is not None else data_path("time", f"{name}.yaml")
    doc = load_yaml(path, f"marsad/time/{name}")
    body = {k: v for k, v in doc.items() if k not in ("schema", "version")}
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise DataFileError(f"{where}: {first['msg']}", source=str(path)) from exc


def _norm(word: str) -> str:
    return normalize_word(word)


def _index(
    groups: Mapping[Any, Iterable[str]], path: str, into: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Map every normalized word to its key; a word under two keys is a data error."""
    out: dict[str, Any] = {} if into is None else into
    for key, words in groups.items():
        for word in words:
            n = _norm(word)
            if not n:
                raise DataFileError(f"empty word under {key!r}", source=path)
            if out.get(n, key) != key:
                raise DataFileError(
                    f"{word!r} is listed under both {out[n]!r} and {key!r}", source=path
                )
            out[n] = key
    return out


@dataclass(frozen=True, slots=True)
class UnitWord:
    unit: Unit
    form: Literal["singular", "dual", "plural", "counted"]


@dataclass(frozen=True, slots=True)
class Vague:
    direction: Direction
    days: int
    granularity: GranularityName


@dataclass(frozen=True, slots=True)
class Occasion:
    """A day that recurs every year (see ``occasions.yaml``)."""

    key: str
    calendar: Literal["gregorian", "hijri"]
    month: int
    day: int
    since: int | None
    standalone: bool  # named by itself (عيد النصر), not only after ذكرى (ذكرى ميلاد بوتين)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word the time grammar knows, normalized, with its value."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    hijri_ambiguous: frozenset[str]
    hijri_markers: frozenset[str]
    gregorian_markers: frozenset[str]
    weekdays: dict[str, int]
    week_starts: int
    weekday_not_after: frozenset[str]
    seasons: dict[str, tuple[int, int, int]]
    season_blockers: frozenset[str]
    cardinals: dict[str, int]
    definite_cardinals: dict[str, int]
    ordinals: dict[str, int]
    hours: dict[str, int]
    few: frozenset[str]
    few_after: frozenset[str]
    not_year_after: tuple[str, ...]
    not_year_before: frozenset[str]
    units: dict[str, UnitWord]
    vague_counts: dict[str, VagueCount]
    deictic: dict[str, int]
    parts_of_day: frozenset[str]
    modifiers: dict[str, str]  # word -> past | next | current | following | preceding | same
    recent: frozenset[str]
    demonstratives: frozenset[str]
    date_prepositions: frozenset[str]
    today_not_after: frozenset[str]
    today_not_before: frozenset[str]
    approximately: frozenset[str]
    clock: dict[str, str]  # word -> am | pm | noon | zone | zone-name
    period_units: dict[str, str]  # العام -> year: "the" + a unit names the current/last/next one
    same_before: frozenset[str]
    then: frozenset[str]
    future_cues: frozenset[str]
    vague: dict[str, Vague]
    parts: dict[str, Part]
    subranges: dict[str, dict[Part, tuple[int, int]]]
    fractions: dict[str, int]
    last: frozenset[str]
    decades: dict[str, int]
    default_century: int
    centuries: dict[str, int]
    occasions: dict[str, Occasion]  # normalized phrase -> the day it names

    def __hash__(self) -> int:
        return id(self)


def _numbers(nf: NumbersFile, path: str) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Cardinals and ordinals 1-99 from their parts, and definite cardinals (الأربعة)."""
    card: dict[int, list[str]] = {k: list(v) for k, v in nf.cardinals.items()}
    for u in range(3, 10):
        card[10 + u] = [f"{w} {t}" for w in nf.cardinal_units[u] for t in nf.teen_suffixes]
    for tens in range(20, 100, 10):
        for u in range(1, 10):
            card[tens + u] = [
                f"{w}{sep}{t}"
                for w in nf.cardinal_units[u]
                for t in nf.cardinals.get(tens, [])
                for sep in (" و", " و ")
            ]
    ordn: dict[int, list[str]] = {k: list(v) for k, v in nf.ordinals.items()}
    for u in range(1, 10):
        ordn[10 + u] = [f"{w} {t}" for w in nf.ordinal_units[u] for t in nf.teen_suffixes]
    for tens, words in nf.ordinal_tens.items():
        ordn[tens] = list(words)
        for u in range(1, 10):
            ordn[tens + u] = [f"{w} و{t}" for w in nf.ordinal_units[u] for t in words]
    definite = {k: [f"ال{w}" for w in v] for k, v in card.items() if 2 <= k <= 12}
    return _index(card, path), _index(ordn, path), _index(definite, path)


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Load and check every time data file (from ``folder`` instead of the package's if given)."""
    where = str(folder or data_path("time"))
    mf = _read("months", MonthsFile, folder)
    hf = _read("hijri", HijriFile, folder)
    wf = _read("weekdays", WeekdaysFile, folder)
    sf = _read("seasons", SeasonsFile, folder)
    nf = _read("numbers", NumbersFile, folder)
    uf = _read("units", UnitsFile, folder)
    rf = _read("relative", RelativeFile, folder)
    pf = _read("periods", PeriodsFile, folder)
    of = _read("occasions", OccasionsFile, folder)

    months: dict[str, int] = {}
    for series in mf.series:
        _index(series.months, f"{where}/months.yaml", months)
    unknown = [w for w in mf.ambiguous if _norm(w) not in months]
    if unknown:
        raise DataFileError(
            f"ambiguous names {unknown} are not month names", source=f"{where}/months.yaml"
        )

    hijri = _index(hf.months, f"{where}/hijri.yaml")
    seasons: dict[str, tuple[int, int, int]] = {}
    for s in sf.seasons.values():
        for name in s.names:
            seasons[_norm(name)] = s.months

    units: dict[str, UnitWord] = {}
    for unit, forms in uf.units.items():
        for form in ("singular", "dual", "plural", "counted"):
            for w in getattr(forms, form):
                n = _norm(w)
                # a counted form may repeat the singular (سنة): the singular reading wins
                units.setdefault(n, UnitWord(unit, form))

    mods: dict[str, str] = {}
    for kind in ("past", "next", "current", "following", "preceding", "same"):
        for w in getattr(rf.modifiers, kind):
            mods.setdefault(_norm(w), kind)
    vague: dict[str, Vague] = {}
    for entry in rf.vague:
        for w in entry.words:
            vague[_norm(w)] = Vague(entry.direction, entry.days, entry.granularity)

    cardinals, ordinals, definite = _numbers(nf, f"{where}/numbers.yaml")
    centuries = dict(ordinals)
    _index(pf.centuries, f"{where}/periods.yaml", centuries)

    def nset(words: Iterable[str]) -> frozenset[str]:
        return frozenset(_norm(w) for w in words)

    return Lexicon(
        months=months,
        ambiguous_months=nset(mf.ambiguous),
        hijri_months=hijri,
        hijri_ambiguous=nset(hf.ambiguous),
        hijri_markers=nset(hf.year_markers),
        gregorian_markers=nset(hf.gregorian_markers),
        weekdays=_index(wf.weekdays, f"{where}/weekdays.yaml"),
        week_starts=wf.week_starts,
        weekday_not_after=nset(wf.not_after),
        seasons=seasons,
        season_blockers=nset(sf.not_before),
        cardinals=cardinals,
        definite_cardinals=definite,
        ordinals=ordinals,
        hours=_index(nf.hours, f"{where}/numbers.yaml"),
        few=nset(nf.few),
        few_after=nset(nf.few_after),
        not_year_after=tuple(sorted(nset(nf.not_year_after), key=len, reverse=True)),
        not_year_before=nset(nf.not_year_before),
        units=units,
        vague_counts={str(k): v for k, v in uf.vague.items()},
        deictic={_norm(k): v for k, v in rf.deictic.items()},
        parts_of_day=nset(rf.parts_of_day),
        modifiers=mods,
        recent=nset(rf.modifiers.recent),
        demonstratives=nset(rf.demonstratives),
        date_prepositions=nset(rf.date_prepositions),
        today_not_after=nset(rf.today_not_after),
        today_not_before=nset(rf.today_not_before),
        approximately=nset(rf.approximately),
        clock=_index(
            {
                "am": rf.clock.am,
                "pm": rf.clock.pm,
                "noon": rf.clock.noon,
                "zone": rf.clock.zones,
                "zone-name": rf.clock.zone_names,
            },
            f"{where}/relative.yaml",
        ),
        period_units={
            "ال" + _norm(w): unit
            for unit, forms in uf.units.items()
            if unit not in ("hour", "minute")
            for w in forms.singular
        },
        same_before=nset(rf.same_before),
        then=nset(rf.then),
        future_cues=nset(rf.future_cues),
        vague=vague,
        parts=_index(pf.parts, f"{where}/periods.yaml"),
        subranges={k: dict(v) for k, v in pf.subranges.items()},
        fractions={_norm(k): v for k, v in pf.fractions.items()},
        last=nset(pf.last),
        decades=_index(pf.decades, f"{where}/periods.yaml"),
        default_century=pf.default_century,
        centuries=centuries,
        occasions=_occasions(of, f"{where}/occasions.yaml"),
    )


def _occasions(of: OccasionsFile, path: str) -> dict[str, Occasion]:
    """Every phrase of ``occasions.yaml``, normalized, with the day it names; a phrase under two
    occasions is a data error."""
    out: dict[str, Occasion] = {}
    for key, entry in of.occasions.items():
        for standalone, words in ((True, entry.names), (False, entry.anniversary)):
            for word in words:
                n = _norm(word)
                if not n:
                    raise DataFileError(f"empty phrase under {key!r}", source=path)
                seen = out.get(n)
                if seen is not None and seen.key != key:
                    raise DataFileError(
                        f"{word!r} is listed under both {seen.key!r} and {key!r}", source=path
                    )
                if seen is None or standalone:
                    out[n] = Occasion(
                        key, entry.calendar, entry.month, entry.day, entry.since, standalone
                    )
    return out


@cache
def lexicon() -> Lexicon:
    """The package's time lexicon, loaded once."""
    return load_lexicon()

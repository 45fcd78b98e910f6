"""The event lexicon: the CAMEO table (code, label, Goldstein weight, PLOVER category, quad class),
the trigger file (Arabic forms per CAMEO code) and the modality cues, all package data with schema checks."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from marsad.errors import DataFileError
from marsad.resources import data_path, load_entries, load_yaml
from marsad.text.match import build_automaton
from marsad.text.normalize import normalize_headword, normalize_word

PLOVER = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    label: str
    goldstein: float
    plover: str
    quad: int


class Refine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cue: list[str]
    cameo: str


class TriggerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    cameo: str
    gloss_en: str
    verbs: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    participles: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    target_preps: list[str] = Field(default_factory=list)
    symmetric: bool = False
    requires: list[str] = Field(default_factory=list)
    requires_window: int = 4  # how many words after the trigger `requires` looks at
    excludes: list[str] = Field(default_factory=list)
    refine: list[Refine] = Field(default_factory=list)
    # a verbal noun whose construct complement is the one acted upon (اغتيال الحريري: the victim),
    # not its agent as in زيارة بوتين
    patient_genitive: bool = False
    # verb forms of this entry that are passive (أصيب، اغتيل): what follows them is the one acted upon
    passive: list[str] = Field(default_factory=list)
    # verb forms spelled like this entry's verbal noun (قتل، خطف، قصف): read as the noun where the
    # word before calls for a noun (see ``masdar_before`` in the modality file)
    masdar: list[str] = Field(default_factory=list)
    # the act is reported by its toll even when no one is named as its author ("قتل 28 شخصا")
    agentless: bool = False

    @field_validator("cameo")
    @classmethod
    def _code(cls, v: str) -> str:
        if not (v.isdigit() and 2 <= len(v) <= 4):
            raise ValueError(f"{v!r} is not a CAMEO code")
        return v


ActKind = Literal["violence", "protest"]


class GenericGroup(BaseModel):
    """Common nouns that stand for an actor no lexicon names (مسلحون، الشرطة، متظاهرون).

    Violence and protest are reported with such agents far more often than with named states;
    the event stage makes one actor per group and document, with the group's code.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    name_en: str
    code: str
    agent_of: list[ActKind] = Field(default_factory=list)
    target_of: list[ActKind] = Field(default_factory=list)
    # the word names the means of an attack (a car bomb, a suicide bomber) and so stands for its
    # authors wherever it is in the clause, not only in the subject's place
    instrument: bool = False
    forms: list[str]

    @field_validator("code")
    @classmethod
    def _generic_code(cls, v: str) -> str:
        if not v.startswith("---"):
            raise ValueError(f"{v!r}: a generic actor's code has no country part (---REB)")
        return v


@dataclass(frozen=True, slots=True)
class TriggerForm:
    entry: int  # index into EventLexicon.triggers
    kind: str  # verb | noun | participle | phrase
    # the form of a noun in ة before a pronoun suffix, where the ة is written ت (زيارته، رحلتها):
    # it matches only with that suffix
    construct: bool = False


@dataclass(frozen=True, slots=True)
class EntryCues:
    """The normalized cue and form lists of one trigger entry, folded once per lexicon.

    The event stage tests these for every trigger it meets (several dozen an article); folding
    each list again at every test cost more than the tests themselves.  Every field is the
    folding the rules spell out, so an entry's cues equal what the rules would compute.
    """

    requires: tuple[str, ...]  # normalize_word of each `requires` cue, in file order
    excludes: tuple[str, ...]
    refine: tuple[tuple[tuple[str, ...], str], ...]  # (normalized cues, CAMEO code) in file order
    target_preps: tuple[str, ...]  # normalized; empty when the entry names none
    verbs: frozenset[str]
    passive: frozenset[str]
    masdar: frozenset[str]
    # first words of the verbs and phrases: a dual verb is one of them with a dual ending
    heads: frozenset[str]

    @classmethod
    def of(cls, entry: TriggerEntry) -> EntryCues:
        return cls(
            requires=tuple(normalize_word(w) for w in entry.requires),
            excludes=tuple(normalize_word(w) for w in entry.excludes),
            refine=tuple((tuple(normalize_word(c) for c in r.cue), r.cameo) for r in entry.refine),
            target_preps=tuple(normalize_word(p) for p in entry.target_preps),
            verbs=frozenset(normalize_word(v) for v in entry.verbs),
            passive=frozenset(normalize_word(v) for v in entry.passive),
            masdar=frozenset(normalize_word(v) for v in entry.masdar),
            heads=frozenset(
                n.split()[0] for f in (*entry.verbs, *entry.phrases) if (n := normalize_word(f))
            ),
        )


@dataclass
class EventLexicon:
    cameo: dict[str, Cameo]
    triggers: list[TriggerEntry]
    modality: dict[str, Any]
    forms: dict[str, list[TriggerForm]] = field(default_factory=lambda: defaultdict(list))
    generic: list[GenericGroup] = field(default_factory=list)
    generic_forms: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _automaton: Any = None
    _generic_automaton: Any = None
    _words: dict[tuple[str, str | None, bool], frozenset[str]] = field(default_factory=dict)
    _verb_forms: frozenset[str] | None = None
    # id(entry) -> (entry, its cues); the entry is kept to tell a reused id from the same entry
    _cues: dict[int, tuple[TriggerEntry, EntryCues]] = field(default_factory=dict)
    _dual_words: dict[str, frozenset[str]] | None = None
    _spaced: dict[tuple[str, str | None], tuple[str, ...]] = field(default_factory=dict)
    _entry_verbs: dict[int, frozenset[str]] = field(default_factory=dict)
    _hamza_final: frozenset[str] | None = None
    _clause_openers: re.Pattern[str] | None = None

    def automaton(self) -> Any:
        if self._automaton is None:
            self._automaton = build_automaton(self.forms.items())
        return self._automaton

    def generic_automaton(self) -> Any:
        """Matcher of the generic actor nouns; values are indexes into ``generic``."""
        if self._generic_automaton is None:
            self._generic_automaton = build_automaton(self.generic_forms.items())
        return self._generic_automaton

    def nominal(self, form: str) -> bool:
        """Whether a trigger phrase (normalized) is a noun phrase ("هجوم انتحاري") rather than a
        verb phrase ("شن غارة"، "فجر نفسه"): its first word is neither a trigger verb nor one of
        the modality file's ``light_verbs``."""
        return not self.is_verb(form.split()[0])

    def is_verb(self, word: str) -> bool:
        """Whether a normalized word is a verb form of some trigger or a light verb."""
        if self._verb_forms is None:
            self._verb_forms = frozenset(
                normalize_word(v) for t in self.triggers for v in t.verbs
            ) | self.words("light_verbs")
        return word in self._verb_forms

    def clause_openers(self) -> re.Pattern[str]:
        """The planned cues that end in أن (من المتوقع أن، من المقرر أن), as one pattern of whole
        words that a و or ف may lead: each opens a clause whose acts are expected."""
        if self._clause_openers is None:
            cues = sorted(
                (w for w in self.words("planned", "before") if w.endswith(" ان")), key=len
            )
            alternatives = "|".join(re.escape(c) for c in reversed(cues)) or "(?!)"
            self._clause_openers = re.compile(rf"(?:^|(?<=\s))[وف]?(?:{alternatives})(?=\s|$)")
        return self._clause_openers

    def hamza_final(self) -> frozenset[str]:
        """Normalized verb forms written in the trigger file with a final hamza on alif (هنأ،
        بدأ): normalized they read as another word (هنا، "here"), so the text must have the hamza
        where the form ends."""
        if self._hamza_final is None:
            self._hamza_final = frozenset(
                normalize_word(v) for t in self.triggers for v in t.verbs if v.endswith("أ")
            )
        return self._hamza_final

    def verb_forms(self, entry: int) -> frozenset[str]:
        """The normalized verb forms of trigger entry ``entry`` (its index), kept."""
        got = self._entry_verbs.get(entry)
        if got is None:
            got = self._entry_verbs[entry] = frozenset(
                normalize_word(v) for v in self.triggers[entry].verbs
            )
        return got

    def words(self, key: str, part: str | None = None, *, head: bool = False) -> frozenset[str]:
        """A cue list of the modality file, normalized (``words("background", "before")``); with
        ``head``, each cue without its article, to compare with a word's headword."""
        cached = self._words.get((key, part, head))
        if cached is None:
            value: Any = self.modality.get(key) or []
            if part is not None:
                value = (value.get(part) if isinstance(value, dict) else None) or []
            fold = normalize_headword if head else normalize_word
            cached = frozenset(fold(w) for w in value)
            self._words[(key, part, head)] = cached
        return cached

    def cues(self, entry: TriggerEntry) -> EntryCues:
        """The entry's cue and form lists, normalized (folded on first use, then kept)."""
        got = self._cues.get(id(entry))
        if got is None or got[0] is not entry:
            got = (entry, EntryCues.of(entry))
            self._cues[id(entry)] = got
        return got[1]

    def dual_kinds(self, word: str) -> frozenset[str]:
        """The kinds of the ``duals`` cue lists (``persons``, ``states`` ...) whose headwords hold
        ``word``: one look-up instead of one per kind."""
        return self._duals().get(word, frozenset())

    def has_dual(self, text: str) -> bool:
        """Whether a normalized stretch holds a dual headword at all (a substring test that
        spares reading it word by word when it holds none)."""
        return any(map(text.__contains__, self._duals()))

    def _duals(self) -> dict[str, frozenset[str]]:
        if self._dual_words is None:
            kinds: dict[str, set[str]] = {}
            for k in self.modality.get("duals") or {}:
                for w in self.words("duals", k, head=True):
                    kinds.setdefault(w, set()).add(k)
            self._dual_words = {w: frozenset(ks) for w, ks in kinds.items()}
        return self._dual_words

    def spaced(self, key: str, part: str | None = None) -> tuple[str, ...]:
        """:meth:`words`, each cue between two spaces: to find whole words in a spaced window."""
        cached = self._spaced.get((key, part))
        if cached is None:
            cached = self._spaced[(key, part)] = tuple(f" {w} " for w in self.words(key, part))
        return cached

    def code(self, code: str) -> Cameo:
        """The CAMEO record of a code (a 4-digit code missing from the table falls back to its parent)."""
        c = code
        while c and c not in self.cameo:
            c = c[:-1]
        if not c:
            raise KeyError(code)
        return self.cameo[c]

    def __hash__(self) -> int:
        return id(self)


def load_cameo(path: Path) -> dict[str, Cameo]:
    out: dict[str, Cameo] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            if reader.fieldnames != ["code", "label_en", "goldstein", "plover", "quad"]:
                raise DataFileError(
                    f"header is {reader.fieldnames}, expected code label_en goldstein plover quad",
                    source=str(path),
                )
            for n, row in enumerate(reader, start=2):
                code = row["code"]
                try:
                    g = float(row["goldstein"])
                    quad = int(row["quad"])
                except (TypeError, ValueError) as exc:
                    raise DataFileError(f"line {n}: bad number: {exc}", source=str(path)) from exc
                if (
                    not (code.isdigit() and 2 <= len(code) <= 4)
                    or row["plover"] not in PLOVER
                    or quad not in (1, 2, 3, 4)
                    or not -10 <= g <= 10
                ):
                    raise DataFileError(f"line {n}: bad row {row}", source=str(path))
                out[code] = Cameo(code, row["label_en"], g, row["plover"], quad)
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc}", source=str(path)) from exc
    return out


def load_triggers(path: Path) -> list[TriggerEntry]:
    return load_entries(path, "marsad/events/triggers", TriggerEntry)


def load_event_lexicon(
    cameo_path: Path | None = None,
    triggers_path: Path | None = None,
    modality_path: Path | None = None,
) -> EventLexicon:
    cameo = load_cameo(cameo_path or data_path("events", "cameo.tsv"))
    triggers = load_triggers(triggers_path or data_path("events", "triggers.yaml"))
    mpath = modality_path or data_path("events", "modality.yaml")
    modality = load_yaml(mpath, "marsad/events/modality")
    lex = EventLexicon(cameo, triggers, modality)
    for i, item in enumerate(modality.get("generic_agents") or []):
        try:
            group = GenericGroup.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise DataFileError(
                f"generic_agents[{i}]: {where}: {first['msg']}", source=str(mpath)
            ) from exc
        lex.generic.append(group)
        for f in group.forms:
            lex.generic_forms[normalize_headword(f)].append(i)
    seen: set[str] = set()
    for i, t in enumerate(triggers):
        if t.id in seen:
            raise DataFileError(f"trigger id {t.id!r} is defined twice", source=str(triggers_path))
        seen.add(t.id)
        stray = [f for f in (*t.passive, *t.masdar) if f not in t.verbs]
        if stray:
            raise DataFileError(
                f"trigger {t.id!r}: passive/masdar form(s) {stray} are not among its verbs",
                source=str(triggers_path),
            )
        for code in [t.cameo, *(r.cameo for r in t.refine)]:
            try:
                lex.code(code)
            except KeyError:
                raise DataFileError(
                    f"trigger {t.id!r}: CAMEO code {code} is not in the CAMEO table",
                    source=str(triggers_path),
                ) from None
        for kind, forms in (
            ("verb", t.verbs),
            ("noun", t.nouns),
            ("participle", t.participles),
            ("phrase", t.phrases),
        ):
            for f in forms:
                # nouns lose their article (the matcher accepts ال as a proclitic); verbs such as
                # التقى begin with the same two letters and keep them
                n = normalize_headword(f) if kind in ("noun", "participle") else normalize_word(f)
                if n:
                    lex.forms[n].append(TriggerForm(i, kind))
                if kind == "noun" and f.endswith("ة") and n:
                    lex.forms[n[:-1] + "ت"].append(TriggerForm(i, kind, construct=True))
    if triggers_path is None:
        # the package's lists of trigger ids must name the package's triggers: a typo would do
        # nothing (a trigger file of one's own may leave some out)
        for key in ("framing", "requests", "purposes"):
            unknown = [x for x in modality.get(key) or [] if x not in seen]
            if unknown:
                raise DataFileError(f"{key}: {unknown} are not trigger ids", source=str(mpath))
    return lex


@cache
def get_event_lexicon() -> EventLexicon:
    return load_event_lexicon()

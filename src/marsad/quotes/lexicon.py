"""Quote cues and the tone lexicon: package data files with a schema check at load."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from marsad.resources import data_path, load_entries
from marsad.text.match import build_automaton
from marsad.text.normalize import normalize_headword, normalize_word


class CueEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Literal["verb", "participle", "source", "relay", "anaphor"]
    forms: list[str] = Field(min_length=1)
    continuation: bool = False
    refers: Literal["media", "person"] | None = None


class ToneEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    weight: float = Field(ge=-1, le=1)
    forms: list[str] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    continuation: bool
    needs_l: bool = False  # "وفقا لـ": the next word carries the preposition ل glued to the speaker


@dataclass
class QuoteLexicon:
    cues: dict[str, list[Cue]] = field(default_factory=lambda: defaultdict(list))
    anaphors: dict[str, str] = field(default_factory=dict)  # normalized noun -> media | person
    tone: dict[str, float] = field(default_factory=dict)
    _cue_automaton: Any = None
    _tone_automaton: Any = None

    def cue_automaton(self) -> Any:
        if self._cue_automaton is None:
            self._cue_automaton = build_automaton(self.cues.items())
        return self._cue_automaton

    def tone_automaton(self) -> Any:
        if self._tone_automaton is None:
            self._tone_automaton = build_automaton((f, [w]) for f, w in self.tone.items())
        return self._tone_automaton

    def __hash__(self) -> int:
        return id(self)


def load_quote_lexicon(
    cues_path: Path | None = None, tone_path: Path | None = None
) -> QuoteLexicon:
    lex = QuoteLexicon()
    for e in load_entries(
        cues_path or data_path("quotes", "cues.yaml"), "marsad/quotes/cues", CueEntry
    ):
        if e.kind == "anaphor":
            for f in e.forms:
                lex.anaphors[normalize_headword(f)] = e.refers or "person"
            continue
        for f in e.forms:
            n = normalize_word(f).replace(" لـ", " ل")
            if n.endswith(" ل"):  # وفقا لجورافليف: match وفقا, then ask for ل on the next word
                lex.cues[n[:-2]].append(Cue(e.kind, e.continuation, needs_l=True))
            else:
                lex.cues[n].append(Cue(e.kind, e.continuation))
    for t in load_entries(
        tone_path or data_path("quotes", "tone.yaml"), "marsad/quotes/tone", ToneEntry
    ):
        for f in t.forms:
            lex.tone[normalize_headword(f) if " " not in f.strip() else normalize_word(f)] = (
                t.weight
            )
    return lex


@cache
def get_quote_lexicon() -> QuoteLexicon:
    return load_quote_lexicon()

"""Cities and regions (data/places/places.yaml): the file, the matcher, and what the events stage
does with them — an event's place and the state a coercive act with no named agent is done by.
Every sentence here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from marsad.errors import DataFileError
from marsad.model import Document, DocumentMeta
from marsad.pipeline import analyze
from marsad.places import after_preposition, gazetteer, load_places
from marsad.resources import data_path
from marsad.text.normalize import normalize, normalize_word

PLACES = data_path("places", "places.yaml")
COUNTRIES = data_path("actors", "countries.yaml")

SMALL = """schema: marsad/places
version: 1
place_nouns: [مدينة, محافظة]
prepositions: [في, قرب]
places:
  - {name: يكاترينبورغ, variants: [إيكاترينبورغ], country: RUS, kind: city}
  - {name: أكتاو, variants: [اكتاو], country: KAZ, kind: city}
  - {name: صور, country: LBN, kind: city, ambiguous: true}
"""


def _small(tmp_path: Path, text: str = SMALL) -> Path:
    path = tmp_path / "places.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _found(text: str, path: Path) -> list[tuple[str, str]]:
    return [
        (text[h.start : h.end], h.place.country) for h in load_places(path).find(normalize(text))
    ]


def test_names_variants_and_clitics_are_found(tmp_path: Path) -> None:
    path = _small(tmp_path)
    text = "اعتقلت الشرطة رجلين في إيكاترينبورغ، ووصل الوفد بيكاترينبورغ ثم اكتاو."
    assert _found(text, path) == [
        ("إيكاترينبورغ", "RUS"),
        ("يكاترينبورغ", "RUS"),
        ("اكتاو", "KAZ"),
    ]
    # a name inside a longer word is no place
    assert _found("قالت الأكتاوية إن", path) == []


def test_an_ambiguous_name_needs_a_place_noun(tmp_path: Path) -> None:
    path = _small(tmp_path)
    assert _found("نشرت الوكالة صور الاجتماع", path) == []
    assert _found("قصفت الطائرات مدينة صور", path) == [("صور", "LBN")]


def test_place_prepositions() -> None:
    text = "وقع الهجوم قرب أكتاو، ثم في مدينة يكاترينبورغ، وبالقرب من داغستان، وصولا إلى سوتشي"
    starts = {w: text.index(w) for w in ("أكتاو", "يكاترينبورغ", "داغستان", "سوتشي")}
    assert after_preposition(text, starts["أكتاو"])
    assert after_preposition(text, starts["يكاترينبورغ"])
    assert after_preposition(text, starts["داغستان"])
    assert not after_preposition(text, starts["سوتشي"])  # إلى says where to, not where


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("schema: marsad/places", "schema: marsad/place", "schema"),
        ("country: KAZ", "country: kaz", "country"),
        ("kind: city}\n  - {name: صور", "kind: town}\n  - {name: صور", "kind"),
        ("variants: [اكتاو]", "variants: [يكاترينبورغ]", "listed under both"),
        ("prepositions: [في, قرب]", "prepositions: []", "prepositions"),
    ],
)
def test_a_bad_file_fails_naming_it(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in SMALL
    path = _small(tmp_path, SMALL.replace(old, new, 1))
    with pytest.raises(DataFileError, match=message) as info:
        load_places(path)
    assert "places.yaml" in str(info.value)


def test_the_package_file_is_consistent_with_the_states() -> None:
    """Every place lies in a state of countries.yaml and no name is a state's name or capital."""
    states = yaml.safe_load(COUNTRIES.read_text(encoding="utf-8"))
    entries = states["entries"]
    codes = {c["code"] for c in entries}
    state_names = {
        normalize_word(w)
        for c in entries
        for w in [c["name"], *c.get("variants", []), *c.get("capitals", [])]
    }
    places = gazetteer().places
    assert len(places) > 300
    assert {p.country for p in places.values()} <= codes
    clashes = sorted(set(places) & state_names)
    assert not clashes, clashes


def _event_of(text: str, trigger: str) -> tuple[list[str], list[str], str | None]:
    a = analyze(Document(text, text, DocumentMeta(published="2025-07-10")))
    for e in a.events:
        if a.span(*e.trigger) == trigger:
            place = a.span(*e.location) if e.location else None
            return e.source, e.target, place
    raise AssertionError(f"no event {trigger!r} in {[a.span(*e.trigger) for e in a.events]}")


def test_an_event_takes_the_city_it_happened_near() -> None:
    text = "وأسقطت الدفاعات الجوية الأذربيجانية طائرة مسيرة روسية قرب أكتاو أمس."
    assert _event_of(text, "وأسقطت")[2] == "أكتاو"


def test_an_arrest_with_no_agent_is_done_by_the_state_of_the_city() -> None:
    text = (
        "وقالت باكو إن روسيا تضغط عليها. "
        "وتصاعد التوتر بعد اعتقال مواطنين أذربيجانيين في مدينة يكاترينبورغ."
    )
    source, target, place = _event_of(text, "اعتقال")
    assert source == ["RUS"] and target and "RUS" not in target
    assert place == "يكاترينبورغ"


def test_a_place_of_another_clause_is_not_the_event_place() -> None:
    text = (
        "وانتقدت موسكو القرارات التي اتخذتها باكو، بينما تواصل الشرطة عملها "
        "في مدينة يكاترينبورغ منذ أسابيع."
    )
    assert _event_of(text, "وانتقدت")[2] is None


def test_a_place_just_before_the_trigger_places_it() -> None:
    text = "وفي مدينة يكاترينبورغ اعتقلت الشرطة الروسية صحفيين أذربيجانيين."
    assert _event_of(text, "اعتقلت")[2] == "يكاترينبورغ"

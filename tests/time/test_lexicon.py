"""The time data files: they load, every entry is reachable, a bad file fails naming itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from marsad.errors import DataFileError
from marsad.resources import data_path
from marsad.time import resolve
from marsad.time.lexicon import FILES, lexicon, load_lexicon

DATA = data_path("time")


def _names(file: str, key: str) -> list[tuple[int, str]]:
    doc = yaml.safe_load((DATA / file).read_text(encoding="utf-8"))
    if file == "months.yaml":
        return [(n, w) for s in doc["series"] for n, ws in s["months"].items() for w in ws]
    return [(n, w) for n, ws in doc[key].items() for w in ws]


def test_every_file_has_schema_and_version() -> None:
    for name in FILES:
        doc = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
        assert doc["schema"] == f"marsad/time/{name}" and doc["version"] == 1


def test_lexicon_loads_and_expands_numbers() -> None:
    lex = lexicon()
    assert lex.ordinals["الحادي والعشرين"] == 21
    assert lex.ordinals["الثالث عشر"] == 13
    assert lex.cardinals["خمسه وعشرين"] == 25
    assert lex.months["كانون الاول"] == 12 and lex.months["دجنبر"] == 12


@pytest.mark.parametrize(("number", "name"), _names("months.yaml", ""))
def test_every_month_name_is_read(number: int, name: str) -> None:
    found = resolve(f"وقع ذلك في 3 {name} 2021 كما قيل.", None)
    assert [(e.date_from.month, e.date_from.day) for e in found] == [(number, 3)], name


@pytest.mark.parametrize(("number", "name"), _names("hijri.yaml", "months"))
def test_every_hijri_month_name_is_read(number: int, name: str) -> None:
    found = resolve(f"صدر القرار في 5 {name} 1445 هـ.", None)
    assert len(found) == 1 and found[0].rule == "hijri-date", name


@pytest.mark.parametrize(("number", "name"), _names("weekdays.yaml", "weekdays"))
def test_every_weekday_is_read(number: int, name: str) -> None:
    from datetime import date

    found = resolve(f"وصل الوفد يوم {name} إلى العاصمة.", date(2024, 8, 19))
    assert len(found) == 1 and found[0].date_from.isoweekday() == number, name


def test_every_season_deictic_and_vague_word_is_read() -> None:
    from datetime import date

    ref = date(2024, 8, 19)
    lex = lexicon()
    for name in lex.seasons:
        text = f"في {name} الماضي" if name.startswith("ال") else f"في {name} 2020"
        assert resolve(text, ref), name
    for word in lex.deictic:
        if word in ("غد", "الامس"):  # only with يوم / بـ before them
            word = "يوم " + word
        assert resolve(f"قال الوزير {word} إن الحوار مستمر", ref), word
    for word in lex.vague:
        assert resolve(f"قال الوزير {word} إن الحوار مستمر", ref), word


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "time"
    shutil.copytree(DATA, folder)
    return folder


def test_package_data_loads_from_a_folder(tmp_path: Path) -> None:
    assert load_lexicon(_copy(tmp_path)).months == lexicon().months


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("months.yaml", "schema: marsad/time/months", "schema: marsad/time/month", "schema"),
        ("months.yaml", "version: 1", "version: 7", "version"),
        (
            "months.yaml",
            "      12: [كانون الأول, كانون أول]",
            "      13: [كانون الأول, كانون أول]",
            "numbered 1..12",
        ),
        ("months.yaml", "      5: [أيار]", "      5: [أيار, حزيران]", "listed under both"),
        ("weekdays.yaml", "week_starts: 1", "week_starts: 9", "week_starts"),
        ("relative.yaml", "direction: now", "direction: sideways", "direction"),
        ("numbers.yaml", "few: [", "fewer: [", "few"),
        ("periods.yaml", "default_century: 20", "default_century: twenty", "default_century"),
    ],
)
def test_a_bad_file_fails_naming_it(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = _copy(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(folder)
    assert file in str(err.value) and message in str(err.value)


def test_a_broken_yaml_file_fails_naming_it(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "seasons.yaml").write_text("schema: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"seasons\.yaml"):
        load_lexicon(folder)


def test_every_unit_decade_and_part_word_is_read() -> None:
    from datetime import date

    ref = date(2024, 8, 19)
    lex = lexicon()
    for word, unit in lex.units.items():
        if unit.unit == "minute":
            continue  # minutes never change the day; they have no date of their own
        phrase = {"singular": f"قبل {word}", "dual": f"قبل {word}", "plural": f"قبل 3 {word}"}.get(
            unit.form, f"قبل 15 {word}"
        )
        assert resolve(f"وقع الحادث {phrase} في المدينة", ref), phrase
    for word in lex.decades:
        assert resolve(f"في ال{word} كانت المدينة صغيرة", ref), word
    for word in lex.parts:
        assert resolve(f"اجتمعوا في {word} 2020 في جنيف", ref), word

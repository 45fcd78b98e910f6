"""BIO tagging from the actor recognizer, its scoring helpers, and ``marsad tag``.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from marsad.actors.bio import looks_like_conll, prf, read_conll, spans, tag_sentences
from marsad.cli import build_app
from tests.conftest import REPO, shared_path


def _tag(sentence: str) -> list[tuple[str, str]]:
    tokens = sentence.split()
    return list(zip(tokens, tag_sentences([tokens])[0], strict=True))


def _entities(sentence: str) -> list[tuple[str, str]]:
    """The tagged entities of one sentence as (surface, type), in order."""
    tokens = sentence.split()
    tags = tag_sentences([tokens])[0]
    return [(" ".join(tokens[s:e]), t) for s, e, t in sorted(spans(tags))]


# -- tag_sentences -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a known person after a title and a demonym: the name only, not the title
        (
            "استقبل الرئيس الروسي فلاديمير بوتين ضيفه صباح اليوم",
            [("فلاديمير بوتين", "PER")],
        ),
        # an unknown name after a title becomes a person
        (
            "أعلن المتحدث باسم الحكومة كريم منصور أن الاتفاق قريب",
            [("كريم منصور", "PER")],
        ),
        # a capital is a place
        ("وصل الوفد التركي إلى طهران مساء أمس", [("طهران", "LOC")]),
        # an IGO, and an IGO with the preposition لل glued on
        ("دعت الأمم المتحدة إلى وقف القتال فورا", [("الأمم المتحدة", "ORG")]),
        (
            "وجه الوزير رسالة للأمم المتحدة ولحلف شمال الأطلسي",
            [("للأمم المتحدة", "ORG"), ("ولحلف شمال الأطلسي", "ORG")],
        ),
        # a media outlet
        ("ونقلت وكالة رويترز عن مصدر مطلع", [("وكالة رويترز", "ORG")]),
        # a state organ built from a head and a demonym
        ("أدانت وزارة الخارجية الروسية الهجوم", [("وزارة الخارجية الروسية", "ORG")]),
        # a seat of power stands for an organisation
        ("وقال بيان صادر عن الكرملين إن اللقاء مثمر", [("الكرملين", "ORG")]),
        # proclitics in front of a name stay inside its token
        ("وبموسكو عقد الاجتماع ، وفي باكو أيضا", [("وبموسكو", "LOC"), ("باكو", "LOC")]),
        ("أشاد المبعوث بالسعودية وبقطر", [("بالسعودية", "LOC"), ("وبقطر", "LOC")]),
        # a region of the Americas is a place, not the United States
        ("جال الوزير في أمريكا اللاتينية", [("أمريكا اللاتينية", "LOC")]),
    ],
)
def test_entities(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _entities(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an office resolved to its holder is an actor, not a name
        "قال الرئيس الأمريكي إن الحوار مستمر",
        # plural demonyms and collectives stand for a state or a group, not a name
        "وقال الروس والمسؤولون الأتراك إن اللقاء مفيد",
        "وعاد اللاجئون السوريون إلى قراهم",
        # a country name inside a nisba adjective, or with an article it never takes
        "سجل اللاعب البرتغالي هدفا في المباراة",
        "زارت الفرقة السورية عدة مدن",
        # a short name inside a longer ordinary word (وفا in وفاة)
        "أعلن عن وفاة الفنان المعروف",
        # the West is a bloc, not a place
        "انتقد الوزير سياسات الغرب",
    ],
)
def test_actors_that_are_not_names(sentence: str) -> None:
    assert _entities(sentence) == []


def test_multi_token_names_continue_with_inside_tags() -> None:
    got = _tag("اجتمع وزير الخارجية الأمريكي مع الأمين العام لحلف شمال الأطلسي في بروكسل")
    tags = [t for _, t in got]
    i = [w for w, _ in got].index("لحلف")
    assert tags[i : i + 3] == ["B-ORG", "I-ORG", "I-ORG"]
    # every I- continues an entity of the same type
    for prev, cur in zip(["O", *tags], tags, strict=False):
        if cur.startswith("I-"):
            assert prev[2:] == cur[2:], got


def test_adjacent_entities_each_begin() -> None:
    got = _tag("التقى سيرغي لافروف هاكان فيدان في أنقرة")
    assert [t for _, t in got] == ["O", "B-PER", "I-PER", "B-PER", "I-PER", "O", "B-LOC"]


def test_one_tag_per_token_and_sentences_kept_apart() -> None:
    sentences = [["وصل", "إلى", "موسكو"], [], ["."], ["غادر", "واشنطن"]]
    tags = tag_sentences(sentences)
    assert [len(t) for t in tags] == [3, 0, 1, 2]
    assert tags[0][2] == "B-LOC" and tags[3][1] == "B-LOC"


# -- read_conll / looks_like_conll ----------------------------------------------


def test_read_conll_takes_the_first_column_and_splits_on_blank_lines() -> None:
    text = "وصل O\nالوفد O B-X\n\n\nإلى O\nطهران B-GPE\n"
    assert read_conll(text) == [["وصل", "الوفد"], ["إلى", "طهران"]]


def test_read_conll_without_trailing_blank_line() -> None:
    assert read_conll("أ\nب") == [["أ", "ب"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل\tO\nالوفد\tO\nإلى\tO\nطهران\tB-LOC\n\nثم\tO\n", True),
        ("وصل\nالوفد\nإلى\nطهران\n.\n", True),  # tokens only
        ("قرية B-GPE\nدير O\nمدينة I-OCC B-GPE I-X I-Y I-Z\nنابلس O\n", True),  # nested layers
        ("وصل الوفد\nإلى طهران\nمساء أمس\nبعد رحلة\n", False),  # short lines of words
        ("وصل الوفد إلى طهران مساء أمس بعد رحلة طويلة.\nوبدأت المحادثات اليوم.\n", False),
        ("", False),
        ("قصير\nقصير\n", False),  # too few lines to tell
    ],
)
def test_looks_like_conll(text: str, expected: bool) -> None:
    assert looks_like_conll(text) is expected


# -- spans / prf ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["B-LOC", "B-LOC"], {(0, 1, "LOC"), (1, 2, "LOC")}),
        # an I- that does not continue its type opens a new entity (conlleval)
        (["O", "I-ORG", "I-ORG"], {(1, 3, "ORG")}),
        (["B-PER", "I-LOC"], {(0, 1, "PER"), (1, 2, "LOC")}),
        (["B-ORG", "I-ORG"], {(0, 2, "ORG")}),  # entity running to the end
        ([], set()),
        (["O", "O"], set()),
    ],
)
def test_spans(tags: list[str], expected: set[tuple[int, int, str]]) -> None:
    assert spans(tags) == expected


def test_prf_counts_exact_span_and_type() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]
    r = prf(gold, pred)
    assert (r["LOC"]["tp"], r["LOC"]["fp"], r["LOC"]["fn"]) == (1, 1, 0)
    assert (r["PER"]["tp"], r["PER"]["fp"], r["PER"]["fn"]) == (0, 1, 1)  # partial span
    assert (r["ORG"]["tp"], r["ORG"]["fp"], r["ORG"]["fn"]) == (0, 0, 1)
    overall = r["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 2, 2)
    assert overall["precision"] == pytest.approx(1 / 3)
    assert overall["recall"] == pytest.approx(1 / 3)
    assert overall["f1"] == pytest.approx(1 / 3)
    assert r["LOC"]["f1"] == pytest.approx(2 / 3)
    assert r["LOC"]["support"] == 1


def test_prf_perfect_and_empty() -> None:
    tags = [["B-ORG", "I-ORG", "O"]]
    assert prf(tags, tags)["overall"]["f1"] == 1.0
    empty = prf([["O"]], [["O"]])
    assert empty == {
        "overall": {
            "tp": 0,
            "fp": 0,
            "fn": 0,
            "support": 0,
            "precision": 0.0,
            "recall": 0.0,
            "f1": 0.0,
        }
    }


def test_prf_rejects_misaligned_input() -> None:
    with pytest.raises(ValueError, match="sentence 0"):
        prf([["O", "O"]], [["O"]])
    with pytest.raises(ValueError, match="gold sentences"):
        prf([["O"]], [])


# -- marsad tag ---------------------------------------------------------------------


def _rows(output: str) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in output.splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        tok, tag = line.split("\t")
        sentences[-1].append((tok, tag))
    return [s for s in sentences if s]


def test_cli_tag_plain_text(tmp_path: Path) -> None:
    f = tmp_path / "news.txt"
    f.write_text(
        "وصل وزير الخارجية إلى وبموسكو، ثم التقى سيرغي لافروف.\n"
        "وقالت الأمم المتحدة إن الوضع خطير.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(build_app(), ["tag", str(f)])
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    assert len(rows) == 2
    first = dict(rows[0])
    assert first["وبموسكو"] == "B-LOC"
    assert first["،"] == "O"  # punctuation is its own token
    assert (first["سيرغي"], first["لافروف"]) == ("B-PER", "I-PER")
    assert [t for w, t in rows[1] if w in ("الأمم", "المتحدة")] == ["B-ORG", "I-ORG"]


def test_cli_tag_conll_keeps_the_tokens(tmp_path: Path) -> None:
    f = tmp_path / "news.conll"
    f.write_text(
        "غادر\tO\nالوفد\tO\nالأذربيجاني\tO\nباكو\tB-LOC\n\n"
        "ودعت\tO\nمنظمة\tB-ORG\nالصحة\tI-ORG\nالعالمية\tI-ORG\nإلى\tO\nالحذر\tO\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(build_app(), ["tag", str(f)])
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    assert [w for w, _ in rows[0]] == ["غادر", "الوفد", "الأذربيجاني", "باكو"]
    assert [t for _, t in rows[0]] == ["O", "O", "O", "B-LOC"]
    assert [t for _, t in rows[1]] == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]


def test_cli_tag_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(build_app(), ["tag", str(tmp_path / "absent.txt")])
    assert result.exit_code != 0


# -- benchmarks/ner_eval.py on the shared development data ----------------------------


@cache
def _ner_eval() -> ModuleType:
    """The benchmark script as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("ner_eval", REPO / "benchmarks" / "ner_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["ner_eval"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_ner_eval_maps_gold_tags() -> None:
    ne = _ner_eval()
    assert ne.wojood_tag(["B-PERS"]) == "B-PER"
    assert ne.wojood_tag(["I-GPE", "B-ORG"]) == "I-LOC"  # the outer layer only
    assert ne.wojood_tag(["O", "B-GPE"]) == "O"
    assert ne.wojood_tag(["B-NORP"]) == "O"
    assert ne.aqmar_tag(["I--ORG"]) == "I-ORG"  # a stray spelling in AQMAR
    assert ne.aqmar_tag(["B-MIS1"]) == "O"
    assert ne.aqmar_tag(["OO"]) == "O"


@pytest.mark.shared
def test_ner_eval_runs_on_wojood_val(capsys: pytest.CaptureFixture[str]) -> None:
    path = shared_path("external", "ner", "wojood_sample", "val.txt")
    ne = _ner_eval()
    ds = ne.read_dataset(path, "wojood")
    assert len(ds.tokens) == len(ds.gold) > 100
    assert all(len(t) == len(g) for t, g in zip(ds.tokens, ds.gold, strict=True))
    assert {t[2:] for g in ds.gold for t in g if t != "O"} == {"PER", "LOC", "ORG"}
    assert ne.main([str(path), "--format", "wojood", "--limit", "20", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["sentences"] == 20 and "overall" in out[0]["scores"]


def test_ner_eval_names_missing_data(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="data not found"):
        _ner_eval().main([str(tmp_path / "absent.txt"), "--format", "aqmar"])

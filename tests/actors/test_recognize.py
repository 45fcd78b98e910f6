from __future__ import annotations

from pathlib import Path

import pytest

from marsad.actors import load_lexicon, recognize
from marsad.errors import DataFileError
from marsad.model import Analysis, Document, DocumentMeta
from marsad.text.segment import segment

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def lex():  # type: ignore[no-untyped-def]
    return load_lexicon([HERE / "lexicon"], include_package=False)


def _run(lex, text: str, published: str | None = "2024-08-19") -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    doc = Document(text, text, DocumentMeta(published=published))
    a = Analysis.of(doc)
    a.segmentation = segment(text)
    recognize(a, lex)
    for m in a.mentions:
        assert a.text[m.start : m.end]  # offsets point at text
    return [(text[m.start : m.end], m.actor, a.actors[m.actor].code) for m in a.mentions]


def test_names_with_clitics_and_boundaries(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(lex, "وصل وبوتين إلى موسكو ثم لروسيا وبموسكو، وليس إلى موسكوفيا.")
    assert ("بوتين", "putin_vladimir", "RUSGOV") in got
    assert [g for g in got if g[1] == "RUS"] == [
        ("موسكو", "RUS", "RUS"),
        ("روسيا", "RUS", "RUS"),
        ("موسكو", "RUS", "RUS"),
    ]


def test_longest_match_first(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(lex, "أسس حيدر علييف الدولة، وورث علييف الحكم.")
    assert got == [("حيدر علييف", "aliyev_heydar", "AZEGOV"), ("علييف", "aliyev_ilham", "AZEGOV")]


@pytest.mark.parametrize(
    ("published", "person"),
    [("2019-03-01", "trump_donald"), ("2022-03-01", "biden_joe"), ("2025-06-01", "trump_donald")],
)
def test_title_and_country_resolve_by_date(lex, published: str, person: str) -> None:  # type: ignore[no-untyped-def]
    got = _run(lex, "قال الرئيس الأمريكي إن بلاده مستعدة.", published)
    assert got == [("الرئيس الأمريكي", person, "USAGOV")]


def test_organs_take_the_sector(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(
        lex,
        "ردت السلطات الأذربيجانية ووزارة الخارجية الروسية، وقال الجانب الروسي إن القوات الروسية انسحبت.",
    )
    assert ("السلطات الأذربيجانية", "aze_authorities", "AZEGOV") in got
    assert ("وزارة الخارجية الروسية", "rus_mfa", "RUSGOV") in got
    assert ("الجانب الروسي", "RUS", "RUS") in got
    assert ("القوات الروسية", "rus_forces", "RUSMIL") in got


def test_unknown_person_from_title_and_surname_later(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(
        lex, "وقال المتحدث باسم الكرملين دميتري بيسكوف إن الأمر خطير. وأضاف بيسكوف أنه ينتظر."
    )
    assert ("الكرملين", "rus_الكرملين", "RUSGOV") in got
    assert ("دميتري بيسكوف", "per:دميتري_بيسكوف", "RUSGOV") in got
    assert ("بيسكوف", "per:دميتري_بيسكوف", "RUSGOV") in got


def test_expert_title_gives_civilian_sector(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(lex, "ويرى الخبير الاقتصادي الروسي ألكسندر رازوفاييف أن التعاون مفيد.")
    assert ("ألكسندر رازوفاييف", "per:الكسندر_رازوفاييف", "RUSCVL") in got


def test_counterpart(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(lex, "استقبل الرئيس فلاديمير بوتين نظيره الأذربيجاني في موسكو.")
    assert ("نظيره الأذربيجاني", "aliyev_ilham", "AZEGOV") in got


def test_title_before_a_capital_is_not_a_construct(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(lex, "وزار الرئيس موسكو، واستقبل رئيس أذربيجان إلهام علييف.")
    assert ("موسكو", "RUS", "RUS") in got
    assert ("إلهام علييف", "aliyev_ilham", "AZEGOV") in got
    assert all(g[1] != "putin_vladimir" for g in got)


def test_plural_demonym_is_the_country(lex) -> None:  # type: ignore[no-untyped-def]
    assert _run(lex, "يرى الروس أن") == [("الروس", "RUS", "RUS")]


def test_bad_lexicon_file_fails_at_load(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "schema: marsad/actors/people\nversion: 1\nentries:\n"
        "  - {id: x_y, name_en: X, name: س, country: RUS, offices: [{role: tsar, sector: GOV}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"mine\.yaml.*entries\[0\].*role"):
        load_lexicon([tmp_path], include_package=False)


def test_unknown_schema_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "schema: marsad/actors/planets\nversion: 1\nentries: []\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="unknown actor file kind"):
        load_lexicon([tmp_path], include_package=False)


def test_user_folder_extends_without_code(lex, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "local.yaml").write_text(
        "schema: marsad/actors/organizations\nversion: 1\nentries:\n"
        "  - {id: local_paper, code: AZEMED, name_en: Local Paper, name: صحيفة المرصد المحلية}\n",
        encoding="utf-8",
    )
    lex2 = load_lexicon([HERE / "lexicon", tmp_path], include_package=False)
    assert _run(lex2, "نشرت صحيفة المرصد المحلية تقريرا.") == [
        ("صحيفة المرصد المحلية", "local_paper", "AZEMED")
    ]


def test_name_in_apposition_before_a_title(lex) -> None:  # type: ignore[no-untyped-def]
    got = _run(lex, "وقال محمود السالم، الخبير الاقتصادي، إن الأسعار سترتفع.")
    assert ("محمود السالم", "per:محمود_السالم", "---CVL") in got

"""Encodings are detected, never guessed silently wrong."""

from __future__ import annotations

import codecs

import pytest

from marsad.errors import InputError
from marsad.ingest.decode import decode_bytes, plausibility
from tests.ingest.conftest import ARTICLE, BODY

# ISO-8859-6 holds neither © nor « »
TEXT = ARTICLE.replace("©", "(c)").replace("«", '"').replace("»", '"')


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 (with BOM)"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le (no BOM)"),
        (TEXT.encode("utf-16-be"), "utf-16-be (no BOM)"),
        (TEXT.encode("cp1256"), "windows-1256"),
        (TEXT.encode("iso8859_6"), "iso-8859-6"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom-le",
        "utf16-bom-be",
        "utf16le",
        "utf16be",
        "cp1256",
        "iso8859-6",
    ],
)
def test_every_encoding_gives_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, source="a.txt")
    assert decoded.encoding == encoding
    assert decoded.text == TEXT
    assert decoded.warnings == []


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_one_short_sentence_in_a_legacy_code_page_is_read_right(encoding: str) -> None:
    sentence = "استدعت الخارجية السفير وسلمته مذكرة احتجاج"
    assert decode_bytes(sentence.encode(encoding), source="s.txt").text == sentence


def test_windows_line_ends_are_normalized() -> None:
    decoded = decode_bytes(TEXT.replace("\n", "\r\n").encode("cp1256"), source="crlf.txt")
    assert decoded.text == TEXT


def test_the_wrong_code_page_is_not_plausible() -> None:
    data = BODY[0].encode("iso8859_6")
    assert plausibility(data.decode("iso8859_6")) > 0.99
    assert plausibility(data.decode("cp1256")) < 0.9
    assert plausibility(BODY[0].encode("utf-8").decode("cp1256", errors="replace")) < 0.9


def test_a_declared_charset_that_lies_is_not_believed() -> None:
    data = BODY[1].encode("cp1256")
    assert decode_bytes(data, source="p.html", declared="iso-8859-6").encoding == "windows-1256"


def test_random_bytes_are_rejected_with_the_reason() -> None:
    data = bytes(range(128, 256)) * 40
    with pytest.raises(InputError) as err:
        decode_bytes(data, source="junk.txt")
    assert str(err.value).startswith("junk.txt: undecodable")


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning() -> None:
    good = (BODY[0] + "\n" + BODY[1]).encode("utf-8")
    data = good[:100] + b"\xff" + good[100:]
    decoded = decode_bytes(data, source="a.txt")
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text
    assert decoded.warnings and "invalid UTF-8" in decoded.warnings[0]


def test_control_characters_are_not_text() -> None:
    with pytest.raises(InputError, match="not text"):
        decode_bytes(bytes(range(1, 9)) * 200, source="ctl.txt")

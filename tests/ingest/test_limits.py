"""Inputs that are not articles are turned away from their size and first bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest.limits import Limits, binary_kind, check_file, read_file

MAGIC = [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"abc\x00\x01\x02def", "NUL"),
]


@pytest.mark.parametrize(("head", "kind"), MAGIC, ids=[k for _, k in MAGIC])
def test_binary_formats_are_named(head: bytes, kind: str) -> None:
    found = binary_kind(head)
    assert found is not None and kind in found


def test_gzip_is_allowed_for_warc_gz() -> None:
    assert binary_kind(b"\x1f\x8b\x08\x00", gzip_ok=True) is None


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_not_binary(encoding: str) -> None:
    assert binary_kind("Mosque and market: news of the day".encode(encoding)) is None


def test_text_starting_with_mz_is_text() -> None:
    assert binary_kind(b"MZ is how this sentence starts, and it is plain text.") is None


def test_too_large_is_rejected_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: costs no disk and no time
        fh.truncate(200 * 1024 * 1024)
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self.name)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(InputError, match="too large") as err:
        read_file(big, Limits())
    assert "huge.txt" in str(err.value)
    assert opened == []


def test_the_limit_is_configurable(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("خبر قصير " * 100, encoding="utf-8")
    check_file(p, Limits(max_bytes=10_000))
    with pytest.raises(InputError, match="too large"):
        check_file(p, Limits(max_bytes=100))


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        check_file(empty, Limits())
    with pytest.raises(InputError, match="no such file"):
        check_file(tmp_path / "missing.txt", Limits())

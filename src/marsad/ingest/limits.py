"""Checks an input passes before it is read: it exists, is not empty, not too big, not binary.

A batch of thousands of files always holds a few that are not articles: a
PDF saved with the wrong name, an image, an archive, an empty file, a dump of
hundreds of megabytes.  Each is turned away here with a reason that names it,
from the file's size and its first bytes only, so a 200 MB file costs a
``stat`` and one small read, not a decoding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 8192

# (magic prefix, what it is); checked in order
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or a Word/Excel/EPUB file)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"BZh", "BZIP2 archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits on one input; ``max_bytes`` is configurable (``marsad ingest --max-size``)."""

    max_bytes: int = DEFAULT_MAX_BYTES


def binary_kind(head: bytes, *, gzip_ok: bool = False) -> str | None:
    """What binary format ``head`` (the first bytes of a file) is, or ``None`` for text.

    ``gzip_ok`` lets a gzip stream through (a ``.warc.gz`` file).  Text with NUL
    bytes is binary unless it is UTF-16 (with a BOM, or with the zero bytes of
    UTF-16 at every other position).
    """
    for magic, kind in MAGIC:
        if head.startswith(magic):
            if kind == "GZIP archive" and gzip_ok:
                return None
            if kind == "Windows executable" and not _looks_like_pe(head):
                continue
            return kind
    if b"\x00" in head and not head.startswith(_UTF16_BOMS) and not _utf16_zeros(head):
        return "binary data (NUL bytes)"
    return None


def _looks_like_pe(head: bytes) -> bool:
    # "MZ" is also how a text can start; a PE file has a zero-filled header after it.
    return len(head) >= 64 and head[2:64].count(0) > 20


def _utf16_zeros(head: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is the high byte of Latin (0x00) or Arabic (0x06)."""
    even, odd = head[0::2], head[1::2]

    def high(bs: bytes) -> float:
        return (bs.count(0) + bs.count(6)) / max(1, len(bs))

    return (high(odd) > 0.6 and even.count(0) == 0) or (high(even) > 0.6 and odd.count(0) == 0)


def check_file(path: Path, limits: Limits, *, gzip_ok: bool = False) -> int:
    """Check ``path`` before reading it; return its size or raise :class:`InputError` naming it."""
    source = str(path)
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise InputError("no such file or directory", source=source) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    if not path.is_file():
        raise InputError("not a regular file", source=source)
    if st.st_size == 0:
        raise InputError("empty file", source=source)
    if st.st_size > limits.max_bytes:
        raise InputError(
            f"too large: {st.st_size / 1e6:.1f} MB is over the limit of {limits.max_bytes / 1e6:.1f} MB "
            "(raise it with --max-size)",
            source=source,
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    kind = binary_kind(head, gzip_ok=gzip_ok)
    if kind:
        raise InputError(f"binary file ({kind}), not an article", source=source)
    return st.st_size


def read_file(path: Path, limits: Limits, *, gzip_ok: bool = False) -> bytes:
    """The bytes of a file that passed :func:`check_file` (read once, bounded by the limit)."""
    check_file(path, limits, gzip_ok=gzip_ok)
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    if len(data) > limits.max_bytes:  # grew while we looked
        raise InputError("too large: over the size limit", source=str(path))
    return data


def check_bytes(data: bytes, source: str, limits: Limits) -> None:
    """The same checks for bytes that did not come from a file (a URL, a WARC record)."""
    if not data.strip():
        raise InputError("empty", source=source)
    if len(data) > limits.max_bytes:
        raise InputError(
            f"too large: over the limit of {limits.max_bytes / 1e6:.1f} MB", source=source
        )
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind:
        raise InputError(f"binary content ({kind}), not an article", source=source)

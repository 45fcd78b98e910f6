"""Bytes to text: detect the encoding of an Arabic (or Latin) article, never silently wrong.

Arabic news files arrive as UTF-8 (with or without a byte-order mark), UTF-16
(usually with one), and in the two legacy Arabic code pages, Windows-1256 and
ISO-8859-6.  The legacy pages decode almost any byte string without error, so
"it decoded" proves nothing: each candidate decoding is scored for how much it
looks like real text (letters of one script, few control characters, a normal
share of diacritics, the usual most frequent Arabic letters) and the best one is
kept only when it is clearly plausible.  When no candidate is, the input is
rejected with the reason; when a guess had to be made, a warning says so.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field

from marsad.errors import InputError

# How plausible a decoding must be (share of characters that belong in text).
MIN_PLAUSIBLE = 0.97
# At most this share of invalid UTF-8 byte sequences is repaired (with a warning).
MAX_REPAIRED_SHARE = 0.002
MAX_REPAIRED_SEQUENCES = 16

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NAMES = {
    "utf-8-sig": "utf-8 (with BOM)",
    "utf-16": "utf-16",
    "utf-32": "utf-32",
    "utf-8": "utf-8",
    "utf-16-le": "utf-16-le (no BOM)",
    "utf-16-be": "utf-16-be (no BOM)",
    "cp1256": "windows-1256",
    "iso8859_6": "iso-8859-6",
}
_ALIASES = {
    "windows-1256": "cp1256",
    "cp1256": "cp1256",
    "iso-8859-6": "iso8859_6",
    "iso8859-6": "iso8859_6",
    "arabic": "iso8859_6",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}

_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
_HARAKAT = re.compile(r"[\u064b-\u0652]")
_LATIN_HIGH = re.compile(r"[\u00c0-\u00ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# characters that belong in news text of any of the scripts we read
_GOOD = re.compile(
    r"[\t\n\r -~\u00a0-\u00ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
    r"\u2000-\u206f\u20ac\u2122\u2190-\u21ff\u25a0-\u25ff\ufe0f\u0400-\u04ff\u0370-\u03ff]"
)
_C1 = re.compile(r"[\u0080-\u009f\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
# the most frequent letters of written Arabic (alef, lam, yaa, meem, waw, noon, haa, taa marbuta)
_FREQUENT_ARABIC = set("اليمونهة")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text (newlines normalized, BOM removed), the encoding used and what to warn about."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def plausibility(text: str) -> float:
    """Share of ``text`` that looks like real text in the decoding that produced it (0..1).

    Characters outside the scripts of news text, control characters and
    replacement marks count against it; so do the signatures of a wrong code
    page: Latin letters with accents glued to Arabic letters (ISO-8859-6 read
    as Windows-1256), a flood of diacritics (Windows-1256 read as ISO-8859-6),
    Latin-1 letters where a Latin text would have plain ASCII ones (Arabic read
    as Latin-1), and Arabic whose most frequent letters are not the usual ones.
    Counting is done once per distinct character, so this is cheap.
    """
    n = len(text)
    if n == 0:
        return 0.0
    sample = text if n <= 200_000 else text[:100_000] + text[-100_000:]
    n = len(sample)
    counts = Counter(sample)
    bad = arabic = harakat = latin = latin_high = 0
    arabic_counts: list[tuple[int, str]] = []
    for ch, k in counts.items():
        if not _GOOD.match(ch):
            bad += k
        if _C1.match(ch):
            bad += 4 * k
        if _ARABIC_LETTER.match(ch):
            arabic += k
            arabic_counts.append((k, ch))
        elif _HARAKAT.match(ch):
            harakat += k
        elif _LATIN_HIGH.match(ch):
            latin_high += k
            latin += k
        elif _LATIN.match(ch):
            latin += k
    if arabic:
        # accented Latin letters inside Arabic text are mojibake
        bad += 3 * latin_high
        excess = harakat - 0.25 * arabic
        if excess > 0:
            bad += int(excess)
        if arabic >= 60:
            top = {c for _, c in sorted(arabic_counts, reverse=True)[:4]}
            if len(top & _FREQUENT_ARABIC) < 2:
                bad += arabic // 4
    elif latin >= 20 and latin_high > 0.3 * latin:
        bad += latin_high
    return max(0.0, 1.0 - bad / n)


def control_share(text: str) -> float:
    """Share of control characters (not tab or newline): binary data decoded as text is full of them."""
    sample = text[:100_000]
    return len(_C1.findall(sample)) / max(1, len(sample))


def _normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the byte pattern says so (every other byte 0x00 or 0x06)."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:8192]
    even = sample[0::2]
    odd = sample[1::2]

    def share(bs: bytes) -> float:
        return (bs.count(0) + bs.count(6)) / max(1, len(bs))

    if share(odd) > 0.6 and share(even) < 0.2:
        return "utf-16-le"
    if share(even) > 0.6 and share(odd) < 0.2:
        return "utf-16-be"
    return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _repair_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few invalid byte sequences: decode with U+FFFD and count them."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad == 0:
        return None
    if bad > MAX_REPAIRED_SEQUENCES or bad > MAX_REPAIRED_SHARE * max(1, len(data)):
        return None
    if plausibility(text.replace("\ufffd", "")) < MIN_PLAUSIBLE:
        return None
    return text, bad


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> Decoded:
    """Decode an article's bytes, detecting the encoding; raise :class:`InputError` when unsure.

    ``declared`` is an encoding named by the container (an HTTP header, an HTML
    ``<meta charset>``): it is tried first but kept only if its result is
    plausible, since pages often declare the wrong one.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _try(data, enc)
            if text is None:
                raise InputError(
                    f"undecodable: starts with a {_NAMES[enc]} byte-order mark but is not valid {enc}",
                    source=source,
                )
            return Decoded(_normalize_newlines(text.lstrip("\ufeff")), _NAMES[enc])
    # UTF-16 without a BOM first: Arabic and ASCII in it are all bytes below 0x80, valid UTF-8 too
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _try(data, utf16)
        if text is not None and plausibility(text) >= MIN_PLAUSIBLE:
            return Decoded(_normalize_newlines(text), _NAMES[utf16])
    text = _try(data, "utf-8")
    if text is not None:
        if control_share(text) > 0.05:
            raise InputError(
                "not text: valid UTF-8 but mostly control or unassigned characters", source=source
            )
        return Decoded(_normalize_newlines(text), "utf-8")
    repaired = _repair_utf8(data)
    if repaired is not None:
        fixed, bad = repaired
        return Decoded(
            _normalize_newlines(fixed),
            "utf-8",
            [f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD"],
        )
    warnings: list[str] = []
    candidates: list[tuple[float, str, str]] = []
    declared_codec = _ALIASES.get((declared or "").strip().lower())
    order = ["cp1256", "iso8859_6"]
    if declared_codec in order:
        order.remove(declared_codec)
        order.insert(0, declared_codec)
    for enc in order:
        decoded = _try(data, enc)
        if decoded is not None:
            candidates.append((plausibility(decoded), enc, decoded))
    candidates.sort(key=lambda c: -c[0])
    if candidates and candidates[0][0] >= MIN_PLAUSIBLE:
        score, enc, decoded = candidates[0]
        if (
            len(candidates) > 1
            and candidates[1][0] >= MIN_PLAUSIBLE
            and score - candidates[1][0] < 0.005
        ):
            warnings.append(
                f"encoding ambiguous between {_NAMES[enc]} and {_NAMES[candidates[1][1]]}; read as {_NAMES[enc]}"
            )
        return Decoded(_normalize_newlines(decoded), _NAMES[enc], warnings)
    guessed = _guess_other(data)
    if guessed is not None:
        return guessed
    best = (
        f" (best guess {_NAMES[candidates[0][1]]} is only {candidates[0][0]:.0%} plausible)"
        if candidates
        else ""
    )
    raise InputError(
        "undecodable: not valid UTF-8 or UTF-16, and not plausible Windows-1256 or ISO-8859-6 text"
        + best,
        source=source,
    )


def _guess_other(data: bytes) -> Decoded | None:
    """Last resort for non-Arabic legacy encodings: ask charset-normalizer, and say it was a guess."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    match = from_bytes(data[:200_000]).best()
    if match is None or match.encoding in ("cp1256", "iso8859_6", "utf_8"):
        return None
    text = _try(data, match.encoding)
    if text is None or _ARABIC_LETTER.search(text) or plausibility(text) < MIN_PLAUSIBLE:
        return None
    return Decoded(
        _normalize_newlines(text),
        match.encoding,
        [f"encoding guessed as {match.encoding} (not an Arabic encoding; check the text)"],
    )

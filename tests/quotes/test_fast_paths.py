"""Finding quotation marks by jumping from mark to mark gives what the per-character scan gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.quotes.extract import _OPEN, _carry_over, _opens_straight, _rstrip, direct_spans


def ref_find_close(text: str, i: int, end: int, opener: str, closer: str) -> int:
    depth = 0
    while i < end:
        ch = text[i]
        if opener == "«" and ch == "«":
            depth += 1
        elif ch in closer:
            if closer == '"':
                nxt = text[i + 1] if i + 1 < end else " "
                prev = text[i - 1]
                if prev.isdigit() and nxt.isalpha():
                    i += 1
                    continue
                if prev.isspace() and not nxt.isspace():
                    return -2
                return i
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def ref_direct_spans(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    out: list[tuple[int, int, int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        closer: str | None = None
        if ch in _OPEN:
            closer = _OPEN[ch]
        elif ch == '"' and _opens_straight(text, i, start):
            closer = '"'
        if closer is None:
            i += 1
            continue
        j = ref_find_close(text, i + 1, end, ch, closer)
        if j == -2:
            i += 1
            continue
        if j < 0:
            out.append((i + 1, _rstrip(text, i + 1, end), i, -1))
            break
        out.append((i + 1, j, i, j))
        i = j + 1
    return out


def ref_carry_over(text: str, following: list[tuple[int, int]], opener: str) -> int | None:
    closer = _OPEN.get(opener, '"')
    for s, e in following[:3]:
        marks = [i for i in range(s, e) if text[i] in _OPEN or text[i] in '"»']
        if not marks:
            continue
        i = marks[0]
        if len(marks) == 1 and text[i] in closer and not text[i + 1 : e].strip(" .،؛"):
            return i
        return None
    return None


ALPHABET = "ابتسقلمنوي0123456789 ،." + '«»“”„\u201f"'


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=150), st.integers(0, 10))
def test_direct_spans_match_reference(text: str, cut: int) -> None:
    for start, end in (
        (0, len(text)),
        (min(cut, len(text)), max(min(cut, len(text)), len(text) - cut)),
    ):
        got = [(s.start, s.end, s.open_at, s.close_at) for s in direct_spans(text, start, end)]
        assert got == ref_direct_spans(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=4))
def test_carry_over_matches_reference(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 1
    for opener in ("«", "“", '"'):
        assert _carry_over(text, spans, opener) == ref_carry_over(text, spans, opener)

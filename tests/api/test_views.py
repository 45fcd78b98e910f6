"""The API's pure pieces: paging, filtered paging, parameter checks, error messages."""

from __future__ import annotations

import pytest

from marsad.api.errors import ApiError, error_body, validation_message
from marsad.api.params import (
    check_code,
    check_date,
    check_pair,
    check_range,
    check_root,
    period_end,
    period_start,
    split_pair,
)
from marsad.api.views import filtered_page, page


def test_page_uses_the_extra_row_only_to_say_there_is_more() -> None:
    assert page([1, 2, 3], limit=2, offset=4) == {
        "items": [1, 2],
        "limit": 2,
        "offset": 4,
        "count": 2,
        "total": None,
        "next_offset": 6,
    }
    last = page([1, 2], limit=2, offset=4, total=6)
    assert last["next_offset"] is None and last["total"] == 6


@pytest.mark.parametrize("batch", [1, 2, 3, 500])
def test_filtered_page_matches_slicing_the_filtered_list(batch: int) -> None:
    data = list(range(40))
    even = [x for x in data if x % 2 == 0]

    def fetch(n: int, at: int) -> list[int]:
        return data[at : at + n]

    for offset in (0, 3, 18, 25):
        got = filtered_page(fetch, lambda x: x % 2 == 0, limit=4, offset=offset, batch=batch)
        assert got == even[offset : offset + 5]


def test_dates() -> None:
    for ok in ("2025", "2025-02", "2024-02-29"):
        assert check_date(ok) == ok
    for bad in ("2025-13", "2025-02-30", "2023-02-29", "25-01-01", "2025/01/01", "0000"):
        with pytest.raises(ValueError):
            check_date(bad)
    assert check_date(None) is None
    assert (period_start("2025"), period_end("2025")) == ("2025-01-01", "2025-12-31")
    assert (period_start("2025-03"), period_end("2025-03")) == ("2025-03-01", "2025-03-31")
    check_range("2025-03", "2025-03")
    check_range("2025-03-31", "2025-03")
    with pytest.raises(ApiError):
        check_range("2025-04", "2025-03-31")


def test_codes_pairs_and_roots() -> None:
    assert check_code(" rus ") == "RUS"
    assert check_pair("rus,Aze") == "RUS,AZE"
    assert split_pair("RUS,AZE") == ("RUS", "AZE")
    assert split_pair(None) is None
    assert check_root("4") == "04" and check_root("20") == "20"
    for bad_code in ("R", "RUS1", "روسيا", "ABCDEFGHI"):
        with pytest.raises(ValueError):
            check_code(bad_code)
    for bad_pair in ("RUS", "RUS,", "RUS,AZE,IRN"):
        with pytest.raises(ValueError):
            check_pair(bad_pair)
    for bad_root in ("0", "00", "21", "٤", "x"):
        with pytest.raises(ValueError):
            check_root(bad_root)


def test_validation_message_names_the_parameters() -> None:
    message = validation_message(
        [
            {"loc": ("query", "limit"), "msg": "Input should be less than or equal to 1000"},
            {"loc": ("body", "published"), "msg": "Value error, must be an ISO date"},
            {"loc": ("body",), "msg": "Field required"},
        ]
    )
    assert message == (
        "query parameter 'limit': Input should be less than or equal to 1000; "
        "body field 'published': must be an ISO date; body: Field required"
    )
    assert error_body(404, "not_found", "gone") == {
        "error": {"status": 404, "code": "not_found", "message": "gone"}
    }

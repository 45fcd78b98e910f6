"""Query parameters of the API: their types, limits and checks, in one place.

Every parameter is checked before a query runs, so a bad value answers 422
with a message naming the parameter, and no value can ask the store for an
unbounded amount of work (limits and offsets are capped, strings are short).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from pydantic import AfterValidator

from marsad.api.errors import ApiError

MAX_PAGE = 1000  # most records one request returns
MAX_OFFSET = 1_000_000
MAX_SEARCH_OFFSET = 10_000  # search ranks limit+offset hits, so its offset is kept small
MAX_TEXT_PARAM = 200  # outlet names, speaker names, search queries
MAX_DOC_REF = 500  # a document id, key, key prefix or source name

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_CODE = re.compile(r"[A-Z]{2,8}")


def check_date(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real date (not only the right shape)."""
    if value is None:
        return None
    m = _DATE.fullmatch(value)
    if not m:
        raise ValueError(f"must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return value


def check_code(value: str) -> str:
    """A country or IGO code (``RUS``, ``EU``, ``NATO``), upper-cased."""
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise ValueError(
            f"must be a country or IGO code of 2-8 letters such as RUS or EU, got {value!r}"
        )
    return code


def check_pair(value: str | None) -> str | None:
    """``rus, aze`` -> ``RUS,AZE``: two codes separated by a comma."""
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 2:
        raise ValueError(f"must be two codes separated by a comma, such as RUS,AZE; got {value!r}")
    return f"{check_code(parts[0])},{check_code(parts[1])}"


def check_codes(value: str | None) -> str | None:
    """``rus,aze`` -> ``RUS,AZE``: one or more codes separated by commas."""
    if value is None:
        return None
    return ",".join(check_code(part) for part in value.split(","))


def split_pair(value: str | None) -> tuple[str, str] | None:
    """A checked pair string as the ``dyad`` tuple :func:`marsad.query.events` takes."""
    if value is None:
        return None
    a, b = value.split(",")
    return a, b


def check_root(value: str | None) -> str | None:
    """A CAMEO root, 01 to 20 (``4`` is read as ``04``)."""
    if value is None:
        return None
    if not (value.isascii() and value.isdigit() and 1 <= len(value) <= 2 and 1 <= int(value) <= 20):
        raise ValueError(f"must be a CAMEO root from 01 to 20, got {value!r}")
    return value.zfill(2)


def period_start(value: str) -> str:
    """The first day a partial date covers: ``2025-03`` -> ``2025-03-01``."""
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def period_end(value: str) -> str:
    """The last day a partial date can cover, as a string bound: ``2025-03`` -> ``2025-03-31``."""
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


def check_range(date_from: str | None, date_to: str | None) -> None:
    """``from`` must not come after ``to`` (compared over the days each one covers)."""
    if date_from and date_to and period_start(date_from) > period_end(date_to):
        raise ApiError(
            422,
            "invalid_parameter",
            f"query parameter 'from' ({date_from}) comes after 'to' ({date_to})",
        )


Limit = Annotated[
    int, Query(ge=1, le=MAX_PAGE, description=f"Most records to return (1-{MAX_PAGE}).")
]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="Records to skip (for the next page).")
]
DateFrom = Annotated[
    str | None,
    Query(alias="from", max_length=10, description="First date: YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(check_date),
]
DateTo = Annotated[
    str | None,
    Query(alias="to", max_length=10, description="Last date: YYYY, YYYY-MM or YYYY-MM-DD."),
    AfterValidator(check_date),
]
Code = Annotated[
    str,
    Query(min_length=2, max_length=8, description="Country or IGO code, e.g. RUS, AZE, EU."),
    AfterValidator(check_code),
]
Pair = Annotated[
    str | None,
    Query(max_length=17, description="Two codes, either order, e.g. RUS,AZE."),
    AfterValidator(check_pair),
]
Root = Annotated[
    str | None,
    Query(max_length=2, description="CAMEO root code, 01-20."),
    AfterValidator(check_root),
]
CameoCode = Annotated[
    str | None,
    Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix, e.g. 036 or 1122."),
]
Quad = Annotated[
    int | None,
    Query(
        ge=1,
        le=4,
        description="Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.",
    ),
]
Status = Annotated[
    Literal["asserted", "planned", "hypothetical", "negated"] | None,
    Query(description="Event status."),
]
By = Annotated[
    Literal["day", "week", "month", "year"], Query(description="Period of the timeline.")
]
Lang = Annotated[Literal["ar", "en"], Query(description="Language of the brief.")]
DocRef = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_DOC_REF,
        description="Document id, key, key prefix or source name.",
    ),
]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT_PARAM)]

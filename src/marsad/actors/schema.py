"""Schemas of the actor lexicon files, checked when a file is loaded.

A bad file fails at load time with a message naming the file, the entry and the
field (see :func:`marsad.actors.lexicon.load_file`).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

Sector = Literal["GOV", "MIL", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "OPP", "REB"]
ROLES = [
    "head_of_state",
    "head_of_government",
    "vice_president",
    "deputy_head_of_government",
    "foreign_minister",
    "deputy_foreign_minister",
    "defence_minister",
    "interior_minister",
    "finance_minister",
    "economy_minister",
    "energy_minister",
    "minister",
    "spokesperson",
    "presidential_spokesperson",
    "ambassador",
    "envoy",
    "security_council_secretary",
    "intelligence_chief",
    "military_chief",
    "commander",
    "speaker",
    "legislator",
    "party_leader",
    "opposition_leader",
    "monarch",
    "crown_prince",
    "mayor",
    "governor",
    "judge",
    "prosecutor",
    "official",
    "editor",
    "journalist",
    "expert",
    "academic",
    "analyst",
    "businessperson",
    "religious_leader",
    "militant_leader",
    "igo_head",
    "counterpart",
    "leader",
]
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}\+?$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9_]+$")


def _check_role(v: str) -> str:
    if v not in ROLES:
        raise ValueError(f"role {v!r} is not in the role vocabulary")
    return v


def _check_slug(v: str) -> str:
    if not _ID.match(v):
        raise ValueError(f"{v!r} is not a slug of lowercase letters, digits and _")
    return v


Role = Annotated[str, AfterValidator(_check_role)]
Slug = Annotated[str, AfterValidator(_check_slug)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Seat(_Strict):
    name: str
    sector: Sector


class CountryEntry(_Strict):
    code: str
    kind: Literal["country", "group"] = "country"
    name_en: str
    name: str
    variants: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    seats: list[Seat] = Field(default_factory=list)
    adjective: str | None = None
    adjective_variants: list[str] = Field(default_factory=list)
    plurals: list[str] = Field(default_factory=list)
    status: str | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]{3}", v):
            raise ValueError(f"{v!r} is not a three-letter code")
        return v


class IgoEntry(_Strict):
    code: str
    name_en: str
    name: str
    variants: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not _CODE.match(v):
            raise ValueError(f"{v!r} is not an IGO code (2-10 capital letters)")
        return v.rstrip("+")


class OrganizationEntry(_Strict):
    id: Slug
    code: str
    kind: Literal["organization", "group"] = "organization"
    name_en: str
    name: str
    variants: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)


class OrganEntry(_Strict):
    head: str
    variants: list[str] = Field(default_factory=list)
    sector: Sector | None
    name_en: str
    organ: str | None = None


class TitleEntry(_Strict):
    title: str
    variants: list[str] = Field(default_factory=list)
    role: Role
    sector: Sector | None = None
    country: str | None = None


class Office(_Strict):
    role: Role
    sector: Sector
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    title_ar: str | None = None
    country: str | None = (
        None  # when the office is held for another state or an IGO than the person's own
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _date(cls, v: object) -> str | None:
        if v is None:
            return None
        s = str(v)
        if not _DATE.match(s):
            raise ValueError(f"{s!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return s


class Kin(_Strict):
    relation: Literal["father_of", "son_of", "spouse_of", "brother_of", "daughter_of", "mother_of"]
    id: Slug


class PersonEntry(_Strict):
    id: Slug
    name_en: str
    name: str
    variants: list[str] = Field(default_factory=list)
    short: list[str] = Field(default_factory=list)
    gender: Literal["m", "f"] = "m"
    country: str
    offices: list[Office] = Field(min_length=1)
    kin: list[Kin] = Field(default_factory=list)


SCHEMAS: dict[str, type[_Strict]] = {
    "countries": CountryEntry,
    "igos": IgoEntry,
    "organizations": OrganizationEntry,
    "organs": OrganEntry,
    "titles": TitleEntry,
    "people": PersonEntry,
}

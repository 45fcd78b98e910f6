"""Event exports: CAMEO tab-separated records with GDELT-style fields, PLOVER JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from marsad.model import country_part
from marsad.query import EventRow

GDELT_FIELDS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "SOURCEURL",
]
CSV_FIELDS = [
    "id",
    "doc",
    "date",
    "date_basis",
    "source",
    "source_codes",
    "target",
    "target_codes",
    "cameo",
    "plover",
    "quad",
    "goldstein",
    "status",
    "trigger",
    "location",
    "sentence",
    "rule",
]


def _pairs(e: EventRow) -> list[tuple[dict[str, str] | None, dict[str, str] | None]]:
    sources: list[dict[str, str] | None] = list(e.source) or [None]
    targets: list[dict[str, str] | None] = list(e.target) or [None]
    return [(s, t) for s in sources for t in targets]


def to_cameo_tsv(events: Iterable[EventRow]) -> str:
    """One row per (source, target) pair, with the GDELT 1.0 event-table field names."""
    out = io.StringIO()
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(GDELT_FIELDS)
    for e in events:
        date = (e.date or "").replace("-", "")
        sqldate = date.ljust(8, "0") if date else ""
        for s, t in _pairs(e):
            w.writerow(
                [
                    e.id,
                    sqldate,
                    sqldate[:6],
                    sqldate[:4],
                    s["code"] if s else "",
                    s["name"] if s else "",
                    country_part(s["code"]) if s else "",
                    t["code"] if t else "",
                    t["name"] if t else "",
                    country_part(t["code"]) if t else "",
                    1,
                    e.cameo,
                    e.cameo[:3],
                    e.cameo[:2],
                    e.quad,
                    e.goldstein,
                    1,
                    1,
                    1,
                    e.location or "",
                    e.url or f"marsad:{e.doc_key}",
                ]
            )
    return out.getvalue()


def _plover_actor(a: dict[str, str]) -> dict[str, str]:
    code = a["code"]
    country = country_part(code)
    rec = {"actorText": a["name"], "code": country}
    if code != country:
        rec["sector"] = code[len(country) :]
    return rec


def to_plover(events: Iterable[EventRow]) -> list[dict[str, Any]]:
    """PLOVER JSON records (field names of the PLOVER manual and its gold standard records)."""
    out = []
    for e in events:
        out.append(
            {
                "id": f"marsad-{e.doc_key}-{e.id}",
                "date": e.date or "",
                "source": [_plover_actor(a) for a in e.source],
                "target": [_plover_actor(a) for a in e.target] or "",
                "event": e.plover,
                "eventText": e.trigger,
                "mode": "",
                "context": "",
                "text": e.sentence,
                "language": "ar",
                "location": e.location or "",
                "publication": e.outlet or "",
                "coder": "marsad",
                "comment": f"CAMEO {e.cameo}; status {e.status}; rule {e.rule}",
            }
        )
    return out


def to_csv(events: Iterable[EventRow]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for e in events:
        w.writerow(
            [
                e.id,
                e.doc_key,
                e.date or "",
                e.date_basis or "",
                ";".join(a["name"] for a in e.source),
                ";".join(a["code"] for a in e.source),
                ";".join(a["name"] for a in e.target),
                ";".join(a["code"] for a in e.target),
                e.cameo,
                e.plover,
                e.quad,
                e.goldstein,
                e.status,
                e.trigger,
                e.location or "",
                e.sentence,
                e.rule,
            ]
        )
    return out.getvalue()


def to_json(events: Iterable[EventRow]) -> str:
    return json.dumps([e.as_dict() for e in events], ensure_ascii=False, indent=2)

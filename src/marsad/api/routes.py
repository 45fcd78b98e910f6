"""The reading endpoints: documents, search, actors, pairs, events, quotes, timeline, phases,
brief and the actor network.  Open to anyone who can reach the server (loopback by default)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import AfterValidator

from marsad import __version__, query
from marsad.api import views
from marsad.api.deps import StoreDep
from marsad.api.errors import ApiError
from marsad.api.params import (
    MAX_DOC_REF,
    MAX_SEARCH_OFFSET,
    By,
    CameoCode,
    Code,
    DateFrom,
    DateTo,
    DocRef,
    Lang,
    Limit,
    Offset,
    Pair,
    Quad,
    Root,
    Status,
    Text,
    check_codes,
    check_range,
    split_pair,
)
from marsad.query import QuoteRow

router = APIRouter(prefix="/api")

ActorCode = Annotated[
    str | None,
    Query(
        pattern=r"^[A-Za-z\-]{2,12}$",
        description="Actor code (RUSGOV) or country code (RUS): actors of that code or country.",
    ),
]


def _distinct(a: str, b: str) -> None:
    if a == b:
        raise ApiError(422, "invalid_parameter", f"query parameters 'a' and 'b' are both {a}")


@router.get("/health", summary="Liveness and version")
def health(st: StoreDep) -> dict[str, Any]:
    """Says the server runs, which version, and how many documents the store holds."""
    return {"status": "ok", "version": __version__, "documents": st.count()}


@router.get("/documents", summary="Stored documents (metadata, no text)")
def documents(
    st: StoreDep,
    outlet: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents in the order they were stored, filtered by outlet and publication date."""
    check_range(date_from, date_to)
    return views.list_documents(st, limit, offset, outlet, date_from, date_to)


@router.get("/documents/{doc}", summary="One document with its text and sentence offsets")
def document(
    st: StoreDep,
    doc: Annotated[
        str, Path(max_length=MAX_DOC_REF, description="Id, key, key prefix or source name.")
    ],
) -> dict[str, Any]:
    """The clean text every offset points into, and its sentences as [start, end] offsets."""
    from marsad.text.segment import segment

    d = st.get_document(doc)
    m = d.document.meta
    return {
        "id": d.id,
        "key": d.key,
        "version": d.version,
        "ingested_at": d.ingested_at,
        "title": m.title,
        "outlet": m.outlet,
        "author": m.author,
        "published": m.published,
        "published_basis": m.published_basis,
        "url": m.url,
        "source": m.source,
        "language": m.language,
        "warnings": d.document.warnings,
        "text": d.document.text,
        "sentences": [[s, e] for s, e in segment(d.document.text).sentences],
    }


@router.get("/search", summary="Full-text search (Arabic-normalized)")
def search(
    st: StoreDep,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="Words to find, all of them.")
    ],
    limit: Annotated[int, Query(ge=1, le=100, description="Most hits to return (1-100).")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_SEARCH_OFFSET)] = 0,
) -> dict[str, Any]:
    """Documents holding every word of ``q``, best first, with a snippet and its highlights."""
    hits = st.search(q, limit=offset + limit + 1)[offset:]
    return views.page([asdict(h) for h in hits], limit, offset)


@router.get("/actors", summary="Actors with their mention counts")
def actors(
    st: StoreDep,
    doc: DocRef = None,
    code: ActorCode = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors most mentioned first, in one document or the whole store."""
    rows = query.actors(
        st, doc=doc, code=code.upper() if code else None, limit=limit + 1, offset=offset
    )
    return views.page([asdict(r) for r in rows], limit, offset)


@router.get("/pairs", summary="Pairs of countries or IGOs with events between them")
def pairs(st: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Pairs (either direction) with their event counts, most events first: what to explore."""
    return views.pairs(st, limit, offset)


@router.get("/events", summary="Events, filtered")
def events(
    st: StoreDep,
    doc: DocRef = None,
    pair: Pair = None,
    code: CameoCode = None,
    root: Root = None,
    quad: Quad = None,
    status: Status = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    outlet: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Events by document, pair (either direction), CAMEO code or root, quad class, status,
    date range and outlet; each with its sentence, trigger and offsets into its document."""
    check_range(date_from, date_to)
    rows = query.events(
        st,
        doc=doc,
        dyad=split_pair(pair),
        code=code,
        root=root,
        quad=quad,
        status=status,
        date_from=date_from,
        date_to=date_to,
        outlet=outlet,
        limit=limit + 1,
        offset=offset,
    )
    return views.page(views.enrich_actors(st, [r.as_dict() for r in rows]), limit, offset)


@router.get("/quotes", summary="Quotes, filtered")
def quotes(
    st: StoreDep,
    doc: DocRef = None,
    speaker: Text = None,
    about: Text = None,
    country: Annotated[
        str | None,
        Query(
            max_length=40,
            description="Speakers of these countries only: codes separated by commas (RUS,AZE).",
        ),
        AfterValidator(check_codes),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Quotes by document, speaker (id, code or part of a name), the actor they are about
    (id, code or country) and the speaker's country; each speaker and actor with its
    English name and country."""

    def fetch(n: int, at: int) -> list[QuoteRow]:
        return query.quotes(st, doc=doc, speaker=speaker, limit=n, offset=at)

    if about or country:
        sides = set(country.split(",")) if country else None
        rows = views.filtered_page(
            fetch, lambda q: views.quote_matches(q, about, sides), limit, offset
        )
    else:
        rows = fetch(limit + 1, offset)
    items = views.enrich_actors(st, [asdict(r) for r in rows])
    return views.page(items, limit, offset)


@router.get("/timeline", summary="A pair's timeline by period, with phases")
def timeline(
    st: StoreDep,
    a: Code,
    b: Code,
    by: By = "month",
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> dict[str, Any]:
    """Merged events per period (count, quad classes, Goldstein sum and mean, quote tone,
    key events) and the phases found in the series."""
    from marsad.relations.brief import timeline_dict
    from marsad.relations.timeline import timeline as make_timeline

    _distinct(a, b)
    check_range(date_from, date_to)
    tl = make_timeline(st, a, b, by=by, date_from=date_from, date_to=date_to)
    return timeline_dict(tl)


@router.get("/phases", summary="A pair's phases")
def phases(
    st: StoreDep,
    a: Code,
    b: Code,
    by: By = "month",
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> dict[str, Any]:
    """Cooperation, tension, crisis and normalization phases with their key events."""
    from marsad.relations.timeline import timeline as make_timeline

    _distinct(a, b)
    check_range(date_from, date_to)
    tl = make_timeline(st, a, b, by=by, date_from=date_from, date_to=date_to)
    return {"a": tl.a, "b": tl.b, "by": tl.by, "phases": [p.as_dict() for p in tl.phases]}


@router.get("/brief", summary="A pair's brief in Markdown, each line citing its source")
def brief(
    st: StoreDep,
    a: Code,
    b: Code,
    lang: Lang = "ar",
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> dict[str, str]:
    """The chronology of the pair by phase, in Arabic or English."""
    from marsad.relations.brief import brief as make_brief

    _distinct(a, b)
    check_range(date_from, date_to)
    text = make_brief(st, a, b, date_from=date_from, date_to=date_to, lang=lang)
    return {"a": a, "b": b, "lang": lang, "markdown": text}


@router.get("/network", summary="The actor network: who acts on whom")
def network(
    st: StoreDep,
    pair: Pair = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Most nodes (the busiest).")] = 60,
) -> dict[str, Any]:
    """Actors as nodes, events from one to another as edges (count and Goldstein sum);
    the whole store, or only the events of one pair."""
    rows = query.events(st, dyad=split_pair(pair), limit=query.MAX_LIMIT)
    net = views.network(rows, limit)
    views.add_extras(st, net["nodes"])
    return net

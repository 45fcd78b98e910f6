"""Every reading endpoint on a store filled from the bundled sample."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

ENDPOINTS = {
    "/api/health",
    "/api/documents",
    "/api/documents/{doc}",
    "/api/search",
    "/api/actors",
    "/api/pairs",
    "/api/events",
    "/api/quotes",
    "/api/timeline",
    "/api/phases",
    "/api/brief",
    "/api/network",
}
PAGE_KEYS = {"items", "limit", "offset", "count", "total", "next_offset"}


def get(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def all_pages(client: TestClient, url: str, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Walk ``next_offset`` to the end, checking each page's bookkeeping on the way."""
    out: list[dict[str, Any]] = []
    offset = 0
    for _ in range(1000):
        body = get(client, url, limit=limit, offset=offset, **params)
        assert set(body) == PAGE_KEYS
        assert body["count"] == len(body["items"]) <= limit
        out += body["items"]
        if body["next_offset"] is None:
            return out
        assert body["count"] == limit
        offset = body["next_offset"]
    raise AssertionError("paging did not end")


def country(actor: dict[str, Any]) -> str:
    return str(actor["country"])


def test_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    schema = get(client, "/openapi.json")
    assert schema["info"]["title"] == "marsad"
    assert set(schema["paths"]) == ENDPOINTS
    assert "post" in schema["paths"]["/api/documents"]
    # errors are documented with the API's own shape, not FastAPI's default one
    events = schema["paths"]["/api/events"]["get"]["responses"]
    assert events["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert "HTTPValidationError" not in schema.get("components", {}).get("schemas", {})


def test_health(client: TestClient) -> None:
    body = get(client, "/api/health")
    assert body["status"] == "ok"
    assert body["documents"] >= 6


def test_documents_listing_counts_and_pages(client: TestClient) -> None:
    first = get(client, "/api/documents", limit=2)
    assert set(first) == PAGE_KEYS
    assert first["count"] == 2 and first["next_offset"] == 2
    total = first["total"]
    assert total >= 6
    docs = all_pages(client, "/api/documents", limit=3)
    assert len(docs) == total
    assert len({d["doc_key"] for d in docs}) == total
    assert all("text" not in d for d in docs)


def test_documents_filters(client: TestClient) -> None:
    docs = get(client, "/api/documents", limit=100)["items"]
    outlet = next(d["outlet"] for d in docs if d["outlet"])
    by_outlet = get(client, "/api/documents", outlet=outlet)
    assert by_outlet["total"] == sum(d["outlet"] == outlet for d in docs)
    assert all(d["outlet"] == outlet for d in by_outlet["items"])
    march = get(client, "/api/documents", **{"from": "2025-03", "to": "2025-03"})
    assert march["total"] >= 1
    assert all(d["published"].startswith("2025-03") for d in march["items"])


def test_one_document_by_key_prefix_and_id(client: TestClient) -> None:
    listed = get(client, "/api/documents", limit=1)["items"][0]
    doc = get(client, f"/api/documents/{listed['doc_key']}")
    assert doc["key"] == listed["doc_key"]
    assert doc["title"] == listed["title"]
    assert get(client, f"/api/documents/{listed['doc_key'][:6]}")["id"] == doc["id"]
    assert get(client, f"/api/documents/{doc['id']}")["key"] == doc["key"]
    text = doc["text"]
    assert text.strip()
    assert doc["sentences"], "no sentences"
    for s, e in doc["sentences"]:
        assert 0 <= s < e <= len(text)


def test_search_finds_and_pages(client: TestClient) -> None:
    hits = get(client, "/api/search", q="بوتين")
    assert hits["count"] >= 2
    assert all(h["doc_key"] and h["snippet"] for h in hits["items"])
    keys = [h["doc_key"] for h in hits["items"]]
    paged = [h["doc_key"] for h in all_pages(client, "/api/search", limit=1, q="بوتين")]
    assert paged == keys
    assert get(client, "/api/search", q="كلمةلاوجودلها")["count"] == 0


def test_actors(client: TestClient) -> None:
    actors = get(client, "/api/actors", limit=200)["items"]
    russia = next(a for a in actors if a["id"] == "RUS")
    assert russia["kind"] == "country" and russia["name"] == "روسيا"
    assert russia["mentions"] >= 1 and russia["forms"]
    counts = [a["mentions"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    rus = get(client, "/api/actors", code="RUS", limit=200)["items"]
    assert rus and {a["id"] for a in rus} <= {a["id"] for a in actors}
    assert all(a["code"].startswith("RUS") for a in rus)
    paged = all_pages(client, "/api/actors", limit=7)
    assert [a["id"] for a in paged] == [a["id"] for a in actors]


def test_actors_of_one_document(client: TestClient) -> None:
    key = get(client, "/api/search", q="علييف")["items"][0]["doc_key"]
    actors = get(client, "/api/actors", doc=key)["items"]
    assert any(a["id"] == "aliyev_ilham" for a in actors)


def test_pairs(client: TestClient) -> None:
    pairs = get(client, "/api/pairs", limit=1000)["items"]
    counts = [p["events"] for p in pairs]
    assert counts == sorted(counts, reverse=True)
    rus_aze = next(p for p in pairs if {p["a"], p["b"]} == {"RUS", "AZE"})
    assert rus_aze["events"] > 0
    assert rus_aze["names"]["RUS"] == {"ar": "روسيا", "en": "Russia"}
    assert all(p["a"] < p["b"] for p in pairs)


def test_events_of_a_pair(client: TestClient) -> None:
    events = get(client, "/api/events", pair="RUS,AZE", limit=1000)["items"]
    assert events
    both = get(client, "/api/events", pair="aze,rus", limit=1000)["items"]
    assert [e["id"] for e in both] == [e["id"] for e in events]  # either order, any case
    for e in events:
        sides = {country(a) for a in e["source"]} | {country(a) for a in e["target"]}
        assert {"RUS", "AZE"} <= sides or sides <= {"RUS", "AZE"}, e
        assert all("name_en" in a for a in e["source"] + e["target"])


def test_event_offsets_point_at_the_sentence(client: TestClient) -> None:
    """What the explorer relies on to highlight: text[offsets] is the event's sentence."""
    events = get(client, "/api/events", pair="RUS,AZE", limit=20)["items"]
    texts: dict[str, str] = {}
    for e in events:
        if e["doc_key"] not in texts:
            texts[e["doc_key"]] = get(client, f"/api/documents/{e['doc_key']}")["text"]
        s, end = e["offsets"]["sentence"]
        assert texts[e["doc_key"]][s:end] == e["sentence"]
        ts, te = e["offsets"]["trigger"]
        assert s <= ts < te <= end
        assert texts[e["doc_key"]][ts:te] == e["trigger"]


def test_event_filters(client: TestClient) -> None:
    everything = get(client, "/api/events", limit=1000)["items"]
    assert everything
    sample = everything[0]
    checks: list[tuple[dict[str, Any], Any]] = [
        ({"status": "asserted"}, lambda e: e["status"] == "asserted"),
        ({"quad": 1}, lambda e: e["quad"] == 1),
        ({"root": sample["cameo"][:2]}, lambda e: e["cameo"][:2] == sample["cameo"][:2]),
        ({"root": str(int(sample["cameo"][:2]))}, lambda e: e["cameo"][:2] == sample["cameo"][:2]),
        ({"code": sample["cameo"]}, lambda e: e["cameo"].startswith(sample["cameo"])),
        ({"from": "2025-03", "to": "2025-03-31"}, lambda e: (e["date"] or "")[:7] == "2025-03"),
        ({"outlet": sample["outlet"]}, lambda e: e["outlet"] == sample["outlet"]),
        ({"doc": sample["doc_key"]}, lambda e: e["doc_key"] == sample["doc_key"]),
    ]
    for params, ok in checks:
        if params.get("outlet", "x") is None:
            continue
        found = get(client, "/api/events", limit=1000, **params)["items"]
        assert found, params
        assert all(ok(e) for e in found), params
        assert len(found) <= len(everything)


def test_events_pages_cover_the_list(client: TestClient) -> None:
    whole = get(client, "/api/events", pair="RUS,AZE", limit=1000)["items"]
    paged = all_pages(client, "/api/events", limit=4, pair="RUS,AZE")
    assert [e["id"] for e in paged] == [e["id"] for e in whole]


def test_quotes_filters_and_paging(client: TestClient) -> None:
    quotes = get(client, "/api/quotes", limit=1000)["items"]
    assert quotes
    for q in quotes:
        assert q["text"] and q["cue"]
    sides = get(client, "/api/quotes", country="RUS,AZE", limit=1000)["items"]
    assert sides
    assert all(q["speaker"]["country"] in {"RUS", "AZE"} for q in sides)
    assert len(sides) < len(quotes)
    paged = all_pages(client, "/api/quotes", limit=2, country="rus,aze")
    assert [q["id"] for q in paged] == [q["id"] for q in sides]
    about = get(client, "/api/quotes", about="RUS", limit=1000)["items"]
    assert about
    assert all(any(a["country"] == "RUS" for a in q["about"]) for q in about)
    paged = all_pages(client, "/api/quotes", limit=1, about="RUS")
    assert [q["id"] for q in paged] == [q["id"] for q in about]
    speaker = next(q["speaker"] for q in quotes if q["speaker"])
    by_speaker = get(client, "/api/quotes", speaker=speaker["id"])["items"]
    assert by_speaker and all(q["speaker"]["id"] == speaker["id"] for q in by_speaker)


def test_timeline_and_phases(client: TestClient) -> None:
    tl = get(client, "/api/timeline", a="RUS", b="AZE")
    assert (tl["a"], tl["b"], tl["by"]) == ("RUS", "AZE", "month")
    busy = [p for p in tl["periods"] if p["events"]]
    assert busy
    assert all(p["key_events"] for p in busy)
    assert tl["phases"]
    labels = {p["period"] for p in tl["periods"]}
    for ph in tl["phases"]:
        assert ph["from"] in labels and ph["to"] in labels
        assert ph["label"] in {"cooperation", "tension", "crisis", "normalization"}
    phases = get(client, "/api/phases", a="rus", b="aze")
    assert phases["phases"] == tl["phases"]
    yearly = get(client, "/api/timeline", a="RUS", b="AZE", by="year")
    assert all(len(p["period"]) == 4 for p in yearly["periods"])
    march = get(client, "/api/timeline", a="RUS", b="AZE", **{"from": "2025-03", "to": "2025-03"})
    assert all(p["period"] == "2025-03" for p in march["periods"] if p["events"])


def test_timeline_of_a_pair_without_events(client: TestClient) -> None:
    tl = get(client, "/api/timeline", a="RUS", b="SDN")
    assert not any(p["events"] for p in tl["periods"])
    assert tl["phases"] == []


def test_brief_in_both_languages(client: TestClient) -> None:
    ar = get(client, "/api/brief", a="RUS", b="AZE")
    en = get(client, "/api/brief", a="RUS", b="AZE", lang="en")
    assert ar["lang"] == "ar" and en["lang"] == "en"
    assert ar["markdown"].startswith("# ") and "RUS" in ar["markdown"]
    assert en["markdown"].startswith("# Brief")
    assert "- **2025" in en["markdown"]


def test_network(client: TestClient) -> None:
    net = get(client, "/api/network")
    assert net["nodes"] and net["edges"]
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert all(e["source"] != e["target"] and e["events"] >= 1 for e in net["edges"])
    degrees = [n["degree"] for n in net["nodes"]]
    assert degrees == sorted(degrees, reverse=True)
    assert len(get(client, "/api/network", limit=3)["nodes"]) == 3
    pair = get(client, "/api/network", pair="RUS,AZE")
    assert {"RUS", "AZE"} <= {n["country"] for n in pair["nodes"]}
    assert len(pair["nodes"]) <= len(get(client, "/api/network", limit=500)["nodes"])
    putin = next(n for n in pair["nodes"] if n["id"] == "putin_vladimir")
    assert putin["name_en"] == "Vladimir Putin"


def test_explorer_page_and_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.text and "/static/app.js" in page.text
    for asset, kind in (("index.html", "html"), ("app.js", "javascript"), ("style.css", "css")):
        r = client.get(f"/static/{asset}")
        assert r.status_code == 200 and kind in r.headers["content-type"]
        # nothing is fetched from outside (the SVG namespace is a name, not a request)
        text = r.text.replace("http://www.w3.org/2000/svg", "")
        assert "http://" not in text and "https://" not in text and "//cdn" not in text

"""Every error has one shape: validation, not found, method not allowed, marsad errors, bugs."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from marsad import query
from marsad.errors import StoreError

# (method, url, params, expected status, expected code, a word the message must hold)
BAD_REQUESTS: list[tuple[str, str, dict[str, Any], int, str, str]] = [
    ("GET", "/api/events", {"pair": "RUS"}, 422, "invalid_parameter", "pair"),
    ("GET", "/api/events", {"pair": "RUS,AZE,IRN"}, 422, "invalid_parameter", "pair"),
    ("GET", "/api/events", {"pair": "R1S,AZE"}, 422, "invalid_parameter", "pair"),
    ("GET", "/api/events", {"from": "2025-13-01"}, 422, "invalid_parameter", "from"),
    ("GET", "/api/events", {"to": "2025-02-30"}, 422, "invalid_parameter", "to"),
    ("GET", "/api/events", {"from": "yesterday"}, 422, "invalid_parameter", "from"),
    ("GET", "/api/events", {"from": "2025-05", "to": "2025-04"}, 422, "invalid_parameter", "from"),
    ("GET", "/api/events", {"limit": 1001}, 422, "invalid_parameter", "limit"),
    ("GET", "/api/events", {"limit": 0}, 422, "invalid_parameter", "limit"),
    ("GET", "/api/events", {"limit": "many"}, 422, "invalid_parameter", "limit"),
    ("GET", "/api/events", {"offset": -1}, 422, "invalid_parameter", "offset"),
    ("GET", "/api/events", {"status": "rumoured"}, 422, "invalid_parameter", "status"),
    ("GET", "/api/events", {"quad": 5}, 422, "invalid_parameter", "quad"),
    ("GET", "/api/events", {"root": "21"}, 422, "invalid_parameter", "root"),
    ("GET", "/api/events", {"root": "x"}, 422, "invalid_parameter", "root"),
    ("GET", "/api/events", {"code": "04a"}, 422, "invalid_parameter", "code"),
    ("GET", "/api/events", {"outlet": "x" * 201}, 422, "invalid_parameter", "outlet"),
    ("GET", "/api/documents", {"limit": 5000}, 422, "invalid_parameter", "limit"),
    ("GET", "/api/documents", {"from": "2025-00"}, 422, "invalid_parameter", "from"),
    ("GET", "/api/search", {}, 422, "invalid_parameter", "q"),
    ("GET", "/api/search", {"q": "x" * 201}, 422, "invalid_parameter", "q"),
    ("GET", "/api/search", {"q": "روسيا", "offset": 10_001}, 422, "invalid_parameter", "offset"),
    ("GET", "/api/actors", {"code": "RUS GOV"}, 422, "invalid_parameter", "code"),
    ("GET", "/api/quotes", {"country": "RUS,1"}, 422, "invalid_parameter", "country"),
    ("GET", "/api/timeline", {"a": "RUS"}, 422, "invalid_parameter", "'b'"),
    ("GET", "/api/timeline", {}, 422, "invalid_parameter", "'a'"),
    ("GET", "/api/timeline", {"a": "RUS", "b": "RUS"}, 422, "invalid_parameter", "RUS"),
    (
        "GET",
        "/api/timeline",
        {"a": "RUS", "b": "AZE", "by": "hour"},
        422,
        "invalid_parameter",
        "by",
    ),
    ("GET", "/api/phases", {"a": "RUS", "b": "A"}, 422, "invalid_parameter", "'b'"),
    ("GET", "/api/brief", {"a": "RUS", "b": "AZE", "lang": "fr"}, 422, "invalid_parameter", "lang"),
    ("GET", "/api/network", {"limit": 501}, 422, "invalid_parameter", "limit"),
    ("GET", "/api/documents/no-such-document", {}, 404, "not_found", "no-such-document"),
    ("GET", "/api/events", {"doc": "no-such-document"}, 404, "not_found", "no-such-document"),
    ("GET", "/api/nothing-here", {}, 404, "not_found", "/api/nothing-here"),
    ("GET", "/static/missing.js", {}, 404, "not_found", "missing.js"),
    ("DELETE", "/api/documents", {}, 405, "method_not_allowed", "DELETE"),
    ("POST", "/api/events", {}, 405, "method_not_allowed", "POST"),
    ("PUT", "/api/timeline", {}, 405, "method_not_allowed", "PUT"),
    ("POST", "/api/documents", {}, 403, "forbidden", "token"),
]


def assert_error_shape(r: httpx.Response) -> dict[str, Any]:
    """Exactly ``{"error": {"status", "code", "message"}}``, the status repeated inside."""
    assert r.headers["content-type"].startswith("application/json"), r.text
    body = r.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"status", "code", "message"}, err
    assert err["status"] == r.status_code
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    return dict(err)


@pytest.mark.parametrize(("method", "url", "params", "status", "code", "word"), BAD_REQUESTS)
def test_every_error_has_the_one_shape(
    client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    url: str,
    params: dict[str, Any],
    status: int,
    code: str,
    word: str,
) -> None:
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    r = client.request(method, url, params=params)
    assert r.status_code == status, r.text
    err = assert_error_shape(r)
    assert err["code"] == code
    assert word in err["message"]


def test_validation_names_every_bad_parameter(client: TestClient) -> None:
    r = client.get("/api/events", params={"limit": 0, "quad": 9})
    message = assert_error_shape(r)["message"]
    assert "'limit'" in message and "'quad'" in message


def test_not_found_does_not_leak_the_store_path(client: TestClient, sample_db: Any) -> None:
    message = assert_error_shape(client.get("/api/documents/zzzz"))["message"]
    assert str(sample_db) not in message


def test_method_not_allowed_says_what_is(client: TestClient) -> None:
    r = client.delete("/api/events")
    assert r.status_code == 405
    assert "GET" in r.headers["allow"]


def test_a_bug_is_a_500_with_the_same_shape(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(query, "events", broken)
    r = client.get("/api/events", params={"pair": "RUS,AZE"})
    assert r.status_code == 500
    err = assert_error_shape(r)
    assert err["code"] == "internal_error"
    assert "RuntimeError" in err["message"]
    assert "secret internal detail" not in err["message"]
    # the other endpoints still answer
    assert client.get("/api/health").status_code == 200


def test_a_marsad_error_keeps_its_code(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise StoreError("the disk is full")

    monkeypatch.setattr(query, "actors", broken)
    r = client.get("/api/actors")
    assert r.status_code == 500
    err = assert_error_shape(r)
    assert err["code"] == "store_error" and "disk is full" in err["message"]

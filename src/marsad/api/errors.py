"""One JSON shape for every error the API returns, whatever raised it.

A client (the explorer, a script, a notebook) should need one code path for
failures, so a bad parameter, an unknown route, a missing document, a refused
token, a marsad error and a plain bug all answer
``{"error": {"status": 422, "code": "invalid_parameter", "message": "..."}}``
with the HTTP status repeated inside the body.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import InputError, MarsadError, NotFoundError

log = logging.getLogger("marsad.api")

# HTTP status -> stable machine-readable code, for errors Starlette raises itself
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
}


class ApiError(Exception):
    """An error the API raises on purpose, with its status, code and message."""

    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The one error shape (a pure function, so tests and handlers share it)."""
    return {"error": {"status": status, "code": code, "message": message}}


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def marsad_status(exc: MarsadError) -> int:
    """The HTTP status of a marsad error: a missing record is 404, a bad input 400, the rest 500."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputError):
        return 400
    return 500


def _where(loc: Sequence[Any]) -> str:
    """``("query", "limit")`` -> ``query parameter 'limit'``; the words a person would use."""
    parts = [str(x) for x in loc]
    if not parts:
        return "request"
    kind, rest = parts[0], ".".join(parts[1:])
    names = {"query": "query parameter", "path": "path parameter", "header": "header"}
    if kind == "body":
        return f"body field '{rest}'" if rest else "body"
    return f"{names.get(kind, kind)} '{rest}'" if rest else kind


def validation_message(errors: Sequence[Mapping[str, Any]]) -> str:
    """Every validation problem, one clause each, so a client sees all it must fix at once."""
    if not errors:
        return "invalid request"
    clauses = []
    for err in errors:
        if err.get("type") == "json_invalid":
            clauses.append("body: not valid JSON")
            continue
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        clauses.append(f"{_where(err.get('loc', ()))}: {msg}")
    return "; ".join(clauses)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers or None)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        message = str(exc.detail)
        if status == 404 and message == "Not Found":
            message = f"no such endpoint or file: {request.url.path}"
        elif status == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        return error_response(status, HTTP_CODES.get(status, "http_error"), message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_parameter", validation_message(exc.errors()))

    @app.exception_handler(MarsadError)
    async def _marsad(_: Request, exc: MarsadError) -> JSONResponse:
        status = marsad_status(exc)
        if status == 500:
            log.error("marsad error: %s", exc)
        # a missing record's source is the store's path: a server detail, not the client's business
        message = exc.reason if isinstance(exc, NotFoundError) else str(exc)
        return error_response(status, exc.code, message)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises after sending this, so the server log keeps the traceback;
        # the client gets the shape, the exception's type and no internals.
        log.error("internal error on %s %s: %r", request.method, request.url.path, exc)
        return error_response(
            500,
            "internal_error",
            f"internal error ({type(exc).__name__}); the server log has the details",
        )

"""The REST API: a thin FastAPI layer over :mod:`marsad.query` and :mod:`marsad.relations`,
and the web explorer's static files.

Reading is open; adding documents needs a bearer token.  Every error, whatever
raised it (a bad parameter, a missing record, a marsad error, a bug), has one
JSON shape: ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``
(see :mod:`marsad.api.errors`).  The OpenAPI schema is served at
``/openapi.json``; the explorer at ``/`` with its assets under ``/static``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from marsad import __version__
from marsad.api import ingest, routes
from marsad.api.deps import Settings
from marsad.api.errors import install_error_handlers
from marsad.store import default_db_path

__all__ = ["STATIC", "ErrorResponse", "create_app"]

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    """The one shape of every error (documented in the schema instead of FastAPI's own)."""

    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (400, "Bad input"),
        (404, "Not found"),
        (422, "Invalid parameter"),
        (500, "Internal error"),
    )
}


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    """The API and the explorer over the store at ``db`` (default ``$MARSAD_DB`` or ./marsad.db).

    ``token`` (default ``$MARSAD_API_TOKEN``) allows ``POST /api/documents``;
    without one, ingesting through the API is refused with 403.
    """
    api_token = token if token is not None else os.environ.get("MARSAD_API_TOKEN")
    app = FastAPI(
        title="marsad",
        version=__version__,
        description=(
            "Documents, actors, CAMEO/PLOVER events, quotes and relation timelines "
            "from Arabic news. Every error answers "
            '{"error": {"status", "code", "message"}}.'
        ),
        docs_url=None,
        redoc_url=None,
    )
    app.state.marsad = Settings(db=db or default_db_path(), token=api_token or None)
    install_error_handlers(app)
    app.include_router(routes.router, responses=_ERRORS)
    app.include_router(
        ingest.router,
        responses={
            **_ERRORS,
            401: {"model": ErrorResponse, "description": "Missing or wrong token"},
            403: {"model": ErrorResponse, "description": "Ingesting is off"},
        },
    )
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    return app

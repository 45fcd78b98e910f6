"""``POST /api/documents``: add one article through the API (needs the bearer token).

Reading is open, writing is not: with no token configured the endpoint
answers 403 (ingesting is off), with a wrong or missing token 401.  The
posted record goes through the same ingestion pieces as a JSONL line (reader,
furniture cleaning, metadata, pipeline), so an article added here is stored
exactly as ``marsad ingest`` would store it.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from marsad.api.deps import SettingsDep, StoreDep
from marsad.api.errors import ApiError
from marsad.ingest import build_document
from marsad.ingest.metadata import parse_iso
from marsad.ingest.readers import record_article
from marsad.model import Document

router = APIRouter(prefix="/api")

MAX_TEXT_CHARS = 2_000_000
MAX_HTML_CHARS = 10_000_000


def _check_published(value: str | None) -> str | None:
    if value is not None and parse_iso(value) is None:
        raise ValueError(
            f"must be an ISO date or date-time (YYYY, YYYY-MM, YYYY-MM-DD...), got {value!r}"
        )
    return value


class NewDocument(BaseModel):
    """One article: its text or its HTML page, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, max_length=MAX_TEXT_CHARS, description="Article text (plain).")
    html: str | None = Field(
        None,
        max_length=MAX_HTML_CHARS,
        description="Article HTML page (the main text is extracted).",
    )
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=500)
    published: Annotated[
        str | None,
        Field(
            max_length=40, description="Publication date, ISO (2025-07-01 or 2025-07-01T10:00Z)."
        ),
        AfterValidator(_check_published),
    ] = None
    outlet: str | None = Field(None, max_length=200)
    author: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def _one_body(self) -> NewDocument:
        has_text = bool(self.text and self.text.strip())
        has_html = bool(self.html and self.html.strip())
        if has_text == has_html:
            raise ValueError("give the article as 'text' or as 'html' (one of them, not empty)")
        return self


def _document_from_body(body: NewDocument) -> Document:
    """The document a POSTed record makes (cleaned, with its metadata), as for a JSONL line."""
    record = body.model_dump(exclude_none=True)
    source = body.url or "api"
    return build_document(record_article(record, source, fmt="api"))


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (scheme case-insensitive)."""
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def require_token(conf: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """403 when ingesting is off (no token configured), 401 when the token is missing or wrong."""
    if not conf.token:
        raise ApiError(
            403,
            "forbidden",
            "adding documents through the API is off: start the server with --token "
            "(or MARSAD_API_TOKEN) to allow it",
        )
    given = bearer(authorization)
    if given is None or not hmac.compare_digest(given.encode(), conf.token.encode()):
        raise ApiError(
            401,
            "unauthorized",
            "a valid 'Authorization: Bearer <token>' header is required to add documents",
            headers={"WWW-Authenticate": "Bearer"},
        )


@router.post(
    "/documents",
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Add one article (bearer token)",
)
def add_document(body: NewDocument, st: StoreDep, response: Response) -> dict[str, Any]:
    """Clean, analyse and store one article; 201 when added (or a new version of its URL),
    200 when the same text is already stored."""
    from marsad.pipeline import analyze

    result = st.add(analyze(_document_from_body(body)))
    if result.status == "present":
        response.status_code = 200
    return {
        "status": result.status,
        "key": result.doc_key,
        "id": result.doc_id,
        "version": result.version,
    }

"""A store filled from the bundled sample, and API clients over it."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from marsad.api import create_app
from marsad.ingest import SAMPLE_DIR, ingest
from marsad.store import open_store

with warnings.catch_warnings():
    # Starlette 1.x asks for the httpx2 package; httpx (installed) works the same for tests
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "test-token-4f1c"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample ingested once for the whole session (read-only for tests)."""
    path = tmp_path_factory.mktemp("api") / "sample.db"
    with open_store(path) as store:
        report = ingest([SAMPLE_DIR], store)
    assert any(r.status == "added" for r in report.results), "the sample added no document"
    return path


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[TestClient]:
    """A reading client; bugs answer 500 (not raised) as a real server would."""
    with TestClient(create_app(str(sample_db)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable_db(sample_db: Path, tmp_path: Path) -> Path:
    """A copy of the sample store that a test may write to."""
    dst = tmp_path / "copy.db"
    with sqlite3.connect(sample_db) as src, sqlite3.connect(dst) as out:
        src.backup(out)
    return dst


@pytest.fixture
def token_client(writable_db: Path) -> Iterator[TestClient]:
    """A client over a writable store, with ingesting allowed by :data:`TOKEN`."""
    with TestClient(create_app(str(writable_db), token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}

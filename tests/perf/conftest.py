"""Fixtures for the scale tests: a throwaway PostgreSQL server, small corpora.

The PostgreSQL server is started from the Debian ``postgresql`` package that
``make test`` installs (as root, when missing): ``initdb`` into a temporary
folder and ``pg_ctl start`` listening on a Unix socket in that folder only, as
the ``postgres`` user when the tests run as root (the server refuses root).
Set ``MARSAD_TEST_PG`` to a ``postgresql://`` URL to use a server of your own
instead.  Tests that need a server skip, saying why, only where none can be
started.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from marsad.bench import write_synthetic_corpus


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return found[0] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    """A PostgreSQL cluster in a temporary folder, reachable through its Unix socket."""

    def __init__(self) -> None:
        initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not (initdb and pg_ctl):
            pytest.skip(
                "no PostgreSQL server binaries (initdb, pg_ctl): `make test` installs Debian's "
                "postgresql package when run as root; or set MARSAD_TEST_PG to a server's URL"
            )
        self.prefix: list[str] = []
        self.folder = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        if os.geteuid() == 0:  # the server will not run as root: run it as the postgres user
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no 'postgres' user to run the server as")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        self.port = _free_port()
        self.pg_ctl = pg_ctl
        self._run(
            initdb, "-D", str(self.data), "-A", "trust", "-U", "marsad", "--no-sync", "-E", "UTF8"
        )
        options = f"-c listen_addresses='' -k {self.folder} -p {self.port} -c fsync=off"
        self._run(
            pg_ctl,
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def _run(self, *cmd: str) -> None:
        done = subprocess.run([*self.prefix, *cmd], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            pytest.skip(
                f"could not start a PostgreSQL server ({cmd[0]}): {done.stderr.strip()} {tail}"
            )

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://marsad@/{database}?host={self.folder}&port={self.port}"

    def stop(self) -> None:
        subprocess.run(
            [*self.prefix, self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database (started for the session)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e .)")
    own = os.environ.get("MARSAD_TEST_PG")
    if own:
        yield own
        return
    server = _Server()
    try:
        yield server.url()
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"marsad_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    parts = urlsplit(pg_server_url)
    url = urlunsplit(parts._replace(path="/" + name))
    yield url
    with psycopg.connect(pg_server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A handful of synthetic news-length articles (written by marsad.bench) and a duplicate."""
    folder = tmp_path_factory.mktemp("corpus")
    write_synthetic_corpus(folder / "a", 6, seed=11)
    dup = folder / "b"
    dup.mkdir()
    (dup / "again.txt").write_bytes((folder / "a" / "synthetic_000002.txt").read_bytes())
    return folder

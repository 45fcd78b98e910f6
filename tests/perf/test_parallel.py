"""Extraction in worker processes and on Dask stores exactly what one process stores."""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.errors import InputError
from marsad.ingest import SAMPLE_DIR, ingest
from marsad.parallel import check_engine, ordered
from marsad.store import open_store

TABLES = {  # every table with the columns that must match (ingested_at is a clock reading)
    "documents": "id, doc_key, content_hash, url, version, source, fmt, title, outlet, author, "
    "published, published_basis, published_precision, language, raw_text, text, removed_json, "
    "warnings_json",
    "documents_fts": "rowid, title, body",
    "actors": "*",
    "mentions": "*",
    "timexes": "*",
    "events": "*",
    "event_dyads": "*",
    "quotes": "*",
}


def _dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: conn.execute(f"SELECT {cols} FROM {t} ORDER BY rowid").fetchall()
            for t, cols in TABLES.items()
        }
    finally:
        conn.close()


def _inputs(corpus: Path, tmp_path: Path) -> list[str]:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 not text")
    return [str(SAMPLE_DIR), str(corpus), str(bad), str(tmp_path / "missing.txt")]


def _report(r: Any) -> dict[str, Any]:
    d = r.to_dict()
    d.pop("elapsed_s")
    d.pop("docs_per_s")
    return d


def _run(inputs: list[str], db: Path, **kw: Any) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    with open_store(db) as st:
        report = ingest(inputs, st, **kw)
    return _report(report), _dump(db)


@pytest.fixture(scope="module")
def one_worker(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, ...]:
    tmp = tmp_path_factory.mktemp("one")
    inputs = _inputs(small_corpus, tmp)
    return inputs, *_run(inputs, tmp / "one.db")


def test_two_workers_store_exactly_what_one_stores(
    one_worker: tuple[Any, ...], tmp_path: Path
) -> None:
    inputs, report1, tables1 = one_worker
    report2, tables2 = _run(inputs, tmp_path / "two.db", workers=2)
    assert report2 == report1
    for table in TABLES:
        assert tables2[table] == tables1[table], table
    assert tables1["events"] and tables1["quotes"] and tables1["mentions"]
    assert {r["status"] for r in report1["documents"]} == {"added", "present"}  # the duplicate
    assert len(report1["rejected"]) == 2


def test_dask_local_cluster_stores_the_same_events(
    one_worker: tuple[Any, ...], tmp_path: Path
) -> None:
    """A LocalCluster of two process workers, reached by its scheduler's address as a real cluster
    would be (``--scheduler tcp://…``)."""
    distributed = pytest.importorskip(
        "dask.distributed", reason="dask[distributed] is not installed"
    )
    inputs, report1, tables1 = one_worker
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        report2, tables2 = _run(inputs, tmp_path / "dask.db", engine="dask", scheduler=address)
    assert report2 == report1
    for table in TABLES:
        assert tables2[table] == tables1[table], table


def test_unreachable_scheduler_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    monkeypatch.setattr("marsad.parallel.SCHEDULER_TIMEOUT_S", 1)
    port = _free_port()
    with open_store(tmp_path / "x.db") as st, pytest.raises(InputError, match="Dask scheduler"):
        ingest([SAMPLE_DIR], st, engine="dask", scheduler=f"tcp://127.0.0.1:{port}")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_ordered_yields_in_input_order_whatever_finishes_first() -> None:
    finished: list[int] = []

    def work(batch: list[int]) -> list[int]:
        time.sleep(0.02 * (3 - batch[0] // 4 % 3))  # earlier batches of a window finish later
        finished.append(batch[0])
        return [x * 10 for x in batch]

    with ThreadPoolExecutor(max_workers=3) as pool:
        out = list(ordered(lambda b: pool.submit(work, b), range(23), chunk=4, window=3))
    assert out == [x * 10 for x in range(23)]
    assert finished != sorted(finished)  # they did finish out of order


def test_ordered_reads_the_input_lazily() -> None:
    pulled: list[int] = []

    def source() -> Any:
        for i in range(1000):
            pulled.append(i)
            yield i

    def submit(batch: list[int]) -> Future[list[int]]:
        f: Future[list[int]] = Future()
        f.set_result(batch)
        return f

    it = ordered(submit, source(), chunk=5, window=2)
    assert next(it) == 0
    assert len(pulled) <= 10  # at most window x chunk items read ahead


@pytest.mark.parametrize(
    ("engine", "workers", "scheduler", "message"),
    [
        ("spark", 1, None, "--engine must be one of"),
        ("local", 0, None, "--workers must be 1 or more"),
        ("local", 2, "tcp://127.0.0.1:8786", "--scheduler needs --engine dask"),
    ],
)
def test_bad_engine_options(engine: str, workers: int, scheduler: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_engine(engine, workers, scheduler)


def test_cli_ingest_on_a_local_dask_cluster(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    db = tmp_path / "cli.db"
    args = ["ingest", str(SAMPLE_DIR), "--db", str(db), "--engine", "dask", "--workers", "2"]
    result = CliRunner().invoke(build_app(), [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert '"ingested": 7' in result.output

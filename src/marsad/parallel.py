"""Extraction in worker processes or on a Dask cluster, with the calling process as the single writer.

The pipeline is a pure function of the document, so cleaning and analysing an
article can run anywhere; only writing needs the store.  The calling process
reads the inputs, hands batches of articles to the workers, and takes the
results back *in input order* through a bounded window (so memory stays flat on
a batch of any size), then writes each one itself, one transaction per
document.  A batch run with N workers therefore stores exactly what one worker
stores, in the same order, with the same ids.

Engines:

* ``local``: a :class:`~concurrent.futures.ProcessPoolExecutor` on this machine
  (``forkserver`` start method where there is one; each worker loads the
  language data once).
* ``dask``: a ``dask.distributed`` cluster, at ``scheduler`` (``tcp://host:8786``)
  or, with no address, a :class:`~dask.distributed.LocalCluster` of process
  workers started for the run.  Every worker needs marsad installed.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from marsad.errors import DataFileError, InputError, MarsadError, StoreError
from marsad.model import Analysis, Document

ENGINES = ("local", "dask")
DEFAULT_CHUNK = 8  # articles per task: enough to hide the cost of a round trip
WINDOW_PER_WORKER = 4  # tasks in flight per worker: enough to keep every worker busy
SCHEDULER_TIMEOUT_S = 20  # how long to try reaching a Dask scheduler

T = TypeVar("T")
_FATAL: dict[str, type[MarsadError]] = {"DataFileError": DataFileError, "StoreError": StoreError}


@dataclass(frozen=True, slots=True)
class Failure:
    """A :class:`MarsadError` raised in a worker, carried back as plain data (errors with their
    own constructor arguments do not survive pickling)."""

    kind: str  # the error's class name
    reason: str
    source: str | None

    @classmethod
    def of(cls, exc: MarsadError) -> Failure:
        return cls(type(exc).__name__, exc.reason, exc.source)

    @property
    def fatal(self) -> bool:
        """A broken store or data file: no document can succeed, so the batch stops."""
        return self.kind in _FATAL

    def error(self) -> MarsadError:
        cls = _FATAL.get(self.kind, InputError)
        return cls(self.reason, source=self.source)


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article after a worker: its document (or why it could not be built), and its analysis
    (or why the pipeline failed on it).  Both are kept apart because the writer, like a one-worker
    run, treats content already in the store as present whatever the pipeline would have said."""

    source: str
    document: Document | None
    analysis: Analysis | None = None
    build_failure: Failure | None = None
    analyze_failure: Failure | None = None


def extract(candidate: Any, run_pipeline: bool) -> Extracted:
    """Clean one :class:`~marsad.ingest.Candidate` and run the pipeline on it (in a worker)."""
    from marsad.pipeline import analyze

    try:
        document = candidate.build()
    except MarsadError as exc:
        return Extracted(candidate.source, None, build_failure=Failure.of(exc))
    if not run_pipeline:
        return Extracted(candidate.source, document)
    try:
        analysis = analyze(document)
    except MarsadError as exc:
        return Extracted(candidate.source, document, analyze_failure=Failure.of(exc))
    return Extracted(candidate.source, document, _for_writer(analysis))


def _for_writer(analysis: Analysis) -> Analysis:
    """The analysis as the writer needs it: the store keeps no tokens, only the search text made
    from them, so that text is made here and the tokens stay behind (a thousand small objects
    per article cost the single writer more to unpickle than the rest of the analysis)."""
    from marsad.store import FTS_BODY, fts_body

    analysis.extras[FTS_BODY] = fts_body(analysis)
    analysis.segmentation = None
    return analysis


def extract_batch(batch: list[tuple[int, Any]], run_pipeline: bool) -> list[tuple[int, Any]]:
    """Extract every candidate of a batch; other items (rejections, skips) pass through as they are."""
    from marsad.ingest import Candidate

    return [
        (tag, extract(item, run_pipeline) if isinstance(item, Candidate) else item)
        for tag, item in batch
    ]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered(
    submit: Callable[[list[T]], Any], items: Iterable[T], chunk: int, window: int
) -> Iterator[Any]:
    """Submit ``items`` in batches, at most ``window`` batches in flight, and yield every result in
    input order (the input is read lazily, so a batch of any size runs in bounded memory)."""
    pending: deque[Any] = deque()
    for batch in batched(items, chunk):
        pending.append(submit(batch))  # a future: concurrent.futures' or Dask's
        while len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _warm() -> None:
    """Load the language data in a fresh worker before its first task."""
    from marsad.actors.lexicon import get_lexicon

    get_lexicon().automaton()


def _mp_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


@contextmanager
def _local_pool(
    workers: int, run_pipeline: bool
) -> Iterator[tuple[Callable[..., Future[Any]], int]]:
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_mp_context(), initializer=_warm
    ) as pool:
        yield (lambda batch: pool.submit(extract_batch, batch, run_pipeline)), workers


@contextmanager
def _dask_pool(
    workers: int, run_pipeline: bool, scheduler: str | None
) -> Iterator[tuple[Callable[..., Any], int]]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a declared dependency
        raise InputError("--engine dask needs dask[distributed] installed") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT_S)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler: {exc}", source=scheduler) from exc
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,  # errors only: a batch's own report is what the user reads
        )
        client = Client(cluster)
    try:
        size = len(client.scheduler_info().get("workers", {})) or workers
        yield (lambda batch: client.submit(extract_batch, batch, run_pipeline, pure=False)), size
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def check_engine(engine: str, workers: int, scheduler: str | None) -> None:
    if engine not in ENGINES:
        raise InputError(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, got {workers}")
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")


def extraction(
    *,
    workers: int,
    engine: str = "local",
    scheduler: str | None = None,
    run_pipeline: bool = True,
    chunk: int = DEFAULT_CHUNK,
) -> AbstractContextManager[Callable[[Iterable[tuple[int, Any]]], Iterator[tuple[int, Any]]]]:
    """A context that starts the workers and gives a function mapping tagged items to tagged
    results, in order: a :class:`~marsad.ingest.Candidate` becomes an :class:`Extracted`, anything
    else comes back as it went."""
    check_engine(engine, workers, scheduler)

    @contextmanager
    def run() -> Iterator[Callable[[Iterable[tuple[int, Any]]], Iterator[tuple[int, Any]]]]:
        pool = (
            _dask_pool(workers, run_pipeline, scheduler)
            if engine == "dask"
            else _local_pool(workers, run_pipeline)
        )
        with pool as (submit, size):
            window = max(2, size * WINDOW_PER_WORKER)
            yield lambda items: ordered(submit, items, chunk, window)

    return run()

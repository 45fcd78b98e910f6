"""Ingestion: read real Arabic articles from files, directories, feeds, WARC archives and URLs.

The path of one input::

    path or URL -> limits (exists, size, not binary) -> reader (decode, container format)
                -> furniture (clean text, removed lines with their rules, title)
                -> metadata (outlet, author, stated publication date, language)
                -> Document -> pipeline -> store (one transaction per document)

:func:`iter_inputs` yields one item per article found (a :class:`Candidate` to
build into a :class:`~marsad.model.Document`) and one per input that cannot be
used (a :class:`Rejection` naming it and the reason), so a bad file never
stops a batch.  :func:`ingest` runs the batch into a store and returns an
:class:`IngestReport`.  :func:`load_document` reads one file holding one
article.  The bundled sample corpus (:data:`SAMPLE_DIR`) holds short news items
written for this project; their events are fictional.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import DataFileError, InputError, MarsadError, StoreError
from marsad.ingest.furniture import clean
from marsad.ingest.limits import DEFAULT_MAX_BYTES, Limits
from marsad.ingest.metadata import describe
from marsad.ingest.readers import (
    ARTICLE_SUFFIXES,
    WARC_SUFFIXES,
    Article,
    Rejection,
    Skipped,
    is_url,
    read_path,
    read_url,
    record_article,
)
from marsad.model import Analysis, Document
from marsad.parallel import Extracted
from marsad.pipeline import analyze
from marsad.resources import data_path
from marsad.store import AddResult, Store

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SAMPLE_DIR",
    "Candidate",
    "IngestReport",
    "ItemResult",
    "Limits",
    "Progress",
    "Rejection",
    "Skipped",
    "build_document",
    "document_from_record",
    "expand_inputs",
    "ingest",
    "iter_inputs",
    "load_document",
]

SAMPLE_DIR = data_path("sample")


# -- items -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Candidate:
    """An article that was read and decoded; :meth:`build` cleans it into a document."""

    article: Article

    @property
    def source(self) -> str:
        return self.article.source

    def build(self) -> Document:
        """The document; :class:`InputError` naming the article if it cannot be built."""
        try:
            return build_document(self.article)
        except MarsadError:
            raise
        except Exception as exc:  # a failure on one odd article is that article's rejection
            raise InputError(
                f"could not be cleaned ({type(exc).__name__}: {exc})", source=self.source
            ) from exc


Item = Candidate | Rejection | Skipped
InputRef = Path | str  # a file or a URL


def build_document(article: Article) -> Document:
    """Clean an article's text and read its metadata; raise :class:`InputError` if no text is left."""
    cleaned = clean(article.text, title_hint=article.hints.title)
    if not cleaned.text.strip():
        raise InputError(
            "no article text left after removing page furniture", source=article.source
        )
    meta, warnings = describe(cleaned, article.hints, fmt=article.fmt, source=article.source)
    return Document(
        raw=article.text,
        text=cleaned.text,
        meta=meta,
        removed=cleaned.removed,
        warnings=[*article.hints.warnings, *article.warnings, *warnings],
    )


def document_from_record(record: Mapping[str, Any], *, source: str) -> Document:
    """A document from a JSONL-style record (``text`` or ``html``, optional ``url``, ``title``,
    ``published``, ``outlet``, ``author``): what a JSONL line or an API request carries.
    Raises :class:`InputError` naming ``source`` when the record has no usable text."""
    return build_document(record_article(record, source))


def _is_article_file(name: str) -> bool:
    low = name.lower()
    return low.endswith(WARC_SUFFIXES) or os.path.splitext(low)[1] in ARTICLE_SUFFIXES


def expand_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[InputRef | Rejection | Skipped]:
    """Files (directories walked recursively, in sorted order) and URLs, with rejections for missing paths.

    In a directory, hidden files and folders are passed over and files whose
    name is not an article format are :class:`Skipped`; a file named
    explicitly is always read (its bytes tell what it is).
    """
    out: list[InputRef | Rejection | Skipped] = []
    for value in paths:
        text = os.fspath(value)
        if is_url(text):
            out.append(text)
            continue
        path = Path(text)
        if path.is_dir():
            out.extend(_walk(path))
        elif path.exists():
            out.append(path)
        else:
            out.append(Rejection(text, "no such file or directory"))
    return out


def _walk(root: Path) -> list[Path | Skipped]:
    """Every file under ``root`` in sorted path order (so a batch is reproducible)."""
    paths: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        paths.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    paths.sort(key=lambda p: p.relative_to(root).parts)
    return [
        p if _is_article_file(p.name) else Skipped(str(p), "not an article format (by its name)")
        for p in paths
    ]


def _items(ref: InputRef | Rejection | Skipped, limits: Limits) -> Iterator[Item]:
    if isinstance(ref, Rejection | Skipped):
        yield ref
        return
    found = read_url(ref, limits) if isinstance(ref, str) else read_path(ref, limits)
    try:
        for item in found:
            yield Candidate(item) if isinstance(item, Article) else item
    except MarsadError:
        raise
    except Exception as exc:  # a library failing on one odd input must not stop a batch
        yield Rejection(str(ref), f"could not be read ({type(exc).__name__}: {exc})")


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], *, limits: Limits | None = None
) -> Iterator[Item]:
    """One item per article found in ``paths`` (a :class:`Candidate`), or per input that cannot be used."""
    limits = limits or Limits()
    for ref in expand_inputs(paths):
        yield from _items(ref, limits)


def load_document(path: Path | str, *, limits: Limits | None = None) -> Document:
    """Read one file that holds one article; raise :class:`InputError` naming the file and the reason."""
    items = [
        item for item in _items_of_one(path, limits or Limits()) if not isinstance(item, Skipped)
    ]
    for item in items:
        if isinstance(item, Rejection):
            raise InputError(item.reason, source=item.source)
    if len(items) != 1:
        raise InputError(
            f"holds {len(items)} articles; use iter_inputs() or `marsad ingest`", source=str(path)
        )
    item = items[0]
    assert isinstance(item, Candidate)
    return item.build()


def _items_of_one(path: Path | str, limits: Limits) -> Iterator[Item]:
    text = os.fspath(path)
    if is_url(text):
        yield from _items(text, limits)
        return
    p = Path(text)
    if p.is_dir():
        raise InputError("is a directory; use iter_inputs() or `marsad ingest`", source=text)
    if not p.exists():
        raise InputError("no such file or directory", source=text)
    yield from _items(p, limits)


# -- a batch into the store ------------------------------------------------------
@dataclass(slots=True)
class ItemResult:
    """What happened to one item of a batch."""

    source: str
    status: str  # added | present | new_version | rejected | skipped
    doc_key: str | None = None
    doc_id: int | None = None
    version: int | None = None
    title: str | None = None
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a batch stands, for a progress bar."""

    inputs_done: int
    inputs_total: int
    documents: int  # items that became a document (added, present or new version)
    elapsed: float
    last: ItemResult | None

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0


ProgressFn = Callable[[Progress], None]


@dataclass(slots=True)
class IngestReport:
    """The outcome of a batch: counts, every item's result, and the exit code it deserves."""

    results: list[ItemResult] = field(default_factory=list)
    strict: bool = False
    elapsed: float = 0.0
    inputs: int = 0

    def _count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def added(self) -> int:
        return self._count("added")

    @property
    def present(self) -> int:
        return self._count("present")

    @property
    def new_versions(self) -> int:
        return self._count("new_version")

    @property
    def rejected(self) -> list[ItemResult]:
        return [r for r in self.results if r.status == "rejected"]

    @property
    def skipped(self) -> list[ItemResult]:
        return [r for r in self.results if r.status == "skipped"]

    @property
    def documents(self) -> int:
        return self.added + self.present + self.new_versions

    @property
    def exit_code(self) -> int:
        """0, or 2 when nothing could be ingested (or, with ``strict``, anything was rejected)."""
        if self.documents == 0 or (self.strict and self.rejected):
            return InputError.exit_code
        return 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.added,
            "present": self.present,
            "new_versions": self.new_versions,
            "rejected": [{"source": r.source, "reason": r.reason} for r in self.rejected],
            "skipped": [{"source": r.source, "reason": r.reason} for r in self.skipped],
            "inputs": self.inputs,
            "elapsed_s": round(self.elapsed, 3),
            "docs_per_s": round(self.documents / self.elapsed, 2) if self.elapsed > 0 else None,
            "exit_code": self.exit_code,
            "documents": [
                {k: v for k, v in asdict(r).items() if k not in ("reason",)}
                for r in self.results
                if r.status in ("added", "present", "new_version")
            ],
        }


def _store_one(candidate: Candidate, store: Store, run_pipeline: bool) -> ItemResult:
    document = candidate.build()
    base = ItemResult(
        candidate.source, "present", title=document.meta.title, warnings=document.warnings
    )
    known = store.find_hash(document.hash)
    if known is not None:  # the same content again: nothing to do, not even the pipeline
        base.doc_key = known
        return base
    analysis = analyze(document) if run_pipeline else Analysis.of(document)
    return _added(base, store.add(analysis))


def _added(base: ItemResult, added: AddResult) -> ItemResult:
    base.status, base.doc_key, base.doc_id, base.version = (
        added.status,
        added.doc_key,
        added.doc_id,
        added.version,
    )
    return base


def _store_extracted(ex: Extracted, store: Store) -> ItemResult:
    """Write what a worker extracted, deciding exactly as :func:`_store_one` does in one process."""
    if ex.build_failure is not None:
        raise ex.build_failure.error()
    document = ex.document
    assert document is not None
    base = ItemResult(ex.source, "present", title=document.meta.title, warnings=document.warnings)
    known = store.find_hash(document.hash)
    if known is not None:
        base.doc_key = known
        return base
    if ex.analyze_failure is not None:
        raise ex.analyze_failure.error()
    return _added(base, store.add(ex.analysis or Analysis.of(document)))


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    strict: bool = False,
    progress: ProgressFn | None = None,
    run_pipeline: bool = True,
    limits: Limits | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> IngestReport:
    """Read every article in ``paths`` into ``store``, one transaction per document.

    A bad input or item is recorded as rejected and the batch goes on; what is
    already stored is never touched (the same content is ``present``; the same
    URL with new content is a ``new_version``).  An interrupt stops the batch
    and loses at most the document in flight; running it again finishes it.

    With ``workers`` > 1 (``engine="local"``) or ``engine="dask"`` the articles
    are cleaned and analysed in other processes (:mod:`marsad.parallel`) while
    this one reads the inputs and stays the single writer, taking results in
    input order: the store ends up exactly as with one worker.
    """
    limits = limits or Limits()
    refs = expand_inputs(paths)
    report = IngestReport(strict=strict, inputs=len(refs))
    t0 = time.perf_counter()
    documents = 0

    def tick(done: int, last: ItemResult | None) -> None:
        if progress is not None:
            progress(Progress(done, len(refs), documents, time.perf_counter() - t0, last))

    def tagged() -> Iterator[tuple[int, Item | _InputDone]]:
        """Every item, tagged with the number of its input; a done marker after each input."""
        for done, ref in enumerate(refs, 1):
            for item in _items(ref, limits):
                yield done, item
            yield done, _InputDone()

    def record(done: int, outcome: Item | Extracted | _InputDone) -> None:
        nonlocal documents
        if isinstance(outcome, _InputDone):
            tick(done, None)
            return
        if isinstance(outcome, Rejection):
            result = ItemResult(outcome.source, "rejected", reason=outcome.reason)
        elif isinstance(outcome, Skipped):
            result = ItemResult(outcome.source, "skipped", reason=outcome.reason)
        else:
            try:
                if isinstance(outcome, Extracted):
                    result = _store_extracted(outcome, store)
                else:
                    result = _store_one(outcome, store, run_pipeline)
            except (StoreError, DataFileError):
                raise  # the store or a language-data file is broken: no document can succeed
            except MarsadError as exc:  # bad input or a stage that failed on this document
                result = ItemResult(outcome.source, "rejected", reason=exc.reason)
            else:
                documents += 1
        report.results.append(result)
        tick(done - 1, result)

    tick(0, None)
    if workers <= 1 and engine == "local":
        for done, item in tagged():
            record(done, item)
    else:
        from marsad.parallel import extraction

        with extraction(
            workers=workers, engine=engine, scheduler=scheduler, run_pipeline=run_pipeline
        ) as extract_all:
            for done, outcome in extract_all(tagged()):
                record(done, outcome)
    report.elapsed = time.perf_counter() - t0
    return report


@dataclass(frozen=True, slots=True)
class _InputDone:
    """Marks the end of one input's items in the stream (for progress)."""

"""The pipeline: named stages, each adding one layer to an :class:`~marsad.model.Analysis`.

A stage is a function ``Analysis -> None`` with the layers it needs and the
layer it adds.  The runner checks the order, times each stage and names the
stage in any error.  The per-document pipeline is a pure function of the
document, so it can run in worker processes or on a cluster and give the same
records.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from marsad.errors import MarsadError, StageError
from marsad.model import Analysis, Document

StageFn = Callable[[Analysis], None]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    target: str  # "module:function", imported on first use
    requires: tuple[str, ...] = ()

    def load(self) -> StageFn:
        module, _, attr = self.target.partition(":")
        fn: StageFn = getattr(importlib.import_module(module), attr)
        return fn


STAGES: tuple[Stage, ...] = (
    Stage("segment", "marsad.stages:segment_stage"),
    Stage("time", "marsad.time:time_stage", ("segment",)),
    Stage("actors", "marsad.actors:actors_stage", ("segment",)),
    Stage("quotes", "marsad.quotes:quotes_stage", ("segment", "actors")),
    Stage("events", "marsad.events:events_stage", ("segment", "actors")),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


@cache
def _loaded() -> tuple[tuple[Stage, StageFn], ...]:
    """Every stage with its function, imported once per process (a missing stage fails loudly)."""
    return tuple((stage, stage.load()) for stage in STAGES)


def analyze(
    document: Document,
    stages: Iterable[str] | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    """Run the pipeline (every stage, or the named ones in order) on one document."""
    wanted = set(stages) if stages is not None else None
    analysis = Analysis.of(document)
    for stage, fn in _loaded():
        if wanted is not None and stage.name not in wanted:
            continue
        missing = [r for r in stage.requires if r not in analysis.stages_run]
        if missing:
            raise StageError(stage.name, f"needs {', '.join(missing)} to run first")
        t0 = time.perf_counter()
        try:
            fn(analysis)
        except MarsadError:
            raise
        except Exception as exc:  # a bug in a stage: name the stage and the document
            raise StageError(
                stage.name, f"{type(exc).__name__}: {exc}", source=document.meta.source
            ) from exc
        if timings is not None:
            timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - t0
        analysis.stages_run.append(stage.name)
    return analysis

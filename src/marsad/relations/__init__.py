"""Relations: the same event across articles, per-pair timelines, phases and briefs."""

from marsad.relations.merge import MergedEvent, merge_events
from marsad.relations.phases import Phase, detect_phases
from marsad.relations.timeline import Period, Timeline, timeline

__all__ = [
    "MergedEvent",
    "Period",
    "Phase",
    "Timeline",
    "detect_phases",
    "merge_events",
    "timeline",
]

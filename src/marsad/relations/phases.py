"""Phases of a relationship: change points in the pair's Goldstein series, labelled.

Method (documented in the README): the series is the mean Goldstein weight of
the pair's merged events per period, over the periods that have events.  An
exact optimal partitioning (dynamic programming over every split, as in PELT
without pruning; fine for the hundreds of periods a pair has) minimizes the
event-weighted squared error of each segment around its mean plus a penalty
per segment, ``beta = s2 * ln(n)`` (Schwarz's criterion counting the new mean of each
segment; n at least 2) where ``n`` is the number of periods
with events and ``s2`` a robust variance of the period-to-period noise (median
absolute deviation of the first differences over sqrt 2, as change-point methods
estimate it; floor 1.0) — a BIC-style penalty on the scale of that noise,
and a segment lighter than two dated events joins its nearest neighbour, so a phase
change needs a real and lasting shift, not one bad day.  Events
weigh into a period's mean by how well they are dated (one explicitly dated
event counts 1, one dated only by its article 0.5).

Each segment is labelled from its weighted mean Goldstein ``g`` and the share
``c`` of conflict events (quad classes 3 and 4):
``crisis`` when g <= -2 or c >= 0.5 with material conflict; ``tension`` when
g <= 0 or c >= 0.4; else ``cooperation`` — or ``normalization`` when it
follows a tension or crisis phase.  Each phase is explained by its key events
(Goldstein weight × number of independent sources).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise, repeat
from operator import mul, sub
from statistics import median
from typing import Any


@dataclass(slots=True)
class Phase:
    start: str  # first period
    end: str  # last period
    label: str  # cooperation | tension | crisis | normalization
    goldstein_mean: float
    conflict_share: float
    events: int
    key_events: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.start,
            "to": self.end,
            "label": self.label,
            "goldstein_mean": self.goldstein_mean,
            "conflict_share": self.conflict_share,
            "events": self.events,
            "key_events": self.key_events,
        }


def _cost(xs: list[float], ws: list[float], i: int, j: int) -> float:
    """Weighted squared error of xs[i:j] around its weighted mean.

    The operations of ``sum(k * (x - mean) ** 2 for ...)`` in the same order (so the same
    floats), run by C-level ``map`` rather than a generator: the partitioning calls this for
    every pair of periods."""
    seg_x, seg_w = xs[i:j], ws[i:j]
    w = sum(seg_w)
    if w == 0:
        return 0.0
    mean = sum(map(mul, seg_x, seg_w)) / w
    return sum(map(mul, seg_w, map(pow, map(sub, seg_x, repeat(mean)), repeat(2))))


def change_points(xs: list[float], ws: list[float], beta: float) -> list[int]:
    """Segment boundaries (end indices) of the optimal partition of xs under penalty beta.

    The exhaustive dynamic programme, with the exact cost (:func:`_cost`, O(n)) computed only
    for the splits that can win: every split is first estimated from prefix sums in O(1), the
    best estimate's exact cost bounds the minimum, and a split whose estimate exceeds that bound
    by more than any rounding of the estimate (a margin of 1e-9 of the magnitudes, the rounding
    being below 1e-12) cannot be the minimum.  The rest are scanned in order with the exact
    cost, so the result, ties included, is the exhaustive one's; the work is O(n**2) rather
    than O(n**3)."""
    n = len(xs)
    best = [0.0] + [math.inf] * n
    last = [0] * (n + 1)
    pw, pwx, pwxx = [0.0], [0.0], [0.0]
    for x, k in zip(xs, ws, strict=True):
        pw.append(pw[-1] + k)
        pwx.append(pwx[-1] + k * x)
        pwxx.append(pwxx[-1] + k * x * x)
    scale = 1.0 + abs(pwxx[-1]) + abs(beta)
    for j in range(1, n + 1):
        wj, wxj, wxxj = pw[j], pwx[j], pwxx[j]
        est = [
            best[i]
            + (
                max(0.0, (wxxj - pwxx[i]) - (wxj - pwx[i]) ** 2 / (wj - pw[i]))
                if wj != pw[i]
                else 0.0
            )
            + beta
            for i in range(j)
        ]
        top = min(range(j), key=est.__getitem__)
        bound = best[top] + _cost(xs, ws, top, j) + beta
        cut = bound + 1e-9 * (scale + abs(bound))
        for i in range(j):
            if est[i] > cut:
                continue  # its exact cost is above the bound: not the minimum
            c = best[i] + _cost(xs, ws, i, j) + beta
            if c < best[j]:
                best[j] = c
                last[j] = i
    ends = []
    j = n
    while j > 0:
        ends.append(j)
        j = last[j]
    return sorted(ends)


def noise_variance(xs: list[float]) -> float:
    """A robust variance of the period-to-period noise: the median absolute deviation of the first
    differences, over sqrt(2).  Differences cancel the level of each phase, so the estimate does
    not grow with the very shifts the partition is looking for (the spread of the means around
    their median does: one cordial month in a crisis year raised it and hid the crisis)."""
    if len(xs) < 3:
        return 0.0
    diffs = [b - a for a, b in pairwise(xs)]
    mid = median(diffs)
    mad = median(abs(d - mid) for d in diffs) * 1.4826
    return (mad / math.sqrt(2)) ** 2


def _label(g: float, conflict: float, material: float, previous: str | None) -> str:
    if g <= -2 or (conflict >= 0.5 and material > 0):
        return "crisis"
    if g <= 0 or conflict >= 0.4:
        return "tension"
    if previous in ("crisis", "tension"):
        return "normalization"
    return "cooperation"


# the least evidence a phase of its own needs: two explicitly dated events (four dated only by
# their article)
MIN_PHASE_WEIGHT = 2.0


def _weighty(ends: list[int], xs: list[float], ws: list[float]) -> list[int]:
    """The partition with every segment lighter than :data:`MIN_PHASE_WEIGHT` joined to the
    neighbour whose mean is nearest its own: one warm or one bad event is no phase, however far
    it lies from its neighbours (the penalty cannot say so: it prices a segment, not its weight)."""
    ends = list(ends)
    while len(ends) > 1:
        starts = [0, *ends[:-1]]
        segs = list(zip(starts, ends, strict=True))
        weights = [sum(ws[a:b]) for a, b in segs]
        light = [i for i, w in enumerate(weights) if w < MIN_PHASE_WEIGHT]
        if not light:
            break
        i = min(light, key=lambda k: (weights[k], k))
        means = [
            sum(x * w for x, w in zip(xs[a:b], ws[a:b], strict=True)) / (weights[k] or 1.0)
            for k, (a, b) in enumerate(segs)
        ]
        options = [k for k in (i - 1, i + 1) if 0 <= k < len(segs)]
        j = min(options, key=lambda k: (abs(means[k] - means[i]), k))
        del ends[min(i, j)]  # the boundary between segments i and j
    return ends


def detect_phases(periods: list[Any]) -> list[Phase]:
    """Phases over timeline periods (objects with period, events, quad, goldstein_mean, key_events)."""
    filled = [p for p in periods if p.events]
    if not filled:
        return []
    xs = [p.goldstein_mean for p in filled]
    ws = [getattr(p, "weight", 0.0) or float(p.events) for p in filled]
    s2 = max(1.0, noise_variance(xs))
    beta = s2 * math.log(max(2, len(xs)))
    ends = _weighty(change_points(xs, ws, beta), xs, ws)
    phases: list[Phase] = []
    start = 0
    for end in ends:
        seg = filled[start:end]
        n = sum(p.events for p in seg)
        wsum = sum(ws[start:end])
        g = sum(p.goldstein_mean * w for p, w in zip(seg, ws[start:end], strict=True)) / wsum
        conflict = sum(p.quad[3] + p.quad[4] for p in seg) / n
        material = sum(p.quad[4] for p in seg) / n
        sign = 1.0 if g >= 0 else -1.0  # a phase is explained by the events that pull it its way
        label = _label(g, conflict, material, phases[-1].label if phases else None)
        keys = sorted(
            (k for p in seg for k in p.key_events), key=lambda k: -sign * float(k["weight"])
        )[:5]
        if phases and phases[-1].label == label:
            prev = phases[-1]
            total = prev.events + n
            prev.goldstein_mean = round((prev.goldstein_mean * prev.events + g * n) / total, 3)
            prev.conflict_share = round(
                (prev.conflict_share * prev.events + conflict * n) / total, 3
            )
            prev.events = total
            prev.end = seg[-1].period
            prev.key_events = sorted(
                prev.key_events + keys, key=lambda k: -sign * float(k["weight"])
            )[:5]
        else:
            phases.append(
                Phase(
                    seg[0].period, seg[-1].period, label, round(g, 3), round(conflict, 3), n, keys
                )
            )
        start = end
    return phases

from __future__ import annotations

from marsad.query import EventRow
from marsad.relations.merge import dates_agree, duplicate_groups, merge_events, minhash, similarity
from marsad.relations.phases import change_points, detect_phases, noise_variance
from marsad.relations.timeline import Period, period_of


def _period(label: str, g: float, n: int, conflict: int = 0, material: int = 0) -> Period:
    p = Period(label, events=n, goldstein_mean=g)
    p.quad = {1: n - conflict, 2: 0, 3: conflict - material, 4: material}
    return p


def test_change_points_find_a_level_shift() -> None:
    xs = [3.0, 3.5, 2.8, 3.2, -6.0, -5.5, -6.5, 3.0, 3.4]
    ws = [4] * len(xs)
    assert change_points(xs, ws, beta=20.0) == [4, 7, 9]


def test_phases_cooperation_crisis_normalization() -> None:
    periods = [
        _period("2024-07", 3.0, 3),
        _period("2024-08", 3.5, 10),
        _period("2025-06", -6.0, 8, conflict=7, material=6),
        _period("2025-07", -5.0, 12, conflict=10, material=7),
        _period("2025-10", 4.0, 9),
    ]
    phases = detect_phases(periods)
    assert [(p.start, p.end, p.label) for p in phases] == [
        ("2024-07", "2024-08", "cooperation"),
        ("2025-06", "2025-07", "crisis"),
        ("2025-10", "2025-10", "normalization"),
    ]


def test_one_bad_day_is_not_a_phase() -> None:
    periods = [_period(f"2024-{m:02d}", 3.0, 5) for m in range(1, 10)]
    periods[4] = _period("2024-05", 1.0, 1, conflict=1)
    assert [p.label for p in detect_phases(periods)] == ["cooperation"]


def test_noise_variance_ignores_the_shifts_between_phases() -> None:
    """Two steady levels far apart: the spread of the values is large, the noise is small."""
    xs = [3.0, 3.2, 2.9, 3.1, -3.0, -3.1, -2.8, -3.2, 3.0, 3.1]
    assert noise_variance(xs) < 0.2
    assert noise_variance([1.0, 2.0]) == 0.0  # too short to say


def test_a_cordial_month_does_not_hide_a_crisis() -> None:
    """A very warm month before a crisis widens the spread of the monthly means; the penalty must
    not grow with it, or the crisis and the recovery after it merge into one phase."""
    series = [
        ("2001-01", 1.0, 1, 0, 0),
        ("2018-09", 1.9, 1, 0, 0),
        ("2022-02", 8.0, 1, 0, 0),
        ("2024-04", 4.0, 2, 0, 0),
        ("2024-07", 3.8, 2, 0, 0),
        ("2024-08", 3.3, 5, 0, 0),
        ("2024-12", -6.0, 3, 2, 2),
        ("2025-03", 1.9, 1, 0, 0),
        ("2025-05", 4.5, 6, 0, 0),  # the warm month
        ("2025-06", 0.0, 8, 4, 1),
        ("2025-07", -0.6, 18, 10, 3),
        ("2025-08", 1.0, 1, 0, 0),
        ("2025-10", 1.7, 8, 3, 0),
    ]
    periods = [_period(*row) for row in series]
    labels = {p.start: p.label for p in detect_phases(periods)}
    assert labels["2025-06"] == "crisis"
    assert labels.get("2025-08", labels.get("2025-10")) in ("normalization", "cooperation")


def test_one_event_far_from_its_neighbours_is_no_phase() -> None:
    """However extreme, a single event's month is too little evidence for a phase of its own."""
    periods = [
        _period("2024-01", 3.0, 5),
        _period("2024-02", 3.2, 6),
        _period("2024-03", -9.0, 1, conflict=1, material=1),
        _period("2024-04", 2.9, 5),
        _period("2024-05", 3.1, 6),
    ]
    assert [p.label for p in detect_phases(periods)] == ["cooperation"]
    # two months of it are a crisis
    periods[3] = _period("2024-04", -8.0, 6, conflict=6, material=5)
    periods[2] = _period("2024-03", -9.0, 5, conflict=5, material=5)
    assert [p.label for p in detect_phases(periods)] == ["cooperation", "crisis", "normalization"]


def test_period_labels() -> None:
    assert period_of("2025-07-01", "month") == "2025-07"
    assert period_of("2025-07-01", "week") == "2025-W27"
    assert period_of("2025-07", "day") is None
    assert period_of("2025", "month") is None


def test_dates_agree_within_precision() -> None:
    assert dates_agree("2025-07", "2025-07-01")
    assert not dates_agree("2025-07-02", "2025-07-01")
    assert not dates_agree("2025-06", "2025-07-01")


def _row(
    i: int,
    doc: str,
    cameo: str,
    date: str,
    src: str = "RUSGOV",
    tgt: str = "AZE",
    outlet: str = "o",
) -> EventRow:
    return EventRow(
        id=i,
        doc_key=doc,
        outlet=outlet,
        url=None,
        date=date,
        date_basis="expression",
        source=[{"id": src, "code": src, "name": src, "kind": "country"}],
        target=[{"id": tgt, "code": tgt, "name": tgt, "kind": "country"}],
        cameo=cameo,
        plover="X",
        quad=1,
        goldstein=1.0,
        status="asserted",
        trigger="t",
        sentence="s",
        location=None,
        rule="r",
        offsets={},
    )


def test_same_event_across_articles_merges_and_conflicts_stay_side_by_side() -> None:
    rows = [
        _row(1, "d1", "042", "2024-08-18", outlet="A"),
        _row(2, "d2", "042", "2024-08", outlet="B"),
        _row(3, "d3", "040", "2024-08-19", "AZEGOV", "RUSGOV", outlet="B"),
        _row(4, "d4", "040", "2024-08-19", "RUSGOV", "AZEGOV", outlet="C"),  # symmetric: same event
        _row(5, "d5", "195", "2024-12-25", outlet="A"),
        _row(
            6, "d6", "190", "2024-12-25", outlet="D"
        ),  # same root 19, another code: a conflicting report
    ]
    merged = merge_events(rows)
    by_root = {(m.key[2], m.date): m for m in merged}
    visit = by_root[("04", "2024-08-18")]
    assert visit.articles == 2 and visit.outlets == 2
    meet = by_root[("04", "2024-08-19")]
    assert meet.articles == 2
    crash = by_root[("19", "2024-12-25")]
    assert crash.variants == {"195": ["d5"], "190": ["d6"]}


def test_near_duplicates_count_once() -> None:
    text = (
        "زار الرئيس الروسي باكو اليوم في زيارة رسمية تستمر يومين ويبحث خلالها التعاون الاقتصادي "
        * 3
    )
    texts = {
        "a": text,
        "b": text + " المصدر: وكالة",
        "c": "نص مختلف تماما عن الاقتصاد والرياضة والطقس في المنطقة " * 3,
    }
    assert similarity(minhash(texts["a"]), minhash(texts["b"])) > 0.8
    groups = duplicate_groups(texts)
    assert groups == {"a": "a", "b": "a", "c": "c"}
    merged = merge_events(
        [_row(1, "a", "042", "2024-08-18"), _row(2, "b", "042", "2024-08-18")], groups
    )
    assert merged[0].articles == 2 and merged[0].sources == 1

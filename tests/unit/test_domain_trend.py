"""The trend: which points moved mostly because older evidence faded, and by how much."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.profile import build_profile
from nextround.domain.trend import (
    FADING_MARK,
    FADING_NOTE,
    ONLY_FADING_NOTE,
    build_trend,
    competency_trend,
    trend_point,
)
from tests.unit.growth_fixtures import FRAMEWORK, GAP, INTERVIEWER, STRENGTH, ev, rating

HALF = 365
TODAY = date(2025, 11, 15)


def _recency(on: date, as_of: date) -> float:
    return float(0.5 ** ((as_of - on).days / HALF))


# Three interviewer gaps early in 2024, then a year of nothing, then a middling 3/5 of your
# own in 2025Q1 (half for, half against at 0.3 weight): the 2025Q1 point moves because the
# 2024 gaps have faded, hardly because of the rating. Then a strength in 2025Q3.
GAPS_ON = date(2024, 1, 15)
RATED_ON = date(2025, 2, 1)
PRAISED_ON = date(2025, 8, 1)
EVIDENCE = [
    *[ev("risk-management", GAP, INTERVIEWER, GAPS_ON, app=1) for _ in range(3)],
    rating("risk-management", 3, RATED_ON, app=2),
    ev("risk-management", STRENGTH, INTERVIEWER, PRAISED_ON, app=3),
]


def _points() -> list:
    (series,) = build_trend(EVIDENCE, FRAMEWORK, TODAY, HALF)
    return list(series.points)


def test_a_past_point_that_moved_mostly_by_fading_is_marked_with_its_two_parts() -> None:
    points = _points()
    by_quarter = {p.quarter: p for p in points}
    first, quiet, moved = by_quarter["2024Q1"], by_quarter["2024Q2"], by_quarter["2025Q1"]
    assert quiet.carried_forward and not quiet.faded and quiet.change == 0
    # By hand: at 2024-03-31 the gaps weigh w1 each; at 2025-03-31 they weigh w2, and the
    # rating (weight 0.3 x its recency) adds half of itself to each side.
    w1 = _recency(GAPS_ON, date(2024, 3, 31))
    w2 = _recency(GAPS_ON, date(2025, 3, 31))
    ws = 0.3 * _recency(RATED_ON, date(2025, 3, 31))
    before = 1 / (2 + 3 * w1)
    faded_only = 1 / (2 + 3 * w2)
    after = (1 + ws / 2) / (2 + 3 * w2 + ws)
    assert first.score.mean == pytest.approx(before)
    assert moved.score.mean == pytest.approx(after)
    assert moved.from_fading == pytest.approx(faded_only - before)
    assert moved.from_new_evidence == pytest.approx(after - faded_only)
    assert moved.change == pytest.approx(after - before)
    assert abs(moved.from_fading) > abs(moved.from_new_evidence) > 0
    assert moved.faded and moved.new_evidence == 1
    assert moved.note == FADING_NOTE
    # The point before, as a reader sees it: the last one measured, not the quiet quarter.
    assert (moved.previous_quarter, moved.previous_mean) == ("2024Q1", pytest.approx(before))


def test_a_point_moved_mostly_by_new_evidence_is_not_marked() -> None:
    praised = next(p for p in _points() if p.quarter == "2025Q3")
    assert praised.new_evidence == 1 and not praised.carried_forward
    assert abs(praised.from_new_evidence) > abs(praised.from_fading)
    assert not praised.faded and praised.note == ""
    assert praised.change == pytest.approx(praised.score.mean - praised.previous_mean)


def test_todays_point_without_new_evidence_is_all_fading() -> None:
    last = _points()[-1]
    assert (last.quarter, last.as_of, last.new_evidence) == ("2025Q4", TODAY, 0)
    assert last.from_new_evidence == 0 and last.from_fading != 0
    assert last.faded and last.note == ONLY_FADING_NOTE
    # Both marks end in the words a legend explains them by.
    assert FADING_NOTE.endswith(FADING_MARK) and ONLY_FADING_NOTE.endswith(FADING_MARK)
    assert last.score == build_profile(EVIDENCE, FRAMEWORK, TODAY, HALF).score_of("risk-management")


def test_a_point_that_did_not_move_is_not_marked() -> None:
    # A neutral mention moves nothing, however old: no change, so nothing to blame on fading.
    from tests.unit.growth_fixtures import NEUTRAL

    evidence = [ev("communication", NEUTRAL, INTERVIEWER, date(2025, 2, 1), app=1)]
    (series,) = build_trend(evidence, FRAMEWORK, TODAY, HALF)
    assert [p.faded for p in series.points] == [False, False, False, False]
    assert series.points[-1].change == 0


def test_the_json_carries_the_two_parts_and_the_mark() -> None:
    points = build_profile(EVIDENCE, FRAMEWORK, TODAY, HALF).to_json()["trend"][0]["points"]
    moved = next(p for p in points if p["quarter"] == "2025Q1")
    assert moved["faded"] is True and moved["carried_forward"] is False
    assert moved["previous_quarter"] == "2024Q1"
    assert moved["change_from_fading"] + moved["change_from_new_evidence"] == pytest.approx(
        moved["mean"] - moved["previous_mean"], abs=2e-4
    )
    first = points[0]
    assert (first["change_from_fading"], first["change_from_new_evidence"]) == (0, 0)
    assert first["previous_quarter"] is None and first["faded"] is False


def test_movement_says_what_moved_a_point_in_parts_that_add_up() -> None:
    points = {p.quarter: p for p in _points()}
    moved = points["2025Q1"]
    text = moved.movement
    assert text.startswith(f"+{moved.change:.3f} since 2024Q1 ({moved.previous_mean:.3f}): ")
    assert f"+{moved.from_new_evidence:.3f} from 1 new piece of evidence" in text
    assert f"+{moved.from_fading:.3f} from older evidence fading" in text
    assert text.endswith(f"; {FADING_NOTE}")
    assert points["2024Q2"].movement == (
        f"no new evidence since 2024Q1, so the trend carries its "
        f"{points['2024Q1'].score.mean:.2f} forward"
    )
    assert points["2024Q1"].movement == "the first point of the trend"
    assert "no new evidence, " in points["2025Q4"].movement


def test_a_trend_point_is_the_profiles_own_or_measured_as_if_that_day_were_today() -> None:
    series = competency_trend(EVIDENCE, FRAMEWORK, "risk-management", TODAY, HALF)
    assert series is not None
    for point in series.points:
        found = trend_point(EVIDENCE, FRAMEWORK, "risk-management", point.as_of, TODAY, HALF)
        assert found == point
    # A day inside a quarter is measured that day, against the last point measured before
    # it (2025Q2 heard nothing, so 2025Q1's).
    mid = trend_point(EVIDENCE, FRAMEWORK, "risk-management", date(2025, 8, 20), TODAY, HALF)
    assert mid is not None and mid.as_of == date(2025, 8, 20)
    assert (mid.quarter, mid.previous_quarter, mid.new_evidence) == ("2025Q3", "2025Q1", 1)
    assert trend_point(EVIDENCE, FRAMEWORK, "risk-management", date(2023, 5, 1), TODAY) is None
    assert trend_point(EVIDENCE, FRAMEWORK, "communication", TODAY, TODAY) is None


def test_quiet_quarters_in_a_row_read_as_one_step() -> None:
    (series,) = build_trend(EVIDENCE, FRAMEWORK, TODAY, HALF)
    steps = [(a.quarter, b.quarter) for a, b in series.steps()]
    # 2024Q2 to 2024Q4 heard nothing, then 2025Q1 the rating, 2025Q2 nothing, 2025Q3 praise.
    assert steps == [
        ("2024Q1", "2024Q1"),
        ("2024Q2", "2024Q4"),
        ("2025Q1", "2025Q1"),
        ("2025Q2", "2025Q2"),
        ("2025Q3", "2025Q3"),
        ("2025Q4", "2025Q4"),
    ]
    assert [p for first, last in series.steps() for p in (first, last)][::2] == [
        p for p in series.points if not p.carried_forward or p.quarter in ("2024Q2", "2025Q2")
    ]

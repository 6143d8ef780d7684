"""Calibration over time: a blind spot then, agreement now, and the own view's dates (QA19 F4)."""

from __future__ import annotations

from datetime import date

from nextround.domain.calibration import CalibrationKind
from nextround.domain.calibration_history import (
    calibration_as_of,
    calibration_steps,
    calibration_trend,
)
from nextround.domain.calibration_text import evidence_caveat
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    GAP,
    HIRING_MANAGER,
    INTERVIEWER,
    MENTOR,
    PEER,
    RECRUITER,
    SELF,
    STRENGTH,
    ev,
    rating,
)

STAKEHOLDERS = "stakeholder-management"
THEN = date(2025, 4, 2)
LATER = date(2026, 9, 20)
TODAY = date(2026, 11, 27)

# 2025: two reviewed gap statements against a 4/5; 2026: praise from three more sources.
SAM = [
    ev(STAKEHOLDERS, GAP, INTERVIEWER, app=1, observed_on=THEN),
    ev(STAKEHOLDERS, GAP, RECRUITER, app=1, observed_on=date(2025, 4, 15)),
    rating(STAKEHOLDERS, 4, THEN, app=1),
    ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=5, observed_on=LATER),
    ev(STAKEHOLDERS, STRENGTH, HIRING_MANAGER, app=6, observed_on=date(2026, 10, 1)),
    ev(STAKEHOLDERS, STRENGTH, INTERVIEWER, app=7, observed_on=date(2026, 10, 20)),
    rating(STAKEHOLDERS, 4, LATER, app=5),
]


def test_a_blind_spot_in_2025_reads_so_as_of_then_and_agreed_today() -> None:
    then = calibration_as_of(SAM, FRAMEWORK, date(2025, 6, 30), 365)
    [item] = then.items
    assert item.kind is CalibrationKind.BLIND_SPOT and item.self_rating == 4.0
    [now] = calibration_as_of(SAM, FRAMEWORK, TODAY, 365).items
    assert now.kind is CalibrationKind.AGREEMENT


def test_the_profile_json_holds_the_agreement_per_quarter_with_todays_last() -> None:
    profile = build_profile(SAM, FRAMEWORK, TODAY, 365)
    points = calibration_trend(SAM, FRAMEWORK, TODAY, 365)
    assert points[0].quarter == "2025Q2" and points[-1].as_of == TODAY
    assert points[0].calibration.blind_spots[0].competency_id == STAKEHOLDERS
    by_quarter = profile.to_json()["calibration"]["by_quarter"]
    assert [p["quarter"] for p in by_quarter] == [p.quarter for p in points]
    assert by_quarter[0]["blind_spots"] == [STAKEHOLDERS] and by_quarter[-1]["blind_spots"] == []
    assert by_quarter[-1]["agreement"] == round(profile.calibration.agreement or 0, 4)


def test_a_self_view_that_moved_since_the_gap_is_said_with_its_dates() -> None:
    gap_note = ev(STAKEHOLDERS, GAP, SELF, app=1, observed_on=THEN, text="I froze on the exec.")
    others = [
        ev(STAKEHOLDERS, GAP, INTERVIEWER, app=1, observed_on=THEN),
        ev(STAKEHOLDERS, GAP, RECRUITER, app=2, observed_on=THEN),
    ]
    [old] = build_profile([*others, gap_note], FRAMEWORK, TODAY).recurring_gaps
    assert old.own_view == "your note of Apr 2025 agrees"
    # One generous rating since is no change of mind; two, both a strength, are.
    one = [*others, gap_note, rating(STAKEHOLDERS, 4, LATER, app=5)]
    [gap] = build_profile(one, FRAMEWORK, TODAY).recurring_gaps
    assert gap.own_view == "your note of Apr 2025 agrees" and not gap.own_view_moved
    two = [*one, rating(STAKEHOLDERS, 4, date(2026, 10, 6), app=6)]
    [moved] = build_profile(two, FRAMEWORK, TODAY).recurring_gaps
    assert moved.own_view_moved
    assert moved.own_view == (
        "your note of Apr 2025 agreed, and your view has moved since: 4/5 in Oct 2026"
    )
    # A middling 3 among them is no strength: the view has not clearly moved.
    mixed = [*one, rating(STAKEHOLDERS, 3, date(2026, 10, 6), app=6)]
    assert not build_profile(mixed, FRAMEWORK, TODAY).recurring_gaps[0].own_view_moved


def test_thin_outside_evidence_of_many_old_pieces_is_said_by_its_faded_weight() -> None:
    old = date(2024, 1, 10)
    pieces = [ev(STAKEHOLDERS, STRENGTH, RECRUITER, app=a, observed_on=old) for a in range(1, 6)]
    thick = [
        ev("communication", STRENGTH, INTERVIEWER, app=a, observed_on=TODAY) for a in range(1, 6)
    ]
    own = [rating(STAKEHOLDERS, 4, TODAY, app=9), rating("communication", 4, TODAY, app=9)]
    calibration = calibration_as_of([*pieces, *thick, *own], FRAMEWORK, TODAY, 180)
    caveat = evidence_caveat(calibration)
    assert caveat is not None
    assert caveat.startswith("1 of the 2 competencies rests on thin outside evidence (5 outside")
    assert "but their weight after fading is only" in caveat and " each" not in caveat


def test_an_own_view_that_moved_with_others_recent_praise_still_agrees() -> None:
    # The gap stands, but the sources heard since it all praise it, and so do your ratings:
    # both views have moved together, so they still agree (the demo's risk management).
    gaps = [
        ev(STAKEHOLDERS, GAP, INTERVIEWER, app=1, observed_on=THEN),
        ev(STAKEHOLDERS, GAP, RECRUITER, app=2, observed_on=THEN),
        ev(STAKEHOLDERS, GAP, HIRING_MANAGER, app=3, observed_on=date(2026, 5, 5)),
        ev(STAKEHOLDERS, GAP, INTERVIEWER, app=3, observed_on=date(2026, 5, 5)),
        rating(STAKEHOLDERS, 2, THEN, app=1),
    ]
    since = [
        ev(STAKEHOLDERS, STRENGTH, MENTOR, observed_on=date(2026, 9, 1)),
        ev(STAKEHOLDERS, STRENGTH, PEER, observed_on=date(2026, 9, 10)),
        rating(STAKEHOLDERS, 4, date(2026, 10, 1), app=6),
        rating(STAKEHOLDERS, 4, date(2026, 10, 6), app=7),
    ]
    [gap] = build_profile([*gaps, *since], FRAMEWORK, TODAY).recurring_gaps
    assert gap.improving and gap.own_view_moved
    assert gap.own_view == (
        "your own view agrees, and has moved with the recent evidence: 4/5 in Oct 2026"
    )


def test_the_history_every_surface_shows_names_what_read_apart_and_ends_today() -> None:
    profile = build_profile(SAM, FRAMEWORK, TODAY, 365)
    steps = profile.calibration_history
    assert steps[0].label == "2025Q2" and steps[-1].label == "today"
    assert steps[0].apart_text == "blind spot: Stakeholder management"
    assert steps[-1].apart == () and steps[-1].agreement_percent == (
        profile.calibration.agreement_percent
    )
    points = calibration_trend(SAM, FRAMEWORK, TODAY, 365)
    assert [s.label for s in steps] == [*(p.quarter for p in points[:-1]), "today"]
    # A quarter reading as the one before (same figure, same readings) adds nothing.
    repeated = calibration_steps([points[0], points[0], points[-1]])
    assert [s.label for s in repeated] == ["2025Q2", "today"]


def test_one_quarter_alone_is_no_history() -> None:
    same_quarter = [e for e in SAM if e.observed_on == LATER]
    end_of_it = date(2026, 9, 30)
    assert len(calibration_trend(same_quarter, FRAMEWORK, end_of_it, 365)) == 1
    assert build_profile(same_quarter, FRAMEWORK, end_of_it, 365).calibration_history == []

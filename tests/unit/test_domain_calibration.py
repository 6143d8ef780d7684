"""Calibration readings rest on reviewed outside statements, and thin ones say so."""

from __future__ import annotations

from nextround.domain.calibration import CALIBRATION_MARGIN, CalibrationKind
from nextround.domain.calibration_text import evidence_caveat
from nextround.domain.evidence import Evidence
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    GAP,
    HIRING_MANAGER,
    INTERVIEWER,
    RECRUITER,
    STRENGTH,
    TODAY,
    ev,
    rating,
)


def _item(evidence: list[Evidence], competency_id: str):  # type: ignore[no-untyped-def]
    calibration = build_profile(evidence, FRAMEWORK, TODAY).calibration
    return calibration, next(i for i in calibration.items if i.competency_id == competency_id)


def test_before_any_review_no_blind_spot_or_hidden_strength_is_published() -> None:
    # The finding: a 5/5 against mis-read statements nobody reviewed made a "blind spot",
    # and a 2/5 against mis-read praise a "hidden strength".
    evidence = [
        rating("communication", 5),
        ev("communication", GAP, RECRUITER, app=1, confirmed=False, confidence=0.9, origin_id=7),
        ev("communication", GAP, RECRUITER, app=1, confirmed=False, confidence=0.8, origin_id=8),
        rating("risk-management", 2),
        ev("risk-management", STRENGTH, RECRUITER, app=1, confirmed=False, origin_id=9),
        ev("risk-management", STRENGTH, RECRUITER, app=1, confirmed=False, origin_id=10),
        ev("risk-management", STRENGTH, RECRUITER, app=1, confirmed=False, origin_id=11),
    ]
    calibration, communication = _item(evidence, "communication")
    assert communication.apart is CalibrationKind.BLIND_SPOT  # the numbers alone
    assert communication.kind is CalibrationKind.AWAITING_REVIEW
    assert communication.reading == "awaits your review"
    assert "only statements you have not reviewed name a gap" in communication.note
    risk = next(i for i in calibration.items if i.competency_id == "risk-management")
    assert risk.kind is CalibrationKind.AWAITING_REVIEW
    assert "would read as a hidden strength" in risk.note
    assert calibration.blind_spots == [] and calibration.hidden_strengths == []
    # Widest first: 1.00 against 0.33, then 0.25 against 0.74.
    assert [i.competency_id for i in calibration.awaiting_review] == [
        "communication",
        "risk-management",
    ]
    data = calibration.to_json()
    assert data["blind_spots"] == [] and data["hidden_strengths"] == []
    assert sorted(data["awaiting_review"]) == ["communication", "risk-management"]
    by_id = {i["competency_id"]: i for i in data["items"]}
    assert by_id["communication"]["kind"] == "awaiting_review"
    assert by_id["communication"]["statements_to_review"] == [7, 8]


def test_one_reviewed_statement_naming_the_gap_makes_it_a_blind_spot() -> None:
    evidence = [
        rating("communication", 5),
        ev("communication", GAP, RECRUITER, app=1, confirmed=True),
        ev("communication", GAP, INTERVIEWER, app=2, confirmed=False, confidence=0.9),
        ev("communication", GAP, INTERVIEWER, app=2, confirmed=False, confidence=0.9),
    ]
    _, communication = _item(evidence, "communication")
    assert communication.kind is CalibrationKind.BLIND_SPOT
    assert communication.awaiting_review == ()


def test_praise_alone_is_never_a_blind_spot() -> None:
    # The application report's finding: 5/5 beside the panel's only statement, which was
    # praise, read "BLIND SPOT": one strength is pulled towards 0.5, 0.64 against your 1.00.
    _, design = _item(
        [rating("communication", 5), ev("communication", STRENGTH, RECRUITER)], "communication"
    )
    assert design.apart is CalibrationKind.BLIND_SPOT and design.difference >= 0.25
    assert design.kind is CalibrationKind.AGREEMENT and design.unbacked
    # Not "agreed": that reads "less than a rating point apart" beside a +0.35.
    assert design.reading == "apart in numbers only"
    assert design.note.startswith("nobody else named a gap, and others' 0.6")
    assert design.to_json()["apart_in_numbers_only"] is True
    # And the reverse: a low self-view beside one remark naming a gap is no hidden strength.
    _, risk = _item(
        [rating("risk-management", 1), ev("risk-management", GAP, RECRUITER)], "risk-management"
    )
    assert risk.apart is CalibrationKind.HIDDEN_STRENGTH
    assert risk.kind is CalibrationKind.AGREEMENT
    assert "nobody else named a strength" in risk.note


def test_a_blind_spot_on_thin_outside_evidence_is_provisional_and_listed_last() -> None:
    evidence = [
        # Thin: one 5/5 against one reviewed gap and one reviewed strength.
        rating("systems-thinking", 5),
        ev("systems-thinking", GAP, HIRING_MANAGER, app=2),
        ev("systems-thinking", STRENGTH, RECRUITER, app=1, observed_on=TODAY.replace(year=2025)),
        # Well supported: six ratings of 4 against four reviewed gaps.
        *[rating("communication", 4, app=i) for i in range(1, 7)],
        *[ev("communication", GAP, INTERVIEWER, app=i) for i in range(1, 5)],
    ]
    calibration = build_profile(evidence, FRAMEWORK, TODAY).calibration
    assert [i.competency_id for i in calibration.blind_spots] == [
        "communication",
        "systems-thinking",
    ]
    solid, thin = calibration.blind_spots
    assert not solid.provisional and solid.reading == "blind spot" and solid.note == ""
    assert thin.provisional and thin.reading == "blind spot (provisional)"
    assert thin.note == "1 rating against 2 outside pieces, thin outside evidence"
    assert calibration.to_json()["thin"] == ["systems-thinking"]
    caveat = evidence_caveat(calibration)
    assert caveat is not None and "rests on thin outside evidence" in caveat
    assert ": Systems thinking." in caveat


def test_a_gap_your_own_debrief_named_is_no_blind_spot_but_noted_yourself() -> None:
    from dataclasses import replace
    from datetime import date

    noted = replace(
        rating("communication", 4, date(2025, 10, 6)),
        own_note="Ran long on the first question; 12 minutes",
    )
    evidence = [
        noted,
        rating("communication", 4),
        ev("communication", GAP, RECRUITER, app=1, confirmed=True),
    ]
    calibration, communication = _item(evidence, "communication")
    assert communication.apart is CalibrationKind.BLIND_SPOT  # the numbers alone
    assert communication.kind is CalibrationKind.NOTED_YOURSELF
    assert communication.reading.startswith("noted yourself")
    assert communication.note.startswith(
        "you noted it yourself (debrief of 6 Oct 2025: “Ran long on the first question; 12 "
        "minutes”), but rated yourself 4.0/5"
    )
    assert calibration.blind_spots == [] and calibration.noted_yourself == [communication]
    data = calibration.to_json()
    assert data["blind_spots"] == [] and data["noted_yourself"] == ["communication"]
    item = next(i for i in data["items"] if i["competency_id"] == "communication")
    assert item["kind"] == "noted_yourself"
    assert item["own_notes"] == [
        {"on": "2025-10-06", "text": "Ran long on the first question; 12 minutes"}
    ]
    # Without the note it is the blind spot it was.
    _, plain = _item([rating("communication", 4), *evidence[1:]], "communication")
    assert plain.kind is CalibrationKind.BLIND_SPOT


def test_a_debriefs_bad_note_is_about_the_competency_rated_lowest_there() -> None:
    from nextround.domain.debrief import noted_competency

    assert noted_competency({"customer-focus": 5, "communication": 3}) == "communication"
    assert noted_competency({"communication": 4}) == "communication"
    # Two equally low: nobody can tell which the note is about.
    assert noted_competency({"communication": 3, "technical-depth": 3}) is None
    assert noted_competency({}) is None


def test_views_apart_in_numbers_only_are_not_counted_as_agreeing() -> None:
    # QA7: "Agreed (less than a rating point apart): 5 of 5" beside a row 1.4 points apart.
    cal = build_profile(
        [
            rating("communication", 5),
            ev("communication", STRENGTH, RECRUITER),  # 1.00 against 0.6x: apart in numbers
            rating("risk-management", 2),
            ev("risk-management", GAP, RECRUITER),  # within a point: agreed
        ],
        FRAMEWORK,
        TODAY,
    ).calibration
    assert [i.competency_id for i in cal.agreed] == ["risk-management"]
    assert [i.competency_id for i in cal.apart_in_numbers] == ["communication"]
    assert all(abs(i.difference) < CALIBRATION_MARGIN for i in cal.agreed)
    assert all(abs(i.difference) >= CALIBRATION_MARGIN for i in cal.apart_in_numbers)
    said = cal.to_json()
    assert (said["agreed"], said["apart_in_numbers_only"]) == (
        ["risk-management"],
        ["communication"],
    )
    assert said["blind_spots"] == []  # still no blind spot: nobody named a gap

"""Notes the person wrote about themselves: a self-view, but one sentence is no 1/5 rating."""

from __future__ import annotations

from nextround.domain.calibration import GAP_BOTH_SEE, NOTE_GAP_SHARE, CalibrationKind
from nextround.domain.evidence import Evidence, amount_of_evidence
from nextround.domain.patterns import RecurringGap
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    GAP,
    HIRING_MANAGER,
    INTERVIEWER,
    RECRUITER,
    SELF,
    STRENGTH,
    TODAY,
    ev,
    rating,
)

STAKEHOLDERS = "stakeholder-management"
RAMBLED = "I felt I rambled on the stakeholder question."

# Two outside sources name the gap (a recurring gap), two praise it: others' view is mixed.
OTHERS: list[Evidence] = [
    ev(STAKEHOLDERS, GAP, RECRUITER, app=1),
    ev(STAKEHOLDERS, GAP, INTERVIEWER, app=2),
    ev(STAKEHOLDERS, STRENGTH, HIRING_MANAGER, app=3),
    ev(STAKEHOLDERS, STRENGTH, HIRING_MANAGER, app=4),
]


def _note(text: str = RAMBLED, app: int = 1) -> Evidence:
    return ev(STAKEHOLDERS, GAP, SELF, app=app, text=text)


def test_one_self_critical_sentence_is_too_thin_to_calibrate_and_gives_no_figure() -> None:
    calibration = build_profile([*OTHERS, _note()], FRAMEWORK, TODAY).calibration
    assert calibration.items == () and calibration.agreement is None
    [thin] = calibration.thin_self
    assert (thin.competency_id, thin.notes) == (STAKEHOLDERS, 1)
    assert calibration.thin_self_text is not None
    assert "1 note you wrote and no self-rating: too thin" in calibration.thin_self_text
    assert calibration.to_json()["thin_self_view"] == [STAKEHOLDERS]


def test_notes_read_as_a_two_not_a_one_once_there_are_enough() -> None:
    profile = build_profile(
        [*OTHERS, _note(), _note("Vague on the board again.", 2)], FRAMEWORK, TODAY
    )
    [item] = profile.calibration.items
    assert item.self_score == NOTE_GAP_SHARE  # a 2 out of 5, not "you 0.00"
    assert item.own_view_counts == "2 notes" and item.self_notes == 2


def test_a_recurring_gap_is_never_also_a_hidden_strength() -> None:
    # A 1/5 self-rating is a point and more below others' mixed view; but two reviewed
    # sources name the gap, and the gap section says "your own view agrees".
    profile = build_profile([*OTHERS, rating(STAKEHOLDERS, 1, app=1)], FRAMEWORK, TODAY)
    [gap] = profile.recurring_gaps
    assert isinstance(gap, RecurringGap) and gap.own_view == "your own view agrees"
    [item] = profile.calibration.items
    assert item.difference <= -0.25
    assert item.kind is CalibrationKind.AGREEMENT and item.both_see_gap
    assert profile.calibration.hidden_strengths == []
    assert profile.calibration.apart_in_numbers == [item]
    assert item.reading == GAP_BOTH_SEE
    assert "others name it a recurring gap too (2 independent sources)" in item.note


def test_the_header_counts_notes_as_your_own_view() -> None:
    assert amount_of_evidence([*OTHERS, _note()]) == (
        "5 pieces of evidence (4 from others' feedback, 1 self-view: 0 ratings, 1 note)"
    )
    # Without notes it reads as before.
    assert amount_of_evidence([*OTHERS, rating(STAKEHOLDERS, 3)]) == (
        "5 pieces of evidence (4 from feedback, 1 self-rating)"
    )


def test_a_gap_your_one_note_agrees_with_says_it_rests_on_one_note() -> None:
    # "Your own view agrees" over one sentence of a self debrief claims a settled view.
    [gap] = build_profile([*OTHERS, _note()], FRAMEWORK, TODAY).recurring_gaps
    assert gap.own_view_agrees and gap.own_view == "your note of Jan 2026 agrees"
    # Two notes, or a rating, are a view of yourself.
    two = [*OTHERS, _note(), _note("Vague on the board again.", 2)]
    assert build_profile(two, FRAMEWORK, TODAY).recurring_gaps[0].own_view == (
        "your own view agrees"
    )
    rated = [*OTHERS, _note(), rating(STAKEHOLDERS, 2, app=1)]
    assert build_profile(rated, FRAMEWORK, TODAY).recurring_gaps[0].own_view == (
        "your own view agrees"
    )


def test_calibration_names_notes_as_part_of_your_own_view() -> None:
    from nextround.domain.calibration_text import CalibrationText

    text = CalibrationText.of(build_profile([*OTHERS, _note()], FRAMEWORK, TODAY).calibration)
    assert text.heading == "your self-ratings and notes against what others' evidence says"
    assert "notes you wrote about yourself" in text.needs

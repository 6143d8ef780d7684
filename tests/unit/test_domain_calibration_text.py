"""The calibration figure in words: why every competency can agree and the figure be below 100%."""

from __future__ import annotations

import pytest

from nextround.domain.calibration import Calibration, CalibrationKind
from nextround.domain.calibration_text import (
    AGREED_RULE,
    CalibrationText,
    agreement_arithmetic,
    agreement_meaning,
    distance,
    evidence_caveat,
    signed_difference,
)
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    HIRING_MANAGER,
    INTERVIEWER,
    STRENGTH,
    TODAY,
    ev,
    rating,
)


def _all_agreeing() -> Calibration:
    return build_profile(
        [
            # Self 4 -> 0.75; others two strengths -> 0.75: no difference.
            rating("communication", 4),
            ev("communication", STRENGTH, INTERVIEWER, app=1),
            ev("communication", STRENGTH, HIRING_MANAGER, app=1),
            # Self 3 -> 0.5; others one strength, pulled towards even: a little higher.
            rating("stakeholder-management", 3),
            ev("stakeholder-management", STRENGTH, INTERVIEWER, app=1),
        ],
        FRAMEWORK,
        TODAY,
    ).calibration


def test_every_competency_agrees_yet_the_figure_is_below_full_agreement() -> None:
    cal = _all_agreeing()
    assert {i.kind for i in cal.items} == {CalibrationKind.AGREEMENT}
    assert cal.agreed == list(cal.items)
    gap = abs(next(i for i in cal.items if i.competency_id == "stakeholder-management").difference)
    assert 0 < gap < 0.25
    assert cal.mean_difference == pytest.approx(gap / 2)
    assert cal.agreement == pytest.approx(1 - gap / 2) and cal.agreement < 1
    # The words say what the figure is, so it cannot read as contradicting "all agree".
    points = gap / 2 / 0.25
    assert agreement_meaning(cal) == (
        f"On average your own view is {points:.1f} of a rating point from what others' "
        "evidence says; 100% would mean no difference at all."
    )
    assert agreement_arithmetic(cal) == (
        f"Agreement = 1 − mean |you − others| = 1 − {gap / 2:.2f} = {1 - gap / 2:.2f} "
        f"({round((1 - gap / 2) * 100)}%)"
    )
    assert CalibrationText.of(cal).rule == AGREED_RULE


def test_without_items_there_is_nothing_to_say() -> None:
    empty = Calibration(items=())
    assert empty.agreement is None and empty.agreement_percent is None
    assert agreement_meaning(empty) is None and agreement_arithmetic(empty) is None
    assert empty.to_json()["mean_difference"] is None and empty.to_json()["agreed"] == []


@pytest.mark.parametrize(
    ("points", "text"),
    [
        (0.0, "under 0.1 of a rating point"),
        (0.04, "under 0.1 of a rating point"),
        (0.4, "0.4 of a rating point"),
        (1.0, "1.0 rating point"),
        (2.0, "2.0 rating points"),
    ],
)
def test_distance_in_rating_points(points: float, text: str) -> None:
    assert distance(points) == text


def _calibration(others: dict[str, int]) -> Calibration:
    """Self-rated 4 on each competency, with that many interviewer strengths from others."""
    evidence = []
    for app, (competency, pieces) in enumerate(others.items(), start=1):
        evidence.append(rating(competency, 4))
        evidence += [ev(competency, STRENGTH, INTERVIEWER, app=app + i) for i in range(pieces)]
    return build_profile(evidence, FRAMEWORK, TODAY).calibration


def test_one_outside_piece_per_competency_makes_the_figure_provisional() -> None:
    cal = _calibration({"communication": 1, "stakeholder-management": 1})
    assert cal.provisional and cal.to_json()["provisional"] is True
    text = CalibrationText.of(cal)
    assert text.provisional
    assert text.caveat == (
        "Based on 1 outside piece of evidence per competency, which is thin everywhere: "
        "treat this figure as provisional until more feedback arrives."
    )


def test_a_caveat_names_only_the_thin_competencies_and_none_when_all_are_solid() -> None:
    solid = _calibration({"communication": 12, "stakeholder-management": 12})
    assert not any(i.others.thin for i in solid.items)
    assert evidence_caveat(solid) is None and not solid.provisional
    mixed = _calibration({"communication": 12, "stakeholder-management": 1})
    assert not mixed.provisional
    assert evidence_caveat(mixed) == (
        # QA19 F10: "each" only where two or more competencies are named.
        "1 of the 2 competencies rests on thin outside evidence (1 outside piece of evidence): "
        "Stakeholder management. Treat its part of this figure, and any blind spot or "
        "hidden strength on it, as provisional."
    )


@pytest.mark.parametrize(
    ("difference", "text"),
    [(0.104, "+0.10"), (-0.093, "-0.09"), (-0.004, "+0.00"), (0.0, "+0.00"), (-0.25, "-0.25")],
)
def test_a_difference_that_shows_as_zero_is_never_negative(difference: float, text: str) -> None:
    assert signed_difference(difference) == text

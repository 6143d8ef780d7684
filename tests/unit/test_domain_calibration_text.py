"""The calibration figure in words: why every competency can agree and the figure be below 100%."""

from __future__ import annotations

import pytest

from nextround.domain.calibration_text import (
    AGREED_RULE,
    CalibrationText,
    agreement_arithmetic,
    agreement_meaning,
    distance,
)
from nextround.domain.patterns import Calibration, CalibrationKind
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
        f"On average your self-rating is {points:.1f} of a rating point from what others' "
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

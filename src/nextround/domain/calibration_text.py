"""The calibration figure in words, the same in the terminal, the web app and the reports.

"Agreement 90%" next to "you and others agree on all 11" reads as a contradiction unless
it is said what each measures: the figure is how close the two views are on average, and a
competency reads as agreed when they are less than a rating point apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.patterns import Calibration

#: When a competency's two views count as agreeing, said once for every view.
AGREED_RULE = "less than one rating point apart (on the 1–5 scale) counts as agreeing"


def distance(points: float) -> str:
    """'0.4 of a rating point', '1.2 rating points', 'under 0.1 of a rating point'."""
    if points < 0.05:
        return "under 0.1 of a rating point"
    if points < 0.95:
        return f"{points:.1f} of a rating point"
    return f"{points:.1f} rating point{'' if round(points, 1) == 1 else 's'}"


def agreement_meaning(calibration: Calibration) -> str | None:
    """What the agreement figure stands for: the average distance between the two views."""
    points = calibration.mean_difference_points
    if points is None:
        return None
    return (
        f"On average your self-rating is {distance(points)} from what others' evidence "
        "says; 100% would mean no difference at all."
    )


def agreement_arithmetic(calibration: Calibration) -> str | None:
    """The figure's sum on the 0–1 scale the per-competency numbers are shown on."""
    mean, agreement = calibration.mean_difference, calibration.agreement
    if mean is None or agreement is None:
        return None
    return (
        f"Agreement = 1 − mean |you − others| = 1 − {mean:.2f} = {agreement:.2f} "
        f"({calibration.agreement_percent}%)"
    )


@dataclass(frozen=True)
class CalibrationText:
    """The sentences a page or report shows beside the agreement figure."""

    meaning: str | None
    arithmetic: str | None
    rule: str = AGREED_RULE

    @classmethod
    def of(cls, calibration: Calibration) -> CalibrationText:
        """The sentences for one profile's calibration."""
        return cls(agreement_meaning(calibration), agreement_arithmetic(calibration))

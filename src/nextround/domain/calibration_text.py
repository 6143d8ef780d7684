"""The calibration figure in words, the same in the terminal, the web app and the reports.

"Agreement 90%" next to "you and others agree on all 11" reads as a contradiction unless
it is said what each measures: the figure is how close the two views are on average, and a
competency reads as agreed when they are less than a rating point apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.calibration import Calibration, CalibrationItem
from nextround.domain.counts import counted
from nextround.domain.scoring import PRIOR_ALPHA, PRIOR_BETA

#: When a competency's two views count as agreeing, said once for every view.
AGREED_RULE = "less than one rating point apart (on the 1–5 scale) counts as agreeing"

# Notes you wrote about yourself (a self debrief, "I rambled on the stakeholder question")
# count as your view beside your ratings (see calibration.CALIBRATION_RULE): a heading that
# says "your self-ratings" over "0 ratings, 1 note" would misname what is compared.
#: The calibration section's heading note: what it sets against others' evidence.
CALIBRATION_HEADING = "your self-ratings and notes against what others' evidence says"
#: What calibration needs before it can say anything, to follow "calibration needs".
CALIBRATION_NEEDS = (
    "your own view of a competency (a self-rating in an interview's debrief, or notes you "
    "wrote about yourself) and others' feedback on the same competency"
)

#: The heading over a competency's own-view pieces: ratings and notes, as calibration counts.
OWN_VIEW_HEADING = "Your own view: self-ratings and notes"
#: Said where a competency has no own view yet, before how to give one.
OWN_VIEW_NONE = "No self-ratings or notes about yourself yet"


def signed_difference(difference: float) -> str:
    """A self-minus-others difference as every view writes it: '+0.10', '-0.09', '+0.00'.

    Rounded before the sign is chosen, so a difference that shows as zero is never "-0.00".
    """
    return f"{round(difference, 2) + 0.0:+.2f}"


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
        f"On average your own view is {distance(points)} from what others' evidence "
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


#: Up to this many outside pieces, "thin" is said by their count ("1–2 outside pieces"):
#: more pieces than that are thin only because fading left them light, said by weight.
THIN_BY_COUNT = 2


def _thin_basis(thin: list[CalibrationItem], per: str) -> str:
    """Why the outside evidence of these competencies is thin, by count or by faded weight.

    'thin' means the evidence weighs less than the even starting point (see
    CompetencyScore.thin): one or two pieces always do, but five old pieces can too, and
    "5 outside pieces" alone would read as plenty.
    """
    counts = [i.others.evidence_count for i in thin]
    low, high = min(counts), max(counts)
    if high <= THIN_BY_COUNT:
        pieces = (
            f"{counted(low, 'outside piece', 'outside pieces')} of evidence"
            if low == high
            else f"{low}–{high} outside pieces of evidence"
        )
        return f"{pieces}{per}"
    prior = PRIOR_ALPHA + PRIOR_BETA
    if len(thin) == 1:
        item = thin[0]
        return (
            f"{counted(item.others.evidence_count, 'outside piece', 'outside pieces')} of "
            f"evidence, but their weight after fading is only {item.others.scored_weight:.1f}, "
            f"under the {prior:.1f} of the even starting point"
        )
    weights = [i.others.scored_weight for i in thin]
    weighing = (
        f"{min(weights):.1f}"
        if f"{min(weights):.1f}" == f"{max(weights):.1f}"
        else f"{min(weights):.1f}–{max(weights):.1f}"
    )
    pieces = f"{low}" if low == high else f"{low}–{high}"
    return (
        f"{pieces} outside pieces of evidence weighing only {weighing} after fading{per}, "
        f"under the {prior:.1f} of the even starting point"
    )


def evidence_caveat(calibration: Calibration) -> str | None:
    """How little the "others" side rests on, when it is thin; None when it is not.

    A single recruiter sentence against six self-ratings gives "90% agreement", which reads
    as a measurement. Where the others' score still weighs less than its starting assumption
    (the profile's "thin evidence"), the figure is a first reading and says so.
    """
    thin = [i for i in calibration.items if i.others.thin]
    if not thin:
        return None
    if len(thin) == len(calibration.items):
        return (
            f"Based on {_thin_basis(thin, ' per competency')}, which is thin everywhere: treat "
            "this figure as provisional until more feedback arrives."
        )
    names = ", ".join(i.name for i in thin)
    one = len(thin) == 1
    return (
        f"{len(thin)} of the {len(calibration.items)} competencies "
        f"{'rests' if one else 'rest'} on thin outside "
        f"evidence ({_thin_basis(thin, '' if one else ' each')}): {names}. Treat "
        f"{'its' if one else 'their'} part of this figure, and any blind spot or "
        f"hidden strength {'on it' if one else 'among them'}, as provisional."
    )


@dataclass(frozen=True)
class CalibrationText:
    """The sentences a page or report shows beside the agreement figure."""

    meaning: str | None
    arithmetic: str | None
    rule: str = AGREED_RULE
    caveat: str | None = None
    provisional: bool = False
    heading: str = CALIBRATION_HEADING
    needs: str = CALIBRATION_NEEDS

    @classmethod
    def of(cls, calibration: Calibration) -> CalibrationText:
        """The sentences for one profile's calibration."""
        return cls(
            agreement_meaning(calibration),
            agreement_arithmetic(calibration),
            caveat=evidence_caveat(calibration),
            provisional=calibration.provisional,
        )

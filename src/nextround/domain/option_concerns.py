"""Why saying yes to an opportunity may be saying yes to the wrong thing.

A low score and a missed must-have are plain. The subtle case is what a partial score does
not know yet. It is the weighted mean of the criteria rated so far, so it can sit above the
threshold while the unrated criteria are still free to pull it under: 4.0 on half the
weight ends below a 3.5 bar if the other half averages under 3. Saying only "partial" on
every such score would cry wolf (a score that stays above the bar even if every unrated
criterion gets a 1 has nothing to hide), and saying nothing hides the risk.

The rule: a score at or above the threshold is *at risk* when the unrated criteria, rated
at the lowest (1), would bring the full score under it. What they would need to average
to keep it there is the number worth showing: "unless growth and pay average at least
2.5" lets the person judge how likely that is, where a bare warning would not.

Must-haves nobody has answered yet are the other unknown: no score can make up for one
that turns out to be missed, so an offer with a score but an unanswered must-have says so.
"""

from __future__ import annotations

import math

from nextround.domain.option_a import RATING_MIN
from nextround.domain.option_ranking import Assessment, CriterionValue, Verdict

_EPSILON = 1e-9
# Under this share of the weight rated, a score is too little to go on: it is not shown.
TOO_LITTLE = 0.5


def offer_concerns(assessment: Assessment) -> list[str]:
    """Why saying yes to this opportunity may be saying yes to the wrong thing."""
    concerns = []
    a = assessment
    if a.below_threshold and a.score is not None:
        # A score over part of the weight can move either way once the rest is rated, as
        # the ranking's "(partial)" says: the warning says so first, and under half the
        # weight it gives no number at all, which would sound more certain than it is.
        if a.complete:
            said = f"it scores {a.score:.2f} against your Option A,"
        elif a.coverage < TOO_LITTLE:
            said = (
                f"only {a.coverage:.0%} of the weight is rated so far ({_rated(a)}), too "
                "little for a score, and what is rated is"
            )
        else:
            said = (
                f"on the {a.coverage:.0%} of the weight rated so far, it scores {a.score:.2f} "
                "against your Option A,"
            )
        concerns.append(f"{said} below your threshold of {a.threshold:g}")
    risk = risk_note(assessment)
    if risk:
        concerns.append(risk)
    for verdict in assessment.missed:
        why = f" ({verdict.why})" if verdict.why else ""
        concerns.append(f"it misses the must-have “{verdict.must_have.text}”{why}")
    if assessment.scored:
        # Unrated altogether, the offer gets "rate it" instead: its must-haves are then as
        # unknown as everything else, and one more warning would say nothing new.
        for verdict in unanswered_must_haves(assessment):
            concerns.append(
                f"nobody has said yet whether it has the must-have “{verdict.must_have.text}”"
            )
    return concerns


def rating_needed(a: Assessment) -> float | None:
    """What the unrated criteria must average for the full score to reach the threshold.

    None when there is no partial score. With rated weight ``Wr`` scoring ``s`` and unrated
    weight ``Wu``, the full score is ``(s * Wr + m * Wu) / (Wr + Wu)``, where ``m`` is the
    unrated criteria's weighted mean; it reaches the threshold ``t`` when
    ``m >= (t * (Wr + Wu) - s * Wr) / Wu``.
    """
    unrated = sum(v.criterion.weight for v in a.values if v.value is None)
    if a.score is None or unrated <= 0:
        return None
    rated = sum(v.criterion.weight for v in a.values if v.value is not None)
    return (a.threshold * (rated + unrated) - a.score * rated) / unrated


def at_risk(a: Assessment) -> bool:
    """Whether a partial score at or above the threshold could still end below it."""
    needed = rating_needed(a)
    return not a.below_threshold and needed is not None and needed > RATING_MIN + _EPSILON


def unanswered_must_haves(a: Assessment) -> list[Verdict]:
    """Must-haves neither the person nor the record has answered yet."""
    return [v for v in a.verdicts if v.met is None]


def risk_note(a: Assessment) -> str | None:
    """Which unrated criteria could pull an at-risk score under the threshold, and how.

    E.g. "pay and place are not rated yet: unless they average at least 2.5, the score of
    4.00 falls below your threshold of 3.5". A single criterion is rated in whole points,
    so it gets the whole rating it needs ("unless it is rated 3 or more").
    """
    needed = rating_needed(a)
    if needed is None or not at_risk(a) or a.score is None:
        return None
    unrated = a.unrated_criteria
    names = _listed(unrated)
    if len(unrated) == 1:
        condition = f"{names} is not rated yet: unless it is rated {_whole(needed)} or more"
    else:
        condition = f"{names} are not rated yet: unless they average at least {_tenths(needed):.1f}"
    if a.coverage < TOO_LITTLE:
        # Under half the weight rated, the partial caveat comes first and no score is named.
        unless = (
            f"unless {names} is rated {_whole(needed)} or more"
            if len(unrated) == 1
            else f"unless the rest ({names}) average at least {_tenths(needed):.1f}"
        )
        return (
            f"only {a.coverage:.0%} of the weight is rated so far ({_rated(a)}): {unless}, "
            f"it falls below your threshold of {a.threshold:g}"
        )
    return f"{condition}, the score of {a.score:.2f} falls below your threshold of {a.threshold:g}"


def _rated(a: Assessment) -> str:
    """What is rated so far, as a list: "location and remote 4 (from the record)"."""
    return ", ".join(
        f"{v.criterion.in_sentence} {v.value}" + (" from the record" if v.derived else "")
        for v in a.values
        if v.value is not None
    )


def _whole(needed: float) -> int:
    return math.ceil(needed - _EPSILON)


def _tenths(needed: float) -> float:
    # Rounded up: "at least 2.7" when 2.74 is needed would promise a safety that is not there.
    return math.ceil(needed * 10 - _EPSILON) / 10


def _listed(values: list[CriterionValue]) -> str:
    names = [v.criterion.in_sentence for v in values]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"

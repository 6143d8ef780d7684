"""Opportunities measured against Option A: score, gap, must-haves, ranking and sensitivity.

Score: the weighted mean of the 1-5 ratings, ``sum(w * r) / sum(w)`` over the criteria that
have a rating. It is compensatory: a 5 on pay makes up for a 3 on growth.

Gap to Option A: the weighted root-mean-square shortfall below each criterion's target,
``sqrt(sum(w * max(0, target - r) ** 2) / sum(w))``, in rating points: 0 when every target
is met, at most 4. It is deliberately not compensatory: a surplus never offsets a shortfall,
and squaring makes one deep miss (mission 1) weigh more than several small ones. Two offers
with the same score can therefore sit at different distances from what the person wants.

Order, best first. What the person has to decide is which opportunity to pursue or accept,
so the order puts first what is both good and known to be good:

1. An opportunity that misses a must-have comes after every one that does not, whatever its
   score: a must-have is by definition what no score makes up for. An unanswered must-have
   does not sink it (nobody knows yet), but the must-haves column and the offer warning say so.
2. Then by score; a partial score (not every criterion rated) by the least it can still end
   at, its *floor*: the full score if every unrated criterion got a 1. A score over part of
   the weight is a mean of what was rated so far, so ranking it as it stands would let one
   quick 5 jump ahead of an offer rated in full, and ranking every partial score last would
   put a fully rated 3.0 ahead of a 4.2 that only lacks its lightest criterion. The floor is
   no guess (a neutral 3 for the rest would be one): it is what the ratings given already
   guarantee, it is the score itself once complete, and the more of the weight is rated the
   closer it gets. It also matches the "at risk" mark (option_concerns): a score at or above
   the threshold whose floor is under it.
3. Ties: the higher score, then the smaller gap, then the application id.

Sensitivity: each weight in turn is moved by -20% and +20%, the ranking is redone in this
same order (floors move with the weights too), and any pair of opportunities whose order
flips is reported, as is any opportunity that crosses the person's threshold (an offer
"above the bar" only under today's exact weights is worth knowing).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from nextround.domain.journey import Status, WorkMode
from nextround.domain.offer_terms import OfferTerms
from nextround.domain.option_a import (
    OFFER_TERMS,
    RATING_MAX,
    RATING_MIN,
    Criterion,
    MustHave,
    OptionA,
    OptionRating,
    RuleKind,
)

SENSITIVITY_STEP = 0.2
#: Criterion ids whose rating the record can suggest from the work mode and the location.
LOCATION_CRITERIA = frozenset({"location", "remote", "location-remote"})
#: A rating of 4 or 5 is something the opportunity offers, whatever the target.
GAIN_FROM = 4
_EPSILON = 1e-9
#: The gap in plain words, for the CLI and the web app wherever it stands next to a score:
#: a bare "gap 1.04" beside "4.21" reads as nothing, or as another score.
GAP_MEANING = (
    "how far the ratings fall short of your targets, in rating points: 0 when every target "
    "is met, at most 4; a surplus never offsets a shortfall, and one deep miss counts more "
    "than several small ones"
)


def _points_short(v: CriterionValue) -> int:
    return 0 if v.value is None else max(0, v.criterion.target - v.value)


def targets_note(option_a: OptionA) -> str:
    """The targets the gap is measured against, and how they differ from the threshold.

    A 3.94 that clears a threshold of 3.5 next to a gap of 1.46 reads as a contradiction
    unless the page says what the gap measures against: every target is 5 (the ideal)
    until the person lowers one where less would do.
    """
    criteria = option_a.criteria
    if all(c.target == RATING_MAX for c in criteria):
        used = f"every target is {RATING_MAX}, the default: all of what you want"
    else:
        used = "targets: " + ", ".join(f"{c.in_sentence} {c.target}" for c in criteria)
    return (
        f"The gap is measured against your targets per criterion ({used}), not against your "
        f"threshold of {option_a.threshold:g}: a score can clear the threshold and still fall "
        "short of targets. Lower a target where less would do"
    )


@dataclass(frozen=True)
class Opportunity:
    """What the ranking needs to know about one application."""

    application_id: int
    company: str
    role_title: str
    status: Status
    work_mode: WorkMode | None = None
    location: str | None = None
    rating: OptionRating | None = None
    level: str | None = None
    # With the status, what tells two applications for the same role apart in the ranking.
    applied_on: date | None = None
    #: The terms of the offer in force, as `decision set` recorded them (None: no offer, or
    #: none with terms): what a must-have such as [base>=110k] is checked against.
    offer: OfferTerms | None = None


@dataclass(frozen=True)
class CriterionValue:
    """One criterion's rating for one opportunity, and where it came from."""

    criterion: Criterion
    value: int | None
    derived: bool = False
    why: str | None = None

    @property
    def shortfall(self) -> float:
        """Weighted points below the target (0 when met or unrated)."""
        if self.value is None:
            return 0.0
        return self.criterion.weight * max(0, self.criterion.target - self.value)


@dataclass(frozen=True)
class Verdict:
    """Whether one must-have is met: True, False, or None when nobody knows yet."""

    must_have: MustHave
    met: bool | None
    derived: bool = False
    why: str | None = None


@dataclass(frozen=True)
class Assessment:
    """One opportunity against Option A."""

    opportunity: Opportunity
    values: tuple[CriterionValue, ...]
    verdicts: tuple[Verdict, ...]
    score: float | None
    gap: float | None
    coverage: float
    threshold: float

    @property
    def scored(self) -> bool:
        """Whether any current criterion is rated, so the opportunity has a place in the order."""
        return self.score is not None

    @property
    def floor(self) -> float | None:
        """The least the score can end at once every criterion is rated: the rest all at 1.

        The score itself when it is complete; None without a score.
        """
        if self.score is None or self.complete:
            return self.score
        return self.score * self.coverage + RATING_MIN * (1 - self.coverage)

    @property
    def unrated_criteria(self) -> list[CriterionValue]:
        """The criteria with no rating yet, heaviest first: what completes the score."""
        return sorted(
            (v for v in self.values if v.value is None),
            key=lambda v: (-v.criterion.weight, v.criterion.id),
        )

    @property
    def complete(self) -> bool:
        """Whether every criterion has a rating."""
        return self.coverage >= 1 - _EPSILON

    @property
    def below_threshold(self) -> bool:
        """Whether the score is under the person's threshold."""
        return self.score is not None and self.score < self.threshold - _EPSILON

    @property
    def must_haves_met(self) -> str:
        """Must-haves met out of all, unknown ones apart: "1/2", "1/2, 1 unknown", "?/2".

        "0/2" for two must-haves nobody has answered would read as missing both.
        """
        if not self.verdicts:
            return ""
        total = len(self.verdicts)
        unknown = sum(1 for v in self.verdicts if v.met is None)
        if unknown == total:
            return f"?/{total}"
        met = sum(1 for v in self.verdicts if v.met)
        return f"{met}/{total}" + (f", {unknown} unknown" if unknown else "")

    @property
    def missed(self) -> list[Verdict]:
        """Must-haves known not to be met."""
        return [v for v in self.verdicts if v.met is False]

    @property
    def unanswered(self) -> list[Verdict]:
        """Must-haves nobody has answered yet: "?" until the person says yes or no."""
        return [v for v in self.verdicts if v.met is None]

    @property
    def short_of_targets(self) -> list[CriterionValue]:
        """Rated criteria below their target, what weighs most in the gap first.

        As the gap weighs them: weight x shortfall squared, so one deep miss comes first.
        """
        below = [v for v in self.values if v.shortfall > 0]
        return sorted(below, key=lambda v: (-v.shortfall * _points_short(v), v.criterion.id))

    def gap_in_words(self, most: int = 3) -> str | None:
        """What makes the gap, in the person's terms: "location 2 (target 5), team 3 (target 5)".

        None when every rated criterion meets its target (a gap of 0).
        """
        short = self.short_of_targets
        if not short:
            return None
        named = [
            f"{v.criterion.in_sentence} {v.value} (target {v.criterion.target})"
            for v in short[:most]
        ]
        more = f", and {len(short) - most} more" if len(short) > most else ""
        return f"short of your targets on {', '.join(named)}{more}"

    @property
    def gives_up(self) -> list[CriterionValue]:
        """Criteria below their target and below 4, the costliest (weight x shortfall) first.

        A 4 against a target of 5 is a near miss, not something given up.
        """
        below = [
            v
            for v in self.values
            if v.shortfall > 0 and v.value is not None and v.value < GAIN_FROM
        ]
        return sorted(below, key=lambda v: (-v.shortfall, v.criterion.id))

    @property
    def gains(self) -> list[CriterionValue]:
        """Criteria rated 4 or 5 that meet their target: what makes it tempting, heaviest first."""
        return _heaviest_first(v for v in self._rated_well() if v.shortfall <= 0)

    @property
    def near_misses(self) -> list[CriterionValue]:
        """Criteria rated 4 or 5 but short of their target: close, neither gained nor given up.

        "gains: growth 4" read as a gain against a target of 5.
        """
        return _heaviest_first(v for v in self._rated_well() if v.shortfall > 0)

    def _rated_well(self) -> list[CriterionValue]:
        return [v for v in self.values if v.value is not None and v.value >= GAIN_FROM]


def _heaviest_first(values: Iterable[CriterionValue]) -> list[CriterionValue]:
    return sorted(values, key=lambda v: (-v.criterion.weight, -(v.value or 0), v.criterion.id))


def _places(option_a: OptionA) -> tuple[str, ...]:
    return tuple(
        place
        for must in option_a.must_haves
        if must.rule and must.rule.kind is RuleKind.LOCATION
        for place in must.rule.values
    )


def derive_location(
    work_mode: WorkMode | None, location: str | None, places: Sequence[str]
) -> tuple[int, str] | None:
    """A 1-5 location rating from the record, and why: remote 5; hybrid 4/3/2; onsite 3/2/1.

    For hybrid and onsite the three steps are: the location matches one of the places in a
    location must-have, no such places are known, it does not match. Nothing is derived
    without a work mode.
    """
    if work_mode is None:
        return None
    if work_mode is WorkMode.REMOTE:
        return 5, "remote"
    matches = (
        None
        if not places or not location
        else any(place in location.casefold() for place in places)
    )
    best = 4 if work_mode is WorkMode.HYBRID else 3
    value = best if matches else best - 1 if matches is None else best - 2
    mode = work_mode.value
    where = f"{mode} in {location}" if location else mode
    # The why says the rule, so a 4 for "hybrid in Berlin" reads as the scale's, not a
    # judgement: remote is the only 5 the record gives; the person's own rating overrides.
    if matches:
        return value, (
            f"{where}, a place your must-haves name: {mode} counts {value} there, only remote 5"
        )
    if matches is None:
        return value, f"{where}: {mode} counts {value} where your must-haves name no place"
    return value, f"{where}, not a place your must-haves name: {mode} counts {value}"


def _value(option_a: OptionA, criterion: Criterion, opp: Opportunity) -> CriterionValue:
    given = opp.rating.scores.get(criterion.id) if opp.rating else None
    if given is not None:
        return CriterionValue(criterion, given)
    if criterion.id in LOCATION_CRITERIA:
        derived = derive_location(opp.work_mode, opp.location, _places(option_a))
        if derived is not None:
            return CriterionValue(criterion, derived[0], derived=True, why=derived[1])
    return CriterionValue(criterion, None)


def _verdict(must: MustHave, opp: Opportunity, values: Sequence[CriterionValue]) -> Verdict:
    given = opp.rating.must_haves.get(must.id) if opp.rating else None
    if given is not None:
        return Verdict(must, given)
    rule = must.rule
    if rule is None:
        return Verdict(must, None)
    if rule.kind is RuleKind.AT_LEAST:
        found = next((v for v in values if v.criterion.id == rule.criterion), None)
        if found is None or found.value is None:
            return Verdict(must, None)
        return Verdict(
            must, found.value >= (rule.minimum or 0), True, f"{rule.criterion} {found.value}/5"
        )
    if rule.kind is RuleKind.OFFER:
        return _offer_verdict(must, opp.offer)
    if rule.kind is RuleKind.WORK_MODE:
        if opp.work_mode is None:
            return Verdict(must, None)
        return Verdict(must, opp.work_mode.value in rule.values, True, opp.work_mode.value)
    if rule.kind is not RuleKind.LOCATION:
        # Words in the level ("Staff") or the role title: met when one of them is there.
        said = opp.level if rule.kind is RuleKind.LEVEL else opp.role_title
        if not said:
            return Verdict(must, None)
        return Verdict(must, any(word in said.casefold() for word in rule.values), True, said)
    # A remote role needs no move, whatever its location says.
    if opp.work_mode is WorkMode.REMOTE:
        return Verdict(must, True, True, "remote")
    if not opp.location:
        return Verdict(must, None)
    met = any(place in opp.location.casefold() for place in rule.values)
    return Verdict(must, met, True, opp.location)


def _offer_verdict(must: MustHave, terms: OfferTerms | None) -> Verdict:
    """An offer term against the rule's amount; unknown without it, or in another currency."""
    rule = must.rule
    assert rule is not None and rule.criterion is not None
    field_name, said = OFFER_TERMS[rule.criterion]
    given = None if terms is None else getattr(terms, field_name)
    if terms is None or given is None:
        return Verdict(must, None)
    if rule.currency and terms.currency and terms.currency != rule.currency:
        # 100,000 EUR against a rule in USD: no rate is known here, so nobody knows yet.
        return Verdict(
            must, None, True, f"{said} {terms.money(given)}, not in {rule.currency}: yours to say"
        )
    return Verdict(must, given >= (rule.minimum or 0), True, f"{said} {terms.money(given)}")


def assess(option_a: OptionA, opp: Opportunity) -> Assessment:
    """Score, gap, coverage and must-have verdicts of one opportunity."""
    values = tuple(_value(option_a, c, opp) for c in option_a.criteria)
    verdicts = tuple(_verdict(m, opp, values) for m in option_a.must_haves)
    rated = [v for v in values if v.value is not None]
    weight = sum(v.criterion.weight for v in rated)
    score = gap = None
    if rated and weight > 0:
        score = sum(v.criterion.weight * (v.value or 0) for v in rated) / weight
        gap = math.sqrt(
            sum(
                v.criterion.weight * max(0, v.criterion.target - (v.value or 0)) ** 2 for v in rated
            )
            / weight
        )
    total = option_a.total_weight
    return Assessment(
        opportunity=opp,
        values=values,
        verdicts=verdicts,
        score=score,
        gap=gap,
        coverage=weight / total if total else 0.0,
        threshold=option_a.threshold,
    )


def _order_key(a: Assessment) -> tuple[bool, bool, float, float, float, int]:
    # The order the module docstring explains: must-have misses last, then by floor (the
    # score itself when complete), then score, gap and id. Rounded so that float noise
    # from different weight sums never decides a tie.
    return (
        a.score is None,
        bool(a.missed),
        -round(a.floor or 0.0, 9),
        -round(a.score or 0.0, 9),
        round(a.gap or 0.0, 9),
        a.opportunity.application_id,
    )


def rank(option_a: OptionA, opportunities: Sequence[Opportunity]) -> list[Assessment]:
    """Every opportunity assessed, best first (see the module docstring for the order).

    Those with no score (no current criterion rated) come last; they have no place in the
    order, and callers show them apart.
    """
    return sorted((assess(option_a, o) for o in opportunities), key=_order_key)


@dataclass(frozen=True)
class WeightChange:
    """One weight moved by a factor, and what that changes.

    ``swaps`` are the pairs (better, worse) whose order flips; ``crossings`` the opportunities
    that cross the threshold, each with whether it is now below it.
    """

    criterion_id: str
    factor: float
    swaps: tuple[tuple[int, int], ...]
    crossings: tuple[tuple[int, bool], ...] = ()
    criterion_name: str = ""

    @property
    def change(self) -> str:
        """The move as a percentage, e.g. '-20%'."""
        return f"{round((self.factor - 1) * 100):+d}%"

    @property
    def label(self) -> str:
        """E.g. 'Scope and impact -20%' (the criterion as the person named it)."""
        return f"{self.criterion_name or self.criterion_id} {self.change}"


@dataclass(frozen=True)
class Sensitivity:
    """Whether the ranking survives every single weight moving by ±20%."""

    changes: tuple[WeightChange, ...]
    step: float = SENSITIVITY_STEP
    # How many opportunities have a score to move: with none, nothing was tested, and
    # "stable" would be a claim about an empty ranking.
    compared: int = 0

    @property
    def tested(self) -> bool:
        """Whether any opportunity had a score for the weights to move."""
        return self.compared > 0

    @property
    def stable(self) -> bool:
        """True when no single ±20% move changes the order or a verdict against the threshold."""
        return not self.changes

    @property
    def order_stable(self) -> bool:
        """True when no single ±20% move changes the order (crossings aside)."""
        return not any(c.swaps for c in self.changes)


def sensitivity(
    option_a: OptionA, opportunities: Sequence[Opportunity], step: float = SENSITIVITY_STEP
) -> Sensitivity:
    """Redo the ranking with each weight at (1 - step) and (1 + step) of its value."""
    assessed = [a for a in rank(option_a, opportunities) if a.score is not None]
    base = [a.opportunity.application_id for a in assessed]
    below = {a.opportunity.application_id: a.below_threshold for a in assessed}
    position = {ident: i for i, ident in enumerate(base)}
    changes = []
    for criterion in option_a.criteria:
        for factor in (1 - step, 1 + step):
            moved = [
                a
                for a in rank(option_a.reweighted(criterion.id, factor), opportunities)
                if a.score is not None
            ]
            now = {a.opportunity.application_id: i for i, a in enumerate(moved)}
            swaps = tuple(
                (a, b)
                for i, a in enumerate(base)
                for b in base[i + 1 :]
                if now[a] > now[b] and position[a] < position[b]
            )
            crossings = tuple(
                (a.opportunity.application_id, a.below_threshold)
                for a in sorted(moved, key=lambda a: position[a.opportunity.application_id])
                if a.below_threshold != below[a.opportunity.application_id]
            )
            if swaps or crossings:
                changes.append(WeightChange(criterion.id, factor, swaps, crossings, criterion.name))
    return Sensitivity(tuple(changes), step, len(assessed))

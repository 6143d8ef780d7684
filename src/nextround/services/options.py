"""Use cases for Option A: define it, weigh criteria, rate opportunities, rank, warn on offers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from nextround.domain.journey import Application, OfferResponse, Outcome, Status
from nextround.domain.offer_terms import OfferTerms
from nextround.domain.option_a import (
    Criterion,
    MustHave,
    OptionA,
    OptionRating,
    RuleKind,
    check_id,
)
from nextround.domain.option_concerns import at_risk, offer_concerns
from nextround.domain.option_ranking import (
    Assessment,
    CriterionValue,
    Opportunity,
    Sensitivity,
    assess,
    rank,
    sensitivity,
)
from nextround.errors import DomainError
from nextround.services.ports import FullUnitOfWork
from nextround.services.stamps import touch

OPTION_A_KEY = "option_a"


#: The statuses of an opportunity that came to an offer, whatever the answer.
OFFER_STATUSES = frozenset({Status.OFFER, Status.ACCEPTED, Status.DECLINED})


def get_option_a(uow: FullUnitOfWork) -> OptionA:
    """The person's Option A, or the default criteria while none is saved."""
    stored = uow.preferences.get(OPTION_A_KEY)
    return OptionA.from_json(stored) if isinstance(stored, dict) else OptionA.defaults()


def save_option_a(uow: FullUnitOfWork, option_a: OptionA) -> OptionA:
    """Store a whole Option A at once (criteria, must-haves, threshold)."""
    checked = replace(option_a.check(), defined=True)
    uow.preferences.set(OPTION_A_KEY, checked.to_json(), uow.now())
    uow.commit()
    return checked


def set_weights(
    uow: FullUnitOfWork,
    weights: Mapping[str, float],
    targets: Mapping[str, int] | None = None,
    *,
    threshold: float | None = None,
) -> OptionA:
    """Change the weights (and targets) of existing criteria, and the threshold, at once."""
    option_a = get_option_a(uow)
    if threshold is not None:
        option_a = replace(option_a, threshold=threshold)
    targets = targets or {}
    for criterion_id in (*weights, *targets):
        option_a.criterion(criterion_id)  # an unknown id is an error, not a silent add
    criteria = tuple(
        replace(c, weight=weights.get(c.id, c.weight), target=targets.get(c.id, c.target))
        for c in option_a.criteria
    )
    return save_option_a(uow, replace(option_a, criteria=criteria))


def add_criterion(
    uow: FullUnitOfWork, criterion_id: str, name: str, weight: float = 1.0, target: int = 5
) -> OptionA:
    """Add a criterion of the person's own."""
    option_a = get_option_a(uow)
    ident = check_id(criterion_id)
    if any(c.id == ident for c in option_a.criteria):
        raise DomainError(
            f"criterion {ident!r} exists already",
            cli_hint="change its weight with `nextround options criteria set`",
            web_hint="change its weight under “Criteria, weights and targets”",
        )
    same_name = next((c for c in option_a.criteria if c.name.casefold() == name.casefold()), None)
    if same_name is not None:
        raise DomainError(
            f"a criterion named {same_name.name!r} exists already ({same_name.id})",
            cli_hint="change its weight with `nextround options criteria set`, or pick "
            "another name",
            web_hint="change its weight under “Criteria, weights and targets”, or pick "
            "another name",
        )
    added = Criterion(ident, name, weight, target)
    return save_option_a(uow, replace(option_a, criteria=(*option_a.criteria, added)))


def remove_criterion(uow: FullUnitOfWork, criterion_id: str) -> OptionA:
    """Drop a criterion; its ratings stay stored, unused, in case it comes back."""
    option_a = get_option_a(uow)
    criterion = option_a.criterion(criterion_id)
    users = [m.text for m in option_a.must_haves if m.rule and m.rule.criterion == criterion_id]
    if users:
        raise DomainError(
            f"must-have {users[0]!r} uses {criterion.name} ({criterion_id}); change or remove "
            "that must-have first"
        )
    kept = tuple(c for c in option_a.criteria if c.id != criterion_id)
    return save_option_a(uow, replace(option_a, criteria=kept))


def define(
    uow: FullUnitOfWork,
    *,
    description: str | None = None,
    must_haves: Sequence[str] | None = None,
    threshold: float | None = None,
) -> OptionA:
    """Describe the dream role; given must-haves replace the old list."""
    option_a = get_option_a(uow)
    if description is not None:
        option_a = replace(option_a, description=description)
    if threshold is not None:
        option_a = replace(option_a, threshold=threshold)
    if must_haves is not None:
        parsed: list[MustHave] = []
        for raw in must_haves:
            parsed.append(MustHave.parse(raw, {m.id for m in parsed}))
        option_a = replace(option_a, must_haves=tuple(parsed))
    return save_option_a(uow, option_a)


def offer_terms(app: Application) -> OfferTerms | None:
    """The terms of the offer in force on ``app`` (None: no offer, or one without terms)."""
    current = app.current_decision
    if current is None or current.outcome is not Outcome.OFFER:
        return None
    return current.terms


def _checks_offers(option_a: OptionA) -> bool:
    return any(m.rule and m.rule.kind is RuleKind.OFFER for m in option_a.must_haves)


def _opportunity(uow: FullUnitOfWork, app_id: int) -> Opportunity:
    app = uow.applications.get(app_id)
    return Opportunity(
        offer=offer_terms(app),
        application_id=app_id,
        company=app.company,
        role_title=app.role_title,
        status=app.status,
        applied_on=app.applied_on,
        work_mode=app.work_mode,
        location=app.location,
        level=app.level,
        rating=uow.option_ratings.get(app_id),
    )


def rate(
    uow: FullUnitOfWork,
    app_id: int,
    scores: Mapping[str, int | None],
    verdicts: Mapping[str, bool | None] | None = None,
) -> Assessment:
    """Rate an opportunity per criterion (1-5) and say which must-haves it meets."""
    option_a = get_option_a(uow)
    uow.applications.get(app_id)
    rating = uow.option_ratings.get(app_id)
    if rating is None:
        rating = OptionRating(application_id=app_id)
        uow.option_ratings.add(rating)
    rating.rate(option_a, scores, verdicts or {})
    touch(uow.now(), rating)
    uow.commit()
    return assess(option_a, _opportunity(uow, app_id))


def assess_application(uow: FullUnitOfWork, app_id: int) -> Assessment:
    """One opportunity against Option A, without changing anything."""
    return assess(get_option_a(uow), _opportunity(uow, app_id))


@dataclass(frozen=True)
class RankingView:
    """The ranking, its robustness, and the opportunities that wait for a rating.

    ``assessments`` holds the opportunities with a score, best first. ``unscored`` those
    rated once but on none of the current criteria (e.g. every criterion they were rated on
    was removed): they have no place in the order. ``unrated`` counts the open applications
    never rated at all: a closed one is no choice to weigh, so no rating to invite (QA17 F16).
    """

    option_a: OptionA
    assessments: list[Assessment]
    sensitivity: Sensitivity
    unrated: int
    unscored: list[Assessment] = field(default_factory=list)
    # How many of ``assessments`` (the first ones) are processes still open: those that
    # are over come after them, in their own order, for comparison only.
    live_count: int | None = None

    @property
    def live(self) -> list[Assessment]:
        """The processes still open, best first: the ranking that decides anything."""
        return self.assessments[: self.live_count] if self.live_count is not None else []

    @property
    def over(self) -> list[Assessment]:
        """The processes that are over (rejected, declined, withdrawn ...), best first."""
        return self.assessments[self.live_count :] if self.live_count is not None else []

    @property
    def flagged(self) -> list[Assessment]:
        """Offers, and open processes that fall short: where a yes is (or was) possible."""
        return [
            a
            for a in (*self.assessments, *self.unscored)
            if a.opportunity.status in OFFER_STATUSES
            or (a.opportunity.status.is_open and (a.below_threshold or a.missed))
        ]


def ranking(uow: FullUnitOfWork, *, open_only: bool = False) -> RankingView:
    """Every rated opportunity, best first, with the ±20% weight sensitivity."""
    option_a = get_option_a(uow)
    ratings = {r.application_id: r for r in uow.option_ratings.all()}
    facts = uow.applications.facts()
    # Only an offer's terms answer an offer rule: the offers alone are loaded whole, and only
    # when a must-have asks (a long search's applications are otherwise read as facts).
    offers = {
        f.id: offer_terms(uow.applications.get(f.id))
        for f in facts
        if f.id in ratings and f.status in OFFER_STATUSES and _checks_offers(option_a)
    }
    chosen = [
        Opportunity(
            offer=offers.get(f.id),
            application_id=f.id,
            company=f.company,
            role_title=f.role_title,
            status=f.status,
            applied_on=f.applied_on,
            work_mode=f.work_mode,
            location=f.location,
            level=f.level,
            rating=ratings[f.id],
        )
        for f in facts
        if f.id in ratings and (f.status.is_open or not open_only)
    ]
    unrated = sum(1 for f in facts if f.id not in ratings and f.status.is_open)
    assessed = rank(option_a, chosen)
    scored = [a for a in assessed if a.scored]
    # The live processes first, then those that are over, each group in the ranking's own
    # order: a "no" from months ago ranked among the live ones reads as a choice still to
    # make. What the weights change matters among the live ones only, when there are any.
    # With none still open, there is nothing to set apart: they are ranked as they are.
    live = [a for a in scored if a.opportunity.status.is_open] or scored
    over = [a for a in scored if a not in live]
    open_ones = [o for o in chosen if o.status.is_open]
    return RankingView(
        option_a,
        live + over,
        sensitivity(option_a, open_ones if over else chosen),
        unrated,
        [a for a in assessed if not a.scored],
        live_count=len(live),
    )


@dataclass(frozen=True)
class OfferCheck:
    """An offer on the table or accepted, held against Option A."""

    assessment: Assessment
    concerns: list[str]
    rated: bool
    defined: bool
    # Whether the person is saying yes (accepting, or has accepted), rather than holding an
    # offer still to answer: only a yes is "saying yes to the wrong thing".
    accepting: bool = True

    @property
    def headline(self) -> str:
        """What the warning opens with: a question about a yes, or advice before one."""
        return (
            "Saying yes to the wrong thing?" if self.accepting else "Before you answer the offer:"
        )

    @property
    def opening(self) -> str:
        """The headline with the company, as the command line's warning starts."""
        company = self.assessment.opportunity.company
        if self.accepting:
            return f"Saying yes to the wrong thing? {company}:"
        return f"Before you answer the offer from {company}:"

    @property
    def warn(self) -> bool:
        """Whether to ask "saying yes to the wrong thing?".

        Not while the person has neither defined an Option A nor rated the offer: a score
        from the default criteria and what the record implies alone is nobody's judgement.
        """
        return bool(self.concerns) and (self.defined or self.rated)

    @property
    def to_complete(self) -> list[CriterionValue]:
        """The criteria to rate when the warning rests on a partial score, heaviest first.

        Below the threshold they could lift it; above it, at risk, they could sink it.
        """
        a = self.assessment
        return a.unrated_criteria if a.below_threshold or at_risk(a) else []


def offer_check(uow: FullUnitOfWork, app_id: int) -> OfferCheck | None:
    """Whether a recorded (pending) or accepted offer falls short of Option A.

    None when the application's decision is not such an offer. The CLI and the web app
    both call this after a decision is recorded, so they warn about the same things.
    """
    app = uow.applications.get(app_id)
    decision = app.current_decision
    if (
        decision is None
        or decision.outcome is not Outcome.OFFER
        or decision.offer_response is OfferResponse.DECLINED
    ):
        return None
    check = acceptance_check(uow, app_id)
    return replace(check, accepting=decision.offer_response is OfferResponse.ACCEPTED)


def acceptance_check(uow: FullUnitOfWork, app_id: int) -> OfferCheck:
    """The application held against Option A, before saying yes to it.

    The same trade-offs offer_check shows once an offer is recorded: the board and the
    decision form ask with them before an acceptance is recorded, not after.
    """
    option_a = get_option_a(uow)
    assessment = assess(option_a, _opportunity(uow, app_id))
    return OfferCheck(
        assessment=assessment,
        concerns=offer_concerns(assessment),
        rated=assessment.opportunity.rating is not None,
        defined=option_a.defined,
    )


def better_ranked(uow: FullUnitOfWork, app_id: int) -> str | None:
    """Before accepting ``app_id``'s offer: the open processes Option A ranks above it.

    One line with the scores, and the next interview of each, or None when none ranks
    higher (or the offer has no score). One that misses a must-have is no better choice.
    """
    from nextround.domain.offer_deadline import day_label

    live = ranking(uow, open_only=True).live
    mine = next((a for a in live if a.opportunity.application_id == app_id), None)
    if mine is None or mine.score is None:
        return None
    higher = [
        a
        for a in live
        if a is not mine and a.score is not None and a.score > mine.score and not a.missed
    ]
    if not higher:
        return None
    today = uow.today()
    upcoming = uow.applications.next_interviews(uow.now())

    def named(a: Assessment) -> str:
        at = upcoming.get(a.opportunity.application_id)
        when = f", interview on {day_label(at.astimezone().date(), today)}" if at else ""
        return f"{a.opportunity.company} ({a.score or 0:.2f}{when})"

    many = len(higher) > 1
    return (
        f"{' and '.join(named(a) for a in higher[:3])}{' rank' if many else ' ranks'} higher "
        f"on your Option A than {mine.opportunity.company} ({mine.score:.2f}) and "
        f"{'are' if many else 'is'} still open."
    )


def before_accepting(uow: FullUnitOfWork, app_id: int) -> str | None:
    """What to weigh before accepting, besides the offer's own trade-offs; None if nothing.

    Another offer accepted already, and open processes Option A ranks higher: the command
    line, the decision form and the board all say it and ask before the yes is recorded.
    """
    from nextround.services.other_offers import second_acceptance

    said = [second_acceptance(uow, app_id), better_ranked(uow, app_id)]
    return " ".join(s for s in said if s) or None

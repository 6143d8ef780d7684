"""The week's plan as pages show it: read without writing, and done toggles that keep the week."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from nextround.domain.journey import Status
from nextround.domain.offer_deadline import AnswerDue
from nextround.domain.plan import (
    ActionKind,
    Momentum,
    PlanAction,
    done_earlier,
    done_in_week,
    iso_week,
    numbers,
)
from nextround.services.plan import (
    done,
    last_time,
    plan_momentum,
    refresh_plan,
    resolve,
    this_week,
    week,
)
from nextround.services.ports import (
    ApplicationQuery,
    FactsSource,
    GrowthUnitOfWork,
    PlanUnitOfWork,
)
from nextround.services.transaction import held


@dataclass(frozen=True)
class WeekView:
    """The week's actions, the whole plan and the momentum so far, as of today."""

    week: str
    actions: list[PlanAction]
    plan: list[PlanAction]
    momentum: Momentum
    # The short number of each action ("plan done 3"), the same on every page and command.
    numbers: dict[str, int] = field(default_factory=dict)
    # Preparation for the interview coming up that the full week does not hold, and for what.
    waiting: list[PlanAction] = field(default_factory=list)
    occasion: str | None = None
    # The pending offers with an answer-by date, soonest first (see offers_to_answer).
    answers: list[AnswerDue] = field(default_factory=list)
    # Whether picking the week again would make room for it (else it waits for the cap).
    repick_makes_room: bool = False
    # What the company of the interview coming up said in an earlier process, in one line.
    last_time: str | None = None

    @property
    def open_count(self) -> int:
        """Actions in the plan not done yet."""
        return sum(1 for a in self.plan if not a.done)

    @property
    def week_done(self) -> int:
        """How many of the week's actions were done this week (not those done earlier)."""
        return sum(1 for a in self.actions if done_in_week(a, self.week))

    def done_earlier(self, action: PlanAction) -> bool:
        """Whether one of the week's actions was recorded as done before this week."""
        return done_earlier(action, self.week)


def week_view(uow: GrowthUnitOfWork) -> WeekView:
    """The week's actions as ``plan week`` would pick them, without storing the pick.

    The pick is deterministic, so what a page shows is what the first done toggle stores.
    """
    pick = this_week(uow)
    today = uow.today()
    ordered = sorted(pick.actions, key=_priority)
    return WeekView(
        iso_week(today),
        pick.picked,
        ordered,
        plan_momentum(uow, pick.actions),
        numbers(pick.actions),
        pick.waiting,
        pick.occasion,
        offers_to_answer(uow),
        pick.repick_makes_room,
        last_time(uow, pick),
    )


def offers_to_answer(uow: FactsSource) -> list[AnswerDue]:
    """Every pending offer with an answer-by date, soonest first.

    Not an action of the plan: answering is done by recording the answer, not by ticking it
    off, and the reminder goes once the offer is accepted or declined. The ones due within
    SOON_DAYS (or overdue) come before the week's actions; later ones after them.
    """
    today = uow.now().astimezone().date()
    offers = uow.applications.facts(ApplicationQuery(statuses=(Status.OFFER,)))
    from nextround.services.other_offers import acceptance, with_acceptance

    accepted = acceptance(uow)
    dues = [
        due
        for facts in offers
        if (due := with_acceptance(facts.answer_due(today), accepted, facts.applied_on))
    ]
    return sorted(dues, key=lambda d: (d.answer_by, d.company.casefold()))


_KINDS = [kind.value for kind in ActionKind]


def _priority(action: PlanAction) -> tuple[int, int, str]:
    # The plan's own order: kinds by priority, then the rank the plan gave each action.
    kind = _KINDS.index(action.kind) if action.kind in _KINDS else len(_KINDS)
    return (kind, action.rank, action.id)


def set_done(uow: GrowthUnitOfWork, ref: str, is_done: bool, on: date | None = None) -> PlanAction:
    """Tick an action off (on ``on``, by default today) or untick it, keeping the week.

    ``ref`` is the action's number as shown, its id, or a part of its id only it has. The
    week's pick is stored in the same transaction, so ticking one action does not make
    another take its place in the week.
    """
    steps = held(uow)
    action_id = resolve(steps, ref).id
    week(steps)
    if is_done:
        action = done(steps, action_id, on)
    else:
        actions = uow.plan.all()
        reopened = [replace(a, done_on=None) if a.id == action_id else a for a in actions]
        uow.plan.replace_all(reopened)
        action = next(a for a in reopened if a.id == action_id)
    uow.commit()
    return action


@dataclass(frozen=True)
class Undone:
    """What undoing a done action did, once the plan was rebuilt around it."""

    action: PlanAction
    was_done: bool
    # The action as the rebuilt plan holds it; None when the plan no longer suggests it.
    now: PlanAction | None
    momentum: Momentum

    def said(self, reopen: str) -> str:
        """The answer in words; ``reopen`` says where the story's competencies are changed."""
        title = self.action.title.rstrip()
        title = title if title.endswith((".", "!", "?", "…")) else title + "."
        if not self.was_done:
            return f"Not marked done, so nothing to undo: {title}"
        if self.now is not None and self.now.done:
            return (
                f"Still done: {title} {self.now.why} It stays ticked while your story bank "
                f"answers it; change the story's competencies ({reopen}) to reopen it."
            )
        if self.now is not None:
            return f"Back on the list: {title}"
        return (
            f"No longer marked done: {title} Your plan no longer suggests it, because the "
            "evidence behind it has changed, so it leaves the list."
        )


def undo_done(uow: PlanUnitOfWork, ref: str, half_life_days: int, budget_seconds: int) -> Undone:
    """Untick an action, then rebuild the plan, as every surface must before answering.

    The plan is rebuilt on every look at it: a story action ticks itself off again while
    the story bank answers it, and an open action whose reason has gone (the gap closed,
    the evidence was corrected) leaves the list. Saying "back on the list" before that
    rebuild promised what the next look took back.
    """
    target = resolve(uow, ref)
    action_id, was_done = target.id, target.done
    action = set_done(uow, action_id, False)
    view = refresh_plan(uow, half_life_days, budget_seconds)
    again = next((a for a in view.actions if a.id == action_id), None)
    return Undone(action, was_done, again, view.momentum)

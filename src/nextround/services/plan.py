"""Use cases for the growth plan: build it, pick the week, mark actions done, momentum."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from nextround.domain.plan import (
    Momentum,
    PlanAction,
    build_plan,
    iso_week,
    mark_done,
    momentum,
    pick_week,
    with_preparation,
)
from nextround.domain.stories import DEFAULT_BUDGET_SECONDS
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.profile import ProfileView, current_profile
from nextround.services.upcoming import week_focus


@dataclass(frozen=True)
class PlanView:
    """The plan with the profile it was built from and the momentum so far."""

    actions: list[PlanAction]
    profile: ProfileView
    momentum: Momentum
    # Whether this call built the plan for the first time (nothing was stored before).
    first_build: bool = False


def refresh_plan(uow: GrowthUnitOfWork, half_life_days: int, budget_seconds: int) -> PlanView:
    """Build or refresh the plan from the current profile and story bank."""
    view = current_profile(uow, half_life_days)
    stories = [s.summary(budget_seconds) for s in uow.stories.all()]
    existing = uow.plan.all()
    actions = build_plan(view.profile, view.framework, stories, existing, uow.today())
    focus = week_focus(uow, actions, budget_seconds)
    actions = with_preparation(actions, focus.actions if focus else (), uow.today())
    uow.plan.replace_all(actions)
    uow.commit()
    return PlanView(actions, view, plan_momentum(uow, actions), first_build=not existing)


def week(
    uow: GrowthUnitOfWork, budget_seconds: int = DEFAULT_BUDGET_SECONDS
) -> tuple[list[PlanAction], Momentum]:
    """The actions for this week (at most five), picked once and then kept for the week.

    An interview in the coming days comes first: the week favours preparing for it, and
    the open actions picked before give way (they go back to the plan, not out of it).
    """
    actions, picked = this_week(uow, budget_seconds)
    week_of = iso_week(uow.today())
    chosen = {a.id: a.week for a in picked}
    # Stored with the plan's own words: the reason the week adds is worked out each time,
    # so it never outlives the interview it speaks of.
    uow.plan.replace_all(
        [
            replace(a, week=chosen[a.id])
            if a.id in chosen
            else replace(a, week=None)
            if a.week == week_of and not a.done
            else a
            for a in actions
        ]
    )
    uow.commit()
    return picked, plan_momentum(uow, actions)


def this_week(
    uow: GrowthUnitOfWork, budget_seconds: int = DEFAULT_BUDGET_SECONDS
) -> tuple[list[PlanAction], list[PlanAction]]:
    """The plan with any preparation for an interview coming up, and the week picked from it."""
    actions = uow.plan.all()
    focus = week_focus(uow, actions, budget_seconds)
    actions = with_preparation(actions, focus.actions if focus else (), uow.today())
    return actions, pick_week(actions, uow.today(), favour=focus.favour if focus else ())


def done(uow: GrowthUnitOfWork, action_id: str, on: date | None = None) -> PlanAction:
    """Mark an action done today, or on the day it was done (which corrects a done one)."""
    updated = mark_done(uow.plan.all(), action_id, uow.today(), on)
    uow.plan.replace_all(updated)
    uow.commit()
    return next(a for a in updated if a.id == action_id)


def current_momentum(uow: GrowthUnitOfWork) -> Momentum:
    """Actions done per week and the current streak."""
    return plan_momentum(uow, uow.plan.all())


def plan_momentum(uow: GrowthUnitOfWork, actions: list[PlanAction]) -> Momentum:
    """The momentum of the plan in use, with what was done in other frameworks' plans.

    Each framework has its own plan, but the weeks of work are the person's: switching to
    a target company's framework does not break a streak.
    """
    return momentum([*actions, *uow.plan.done_elsewhere()], uow.today())

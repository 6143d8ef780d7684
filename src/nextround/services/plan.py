"""Use cases for the growth plan: build it, pick the week, mark actions done, momentum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextround.domain.plan import Momentum, PlanAction, build_plan, mark_done, momentum, pick_week
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.profile import ProfileView, current_profile


@dataclass(frozen=True)
class PlanView:
    """The plan with the profile it was built from and the momentum so far."""

    actions: list[PlanAction]
    profile: ProfileView
    momentum: Momentum


def refresh_plan(uow: GrowthUnitOfWork, half_life_days: int, budget_seconds: int) -> PlanView:
    """Build or refresh the plan from the current profile and story bank."""
    view = current_profile(uow, half_life_days)
    stories = [s.summary(budget_seconds) for s in uow.stories.all()]
    actions = build_plan(view.profile, view.framework, stories, uow.plan.all(), uow.today())
    uow.plan.replace_all(actions)
    uow.commit()
    return PlanView(actions, view, momentum(actions, uow.today()))


def week(uow: GrowthUnitOfWork) -> tuple[list[PlanAction], Momentum]:
    """The actions for this week (at most five), picked once and then kept for the week."""
    actions = uow.plan.all()
    picked = pick_week(actions, uow.today())
    chosen = {a.id: a for a in picked}
    uow.plan.replace_all([chosen.get(a.id, a) for a in actions])
    uow.commit()
    return picked, momentum(actions, uow.today())


def done(uow: GrowthUnitOfWork, action_id: str, on: date | None = None) -> PlanAction:
    """Mark an action done today, or on the day it was done (which corrects a done one)."""
    updated = mark_done(uow.plan.all(), action_id, uow.today(), on)
    uow.plan.replace_all(updated)
    uow.commit()
    return next(a for a in updated if a.id == action_id)


def current_momentum(uow: GrowthUnitOfWork) -> Momentum:
    """Actions done per week and the current streak."""
    return momentum(uow.plan.all(), uow.today())

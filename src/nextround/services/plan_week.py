"""The week's plan as pages show it: read without writing, and done toggles that keep the week."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from nextround.domain.plan import (
    ActionKind,
    Momentum,
    PlanAction,
    iso_week,
)
from nextround.errors import NotFoundError
from nextround.services.plan import done, plan_momentum, this_week, week
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.transaction import held


@dataclass(frozen=True)
class WeekView:
    """The week's actions, the whole plan and the momentum so far, as of today."""

    week: str
    actions: list[PlanAction]
    plan: list[PlanAction]
    momentum: Momentum

    @property
    def open_count(self) -> int:
        """Actions in the plan not done yet."""
        return sum(1 for a in self.plan if not a.done)

    @property
    def week_done(self) -> int:
        """How many of the week's actions are done."""
        return sum(1 for a in self.actions if a.done)


def week_view(uow: GrowthUnitOfWork) -> WeekView:
    """The week's actions as ``plan week`` would pick them, without storing the pick.

    The pick is deterministic, so what a page shows is what the first done toggle stores.
    """
    actions, picked = this_week(uow)
    today = uow.today()
    ordered = sorted(actions, key=_priority)
    return WeekView(iso_week(today), picked, ordered, plan_momentum(uow, actions))


_KINDS = [kind.value for kind in ActionKind]


def _priority(action: PlanAction) -> tuple[int, int, str]:
    # The plan's own order: kinds by priority, then the rank the plan gave each action.
    kind = _KINDS.index(action.kind) if action.kind in _KINDS else len(_KINDS)
    return (kind, action.rank, action.id)


def set_done(
    uow: GrowthUnitOfWork, action_id: str, is_done: bool, on: date | None = None
) -> PlanAction:
    """Tick an action off (on ``on``, by default today) or untick it, keeping the week.

    The week's pick is stored in the same transaction, so ticking one action does not make
    another take its place in the week.
    """
    steps = held(uow)
    week(steps)
    if is_done:
        action = done(steps, action_id, on)
    else:
        actions = uow.plan.all()
        if not any(a.id == action_id for a in actions):
            raise NotFoundError("plan action", action_id, "the plan may have been refreshed")
        reopened = [replace(a, done_on=None) if a.id == action_id else a for a in actions]
        uow.plan.replace_all(reopened)
        action = next(a for a in reopened if a.id == action_id)
    uow.commit()
    return action

"""The person's work situation, as they said it: a job now, or between jobs; for the plan."""

from __future__ import annotations

from nextround.domain.work_situation import WorkSituation, situation_from
from nextround.services.ports import GrowthUnitOfWork

#: Where the situation is kept in the preferences (a backup carries it with the rest).
SITUATION_KEY = "plan.work_situation"


def work_situation(uow: GrowthUnitOfWork) -> WorkSituation | None:
    """What the person said about their work now; None while they have not said."""
    return situation_from(uow.preferences.get(SITUATION_KEY))


def set_work_situation(uow: GrowthUnitOfWork, situation: WorkSituation) -> WorkSituation:
    """Keep what the person said; the plan's next refresh words its practice for it."""
    uow.preferences.set(SITUATION_KEY, situation.value, uow.now())
    uow.commit()
    return situation

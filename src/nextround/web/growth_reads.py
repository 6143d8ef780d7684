"""The growth engine's read models, built once per data version and shared by every page.

The profile gathers and weighs every statement and rating; the dashboard, the profile page,
each competency's page and the story coverage all read the same cached build. None of this
writes: the week's plan is read as it would be picked, and picked for good on a POST.
"""

from __future__ import annotations

from nextround.services.plan_week import WeekView, week_view
from nextround.services.profile import ProfileView, current_profile
from nextround.web.deps import Web

PROFILE_KEY = ("growth", "profile")
WEEK_KEY = ("growth", "week")
#: The profile changes with the data (which drops it at once) and with the day (its key),
#: so it is kept for an hour instead of the cache's minute: on a large database it takes
#: seconds to build.
PROFILE_TTL = 3600.0


def profile_view(web: Web) -> ProfileView:
    """The profile on the framework in use, as of today."""
    half_life = web.nextround.settings.half_life_days
    today = web.nextround.clock().astimezone().date()
    return web.cache.get(
        (*PROFILE_KEY, today),
        lambda: web.read(lambda uow: current_profile(uow, half_life)),
        ttl=PROFILE_TTL,
    )


def this_week(web: Web) -> WeekView:
    """The week's actions, the whole plan and the momentum."""
    return web.cache.get(WEEK_KEY, lambda: web.read(week_view))


def to_build(web: Web) -> int:
    """How many open actions building the plan now would give (asked while it is empty)."""
    from nextround.services.plan import to_build as building_gives

    view = profile_view(web)
    budget = web.nextround.settings.story_budget_seconds
    return web.cache.get(
        ("growth", "to-build"), lambda: web.read(lambda uow: building_gives(uow, view, budget))
    )

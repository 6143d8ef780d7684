"""Use cases for the growth plan: build it, pick the week, mark actions done, momentum."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from nextround.domain.drop_off_practice import drop_off_practice
from nextround.domain.plan import (
    ActionKind,
    EarliestDone,
    Momentum,
    PlanAction,
    build_plan,
    choose_week,
    earliest_done,
    find_action,
    iso_week,
    mark_done,
    momentum,
    numbers,
    repicked,
    story_drafts,
    with_preparation,
    written_stories,
)
from nextround.domain.round_pass_rates import drop_off
from nextround.domain.search_scope import current_search
from nextround.domain.stories import DEFAULT_BUDGET_SECONDS
from nextround.services.career_break import career_break
from nextround.services.earlier_applications import said_last_time
from nextround.services.feedback_request import feedback_asks, requests_sent
from nextround.services.ports import GrowthUnitOfWork, PlanUnitOfWork
from nextround.services.positioning import experience_reasons
from nextround.services.profile import ProfileView, current_profile
from nextround.services.upcoming import week_focus
from nextround.services.work_situation import work_situation


@dataclass(frozen=True)
class PlanView:
    """The plan with the profile it was built from and the momentum so far."""

    actions: list[PlanAction]
    profile: ProfileView
    momentum: Momentum
    # Whether this call built the plan for the first time (nothing was stored before).
    first_build: bool = False
    # Open actions of this week's pick that the plan no longer suggests (their reason is
    # gone): the week names them, so nothing leaves it unannounced.
    left_week: list[PlanAction] = field(default_factory=list)
    # The short number of each action, as `plan done N` takes it.
    numbers: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class WeekPick:
    """The week's actions, what could not join them, and the momentum so far."""

    actions: list[PlanAction]
    momentum: Momentum
    # Preparation for the interview coming up that the week, already full, does not hold,
    # and the occasion it is for ("your final loop at Fernhill … on Wednesday").
    waiting: list[PlanAction] = field(default_factory=list)
    occasion: str | None = None
    numbers: dict[str, int] = field(default_factory=dict)
    # Whether picking the week again would make room for it (else it waits for the cap).
    repick_makes_room: bool = False
    # What the company of the interview coming up said in an earlier process, in one line.
    last_time: str | None = None


def _built(
    uow: PlanUnitOfWork, view: ProfileView, existing: list[PlanAction], budget_seconds: int
) -> list[PlanAction]:
    """The plan as building it now gives it, with preparation for an interview coming up."""
    stories = [s.summary(view.framework, budget_seconds) for s in uow.stories.all()]
    experience = experience_reasons(uow, view.framework.id)
    on_record = career_break(uow, view.framework.id)
    searching, since = current_search(uow.applications.facts())
    actions = build_plan(
        view.profile,
        view.framework,
        stories,
        existing,
        uow.today(),
        experience,
        on_record,
        feedback_asks(uow),
        # Where this search stops, not a pattern from one an accepted offer ended (search_scope).
        drop_off_practice(drop_off(searching), since),
        requests_sent(uow),
        work_situation(uow),
    )
    focus = week_focus(uow, actions, budget_seconds, building=True)
    return with_preparation(actions, focus.actions if focus else (), uow.today())


def as_built(uow: PlanUnitOfWork, view: ProfileView, budget_seconds: int) -> list[PlanAction]:
    """The whole plan as refreshing it now would store it, without storing anything.

    What `nextround plan` and the plan page show after a refresh, every kind of action
    included: a read-only page (the shared report) carries this, never a plan of its own.
    """
    return _built(uow, view, uow.plan.all(), budget_seconds)


def to_build(uow: PlanUnitOfWork, view: ProfileView, budget_seconds: int) -> int:
    """How many open actions building the plan now would give, without storing anything.

    Said where the stored plan is empty: "build it" only when building gives something,
    else what makes actions appear (plan.NOTHING_TO_PLAN).
    """
    return sum(1 for a in _built(uow, view, uow.plan.all(), budget_seconds) if not a.done)


def refresh_plan(uow: PlanUnitOfWork, half_life_days: int, budget_seconds: int) -> PlanView:
    """Build or refresh the plan from the current profile and story bank."""
    view = current_profile(uow, half_life_days)
    existing = uow.plan.all()
    actions = _built(uow, view, existing, budget_seconds)
    uow.plan.replace_all(actions)
    uow.commit()
    kept = {a.id for a in actions}
    week_of = iso_week(uow.today())
    left = [a for a in existing if a.week == week_of and not a.done and a.id not in kept]
    return PlanView(
        actions,
        view,
        plan_momentum(uow, actions),
        first_build=not existing,
        left_week=left,
        numbers=numbers(actions),
    )


def stored_plan(uow: GrowthUnitOfWork, half_life_days: int) -> PlanView:
    """The plan as last stored, not refreshed: where the database can only be read."""
    from nextround.domain.plan import in_plan_order

    view = current_profile(uow, half_life_days)
    actions = in_plan_order(uow.plan.all())
    return PlanView(actions, view, plan_momentum(uow, actions), numbers=numbers(actions))


def week(
    uow: GrowthUnitOfWork, budget_seconds: int = DEFAULT_BUDGET_SECONDS, *, repick: bool = False
) -> WeekPick:
    """The actions for this week (at most five), picked once and then kept for the week.

    Once picked, the week stays as it is until the person picks it again (``repick``):
    ticking an action off or a new story never swaps another in. An interview coming up
    takes the free places first; preparation that finds the week full waits, and says so.
    """
    if repick:
        uow.plan.replace_all(repicked(uow.plan.all(), uow.today()))
    pick = this_week(uow, budget_seconds)
    actions = pick.actions
    week_of = iso_week(uow.today())
    chosen = {a.id: a.week for a in pick.picked}
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
    return WeekPick(
        pick.picked,
        plan_momentum(uow, actions),
        pick.waiting,
        pick.occasion,
        numbers(actions),
        pick.repick_makes_room,
        last_time(uow, pick),
    )


def week_unsaved(
    uow: GrowthUnitOfWork, budget_seconds: int = DEFAULT_BUDGET_SECONDS, *, repick: bool = False
) -> WeekPick:
    """The week as ``week`` picks it, without storing the pick: where nothing can be stored.

    What the week already holds stays in it, as in ``week``; ``repick`` picks it again for
    this look only.
    """
    stored = uow.plan.all()
    pick = this_week(uow, budget_seconds, repicked(stored, uow.today()) if repick else stored)
    return WeekPick(
        pick.picked,
        plan_momentum(uow, pick.actions),
        pick.waiting,
        pick.occasion,
        numbers(pick.actions),
        pick.repick_makes_room,
        last_time(uow, pick),
    )


@dataclass(frozen=True)
class _Pick:
    actions: list[PlanAction]
    picked: list[PlanAction]
    waiting: list[PlanAction]
    occasion: str | None
    repick_makes_room: bool
    # The application of the interview the week prepares for, if it does.
    preparing_for: int | None = None


def this_week(
    uow: GrowthUnitOfWork,
    budget_seconds: int = DEFAULT_BUDGET_SECONDS,
    stored: list[PlanAction] | None = None,
) -> _Pick:
    """The plan with any preparation for an interview coming up, and the week picked from it.

    ``stored`` is the plan to pick from when not the one stored (a repick not saved).
    """
    actions = uow.plan.all() if stored is None else stored
    focus = week_focus(uow, actions, budget_seconds)
    actions = with_preparation(actions, focus.actions if focus else (), uow.today())
    favour = focus.favour if focus else ()
    chosen = choose_week(actions, uow.today(), favour=favour)
    return _Pick(
        actions,
        chosen.actions,
        chosen.waiting,
        focus.occasion if focus else None,
        chosen.repick_makes_room,
        focus.application_id if focus else None,
    )


def last_time(uow: GrowthUnitOfWork, pick: _Pick) -> str | None:
    """What the company the week prepares for said in an earlier process there, if anything.

    Read only where the week is shown (not on every look at the plan): it reads the
    evidence of the earlier processes there.
    """
    if pick.preparing_for is None:
        return None
    return said_last_time(uow, pick.preparing_for)


def resolve(uow: GrowthUnitOfWork, ref: str) -> PlanAction:
    """The action a person named by its number (as shown), its id, or a part of its id."""
    return find_action(this_week(uow).actions, ref)


def this_number(uow: GrowthUnitOfWork, action_id: str) -> int | None:
    """The short number `plan done N` takes for an action, or None if it has none."""
    return numbers(this_week(uow).actions).get(action_id)


def done(uow: GrowthUnitOfWork, action_id: str, on: date | None = None) -> PlanAction:
    """Mark an action done today, or on the day it was done (which corrects a done one).

    A day before the action could have been done (see plan.earliest_done) is refused.
    """
    actions = uow.plan.all()
    action = next((a for a in actions if a.id == action_id), None)
    earliest = None
    # Only a day before the action joined the plan needs the evidence read.
    if action is not None and on is not None and on < action.created_on:
        earliest = _earliest_done(uow, action)
    updated = mark_done(actions, action_id, uow.today(), on, earliest)
    uow.plan.replace_all(updated)
    uow.commit()
    return next(a for a in updated if a.id == action_id)


def _earliest_done(uow: GrowthUnitOfWork, action: PlanAction) -> EarliestDone:
    """The first day the action can have been done on, from the evidence on its competency."""
    from nextround.services.profile import evidence_on

    if action.competency_id is None:
        return earliest_done(action, ())
    days, name = evidence_on(uow, action.competency_id)
    return earliest_done(action, days, name)


def tick_written_stories(uow: GrowthUnitOfWork, budget_seconds: int) -> list[PlanAction]:
    """Tick off the open story actions the story bank now answers; the ones ticked.

    Called right after a story is saved, so the person hears it then, not later.
    """
    actions = uow.plan.all()
    if not any(a.kind == ActionKind.STORY and not a.done for a in actions):
        return []
    from nextround.services.frameworks import active_framework

    framework = active_framework(uow)
    stories = [s.summary(framework, budget_seconds) for s in uow.stories.all()]
    ticked = written_stories(actions, framework, stories, uow.today())
    if ticked:
        by_id = {a.id: a for a in ticked}
        uow.plan.replace_all([by_id.get(a.id, a) for a in actions])
        uow.commit()
    return ticked


def drafts_left_open(uow: GrowthUnitOfWork, story_id: int | None, budget_seconds: int) -> list[str]:
    """What a just-saved story the checker calls not ready leaves open in the plan, in words.

    "Your story “X” shows stakeholder management but is not ready yet: …": said where a
    ready story would have ticked the action off (see plan.story_drafts).
    """
    actions = uow.plan.all()
    if not any(a.kind == ActionKind.STORY and not a.done for a in actions):
        return []
    from nextround.services.frameworks import active_framework

    framework = active_framework(uow)
    stories = [s.summary(framework, budget_seconds) for s in uow.stories.all()]
    return story_drafts(actions, framework, stories, story_id)


def current_momentum(uow: GrowthUnitOfWork) -> Momentum:
    """Actions done per week and the current streak."""
    return plan_momentum(uow, uow.plan.all())


def plan_momentum(uow: GrowthUnitOfWork, actions: list[PlanAction]) -> Momentum:
    """The momentum of the plan in use, with what was done in other frameworks' plans.

    Each framework has its own plan, but the weeks of work are the person's: switching to
    a target company's framework does not break a streak.
    """
    return momentum([*actions, *uow.plan.done_elsewhere()], uow.today())

"""The week's pick says which preparation waits outside it, and why, in one pick."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from nextround.domain.interview_prep import prepare_week
from nextround.domain.plan import (
    FAVOURED_SLOTS,
    ActionKind,
    PlanAction,
    WaitReason,
    choose_week,
    pick_week,
    repicked,
    waiting,
    with_preparation,
)
from tests.unit.growth_fixtures import FRAMEWORK
from tests.unit.test_domain_interview_prep import LOOP, STORIES, THURSDAY, _plan

#: Preparation beyond the interview's places, each worded differently (SAME_SHAPE aside).
EXTRA = (
    "Read the team's latest engineering blog posts",
    "Write down three questions for the panel",
    "Walk through your portfolio out loud",
    "Map the company's products on one page",
)


def _favoured(plan: list[PlanAction]) -> tuple[list[PlanAction], list[tuple[str, str]]]:
    focus = prepare_week(LOOP, plan, STORIES, FRAMEWORK, THURSDAY)
    return with_preparation(plan, focus.actions, THURSDAY), list(focus.favour)


def _with_more_preparation() -> tuple[list[PlanAction], list[tuple[str, str]]]:
    actions, favour = _favoured(_plan())
    prep = next(a for a in actions if a.kind == ActionKind.PREPARE)
    extra = [replace(prep, id=f"{prep.id}-{n}", title=t) for n, t in enumerate(EXTRA)]
    # Ranked first: the interview's places go to preparation alone.
    return [*actions, *extra], [*((a.id, "For your final loop:") for a in extra), *favour]


def _already_picked() -> tuple[list[PlanAction], list[tuple[str, str]]]:
    """The week picked before the interview came up, one of its actions done."""
    plan = _plan()
    before = pick_week(plan, THURSDAY)
    picked = {a.id: a for a in before}
    picked[before[-1].id] = replace(before[-1], done_on=THURSDAY)
    return _favoured([picked.get(a.id, a) for a in plan])


def _repick_makes_room_by_picking_twice(
    actions: list[PlanAction], favour: list[tuple[str, str]], today: date
) -> bool:
    """The answer as it was worked out before: the week picked again, then compared."""
    left_out = waiting(actions, pick_week(actions, today, favour=favour), favour)
    fresh = {a.id for a in pick_week(repicked(actions, today), today, favour=favour)}
    return any(a.id in fresh for a in left_out)


def test_preparation_waits_because_the_week_was_picked_before_the_interview_came_up():
    actions, favour = _already_picked()
    chosen = choose_week(actions, THURSDAY, favour=favour)
    assert chosen.actions == pick_week(actions, THURSDAY, favour=favour)
    assert chosen.waiting == waiting(actions, chosen.actions, favour) != []
    assert chosen.why_waiting is WaitReason.WEEK_PICKED and chosen.repick_makes_room


def test_preparation_beyond_the_interview_places_waits_for_the_cap_on_a_first_pick():
    actions, favour = _with_more_preparation()
    chosen = choose_week(actions, THURSDAY, favour=favour)
    held = {a.id for a in chosen.actions if a.kind == ActionKind.PREPARE}
    assert len(held) == FAVOURED_SLOTS
    assert chosen.waiting and all(
        a.kind == ActionKind.PREPARE and a.id not in held for a in chosen.waiting
    )
    assert chosen.why_waiting is WaitReason.INTERVIEW_PLACES
    assert not chosen.repick_makes_room


def test_a_stored_week_full_of_preparation_still_waits_for_the_cap():
    actions, favour = _with_more_preparation()
    weeks = {a.id: a.week for a in choose_week(actions, THURSDAY, favour=favour).actions}
    stored = [replace(a, week=weeks.get(a.id)) for a in actions]
    chosen = choose_week(stored, THURSDAY, favour=favour)
    assert chosen.waiting and chosen.why_waiting is WaitReason.INTERVIEW_PLACES


def test_nothing_waits_without_an_interview_coming_up():
    chosen = choose_week(_plan(), THURSDAY)
    assert chosen.waiting == [] and chosen.why_waiting is None


def test_the_reason_agrees_with_picking_the_week_twice():
    actions, favour = _with_more_preparation()
    weeks = {a.id: a.week for a in choose_week(actions, THURSDAY, favour=favour).actions}
    stored = ([replace(a, week=weeks.get(a.id)) for a in actions], favour)
    scenarios = (_already_picked(), (actions, favour), stored, _favoured(_plan()))
    for actions, favour in scenarios:
        chosen = choose_week(actions, THURSDAY, favour=favour)
        assert chosen.repick_makes_room == _repick_makes_room_by_picking_twice(
            actions, favour, THURSDAY
        )

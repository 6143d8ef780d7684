"""The growth plan use cases on the fake unit of work: refresh, week, done, momentum."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from nextround.domain.competency import Competency, Framework
from nextround.domain.feedback import FeedbackSource
from nextround.domain.plan import WEEK_LIMIT, iso_week
from nextround.errors import DomainError, NotFoundError
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.services.frameworks import import_framework
from nextround.services.plan import current_momentum, done, refresh_plan, resolve, week
from nextround.services.review import review_statement
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK

FEEDBACK = [
    # (application, source, text): two independent sources for each of two gaps
    (1, FeedbackSource.RECRUITER, "Risk management did not come through."),
    (2, FeedbackSource.HIRING_MANAGER, "She never mitigated the obvious risks."),
    (1, FeedbackSource.INTERVIEWER, "The end-to-end system view was missing."),
    (2, FeedbackSource.INTERVIEWER, "Did not see how the systems interact."),
]


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    uow = FakeGrowthUnitOfWork()
    with uow:
        import_framework(uow, FRAMEWORK, use=True)
    apps = [seed_process(uow, name).application_id for name in ("Tempoline", "Orbitra")]
    for app, source, text in FEEDBACK:
        with uow:
            _, statements = add_mapped_feedback(
                uow, text, source, keyword_mapper, "test", received_on=date(2026, 11, 1),
                links=FeedbackLinks(application_id=apps[app - 1]),
            )  # fmt: skip
        # Confirmed as mapped: only reviewed statements make the gaps the plan is built on.
        for statement in statements:
            with uow:
                review_statement(uow, statement.id or 0)
    return uow


def _refresh(uow):
    with uow:
        return refresh_plan(uow, 365, 120)


def test_refresh_builds_mitigations_for_each_recurring_gap_and_stores_them(uow):
    view = _refresh(uow)
    gaps = [g.competency_id for g in view.profile.profile.recurring_gaps]
    assert sorted(gaps) == ["risk-management", "systems-thinking"]
    mitigations = [a for a in view.actions if a.kind == "mitigate"]
    for gap in gaps:
        assert 2 <= sum(a.competency_id == gap for a in mitigations) <= 3
    assert any(a.kind == "story" for a in view.actions)  # no story shows either gap yet
    with uow:
        stored = uow.plan.all()
    assert sorted(a.id for a in stored) == sorted(a.id for a in view.actions)
    assert all(a.created_on == date(2026, 11, 25) for a in stored)


def test_refresh_is_idempotent(uow):
    first = _refresh(uow)
    second = _refresh(uow)
    assert [a.to_json() for a in second.actions] == [a.to_json() for a in first.actions]


def test_refresh_keeps_done_actions_and_the_creation_dates(uow):
    first = _refresh(uow)
    target = first.actions[0]
    with uow:
        done(uow, target.id)
    uow.clock_now += timedelta(days=9)
    second = _refresh(uow)
    by_id = {a.id: a for a in second.actions}
    assert by_id[target.id].done_on == date(2026, 11, 25)
    assert by_id[target.id].title == target.title
    assert all(by_id[a.id].created_on == a.created_on for a in first.actions if a.id in by_id)
    assert sum(a.done for a in second.actions) == 1


def test_week_picks_at_most_five_and_the_pick_sticks(uow):
    plan = _refresh(uow)
    assert len([a for a in plan.actions if not a.done]) > WEEK_LIMIT
    with uow:
        picked = week(uow).actions
    assert 0 < len(picked) <= WEEK_LIMIT
    this_week = iso_week(date(2026, 11, 25))
    assert {a.week for a in picked} == {this_week}
    with uow:
        stored = uow.plan.all()
    assert sorted(a.id for a in stored if a.week == this_week) == sorted(a.id for a in picked)
    assert len(stored) == len(plan.actions)  # picking changes no other action
    with uow:
        again = week(uow).actions
    assert [a.id for a in again] == [a.id for a in picked]
    # gap work and spike or story work are mixed, gaps first
    assert picked[0].kind == "mitigate"


def test_done_marks_the_action_today_and_counts_in_momentum(uow):
    plan = _refresh(uow)
    with uow:
        marked = done(uow, plan.actions[1].id)
    assert marked.done_on == date(2026, 11, 25)
    with uow:
        momentum = current_momentum(uow)
        stored = {a.id: a for a in uow.plan.all()}
    assert stored[marked.id].done_on == date(2026, 11, 25)
    assert momentum.done_this_week == 1
    assert momentum.current_streak == 1
    # doing it again keeps the first date
    uow.clock_now += timedelta(days=1)
    with uow:
        assert done(uow, marked.id).done_on == date(2026, 11, 25)


def test_done_on_an_earlier_day_counts_in_that_week(uow):
    plan = _refresh(uow)  # built on Wednesday 2026-11-25
    uow.clock_now += timedelta(days=8)  # Thursday of the next week, 2026-W49
    with uow:
        marked = done(uow, plan.actions[0].id, date(2026, 11, 27))  # that Friday, W48
        momentum = current_momentum(uow)
    assert marked.done_on == date(2026, 11, 27)
    assert momentum.done_per_week[-2:] == [("2026-W48", 1), ("2026-W49", 0)]
    assert momentum.current_streak == 1  # last week counts while this one is young


def test_done_on_a_refused_day_changes_nothing(uow):
    plan = _refresh(uow)
    before = uow.stored.plan
    with uow, pytest.raises(DomainError, match="is in the future"):
        done(uow, plan.actions[0].id, date(2099, 11, 24))
    assert uow.stored.plan == before


def test_done_with_an_unknown_id_changes_nothing(uow):
    _refresh(uow)
    before = uow.stored.plan
    with uow, pytest.raises(NotFoundError, match="no plan action with id nope"):
        done(uow, "nope")
    assert uow.stored.plan == before


def test_momentum_with_no_plan_is_empty(uow):
    with uow:
        momentum = current_momentum(uow)
    assert momentum.current_streak == 0
    assert momentum.done_this_week == 0
    assert len(momentum.done_per_week) == 8


# -- one plan per framework -----------------------------------------------------------------

OTHER = Framework(
    id="other",
    name="Other",
    competencies=(Competency("ownership", "Ownership", "Owns results, risks included."),),
)


def test_each_framework_has_its_own_plan_and_momentum_counts_them_all(uow):
    from nextround.services.frameworks import use_framework

    plan = _refresh(uow)
    action = plan.actions[0]
    with uow:
        done(uow, action.id, date(2026, 11, 24))
    kept = _refresh(uow).actions
    with uow:
        import_framework(uow, OTHER, use=True)
    other = _refresh(uow)
    # Nothing of the test framework's plan follows onto another: not its gaps, not its
    # done actions.
    assert other.actions == []
    assert other.profile.framework.id == "other"
    # The work done is the person's, whichever plan it was in.
    assert other.momentum.done_per_week[-1] == ("2026-W48", 1)
    with uow:
        assert uow.plan.all() == []
        assert [a.id for a in uow.plan.done_elsewhere()] == [action.id]
        use_framework(uow, "test")
    back = _refresh(uow)
    assert back.actions == kept
    assert next(a for a in back.actions if a.id == action.id).done_on == date(2026, 11, 24)


def test_an_action_is_named_by_its_number_its_id_or_a_part_only_it_has(uow):
    plan = _refresh(uow)
    first, second = sorted(plan.numbers.items(), key=lambda kv: kv[1])[:2]
    with uow:
        assert resolve(uow, "1").id == first[0]
        assert resolve(uow, second[0]).id == second[0]
        assert resolve(uow, second[0].split(":", 1)[1]).id == second[0]


def test_a_typo_in_an_id_gets_the_nearest_one_suggested(uow):
    plan = _refresh(uow)
    target = next(a.id for a in plan.actions if a.id.startswith("mitigate:risk-management:"))
    typo = target.replace("management", "managment")
    with uow, pytest.raises(NotFoundError) as caught:
        resolve(uow, typo)
    assert f"did you mean {target!r} (number {plan.numbers[target]})?" in caught.value.for_cli()
    with uow, pytest.raises(NotFoundError) as caught:
        resolve(uow, "99")
    assert "the plan numbers its actions 1 to" in caught.value.for_cli()
    with uow, pytest.raises(DomainError, match=r"is part of the ids of \d+ plan actions"):
        resolve(uow, "risk-management")


def test_ticking_one_off_renumbers_nothing(uow):
    from nextround.services.plan_week import set_done

    plan = _refresh(uow)
    with uow:
        set_done(uow, "1", True)
    with uow:
        again = refresh_plan(uow, 365, 120)
    assert again.numbers == plan.numbers


def test_the_week_stays_as_picked_until_it_is_picked_again(uow):
    plan = _refresh(uow)
    with uow:
        picked = [a.id for a in week(uow).actions]
    # One of the week's picks is marked done elsewhere: the rest stays, nothing swaps in.
    with uow:
        done(uow, picked[0])
    with uow:
        kept = week(uow).actions
    assert [a.id for a in kept] == picked and kept[0].done
    # A re-pick keeps what was done and picks the rest afresh.
    leftover = next(a.id for a in plan.actions if a.id not in picked)
    with uow:
        uow.plan.replace_all(
            [replace(a, rank=-1) if a.id == leftover else a for a in uow.plan.all()]
        )
        uow.commit()
    with uow:
        assert [a.id for a in week(uow).actions] == picked  # still as picked
    with uow:
        again = [a.id for a in week(uow, repick=True).actions]
    assert picked[0] in again and leftover in again


def test_a_refresh_says_which_of_the_weeks_picks_the_plan_dropped(uow):
    _refresh(uow)
    with uow:
        picked = week(uow).actions
    gone = picked[-1]
    # Stale ids, as after the gap behind them closed: the refresh drops them.
    with uow:
        uow.plan.replace_all(
            [replace(a, id=a.id + "-old") if a.id == gone.id else a for a in uow.plan.all()]
        )
        uow.commit()
    with uow:
        view = refresh_plan(uow, 365, 120)
    assert [a.id for a in view.left_week] == [gone.id + "-old"]


def test_an_interview_coming_up_is_prepared_for_even_with_nothing_else_to_plan():
    # QA7: an empty plan and a week pointing at each other with a round in six days.
    from datetime import UTC, datetime, time

    from nextround.services.plan import to_build
    from nextround.services.profile import current_profile

    uow = FakeGrowthUnitOfWork()
    with uow:
        import_framework(uow, FRAMEWORK, use=True)
    with uow:
        view = current_profile(uow, 365)
        assert to_build(uow, view, 120) == 0
    day = uow.clock_now.date() + timedelta(days=6)
    seed_process(
        uow, "Halcyon", interviews=[("System design", datetime.combine(day, time(15), UTC), ())]
    )
    with uow:
        view = current_profile(uow, 365)
        assert to_build(uow, view, 120) == 1
        assert uow.plan.all() == []  # only counted, nothing stored
    built = _refresh(uow)
    (prepared,) = built.actions
    assert prepared.kind == "prepare" and prepared.id.endswith(":format-behavioural")
    with uow:
        picked = week(uow, 120)
    assert [a.id for a in picked.actions] == [prepared.id]
    assert picked.occasion is not None and picked.occasion.startswith("your final loop at Halcyon")


def test_numbers_read_from_one_listing_name_the_same_actions_while_they_are_ticked_off(uow):
    # Backfilling from one printed list: each "done N --on DAY" marks the action listed as N,
    # also once earlier ones were recorded on days before this week (QA16 Q4).
    from nextround.services.plan_week import set_done

    listed = {n: i for i, n in _refresh(uow).numbers.items()}
    with uow:
        week(uow)
    for k, n in enumerate(sorted(listed)):
        with uow:
            assert resolve(uow, str(n)).id == listed[n]
            set_done(uow, str(n), True, date(2026, 11, 2) + timedelta(days=k % 5))
    # Done, each keeps the number `plan undo N` takes, after a refresh too.
    again = _refresh(uow)
    assert {n: i for i, n in again.numbers.items()} == listed
    assert all(a.done for a in again.actions)


def test_the_weeks_count_leaves_out_what_was_done_on_an_earlier_week(uow):
    # An action of this week's pick recorded as done in October was done earlier: the week
    # says "1 of 5 done", not 2, and names the other as done earlier (QA16 Q14).
    from nextround.services.plan_week import set_done, week_view

    _refresh(uow)
    with uow:
        picked = [a.id for a in week(uow).actions]
    with uow:
        set_done(uow, picked[0], True, date(2026, 11, 2))
        set_done(uow, picked[1], True)
    with uow:
        view = week_view(uow)
    assert [a.id for a in view.actions] == picked
    assert view.week_done == 1
    assert [a.id for a in view.actions if view.done_earlier(a)] == [picked[0]]


def test_a_feedback_request_sent_ticks_off_the_plans_ask_for_that_rejection(uow):
    """The plan reads the requests sent from the notes the unit of work keeps."""
    from nextround.domain.journey import Outcome, RoundKind
    from nextround.domain.notes import Note, NoteKind, Tone
    from nextround.domain.plan import FEEDBACK_REQUEST
    from nextround.services.applications import add_application
    from nextround.services.process import add_round, set_decision

    with uow:
        app = add_application(
            uow, {"company": "Halvorsen", "role_title": "Lead", "applied_on": date(2026, 10, 1)}
        )
        assert app.id is not None
        add_round(
            uow,
            app.id,
            {"name": "Panel", "kind": RoundKind.PANEL, "started_on": date(2026, 11, 10)},
        )
        set_decision(uow, app.id, Outcome.REJECTION, date(2026, 11, 20))
    asked = next(a for a in _refresh(uow).actions if a.id == f"{FEEDBACK_REQUEST}{app.id}")
    assert not asked.done
    with uow:
        note = Note(app.id, Tone.AFTER_REJECTION, "Feedback", "Could you say more?", [],
                    kind=NoteKind.FEEDBACK_REQUEST)  # fmt: skip
        note.mark_sent(date(2026, 11, 24), app.applied_on, uow.today())
        uow.notes.add(note)
        uow.commit()
    ticked = next(a for a in _refresh(uow).actions if a.id == asked.id)
    # Sent the day before the action was written: done the day it was written.
    assert ticked.done_on == asked.created_on == date(2026, 11, 25)


def test_the_week_before_an_interview_at_a_company_applied_to_before_says_what_it_said(uow):
    """QA19 F2: the week's plan quotes what that company named last time, in one line."""
    from datetime import UTC, datetime, time

    from nextround.domain.journey import Outcome
    from nextround.services.plan_week import week_view
    from nextround.services.process import set_decision

    with uow:
        set_decision(uow, 1, Outcome.REJECTION, date(2026, 11, 3))  # Tempoline, the 1st
    _refresh(uow)
    with uow:
        assert week(uow, 120).last_time is None  # no interview coming up: no line
    day = uow.clock_now.date() + timedelta(days=3)
    at = datetime.combine(day, time(15), UTC)
    seed_process(uow, "tempoline", applied_on=date(2026, 11, 20), interviews=[("Panel", at, ())])
    _refresh(uow)
    with uow:
        picked = week(uow, 120)
        shown = week_view(uow)
    assert picked.occasion is not None and "tempoline" in picked.occasion
    said = "Tempoline named risk management and systems thinking as gaps in Nov 2026."
    assert picked.last_time == shown.last_time == said
    # A process elsewhere comes first: the week prepares for it, and nothing was said there.
    sooner = datetime.combine(day - timedelta(days=1), time(15), UTC)
    seed_process(uow, "Halcyon", applied_on=date(2026, 11, 20), interviews=[("Panel", sooner, ())])
    _refresh(uow)
    with uow:
        picked = week(uow, 120, repick=True)
    assert picked.occasion is not None and "Halcyon" in picked.occasion
    assert picked.last_time is None

"""Calling off the interviews still to come, so a decision can end the process before them."""

from datetime import date, timedelta

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Outcome, RoundOutcome, Status
from nextround.errors import DomainError
from nextround.services.applications import close_application
from nextround.services.calling_off import call_off
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_feedback
from nextround.services.process import add_interview, set_decision
from tests.unit.fakes import FAKE_NOW
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, seed_process
from tests.unit.growth_fixtures import FRAMEWORK

HELD = FAKE_NOW - timedelta(days=10)
AHEAD = FAKE_NOW + timedelta(days=8)


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


def _titles(uow, app_id):
    app = uow.stored.applications[app_id]
    return sorted(i.title for r in app.rounds for i in r.interviews)


def _called_off(uow, app_id):
    """The titles of the interviews marked called off."""
    app = uow.stored.applications[app_id]
    return sorted(i.title for r in app.rounds for i in r.interviews if i.called_off)


def test_a_withdrawal_calls_off_the_interviews_still_to_come_in_one_step(uow):
    seeded = seed_process(uow, interviews=[("Screen call", HELD, []), ("Panel", AHEAD, [])])
    app_id = seeded.application_id
    with uow, pytest.raises(DomainError) as refused:
        set_decision(uow, app_id, Outcome.WITHDRAWAL)
    assert "add --call-off" in refused.value.for_cli()
    assert "Call off the interviews still to come" in refused.value.for_web()

    with uow:
        called_off = call_off(uow, app_id, None)
        set_decision(uow, app_id, Outcome.WITHDRAWAL)
    assert called_off.text() == (
        "Called off the interview “Panel” on 2026-12-03 12:00. The interview stays on record, "
        "marked called off."
    )
    # History is kept: the booked interview stays, marked called off; the held one as it was.
    assert _titles(uow, app_id) == ["Panel", "Screen call"]
    assert _called_off(uow, app_id) == ["Panel"]
    stored = uow.stored.applications[app_id]
    assert stored.status is Status.WITHDRAWN
    assert stored.rounds[0].outcome is RoundOutcome.WITHDRAWN
    stored.check()
    # Never held: no debrief, and not still to come.
    panel = next(i for i in stored.rounds[0].interviews if i.title == "Panel")
    assert not stored.rounds[0].is_to_come(panel, FAKE_NOW)
    with uow, pytest.raises(DomainError, match="was called off, so it did not take place"):
        record_debrief(uow, panel.id, 3)
    assert uow.applications.next_interviews(FAKE_NOW) == {}


def test_nothing_is_called_off_when_the_decision_is_refused(uow):
    seeded = seed_process(uow, interviews=[("Panel", AHEAD, [])])
    app_id = seeded.application_id
    with uow, pytest.raises(DomainError, match="is dated before the application"):
        call_off(uow, app_id, date(2026, 8, 1))
        set_decision(uow, app_id, Outcome.REJECTION, date(2026, 8, 1))
    assert _titles(uow, app_id) == ["Panel"] and _called_off(uow, app_id) == []
    assert uow.stored.applications[app_id].decisions == []


def test_an_interview_already_past_the_decision_day_is_not_called_off(uow):
    """It was held (or its time is wrong): the decision still says to date it after."""
    seeded = seed_process(uow, interviews=[("Panel", HELD, [])])
    app_id = seeded.application_id
    day_before = HELD.date() - timedelta(days=1)
    with uow, pytest.raises(DomainError, match=r"date the decision on or after") as refused:
        assert call_off(uow, app_id, day_before).text() == ""
        close_application(uow, app_id, Outcome.REJECTION, day_before)
    assert "--call-off" not in refused.value.for_cli()  # only for one still in the future
    assert _titles(uow, app_id) == ["Panel"]


@pytest.mark.parametrize("heard", ["debrief", "feedback"])
def test_an_interview_with_a_debrief_or_feedback_is_not_called_off(uow, heard):
    """Moved into the future after it was held: its time is wrong, so nothing is called off."""
    seeded = seed_process(uow, interviews=[("Panel", HELD, [])])
    app_id, (panel,) = seeded.application_id, seeded.interview_ids
    with uow:
        if heard == "debrief":
            record_debrief(uow, panel, 4)
        else:
            add_feedback(
                uow, "Clear.", FeedbackSource.RECRUITER, application_id=app_id, interview_id=panel
            )
        # Refused by edit_interview now; as an older backup may hold it.
        uow.applications.get_interview(panel)[2].scheduled_at = AHEAD
        add_interview(uow, app_id, 1, {"title": "Chat", "scheduled_at": AHEAD})
    with uow, pytest.raises(DomainError) as refused:
        call_off(uow, app_id, None)
    assert f"“Panel” on 2026-12-03 12:00 has {'a debrief' if heard == 'debrief' else heard}" in (
        refused.value.message
    )
    assert "correct its time to when it was held" in refused.value.message
    assert f"interview edit {panel} --at WHEN" in refused.value.for_cli()
    assert _called_off(uow, app_id) == []  # neither


def test_nothing_to_call_off_says_nothing(uow):
    seeded = seed_process(uow, interviews=[("Panel", HELD, [])])
    with uow:
        called_off = call_off(uow, seeded.application_id, None)
        set_decision(uow, seeded.application_id, Outcome.REJECTION)
    assert called_off.interviews == [] and called_off.text() == ""
    assert _titles(uow, seeded.application_id) == ["Panel"]


def test_a_rejection_before_a_booked_round_cancels_the_round_and_keeps_it(uow):
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round, edit_round

    seeded = seed_process(uow, round_name="Screen", interviews=[("Screen call", HELD, [])])
    app_id = seeded.application_id
    booked = (AHEAD + timedelta(days=1)).date()
    with uow:
        edit_round(uow, seeded.round_id, {"outcome": RoundOutcome.PASSED})
        hm = add_round(uow, app_id, {"name": "Hiring manager", "kind": RoundKind.HIRING_MANAGER,
                                     "started_on": booked})  # fmt: skip
        add_interview(uow, app_id, 2, {"title": "HM with Jordan", "scheduled_at": AHEAD})
    with uow, pytest.raises(DomainError) as refused:
        set_decision(uow, app_id, Outcome.REJECTION)
    said = refused.value
    assert f"before the last round, which starts on {booked}" in said.message
    # Not "date it on or after" a day that is still to come: that date would be refused.
    assert "date it on or after" not in said.message
    assert "if that round was called off, mark it cancelled" in said.message
    assert (
        f"round edit {app_id} {hm.position} --outcome cancelled`, or add --call-off"
        in said.for_cli()
    )

    with uow:
        called_off = call_off(uow, app_id, None)
        set_decision(uow, app_id, Outcome.REJECTION)
    assert called_off.text() == (
        "Called off the interview “HM with Jordan” on 2026-12-03 12:00; "
        "round 2 (Hiring manager), now cancelled. The interview stays on record, marked "
        "called off."
    )
    assert _called_off(uow, app_id) == ["HM with Jordan"]
    stored = uow.stored.applications[app_id]
    assert stored.status is Status.REJECTED
    assert [r.outcome for r in stored.ordered_rounds] == [
        RoundOutcome.PASSED,
        RoundOutcome.CANCELLED,
    ]
    stored.check()  # a cancelled round may start after the decision that ended the process


def test_a_round_marked_cancelled_by_hand_no_longer_blocks_the_decision(uow):
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round, edit_round

    seeded = seed_process(uow, round_name="Screen")
    app_id = seeded.application_id
    with uow:
        hm = add_round(uow, app_id, {"name": "Hiring manager", "kind": RoundKind.HIRING_MANAGER,
                                     "started_on": AHEAD.date()})  # fmt: skip
        edit_round(uow, hm.id, {"outcome": RoundOutcome.CANCELLED})
    with uow:
        set_decision(uow, app_id, Outcome.WITHDRAWAL)
    assert uow.stored.applications[app_id].status is Status.WITHDRAWN


def _loop_with_a_second_day(uow):
    """A final loop under way: day one held, day two still to come."""
    seeded = seed_process(uow, interviews=[("Day one", HELD, []), ("Day two", AHEAD, [])])
    return seeded.application_id, seeded.round_id, seeded.interview_ids


def test_a_round_cancelled_by_hand_calls_off_its_interviews_ahead_and_keeps_them(uow):
    from nextround.services.process import change_round

    app_id, round_id, _ = _loop_with_a_second_day(uow)
    with uow:
        followed = change_round(uow, round_id, {"outcome": RoundOutcome.CANCELLED})
    assert [i.title for i in followed.called_off] == ["Day two"]
    assert followed.text() == (
        "Called off with it: the interview “Day two” on 2026-12-03 12:00. It stays on record, "
        "marked called off, and no longer counts as still to come."
    )
    assert _called_off(uow, app_id) == ["Day two"]  # the day held stays as it was
    stored = uow.stored.applications[app_id]
    assert stored.rounds[0].interviews_to_come(FAKE_NOW) == []
    assert uow.applications.next_interviews(FAKE_NOW) == {}
    # It no longer blocks a decision.
    with uow:
        set_decision(uow, app_id, Outcome.WITHDRAWAL)
    assert uow.stored.applications[app_id].status is Status.WITHDRAWN


def test_a_round_set_back_from_cancelled_brings_its_interviews_back(uow):
    from nextround.services.process import change_round

    app_id, round_id, _ = _loop_with_a_second_day(uow)
    with uow:
        change_round(uow, round_id, {"outcome": RoundOutcome.CANCELLED})
        back = change_round(uow, round_id, {"outcome": RoundOutcome.PENDING})
    assert [i.title for i in back.back_on] == ["Day two"]
    assert back.text() == (
        "Going ahead again: the interview “Day two” on 2026-12-03 12:00 (was called off with it)."
    )
    assert _called_off(uow, app_id) == []
    with uow, pytest.raises(DomainError, match=r"“Day two” .* is still to come"):
        set_decision(uow, app_id, Outcome.WITHDRAWAL)
    # Other changes to a round say nothing about its interviews.
    with uow:
        assert change_round(uow, round_id, {"notes": "Two days."}).text() == ""


def test_a_round_cancelled_before_interviews_were_marked_still_blocks_nothing(uow):
    """A record from before cancelling called interviews off (or such a backup)."""
    app_id, round_id, (_, day_two) = _loop_with_a_second_day(uow)
    with uow:
        _, round_ = uow.applications.get_round(round_id)
        round_.outcome = RoundOutcome.CANCELLED  # as stored then: the interview not marked
        uow.commit()
    stored = uow.stored.applications[app_id]
    interview = next(i for i in stored.rounds[0].interviews if i.id == day_two)
    assert not interview.called_off and not stored.rounds[0].is_to_come(interview, FAKE_NOW)
    assert uow.applications.next_interviews(FAKE_NOW) == {}
    with uow:
        set_decision(uow, app_id, Outcome.WITHDRAWAL)


def test_one_interview_called_off_by_hand_and_back(uow):
    from nextround.services.process import edit_interview, edit_round

    app_id, round_id, (_, day_two) = _loop_with_a_second_day(uow)
    with uow:
        edit_interview(uow, day_two, {"called_off": True})
        # The round can be passed: nothing of it is still to come.
        edit_round(uow, round_id, {"outcome": RoundOutcome.PASSED})
        edit_round(uow, round_id, {"outcome": RoundOutcome.PENDING})
    assert _called_off(uow, app_id) == ["Day two"]
    with uow:
        edit_interview(uow, day_two, {"called_off": False})
    assert _called_off(uow, app_id) == []
    with uow, pytest.raises(DomainError, match="has an interview still to come"):
        edit_round(uow, round_id, {"outcome": RoundOutcome.PASSED})


def test_an_interview_held_cannot_be_called_off_by_hand(uow):
    from nextround.services.process import edit_interview

    app_id, _, (day_one, _) = _loop_with_a_second_day(uow)
    with uow:
        record_debrief(uow, day_one, 4)
    with uow, pytest.raises(DomainError) as refused:
        edit_interview(uow, day_one, {"called_off": True})
    assert "“Day one” on 2026-11-15 12:00 has a debrief, so it took place and cannot be called" in (
        refused.value.message
    )
    assert _called_off(uow, app_id) == []


def test_a_cancelled_round_takes_no_interview_going_ahead(uow):
    from nextround.services.process import change_round, edit_interview

    app_id, round_id, (_, day_two) = _loop_with_a_second_day(uow)
    with uow:
        change_round(uow, round_id, {"outcome": RoundOutcome.CANCELLED})
    for going_ahead in (
        lambda: edit_interview(uow, day_two, {"called_off": False}),
        lambda: add_interview(uow, app_id, 1, {"title": "Day three", "scheduled_at": AHEAD}),
    ):
        with uow, pytest.raises(DomainError) as refused:
            going_ahead()
        assert "round 1 (Final loop) is cancelled, so the interview “" in refused.value.message
        assert "set its outcome back to pending first" in refused.value.message
        assert "`nextround round edit " in refused.value.for_cli()
    assert _titles(uow, app_id) == ["Day one", "Day two"]
    assert _called_off(uow, app_id) == ["Day two"]
    with uow:  # one held before the round was cancelled may still be recorded
        add_interview(uow, app_id, 1, {"title": "Day zero", "scheduled_at": HELD})


def test_a_called_off_interview_keeps_its_time_after_the_decision(uow):
    """Correcting the booked time of one called off is not a new interview after the end."""
    from nextround.services.process import edit_interview

    app_id, _, (_, day_two) = _loop_with_a_second_day(uow)
    with uow:
        call_off(uow, app_id, None)
        set_decision(uow, app_id, Outcome.REJECTION)
        edit_interview(uow, day_two, {"scheduled_at": AHEAD + timedelta(days=1)})
    assert _called_off(uow, app_id) == ["Day two"]


def test_deleting_a_decision_brings_back_what_its_call_off_called_off(uow):
    """Only what the call-off changed, as it was; what changed since is named, not undone."""
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round, decide, edit_interview, remove_decision

    seeded = seed_process(uow, round_name="Screen", interviews=[("Screen call", HELD, [])])
    app_id = seeded.application_id
    with uow:
        add_round(uow, app_id, {"name": "Hiring manager", "kind": RoundKind.HIRING_MANAGER,
                                "started_on": (AHEAD + timedelta(days=1)).date()})  # fmt: skip
        add_interview(uow, app_id, 2, {"title": "HM with Jordan", "scheduled_at": AHEAD})
        add_interview(uow, app_id, 2, {"title": "Site visit", "scheduled_at": AHEAD})
        add_interview(uow, app_id, 1, {"title": "Follow-up call", "scheduled_at": AHEAD})
    uow.clock_now += timedelta(minutes=1)
    with uow:
        edit_interview(uow, 3, {"called_off": True})  # the site visit, called off apart
    uow.clock_now += timedelta(minutes=1)
    with uow:
        called = call_off(uow, app_id, None)
        decide(uow, app_id, Outcome.REJECTION, called_off=called)
    assert _called_off(uow, app_id) == ["Follow-up call", "HM with Jordan", "Site visit"]
    uow.clock_now += timedelta(minutes=1)
    with uow:
        edit_interview(uow, 4, {"notes": "They cancelled it themselves"})  # changed since
    uow.clock_now += timedelta(minutes=1)
    with uow:
        removed = remove_decision(uow, app_id)
    stored = uow.stored.applications[app_id]
    assert stored.status is Status.INTERVIEWING
    assert [r.outcome for r in stored.ordered_rounds] == [
        RoundOutcome.PASSED,  # passed when the hiring manager's round was added
        RoundOutcome.PENDING,
    ]
    assert _called_off(uow, app_id) == ["Follow-up call", "Site visit"]
    assert [r.position for r in removed.reopened] == [2]
    assert removed.text() == (
        "Round 2 is pending again. Going ahead again (it was called off with the decision): "
        "the interview “HM with Jordan” on 2026-12-03 12:00."
    )
    assert [i.title for i in removed.still_off] == ["Follow-up call", "Site visit"]
    assert removed.still_cancelled == []


def test_a_round_its_call_off_cancelled_and_changed_since_stays_cancelled_and_named(uow):
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round, decide, edit_round, remove_decision

    seeded = seed_process(uow, round_name="Screen", interviews=[("Screen call", HELD, [])])
    app_id = seeded.application_id
    with uow:
        add_round(uow, app_id, {"name": "Hiring manager", "kind": RoundKind.HIRING_MANAGER,
                                "started_on": (AHEAD + timedelta(days=1)).date()})  # fmt: skip
        add_interview(uow, app_id, 2, {"title": "HM with Jordan", "scheduled_at": AHEAD})
    uow.clock_now += timedelta(minutes=1)
    with uow:
        decide(uow, app_id, Outcome.WITHDRAWAL, called_off=call_off(uow, app_id, None))
    uow.clock_now += timedelta(minutes=1)
    with uow:
        edit_round(uow, 2, {"notes": "They never confirmed a time"})
    uow.clock_now += timedelta(minutes=1)
    with uow:
        removed = remove_decision(uow, app_id)
    assert (removed.reopened, removed.back_on, removed.text()) == ([], [], "")
    assert [r.name for r in removed.still_cancelled] == ["Hiring manager"]
    assert removed.still_off == []  # its interview comes back with the round
    assert _called_off(uow, app_id) == ["HM with Jordan"]

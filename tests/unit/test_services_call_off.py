"""Calling off the interviews still to come, so a decision can end the process before them."""

from datetime import date, timedelta

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Outcome, RoundOutcome, Status
from nextround.errors import DomainError
from nextround.services.applications import close_application
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_feedback
from nextround.services.process import add_interview, set_decision
from nextround.services.process_removal import call_off
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
    assert called_off.text() == "Called off the interview “Panel” on 2026-12-03 12:00."
    assert _titles(uow, app_id) == ["Screen call"]  # the held one stays
    stored = uow.stored.applications[app_id]
    assert stored.status is Status.WITHDRAWN
    assert stored.rounds[0].outcome is RoundOutcome.WITHDRAWN


def test_nothing_is_called_off_when_the_decision_is_refused(uow):
    seeded = seed_process(uow, interviews=[("Panel", AHEAD, [])])
    app_id = seeded.application_id
    with uow, pytest.raises(DomainError, match="is dated before the application"):
        call_off(uow, app_id, date(2026, 8, 1))
        set_decision(uow, app_id, Outcome.REJECTION, date(2026, 8, 1))
    assert _titles(uow, app_id) == ["Panel"]
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
    """Moved into the future after it was held: its time is wrong, so nothing is deleted."""
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
    assert _titles(uow, app_id) == ["Chat", "Panel"]  # neither went


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
    assert f"round edit {hm.id} --outcome cancelled`, or add --call-off" in said.for_cli()

    with uow:
        called_off = call_off(uow, app_id, None)
        set_decision(uow, app_id, Outcome.REJECTION)
    assert called_off.text() == (
        "Called off the interview “HM with Jordan” on 2026-12-03 12:00; "
        "round 2 (Hiring manager), now cancelled."
    )
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

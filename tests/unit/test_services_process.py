"""Round, interview and decision use cases on the in-memory fakes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from nextround.domain.journey import (
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundOutcome,
    Status,
)
from nextround.errors import DomainError, NotFoundError
from nextround.services.applications import add_application, reopen_application
from nextround.services.process import (
    add_interview,
    add_round,
    change_interview,
    edit_interview,
    edit_round,
    record_interview,
    set_decision,
)
from tests.unit.fakes import FAKE_NOW
from tests.unit.growth_fakes import FakeGrowthUnitOfWork

CEST = timezone(timedelta(hours=2))


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    """With debriefs: editing an interview's time checks what was said about it."""
    return FakeGrowthUnitOfWork()


@pytest.fixture
def app_id(uow):
    with uow:
        app = add_application(
            uow, {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2025, 5, 6)}
        )
    return app.id


def screen(uow, app_id, day=date(2025, 5, 14), **more):
    with uow:
        return add_round(
            uow, app_id, {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": day, **more}
        )


def test_add_round_assigns_ids_positions_and_stamps(uow, app_id):
    first = screen(uow, app_id)
    second = screen(uow, app_id, date(2025, 5, 20), name="Loop", kind=RoundKind.FINAL_LOOP)
    assert (first.id, first.position, second.id, second.position) == (1, 1, 2, 2)
    stored = uow.stored.applications[app_id]
    assert [r.application_id for r in stored.rounds] == [app_id, app_id]
    assert stored.rounds[1].created_at == FAKE_NOW
    assert stored.status is Status.FINAL_ROUND


def test_add_round_needs_its_fields(uow, app_id):
    with uow, pytest.raises(DomainError, match="a round needs kind, started_on"):
        add_round(uow, app_id, {"name": "Screen"})
    assert not uow.committed


def test_add_round_to_an_unknown_application(uow):
    with uow, pytest.raises(NotFoundError, match="no application with id 3"):
        add_round(uow, 3, {"name": "S", "kind": RoundKind.SCREEN, "started_on": date(2025, 5, 1)})


def test_round_after_a_decision_writes_nothing(uow, app_id):
    screen(uow, app_id)
    with uow:
        set_decision(uow, app_id, Outcome.REJECTION, date(2025, 5, 20))
    commits = uow.commits
    with uow, pytest.raises(DomainError, match="reopen the application first"):
        add_round(
            uow, app_id, {"name": "Again", "kind": RoundKind.OTHER, "started_on": date(2025, 5, 21)}
        )
    assert uow.commits == commits and not uow.committed
    assert len(uow.stored.applications[app_id].rounds) == 1
    with uow:
        reopen_application(uow, app_id, date(2025, 5, 21))
    with uow:
        again = add_round(
            uow, app_id, {"name": "Again", "kind": RoundKind.OTHER, "started_on": date(2025, 5, 21)}
        )
    assert again.position == 2


def test_edit_round_rechecks_and_refuses_unknown_fields(uow, app_id):
    created = screen(uow, app_id)
    with uow, pytest.raises(DomainError, match="ends on 2025-05-13 before it starts on 2025-05-14"):
        edit_round(uow, created.id, {"ended_on": date(2025, 5, 13)})
    with uow, pytest.raises(DomainError, match="cannot edit position"):
        edit_round(uow, created.id, {"position": 5})  # type: ignore[typeddict-unknown-key]
    with uow:
        edit_round(uow, created.id, {"ended_on": date(2025, 5, 15), "outcome": RoundOutcome.PASSED})
    stored = uow.stored.applications[app_id].rounds[0]
    assert (stored.ended_on, stored.outcome, stored.position) == (
        date(2025, 5, 15),
        RoundOutcome.PASSED,
        1,
    )


def test_edit_unknown_round(uow):
    with uow, pytest.raises(NotFoundError, match=r"^no round with id 9$") as caught:
        edit_round(uow, 9, {"name": "x"})
    assert caught.value.for_cli() == "no round with id 9; see `nextround app show APP`"


def test_add_interview_goes_to_the_latest_round_by_default(uow, app_id):
    screen(uow, app_id)
    screen(uow, app_id, date(2025, 5, 20), name="Loop", kind=RoundKind.FINAL_LOOP)
    with uow:
        latest = add_interview(
            uow,
            app_id,
            None,
            {
                "title": "Whiteboard",
                "format": InterviewFormat.PRACTICAL_EXERCISE,
                "scheduled_at": datetime(2025, 5, 20, 10, tzinfo=CEST),
                "duration_minutes": 45,
                "interviewers": [Interviewer("Inés", "Lead")],
                "competencies": ["Systems-Thinking"],
            },
        )
        first = add_interview(uow, app_id, 1, {"title": "Call"})
    rounds = uow.stored.applications[app_id].rounds
    assert [i.title for i in rounds[1].interviews] == ["Whiteboard"]
    assert [i.title for i in rounds[0].interviews] == ["Call"]
    stored = rounds[1].interviews[0]
    assert (stored.id, stored.round_id, latest.id, first.id) == (1, rounds[1].id, 1, 2)
    assert stored.competencies == ["systems-thinking"]
    # Named on an interview, Inés is among the application's people: linked, role interviewer.
    assert stored.interviewers == [Interviewer("Inés", "Lead", 1)]
    [ines] = uow.contacts.list(app_id)
    assert (ines.id, ines.name, ines.title, ines.role.value) == (1, "Inés", "Lead", "interviewer")


def test_add_interview_without_rounds_or_title(uow, app_id):
    with uow, pytest.raises(DomainError, match="has no rounds yet") as caught:
        add_interview(uow, app_id, None, {"title": "Call"})
    assert caught.value.for_cli().endswith(f"add one with `nextround round add {app_id} NAME`")
    assert caught.value.for_web().endswith("add one under “Add round” on the application's page")
    screen(uow, app_id)
    with uow, pytest.raises(DomainError, match="an interview needs a title"):
        add_interview(uow, app_id, None, {})
    with uow, pytest.raises(DomainError, match="no round 2; it has 1 round"):
        add_interview(uow, app_id, 2, {"title": "Call"})
    assert uow.stored.applications[app_id].rounds[0].interviews == []


def test_edit_interview_cannot_move_it_after_the_decision(uow, app_id):
    screen(uow, app_id)
    with uow:
        created = add_interview(
            uow,
            app_id,
            None,
            {"title": "Call", "scheduled_at": datetime(2025, 5, 14, 9, tzinfo=UTC)},
        )
        set_decision(uow, app_id, Outcome.REJECTION, date(2025, 5, 16))
    with uow, pytest.raises(DomainError, match="after the decision on 2025-05-16; reopen"):
        edit_interview(uow, created.id, {"scheduled_at": datetime(2025, 5, 20, 9, tzinfo=UTC)})
    stored = uow.stored.applications[app_id].rounds[0].interviews[0]
    assert stored.scheduled_at == datetime(2025, 5, 14, 9, tzinfo=UTC)
    with uow:
        edit_interview(uow, created.id, {"notes": "went well"})
    assert uow.stored.applications[app_id].rounds[0].interviews[0].notes == "went well"


def test_edit_interview_rechecks_its_fields(uow, app_id):
    screen(uow, app_id)
    with uow:
        created = add_interview(uow, app_id, None, {"title": "Call"})
    with uow, pytest.raises(DomainError, match="'Mars/Base' is not a known time zone"):
        edit_interview(
            uow,
            created.id,
            {"scheduled_at": datetime(2025, 5, 14, 9), "time_zone": "Mars/Base"},
        )
    with uow, pytest.raises(NotFoundError, match="no interview with id 99"):
        edit_interview(uow, 99, {"title": "x"})
    assert uow.stored.applications[app_id].rounds[0].interviews[0].scheduled_at is None


def test_set_decision_defaults_to_today_and_stamps_closed_rounds(uow, app_id):
    screen(uow, app_id)
    uow.clock_now = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    with uow:
        decision = set_decision(uow, app_id, Outcome.OFFER, finalists=2)
    assert decision.decided_on == uow.clock_now.astimezone().date()
    assert decision.offer_response is OfferResponse.PENDING
    stored = uow.stored.applications[app_id]
    assert stored.rounds[0].outcome is RoundOutcome.PASSED
    assert stored.rounds[0].updated_at == uow.clock_now
    assert stored.updated_at == uow.clock_now


def test_set_decision_replaces_the_current_one(uow, app_id):
    screen(uow, app_id)
    with uow:
        set_decision(uow, app_id, Outcome.OFFER, date(2025, 6, 1))
    with uow:
        set_decision(
            uow, app_id, Outcome.OFFER, date(2025, 6, 2), offer_response=OfferResponse.ACCEPTED
        )
    stored = uow.stored.applications[app_id]
    assert len(stored.decisions) == 1
    assert stored.status is Status.ACCEPTED


def test_a_refused_decision_changes_no_round(uow, app_id):
    screen(uow, app_id, date(2025, 6, 10))
    with uow, pytest.raises(DomainError, match="before the last round"):
        set_decision(uow, app_id, Outcome.REJECTION, date(2025, 6, 1))
    stored = uow.stored.applications[app_id]
    assert stored.decisions == []
    assert stored.rounds[0].outcome is RoundOutcome.PENDING


def test_a_time_without_offset_is_read_on_the_interviews_clock(uow, app_id):
    screen(uow, app_id)
    with uow:
        created = add_interview(
            uow,
            app_id,
            None,
            {
                "title": "Panel",
                "scheduled_at": datetime(2025, 5, 14, 9),
                "time_zone": "america/new york",
            },
        )

    def stored():
        return uow.stored.applications[app_id].rounds[0].interviews[0]

    assert stored().time_zone == "America/New_York"
    assert stored().scheduled_at == datetime(2025, 5, 14, 13, tzinfo=UTC)  # 09:00 EDT
    # Editing only the time keeps New York's clock; editing only the zone keeps the moment.
    with uow:
        edit_interview(uow, created.id, {"scheduled_at": datetime(2025, 5, 14, 10)})
    assert stored().scheduled_at == datetime(2025, 5, 14, 14, tzinfo=UTC)
    with uow:
        edit_interview(uow, created.id, {"time_zone": "Asia/Tokyo"})
    assert (stored().time_zone, stored().scheduled_at) == (
        "Asia/Tokyo",
        datetime(2025, 5, 14, 14, tzinfo=UTC),
    )
    with uow:
        edit_interview(uow, created.id, {"time_zone": "local"})
    assert stored().time_zone is None


def test_an_offset_given_with_the_time_wins_over_the_zone(uow, app_id):
    screen(uow, app_id)
    moment = datetime(2025, 5, 14, 9, tzinfo=timezone(timedelta(hours=2)))
    with uow:
        add_interview(
            uow, app_id, None, {"title": "Panel", "scheduled_at": moment, "time_zone": "UTC"}
        )
    stored = uow.stored.applications[app_id].rounds[0].interviews[0]
    assert (stored.scheduled_at, stored.time_zone) == (moment, "UTC")


def test_a_round_yet_to_happen_cannot_be_passed_or_rejected(uow, app_id):
    tomorrow = FAKE_NOW.date() + timedelta(days=1)
    with uow:
        later = add_round(uow, app_id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                        "started_on": tomorrow})  # fmt: skip
    for outcome in (RoundOutcome.PASSED, RoundOutcome.REJECTED):
        with (
            uow,
            pytest.raises(
                DomainError, match=rf"round 'Loop' starts on {tomorrow}, so it cannot be "
            ),
        ):
            edit_round(uow, later.id, {"outcome": outcome})
        assert uow.stored.applications[app_id].rounds[0].outcome is RoundOutcome.PENDING
    with uow:  # called off before it took place: that is known in advance
        assert edit_round(uow, later.id, {"outcome": RoundOutcome.CANCELLED}).outcome.value == (
            "cancelled"
        )


def test_a_round_with_an_interview_still_to_come_cannot_be_passed(uow, app_id):
    with uow:
        screen = add_round(uow, app_id, {"name": "Screen", "kind": RoundKind.SCREEN,
                                         "started_on": date(2025, 5, 10)})  # fmt: skip
        add_interview(
            uow, app_id, 1, {"title": "Chat", "scheduled_at": FAKE_NOW + timedelta(days=2)}
        )
    with uow, pytest.raises(DomainError, match=r"has an interview still to come, on 2026-11-27"):
        edit_round(uow, screen.id, {"outcome": RoundOutcome.PASSED})
    with uow:  # turned down before it: possible
        edit_round(uow, screen.id, {"outcome": RoundOutcome.REJECTED})


def _final_loop_with(uow, app_id, title, at):
    with uow:
        add_round(uow, app_id, {"name": "Final loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2026, 10, 1)})  # fmt: skip
        return add_interview(
            uow, app_id, None, {"title": title, "scheduled_at": at, "interviewers": []}
        )


def test_a_decision_before_an_interview_still_to_come_is_refused_and_writes_nothing(uow, app_id):
    _final_loop_with(uow, app_id, "Future chat", FAKE_NOW + timedelta(days=8))
    for outcome, day in ((Outcome.REJECTION, date(2026, 10, 20)), (Outcome.WITHDRAWAL, None)):
        with uow, pytest.raises(DomainError) as refused:
            set_decision(uow, app_id, outcome, day)
        said = refused.value.message
        assert "“Future chat” (round 1, Final loop) is still to come on 2026-12-03" in said
        assert "if it was called off, mark it so (it stays on record)" in said
        # It cannot be dated after an interview that is still in the future.
        assert "date the decision" not in said
        assert "`nextround interview edit 1 --called-off` marks this one" in (
            refused.value.for_cli()
        )
        assert "tick “Called off” or correct its time under “Edit interview”" in (
            refused.value.for_web()
        )
    stored = uow.stored.applications[app_id]
    assert stored.decisions == []
    assert stored.rounds[0].outcome is RoundOutcome.PENDING


def test_a_decision_dated_before_a_held_interview_names_the_day_to_date_it(uow, app_id):
    _final_loop_with(uow, app_id, "Panel", datetime(2026, 11, 3, 14, tzinfo=UTC))
    with uow, pytest.raises(DomainError, match=r"or date the decision on or after 2026-11-03"):
        set_decision(uow, app_id, Outcome.REJECTION, date(2026, 10, 20))
    with uow:  # the day of the interview, or later, is fine
        assert set_decision(uow, app_id, Outcome.REJECTION, date(2026, 11, 3)).id is not None


def test_a_decision_later_the_same_day_as_a_past_interview_is_accepted(uow, app_id):
    _final_loop_with(uow, app_id, "Morning panel", FAKE_NOW - timedelta(hours=2))
    with uow:
        decision = set_decision(uow, app_id, Outcome.OFFER)
    assert decision.decided_on == FAKE_NOW.astimezone().date()


def test_once_the_interview_time_is_corrected_the_decision_is_recorded(uow, app_id):
    chat = _final_loop_with(uow, app_id, "Future chat", FAKE_NOW + timedelta(days=8))
    with uow:
        edit_interview(uow, chat.id, {"scheduled_at": FAKE_NOW - timedelta(days=3)})
    with uow:
        set_decision(uow, app_id, Outcome.WITHDRAWAL)
    assert uow.stored.applications[app_id].status is Status.WITHDRAWN


def test_next_round_passes_the_rounds_still_pending_before_it(uow, app_id):
    from nextround.services.process import next_round

    screen(uow, app_id, date(2026, 11, 2))
    with uow:
        went = next_round(uow, app_id, {"name": "HM", "kind": RoundKind.HIRING_MANAGER,
                                        "started_on": date(2026, 11, 9)})  # fmt: skip
    assert (went.round.position, [r.position for r in went.passed]) == (2, [1])
    assert went.text() == "Round 1 (Screen) marked passed."
    stored = uow.stored.applications[app_id]
    assert [r.outcome for r in stored.ordered_rounds] == [RoundOutcome.PASSED, RoundOutcome.PENDING]
    assert stored.rounds[0].updated_at == FAKE_NOW


def test_add_round_is_the_same_rule_and_keep_pending_leaves_them(uow, app_id):
    """`round add` (add_round) and a board move (next_round) pass the same rounds."""
    screen(uow, app_id, date(2026, 11, 2))
    screen(uow, app_id, date(2026, 11, 9), name="HM", kind=RoundKind.HIRING_MANAGER)
    stored = uow.stored.applications[app_id]
    assert [r.outcome for r in stored.ordered_rounds] == [RoundOutcome.PASSED, RoundOutcome.PENDING]
    with uow:
        add_round(uow, app_id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2026, 11, 16)}, keep_pending=True)  # fmt: skip
    stored = uow.stored.applications[app_id]
    assert [r.outcome for r in stored.ordered_rounds] == [
        RoundOutcome.PASSED,
        RoundOutcome.PENDING,
        RoundOutcome.PENDING,
    ]


def test_a_new_round_leaves_rounds_with_an_outcome_and_later_rounds_alone(uow, app_id):
    from nextround.services.process import next_round

    screen(uow, app_id, date(2026, 10, 1))
    screen(uow, app_id, date(2026, 10, 8), name="HM", kind=RoundKind.HIRING_MANAGER)
    screen(uow, app_id, date(2026, 10, 15), name="Case", kind=RoundKind.CASE)
    with uow:
        # Round 1 was passed by round 2; round 2 (passed by round 3) set to cancelled by hand.
        edit_round(uow, 2, {"outcome": RoundOutcome.CANCELLED})
    with uow:
        # Remembered late: a round that started before the pending round 3.
        went = next_round(uow, app_id, {"name": "Take-home", "kind": RoundKind.TAKE_HOME,
                                        "started_on": date(2026, 10, 10)})  # fmt: skip
    assert (went.passed, went.waiting, went.text()) == ([], [], "")
    outcomes = [r.outcome for r in uow.stored.applications[app_id].ordered_rounds]
    assert outcomes == [
        RoundOutcome.PASSED,
        RoundOutcome.CANCELLED,
        RoundOutcome.PENDING,
        RoundOutcome.PENDING,
    ]
    with uow:
        # The same day as round 3 counts as after it: the process went on that day.
        went = next_round(uow, app_id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                        "started_on": date(2026, 10, 15)})  # fmt: skip
    assert [r.position for r in went.passed] == [3, 4]
    assert went.text() == "Rounds 3 (Case) and 4 (Take-home) marked passed."


def test_a_round_not_over_yet_stays_pending_and_says_why(uow, app_id):
    """Booking the next round ahead is allowed; the round before it cannot be passed yet."""
    from nextround.services.process import next_round

    _final_loop_with(uow, app_id, "Panel", FAKE_NOW + timedelta(days=2))
    with uow:
        went = next_round(uow, app_id, {"name": "Extra", "kind": RoundKind.OTHER,
                                        "started_on": date(2026, 12, 1)})  # fmt: skip
    assert went.passed == []
    assert went.text() == (
        "Round 1 (Final loop) stays pending: it has an interview still to come, on 2026-11-27."
    )
    stored = uow.stored.applications[app_id]
    assert [r.outcome for r in stored.ordered_rounds] == [RoundOutcome.PENDING] * 2


def test_a_refused_round_changes_nothing_before_it(uow, app_id):
    from nextround.services.process import next_round

    screen(uow, app_id, date(2026, 11, 2))
    with uow, pytest.raises(DomainError, match="cannot be passed yet"):
        next_round(uow, app_id, {"name": "HM", "kind": RoundKind.HIRING_MANAGER,
                                 "started_on": date(2026, 12, 9),
                                 "outcome": RoundOutcome.PASSED})  # fmt: skip
    stored = uow.stored.applications[app_id]
    assert [r.outcome for r in stored.rounds] == [RoundOutcome.PENDING]


def test_an_interview_with_a_debrief_cannot_move_to_a_time_still_to_come(uow, app_id):
    """A debrief is about something that happened: the time can be corrected, not put ahead."""
    from nextround.services.debriefs import record_debrief

    held = datetime(2026, 10, 10, 9, tzinfo=UTC)
    chat = _final_loop_with(uow, app_id, "Chat", held)
    with uow:
        record_debrief(uow, chat.id, 4, went_well="The rollout plan landed.")
    with uow, pytest.raises(DomainError) as refused:
        edit_interview(uow, chat.id, {"scheduled_at": FAKE_NOW + timedelta(days=2)})
    said = refused.value
    assert said.message.startswith(
        "the interview “Chat” has a debrief, so it has taken place and cannot move to 2026-11-27 "
    )
    assert "which is still to come; if it was held at another time, give that time" in said.message
    assert "if another session is booked, add it as an interview of its own" in said.message
    assert f"`nextround interview add {app_id} TITLE --round 1 --at WHEN`" in said.for_cli()
    assert "under “Add an interview” in its round" in said.for_web()
    assert uow.stored.applications[app_id].rounds[0].interviews[0].scheduled_at == held
    with uow:  # a correction to another past time is fine
        moved = edit_interview(uow, chat.id, {"scheduled_at": held + timedelta(days=1)})
    assert moved.scheduled_at == held + timedelta(days=1)


def test_an_interview_with_feedback_cannot_move_later_the_same_day(uow, app_id):
    """Feedback received today is about an interview held by now, not one later today."""
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import add_feedback

    chat = _final_loop_with(uow, app_id, "Chat", FAKE_NOW - timedelta(hours=3))
    with uow:
        add_feedback(uow, "Clear and calm.", FeedbackSource.RECRUITER,
                     received_on=uow.today(), application_id=app_id,
                     interview_id=chat.id)  # fmt: skip
    with uow, pytest.raises(DomainError, match="has feedback heard about it, so it has taken"):
        edit_interview(uow, chat.id, {"scheduled_at": FAKE_NOW + timedelta(minutes=30)})


def test_an_interview_cannot_move_after_the_feedback_heard_about_it(uow, app_id):
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import add_feedback

    chat = _final_loop_with(uow, app_id, "Chat", datetime(2026, 10, 10, 9, tzinfo=UTC))
    with uow:
        add_feedback(uow, "Clear and calm.", FeedbackSource.RECRUITER,
                     received_on=date(2026, 10, 12), application_id=app_id,
                     interview_id=chat.id)  # fmt: skip
    for later in (datetime(2026, 10, 13, 9, tzinfo=UTC), FAKE_NOW + timedelta(days=2)):
        with uow, pytest.raises(DomainError) as refused:
            edit_interview(uow, chat.id, {"scheduled_at": later})
        assert "would come after the feedback about it, received on 2026-10-12" in (
            refused.value.message
        )
    stored = uow.stored.applications[app_id].rounds[0].interviews[0]
    assert stored.scheduled_at == datetime(2026, 10, 10, 9, tzinfo=UTC)
    with uow:  # the same day as the feedback, or earlier, is fine
        moved = edit_interview(
            uow, chat.id, {"scheduled_at": datetime(2026, 10, 12, 8, tzinfo=UTC)}
        )
    assert moved.scheduled_at == datetime(2026, 10, 12, 8, tzinfo=UTC)


def test_adding_or_changing_an_interview_names_a_person_met_in_an_earlier_process(uow, app_id):
    """Both ways of naming an interviewer say when the same person was met before."""
    screen(uow, app_id)
    with uow:
        record_interview(
            uow, app_id, None, {"title": "Call", "interviewers": [Interviewer("Priya Shah")]}
        )
        again = add_application(
            uow,
            {"company": "tempoline ", "role_title": "Lead TPM", "applied_on": date(2026, 8, 10)},
        )
    assert again.id is not None
    screen(uow, again.id, date(2026, 8, 20))
    with uow:
        added = record_interview(
            uow, again.id, None, {"title": "Screen", "interviewers": [Interviewer("Sam Ode")]}
        )
        assert added.met_before == []  # a new name: nobody met before
        changed = change_interview(
            uow,
            added.interview.id or 0,
            {"interviewers": [Interviewer("Sam Ode"), Interviewer("priya  shah")]},
        )
    [note] = changed.met_before
    assert note.startswith("priya  shah at tempoline is on record from another process too: ")
    assert "contact 1 (application 1)" in note

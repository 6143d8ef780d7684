"""The rules of one process: status, rounds, interviews, decisions and reopening."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from nextround.domain.journey import (
    MAX_INTERVIEW_MINUTES,
    Application,
    Decision,
    Interview,
    Interviewer,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundOutcome,
    Status,
    derive_status,
)
from nextround.errors import DomainError

APPLIED = date(2025, 5, 6)
CEST = timezone(timedelta(hours=2))


def application(**fields: object) -> Application:
    values: dict[str, object] = {"company": "Tempoline", "role_title": "TPM", "applied_on": APPLIED}
    values.update(fields)
    app = Application(**values)  # type: ignore[arg-type]
    app.id = 1
    return app


def round_(name: str = "Screen", kind: RoundKind = RoundKind.SCREEN, **fields: object) -> Round:
    values: dict[str, object] = {"started_on": date(2025, 5, 14)}
    values.update(fields)
    return Round(name=name, kind=kind, **values)  # type: ignore[arg-type]


def at(day: int, hour: int = 10, month: int = 5, tz: timezone = CEST) -> datetime:
    return datetime(2025, month, day, hour, 0, tzinfo=tz)


def with_rounds(*kinds: RoundKind) -> Application:
    app = application()
    for n, kind in enumerate(kinds):
        app.add_round(round_(f"R{n}", kind, started_on=APPLIED + timedelta(days=n + 1)))
    return app


# -- status -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kinds", "outcome", "response", "expected"),
    [
        ((), None, None, Status.APPLIED),
        ((RoundKind.SCREEN,), None, None, Status.SCREENING),
        ((RoundKind.SCREEN, RoundKind.HIRING_MANAGER), None, None, Status.INTERVIEWING),
        ((RoundKind.TECHNICAL,), None, None, Status.INTERVIEWING),
        ((RoundKind.SCREEN, RoundKind.TAKE_HOME), None, None, Status.INTERVIEWING),
        ((RoundKind.CASE,), None, None, Status.INTERVIEWING),
        ((RoundKind.OTHER,), None, None, Status.INTERVIEWING),
        ((RoundKind.SCREEN, RoundKind.FINAL_LOOP), None, None, Status.FINAL_ROUND),
        # The last round decides, even when an earlier one was the final loop.
        ((RoundKind.FINAL_LOOP, RoundKind.SCREEN), None, None, Status.SCREENING),
        ((RoundKind.FINAL_LOOP,), Outcome.OFFER, None, Status.OFFER),
        ((RoundKind.FINAL_LOOP,), Outcome.OFFER, OfferResponse.PENDING, Status.OFFER),
        ((RoundKind.FINAL_LOOP,), Outcome.OFFER, OfferResponse.ACCEPTED, Status.ACCEPTED),
        ((RoundKind.FINAL_LOOP,), Outcome.OFFER, OfferResponse.DECLINED, Status.DECLINED),
        ((RoundKind.SCREEN,), Outcome.REJECTION, None, Status.REJECTED),
        ((), Outcome.WITHDRAWAL, None, Status.WITHDRAWN),
        ((), Outcome.NO_RESPONSE, None, Status.NO_RESPONSE),
    ],
)
def test_derive_status(kinds, outcome, response, expected):
    assert derive_status(list(kinds), outcome, response) is expected


def test_every_status_is_reachable_through_the_aggregate():
    reached = {application().status}
    reached.add(with_rounds(RoundKind.SCREEN).status)
    reached.add(with_rounds(RoundKind.SCREEN, RoundKind.TECHNICAL).status)
    reached.add(with_rounds(RoundKind.SCREEN, RoundKind.FINAL_LOOP).status)
    for outcome, response in [
        (Outcome.OFFER, None),
        (Outcome.OFFER, OfferResponse.ACCEPTED),
        (Outcome.OFFER, OfferResponse.DECLINED),
        (Outcome.REJECTION, None),
        (Outcome.WITHDRAWAL, None),
        (Outcome.NO_RESPONSE, None),
    ]:
        app = with_rounds(RoundKind.SCREEN)
        app.decide(Decision(outcome, date(2025, 6, 1), offer_response=response))
        reached.add(app.status)
    assert reached == set(Status)


def test_open_statuses():
    assert {s for s in Status if s.is_open} == {
        Status.APPLIED,
        Status.SCREENING,
        Status.INTERVIEWING,
        Status.FINAL_ROUND,
        Status.OFFER,
    }


def test_status_follows_the_current_decision_not_a_reopened_one():
    app = with_rounds(RoundKind.SCREEN)
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    assert app.status is Status.REJECTED
    app.reopen(date(2025, 6, 5))
    assert app.status is Status.SCREENING


# -- rounds -------------------------------------------------------------------------------------


def test_rounds_get_consecutive_positions():
    app = with_rounds(RoundKind.SCREEN, RoundKind.HIRING_MANAGER, RoundKind.FINAL_LOOP)
    assert [r.position for r in app.ordered_rounds] == [1, 2, 3]
    assert app.round_at(2).kind is RoundKind.HIRING_MANAGER


def test_round_at_unknown_position_says_how_many_rounds_there_are():
    app = with_rounds(RoundKind.SCREEN)
    with pytest.raises(DomainError, match=r"no round 4; it has 1 round$"):
        app.round_at(4)


def test_round_before_the_applied_date_is_refused():
    app = application()
    with pytest.raises(DomainError) as caught:
        app.add_round(round_(started_on=APPLIED - timedelta(days=1)))
    message = str(caught.value)
    assert "before the application on 2025-05-06" in message
    assert "fix the round's date or the applied date" in message
    assert app.rounds == []


def test_round_on_the_applied_date_is_fine():
    app = application()
    app.add_round(round_(started_on=APPLIED))
    assert len(app.rounds) == 1


def test_round_ending_before_it_starts_is_refused():
    app = application()
    with pytest.raises(DomainError, match="ends on 2025-05-13 before it starts on 2025-05-14; fix"):
        app.add_round(round_(ended_on=date(2025, 5, 13)))
    assert app.rounds == []


def test_round_ending_the_day_it_starts_is_fine():
    app = application()
    app.add_round(round_(ended_on=date(2025, 5, 14)))
    app.check()


def test_moving_the_applied_date_after_a_round_is_caught_by_check():
    app = with_rounds(RoundKind.SCREEN)
    app.applied_on = date(2025, 6, 1)
    with pytest.raises(DomainError, match="before the application on 2025-06-01"):
        app.check()


def test_a_round_dated_out_of_step_with_its_neighbours_is_noted_not_refused():
    app = application()
    screen = app.add_round(round_("Screen", started_on=date(2025, 5, 14)))
    loop = app.add_round(round_("Final loop", RoundKind.FINAL_LOOP, started_on=date(2025, 5, 9)))
    assert app.date_order_note(screen) == (
        "round 1 starts on 2025-05-14, after round 2 (Final loop, 2025-05-09); rounds keep "
        "the order they were added in, so check the date if that is a typo"
    )
    assert app.date_order_note(loop) == (
        "round 2 starts on 2025-05-09, before round 1 (Screen, 2025-05-14); rounds keep "
        "the order they were added in, so check the date if that is a typo"
    )
    loop.started_on = date(2025, 5, 14)  # the same day as the screen is fine
    assert app.date_order_note(loop) is None and app.date_order_note(screen) is None


def test_round_name_is_required_and_single_line():
    app = application()
    with pytest.raises(DomainError, match="round name is required"):
        app.add_round(round_(name="   "))
    with pytest.raises(DomainError, match="round name must be a single line"):
        app.add_round(round_(name="two\nlines"))


# -- decisions ----------------------------------------------------------------------------------


def test_no_round_after_a_decision_unless_reopened():
    app = with_rounds(RoundKind.SCREEN)
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    with pytest.raises(DomainError) as caught:
        app.add_round(round_("Later", started_on=date(2025, 6, 2)))
    assert "starts on 2025-06-02, after the decision that closed application" in str(caught.value)
    # QA17 F5: both ways out, as only the person knows which is true.
    assert "reopen the application first; if the decision is wrong, remove it" in str(caught.value)
    assert caught.value.cli_hint is not None
    assert "`nextround app reopen" in caught.value.cli_hint
    assert "`nextround decision rm" in caught.value.cli_hint
    assert len(app.rounds) == 1
    with pytest.raises(DomainError, match="ends on 2025-06-03, after the decision"):
        app.add_round(round_("Two days", started_on=date(2025, 6, 1), ended_on=date(2025, 6, 3)))
    assert len(app.rounds) == 1


def test_a_round_after_a_decision_whose_day_is_not_known_asks_for_its_day():
    # QA22 F5: an imported "Rejected" with no day keeps the applied day only to order
    # events; the message must not show it as the rejection's day nor send to reopen.
    app = with_rounds(RoundKind.SCREEN)
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1), day_known=False))
    with pytest.raises(DomainError) as caught:
        app.add_round(round_("Later", started_on=date(2025, 6, 2)))
    said = str(caught.value)
    assert "the day of the rejection that closed application" in said
    assert "is not known" in said
    assert "rejection on 2025-06-01" not in said
    assert caught.value.cli_hint is not None
    assert "`nextround decision edit" in caught.value.cli_hint
    assert "--on DATE" in caught.value.cli_hint
    assert "reopen" not in caught.value.cli_hint
    assert len(app.rounds) == 1


def test_a_round_held_by_the_decision_is_added_to_a_closed_application():
    # QA17 F5: the online test forgotten when the application was closed is added as it
    # was, without a reopening that never happened; it takes the decision's outcome.
    app = application()
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    went = app.go_on(
        round_("HackerRank", RoundKind.ASSESSMENT, started_on=date(2025, 5, 28)),
        datetime(2025, 6, 10, tzinfo=UTC),
    )
    assert went.round.outcome is RoundOutcome.REJECTED
    assert "Round 1 marked rejected, from the decision (rejection on 2025-06-01)" in went.text()
    assert app.status is Status.REJECTED and app.current_decision is not None
    assert all(d.reopened_on is None for d in app.decisions)
    # One remembered later still, held before the test: the process went on past it.
    earlier = app.go_on(
        round_("Recruiter call", started_on=date(2025, 5, 20)), datetime(2025, 6, 10, tzinfo=UTC)
    )
    assert earlier.round.outcome is RoundOutcome.PASSED
    assert "a later round is on record before the decision" in earlier.text()
    # On the decision's own day, with an outcome given, it keeps that outcome.
    kept = app.go_on(
        round_("Debrief call", started_on=date(2025, 6, 1), outcome=RoundOutcome.WITHDRAWN),
        datetime(2025, 6, 10, tzinfo=UTC),
    )
    assert kept.round.outcome is RoundOutcome.WITHDRAWN and kept.closed_by is None
    app.check()


def test_a_round_remembered_after_the_one_that_ended_the_process_takes_its_outcome_over():
    # The online test closed as rejected, then the assessment centre after it remembered:
    # the process went on past the test, and ended at the assessment centre.
    app = application()
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    now = datetime(2025, 6, 10, tzinfo=UTC)
    test = app.go_on(round_("Online test", RoundKind.ASSESSMENT, started_on=date(2025, 5, 20)), now)
    centre = app.go_on(
        round_("Assessment centre", RoundKind.ASSESSMENT_CENTRE, started_on=date(2025, 5, 30)), now
    )
    assert (test.round.outcome, centre.round.outcome) == (
        RoundOutcome.PASSED,
        RoundOutcome.REJECTED,
    )
    assert centre.passed == [test.round]
    assert "Round 1 (Online test) marked passed." in centre.text()
    app.check()


def test_rounds_remembered_on_one_day_of_a_closed_process_pass_all_but_the_last():
    # QA22 F2: a presentation and a role-play on one afternoon, then a panel, all added
    # after the rejection: only the panel carries it.
    app = application()
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 10)))
    now = datetime(2025, 6, 12, tzinfo=UTC)
    added = [
        app.go_on(round_(name, started_on=date(2025, 5, day)), now)
        for name, day in (("Screen", 16), ("Presentation", 23), ("Role-play", 23))
    ]
    assert [w.round.outcome for w in added] == [
        RoundOutcome.PASSED,
        RoundOutcome.PASSED,
        RoundOutcome.REJECTED,
    ]
    assert "Round 2 (Presentation) marked passed." in added[2].text()
    panel = app.go_on(round_("Panel", started_on=date(2025, 5, 30)), now)
    assert [r.outcome for r in app.ordered_rounds] == [
        RoundOutcome.PASSED,
        RoundOutcome.PASSED,
        RoundOutcome.PASSED,
        RoundOutcome.REJECTED,
    ]
    assert panel.passed == [added[2].round]
    app.check()


def test_a_round_added_before_an_offer_was_passed():
    app = application()
    app.decide(Decision(Outcome.OFFER, date(2025, 6, 1)))
    went = app.go_on(
        round_("Assessment centre", RoundKind.ASSESSMENT_CENTRE, started_on=date(2025, 5, 25)),
        datetime(2025, 6, 2, tzinfo=UTC),
    )
    assert went.round.outcome is RoundOutcome.PASSED
    assert app.status is Status.OFFER


def test_reopen_keeps_the_old_decision_and_allows_rounds_again():
    app = with_rounds(RoundKind.SCREEN)
    first = app.decide(Decision(Outcome.NO_RESPONSE, date(2025, 6, 1), reason="silence"))
    reopened = app.reopen(date(2025, 7, 1))
    assert reopened is first
    assert first.reopened_on == date(2025, 7, 1)
    assert first.outcome is Outcome.NO_RESPONSE and first.reason == "silence"
    assert app.current_decision is None
    app.add_round(round_("Hiring manager", RoundKind.HIRING_MANAGER, started_on=date(2025, 7, 2)))
    second = app.decide(Decision(Outcome.OFFER, date(2025, 7, 20)))
    assert app.decisions == [first, second]
    assert app.current_decision is second
    app.check()


def test_reopen_without_a_decision_is_refused():
    with pytest.raises(DomainError, match="has no decision to reopen; it is still open"):
        application().reopen(date(2025, 6, 1))


def test_reopen_before_the_decision_is_refused():
    app = with_rounds(RoundKind.SCREEN)
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    with pytest.raises(DomainError, match="cannot reopen on 2025-05-31, before the decision on"):
        app.reopen(date(2025, 5, 31))
    assert app.current_decision is not None


def test_a_round_dated_after_a_decision_fails_the_whole_check():
    app = with_rounds(RoundKind.SCREEN)
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    app.rounds[0].started_on = date(2025, 6, 3)
    with pytest.raises(
        DomainError, match="after the decision on 2025-06-01; reopen the application"
    ):
        app.check()


def test_decision_before_the_application_is_refused():
    app = application()
    with pytest.raises(DomainError) as caught:
        app.decide(Decision(Outcome.REJECTION, APPLIED - timedelta(days=1)))
    assert "dated before the application on 2025-05-06" in str(caught.value)
    assert "give a date on or after 2025-05-06" in str(caught.value)
    assert app.decisions == []


def test_decision_on_the_applied_date_is_fine():
    app = application()
    app.decide(Decision(Outcome.NO_RESPONSE, APPLIED))
    assert app.status is Status.NO_RESPONSE


def test_decision_before_the_last_round_is_refused():
    app = with_rounds(RoundKind.SCREEN, RoundKind.FINAL_LOOP)  # rounds on 05-07 and 05-08
    with pytest.raises(DomainError) as caught:
        app.decide(Decision(Outcome.REJECTION, date(2025, 5, 7)))
    assert "before the last round, which starts on 2025-05-08" in str(caught.value)
    assert "date it on or after 2025-05-08" in str(caught.value)
    assert app.decisions == []
    assert all(r.outcome is RoundOutcome.PENDING for r in app.rounds)


def test_a_new_decision_replaces_the_current_one_in_place():
    app = with_rounds(RoundKind.FINAL_LOOP)
    first = app.decide(Decision(Outcome.OFFER, date(2025, 6, 1)))
    again = app.decide(
        Decision(Outcome.OFFER, date(2025, 6, 3), offer_response=OfferResponse.DECLINED)
    )
    assert again is first
    assert len(app.decisions) == 1
    assert first.decided_on == date(2025, 6, 3)
    assert app.status is Status.DECLINED


def test_a_decision_after_reopening_cannot_be_dated_before_the_reopening():
    app = with_rounds(RoundKind.SCREEN)
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    app.reopen(date(2025, 6, 10))
    with pytest.raises(DomainError, match="reopened on 2025-06-10"):
        app.decide(Decision(Outcome.WITHDRAWAL, date(2025, 6, 5)))
    assert app.current_decision is None
    app.decide(Decision(Outcome.WITHDRAWAL, date(2025, 6, 10)))
    app.check()


def test_only_one_current_decision():
    app = with_rounds(RoundKind.SCREEN)
    app.decisions = [
        Decision(Outcome.REJECTION, date(2025, 6, 1)),
        Decision(Outcome.WITHDRAWAL, date(2025, 6, 2)),
    ]
    with pytest.raises(DomainError, match="only have one current decision"):
        app.check()


@pytest.mark.parametrize(
    ("outcome", "closed_as"),
    [
        (Outcome.OFFER, RoundOutcome.PASSED),
        (Outcome.REJECTION, RoundOutcome.REJECTED),
        (Outcome.WITHDRAWAL, RoundOutcome.WITHDRAWN),
        (Outcome.NO_RESPONSE, RoundOutcome.CANCELLED),
    ],
)
def test_a_decision_closes_pending_rounds_only(outcome, closed_as):
    app = with_rounds(RoundKind.SCREEN, RoundKind.FINAL_LOOP)
    app.rounds[0].outcome = RoundOutcome.PASSED
    app.decide(Decision(outcome, date(2025, 6, 1)))
    assert app.rounds[0].outcome is RoundOutcome.PASSED
    assert app.rounds[1].outcome is closed_as


@pytest.mark.parametrize("finalists", [0, -1, 1001])
def test_finalists_out_of_bounds(finalists):
    app = with_rounds(RoundKind.FINAL_LOOP)
    with pytest.raises(DomainError, match=f"finalists must be between 1 and 1000, not {finalists}"):
        app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1), finalists=finalists))
    assert app.decisions == []


@pytest.mark.parametrize("finalists", [None, 1, 4, 1000])
def test_finalists_in_bounds(finalists):
    app = with_rounds(RoundKind.FINAL_LOOP)
    decision = app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1), finalists=finalists))
    assert decision.finalists == finalists


@pytest.mark.parametrize("outcome", [Outcome.REJECTION, Outcome.WITHDRAWAL, Outcome.NO_RESPONSE])
def test_offer_response_only_for_offers(outcome):
    app = application()
    decision = Decision(outcome, date(2025, 6, 1), offer_response=OfferResponse.ACCEPTED)
    with pytest.raises(DomainError, match=f"only applies to offers, not to a {outcome.value}"):
        app.decide(decision)


def test_an_offer_starts_with_a_pending_response():
    app = application()
    decision = app.decide(Decision(Outcome.OFFER, date(2025, 6, 1)))
    assert decision.offer_response is OfferResponse.PENDING
    assert app.status is Status.OFFER


def test_reason_is_checked_and_trimmed():
    app = application()
    decision = app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1), reason="  chose another  "))
    assert decision.reason == "chose another"
    with pytest.raises(
        DomainError, match="decision reason is 5,001 characters long; the limit is 5,000"
    ):
        app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1), reason="x" * 5001))


# -- interviews -----------------------------------------------------------------------------------


def test_interview_is_added_to_its_round():
    app = with_rounds(RoundKind.SCREEN)
    r = app.rounds[0]
    interview = app.add_interview(r, Interview("Call", scheduled_at=at(7), duration_minutes=30))
    assert r.interviews == [interview]


def test_interview_in_a_round_of_another_application_is_refused():
    app = with_rounds(RoundKind.SCREEN)
    stranger = round_()
    stranger.id = 99
    with pytest.raises(DomainError, match="round 99 is not part of application 1"):
        app.add_interview(stranger, Interview("Call"))


def test_interview_needs_a_time_zone():
    app = with_rounds(RoundKind.SCREEN)
    with pytest.raises(DomainError, match=rf"needs a time zone, e\.g\. {date.today()}T10:00"):
        app.add_interview(app.rounds[0], Interview("Call", scheduled_at=datetime(2025, 5, 7, 10)))
    assert app.rounds[0].interviews == []


@pytest.mark.parametrize("minutes", [0, -5, MAX_INTERVIEW_MINUTES + 1])
def test_duration_out_of_bounds(minutes):
    app = with_rounds(RoundKind.SCREEN)
    with pytest.raises(DomainError, match=f"duration {minutes} min is not possible; give 1-720"):
        app.add_interview(app.rounds[0], Interview("Call", duration_minutes=minutes))


@pytest.mark.parametrize("minutes", [None, 1, 45, MAX_INTERVIEW_MINUTES])
def test_duration_in_bounds(minutes):
    app = with_rounds(RoundKind.SCREEN)
    interview = app.add_interview(app.rounds[0], Interview("Call", duration_minutes=minutes))
    assert interview.duration_minutes == minutes


def test_interview_before_its_round_starts_is_refused():
    app = application()
    r = app.add_round(round_(started_on=date(2025, 5, 14)))
    with pytest.raises(DomainError) as caught:
        app.add_interview(r, Interview("Call", scheduled_at=at(12)))
    message = str(caught.value)
    assert (
        "interview 'Call' on 2025-05-12 is before its round 'Screen' starts on 2025-05-14"
        in message
    )
    assert "move the interview or the round's start date" in message
    assert r.interviews == []


def test_interview_after_its_round_ended_is_refused():
    app = application()
    r = app.add_round(round_(started_on=date(2025, 5, 14), ended_on=date(2025, 5, 15)))
    with pytest.raises(DomainError, match="is after its round 'Screen' ended on 2025-05-15; move"):
        app.add_interview(r, Interview("Call", scheduled_at=at(17)))


def test_interview_a_day_either_side_of_its_round_is_allowed():
    # The round's dates are the user's calendar days; the time may be in the company's zone.
    app = application()
    r = app.add_round(round_(started_on=date(2025, 5, 14), ended_on=date(2025, 5, 15)))
    app.add_interview(r, Interview("Early", scheduled_at=at(13, hour=12)))
    app.add_interview(r, Interview("Late", scheduled_at=at(16, hour=12)))
    app.check()


def test_interview_check_does_not_depend_on_the_offset_it_is_written_in():
    # The same moment, written in two offsets (the store gives it back in UTC), must get the
    # same verdict, or data the app accepted cannot be edited or restored afterwards.
    app = application()
    r = app.add_round(round_(started_on=date(2025, 5, 14)))
    moment = datetime(2025, 5, 13, 1, 0, tzinfo=CEST)  # 2025-05-12 23:00 UTC
    verdicts = []
    for written in (moment, moment.astimezone(UTC)):
        try:
            app.add_interview(r, Interview("Call", scheduled_at=written))
            app.check()
            verdicts.append("ok")
        except DomainError:
            verdicts.append("refused")
        r.interviews.clear()
    assert verdicts[0] == verdicts[1]


def test_interview_after_the_decision_is_refused():
    app = with_rounds(RoundKind.SCREEN)
    app.decide(Decision(Outcome.REJECTION, date(2025, 5, 10)))
    with pytest.raises(DomainError) as caught:
        app.add_interview(app.rounds[0], Interview("Call", scheduled_at=at(11)))
    assert "the interview on 2025-05-11 is after the decision on 2025-05-10" in str(caught.value)
    assert "reopen the application first" in str(caught.value)
    # An interview on the day of the decision, or without a time, is still recorded.
    app.add_interview(app.rounds[0], Interview("Same day", scheduled_at=at(10)))
    app.add_interview(app.rounds[0], Interview("Undated"))
    assert [i.title for i in app.rounds[0].interviews] == ["Same day", "Undated"]


def test_rescheduling_an_interview_after_the_decision_is_refused():
    app = with_rounds(RoundKind.SCREEN)
    interview = app.add_interview(app.rounds[0], Interview("Call", scheduled_at=at(8)))
    app.decide(Decision(Outcome.REJECTION, date(2025, 5, 10)))
    interview.scheduled_at = at(12)
    with pytest.raises(DomainError, match="after the decision on 2025-05-10; reopen"):
        app.check_interview_time(interview)


def test_interview_fields_are_checked():
    app = with_rounds(RoundKind.SCREEN)
    r = app.rounds[0]
    with pytest.raises(DomainError, match="interview title is required"):
        app.add_interview(r, Interview(" "))
    with pytest.raises(DomainError, match="interviewer name is required"):
        app.add_interview(r, Interview("Call", interviewers=[Interviewer("  ")]))
    with pytest.raises(DomainError, match="interviewer title contains the control character"):
        app.add_interview(r, Interview("Call", interviewers=[Interviewer("Maya", "TA\x07")]))
    with pytest.raises(DomainError, match="competency tag 'risk management' is not valid"):
        app.add_interview(r, Interview("Call", competencies=["risk management"]))
    assert r.interviews == []


def test_interview_competencies_are_normalised():
    app = with_rounds(RoundKind.SCREEN)
    interview = app.add_interview(
        app.rounds[0], Interview("Call", competencies=[" Risk-Management", "risk-management", ""])
    )
    assert interview.competencies == ["risk-management"]


def test_sorted_interviews_put_unscheduled_last_in_the_order_added():
    r = round_()
    late = Interview("late", scheduled_at=at(15, 9), id=1)
    loose_b = Interview("loose b", id=5)
    early = Interview("early", scheduled_at=datetime(2025, 5, 15, 6, 0, tzinfo=UTC), id=3)
    loose_a = Interview("loose a", id=4)
    r.interviews = [late, loose_b, early, loose_a]
    # 09:00 +02:00 is 07:00 UTC, after 06:00 UTC.
    assert [i.title for i in r.sorted_interviews] == ["early", "late", "loose a", "loose b"]


# -- application fields ---------------------------------------------------------------------------


def test_application_fields_are_trimmed_and_checked():
    app = application(company="  Tempoline ", level=" Senior ", notes="\n line one\n line two \n")
    app.check()
    assert app.company == "Tempoline"
    assert app.level == "Senior"
    assert app.notes == "line one\n line two"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"company": ""}, "company is required; give a non-empty value"),
        ({"role_title": "  "}, "role title is required"),
        ({"company": "A\nB"}, "company must be a single line"),
        ({"company": "x" * 201}, "company is 201 characters long; the limit is 200"),
        ({"notes": "nul\x00here"}, r"notes contains the control character '\\x00' at position 3"),
        ({"notes": "bell\x07"}, r"control character '\\x07'"),
        (
            {"posting_text": "esc\x1b[31m"},
            r"job posting text contains the control character '\\x1b'",
        ),
        ({"location": "del\x7f"}, r"'\\x7f'"),
    ],
)
def test_bad_application_fields(fields, message):
    with pytest.raises(DomainError, match=message):
        application(**fields).check()


def test_tabs_and_newlines_are_kept_in_free_text():
    app = application(notes="a\tb\r\nc")
    app.check()
    assert app.notes == "a\tb\r\nc"


def test_tags_are_normalised():
    app = application(
        tags=[
            " TPM",
            "tpm",
            "Remote-First",
            "",
            "c++",
            "ml/ai",
            "zoë",
            "zoe\u0308",
            "Digital  health",
        ]
    )
    app.check()
    # The words of one tag are joined (QA10 F5: "digital health" became two tags).
    assert app.tags == ["tpm", "remote-first", "c++", "ml/ai", "zoë", "digital-health"]


@pytest.mark.parametrize("tag", ["İstanbul", "हिन्दी", "東京", "_draft", "Zürich"])
def test_tags_in_any_script_are_valid(tag):
    app = application(tags=[tag, tag.upper()])
    app.check()
    assert app.tags == [unicodedata.normalize("NFC", tag.lower())]


@pytest.mark.parametrize(
    "tag", ["-leading", "x" * 41, "semi;colon", "emoji🙂", "\u0301accent-first", "a b!"]
)
def test_invalid_tag(tag):
    with pytest.raises(DomainError) as caught:
        application(tags=[tag]).check()
    assert f"tag {tag!r} is not valid" in str(caught.value)
    assert "(at most 40 characters)" in str(caught.value)


@pytest.mark.parametrize(
    "url", ["https://jobs.example.com/123", "http://example.com", "HTTPS://EXAMPLE.COM/a?b=c#d"]
)
def test_valid_url(url):
    app = application(posting_url=url)
    app.check()
    assert app.posting_url == url


@pytest.mark.parametrize("url", ["example.com", "ftp://example.com", "javascript:alert(1)"])
def test_invalid_url(url):
    with pytest.raises(DomainError, match="is not a web address; start it with https://"):
        application(posting_url=url).check()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://", "the site's name is missing after https://"),
        ("http:///path", "the site's name is missing after http://"),
        ("https://exa mple.com", "it has a space in it"),
        ('https://x.example/" onmouseover="alert(1)', "it has a space in it"),
    ],
)
def test_a_url_that_starts_right_says_what_else_is_wrong(url, problem):
    with pytest.raises(DomainError, match=f"is not a web address: {problem}") as refused:
        application(posting_url=url).check()
    assert "start it with https://" not in str(refused.value)


def test_blank_url_means_no_url():
    app = application(posting_url="   ")
    app.check()
    assert app.posting_url is None


def test_removing_a_decision_reopens_the_rounds_it_closed_but_not_those_edited_since() -> None:
    app = application()
    closed_then, edited_since = round_("Screen"), round_("Loop", RoundKind.FINAL_LOOP)
    app.add_round(closed_then)
    app.add_round(edited_since)
    decided = datetime(2025, 6, 1, 9, tzinfo=UTC)
    decision = app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    # As the service stamps them: the decision and the rounds it closed, in one instant.
    decision.created_at = closed_then.updated_at = edited_since.updated_at = decided
    edited_since.updated_at = decided + timedelta(days=1)  # the user changed it afterwards
    removed, reopened, _ = app.remove_last_decision()
    assert removed is decision and app.decisions == [] and app.status is Status.FINAL_ROUND
    assert reopened == [closed_then]
    assert (closed_then.outcome, edited_since.outcome) == (
        RoundOutcome.PENDING,
        RoundOutcome.REJECTED,
    )
    with pytest.raises(DomainError, match="has no decision to remove"):
        app.remove_last_decision()


def test_a_rejection_passes_the_pending_rounds_the_process_went_on_from() -> None:
    # Only round 1 marked passed, then rejected after round 3: round 2 was passed too.
    app = with_rounds(RoundKind.SCREEN, RoundKind.TECHNICAL, RoundKind.FINAL_LOOP)
    first, second, third = app.ordered_rounds
    first.outcome = RoundOutcome.PASSED
    app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1), finalists=3))
    assert [r.outcome for r in (first, second, third)] == [
        RoundOutcome.PASSED,
        RoundOutcome.PASSED,
        RoundOutcome.REJECTED,
    ]


def test_a_pending_round_before_a_decided_last_one_was_passed() -> None:
    app = with_rounds(RoundKind.SCREEN, RoundKind.FINAL_LOOP)
    app.ordered_rounds[1].outcome = RoundOutcome.REJECTED
    app.decide(Decision(Outcome.WITHDRAWAL, date(2025, 6, 1)))
    assert [r.outcome for r in app.ordered_rounds] == [RoundOutcome.PASSED, RoundOutcome.REJECTED]


def test_removing_a_decision_reopens_the_rounds_it_passed_as_well() -> None:
    app = with_rounds(RoundKind.SCREEN, RoundKind.TECHNICAL, RoundKind.FINAL_LOOP)
    first, second, third = app.ordered_rounds
    first.outcome = RoundOutcome.PASSED
    first.updated_at = datetime(2025, 5, 20, tzinfo=UTC)  # passed by the user, earlier
    decision = app.decide(Decision(Outcome.REJECTION, date(2025, 6, 1)))
    decided = datetime(2025, 6, 1, 9, tzinfo=UTC)
    decision.created_at = second.updated_at = third.updated_at = decided
    _, reopened, _ = app.remove_last_decision()
    assert reopened == [second, third]
    assert [r.outcome for r in (first, second, third)] == [
        RoundOutcome.PASSED,
        RoundOutcome.PENDING,
        RoundOutcome.PENDING,
    ]


def test_no_round_ends_after_the_decision_that_closed_the_process() -> None:
    app = application()
    loop = round_("Loop", RoundKind.FINAL_LOOP, ended_on=date(2025, 5, 20))
    app.add_round(loop)
    with pytest.raises(DomainError, match="before a round ended, on 2025-05-20; date it on or"):
        app.decide(Decision(Outcome.REJECTION, date(2025, 5, 18)))
    app.decide(Decision(Outcome.REJECTION, date(2025, 5, 22)))
    loop.ended_on = date(2025, 5, 25)  # as `round edit --ended` would, then re-checks
    with pytest.raises(DomainError, match="ends on 2025-05-25, after the decision on 2025-05-22"):
        app.check()


@pytest.mark.parametrize(
    ("scheduled_at", "round_start", "held"),
    [
        (None, date(2026, 11, 1), True),  # no time, in a round under way: taken as held
        (None, date(2026, 12, 1), False),  # no time, in a round still ahead: not yet
        (datetime(2026, 11, 20, 10, 0, tzinfo=UTC), date(2026, 12, 1), True),  # its time rules
        (datetime(2026, 11, 27, 10, 0, tzinfo=UTC), date(2026, 11, 1), False),
    ],
)
def test_an_interview_has_happened_by_its_time_or_else_by_its_round(
    scheduled_at, round_start, held
):
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    assert Interview("Peer chat", scheduled_at=scheduled_at).has_happened(now, round_start) is held


def test_an_undated_interview_in_a_round_ahead_says_why_it_has_not_happened():
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    with pytest.raises(DomainError) as caught:
        Interview("Peer chat").check_happened(now, date(2026, 12, 1), "debrief it afterwards")
    assert caught.value.message == (
        "the interview “Peer chat” has no time on record and its round starts on 2026-12-01, "
        "so it has not happened yet; debrief it afterwards, or correct the round's start date"
    )


def test_one_rule_for_what_is_still_to_come():
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    loop = Round("Final loop", RoundKind.FINAL_LOOP, date(2026, 11, 20))
    held = Interview("Day one", scheduled_at=now - timedelta(days=1))
    ahead = Interview("Day two", scheduled_at=now + timedelta(days=1))
    off = Interview("Day three", scheduled_at=now + timedelta(days=2), called_off=True)
    loop.interviews = [held, ahead, off]
    assert loop.interviews_to_come(now) == [ahead]
    # Called off: never held, whatever its time, though its time has come or will.
    assert not off.has_happened(now + timedelta(days=3), loop.started_on)
    assert off.is_due(now + timedelta(days=3), loop.started_on)
    with pytest.raises(DomainError, match="was called off, so it did not take place"):
        off.check_happened(now + timedelta(days=3), loop.started_on, "debrief it afterwards")
    # A cancelled round's interviews are not to come, marked or not.
    loop.outcome = RoundOutcome.CANCELLED
    assert loop.interviews_to_come(now) == [] and not loop.goes_ahead(ahead)
    # Cancelling calls off the ones not due; setting it back brings back every one not due
    # (one called off on its own before too: the round is on again, the user can re-mark it).
    assert loop.call_off_ahead(now) == [ahead]
    assert (held.called_off, ahead.called_off) == (False, True)
    assert loop.bring_back_ahead(now) == [ahead, off]

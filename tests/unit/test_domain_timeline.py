"""The timeline of one process: every moment, in the order it happened."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from nextround.domain.debrief import Debrief, DebriefQuestion
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.journey import (
    Application,
    Decision,
    Interview,
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
)
from nextround.domain.timeline import EXCERPT_LIMIT, EventKind, build_timeline, feedback_excerpt


def utc(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=UTC)


def journey() -> tuple[Application, list[Feedback]]:
    app = Application("Tempoline", "TPM", date(2025, 5, 6), source=Source.LINKEDIN)
    app.id = 1
    screen = app.add_round(
        Round(
            "Screen",
            RoundKind.SCREEN,
            date(2025, 5, 14),
            RoundMode.PHONE,
            ended_on=date(2025, 5, 14),
            outcome=RoundOutcome.PASSED,
            id=10,
        )
    )
    app.add_interview(
        screen,
        Interview(
            "Intro call",
            scheduled_at=utc(5, 14, 8),
            id=100,
            duration_minutes=30,
            interviewers=[Interviewer("Maya", "TA Partner")],
        ),
    )
    loop = app.add_round(
        Round(
            "Final loop",
            RoundKind.FINAL_LOOP,
            date(2025, 5, 20),
            RoundMode.VIDEO,
            ended_on=date(2025, 5, 21),
            id=11,
        )
    )
    # Added out of time order, and one without a time.
    app.add_interview(
        loop,
        Interview(
            "Whiteboard", InterviewFormat.PRACTICAL_EXERCISE, scheduled_at=utc(5, 21, 9), id=102
        ),
    )
    app.add_interview(loop, Interview("Unscheduled chat", id=104))
    app.add_interview(loop, Interview("Execution", scheduled_at=utc(5, 20, 15), id=101))
    app.add_interview(loop, Interview("Metrics", scheduled_at=utc(5, 21, 7, 30), id=103))
    app.decide(Decision(Outcome.REJECTION, date(2025, 5, 28), finalists=4, reason="Risk", id=20))
    app.reopen(date(2025, 6, 2))
    feedback = [
        Feedback(
            "Risk management did not come through.",
            FeedbackSource.RECRUITER,
            date(2025, 5, 28),
            author="Maya",
            id=30,
        ),
        Feedback("Early note", FeedbackSource.SELF, date(2025, 5, 20), id=31),
    ]
    return app, feedback


def test_events_in_order(local_zone):
    local_zone("UTC")
    app, feedback = journey()
    events = build_timeline(app, feedback)
    assert [(e.on.isoformat(), e.kind.value, e.title) for e in events] == [
        ("2025-05-06", "applied", "Applied: TPM at Tempoline"),
        ("2025-05-14", "round", "Round 1: Screen"),
        ("2025-05-14", "interview", "Interview: Intro call"),
        ("2025-05-14", "round_result", "Round 1 passed"),
        ("2025-05-20", "round", "Round 2: Final loop"),
        # Unscheduled interviews sit on the round's start day, before timed ones.
        ("2025-05-20", "interview", "Interview: Unscheduled chat"),
        ("2025-05-20", "interview", "Interview: Execution"),
        ("2025-05-20", "feedback", "Feedback (self)"),
        ("2025-05-21", "interview", "Interview: Metrics"),
        ("2025-05-21", "interview", "Interview: Whiteboard"),
        ("2025-05-21", "round_result", "Round 2 rejected"),  # closed by the decision
        ("2025-05-28", "feedback", "Feedback (recruiter) from Maya"),
        ("2025-05-28", "decision", "Decision: rejection"),
        ("2025-06-02", "reopened", "Reopened"),
    ]


def test_a_debrief_comes_right_after_its_interview(local_zone):
    local_zone("UTC")
    app, feedback = journey()
    debriefs = {
        102: Debrief(
            102, 2, went_badly="Ran out of time", ratings={"systems-thinking": 2},
            questions=[DebriefQuestion("How would it fail?"), DebriefQuestion("Who owns it?")],
            id=7,
        ),
        104: Debrief(104, 4),
    }  # fmt: skip
    events = build_timeline(app, feedback, debriefs)
    titles = [e.title for e in events]
    whiteboard = titles.index("Interview: Whiteboard")
    assert titles[whiteboard + 1] == "Debrief: 2/5 overall"
    chat = titles.index("Interview: Unscheduled chat")
    assert titles[chat + 1] == "Debrief: 4/5 overall"
    debrief = events[whiteboard + 1]
    assert debrief.kind is EventKind.DEBRIEF
    assert debrief.detail == "did not go well: Ran out of time · 1 self-rating · 2 questions logged"
    assert debrief.refs == {"interview": 102, "debrief": 7}
    assert events[chat + 1].detail is None
    # A long note is summed up by its first sentence, cut at a word.
    debriefs[104].went_well = "Good rapport. " + "We talked about the roadmap at length " * 4
    debriefs[104].went_badly = "We talked about the roadmap at length " * 4
    chat_event = build_timeline(app, feedback, debriefs)[chat + 1]
    assert chat_event.detail is not None
    well, badly = chat_event.detail.split(" · ")
    assert well == "went well: Good rapport."
    assert badly.startswith("did not go well: We talked about") and badly.endswith(" We talked…")
    assert len(badly) <= len("did not go well: ") + 91
    # Without debriefs, nothing else changes.
    assert [e for e in events if e.kind is not EventKind.DEBRIEF] == build_timeline(app, feedback)


def test_event_details_and_references(local_zone):
    local_zone("UTC")
    app, feedback = journey()
    events = {e.title: e for e in build_timeline(app, feedback)}
    assert events["Applied: TPM at Tempoline"].detail == "via LinkedIn"
    assert events["Round 1: Screen"].detail == "screen (phone)"
    intro = events["Interview: Intro call"]
    assert intro.detail == "behavioural, 30 min with Maya (TA Partner)"
    assert intro.at == utc(5, 14, 8)
    assert intro.refs == {"application": 1, "round": 10, "position": 1, "interview": 100}
    assert events["Interview: Whiteboard"].detail == "practical exercise"
    # The reason, as typed, is a sentence of its own after the facts.
    assert events["Decision: rejection"].detail == "one of 4 finalists. Risk"
    assert events["Decision: rejection"].refs == {"application": 1, "decision": 20}
    assert (
        events["Feedback (recruiter) from Maya"].detail == "Risk management did not come through."
    )


def test_pending_round_has_no_result_event(local_zone):
    local_zone("UTC")
    app = Application("A", "PM", date(2025, 5, 6))
    app.id = 2
    app.add_round(Round("Screen", RoundKind.SCREEN, date(2025, 5, 7), ended_on=date(2025, 5, 7)))
    kinds = [e.kind for e in build_timeline(app)]
    assert kinds == [EventKind.APPLIED, EventKind.ROUND]


@pytest.mark.parametrize(
    ("zone", "day", "hour"),
    [
        ("UTC", date(2025, 5, 14), 22),
        ("Asia/Tokyo", date(2025, 5, 15), 7),
        ("America/Los_Angeles", date(2025, 5, 14), 15),
    ],
)
def test_interview_day_is_the_local_day(local_zone, zone, day, hour):
    local_zone(zone)
    app = Application("A", "PM", date(2025, 5, 6))
    app.id = 3
    r = app.add_round(Round("Screen", RoundKind.SCREEN, date(2025, 5, 14)))
    app.add_interview(r, Interview("Call", scheduled_at=utc(5, 14, 22)))
    interview = next(e for e in build_timeline(app) if e.kind is EventKind.INTERVIEW)
    assert interview.on == day
    assert interview.sort_key[1].hour == hour


def test_same_moment_in_different_offsets_sorts_by_the_instant(local_zone):
    local_zone("Europe/Berlin")
    app = Application("A", "PM", date(2025, 5, 6))
    app.id = 4
    r = app.add_round(Round("Loop", RoundKind.FINAL_LOOP, date(2025, 5, 14)))
    # 10:00 in New York is 16:00 in Berlin; 15:00 in Berlin comes first.
    app.add_interview(
        r,
        Interview(
            "New York", scheduled_at=datetime(2025, 5, 14, 10, tzinfo=timezone(timedelta(hours=-4)))
        ),
    )
    app.add_interview(
        r,
        Interview(
            "Berlin", scheduled_at=datetime(2025, 5, 14, 15, tzinfo=timezone(timedelta(hours=2)))
        ),
    )
    titles = [e.title for e in build_timeline(app) if e.kind is EventKind.INTERVIEW]
    assert titles == ["Interview: Berlin", "Interview: New York"]


def test_timeline_is_sorted_by_sort_key(local_zone):
    local_zone("Asia/Kolkata")
    app, feedback = journey()
    events = build_timeline(app, feedback)
    keys = [e.sort_key for e in events]
    assert keys == sorted(keys)
    assert len(events) == 14


def test_an_interview_held_in_another_zone_names_its_own_clock(local_zone):
    local_zone("Europe/Amsterdam")
    app = Application("A", "PM", date(2025, 5, 6))
    app.id = 4
    round_ = app.add_round(Round("Panel", RoundKind.FINAL_LOOP, date(2025, 5, 14)))
    app.add_interview(
        round_, Interview("Local panel", scheduled_at=utc(5, 14, 13), duration_minutes=45)
    )
    app.add_interview(
        round_,
        Interview("Remote panel", scheduled_at=utc(5, 14, 15), time_zone="America/New_York"),
    )
    app.add_interview(
        round_, Interview("Paris panel", scheduled_at=utc(5, 14, 16), time_zone="Europe/Paris")
    )
    details = {e.title: e.detail for e in build_timeline(app)}
    assert details["Interview: Local panel"] == "behavioural, 45 min"
    assert details["Interview: Remote panel"] == "behavioural, 11:00 New York time"
    assert details["Interview: Paris panel"] == "behavioural"  # the same clock as here


def test_an_application_without_a_source_says_nothing_of_it(local_zone):
    local_zone("UTC")
    app, feedback = journey()
    app.source = Source.OTHER  # also what an application added without a source has
    events = {e.title: e for e in build_timeline(app, feedback)}
    assert events["Applied: TPM at Tempoline"].detail is None


def test_an_interview_called_off_stays_in_the_history_marked_so(local_zone):
    app, feedback = journey()
    app.ordered_rounds[1].interviews[0].called_off = True  # "Whiteboard"
    titles = [e.title for e in build_timeline(app, feedback)]
    assert "Interview: Whiteboard (called off)" in titles
    assert "Interview: Execution" in titles


def test_a_feedback_event_starts_where_its_feedback_begins():
    app, _ = journey()
    text = "Hi Sam,\n\nThanks again for your time.\n\nYour pricing answer stood out."
    item = Feedback(text, FeedbackSource.RECRUITER, date(2025, 5, 28), id=40)
    opening = text.index("Your pricing")
    (event,) = (
        e for e in build_timeline(app, [item], openings={40: opening}) if e.refs.get("feedback")
    )
    assert event.detail == "…Your pricing answer stood out."
    # Read from its start when nothing comes before the feedback, or nothing is known.
    for openings in ({40: 0}, {}, None):
        (event,) = (
            e for e in build_timeline(app, [item], openings=openings) if e.refs.get("feedback")
        )
        assert event.detail == text


def test_a_feedback_pasted_as_html_is_quoted_as_it_reads_from_its_first_statement():
    app, _ = journey()
    text = (
        '<html><body><div style="font-family:Arial"><p>Hi Sam,</p>\n'
        "<p>We&rsquo;ve decided not to move forward.</p>\n"
        "<p>Your <b>pricing</b> answer stood out.</p> <p>However, the roadmap was thin.</p>"
        "</div></body></html>"
    )
    item = Feedback(text, FeedbackSource.RECRUITER, date(2025, 5, 28), id=40)
    # The opening is where the first statement starts in the paste as stored.
    opening = text.index("Your <b>")
    (event,) = (
        e for e in build_timeline(app, [item], openings={40: opening}) if e.refs.get("feedback")
    )
    assert event.detail == "…Your pricing answer stood out.\n\nHowever, the roadmap was thin."
    (whole,) = (e for e in build_timeline(app, [item]) if e.refs.get("feedback"))
    assert whole.detail is not None and whole.detail.startswith("Hi Sam,\n\nWe’ve decided")
    assert "<" not in whole.detail and "&" not in whole.detail


LONG_EMAIL = (
    "Hi Sam,\n\nThanks again for your time over the past weeks.\n\n"
    "Your pricing answer stood out: you tied the discount to churn with real numbers. "
    "The roadmap discussion was thinner; the panel could not see how you would sequence "
    "the three bets. If the team lost a person, which one would you drop first? "
    "In the case study you moved quickly, but the risks you named were generic ones.\n\n"
    "We chose another finalist with more marketplace experience. All the best,\nMaya"
)


def test_a_long_feedback_is_quoted_from_its_first_statement_for_a_few_lines_only():
    opening = LONG_EMAIL.index("Your pricing")
    excerpt, shortened = feedback_excerpt(LONG_EMAIL, opening)
    assert shortened and len(excerpt) <= EXCERPT_LIMIT + 2
    assert excerpt.startswith("…Your pricing answer stood out")
    # It ends with a whole sentence, then says more follows.
    assert excerpt.endswith("which one would you drop first? …")
    app, _ = journey()
    item = Feedback(LONG_EMAIL, FeedbackSource.RECRUITER, date(2025, 5, 28), id=41)
    (event,) = (
        e for e in build_timeline(app, [item], openings={41: opening}) if e.refs.get("feedback")
    )
    assert (event.detail, event.excerpt) == (excerpt, True)


def test_an_excerpt_without_a_sentence_end_in_reach_stops_at_a_word():
    text = "word " * 100
    excerpt, shortened = feedback_excerpt(text, 0, limit=42)
    assert shortened and excerpt == "word word word word word word word word…"
    assert feedback_excerpt("Short and whole.", 0) == ("Short and whole.", False)


def test_a_pending_offer_s_answer_by_day_is_an_event_worded_as_app_show_words_it(local_zone):
    app = Application("Orbital Pay", "TPM", date(2026, 11, 2))
    app.id = 7
    app.decide(
        Decision(
            Outcome.OFFER,
            date(2026, 11, 20),
            offer_response=OfferResponse.PENDING,
            answer_by=date(2026, 12, 4),
            application_id=7,
        )
    )
    due = app.current_decision.answer_due(date(2026, 11, 29), app.company)
    assert due is not None
    events = build_timeline(app, answer_due=due)
    assert [e.kind for e in events][-1] is EventKind.ANSWER_BY
    event = events[-1]
    assert (event.on, event.title) == (date(2026, 12, 4), "Offer: answer by Fri 4 Dec (in 5 days)")
    assert event.title == due.reminder() and not event.overdue and event.detail is None
    late = build_timeline(app, answer_due=replace(due, today=date(2026, 12, 6)))[-1]
    assert late.title.endswith("(overdue by 2 days)") and late.overdue
    # Once another offer is accepted, it says this one is to decline.
    other = build_timeline(app, answer_due=replace(due, accepted_elsewhere="Aurora"))[-1]
    assert other.detail == "You have accepted Aurora's offer: decline it, or accept it instead"
    assert EventKind.ANSWER_BY not in [e.kind for e in build_timeline(app)]

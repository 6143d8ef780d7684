"""The round coming up, read from a real database: window, open processes, earlier questions."""

from __future__ import annotations

from datetime import datetime, timedelta

from nextround.domain.journey import Decision, Interviewer, Outcome, RoundKind
from nextround.services import applications, process
from nextround.services.debriefs import record_debrief
from nextround.services.upcoming import upcoming_round, week_focus
from tests.conftest import Clock
from tests.unit.growth_fakes import KeywordMapper

MAPPER = KeywordMapper([("risk", "risk-management", 0.95), ("salary", "negotiation", 0.1)])


def _process(app, company: str, at: datetime, earlier: datetime | None = None) -> int:
    # Applied before anything happened, and not after today (the clock's FIXED_NOW).
    today = (earlier or at).date() - timedelta(days=10)
    with app.uow() as uow:
        created = applications.add_application(
            uow, {"company": company, "role_title": "TPM", "applied_on": today}
        )
        assert created.id is not None
        if earlier is not None:
            process.add_round(
                uow, created.id, {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": today}
            )
            process.add_interview(
                uow, created.id, None, {"title": "Intro", "scheduled_at": earlier}
            )
        process.add_round(
            uow,
            created.id,
            {"name": "Final loop", "kind": RoundKind.FINAL_LOOP, "started_on": today},
        )
        process.add_interview(
            uow,
            created.id,
            None,
            {
                "title": "Risk deep dive",
                "scheduled_at": at,
                "interviewers": [Interviewer("Mei Tan")],
                "competencies": ["systems-thinking"],
            },
        )
        return created.id


def test_the_soonest_round_of_an_open_process_with_the_questions_asked_before(app, clock: Clock):
    now = clock.now
    with app.uow() as uow:
        assert upcoming_round(uow) is None  # nothing scheduled: the week is as before
    closed = _process(app, "Closedco", now + timedelta(days=1))
    with app.uow() as uow:
        # Closed with an interview still to come, as an old backup may hold it (a decision
        # now refuses that): its interview is not one to prepare for.
        found = uow.applications.get(closed)
        found.decide(
            Decision(Outcome.WITHDRAWAL, now.astimezone().date(), created_at=now, updated_at=now)
        )
        uow.commit()
    _process(app, "Lateco", now + timedelta(days=9))  # beyond the week
    open_id = _process(app, "Tempoline", now + timedelta(days=3), earlier=now - timedelta(days=5))
    with app.uow() as uow:
        intro = uow.applications.get(open_id).ordered_rounds[0].interviews[0].id
        assert intro is not None
        record_debrief(
            uow,
            intro,
            4,
            questions=["Tell me about a risk you saw coming.", "What's your salary expectation?"],
            mapper=MAPPER,
        )
    with app.uow() as uow:
        upcoming = upcoming_round(uow)
    assert upcoming is not None
    assert (upcoming.company, upcoming.round_name) == ("Tempoline", "Final loop")
    assert upcoming.day == (now + timedelta(days=3)).astimezone().date()
    assert upcoming.interviewers == ("Mei Tan",)
    assert upcoming.focus == ("systems-thinking",)
    # A confident mapping counts; a guess at 10% does not.
    assert [(q.text, q.competencies, q.round_name) for q in upcoming.asked_before] == [
        ("Tell me about a risk you saw coming.", ("risk-management",), "Screen")
    ]
    with app.uow() as uow:
        # A plan not built yet takes no preparation: there is nothing to add it to.
        assert week_focus(uow, []) is None


def test_a_coding_interview_quotes_what_to_practise_not_the_decision(app, clock: Clock):
    # QA13 F12: the OA rejection's first gap is the decision ("…so we will not be moving
    # forward"); the preparation quoted it instead of "timed out on the larger inputs".
    from sqlalchemy import text

    from nextround.domain.feedback import FeedbackSource
    from nextround.domain.journey import InterviewFormat
    from nextround.services.feedback import add_mapped_feedback
    from nextround.services.frameworks import active_framework

    now = clock.now
    with app.uow() as uow:
        datadog = applications.add_application(
            uow, {"company": "Datadog", "role_title": "SWE", "applied_on": now.date()}
        )
        add_mapped_feedback(
            uow,
            "You did not pass the coding assessment, so we will not be moving forward with "
            "your application. Your solution did not pass enough of the hidden test cases and "
            "timed out on the larger inputs.",
            FeedbackSource.RECRUITER,
            lambda: MAPPER,
            active_framework(uow).id,
            received_on=now.date(),
        )
        assert datadog.id is not None
    with app.engine.begin() as conn:  # as Sam's feedback was split and reviewed: both gaps
        conn.execute(text("UPDATE statements SET polarity = 'gap'"))
        conn.execute(
            text("UPDATE statements SET text = :said WHERE text LIKE 'You did not pass%'"),
            {
                "said": "You did not pass the coding assessment, so we will not be moving forward "
                "with your application."
            },
        )
    with app.uow() as uow:
        cloudflare = applications.add_application(
            uow, {"company": "Cloudflare", "role_title": "SWE", "applied_on": now.date()}
        )
        assert cloudflare.id is not None
        process.add_round(
            uow,
            cloudflare.id,
            {"name": "Virtual onsite", "kind": RoundKind.FINAL_LOOP, "started_on": now.date()},
        )
        process.add_interview(
            uow,
            cloudflare.id,
            None,
            {
                "title": "Coding",
                "scheduled_at": now + timedelta(days=3),
                "format": InterviewFormat.CODING,
            },
        )
    with app.uow() as uow:
        upcoming = upcoming_round(uow)
    assert upcoming is not None
    assert [f.text for f in upcoming.format_feedback] == [
        "Your solution did not pass enough of the hidden test cases and timed out on the "
        "larger inputs."
    ]

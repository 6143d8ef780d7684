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

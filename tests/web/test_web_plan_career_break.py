"""The plan page after a career break came up: the answer to prepare, under positioning."""

from __future__ import annotations

from datetime import timedelta

from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.services import applications, process
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_mapped_feedback
from nextround.services.frameworks import active_framework
from nextround.services.review import review_statement
from tests.conftest import Clock
from tests.unit.growth_fakes import KeywordMapper
from tests.web.conftest import Browser

MAPPER = KeywordMapper([("defensive", "resilience", 0.9)])


def _a_break_came_up(nextround: Nextround, clock: Clock) -> None:
    held_at = clock.now - timedelta(days=20)
    with nextround.uow() as uow:
        app = applications.add_application(
            uow, {"company": "Barts Health", "role_title": "Lead", "applied_on": held_at.date()}
        )
        assert app.id is not None
        process.add_round(
            uow, app.id, {"name": "Panel", "kind": RoundKind.OTHER, "started_on": held_at.date()}
        )
        held = process.add_interview(uow, app.id, None, {"title": "Panel", "scheduled_at": held_at})
        assert held.id is not None
        record_debrief(
            uow, held.id, 2, questions=["Walk me through the gap on your CV."], mapper=MAPPER
        )
    with nextround.uow() as uow:
        _, statements = add_mapped_feedback(
            uow,
            "When you talk about the career break you sound defensive.",
            FeedbackSource.MENTOR,
            lambda: MAPPER,
            active_framework(uow).id,
        )
    for statement in statements:
        with nextround.uow() as uow:
            review_statement(uow, statement.id or 0)


def test_the_plan_page_shows_the_career_break_answer_not_a_wellbeing_routine(
    browser: Browser, sqlite_app: Nextround, clock: Clock
) -> None:
    _a_break_came_up(sqlite_app, clock)
    browser.post("/plan/refresh")
    html = browser.get("/plan").text
    assert "Position your experience" in html
    assert "a career break is on your record" in html
    assert "Write a two-sentence answer about your career break" in html
    assert "Say your career-break answer aloud until it takes under 30 seconds" in html
    assert "Take as the prompt: “Walk me through the gap on your CV”." in html
    assert "routine of sleep" not in html
    week = html[html.index('id="this-week"') : html.index('id="momentum-title"')]
    assert "Write a two-sentence answer about your career break" in week


def test_the_debrief_question_about_the_break_points_to_the_plan(
    browser: Browser, sqlite_app: Nextround, clock: Clock
) -> None:
    _a_break_came_up(sqlite_app, clock)
    page = browser.get("/applications/1").text
    assert "Walk me through the gap on your CV." in page
    assert "about your career break: your plan prepares the answer to it" in page

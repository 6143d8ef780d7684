"""The plan page's "Your work now": between jobs, practice that needs a team says what else."""

from __future__ import annotations

from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.services.feedback import add_mapped_feedback
from nextround.services.frameworks import active_framework
from nextround.services.review import review_statement
from tests.unit.growth_fakes import KeywordMapper
from tests.web.conftest import Browser

MAPPER = KeywordMapper([("people", "people-leadership", 0.9)])


def _a_people_leadership_gap(nextround: Nextround) -> None:
    for source, text in (
        (FeedbackSource.MENTOR, "You have not shown people leadership yet."),
        (FeedbackSource.PEER, "People leadership is the gap: you lead projects, not people."),
    ):
        with nextround.uow() as uow:
            _, statements = add_mapped_feedback(
                uow, text, source, lambda: MAPPER, active_framework(uow).id
            )
        for statement in statements:
            with nextround.uow() as uow:
                review_statement(uow, statement.id or 0)


def test_saying_you_are_between_jobs_on_the_plan_page_rewords_the_plan(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _a_people_leadership_gap(sqlite_app)
    browser.post("/plan/refresh")
    page = browser.get("/plan").text
    assert "Your work now" in page and "Not said yet: the plan assumes a job." in page
    assert "Ask your team three anonymous questions" in page or "team member" in page
    assert "Between jobs? Do it on a side project" not in page

    saved = browser.post("/plan/situation", {"situation": "between_jobs"})
    assert saved.status_code == 303
    page = browser.get("/plan").text
    assert 'value="between_jobs" checked' in page
    assert "Saved: “I am between jobs”" in page or "Saved." in page
    whole = page[page.index('id="whole-plan"') : page.index('id="work-situation"')]
    assert "Prepare an interview story about leading a team" in whole

    refused = browser.post("/plan/situation", {})
    assert refused.status_code == 303
    assert "Choose one" in browser.get(refused.headers["location"]).text

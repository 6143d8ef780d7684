"""Applying to a company again: the note when added, and "Earlier at" on the application page."""

from __future__ import annotations

import html
from datetime import date

import pytest

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Outcome
from nextround.services.contacts import add_contact
from nextround.services.process import set_decision
from tests.web.conftest import Browser


@pytest.fixture
def applied_twice(browser: Browser) -> tuple[int, int]:
    """Two applications at Larkspur Bank, a year and a half apart: the earlier one, then again."""
    first = browser.add_application(
        company="Larkspur Bank", role_title="Senior Product Manager", applied_on="2025-03-03"
    )
    again = browser.add_application(
        company="Larkspur Bank", role_title="Group Product Manager", applied_on="2026-08-10"
    )
    return first, again


def test_the_page_of_a_second_application_says_what_happened_at_the_company_before(
    browser: Browser, sqlite_app: Nextround
) -> None:
    first = browser.add_application(
        company="Larkspur Bank", role_title="Senior Product Manager", applied_on="2025-03-03"
    )
    with sqlite_app.uow() as uow:
        set_decision(uow, first, Outcome.REJECTION, date(2025, 4, 15), 3, "stakeholders")
        add_contact(uow, "Priya Shah", ContactRole.INTERVIEWER, title="Head of Product",
                    application_id=first)  # fmt: skip
    added = browser.post(
        "/applications",
        {
            "company": "Larkspur Bank",
            "role_title": "Group Product Manager",
            "applied_on": "2026-08-10",
        },
    )
    assert added.status_code == 303
    page = " ".join(html.unescape(browser.get(added.headers["location"]).text).split())
    assert (
        "Note: You applied to Larkspur Bank before: Senior Product Manager, rejected Apr 2025 — "
        "see “Earlier at Larkspur Bank” below."
    ) in page
    assert 'id="earlier-title">Earlier at Larkspur Bank</h2>' in page
    assert f'<a href="/applications/{first}">Senior Product Manager</a>' in page
    assert "one of 3 finalists. Reason given: “stakeholders”." in page
    assert "Priya Shah (Head of Product)" in page
    # The first application has nothing earlier to show.
    assert "Earlier at" not in browser.get(f"/applications/{first}").text


def test_a_person_met_in_both_processes_points_at_the_other_record(
    browser: Browser, sqlite_app: Nextround, applied_twice: tuple[int, int]
) -> None:
    first, again = applied_twice
    with sqlite_app.uow() as uow:
        then = add_contact(uow, "Priya Shah", ContactRole.INTERVIEWER, application_id=first)
        now = add_contact(uow, "priya  shah", ContactRole.INTERVIEWER, application_id=again)
        # Another company's namesake is another person.
        add_contact(uow, "Priya Shah", ContactRole.RECRUITER, company="Fennick Health")
    page = " ".join(html.unescape(browser.get(f"/contacts/{now.id}").text).split())
    assert (
        "Also on record from another process (same name, same company): "
        f'<a href="/contacts/{then.id}">contact {then.id}</a>'
    ) in page
    assert page.count("Also on record") == 1


def test_the_plan_page_says_what_the_company_named_last_time_before_an_interview_there(
    browser: Browser, sqlite_app: Nextround, applied_twice: tuple[int, int]
) -> None:
    from datetime import UTC, datetime, time, timedelta

    from nextround.domain.competency import Polarity
    from nextround.domain.feedback import FeedbackSource
    from nextround.domain.journey import RoundKind
    from nextround.frameworks.files import BUILTIN_ID
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.process import add_interview, add_round
    from nextround.services.review import review_statement
    from tests.unit.growth_fakes import keyword_mapper

    first, again = applied_twice
    with sqlite_app.uow() as uow:
        _, (said, *_) = add_mapped_feedback(
            uow, "Stakeholder management fell short.", FeedbackSource.RECRUITER,
            keyword_mapper, BUILTIN_ID, received_on=date(2025, 4, 14),
            links=FeedbackLinks(application_id=first),
        )  # fmt: skip
        review_statement(uow, said.id or 0, ["stakeholder-management"], Polarity.GAP)
        set_decision(uow, first, Outcome.REJECTION, date(2025, 4, 15))
        soon = datetime.combine(uow.today() + timedelta(days=3), time(10), UTC)
        add_round(uow, again, {"name": "Final loop", "kind": RoundKind.FINAL_LOOP,
                               "started_on": date(2026, 9, 20)})  # fmt: skip
        add_interview(uow, again, None, {"title": "Stakeholder scenario", "scheduled_at": soon})
    assert browser.post("/plan/refresh", {}).status_code == 303
    page = " ".join(html.unescape(browser.get("/plan").text).split())
    assert (
        "<strong>Last time:</strong> Larkspur Bank named stakeholder management as a gap in "
        "Apr 2025."
    ) in page

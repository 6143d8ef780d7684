"""Applying to a company again: the note when added, and "Earlier at" on the application page."""

from __future__ import annotations

import html
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Outcome
from nextround.services.contacts import add_contact
from nextround.services.process import set_decision
from tests.web.conftest import Browser


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
    browser: Browser, sqlite_app: Nextround
) -> None:
    first = browser.add_application(
        company="Larkspur Bank", role_title="Senior Product Manager", applied_on="2025-03-03"
    )
    again = browser.add_application(
        company="Larkspur Bank", role_title="Group Product Manager", applied_on="2026-08-10"
    )
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

"""Refusals shown on a page name the form to use, never the command line's commands or flags.

The services' errors carry a hint per surface (nextround.errors); the command line's own
hints are checked in tests/e2e (test_cli_errors.py, test_cli.py).
"""

from __future__ import annotations

import re

from tests.web.conftest import Browser, field_error, web_words

_FORM_ERROR = re.compile(r'<div class="form-error[^"]*" role="alert"[^>]*>([^<]*)</div>')


def form_error(page: str) -> str | None:
    """The message atop a refused form, or atop the page when the form is gone."""
    found = _FORM_ERROR.search(page)
    return found.group(1) if found else None


def test_closing_with_an_offer_points_to_the_decision_form(browser: Browser) -> None:
    app_id = browser.add_application()
    refused = browser.post(f"/applications/{app_id}/close", {"outcome": "offer"})
    assert refused.status_code == 422
    assert web_words(form_error(refused.text)) == (
        "An offer is not a way to close; record it under “Record the decision” with the "
        "outcome Offer"
    )


def test_closing_a_closed_application_points_to_changing_the_decision(browser: Browser) -> None:
    app_id = browser.add_application()
    browser.post(f"/applications/{app_id}/close", {"outcome": "withdrawal", "on": "2026-10-09"})
    # A second tab still shows the Close form; this page has none now, so the message is
    # shown atop it.
    again = browser.post(f"/applications/{app_id}/close", {"outcome": "rejection"})
    assert again.status_code == 422
    assert web_words(form_error(again.text)) == (
        f"Application {app_id} is already closed (withdrawal); change it under "
        "“Change the decision”"
    )


def test_dates_before_a_reopening_say_which_dates_fit(browser: Browser) -> None:
    app_id = browser.add_application(applied_on="2026-10-01")
    browser.post(f"/applications/{app_id}/close", {"outcome": "rejection", "on": "2026-10-05"})
    browser.post(f"/applications/{app_id}/reopen", {"on": "2026-10-20"})
    early_round = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-10"},
    )
    assert early_round.status_code == 422
    said = web_words(field_error(early_round.text, "new-round-started-on"))
    assert said.endswith("reopened on 2026-10-20; start it on or after 2026-10-20")
    early_decision = browser.post(
        f"/applications/{app_id}/decision", {"outcome": "rejection", "decided_on": "2026-10-12"}
    )
    assert early_decision.status_code == 422
    said = web_words(field_error(early_decision.text, "decision-decided-on"))
    assert said.endswith("reopened on 2026-10-20; date it on or after 2026-10-20")


def test_a_file_that_is_no_backup_points_to_the_export(browser: Browser) -> None:
    refused = browser.post(
        "/data/import",
        {"replace": "1"},
        files={"backup": ("x.json", b'{"format": "other"}', "application/json")},
    )
    assert refused.status_code == 422
    said = web_words(field_error(refused.text, "import-backup"))
    assert "not a nextround backup" in said
    assert "download one under Export on the Data page. Nothing was imported" in said


def test_an_impossible_interview_time_says_which_part_is_wrong(browser: Browser) -> None:
    """QA8 F10: "2026-12-32T13:00" got only "is not a date and time", as on the CLI."""
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    page = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Whiteboard", "scheduled_at": "2026-12-32T13:00"},
    )
    assert page.status_code == 422
    errors = re.findall(r'-error">([^<]*)<', page.text)
    assert errors == ["&#39;2026-12-32T13:00&#39; is not a day: December 2026 has 31 days"], errors

"""A refused form names every bad field at once, each next to its field, with the input kept."""

from __future__ import annotations

import html
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.calendar_days import day_forms
from nextround.services import options
from tests.web.conftest import Browser, field_error, input_value


def _errors(page: str, form: str, *fields: str) -> dict[str, str]:
    """The message under each field (unescaped); a field without one is left out."""
    found = {f: field_error(page, f"{form}-{f}") for f in fields}
    return {f: html.unescape(message) for f, message in found.items() if message}


def test_a_new_application_reports_title_date_and_link_together(
    browser: Browser, sqlite_app: Nextround
) -> None:
    response = browser.post(
        "/applications",
        {"company": "Acme", "role_title": "", "applied_on": "", "posting_url": "not a url"},
    )
    assert response.status_code == 422
    errors = _errors(response.text, "new-app", "role-title", "applied-on", "posting-url")
    assert errors == {
        "role-title": "Role title is required; give a non-empty value",
        "applied-on": f"Give the date you applied, e.g. {date.today()}",
        "posting-url": "Posting URL 'not a url' is not a web address; start it with https://",
    }
    assert "Please check the highlighted fields below." in response.text
    assert input_value(response.text, "new-app-company") == "Acme"
    assert input_value(response.text, "new-app-posting-url") == "not a url"
    with sqlite_app.uow() as uow:
        assert uow.applications.facts() == []  # nothing written


def test_editing_an_application_reports_every_bad_field(browser: Browser) -> None:
    app_id = browser.add_application()
    response = browser.post(
        f"/applications/{app_id}/edit",
        {"company": " ", "role_title": "TPM", "applied_on": "2026-10-01", "tags": "a b!"},
    )
    errors = _errors(response.text, "edit-app", "company", "tags")
    assert errors["company"].startswith("Company is required")
    assert errors["tags"].startswith("Tag 'a b!' is not valid")


def test_the_decision_form_reports_date_finalists_and_offer_answer_together(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    response = browser.post(
        f"/applications/{app_id}/decision",
        {
            "outcome": "rejection",
            "decided_on": "last week",
            "finalists": "0",
            "offer_response": "accepted",
        },
    )
    assert response.status_code == 422
    errors = _errors(response.text, "decision", "decided-on", "finalists", "offer-response")
    assert errors == {
        "decided-on": f"'last week' is not a date; {day_forms()}",
        "finalists": "Finalists must be between 1 and 1000, not 0",
        "offer-response": "An offer response only applies to offers, not to a rejection",
    }
    with sqlite_app.uow() as uow:
        assert uow.applications.get(app_id).decisions == []


def test_option_a_weights_report_each_bad_weight_and_the_threshold_together(
    browser: Browser, sqlite_app: Nextround
) -> None:
    with sqlite_app.uow() as uow:
        before = options.get_option_a(uow)
    weights = {f"weight-{c.id}": "1" for c in before.criteria}
    first, second = before.criteria[0], before.criteria[1]
    sent = {**weights, f"weight-{first.id}": "1,500", f"weight-{second.id}": "-2", "threshold": "6"}
    response = browser.post("/options/weights", sent)
    assert response.status_code == 422
    fields = (f"weight-{first.id}", f"weight-{second.id}", "threshold")
    errors = _errors(response.text, "weights", *fields)
    # 1,5 is one and a half (a decimal comma); 1,500 could be that or fifteen hundred.
    assert errors[f"weight-{first.id}"] == (
        "'1,500' is not a number; '1,500' reads two ways: write 1.5 or 1500"
    )
    assert errors[f"weight-{second.id}"].startswith(
        f"The weight of {second.name} ({second.id}) must be above 0, not -2"
    )
    assert errors["threshold"] == "The threshold is a score between 1 and 5, not 6"
    assert input_value(response.text, f"weights-weight-{second.id}") == "-2"
    with sqlite_app.uow() as uow:
        assert options.get_option_a(uow) == before  # nothing half-saved


def test_rounds_and_interviews_report_every_bad_field(browser: Browser) -> None:
    app_id = browser.add_application()
    response = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": " ", "kind": "screen", "started_on": "2026-13-01", "notes": "a\x01b"},
    )
    errors = _errors(response.text, "new-round", "name", "started-on", "notes")
    assert set(errors) == {"name", "started-on", "notes"}
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    response = browser.post(
        f"/applications/{app_id}/interviews",
        {
            "round": "1",
            "title": "",
            "scheduled_at": "soon",
            "duration_minutes": "0",
            "time_zone": "Mars/Olympus",
        },
    )
    errors = _errors(
        response.text, "new-interview-1", "title", "scheduled-at", "duration-minutes", "time-zone"
    )
    assert set(errors) == {"title", "scheduled-at", "duration-minutes", "time-zone"}
    assert errors["duration-minutes"].startswith("Duration 0 min is not possible")

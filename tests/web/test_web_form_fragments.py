"""Every form of the application page loads on demand (htmx) as the full page would show it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nextround.bootstrap import Nextround
from nextround.web.routes.detail import _APPLICATION_FORMS, _NUMBERED_FORMS, _PERSON_FORMS
from tests.web.conftest import Browser

HTMX = {"HX-Request": "true"}


def _open_process(browser: Browser, nextround: Nextround) -> tuple[int, int, int, int]:
    """An open application with a round, an interview still to come and a contact."""
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-20"},
    )
    browser.post(f"/applications/{app_id}/interviews", {"round": "1", "title": "Panel"})
    browser.post(f"/applications/{app_id}/contacts", {"name": "Dana", "role": "recruiter"})
    with nextround.uow() as uow:
        app = uow.applications.get(app_id)
        round_ = app.ordered_rounds[0]
        interview = round_.interviews[0]
        interview.scheduled_at = datetime.now(UTC) + timedelta(days=3)
        contact = uow.contacts.list(app_id)[0]
        ids = (app_id, round_.id or 0, interview.id or 0, contact.id or 0)
        uow.commit()
    return ids


# An open application has no decision to delete: that form is empty until one is recorded.
@pytest.mark.parametrize("key", [k for k in _APPLICATION_FORMS if k != "delete-decision"])
def test_each_application_form_loads_on_demand(
    browser: Browser, sqlite_app: Nextround, key: str
) -> None:
    app_id, *_ = _open_process(browser, sqlite_app)
    fragment = browser.get(f"/applications/{app_id}/forms/{key}", headers=HTMX)
    assert fragment.status_code == 200, fragment.text
    assert 'name="csrf_token"' in fragment.text


def test_the_decision_form_offers_to_call_off_what_is_still_to_come(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, *_ = _open_process(browser, sqlite_app)
    for key in ("decision", "close"):
        fragment = browser.get(f"/applications/{app_id}/forms/{key}", headers=HTMX).text
        assert 'name="call_off"' in fragment and "Panel" in fragment


@pytest.mark.parametrize("kind", [*_NUMBERED_FORMS, *_PERSON_FORMS])
def test_each_round_interview_and_person_form_loads_on_demand(
    browser: Browser, sqlite_app: Nextround, kind: str
) -> None:
    app_id, round_id, interview_id, contact_id = _open_process(browser, sqlite_app)
    ident = {
        "round": round_id,
        "new-interview": 1,
        "delete-round": round_id,
        "edit-contact": contact_id,
        "delete-contact": contact_id,
    }.get(kind, interview_id)
    fragment = browser.get(f"/applications/{app_id}/forms/{kind}-{ident}", headers=HTMX)
    assert fragment.status_code == 200, fragment.text
    if kind == "debrief":  # the interview is still to come: the form says when it opens
        assert "Debrief it once it has happened" in fragment.text
    else:
        assert 'name="csrf_token"' in fragment.text

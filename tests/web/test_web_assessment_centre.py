"""The web for a UK graduate: an assessment centre and its group exercise, and closed processes."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from nextround.services.applications import get_application
from tests.web.conftest import Browser


def _round_form(page: str) -> str:
    form = re.search(r'<form [^>]*action="/applications/\d+/rounds".*?</form>', page, re.S)
    assert form is not None
    return form.group(0)


def test_an_assessment_centre_is_offered_and_stored_as_the_final_round(
    browser: Browser, sqlite_app: Nextround
):
    # QA17 F4: the assessment centre had no kind; "other" hid the stage graduates fail at.
    app_id = browser.add_application(company="BAE Systems", role_title="Graduate Engineer")
    form = _round_form(browser.get(f"/applications/{app_id}?form=new-round").text)
    assert '<option value="assessment_centre">Assessment centre</option>' in form
    added = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Assessment centre", "kind": "assessment_centre", "started_on": "2026-10-14"},
    )
    assert added.status_code == 303
    with sqlite_app.uow() as uow:
        app = get_application(uow, app_id)
    assert [r.kind.value for r in app.rounds] == ["assessment_centre"]
    assert app.status.value == "final_round"
    page = browser.get(f"/applications/{app_id}?form=new-interview-{app.rounds[0].id}").text
    assert '<option value="group_exercise">Group exercise</option>' in page


def test_a_closed_application_takes_a_round_held_by_the_decision_and_says_how_else(
    browser: Browser, sqlite_app: Nextround
):
    # QA17 F5: the only way offered was to reopen, recording a reopening that never happened.
    app_id = browser.add_application(company="Co-op", role_title="Graduate Analyst")
    closed = browser.post(
        f"/applications/{app_id}/decision", {"outcome": "rejection", "decided_on": "2026-10-28"}
    )
    assert closed.status_code == 303
    page = browser.get(f"/applications/{app_id}?form=new-round").text
    assert "A round or interview held by the decision on" in page
    # The form offers the decision's day, the last a round may start on.
    assert 'value="2026-10-28"' in _round_form(page)
    added = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Online test", "kind": "assessment", "started_on": "2026-10-20"},
    )
    assert added.status_code == 303
    later = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Interview", "kind": "technical", "started_on": "2026-11-02"},
    )
    said = " ".join(later.text.split())
    assert later.status_code >= 400
    assert "after the decision that closed application" in said
    assert "“Reopen” under the decision if the process came back" in said
    with sqlite_app.uow() as uow:
        app = get_application(uow, app_id)
    assert [(r.name, r.outcome.value) for r in app.rounds] == [("Online test", "rejected")]
    assert app.status.value == "rejected"
    assert all(d.reopened_on is None for d in app.decisions)

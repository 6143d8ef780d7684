"""The web for a new graduate: an online assessment is a round kind of its own, and a screen."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from nextround.services.applications import get_application
from tests.web.conftest import Browser


def test_an_online_assessment_is_offered_and_stored_as_a_screen(
    browser: Browser, sqlite_app: Nextround
):
    # QA13 F8: no kind for a HackerRank or Codility test, so it was saved as a take-home.
    app_id = browser.add_application(company="Stripe", role_title="Software Engineer New Grad")
    page = browser.get(f"/applications/{app_id}?form=new-round").text
    form = re.search(r'<form [^>]*action="/applications/\d+/rounds".*?</form>', page, re.S)
    assert form is not None
    assert '<option value="assessment">Online assessment</option>' in form.group(0)
    added = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "HackerRank test", "kind": "assessment", "started_on": "2026-10-11"},
    )
    assert added.status_code == 303
    with sqlite_app.uow() as uow:
        app = get_application(uow, app_id)
    assert [r.kind.value for r in app.rounds] == ["assessment"]
    assert app.status.value == "screening"
    assert "Online assessment · 11 Oct 2026" in browser.get(f"/applications/{app_id}").text

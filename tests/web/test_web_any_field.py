"""The web speaks to a job seeker in any field: panel interviews, job boards, neutral examples."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from nextround.services.applications import get_application
from tests.web.conftest import Browser


def _select(page: str, field: str) -> str:
    found = re.search(rf'<select[^>]*name="{field}"[^>]*>(.*?)</select>', page, re.S)
    assert found is not None, field
    return found.group(1)


def test_the_new_application_form_offers_a_job_board_and_neutral_examples(browser: Browser):
    # QA10 F9: a ward manager read "e.g. Senior Technical Program Manager" and "Senior, L6".
    page = browser.get("/applications").text
    assert '<option value="job_board">Job board</option>' in _select(page, "source")
    assert "e.g. Operations Manager" in page and "e.g. Senior, Band 8a, L6" in page
    assert "Technical Program Manager" not in page


def test_a_panel_interview_is_a_round_kind_and_the_final_round(
    browser: Browser, sqlite_app: Nextround
):
    app_id = browser.add_application(
        company="Barts Health NHS Trust", role_title="Operations Manager", source="job_board"
    )
    page = browser.get(f"/applications/{app_id}").text
    kinds = _select(page, "kind")
    assert '<option value="panel">Panel interview</option>' in kinds
    assert kinds.index('value="final_loop"') < kinds.index('value="panel"')
    assert "e.g. Recruiter screen, Panel interview" in page
    added = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Interview", "kind": "panel", "started_on": "2026-10-14"},
    )
    assert added.status_code == 303
    with sqlite_app.uow() as uow:
        assert get_application(uow, app_id).status.value == "final_round"
    page = browser.get(f"/applications/{app_id}").text
    assert "Panel interview · 14 Oct 2026" in page
    assert "via job board" in page


def test_the_feedback_page_leads_to_the_form_for_feedback_about_no_application(
    browser: Browser,
):
    # QA10 F9: a mentor's words could only be added from the "All feedback" tab.
    page = browser.get("/feedback").text
    link = re.search(
        r'<a class="btn[^"]*" href="([^"]+)">Add feedback \(mentor, self-assessment, review\)</a>',
        page,
    )
    assert link is not None
    path, anchor = link.group(1).split("#")
    assert f'id="{anchor}"' in browser.get(path).text

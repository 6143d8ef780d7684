"""An e-mail pasted again in a real browser: the preview names the copy, the save counts once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.services.applications import add_application
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.services.frameworks import active_framework
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

MAIL = (
    "Strong communicator, but the whiteboard flow lacked structure. "
    "Risk management did not come through."
)


def test_a_recopied_email_is_named_in_the_preview_and_only_its_new_line_is_confirmed(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = start_server(tmp_path)
    nextround = server.nextround
    today = date.today()
    with nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Finch", "role_title": "PM", "applied_on": today - timedelta(30)}
        )
        framework = active_framework(uow)
        add_mapped_feedback(
            uow, MAIL, FeedbackSource.RECRUITER, lambda: nextround.mapper(uow, framework),
            framework.id, links=FeedbackLinks(application_id=app.id),
        )  # fmt: skip
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{app.id}")
        page.click("summary:has-text('Add feedback')")  # closed once there is feedback
        page.fill("#feedback-text", f"Dear Sam,\n\n{MAIL} Your stakeholder map was thorough.")
        page.select_option("#feedback-source", "recruiter")
        page.click("button:has-text('Show suggested competencies')")
        page.wait_for_selector("#feedback-preview")
        note = " ".join(page.inner_text("#feedback-preview .overlap-note").split())
        assert note.startswith("This feedback: 3 of its 4 statements are already in feedback 1")
        tab.shot(shots, "feedback-near-copy")
        # Each statement said before is marked where it is ticked; the new one is not.
        marked = page.locator(".preview-item:has(.said-before)").count()
        assert marked == 3 and page.locator(".preview-item").count() == 4
        assert "Already in feedback 1" in page.inner_text(".preview-item >> nth=0")
        count = page.locator(".preview-item").count()
        for n in range(1, count + 1):  # pick something for each, as a hurried user would
            item = page.locator(".preview-item").nth(n - 1)
            if not item.locator(f"input[name='s{n}-competency']:checked").count():
                page.check(f"#feedback-s{n}-none")
        page.click("button:has-text('Save and confirm')")
        page.wait_for_selector("text=confirmed 1 of its 4")
        flash = " ".join(page.inner_text(".flash-box").split())
        assert "so those 3 statements wait unconfirmed in Feedback" in flash
        page.goto(f"{server.url}/feedback")
        assert page.locator("text=is already in feedback 1").count() == 3
    finally:
        tab.close()
        server.stop()

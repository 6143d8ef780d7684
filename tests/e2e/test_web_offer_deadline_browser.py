"""An offer's answer-by date typed in a real browser, and the reminder it leaves."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.offer_deadline import day_label
from nextround.services.applications import add_application
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_the_decision_form_takes_the_deadline_and_the_page_and_board_remind(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = start_server(tmp_path)
    today = date.today()
    with server.nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Orbital Pay", "role_title": "TPM",
                  "applied_on": today - timedelta(30)},
        )  # fmt: skip
    due = today + timedelta(days=5)
    reminder = f"Offer: answer by {day_label(due, today)} (in 5 days)"
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{app.id}?form=decision#decision")
        page.select_option("#decision-outcome", "offer")
        page.fill("#decision-decided-on", (today - timedelta(days=1)).isoformat())
        page.select_option("#decision-offer-response", "pending")
        page.fill("#decision-answer-by", (today - timedelta(days=3)).isoformat())
        with page.expect_navigation():
            page.click("button:has-text('Save decision')")
        # Refused under the field, saying what to give; nothing recorded.
        error = " ".join(page.inner_text("#decision-answer-by-error").split())
        assert "is before the offer came" in error
        page.fill("#decision-answer-by", due.isoformat())
        with page.expect_navigation():
            page.click("button:has-text('Save decision')")
        assert reminder in " ".join(page.inner_text("#offer-due").split())
        tab.shot(shots, "offer-answer-by")
        page.goto(f"{server.url}/")
        assert reminder in " ".join(page.inner_text(f"#card-{app.id}").split())
    finally:
        tab.close()
        server.stop()

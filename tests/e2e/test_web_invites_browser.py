"""A calendar invite imported in a real browser: chosen, previewed, confirmed; no CSP errors."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.journey import RoundKind
from nextround.services.applications import add_application
from nextround.services.process import add_round
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

INVITES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"


def test_import_an_outlook_invite_from_the_application_page(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = start_server(tmp_path)
    with server.nextround.uow() as uow:
        app = add_application(
            uow,
            {
                "company": "Kornblum GmbH",
                "role_title": "Engineer",
                "applied_on": date.today() - timedelta(30),
            },
        )
        assert app.id is not None
        round_ = add_round(
            uow,
            app.id,
            {
                "name": "Hiring manager",
                "kind": RoundKind.HIRING_MANAGER,
                "started_on": date.today(),
            },
        )
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{app.id}")
        block = page.locator(f"#round-{round_.id}")
        block.locator("summary:has-text('Import calendar invite')").click()
        page.set_input_files(f"#invite-{round_.id}", str(INVITES / "outlook.ics"))
        page.fill(f"#invite-me-{round_.id}", "sam.candidate@mail.example")
        block.locator("button:has-text('Preview the invite')").click()
        page.wait_for_selector("text=Import a calendar invite")
        preview = page.inner_text(".invite-plan")
        assert "Add “Hiring manager interview” (behavioural, 45 min)" in preview
        assert "with Jonas Einhorn" in preview and "Berlin" in preview
        tab.shot(shots, "invite-preview")
        page.locator("button:has-text('Import')").first.click()
        page.wait_for_selector("text=From the invite outlook.ics: Added interview")
        shown = page.inner_text(f"#round-{round_.id}")
        assert "Hiring manager interview" in shown and "Jonas Einhorn" in shown
        assert "Kornblum office, Hafenstrasse 1, Room Elbe" in shown
        assert tab.errors == []
        tab.close()
    finally:
        server.stop()

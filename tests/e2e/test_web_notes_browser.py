"""The notes pages in a real browser: copy puts the text on the clipboard; no CSP errors."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.contacts import ContactRole
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from tests.e2e.test_web_browser import chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_copy_keep_and_mark_a_note_sent(chromium: Any, shots: Path, tmp_path: Path) -> None:  # noqa: F811
    server = start_server(tmp_path)
    with server.nextround.uow() as uow:
        app = add_application(
            uow,
            {
                "company": "Tempoline",
                "role_title": "TPM",
                "applied_on": date.today() - timedelta(30),
            },
        )
        add_contact(uow, "Maya Lindgren", ContactRole.RECRUITER, application_id=app.id)
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{server.url}/applications/{app.id}")
        page.click("a:has-text('Draft a thank-you note')")
        page.wait_for_url(f"**/applications/{app.id}/notes/new")
        copy = page.locator("#draft-1 button:has-text('Copy the text')")
        assert copy.is_visible()  # shown by the script; hidden without JavaScript
        copy.click()
        page.wait_for_selector("#draft-1 button:has-text('Copied')")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.input_value("#keep-1-body")
        assert copied.startswith("Dear Maya,")
        page.fill("#keep-1-body", "Dear Maya, thank you. — my own words")
        page.locator("#draft-1 button:has-text('Keep this note')").click()
        page.wait_for_url("**/notes#note-1")
        assert "my own words" in page.input_value("#note-text-1")
        page.fill("#sent-1-on", date.today().isoformat())
        page.click("button:has-text('Mark as sent')")
        page.wait_for_selector("text=Marked as sent on")
        page.screenshot(path=str(shots / "notes.png"), full_page=True)
        assert errors == [], errors
        # Deleting it takes opening the disclosure and ticking the box.
        page.click("#note-1 summary:has-text('Delete this note')")
        page.click("#note-1 button:has-text('Delete the note')")
        page.wait_for_selector("#delete-1[open] .invalid")
        assert page.evaluate("document.activeElement.id") == "delete-1-confirm"
        page.check("#delete-1-confirm")
        page.click("#note-1 button:has-text('Delete the note')")
        page.wait_for_selector("text=Deleted the note to Maya Lindgren")
        assert page.locator("#note-1").count() == 0
        # The unticked submit came back 422, which the console reports; nothing else may.
        assert [e for e in errors if "status of 422" not in e] == [], errors
    finally:
        context.close()
        server.stop()

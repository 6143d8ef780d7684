"""The People card in a real browser: the forms load with htmx, save, and remove; no CSP errors."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.contacts import ContactRole
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact, list_contacts
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_correct_then_remove_a_person(chromium: Any, shots: Path, tmp_path: Path) -> None:  # noqa: F811
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
        dana = add_contact(
            uow, "Dana Ruiz", ContactRole.HIRING_MANAGER, application_id=app.id, email="d@x.test"
        )
        twin = add_contact(uow, "Dana Ruiz", ContactRole.OTHER, application_id=app.id)
    tab = Tab(chromium)
    page = tab.page
    try:
        page.goto(f"{server.url}/applications/{app.id}")
        person = page.locator(f"#contact-{dana.id}")
        person.locator("summary:has-text('Edit Dana Ruiz')").click()
        # htmx fetches the form into the disclosure when it opens.
        email = f"#edit-contact-{dana.id}-email"
        page.wait_for_selector(email)
        assert page.input_value(email) == "d@x.test"
        page.fill(email, "dana@tempoline.example")
        page.fill(f"#edit-contact-{dana.id}-title", "Engineering manager")
        tab.shot(shots, "people-edit")
        person.locator("button:has-text('Save person')").click()
        page.wait_for_selector("text=Saved Dana Ruiz: email, title.")
        assert "dana@tempoline.example" in page.inner_text(f"#contact-{dana.id}")

        double = page.locator(f"#contact-{twin.id}")
        double.locator("summary:has-text('Remove Dana Ruiz')").click()
        page.wait_for_selector(f"#delete-contact-{twin.id}-confirm")
        page.check(f"#delete-contact-{twin.id}-confirm")
        double.locator("button:has-text('Remove for good')").click()
        page.wait_for_selector("text=Removed Dana Ruiz.")
        assert page.locator(f"#contact-{twin.id}").count() == 0
        with server.nextround.uow() as uow:
            people = list_contacts(uow, app.id)
        assert [(p.id, p.email) for p in people] == [(dana.id, "dana@tempoline.example")]
        tab.close()
    finally:
        server.stop()

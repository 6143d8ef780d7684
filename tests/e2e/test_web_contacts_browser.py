"""The People page in a real browser: on a phone, from the keyboard, with and without a filter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nextround.domain.contacts import ContactRole
from nextround.services.contacts import add_contact, get_contact
from tests.e2e.test_web_browser import Tab, chromium, shots, start_server  # noqa: F401 - fixtures
from tests.e2e.test_web_layout_browser import PHONE, overflow
from tests.integration.people_seed import seed_people

pytestmark = pytest.mark.browser


def test_find_a_person_and_correct_them_on_a_phone_from_the_keyboard(
    chromium: Any,  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    server = start_server(tmp_path)
    ids = seed_people(server.nextround)
    with server.nextround.uow() as uow:
        # A long unbroken word and a long address must wrap, not widen the page.
        add_contact(uow, "Wolfgang " + "W" * 80, ContactRole.PEER, company="Long " + "L" * 80,
                    email=f"{'x' * 60}@example.com")  # fmt: skip
    tab = Tab(chromium, width=PHONE)
    page = tab.page
    try:
        page.goto(f"{server.url}/")
        # The navigation leads there, by keyboard.
        page.focus("nav a[href='/contacts']")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{server.url}/contacts")
        assert page.locator("nav a[aria-current='page']").inner_text() == "People"
        assert "5 people at 3 companies" in page.inner_text("#people-count")
        assert overflow(page) == 0
        tab.shot(shots, "people-phone")

        # A plain form: typing and Enter filters, without any script.
        page.fill("#filter-q", "orbital")
        page.keyboard.press("Enter")
        page.wait_for_url("**/contacts?q=orbital*")
        assert "2 people at 1 company (of 5)" in page.inner_text("#people-count")
        page.select_option("#filter-sort", "recent")
        page.click("button:has-text('Apply filters')")
        page.wait_for_url("**sort=recent*")
        names = page.locator("#results li strong a").all_inner_texts()
        assert names == ["Zoe Park", "Ravi Menon"]

        page.click("text=Zoe Park")
        page.wait_for_url(f"{server.url}/contacts/{ids.zoe}")
        assert overflow(page) == 0
        assert "Thanks, Zoe Park" in page.inner_text("#notes")
        # The edit form opens from the keyboard and saves.
        page.focus("#edit summary")
        page.keyboard.press("Enter")
        email = f"#edit-contact-{ids.zoe}-email"
        page.wait_for_selector(email)
        page.fill(email, "zoe.park@orbital.example")
        tab.shot(shots, "person-edit-phone")
        page.click("button:has-text('Save person')")
        page.wait_for_selector("text=Saved Zoe Park: email.")
        assert page.url == f"{server.url}/contacts/{ids.zoe}"
        with server.nextround.uow() as uow:
            assert get_contact(uow, ids.zoe).email == "zoe.park@orbital.example"
        assert overflow(page) == 0

        page.goto(f"{server.url}/contacts/999")
        assert "There is no contact with id 999." in page.inner_text("main")
        page.click("text=Everyone you met")
        page.wait_for_url(f"{server.url}/contacts")
        tab.close()
    finally:
        server.stop()

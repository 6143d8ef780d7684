"""Addresses that only receive forms: reloaded, bookmarked or reached with Back, they lead to
the page the form is on, and a page answering a form shows that page's address."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import Browser


def _address(html: str) -> str | None:
    """The address a page answering a form takes (static/address.js reads it)."""
    match = re.search(r'<body [^>]*data-address="([^"]*)"', html)
    return match.group(1) if match else None


def _process(browser: Browser) -> tuple[int, int, int]:
    """An application with a round and an interview: their ids."""
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    made = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Whiteboard", "scheduled_at": "2026-10-05T10:00"},
    )
    interview_id = int(made.headers["location"].rsplit("-", 1)[1])
    page = browser.get(f"/applications/{app_id}").text
    round_id = int(re.search(r'id="round-(\d+)"', page).group(1))  # type: ignore[union-attr]
    return app_id, round_id, interview_id


@pytest.mark.parametrize(
    ("address", "page"),
    [
        ("/applications/{app}/rounds", "/applications/{app}"),
        ("/applications/{app}/interviews", "/applications/{app}"),
        ("/applications/{app}/decision", "/applications/{app}"),
        ("/applications/{app}/edit", "/applications/{app}"),
        ("/applications/{app}/contacts", "/applications/{app}"),
        ("/applications/{app}/notes", "/applications/{app}/notes/new"),
        ("/rounds/{round}", "/applications/{app}#round-{round}"),
        ("/rounds/{round}/delete", "/rounds/{round}"),
        ("/interviews/{interview}/debrief", "/interviews/{interview}"),
        ("/interviews/{interview}", "/applications/{app}#interview-{interview}"),
        ("/options/weights", "/options"),
        ("/options/define", "/options"),
        ("/options/rate/{app}", "/options"),
        ("/data/import", "/data"),
        ("/frameworks/import", "/frameworks"),
        ("/feedback/new/preview", "/feedback"),
        ("/notes/sender", "/notes"),
        ("/plan/done", "/plan"),
    ],
)
def test_opening_a_form_address_leads_to_the_forms_page(
    browser: Browser, address: str, page: str
) -> None:
    app_id, round_id, interview_id = _process(browser)
    ids = {"app": app_id, "round": round_id, "interview": interview_id}
    response = browser.get(address.format(**ids), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == page.format(**ids)


def test_a_form_address_reloaded_after_an_error_shows_the_application(browser: Browser) -> None:
    app_id = browser.add_application()
    refused = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Future", "kind": "screen", "started_on": "2026-12-20", "outcome": "passed"},
    )
    assert refused.status_code == 422
    assert _address(refused.text) == f"/applications/{app_id}"
    assert "address.js" in refused.text
    reloaded = browser.get(f"/applications/{app_id}/rounds", follow_redirects=True)
    assert reloaded.status_code == 200
    assert str(reloaded.url).endswith(f"/applications/{app_id}")
    assert "Method Not Allowed" not in reloaded.text


def test_pages_keep_their_own_address_and_plain_pages_take_none(browser: Browser) -> None:
    refused = browser.post("/applications", {"company": "", "role_title": "", "applied_on": ""})
    assert refused.status_code == 422 and _address(refused.text) == "/applications"
    # A framework's page is /frameworks/ID; the import form is on /frameworks, not "import".
    imported = browser.post("/frameworks/import", {})
    assert imported.status_code == 422 and _address(imported.text) == "/frameworks"
    shown = browser.get("/applications").text
    assert _address(shown) is None and "address.js" not in shown
    htmx = browser.post(
        "/applications", {"company": ""}, headers={"hx-request": "true", "hx-target": "body"}
    )
    assert _address(htmx.text) is None


def test_other_methods_get_a_plain_words_page_in_the_layout(browser: Browser) -> None:
    app_id = browser.add_application()
    response = browser.client.put(f"/applications/{app_id}/rounds")
    assert response.status_code == 405
    text = response.text
    assert "This address only receives forms" in text and "Method Not Allowed" not in text
    assert f'href="/applications/{app_id}">Go to the form&#39;s page</a>' in text
    assert 'class="topbar"' in text  # the app's own layout, with its navigation
    posted = browser.post("/profile", {})
    assert posted.status_code == 405 and 'href="/profile">Go to the form' in posted.text


def test_a_deleted_rounds_address_says_it_is_not_there(browser: Browser) -> None:
    assert browser.get("/rounds/999").status_code == 404
    assert browser.get("/interviews/999/debrief", follow_redirects=True).status_code == 404
    # A form sent to a fixed address about something unknown is still a plain 404.
    missing = browser.post("/plan/done", {"action": "mitigate:nothing"})
    assert missing.status_code == 404 and "This address only receives forms" not in missing.text

"""Wording on the pages: names as their owners spell them, messages that say what happened."""

from __future__ import annotations

import html
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.note_sender import get_sender
from tests.web.conftest import Browser, field_error


def _error(page: str, field_id: str) -> str:
    return html.unescape(field_error(page, field_id) or "")


def test_a_round_not_yet_added_is_named_not_numbered(browser: Browser) -> None:
    app_id = browser.add_application()
    refused = browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Future", "kind": "screen", "started_on": "2026-12-20", "outcome": "passed"},
    )
    assert _error(refused.text, "new-round-outcome") == (
        "Round 'Future' starts on 2026-12-20, so it cannot be passed yet; record its outcome "
        "once it has happened"
    )


def test_a_framework_is_named_in_quotes_mid_sentence(browser: Browser) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    refused = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Panel", "competencies": "risk managment"},
    )
    assert _error(refused.text, "new-interview-1-competencies").startswith(
        "'risk managment' is not a competency of “nextround core interview competencies”"
    )


def test_linkedin_is_spelled_as_its_owner_does_and_no_source_says_nothing(
    browser: Browser,
) -> None:
    assert '<option value="linkedin">LinkedIn</option>' in browser.get("/applications").text
    via = browser.add_application(source="linkedin")
    assert "<span>via LinkedIn</span>" in browser.get(f"/applications/{via}").text
    plain = browser.get(f"/applications/{browser.add_application()}").text
    assert "via other" not in plain and "<span>via " not in plain


def test_the_empty_dashboard_says_where_the_demo_is_started(browser: Browser) -> None:
    page = browser.get("/").text
    assert "Nothing tracked yet" in page
    assert "in the terminal where nextround runs, stop it with Ctrl+C" in page
    assert "separate demo database, so this one stays empty" in page


def test_a_link_with_spaces_in_it_is_told_so(browser: Browser) -> None:
    refused = browser.post(
        "/applications",
        {
            "company": "Acme",
            "role_title": "TPM",
            "applied_on": "2026-10-01",
            "posting_url": 'https://x.example/" onmouseover="alert(1)',
        },
    )
    error = _error(refused.text, "new-app-posting-url")
    assert "is not a web address: it has a space in it" in error
    assert "start it with https://" not in error


def test_a_sender_on_two_lines_is_refused_and_told_why(
    browser: Browser, sqlite_app: Nextround
) -> None:
    refused = browser.post("/notes/sender", {"sender": "Nadia <n@x.test>\nBcc: all@x.test"})
    assert refused.status_code == 422
    assert _error(refused.text, "sender-sender").startswith(
        "The sender is written on 2 lines ('Nadia <n@x.test>', then 'Bcc: all@x.test'); "
        "give one line"
    )
    with sqlite_app.uow() as uow:
        assert get_sender(uow) is None


def test_the_note_page_says_what_moment_the_note_is_for(
    browser: Browser, sqlite_app: Nextround
) -> None:
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2026, 9, 1)}
        )
        add_contact(uow, "Maya", ContactRole.RECRUITER, application_id=app.id)
    page = browser.get(f"/applications/{app.id}/notes/new").text
    assert '<span id="tone-caption" class="muted">Written for the moment:</span>' in page
    assert ">After an interview</a>" in page and ">After interview<" not in page
    fields = {"variant": "1", "tone": "after_interview", "subject": "Thanks", "body": "Hi"}
    browser.post(f"/applications/{app.id}/notes", fields)
    assert "To Maya · after an interview · " in browser.get("/notes").text

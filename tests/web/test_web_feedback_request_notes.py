"""A feedback request kept from the application's page, listed in Notes and marked sent there."""

from __future__ import annotations

import html
import re
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Outcome, RoundKind
from nextround.domain.notes import NoteKind
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.notes import list_notes
from nextround.services.process import add_interview, add_round, set_decision
from tests.web.conftest import Browser


def html_text(page: str) -> str:
    """The page's words as a reader sees them: no tags, one space between words."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _rejected(nextround: Nextround) -> int:
    """A "no" after an assessment centre, with the recruiter on record and no feedback."""
    with nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2026, 9, 1)}
        )
        assert app.id is not None
        add_contact(uow, "Maya Lindgren", ContactRole.RECRUITER, application_id=app.id)
        add_round(
            uow,
            app.id,
            {
                "name": "Assessment centre",
                "kind": RoundKind.OTHER,
                "started_on": date(2026, 11, 10),
            },
        )
        add_interview(uow, app.id, 1, {"title": "Group exercise"})
        set_decision(uow, app.id, Outcome.REJECTION, date(2026, 11, 20))
        return app.id


def test_the_request_is_kept_from_the_application_page_and_marked_sent_in_notes(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _rejected(sqlite_app)
    page = browser.get(f"/applications/{app_id}").text
    assert f'action="/applications/{app_id}/feedback-request"' in page
    kept = browser.post(f"/applications/{app_id}/feedback-request", {"sent_on": ""})
    assert kept.status_code == 303
    assert kept.headers["location"].startswith("/notes#note-")
    with sqlite_app.uow() as uow:
        (item,) = list_notes(uow)
    assert item.note.kind is NoteKind.FEEDBACK_REQUEST and item.note.sent_on is None
    notes = html_text(browser.get("/notes").text)
    assert "Feedback request · To Maya Lindgren · feedback request after a rejection" in notes
    # The application's page says it is kept, and offers no second "Keep".
    page = browser.get(f"/applications/{app_id}").text
    assert "Feedback request kept, not sent yet." in html_text(page)
    assert f'action="/applications/{app_id}/feedback-request"' not in page
    done = browser.post(f"/notes/{item.note.id}/sent", {"on": "2026-11-24"})
    assert done.status_code == 303
    page = html_text(browser.get(f"/applications/{app_id}").text)
    assert "Feedback request sent" in page
    assert "No feedback is on record for" not in page  # asked already: no draft shown


def test_keeping_a_second_request_says_which_is_kept(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _rejected(sqlite_app)
    browser.post(f"/applications/{app_id}/feedback-request", {"sent_on": "2026-11-22"})
    again = browser.post(f"/applications/{app_id}/feedback-request", {"sent_on": ""})
    assert again.status_code == 303
    shown = html_text(browser.client.get(again.headers["location"]).text)
    assert "already has a feedback request kept, note 1 (sent on 2026-11-22)" in shown
    with sqlite_app.uow() as uow:
        assert len(list_notes(uow)) == 1


def test_a_request_for_an_application_without_a_rejection_is_refused(
    browser: Browser, sqlite_app: Nextround
) -> None:
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Arden", "role_title": "Analyst", "applied_on": date(2026, 11, 1)}
        )
    refused = browser.post(f"/applications/{app.id}/feedback-request", {})
    shown = html_text(browser.client.get(refused.headers["location"]).text)
    assert "has no rejection on record" in shown
    bad_day = browser.post(f"/applications/{app.id}/feedback-request", {"sent_on": "soon"})
    assert "Nothing was kept" in html_text(browser.client.get(bad_day.headers["location"]).text)
    with sqlite_app.uow() as uow:
        assert list_notes(uow) == []

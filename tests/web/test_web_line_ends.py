"""Text typed in the browser is stored with LF line ends, as the command line stores it."""

from __future__ import annotations

from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.journey import WorkMode
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.notes import list_notes
from tests.web.conftest import Browser
from tests.web.test_web_feedback import picks

# What a browser sends for a textarea (CRLF), with an old Mac line end (CR) as well.
TYPED = "Hi Nadia,\r\n\r\nThank you for the call.\rIt helped."
STORED = "Hi Nadia,\n\nThank you for the call.\nIt helped."


def test_feedback_is_stored_with_newlines_and_offsets_into_them(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    text = "Strong communicator.\r\n\r\nThe whiteboard flow lacked structure."
    data = {"text": text, "source": "interviewer", "received_on": "2026-10-10"}
    preview = browser.post(f"/applications/{app_id}/feedback/preview", data)
    fields = {**data, **picks(preview.text), "s1-none": "1", "s2-none": "1", "confirm": "all"}
    assert browser.post(f"/applications/{app_id}/feedback", fields).status_code == 303
    with sqlite_app.uow() as uow:
        (item,) = uow.feedback.list()
        statements = uow.statements.for_feedback(item.id)
    assert item.text == "Strong communicator.\n\nThe whiteboard flow lacked structure."
    # The offsets point into the stored text, as they do for the same text from the CLI.
    assert [item.text[s.start : s.end] for s in statements] == [s.text for s in statements]


def test_notes_debriefs_stories_and_application_text_have_newlines(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(notes=TYPED, posting_text=TYPED)
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    made = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Whiteboard", "scheduled_at": "2026-10-05T10:00"},
    )
    interview_id = int(made.headers["location"].rsplit("-", 1)[1])
    debriefed = browser.post(
        f"/interviews/{interview_id}/debrief",
        {"overall": "3", "went_well": TYPED, "went_badly": TYPED, "questions": "A?\r\nB?"},
    )
    assert debriefed.status_code == 303, debriefed.text
    story = {"title": "Onboarding", "situation": TYPED, "task": "T", "action": TYPED}
    assert browser.post("/stories", {**story, "result": "R"}).status_code == 303
    with sqlite_app.uow() as uow:
        app = uow.applications.get(app_id)
        debrief = uow.debriefs.for_interview(interview_id)
        (kept_story,) = uow.stories.all()
    assert app.notes == STORED and app.posting_text == STORED
    assert debrief.went_well == STORED and debrief.went_badly == STORED
    assert [q.text for q in debrief.questions] == ["A?", "B?"]
    assert kept_story.situation == STORED and kept_story.action == STORED


def test_a_kept_thank_you_note_has_newlines(browser: Browser, sqlite_app: Nextround) -> None:
    with sqlite_app.uow() as uow:
        app = add_application(
            uow,
            {
                "company": "Tempoline",
                "role_title": "TPM",
                "applied_on": date(2026, 9, 1),
                "work_mode": WorkMode.ONSITE,
            },
        )
        add_contact(uow, "Nadia", ContactRole.RECRUITER, application_id=app.id)
    fields = {"variant": "1", "tone": "after_interview", "subject": "Thanks", "body": TYPED}
    assert browser.post(f"/applications/{app.id}/notes", fields).status_code == 303
    with sqlite_app.uow() as uow:
        (note,) = list_notes(uow)
    assert note.note.body == STORED

"""A late thank-you (QA8 F7): past a few days the drafts check in, or the note is skipped."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Interviewer, RoundKind
from nextround.domain.note_timing import LATE_AFTER_DAYS, late_note
from nextround.domain.notes import Tone
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.process import add_interview, add_round
from tests.unit.fakes_full import FakeFullUnitOfWork

TODAY = date(2026, 11, 27)


def test_a_note_within_the_threshold_is_not_late():
    held = TODAY - timedelta(days=LATE_AFTER_DAYS)
    assert late_note(held, TODAY, "the hiring manager round", None) is None


def test_a_late_note_says_how_late_and_how_to_thank_anyway():
    late = late_note(TODAY - timedelta(days=15), TODAY, "the hiring manager round", None)
    assert late is not None
    assert late.text.startswith("the hiring manager round was 15 days ago")
    assert "check in" in late.text
    assert late.cli_hint == "--tone after-interview drafts a plain thank-you anyway"


def test_a_late_note_when_a_later_round_is_set_suggests_skipping_it():
    late = late_note(TODAY - timedelta(days=15), TODAY, "the HM round", "the onsite (round 3)")
    assert late is not None
    assert "already through to the onsite (round 3)" in late.text and "skipped" in late.text


def _process(uow: FakeFullUnitOfWork, held: datetime, *, later_round: bool = False) -> int:
    with uow:
        app = add_application(
            uow,
            {
                "company": "Wayvale",
                "role_title": "Product Manager",
                "applied_on": date(2026, 10, 1),
            },
        )
        add_contact(uow, "Marcus Webb", ContactRole.HIRING_MANAGER, application_id=app.id)
        add_round(uow, app.id, {"name": "Hiring manager", "kind": RoundKind.HIRING_MANAGER,
                                "started_on": held.date()})  # fmt: skip
        details = {"title": "HM interview", "scheduled_at": held}
        add_interview(uow, app.id, None, {**details, "interviewers": [Interviewer("Marcus Webb")]})
        if later_round:
            add_round(uow, app.id, {"name": "Virtual onsite", "kind": RoundKind.FINAL_LOOP,
                                    "started_on": held.date() + timedelta(days=20)})  # fmt: skip
        uow.commit()
        assert app.id is not None
        return app.id


def _uow() -> FakeFullUnitOfWork:
    uow = FakeFullUnitOfWork()
    uow.clock_now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    return uow


def test_a_thank_you_two_days_on_is_an_after_interview_note():
    uow = _uow()
    drafts = draft_notes(uow, NoteRequest(_process(uow, datetime(2026, 11, 25, 14, tzinfo=UTC))))
    assert drafts.facts.tone is Tone.AFTER_INTERVIEW and drafts.late is None


@pytest.mark.parametrize("later_round", [False, True])
def test_a_thank_you_fifteen_days_on_checks_in_and_says_why(later_round):
    uow = _uow()
    held = datetime(2026, 11, 12, 14, tzinfo=UTC)
    app_id = _process(uow, held, later_round=later_round)
    drafts = draft_notes(uow, NoteRequest(app_id, round_position=1))
    assert drafts.facts.tone is Tone.CHECK_IN
    assert drafts.late is not None and "15 days ago" in drafts.late.text
    assert ("skipped" in drafts.late.text) is later_round
    for draft in drafts.drafts:
        assert "look forward to hearing about the next steps" not in draft.body.lower()
    # Asked for by name, the thank-you is drafted as asked, with no caution.
    asked = draft_notes(uow, NoteRequest(app_id, round_position=1, tone=Tone.AFTER_INTERVIEW))
    assert asked.facts.tone is Tone.AFTER_INTERVIEW and asked.late is None


def test_a_check_in_is_refused_for_a_running_process_that_is_not_late():
    uow = _uow()
    app_id = _process(uow, datetime(2026, 11, 26, 14, tzinfo=UTC))
    with pytest.raises(DomainError, match="check-in"):
        draft_notes(uow, NoteRequest(app_id, tone=Tone.CHECK_IN))

"""Feedback requests kept as notes: their kind, one per application, and the plan ticked off."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Outcome, RoundKind
from nextround.domain.notes import Note, NoteKind, Recipient, Tone
from nextround.domain.plan import build_plan
from nextround.domain.profile import build_profile
from nextround.errors import DomainError, NotFoundError
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.feedback_request import (
    draft_request,
    feedback_asks,
    requests_sent,
    save_request,
    worth_asking,
)
from nextround.services.notes import list_notes, mark_sent
from nextround.services.process import add_round, set_decision
from tests.unit.fakes_full import FakeFullUnitOfWork
from tests.unit.growth_fixtures import FRAMEWORK

DECIDED = date(2026, 11, 20)  # five days before the fakes' today


@pytest.fixture
def uow() -> FakeFullUnitOfWork:
    return FakeFullUnitOfWork()


def _rejected(uow: FakeFullUnitOfWork, kind: RoundKind = RoundKind.PANEL) -> int:
    with uow:
        app = add_application(
            uow,
            {"company": "Halvorsen", "role_title": "Data Lead", "applied_on": date(2026, 10, 1)},
        )
        assert app.id is not None
        add_round(uow, app.id, {"name": "Panel", "kind": kind, "started_on": date(2026, 11, 10)})
        set_decision(uow, app.id, Outcome.REJECTION, DECIDED)
        return app.id


def test_a_note_is_a_thank_you_unless_said_otherwise():
    note = Note(1, Tone.AFTER_REJECTION, "Thanks", "Thank you.", [Recipient("Ines Duarte")])
    assert note.kind is NoteKind.THANK_YOU and not note.is_feedback_request
    assert (NoteKind.THANK_YOU.words, NoteKind.FEEDBACK_REQUEST.words) == (
        "thank-you",
        "feedback request",
    )


def test_a_request_may_go_to_the_team_but_a_thank_you_needs_someone():
    request = Note(
        1, Tone.AFTER_REJECTION, "Feedback", "Dear team,", kind=NoteKind.FEEDBACK_REQUEST
    )
    request.check()  # addressed to the recruitment team, as its greeting says
    thanks = Note(1, Tone.AFTER_REJECTION, "Thanks", "Thank you.")
    with pytest.raises(DomainError, match="at least one recipient"):
        thanks.check()


def test_a_saved_request_is_listed_with_its_kind_and_to_the_team(uow):
    app_id = _rejected(uow)
    with uow:
        note = save_request(uow, draft_request(uow, app_id))
    with uow:
        (item,) = list_notes(uow)
    assert item.note.id == note.id and item.note.kind is NoteKind.FEEDBACK_REQUEST
    assert item.to == "the Halvorsen recruitment team"
    assert item.label.startswith(f"feedback request, note {note.id} to the Halvorsen")
    assert item.note.sent_on is None


def test_a_request_goes_to_the_recruiter_on_record(uow):
    app_id = _rejected(uow)
    with uow:
        add_contact(uow, "Ines Duarte", ContactRole.RECRUITER, application_id=app_id)
        note = save_request(uow, draft_request(uow, app_id), sent_on=DECIDED)
    assert [r.name for r in note.recipients] == ["Ines Duarte"]
    assert note.body.startswith("Dear Ines,") and note.sent_on == DECIDED


def test_saving_a_second_request_names_the_one_kept(uow):
    app_id = _rejected(uow)
    with uow:
        first = save_request(uow, draft_request(uow, app_id))
    with pytest.raises(DomainError) as caught, uow:
        save_request(uow, draft_request(uow, app_id))
    said = caught.value.for_cli()
    assert f"already has a feedback request kept, note {first.id} (not sent yet)" in said
    assert f"`nextround note rm {first.id}`" in said
    with uow:
        assert len(list_notes(uow)) == 1


def test_no_request_for_an_unknown_application_or_one_without_a_rejection(uow):
    with pytest.raises(NotFoundError), uow:
        draft_request(uow, 9)
    with uow:
        app = add_application(
            uow, {"company": "Arden", "role_title": "Analyst", "applied_on": date(2026, 11, 1)}
        )
        assert app.id is not None
    with pytest.raises(DomainError, match="has no rejection on record"), uow:
        draft_request(uow, app.id)


def test_only_a_request_marked_sent_takes_the_rejection_off_the_plan(uow):
    app_id = _rejected(uow)
    with uow:
        note = save_request(uow, draft_request(uow, app_id))
    with uow:
        # Kept but not sent: still to ask.
        assert [a.application_id for a in feedback_asks(uow)] == [app_id]
        assert requests_sent(uow) == {}
        assert worth_asking(uow, uow.applications.get(app_id))
    with uow:
        assert note.id is not None
        mark_sent(uow, note.id, date(2026, 11, 24))
    with uow:
        assert feedback_asks(uow) == []
        assert requests_sent(uow) == {app_id: date(2026, 11, 24)}
        assert not worth_asking(uow, uow.applications.get(app_id))


def test_the_open_ask_is_ticked_off_the_day_the_request_went_out(uow):
    app_id = _rejected(uow)
    with uow:
        (ask,) = feedback_asks(uow)
    profile = build_profile([], FRAMEWORK, date(2026, 11, 25))
    plan = build_plan(profile, FRAMEWORK, [], [], date(2026, 11, 21), asks=[ask])
    (action,) = plan
    ticked = build_plan(
        profile, FRAMEWORK, [], plan, date(2026, 11, 25), requested={app_id: date(2026, 11, 24)}
    )
    assert ticked == [replace(action, done_on=date(2026, 11, 24))]
    # A request said sent before the action was written is done the day it was written.
    early = build_plan(
        profile, FRAMEWORK, [], plan, date(2026, 11, 25), requested={app_id: date(2026, 11, 20)}
    )
    assert [a.done_on for a in early] == [date(2026, 11, 21)]
    # Another application's request ticks nothing: the action just goes with its reason.
    assert (
        build_plan(profile, FRAMEWORK, [], plan, date(2026, 11, 25), requested={99: DECIDED}) == []
    )

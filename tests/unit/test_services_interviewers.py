"""Interviewers named on interviews become people of their application, once each."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Interviewer, RoundKind
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact, add_person, edit_contact, remove_contact
from nextround.services.interviewers import adopt_interviewers, waiting_interviewers
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.note_recipients import note_people
from nextround.services.process import (
    add_round,
    change_interview,
    edit_interview,
    record_interview,
)
from tests.unit.fakes_full import FakeFullUnitOfWork


@pytest.fixture
def uow() -> FakeFullUnitOfWork:
    return FakeFullUnitOfWork()


@pytest.fixture
def app_id(uow) -> int:
    with uow:
        app = add_application(
            uow, {"company": "Fernhill", "role_title": "Ops", "applied_on": date(2026, 9, 1)}
        )
        add_round(uow, app.id, {"name": "Final loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2026, 10, 5)})  # fmt: skip
    assert app.id is not None
    return app.id


def _held(uow) -> object:
    return uow.clock_now - timedelta(days=30)


def _people(uow, app_id) -> list[tuple[str, str | None, str]]:
    return [(c.name, c.title, c.role.value) for c in uow.contacts.list(app_id)]


def test_interviewers_become_people_of_the_application_once(uow, app_id):
    with uow:
        add_contact(uow, "Clara Jung", ContactRole.HIRING_MANAGER, application_id=app_id)
        first = record_interview(uow, app_id, None, {
            "title": "Panel", "scheduled_at": _held(uow),
            "interviewers": [Interviewer("Ravi Menon", "Director"),
                             Interviewer("clara  JUNG", "Head")],
        })  # fmt: skip
        second = record_interview(uow, app_id, None, {
            "title": "Case", "scheduled_at": _held(uow),
            "interviewers": [Interviewer("Ravi Menon"), Interviewer("Oliver Grant")],
        })  # fmt: skip
    assert [c.name for c in first.new_people] == ["Ravi Menon"]
    assert [c.name for c in second.new_people] == ["Oliver Grant"]
    # Clara reused (her missing title filled in from the interview), Ravi made once.
    assert _people(uow, app_id) == [
        ("Clara Jung", "Head", "hiring_manager"),
        ("Oliver Grant", None, "interviewer"),
        ("Ravi Menon", "Director", "interviewer"),
    ]
    ids = {c.name: c.id for c in uow.contacts.list(app_id)}
    assert [p.contact_id for p in first.interview.interviewers] == [
        ids["Ravi Menon"],
        ids["Clara Jung"],
    ]
    assert uow.contacts.get(ids["Ravi Menon"]).company == "Fernhill"
    assert waiting_interviewers(uow) == {}


def test_a_refused_interview_adds_nobody(uow, app_id):
    with uow, pytest.raises(DomainError, match="listed twice"):
        record_interview(uow, app_id, None, {
            "title": "Panel",
            "interviewers": [Interviewer("Ravi Menon"), Interviewer("ravi menon")],
        })  # fmt: skip
    with uow, pytest.raises(DomainError, match="before its round"):
        record_interview(uow, app_id, None, {
            "title": "Panel", "scheduled_at": _held(uow) - timedelta(days=60),
            "interviewers": [Interviewer("Ravi Menon")],
        })  # fmt: skip
    assert uow.contacts.list(app_id) == []


def test_retyping_the_interviewers_keeps_the_links_even_after_a_rename(uow, app_id):
    with uow:
        made = record_interview(uow, app_id, None, {
            "title": "Panel", "interviewers": [Interviewer("Ravi Menon")],
        })  # fmt: skip
    ravi = made.new_people[0]
    with uow:
        edit_contact(uow, ravi.id, {"name": "Ravi Menon-Smith"})
    with uow:
        # As the web form sends them back: names only, no links.
        saved = change_interview(uow, made.interview.id, {
            "interviewers": [Interviewer("Ravi Menon"), Interviewer("Hannah Vogel")],
        })  # fmt: skip
    assert [c.name for c in saved.new_people] == ["Hannah Vogel"]
    assert saved.interview.interviewers[0].contact_id == ravi.id
    assert len(uow.contacts.list(app_id)) == 2


def test_adding_an_interviewer_by_hand_completes_their_contact(uow, app_id):
    with uow:
        made = record_interview(uow, app_id, None, {
            "title": "HM chat", "interviewers": [Interviewer("Anja Weber")],
        })  # fmt: skip
        added = add_person(
            uow, "Anja Weber", ContactRole.HIRING_MANAGER, email="anja@f.example",
            application_id=app_id,
        )  # fmt: skip
    assert added.contact.id == made.new_people[0].id
    assert added.completed == ["role", "email"]
    assert _people(uow, app_id) == [("Anja Weber", None, "hiring_manager")]
    # Another address is another person who shares the name: a record of their own.
    with uow:
        other = add_person(uow, "Anja Weber", email="a.weber@x.example", application_id=app_id)
    assert other.completed == [] and other.contact.id != added.contact.id


def test_a_recruiter_met_in_an_interview_is_completed_too_not_doubled(uow, app_id):
    with uow:
        made = record_interview(uow, app_id, None, {
            "title": "Intro call", "scheduled_at": _held(uow),
            "interviewers": [Interviewer("Maya Lindgren", "Talent Acquisition Partner")],
        })  # fmt: skip
        added = add_person(
            uow, "Maya Lindgren", ContactRole.TALENT_ACQUISITION, email="maya@f.example",
            title="TA Partner", application_id=app_id,
        )  # fmt: skip
    # Her title made her talent acquisition on the interview; typed again, she is completed.
    assert added.contact.id == made.new_people[0].id
    assert added.completed == ["title", "email"]
    assert _people(uow, app_id) == [("Maya Lindgren", "TA Partner", "talent_acquisition")]


def test_a_thank_you_goes_to_the_interviewers_contact_with_the_email_added_later(uow, app_id):
    with uow:
        made = record_interview(uow, app_id, None, {
            "title": "Panel", "scheduled_at": _held(uow),
            "interviewers": [Interviewer("Ravi Menon", "Director")],
        })  # fmt: skip
        record_interview(uow, app_id, None, {
            "title": "Later", "scheduled_at": uow.clock_now + timedelta(days=3),
            "interviewers": [Interviewer("Tobiah Renwick")],
        })  # fmt: skip
    ravi = made.new_people[0]
    with uow:
        edit_contact(uow, ravi.id, {"email": "ravi@f.example"})
        drafts = draft_notes(uow, NoteRequest(app_id))
        offered = [r.name for r in note_people(uow, app_id)]
    assert [(r.name, r.email, r.contact_id) for r in drafts.facts.recipients] == [
        ("Ravi Menon", "ravi@f.example", ravi.id)
    ]
    # A contact met only in an interview still ahead is not offered, as before.
    assert offered == ["Ravi Menon"]
    with uow, pytest.raises(DomainError, match="which has not happened yet"):
        draft_notes(uow, NoteRequest(app_id, to=("Tobiah",)))


def test_interviewers_recorded_before_become_people_on_request_and_only_once(uow, app_id):
    with uow:
        made = record_interview(uow, app_id, None, {
            "title": "Panel",
            "interviewers": [Interviewer("Ravi Menon"), Interviewer("Clara Jung", "Head")],
        })  # fmt: skip
    with uow:
        # As a record made before interviewers became contacts: names without links.
        for contact in uow.contacts.list(app_id):
            remove_contact(uow, contact.id)
        add_contact(uow, "Clara Jung", ContactRole.HIRING_MANAGER, application_id=app_id)
    # Adding Clara by hand linked her; Ravi is waiting.
    assert waiting_interviewers(uow) == {app_id: ["Ravi Menon"]}
    with uow:
        added = adopt_interviewers(uow)
    assert [c.name for c in added] == ["Ravi Menon"]
    assert waiting_interviewers(uow, app_id) == {}
    with uow:
        assert adopt_interviewers(uow, app_id) == []
    stored = uow.applications.get(app_id).rounds[0].interviews[0]
    assert stored.id == made.interview.id
    assert all(p.contact_id is not None for p in stored.interviewers)
    with uow:
        edit_interview(uow, stored.id, {"title": "Panel day"})  # no interviewers: none added
    assert len(uow.contacts.list(app_id)) == 2

"""Contact use cases on the in-memory fakes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.journey import Interviewer, RoundKind
from nextround.domain.notes import Note, Recipient, Tone
from nextround.errors import DomainError, NotFoundError
from nextround.services.applications import add_application
from nextround.services.contacts import (
    RemovedContact,
    add_contact,
    contact_record,
    edit_contact,
    get_contact,
    list_contacts,
    remove_contact,
)
from nextround.services.process import add_interview, add_round
from tests.unit.fakes import FAKE_NOW
from tests.unit.fakes_full import FakeFullUnitOfWork


def test_contact_of_an_application_takes_its_company(uow):
    with uow:
        app = add_application(
            uow, {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2025, 5, 6)}
        )
        maya = add_contact(uow, "Maya", ContactRole.TALENT_ACQUISITION, application_id=app.id)
        sam = add_contact(uow, "Sam", ContactRole.MENTOR, company="Elsewhere")
    assert (maya.id, maya.company, maya.application_id) == (1, "Tempoline", app.id)
    assert (sam.company, sam.application_id) == ("Elsewhere", None)
    with uow:
        assert [c.name for c in list_contacts(uow)] == ["Maya", "Sam"]
        assert [c.name for c in list_contacts(uow, app.id)] == ["Maya"]


def test_refused_contacts_write_nothing(uow):
    with uow, pytest.raises(NotFoundError, match="no application with id 4"):
        add_contact(uow, "Maya", application_id=4)
    with uow, pytest.raises(DomainError, match=r"not an address like name@example\.com"):
        add_contact(uow, "Maya", email="maya-at-example")
    assert uow.stored.contacts == {}
    assert not uow.committed
    with uow, pytest.raises(NotFoundError):
        list_contacts(uow, 4)


# -- correcting and removing people ---------------------------------------------------------------

LATER = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def full() -> FakeFullUnitOfWork:
    return FakeFullUnitOfWork()


@dataclass
class Met:
    """Ids in the `met` record."""

    app: int
    other_app: int
    dana: int
    maya: int
    screen: int
    loop: int
    note: int


@pytest.fixture
def met(full) -> Met:
    """Dana sat on two interviews and got a note with Maya; Kwame became a contact by it."""
    with full:
        app = add_application(
            full, {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2025, 5, 6)}
        )
        other = add_application(
            full, {"company": "Orbitra", "role_title": "PM", "applied_on": date(2025, 5, 7)}
        )
        dana = add_contact(
            full, "Dana Ruiz", ContactRole.HIRING_MANAGER, application_id=app.id, email="d@t.test"
        )
        maya = add_contact(full, "Maya Lindgren", ContactRole.RECRUITER, application_id=app.id)
        add_round(
            full,
            app.id,
            {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2025, 6, 10)},
        )
        loop = add_interview(
            full,
            app.id,
            None,
            {
                "title": "Whiteboard",
                "scheduled_at": datetime(2025, 6, 10, 11, tzinfo=UTC),
                "interviewers": [
                    Interviewer("Dana Ruiz", "Engineering manager", dana.id),
                    Interviewer("Kwame Asante"),
                ],
            },
        )
        screen = add_interview(
            full,
            app.id,
            None,
            {
                "title": "Intro",
                "scheduled_at": datetime(2025, 6, 9, 11, tzinfo=UTC),
                "interviewers": [Interviewer("Dana Ruiz", None, dana.id)],
            },
        )
        note = Note(
            app.id,
            Tone.AFTER_INTERVIEW,
            "Thank you",
            "Dear Dana and Maya, thank you.",
            [
                Recipient("Dana Ruiz", "d@t.test", dana.id),
                Recipient("Maya Lindgren", None, maya.id),
            ],
            created_at=FAKE_NOW,
            updated_at=FAKE_NOW,
        )
        full.notes.add(note)
        full.commit()
    ids = (app.id, other.id, dana.id, maya.id, screen.id, loop.id, note.id)
    assert None not in ids
    return Met(*ids)  # type: ignore[arg-type]


def _people(uow: FakeFullUnitOfWork) -> dict[int, dict[str, object]]:
    """Every stored contact's fields, by id."""
    return {k: dataclasses.asdict(c) for k, c in uow.stored.contacts.items()}


def _interviewers(uow: FakeFullUnitOfWork) -> dict[str, list[tuple[str, int | None]]]:
    """Each stored interview's interviewers as (name, contact id), by title."""
    return {
        i.title: [(p.name, p.contact_id) for p in i.interviewers]
        for a in uow.stored.applications.values()
        for r in a.rounds
        for i in r.interviews
    }


def test_edit_corrects_fields_and_an_empty_string_clears_one(full, met):
    full.clock_now = LATER
    with full:
        edited = edit_contact(
            full,
            met.dana,
            {"email": " dana@tempoline.test ", "title": "Director", "phone": "", "notes": "Kind."},
        )
    assert (edited.email, edited.title, edited.phone, edited.notes) == (
        "dana@tempoline.test",
        "Director",
        None,
        "Kind.",
    )
    stored = full.stored.contacts[met.dana]
    assert (stored.email, stored.title, stored.name) == (
        "dana@tempoline.test",
        "Director",
        "Dana Ruiz",
    )
    assert (stored.created_at, stored.updated_at) == (FAKE_NOW, LATER)
    with full:
        edit_contact(full, met.dana, {"email": "", "role": ContactRole.INTERVIEWER})
    assert full.stored.contacts[met.dana].email is None
    assert full.stored.contacts[met.dana].role is ContactRole.INTERVIEWER


def test_edit_moves_a_person_between_applications_and_off_them(full, met):
    with full:
        moved = edit_contact(full, met.maya, {"application_id": met.other_app})
    # The company came with her when she was added; moving keeps it unless told otherwise.
    assert (moved.application_id, moved.company) == (met.other_app, "Tempoline")
    with full:
        edit_contact(full, met.maya, {"application_id": None, "company": ""})
    assert (
        full.stored.contacts[met.maya].application_id,
        full.stored.contacts[met.maya].company,
    ) == (
        None,
        None,
    )
    with full:
        # Someone with no company takes the company of the application they move to.
        again = edit_contact(full, met.maya, {"application_id": met.other_app})
    assert again.company == "Orbitra"
    with full:
        assert [c.name for c in list_contacts(full, met.other_app)] == ["Maya Lindgren"]


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"name": "   "}, DomainError, r"contact name is required"),
        ({"email": "dana-at-tempoline"}, DomainError, r"not an address like name@example\.com"),
        ({"name": "Dana\nRuiz"}, DomainError, r"contact name must be a single line"),
        ({"phone": "1" * 51}, DomainError, r"phone is 51 characters long; the limit is 50"),
        ({"role": "boss"}, DomainError, r"role 'boss' is not one of: talent_acquisition"),
        ({"id": 9}, DomainError, r"cannot edit id"),
        ({"name": "Dana", "created_at": None}, DomainError, r"cannot edit created_at"),
        ({}, DomainError, r"nothing to change"),
        ({"application_id": 42}, NotFoundError, r"no application with id 42"),
    ],
)
def test_refused_edits_write_nothing(full, met, changes, error, message):
    before, commits = _people(full), full.commits
    with full, pytest.raises(error, match=message):
        edit_contact(full, met.dana, changes)
    assert (_people(full), full.commits) == (before, commits)
    assert full.stored.contacts[met.dana].email == "d@t.test"


def test_editing_an_unknown_person_is_not_found(full, met):
    with full, pytest.raises(NotFoundError, match=r"^no contact with id 99$") as caught:
        edit_contact(full, 99, {"name": "Nobody"})
    assert caught.value.for_cli().endswith("; see `nextround contact list`")
    with full, pytest.raises(NotFoundError, match=r"no contact with id 99"):
        get_contact(full, 99)


def test_a_new_name_does_not_rewrite_what_interviews_and_notes_recorded(full, met):
    with full:
        edit_contact(full, met.dana, {"name": "Dana Ruiz-Ortega", "email": "new@t.test"})
    assert _interviews_named(full, met.dana) == {"Whiteboard": "Dana Ruiz", "Intro": "Dana Ruiz"}
    [dana] = [r for r in full.stored_extra.notes[met.note].recipients if r.contact_id == met.dana]
    assert (dana.name, dana.email) == ("Dana Ruiz", "d@t.test")
    with full:
        record = contact_record(full, met.dana)  # still linked, so still found
    assert [m.title for m in record.interviews] == ["Intro", "Whiteboard"]


def _interviews_named(uow: FakeFullUnitOfWork, contact_id: int) -> dict[str, str]:
    return {
        title: name
        for title, people in _interviewers(uow).items()
        for name, linked in people
        if linked == contact_id
    }


def test_the_record_of_a_person_lists_where_they_are_named(full, met):
    with full:
        record = contact_record(full, met.dana)
    assert record.contact.name == "Dana Ruiz"
    assert [(m.interview_id, m.title, m.round_name, m.company) for m in record.interviews] == [
        (met.screen, "Intro", "Loop", "Tempoline"),
        (met.loop, "Whiteboard", "Loop", "Tempoline"),
    ]
    assert [(n.note_id, n.subject, n.email, n.company) for n in record.notes] == [
        (met.note, "Thank you", "d@t.test", "Tempoline")
    ]
    with full:
        maya = contact_record(full, met.maya)
    assert (maya.interviews, [n.email for n in maya.notes]) == ([], [None])
    with full, pytest.raises(NotFoundError, match="no contact with id 99"):
        contact_record(full, 99)


def test_removing_a_person_unlinks_them_and_keeps_their_name(full, met):
    full.clock_now = LATER
    with full:
        removed = remove_contact(full, met.dana)
    assert removed.contact.name == "Dana Ruiz"
    assert (sorted(removed.interview_ids), removed.note_ids) == (
        sorted([met.screen, met.loop]),
        [met.note],
    )
    assert met.dana not in full.stored.contacts
    # Kwame, made a contact by the interview naming him, keeps his own link.
    [kwame] = [c.id for c in full.contacts.list() if c.name == "Kwame Asante"]
    assert _interviewers(full) == {
        "Whiteboard": [("Dana Ruiz", None), ("Kwame Asante", kwame)],
        "Intro": [("Dana Ruiz", None)],
    }
    note = full.stored_extra.notes[met.note]
    assert [(r.name, r.email, r.contact_id) for r in note.recipients] == [
        ("Dana Ruiz", "d@t.test", None),
        ("Maya Lindgren", None, met.maya),  # someone else's link stays
    ]
    assert note.updated_at == LATER and note.created_at == FAKE_NOW
    stamps = {
        i.title: i.updated_at
        for a in full.stored.applications.values()
        for r in a.rounds
        for i in r.interviews
    }
    assert stamps == {"Whiteboard": LATER, "Intro": LATER}
    # Nothing else went: the other person, the interviews, the note.
    assert list(full.stored.contacts) == [met.maya, kwame]
    assert list(full.stored_extra.notes) == [met.note]


def test_removing_someone_never_named_touches_nothing_else(full, met):
    with full:
        lone = add_contact(full, "Sam Peer", ContactRole.PEER)
    before = _interviewers(full)
    with full:
        removed = remove_contact(full, lone.id)
    assert (removed.interview_ids, removed.note_ids) == ([], [])
    assert _interviewers(full) == before
    assert lone.id not in full.stored.contacts


def test_removing_an_unknown_person_changes_nothing(full, met):
    before = (_people(full), _interviewers(full), full.commits)
    with full, pytest.raises(NotFoundError, match=r"no contact with id 99"):
        remove_contact(full, 99)
    assert (_people(full), _interviewers(full), full.commits) == before


@pytest.mark.parametrize(
    ("interviews", "notes", "said"),
    [
        (0, 0, ""),
        (1, 0, "1 interview still names them"),
        (0, 1, "1 note still names them"),
        (2, 0, "2 interviews still name them"),
        (1, 1, "1 interview and 1 note still name them"),
        (2, 3, "2 interviews and 3 notes still name them"),
    ],
)
def test_what_a_removal_says_was_left_naming_the_person(interviews, notes, said):
    removed = RemovedContact(Contact("Dana"), list(range(interviews)), list(range(notes)))
    assert removed.still_named == said


def test_a_person_is_found_through_their_own_application_only(full, met):
    with full:
        assert get_contact(full, met.dana, met.app).name == "Dana Ruiz"
        with pytest.raises(NotFoundError, match=rf"no contact with id {met.dana}") as caught:
            get_contact(full, met.dana, met.other_app)
        assert f"{met.dana}; application" in caught.value.for_cli()
        lone = add_contact(full, "Sam Peer", ContactRole.PEER)
        with pytest.raises(NotFoundError):
            get_contact(full, lone.id, met.app)
        assert get_contact(full, lone.id).name == "Sam Peer"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Technical Recruiter", ContactRole.RECRUITER),
        ("Senior Sourcer", ContactRole.RECRUITER),
        ("Recruiting coordinator", ContactRole.RECRUITER),
        ("Talent Acquisition Partner", ContactRole.TALENT_ACQUISITION),
        ("VP Sales", ContactRole.INTERVIEWER),
        (None, ContactRole.INTERVIEWER),
    ],
)
def test_a_person_met_in_an_interview_takes_the_role_their_title_says(title, role):
    full = FakeFullUnitOfWork()
    with full:
        app = add_application(
            full, {"company": "Snowflake", "role_title": "AE", "applied_on": date(2026, 10, 12)}
        )
        screen = {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2026, 10, 20)}
        add_round(full, app.id, screen)
        jane = Interviewer("Jane Porter", title)
        add_interview(full, app.id, None, {"title": "Recruiter call", "interviewers": [jane]})
    [added] = full.stored.contacts.values()
    assert (added.name, added.role) == ("Jane Porter", role)

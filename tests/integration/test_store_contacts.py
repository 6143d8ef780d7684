"""People corrected and removed on a real database, on both backends: nothing else is lost."""

from __future__ import annotations

import json

import pytest

from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Interviewer
from nextround.domain.notes import Recipient
from nextround.errors import DomainError, NotFoundError
from nextround.services.contacts import add_contact, contact_record, edit_contact, remove_contact
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.notes import save_note
from nextround.services.process import edit_interview
from tests.integration.conftest import Journey, load_journey, snapshot


def _interview_ids(app, journey: Journey) -> dict[str, int]:
    with app.uow() as uow:
        main = uow.applications.get(journey.main)
        return {i.title: i.id for r in main.rounds for i in r.interviews if i.id is not None}


@pytest.fixture
def linked(app):
    """The journey with Maya (the recruiter) linked from two interviews and a saved note.

    Eleven more people are added, so that one of them has an id whose digits contain
    Maya's (1 in 11): the whiteboard names only that one, and must be left alone.
    """
    journey = load_journey(app)
    ids = _interview_ids(app, journey)
    with app.uow() as uow:
        others = [add_contact(uow, f"Person {n}", ContactRole.PEER) for n in range(11)]
        lookalike = next(c for c in others if str(journey.recruiter) in str(c.id))
        assert lookalike.id != journey.recruiter
        maya = Interviewer("Maya Lindgren", "TA Partner", journey.recruiter)
        edit_interview(uow, ids["Intro call"], {"interviewers": [maya]})
        edit_interview(
            uow,
            journey.whiteboard,
            {
                "interviewers": [
                    Interviewer("Inés Carvalho", "Lead", lookalike.id),
                    Interviewer("Kwame Asante"),
                ]
            },
        )
        edit_interview(
            uow,
            ids["Risk deep dive"],
            {"interviewers": [Interviewer("Maya Lindgren", None, journey.recruiter)]},
        )
        note = save_note(uow, draft_notes(uow, NoteRequest(journey.main, sender="Zoë")), 1)
    assert note.recipients == [
        Recipient("Maya Lindgren", "maya@tempoline.example", journey.recruiter)
    ]
    return journey, ids, lookalike.id, note.id


def _links(app) -> list[int]:
    """Every contact id the interviews and notes hold, read as raw JSON from the tables."""
    with app.uow() as uow:
        conn = uow.session.connection()
        rows = [
            *conn.exec_driver_sql("SELECT interviewers FROM interviews").scalars(),
            *conn.exec_driver_sql("SELECT recipients FROM notes").scalars(),
        ]
    people = [p for row in rows for p in (json.loads(row) if isinstance(row, str) else row)]
    return sorted(p["contact_id"] for p in people if p.get("contact_id") is not None)


def test_the_record_finds_interviews_and_notes_by_exact_id(app, linked):
    journey, ids, lookalike, note_id = linked
    with app.uow() as uow:
        record = contact_record(uow, journey.recruiter)
        other = contact_record(uow, lookalike)
    assert [m.interview_id for m in record.interviews] == [ids["Intro call"], ids["Risk deep dive"]]
    assert [(m.round_name, m.company) for m in record.interviews] == [
        ("Screen", "Tempoline"),
        ("Final loop", "Tempoline"),
    ]
    assert [(n.note_id, n.email) for n in record.notes] == [(note_id, "maya@tempoline.example")]
    assert ([m.interview_id for m in other.interviews], other.notes) == ([journey.whiteboard], [])


def test_removing_a_person_unlinks_them_everywhere_and_keeps_their_name(app, linked):
    journey, ids, lookalike, note_id = linked
    assert _links(app).count(journey.recruiter) == 3
    with app.uow() as uow:
        removed = remove_contact(uow, journey.recruiter)
    assert removed.interview_ids == [ids["Intro call"], ids["Risk deep dive"]]
    assert removed.note_ids == [note_id]
    with app.uow() as uow:
        with pytest.raises(NotFoundError):
            uow.contacts.get(journey.recruiter)
        main = uow.applications.get(journey.main)
        people = {i.title: i.interviewers for r in main.rounds for i in r.interviews}
        note = uow.notes.get(note_id)
        # Kwame became a contact by being named on the interview.
        [kwame] = [c.id for c in uow.contacts.list(journey.main) if c.name == "Kwame Asante"]
        existing = {c.id for c in uow.contacts.list()}
    assert people["Intro call"] == [Interviewer("Maya Lindgren", "TA Partner", None)]
    assert people["Risk deep dive"] == [Interviewer("Maya Lindgren", None, None)]
    assert people["Process-flow whiteboard"] == [
        Interviewer("Inés Carvalho", "Lead", lookalike),
        Interviewer("Kwame Asante", None, kwame),
    ]
    assert note.recipients[0] == Recipient("Maya Lindgren", "maya@tempoline.example", None)
    # No id leads nowhere: Maya's links are gone, every other one names a contact.
    assert journey.recruiter not in _links(app)
    assert lookalike in _links(app) and set(_links(app)) <= existing
    # The feedback Maya gave is kept (it records her name, not her id).
    with app.uow() as uow:
        assert [f.author for f in uow.feedback.list(journey.main)] == ["Maya Lindgren"]


def test_an_edit_is_saved_and_history_keeps_what_it_recorded(app, linked):
    journey, ids, _, note_id = linked
    with app.uow() as uow:
        edit_contact(
            uow,
            journey.recruiter,
            {"name": "Maya Lindgren-Berg", "email": "maya@new.example", "title": ""},
        )
        edit_contact(uow, journey.recruiter, {"application_id": journey.offer})
    with app.uow() as uow:
        maya = uow.contacts.get(journey.recruiter)
        _, _, interview = uow.applications.get_interview(ids["Intro call"])
        note = uow.notes.get(note_id)
    assert (maya.name, maya.email, maya.title, maya.application_id) == (
        "Maya Lindgren-Berg",
        "maya@new.example",
        None,
        journey.offer,
    )
    assert maya.updated_at is not None and maya.created_at is not None
    assert interview.interviewers[0] == Interviewer(
        "Maya Lindgren", "TA Partner", journey.recruiter
    )
    assert note.recipients[0] == Recipient(
        "Maya Lindgren", "maya@tempoline.example", journey.recruiter
    )


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"email": "maya-at-tempoline"}, DomainError),
        ({"name": ""}, DomainError),
        ({"application_id": 2**40}, NotFoundError),
    ],
)
def test_refused_edits_and_removals_leave_every_row_as_it_was(app, linked, changes, error):
    journey, *_ = linked
    before = snapshot(app)
    with app.uow() as uow, pytest.raises(error):
        edit_contact(uow, journey.recruiter, changes)
    with app.uow() as uow, pytest.raises(NotFoundError, match="no contact with id 9999"):
        remove_contact(uow, 9999)
    with app.uow() as uow, pytest.raises(NotFoundError):
        remove_contact(uow, 2**40)
    assert snapshot(app) == before


def test_interviewers_made_people_survive_a_backup_and_reach_the_note(app):
    """On the real database: the contacts an interview makes, their links, and a round trip."""
    from datetime import UTC, date, datetime

    from nextround.domain.journey import RoundKind
    from nextround.services.applications import add_application
    from nextround.services.data import export_backup, restore_backup
    from nextround.services.process import add_round, record_interview

    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Fernhill", "role_title": "Ops", "applied_on": date(2026, 9, 1)}
        )
        assert created.id is not None
        app_id = created.id
        add_round(uow, app_id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2026, 9, 9)})  # fmt: skip
        made = record_interview(uow, app_id, None, {
            "title": "Panel", "scheduled_at": datetime(2026, 9, 9, 10, tzinfo=UTC),
            "interviewers": [Interviewer("Ravi Menon", "Director"), Interviewer("Clara Jung")],
        })  # fmt: skip
    [ravi, clara] = made.new_people
    with app.uow() as uow:
        edit_contact(uow, ravi.id or 0, {"email": "ravi@f.example"})
        doc = export_backup(uow)
    with app.uow() as uow:
        restore_backup(uow, doc, replace=True)
    with app.uow() as uow:
        assert export_backup(uow)["tables"] == doc["tables"]
        stored = uow.applications.get(app_id).rounds[0].interviews[0]
        assert [(p.name, p.contact_id) for p in stored.interviewers] == [
            ("Ravi Menon", ravi.id),
            ("Clara Jung", clara.id),
        ]
        drafts = draft_notes(uow, NoteRequest(app_id))
    assert [(r.name, r.email) for r in drafts.facts.recipients] == [
        ("Ravi Menon", "ravi@f.example"),
        ("Clara Jung", None),
    ]

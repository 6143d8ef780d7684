"""A kept note's kind (thank-you or feedback request) on the real database, migrated both ways."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from nextround.domain.notes import NoteKind, Tone
from nextround.errors import DomainError
from nextround.services.data import export_backup, restore_backup
from nextround.services.feedback_request import draft_request, feedback_asks, save_request
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.notes import list_notes, mark_sent, save_note
from nextround.store import tables as t
from tests.integration.conftest import load_journey
from tests.integration.migration_steps import downgrade


@pytest.fixture
def kept(app):
    """The known journey's rejection with a thank-you note and a feedback request kept."""
    journey = load_journey(app)
    with app.uow() as uow:
        thanks = save_note(uow, draft_notes(uow, NoteRequest(journey.main)), 1)
        request = save_request(uow, draft_request(uow, journey.main))
    return journey, thanks.id, request.id


def _kinds(app) -> list[tuple[int, str]]:
    with app.engine.connect() as conn:
        rows = conn.execute(select(t.notes.c.id, t.notes.c.kind).order_by(t.notes.c.id))
        return [(row.id, str(row.kind)) for row in rows]


def test_each_note_reads_back_with_its_kind(app, kept):
    journey, thanks_id, request_id = kept
    assert _kinds(app) == [(thanks_id, "thank_you"), (request_id, "feedback_request")]
    with app.uow() as uow:
        listed = {item.note.id: item.note for item in list_notes(uow, journey.main)}
    assert listed[thanks_id].kind is NoteKind.THANK_YOU
    request = listed[request_id]
    assert request.kind is NoteKind.FEEDBACK_REQUEST and request.tone is Tone.AFTER_REJECTION
    assert request.subject.startswith("Feedback request")
    with pytest.raises(IntegrityError), app.engine.begin() as conn:
        conn.execute(text("UPDATE notes SET kind = 'feedback'"))


def test_a_second_request_for_the_application_is_refused_naming_the_first(app, kept):
    journey, _, request_id = kept
    with pytest.raises(DomainError, match=rf"note {request_id} \(not sent yet\)"), app.uow() as uow:
        save_request(uow, draft_request(uow, journey.main))
    assert [kind for _, kind in _kinds(app)].count("feedback_request") == 1


def test_a_request_marked_sent_takes_the_rejection_off_the_asks(app, clock, kept):
    journey, _, request_id = kept
    with app.uow() as uow:
        before = [a.application_id for a in feedback_asks(uow)]
        mark_sent(uow, request_id, clock.now.date())
    with app.uow() as uow:
        after = [a.application_id for a in feedback_asks(uow)]
    assert after == [a for a in before if a != journey.main]


def test_down_to_0020_leaves_thank_you_notes_and_up_again_files_them_as_such(app, kept):
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    journey, thanks_id, _ = kept
    downgrade(app.engine, "0020")
    # Before 0021 a kept note thanked: a request kept would read as a thank-you for a "no".
    with app.engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM notes ORDER BY id")).scalars().all()
        assert ids == [thanks_id]
    assert "kind" not in {c["name"] for c in inspect(app.engine).get_columns("notes")}
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    # The note kept before the revision is a thank-you note, as every one then was.
    assert _kinds(app) == [(thanks_id, "thank_you")]
    with app.uow() as uow:
        save_request(uow, draft_request(uow, journey.main))
    assert [kind for _, kind in _kinds(app)] == ["thank_you", "feedback_request"]
    if app.engine.dialect.name == "sqlite":
        # The copy keeps AUTOINCREMENT, as the table is declared: a deleted id is not reused.
        with app.engine.connect() as conn:
            schema = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'notes'"))
            assert "AUTOINCREMENT" in schema.scalar_one()


def test_a_backup_keeps_each_kind_and_an_older_one_restores_as_thank_you(
    app, kept, make_app, tmp_path
):
    _, thanks_id, request_id = kept
    with app.uow() as uow:
        doc = export_backup(uow)
    assert [row["kind"] for row in doc["tables"]["notes"]] == ["thank_you", "feedback_request"]
    target = make_app(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    with target.uow() as uow:
        restore_backup(uow, doc)
    with target.uow() as uow:
        assert export_backup(uow)["tables"] == doc["tables"]
    # A backup written before revision 0021 has no kind: every note in it thanked.
    older = {**doc, "revision": "0020"}
    older["tables"] = {
        **doc["tables"],
        "notes": [
            {k: v for k, v in row.items() if k != "kind"}
            for row in doc["tables"]["notes"]
            if row["id"] == thanks_id
        ],
    }
    again = make_app(f"sqlite:///{tmp_path / 'older.sqlite3'}")
    with again.uow() as uow:
        restore_backup(uow, older)
    assert _kinds(again) == [(thanks_id, "thank_you")]
    assert request_id not in [i for i, _ in _kinds(again)]

"""Removing rounds and interviews on a real database: cascades, stage numbers, kept feedback."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from nextround.domain.feedback import FeedbackSource
from nextround.errors import NotFoundError
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.services.frameworks import import_framework
from nextround.services.process_removal import remove_interview, remove_round
from nextround.store import tables as t
from tests.unit.growth_fakes import keyword_mapper
from tests.unit.growth_fixtures import FRAMEWORK


def _count(app, table) -> int:
    with app.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.fixture
def heard(app, journey):
    """The journey, plus a debrief of the whiteboard and mapped feedback about it."""
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
        record_debrief(
            uow,
            journey.whiteboard,
            2,
            ratings={"systems-thinking": 2},
            questions=["How would this flow fail?"],
            mapper=keyword_mapper(),
        )
    mapper = keyword_mapper()
    with app.uow() as uow:
        item, statements = add_mapped_feedback(
            uow, "Risk management did not come through.", FeedbackSource.INTERVIEWER,
            lambda: mapper, "test", received_on=date(2025, 6, 12),
            links=FeedbackLinks(journey.main, interview_id=journey.whiteboard),
        )  # fmt: skip
    return journey, item.id, len(statements)


def test_removing_the_first_round_renumbers_the_rest_and_keeps_everything_else(app, heard):
    journey, _, _ = heard
    with app.uow() as uow:
        first = uow.applications.get(journey.main).round_at(1)
        assert first.id is not None
        removed = remove_round(uow, first.id)
    assert removed.summary.startswith("round 1 of Tempoline (Screen) with 1 interview")
    with app.uow() as uow:
        app_ = uow.applications.get(journey.main)
        assert [(r.position, r.id) for r in app_.ordered_rounds] == [(1, journey.loop_round)]
        assert app_.current_decision is not None  # the decision is untouched
    assert _count(app, t.interviews) == 2
    assert _count(app, t.debriefs) == 1
    assert _count(app, t.feedback) == 3


def test_removing_a_round_keeps_the_feedback_and_statements_heard_in_it(app, heard):
    journey, feedback_id, statements = heard
    with app.uow() as uow:
        removed = remove_round(uow, journey.loop_round)
    assert [f.id for f in removed.feedback] == [feedback_id]
    assert (len(removed.interviews), len(removed.debriefs)) == (2, 1)
    with app.uow() as uow:
        item = uow.feedback.get(feedback_id)
        assert (item.application_id, item.round_id, item.interview_id) == (journey.main, None, None)
        assert len(uow.statements.for_feedback(feedback_id)) == statements
        assert [r.name for r in uow.applications.get(journey.main).ordered_rounds] == ["Screen"]
    # The debrief and its question went with the interview; nothing else did.
    assert (_count(app, t.debriefs), _count(app, t.debrief_questions)) == (0, 0)
    assert _count(app, t.interviews) == 1


def test_removing_an_interview_files_its_feedback_under_its_round(app, heard):
    journey, feedback_id, statements = heard
    with app.uow() as uow:
        removed = remove_interview(uow, journey.whiteboard)
    assert removed.debrief is not None
    with app.uow() as uow:
        item = uow.feedback.get(feedback_id)
        assert (item.round_id, item.interview_id) == (journey.loop_round, None)
        assert len(uow.statements.for_feedback(feedback_id)) == statements
        titles = [i.title for i in uow.applications.get(journey.main).round_at(2).interviews]
        assert titles == ["Risk deep dive"]
        with pytest.raises(NotFoundError, match=f"no interview with id {journey.whiteboard}"):
            remove_interview(uow, journey.whiteboard)
    assert (_count(app, t.debriefs), _count(app, t.debrief_questions)) == (0, 0)


def test_removing_a_middle_round_moves_each_later_one_up(app, journey):
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round

    with app.uow() as uow:
        from nextround.services.applications import reopen_application

        reopen_application(uow, journey.main, date(2025, 6, 20))
    with app.uow() as uow:
        for name in ("Extra 1", "Extra 2"):
            add_round(
                uow,
                journey.main,
                {"name": name, "kind": RoundKind.OTHER, "started_on": date(2025, 6, 21)},
            )
    with app.uow() as uow:
        remove_round(uow, journey.loop_round)
    with app.uow() as uow:
        rounds = uow.applications.get(journey.main).ordered_rounds
        assert [(r.position, r.name) for r in rounds] == [
            (1, "Screen"),
            (2, "Extra 1"),
            (3, "Extra 2"),
        ]


def _notes(app, app_id, bodies):
    """Notes of ``app_id``: (subject, body, sent) each; their ids in order."""
    from nextround.domain.notes import Note, Recipient, Tone

    with app.uow() as uow:
        for subject, body, sent in bodies:
            uow.notes.add(
                Note(
                    application_id=app_id,
                    tone=Tone.AFTER_INTERVIEW,
                    subject=subject,
                    body=f"Dear Ana,\n\n{body}\n\nBest",
                    recipients=[Recipient("Ana")],
                    sent_on=date(2025, 6, 13) if sent else None,
                    created_at=uow.now(),
                    updated_at=uow.now(),
                )
            )
        uow.commit()
        return [n.id for n in uow.notes.list(app_id)]


MOMENT = "Priyanka's follow-ups on re-baselining after the conveyor slip: clear answers."
QUOTING = "I enjoyed our conversation about re-baselining after the conveyor slip."
GENERIC = "Thank you for your candid feedback on my experience with risk management."


@pytest.mark.parametrize("removed", ["interview", "round"])
def test_removing_a_debrief_deletes_the_drafts_quoting_it_and_keeps_sent_notes(
    app, journey, removed
):
    """A draft quoting its moment goes; a sent one stays; one naming only a skill stays."""
    from nextround.services.process_removal import interview_removal, round_removal

    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
        record_debrief(uow, journey.whiteboard, 4, went_well=MOMENT, mapper=keyword_mapper())
    draft, sent, generic = _notes(
        app,
        journey.main,
        [("Draft", QUOTING, False), ("Sent", QUOTING, True), ("Gen", GENERIC, False)],
    )
    with app.uow() as uow:
        if removed == "interview":
            asked = interview_removal(uow, journey.whiteboard)
        else:
            _, round_, _ = uow.applications.get_interview(journey.whiteboard)
            asked = round_removal(uow, round_.id)
        assert [n.id for n in asked.notes.drafts] == [draft]
        assert [n.id for n in asked.notes.sent] == [sent]
        assert f"Thank-you note {draft} (“Draft”) quotes it and is not sent" in asked.kept
        if removed == "interview":
            remove_interview(uow, journey.whiteboard)
        else:
            remove_round(uow, round_.id)
    with app.uow() as uow:
        assert [n.id for n in uow.notes.list(journey.main)] == [sent, generic]


def test_editing_a_moment_out_of_a_debrief_keeps_the_drafts_quoting_it_and_names_them(app, journey):
    """An edit deletes no note: the draft still quoting is named with what it quotes."""
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
        record_debrief(uow, journey.whiteboard, 4, went_well=MOMENT, mapper=keyword_mapper())
    draft, sent = _notes(app, journey.main, [("Draft", QUOTING, False), ("Sent", QUOTING, True)])
    with app.uow() as uow:
        saved = record_debrief(
            uow, journey.whiteboard, 4, went_well="Fine.", mapper=keyword_mapper(), replace=True
        )
    assert [(q.note.id, q.quoted) for q in saved.still_quoting] == [
        (draft, ("re-baselining after the conveyor slip",))
    ]
    assert saved.still_quoting[0].said == (
        f"Thank-you note {draft} (draft) still quotes “re-baselining after the conveyor slip”"
    )
    with app.uow() as uow:
        assert [n.id for n in uow.notes.list(journey.main)] == [draft, sent]


def test_removing_a_question_a_draft_quotes_names_the_draft_and_keeps_it(app, journey):
    from nextround.services.debriefs import remove_questions

    asked = "How would you re-plan the wave after a supplier slip?"
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
        record_debrief(
            uow, journey.whiteboard, 4, questions=[asked, "Why us?"], mapper=keyword_mapper()
        )
    (draft,) = _notes(app, journey.main, [("Draft", f"You asked: {asked}", False)])
    with app.uow() as uow:
        done = remove_questions(uow, journey.whiteboard, [1])
    assert [(q.note.id, q.quoted) for q in done.still_quoting] == [(draft, (asked.rstrip("?"),))]
    with app.uow() as uow:
        assert [n.id for n in uow.notes.list(journey.main)] == [draft]

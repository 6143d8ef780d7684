"""Repositories on a real database: aggregates load and save whole, deletes cascade."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nextround.domain.contacts import Contact
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.journey import (
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    Status,
    WorkMode,
)
from nextround.errors import NotFoundError
from nextround.services.applications import edit_application, remove_application
from nextround.services.process import edit_round
from tests.integration.conftest import CEST


def test_aggregate_loads_whole(app, journey):
    with app.uow() as uow:
        main = uow.applications.get(journey.main)
        assert (main.company, main.source, main.work_mode) == (
            "Tempoline",
            Source.LINKEDIN,
            WorkMode.REMOTE,
        )
        assert main.tags == ["tpm", "music"]
        assert main.posting_url == "https://jobs.tempoline.example/tpm"
        assert main.status is Status.REJECTED
        assert [(r.position, r.name, r.kind, r.mode, r.outcome) for r in main.ordered_rounds] == [
            (1, "Screen", RoundKind.SCREEN, RoundMode.PHONE, RoundOutcome.PASSED),
            # Closed by the decision.
            (2, "Final loop", RoundKind.FINAL_LOOP, RoundMode.VIDEO, RoundOutcome.REJECTED),
        ]
        loop = main.round_at(2)
        assert [i.title for i in loop.sorted_interviews] == [
            "Process-flow whiteboard",
            "Risk deep dive",
        ]
        board = loop.sorted_interviews[0]
        assert board.id == journey.whiteboard
        assert board.round_id == loop.id == journey.loop_round
        assert board.format is InterviewFormat.PRACTICAL_EXERCISE
        assert board.scheduled_at == datetime(2025, 6, 10, 11, tzinfo=CEST)
        assert board.duration_minutes == 45
        people = {c.name: c.id for c in uow.contacts.list(journey.main)}
        assert board.interviewers == [
            Interviewer("Inés Carvalho", "Lead, Process Excellence", people["Inés Carvalho"]),
            Interviewer("Kwame Asante", None, people["Kwame Asante"]),
        ]
        assert board.competencies == ["systems-thinking", "communication"]
        (decision,) = main.decisions
        assert (decision.outcome, decision.decided_on, decision.finalists) == (
            Outcome.REJECTION,
            date(2025, 6, 18),
            4,
        )
        assert decision.application_id == journey.main
        offer = uow.applications.get(journey.offer)
        assert offer.current_decision.offer_response is OfferResponse.DECLINED
        assert offer.status is Status.DECLINED


def test_get_round_and_interview_return_their_application(app, journey):
    with app.uow() as uow:
        owner, round_ = uow.applications.get_round(journey.loop_round)
        assert (owner.id, round_.position) == (journey.main, 2)
        owner, round_, interview = uow.applications.get_interview(journey.whiteboard)
        assert (owner.id, round_.id, interview.title) == (
            journey.main,
            journey.loop_round,
            "Process-flow whiteboard",
        )
        assert round_ in owner.rounds  # the same objects, not copies


@pytest.mark.parametrize("ident", [0, -1, 10_000, 2**31 - 1, 2**31, 2**63, 10**30])
def test_unknown_ids_are_not_found_whatever_their_size(app, journey, ident):
    with app.uow() as uow:
        with pytest.raises(NotFoundError, match=f"no application with id {ident}"):
            uow.applications.get(ident)
        with pytest.raises(NotFoundError, match=f"no round with id {ident}"):
            uow.applications.get_round(ident)
        with pytest.raises(NotFoundError, match=f"no interview with id {ident}"):
            uow.applications.get_interview(ident)
        with pytest.raises(NotFoundError, match=f"no contact with id {ident}"):
            uow.contacts.get(ident)
        with pytest.raises(NotFoundError, match=f"no feedback with id {ident}"):
            uow.feedback.get(ident)


def test_all_and_count(app, journey):
    with app.uow() as uow:
        assert [a.id for a in uow.applications.all()] == [
            journey.main,
            journey.offer,
            journey.silent,
        ]
        assert uow.applications.count() == 3


def test_edits_are_saved(app, journey):
    with app.uow() as uow:
        edit_application(uow, journey.silent, {"notes": "Followed up twice.", "tags": ["Later"]})
        edit_round(uow, journey.loop_round, {"notes": "Two days, five interviews."})
    with app.uow() as uow:
        silent = uow.applications.get(journey.silent)
        assert (silent.notes, silent.tags) == ("Followed up twice.", ["later"])
        _, loop = uow.applications.get_round(journey.loop_round)
        assert loop.notes == "Two days, five interviews."


def test_contacts_and_feedback(app, journey):
    with app.uow() as uow:
        maya = uow.contacts.get(journey.recruiter)
        assert (maya.name, maya.company, maya.application_id) == (
            "Maya Lindgren",
            "Tempoline",
            journey.main,
        )
        # With the interviewers the interviews made people of, by name.
        assert [c.name for c in uow.contacts.list(journey.main)] == [
            "Inés Carvalho",
            "Kwame Asante",
            "Maya Lindgren",
        ]
        assert uow.contacts.list(journey.offer) == []
        item = uow.feedback.get(journey.feedback)
        assert item.source is FeedbackSource.RECRUITER
        assert [f.source for f in uow.feedback.list()] == [
            FeedbackSource.RECRUITER,
            FeedbackSource.MANAGER_REVIEW,
        ]
        assert [f.id for f in uow.feedback.list(journey.main)] == [journey.feedback]


def test_removing_an_application_cascades_and_unlinks_people(app, journey):
    with app.uow() as uow:
        uow.feedback.add(
            Feedback(
                "on the loop",
                FeedbackSource.INTERVIEWER,
                date(2025, 6, 12),
                application_id=journey.main,
                round_id=journey.loop_round,
                interview_id=journey.whiteboard,
                created_at=datetime.now(UTC),
                updated_at=datetime.now(UTC),
            )
        )
        uow.contacts.add(
            Contact("Unrelated", created_at=datetime.now(UTC), updated_at=datetime.now(UTC))
        )
        uow.commit()
    with app.uow() as uow:
        remove_application(uow, journey.main)
    with app.uow() as uow:
        conn = uow.session.connection()

        def rows(table: str) -> int:
            return conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one()

        # Only the offer's round and decision are left.
        assert rows("applications") == 2
        assert rows("rounds") == 1
        assert rows("interviews") == 0
        assert rows("decisions") == 1
        assert [f.source for f in uow.feedback.list()] == [FeedbackSource.MANAGER_REVIEW]
        people = {c.name: c.application_id for c in uow.contacts.list()}
        assert people == {
            "Inés Carvalho": None,  # named on the whiteboard, so people of the application
            "Kwame Asante": None,
            "Maya Lindgren": None,
            "Unrelated": None,
        }


def test_the_database_cascades_even_without_the_orm(app, journey):
    # The foreign keys themselves carry the rules (SQLite needs foreign_keys=ON for that).
    with app.uow() as uow:
        conn = uow.session.connection()
        conn.exec_driver_sql(f"DELETE FROM applications WHERE id = {journey.main}")
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM interviews").scalar_one() == 0
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM feedback").scalar_one() == 1
        tied = conn.exec_driver_sql("SELECT application_id FROM contacts").scalars().all()
        assert tied and set(tied) == {None}

"""The answer-by clash and the board's agenda read upcoming interviews through the port alone."""

from __future__ import annotations

from datetime import UTC, date, datetime

from nextround.domain.journey import OfferResponse, Outcome, RoundKind
from nextround.services.applications import add_application
from nextround.services.board import pipeline_board
from nextround.services.process import add_interview, add_round, set_decision
from nextround.web.next_steps import next_steps
from tests.unit.fakes_full import FakeFullUnitOfWork


def _offer_and_interview(uow: FakeFullUnitOfWork) -> tuple[int, int]:
    """An offer to answer by Wed 2 Dec, and another process's interview on Thu 3 Dec."""
    with uow:
        offer = add_application(
            uow, {"company": "Matillion", "role_title": "PM", "applied_on": date(2026, 10, 1)}
        )
        assert offer.id is not None
        set_decision(uow, offer.id, Outcome.OFFER, date(2026, 11, 24), None, None,
                     OfferResponse.PENDING, answer_by=date(2026, 12, 2))  # fmt: skip
        other = add_application(
            uow, {"company": "GCHQ", "role_title": "Analyst", "applied_on": date(2026, 10, 5)}
        )
        assert other.id is not None
        add_round(uow, other.id, {"name": "Assessment centre", "kind": RoundKind.FINAL_LOOP,
                                  "started_on": date(2026, 11, 20)})  # fmt: skip
        day = datetime(2026, 12, 3, 9, tzinfo=UTC)
        add_interview(uow, other.id, None, {"title": "Assessment day", "scheduled_at": day})
        uow.commit()
        return offer.id, other.id


def test_the_side_panel_says_the_answer_is_due_before_another_interview_on_any_store():
    uow = FakeFullUnitOfWork()
    offer, _ = _offer_and_interview(uow)
    with uow:
        steps = next_steps(uow, offer)
    assert steps.answer_before is not None
    assert steps.answer_before.startswith("You answer Matillion by")
    assert "at GCHQ" in steps.answer_before


def test_the_board_agenda_reads_the_interviews_to_come_from_the_port():
    uow = FakeFullUnitOfWork()
    _, other = _offer_and_interview(uow)
    with uow:
        board = pipeline_board(uow)
    assert [(i.company, i.title, i.application_id) for i in board.upcoming] == [
        ("GCHQ", "Assessment day", other)
    ]
    assert board.answer_first  # the answer (2 Dec) comes before that interview (3 Dec)

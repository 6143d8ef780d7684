"""The board service: columns by stage, one-step moves through the journey's use cases."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.analysis.lexical import LexicalMapper
from nextround.bootstrap import Nextround
from nextround.domain.journey import Status
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.board import Move, move_application, moves_for, pipeline_board
from nextround.services.demo import load_demo
from nextround.services.frameworks import active_framework
from nextround.services.listing import SortOrder, paginate, sorted_applications


def test_moves_follow_the_status() -> None:
    assert moves_for(Status.APPLIED)[0] == Move.SCREEN
    assert moves_for(Status.SCREENING)[-1] == Move.NO_RESPONSE
    # After a final round the outcome is what comes next, an offer first.
    assert moves_for(Status.FINAL_ROUND)[:2] == (Move.OFFER, Move.REJECTED)
    assert Move.FINAL_LOOP in moves_for(Status.FINAL_ROUND)
    assert moves_for(Status.OFFER) == (Move.ACCEPT, Move.DECLINE)
    assert moves_for(Status.REJECTED) == (Move.REOPEN,)


def test_a_process_walks_the_board(app: Nextround) -> None:
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "A", "role_title": "B", "applied_on": date(2026, 10, 1)}
        )
        assert created.id is not None
        steps = [
            (Move.SCREEN, Status.SCREENING),
            (Move.TECHNICAL, Status.INTERVIEWING),
            (Move.FINAL_LOOP, Status.FINAL_ROUND),
            (Move.OFFER, Status.OFFER),
            (Move.DECLINE, Status.DECLINED),
            (Move.REOPEN, Status.FINAL_ROUND),
            (Move.NO_RESPONSE, Status.NO_RESPONSE),
        ]
        for move, status in steps:
            assert move_application(uow, created.id, move).app.status is status
        # Each round move passed the round before it; the offer passed the last.
        rounds = uow.applications.get(created.id).ordered_rounds
        assert [r.outcome.value for r in rounds] == ["passed", "passed", "passed"]
        with pytest.raises(DomainError, match="does not apply"):
            move_application(uow, created.id, Move.ACCEPT)


def test_a_panel_interview_on_the_board_is_the_final_round(app: Nextround) -> None:
    # QA10 F9: outside tech the deciding round is a panel, and the board offered none.
    from nextround.domain.journey import RoundKind
    from nextround.services.board import MOVE_LABELS

    assert MOVE_LABELS[Move.PANEL] == "Next round: panel interview"
    assert Move.PANEL in moves_for(Status.SCREENING)
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "NHS", "role_title": "Ops", "applied_on": date(2026, 10, 1)}
        )
        assert created.id is not None
        move_application(uow, created.id, Move.SCREEN)
        moved = move_application(uow, created.id, Move.PANEL).app
    assert moved.status is Status.FINAL_ROUND
    assert [(r.kind, r.name) for r in moved.ordered_rounds][-1] == (
        RoundKind.PANEL,
        "Panel interview",
    )
    assert moves_for(moved.status)[0] == Move.OFFER


def test_an_assessment_centre_on_the_board_is_the_final_round(app: Nextround) -> None:
    # QA17 F4: a graduate scheme's online test, then its assessment centre.
    from nextround.domain.journey import RoundKind
    from nextround.services.board import MOVE_LABELS

    assert MOVE_LABELS[Move.ASSESSMENT_CENTRE] == "Next round: assessment centre"
    assert Move.ASSESSMENT_CENTRE in moves_for(Status.SCREENING)
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "GCHQ", "role_title": "Graduate", "applied_on": date(2026, 10, 1)}
        )
        assert created.id is not None
        assert move_application(uow, created.id, Move.ASSESSMENT).app.status is Status.SCREENING
        moved = move_application(uow, created.id, Move.ASSESSMENT_CENTRE).app
    assert moved.status is Status.FINAL_ROUND
    assert [(r.kind, r.name, r.outcome.value) for r in moved.ordered_rounds] == [
        (RoundKind.ASSESSMENT, "Online assessment", "passed"),
        (RoundKind.ASSESSMENT_CENTRE, "Assessment centre", "pending"),
    ]


def test_board_over_the_demo(app: Nextround) -> None:
    with app.uow() as uow:
        load_demo(uow, LexicalMapper(active_framework(uow)))
        board = pipeline_board(uow, per_column=1)
    assert board.total == 7
    assert board.columns[0].status is Status.APPLIED
    assert sum(c.total for c in board.columns) + sum(board.closed.values()) == 7
    assert board.funnel[0].count == 7
    assert board.upcoming and board.upcoming[0].company == "Mossgrove Climate"


def test_sorted_and_paged(app: Nextround) -> None:
    with app.uow() as uow:
        for n, company in enumerate(["b", "C", "a"]):
            add_application(
                uow, {"company": company, "role_title": "r", "applied_on": date(2026, 10, 1 + n)}
            )
        names = [r.facts.company for r in sorted_applications(uow, order=SortOrder.COMPANY)]
        newest = [r.facts.company for r in sorted_applications(uow)]
        page = paginate(sorted_applications(uow), 5, per_page=2)
    assert names == ["a", "b", "C"]
    assert newest == ["a", "C", "b"]
    assert (page.page, page.pages, page.first, page.last) == (2, 2, 3, 3)


def test_accepting_on_the_board_dates_the_answer_and_keeps_the_offer_day(app: Nextround) -> None:
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "A", "role_title": "B", "applied_on": date(2026, 10, 1)}
        )
        assert created.id is not None
        move_application(uow, created.id, Move.OFFER, date(2026, 10, 21))
        moved = move_application(uow, created.id, Move.ACCEPT, date(2026, 10, 25))
        decision = moved.app.current_decision
        assert decision is not None
        assert (decision.decided_on, decision.answered_on) == (
            date(2026, 10, 21),
            date(2026, 10, 25),
        )

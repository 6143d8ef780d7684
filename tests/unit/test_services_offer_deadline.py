"""Setting, keeping, changing and clearing an offer's answer-by date through the use cases."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.journey import OfferResponse, Outcome
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.plan_week import offers_to_answer
from nextround.services.process import edit_decision, set_decision
from tests.unit.fakes import FAKE_NOW

TODAY = FAKE_NOW.astimezone().date()


def _add(uow, company: str) -> int:
    with uow:
        app = add_application(
            uow, {"company": company, "role_title": "PM", "applied_on": date(2026, 9, 8)}
        )
    assert app.id is not None
    return app.id


@pytest.fixture
def app_id(uow):
    return _add(uow, "Orbital Pay")


def _current(uow, app_id):
    return uow.stored.applications[app_id].current_decision


def _offer(uow, app_id, answer_by, on=date(2026, 11, 20)):
    with uow:
        set_decision(
            uow, app_id, Outcome.OFFER, on, None, None, OfferResponse.PENDING, answer_by=answer_by
        )


def test_the_deadline_is_kept_while_answering_and_dropped_with_the_offer(uow, app_id):
    _offer(uow, app_id, date(2026, 11, 27))
    with uow:  # re-recording the same offer without a deadline keeps it
        set_decision(uow, app_id, Outcome.OFFER, None, None, None, OfferResponse.ACCEPTED)
    assert _current(uow, app_id).answer_by == date(2026, 11, 27)
    assert _current(uow, app_id).answer_due(TODAY) is None  # answered: no reminder
    with uow:  # turned into a rejection: no offer, no day to answer it by
        edit_decision(uow, app_id, {"outcome": Outcome.REJECTION})
    assert _current(uow, app_id).answer_by is None


def test_edit_sets_changes_and_clears_it(uow, app_id):
    _offer(uow, app_id, None)
    with uow:
        edit_decision(uow, app_id, {"answer_by": date(2026, 11, 30)})
    assert _current(uow, app_id).answer_by == date(2026, 11, 30)
    with uow:
        edit_decision(uow, app_id, {"answer_by": date(2026, 12, 2)})
    assert _current(uow, app_id).answer_by == date(2026, 12, 2)
    with uow:
        edit_decision(uow, app_id, {"answer_by": None})
    assert _current(uow, app_id).answer_by is None


def test_a_deadline_before_the_offer_or_on_a_rejection_is_refused(uow, app_id):
    with pytest.raises(DomainError, match="before the offer came, on 2026-11-20"), uow:
        _offer(uow, app_id, date(2026, 11, 19))
    assert _current(uow, app_id) is None  # nothing half-written
    with pytest.raises(DomainError, match="only applies to an offer"), uow:
        set_decision(uow, app_id, Outcome.REJECTION, answer_by=date(2026, 11, 30))
    assert _current(uow, app_id) is None


def test_the_week_lists_pending_offers_soonest_first(uow, app_id):
    other = _add(uow, "Kestrelgate")
    answered = _add(uow, "Brightlane")
    _offer(uow, app_id, date(2026, 12, 10))
    _offer(uow, other, date(2026, 11, 24))  # overdue by a day
    _offer(uow, answered, date(2026, 11, 26))
    with uow:
        set_decision(uow, answered, Outcome.OFFER, None, None, None, OfferResponse.DECLINED)
    dues = offers_to_answer(uow)
    assert [(d.company, d.when, d.soon) for d in dues] == [
        ("Kestrelgate", "overdue by 1 day", True),
        ("Orbital Pay", "in 15 days", False),
    ]

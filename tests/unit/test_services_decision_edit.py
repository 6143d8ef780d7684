"""Correcting a decision without losing its other fields, and an offer's answer on its own day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextround.domain.journey import OfferResponse, Outcome
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.process import KEEP, edit_decision, set_decision
from tests.unit.fakes import FAKE_NOW

TODAY = FAKE_NOW.astimezone().date()


@pytest.fixture
def app_id(uow):
    with uow:
        app = add_application(
            uow, {"company": "Brightlane", "role_title": "PM", "applied_on": date(2026, 9, 8)}
        )
    return app.id


def _current(uow, app_id):
    return uow.stored.applications[app_id].current_decision


def test_editing_the_date_keeps_the_finalists_and_the_reason(uow, app_id):
    with uow:
        set_decision(uow, app_id, Outcome.REJECTION, date(2026, 10, 2), 3, "Chose another finalist")
    with uow:
        edit_decision(uow, app_id, {"decided_on": date(2026, 10, 3)})
    kept = _current(uow, app_id)
    assert (kept.decided_on, kept.finalists, kept.reason) == (
        date(2026, 10, 3),
        3,
        "Chose another finalist",
    )
    with uow:  # None clears one field, and only that one
        edit_decision(uow, app_id, {"reason": None})
    assert (_current(uow, app_id).reason, _current(uow, app_id).finalists) == (None, 3)


def test_the_answer_to_a_pending_offer_keeps_the_day_the_offer_came(uow, app_id):
    with uow:
        set_decision(uow, app_id, Outcome.OFFER, date(2026, 10, 21), None, None,
                     OfferResponse.PENDING)  # fmt: skip
    with uow:  # no day given: answered today, the offer keeps its day
        set_decision(uow, app_id, Outcome.OFFER, None, None, None, OfferResponse.ACCEPTED)
    answered = _current(uow, app_id)
    assert (answered.decided_on, answered.responded_on, answered.answered_on) == (
        date(2026, 10, 21),
        TODAY,
        TODAY,
    )
    with uow:  # corrected: the answer's day alone moves
        edit_decision(uow, app_id, {"responded_on": date(2026, 10, 25)})
    assert (_current(uow, app_id).decided_on, _current(uow, app_id).answered_on) == (
        date(2026, 10, 21),
        date(2026, 10, 25),
    )
    with uow:  # back to pending: there is no answer, so no day for it
        edit_decision(uow, app_id, {"offer_response": OfferResponse.PENDING})
    assert _current(uow, app_id).responded_on is None


def test_an_offer_recorded_with_its_answer_was_answered_the_day_it_came(uow, app_id):
    with uow:
        set_decision(uow, app_id, Outcome.OFFER, date(2026, 10, 21), None, None,
                     OfferResponse.DECLINED)  # fmt: skip
    decision = _current(uow, app_id)
    assert (decision.responded_on, decision.answered_on) == (None, date(2026, 10, 21))


@pytest.mark.parametrize(
    ("answered", "said"),
    [
        (date(2026, 10, 19), "the answer on 2026-10-19 is before the offer came, on 2026-10-21"),
        (TODAY + timedelta(days=1), "is in the future; record it once given"),
    ],
)
def test_an_answer_before_the_offer_or_in_the_future_is_refused(uow, app_id, answered, said):
    with uow:
        set_decision(uow, app_id, Outcome.OFFER, date(2026, 10, 21), None, None,
                     OfferResponse.PENDING)  # fmt: skip
    with uow, pytest.raises(DomainError, match=said):
        edit_decision(
            uow, app_id, {"offer_response": OfferResponse.ACCEPTED, "responded_on": answered}
        )
    assert _current(uow, app_id).offer_response is OfferResponse.PENDING


def test_an_answer_date_belongs_to_an_answered_offer_only(uow, app_id):
    with uow, pytest.raises(DomainError, match="only applies to an offer you accepted"):
        set_decision(uow, app_id, Outcome.REJECTION, date(2026, 10, 2),
                     responded_on=date(2026, 10, 3))  # fmt: skip
    with uow:
        set_decision(uow, app_id, Outcome.OFFER, date(2026, 10, 21), None, None,
                     OfferResponse.ACCEPTED, responded_on=date(2026, 10, 22))  # fmt: skip
    with uow:  # the offer fell through: no answer, no answer date
        edit_decision(uow, app_id, {"outcome": Outcome.REJECTION})
    decision = _current(uow, app_id)
    assert (decision.offer_response, decision.responded_on) == (None, None)


def test_there_is_nothing_to_edit_before_a_decision(uow, app_id):
    with uow, pytest.raises(DomainError, match="has no decision to edit") as refused:
        edit_decision(uow, app_id, {"reason": "x"})
    assert "decision set" in refused.value.for_cli()


def test_answering_an_offer_keeps_its_terms_and_finalists_unless_told(uow, app_id):
    terms = "Base $165k, OTE $330k (50/50), 4,000 RSUs over 4 years"
    with uow:
        set_decision(uow, app_id, Outcome.OFFER, date(2026, 10, 21), 2, terms,
                     OfferResponse.PENDING)  # fmt: skip
    with uow:  # the answer alone, as `decision set --response accepted` records it
        set_decision(uow, app_id, Outcome.OFFER, None, KEEP, KEEP, OfferResponse.ACCEPTED)
    answered = _current(uow, app_id)
    assert (answered.offer_response, answered.reason, answered.finalists) == (
        OfferResponse.ACCEPTED,
        terms,
        2,
    )
    with uow:  # clearing is still possible, said outright
        edit_decision(uow, app_id, {"reason": None})
    assert (_current(uow, app_id).reason, _current(uow, app_id).finalists) == (None, 2)
    with uow:  # another outcome keeps nothing of the offer
        set_decision(uow, app_id, Outcome.REJECTION, None, KEEP, KEEP)
    assert (_current(uow, app_id).reason, _current(uow, app_id).finalists) == (None, None)

"""An offer's answer-by date: who may have one, and the reminder's words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from nextround.domain.journey import Decision, OfferResponse, Outcome
from nextround.domain.offer_deadline import (
    AnswerDue,
    StepAhead,
    answer_before,
    answer_due,
    check_answer_by,
    day_label,
)
from nextround.errors import DomainError

TODAY = date(2026, 11, 29)


def test_a_deadline_before_the_offer_is_refused_saying_what_to_give():
    with pytest.raises(DomainError) as refused:
        check_answer_by(True, date(2026, 11, 25), date(2026, 11, 20))
    assert str(refused.value) == (
        "the answer-by date 2026-11-20 is before the offer came, on 2026-11-25; give the day "
        "the company wants your answer, on or after 2026-11-25"
    )
    check_answer_by(True, date(2026, 11, 25), date(2026, 11, 25))  # the same day is fine


def test_only_an_offer_has_a_deadline():
    rejection = Decision(Outcome.REJECTION, date(2026, 11, 25), answer_by=date(2026, 12, 4))
    with pytest.raises(DomainError, match="only applies to an offer"):
        rejection.check()
    Decision(
        Outcome.OFFER, date(2026, 11, 25), offer_response=OfferResponse.PENDING,
        answer_by=date(2026, 12, 4),
    ).check()  # fmt: skip


@pytest.mark.parametrize(
    ("answer_by", "said"),
    [
        (date(2026, 12, 4), "Offer: answer by Fri 4 Dec (in 5 days)"),
        (date(2026, 11, 30), "Offer: answer by Mon 30 Nov (tomorrow)"),
        (TODAY, "Offer: answer by Sun 29 Nov (today)"),
        (date(2026, 11, 28), "Offer: answer by Sat 28 Nov (overdue by 1 day)"),
        (date(2026, 11, 27), "Offer: answer by Fri 27 Nov (overdue by 2 days)"),
        (date(2027, 1, 8), "Offer: answer by Fri 8 Jan 2027 (in 40 days)"),
    ],
)
def test_the_reminder_says_the_day_and_how_far_off_it_is(answer_by, said):
    due = answer_due(True, answer_by, TODAY, "Orbital Pay", 3)
    assert due is not None
    assert due.reminder() == said


def test_the_week_item_names_the_company_and_comes_first_within_seven_days():
    due = answer_due(True, date(2026, 12, 4), TODAY, "Orbital Pay", 3)
    assert due is not None
    assert due.action() == "Answer Orbital Pay's offer by Fri 4 Dec"
    assert due.soon and not due.overdue
    assert due.to_json() == {"answer_by": "2026-12-04", "days_left": 5, "overdue": False}
    later = answer_due(True, date(2026, 12, 7), TODAY, "Orbital Pay", 3)
    assert later is not None and not later.soon
    overdue = answer_due(True, date(2026, 11, 1), TODAY)
    assert overdue is not None and overdue.soon and overdue.overdue


def test_an_answered_offer_or_one_without_a_date_reminds_of_nothing():
    assert answer_due(False, date(2026, 12, 4), TODAY) is None
    assert answer_due(True, None, TODAY) is None
    offer = Decision(
        Outcome.OFFER, date(2026, 11, 25), offer_response=OfferResponse.ACCEPTED,
        answer_by=date(2026, 12, 4),
    )  # fmt: skip
    assert offer.answer_due(TODAY) is None
    offer.offer_response = OfferResponse.PENDING
    assert offer.answer_due(TODAY) is not None
    offer.reopened_on = date(2026, 11, 28)  # no longer in force
    assert offer.answer_due(TODAY) is None


def test_a_day_in_another_year_says_the_year():
    assert day_label(date(2026, 12, 4), TODAY) == "Fri 4 Dec"
    assert day_label(date(2027, 12, 3), TODAY) == "Fri 3 Dec 2027"


def _clash_due(**changes: object) -> AnswerDue:
    due = AnswerDue("Matillion", date(2026, 12, 2), date(2026, 11, 27), 17)
    return replace(due, **changes)  # type: ignore[arg-type]


GCHQ = StepAhead("GCHQ", 29, "Assessment centre", date(2026, 12, 3))


def test_an_answer_due_before_another_process_s_interview_suggests_asking_for_time():
    said = answer_before(_clash_due(), [GCHQ])
    assert said == (
        "You answer Matillion by Wed 2 Dec, before your assessment centre at GCHQ on Thu 3 Dec: "
        "you could ask Matillion for more time."
    )
    # The soonest is named, the others counted; a name of its own keeps its capitals.
    sky = StepAhead("Sky", 2, "HackerRank OA", date(2026, 12, 4))
    assert answer_before(_clash_due(), [sky, GCHQ]) == (
        "You answer Matillion by Wed 2 Dec, before your assessment centre at GCHQ on Thu 3 Dec "
        "(and the next interview of 1 other process): you could ask Matillion for more time."
    )
    assert "before your HackerRank OA at Sky" in (answer_before(_clash_due(), [sky]) or "")


def test_no_clash_when_the_next_interview_comes_first_or_is_the_offer_s_own():
    earlier = StepAhead("GCHQ", 29, "Interview", date(2026, 12, 1))
    # GCHQ's next interview is before the answer: its news can come in time.
    assert answer_before(_clash_due(), [GCHQ, earlier]) is None
    assert answer_before(_clash_due(), [replace(GCHQ, application_id=17)]) is None
    assert answer_before(_clash_due(), []) is None
    # An offer to decline, or already overdue, has no time worth asking for.
    assert answer_before(_clash_due(accepted_elsewhere="BAE"), [GCHQ]) is None
    assert answer_before(_clash_due(today=date(2026, 12, 3)), [GCHQ]) is None


def test_the_next_step_of_a_pending_offer_is_its_answer():
    assert _clash_due().next_step == "answer by Wed 2 Dec"
    assert _clash_due(accepted_elsewhere="BAE").next_step == "decline by Wed 2 Dec"

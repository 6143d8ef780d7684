"""Feedback looked back on, on the fakes: newest first, where it was heard, what waits."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.errors import NotFoundError
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from nextround.services.feedback_records import feedback_record, feedback_records
from nextround.services.review import review_statement
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK

PANEL = "The risk register was never updated. The stakeholder updates were late."


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


def _add(uow, text, source, on, links=None):  # type: ignore[no-untyped-def]
    with uow:
        item, statements = add_mapped_feedback(
            uow, text, source, keyword_mapper, "test", received_on=on, links=links
        )
    return item, statements


def test_records_are_newest_first_and_say_where_each_was_heard(uow):
    process = seed_process(
        uow, "Tempoline", interviews=[("Whiteboard", datetime(2026, 9, 2, tzinfo=UTC), ())]
    )
    (interview_id,) = process.interview_ids
    on_interview = FeedbackLinks(process.application_id, interview_id=interview_id)
    on_round = FeedbackLinks(process.application_id, round_position=1)
    _add(uow, PANEL, FeedbackSource.INTERVIEWER, date(2026, 9, 10), on_interview)
    _add(uow, "Clear communicator.", FeedbackSource.MENTOR, date(2026, 10, 1))
    _add(uow, "Strong stakeholder work.", FeedbackSource.RECRUITER, date(2026, 9, 5), on_round)
    with uow:
        records = feedback_records(uow)
    assert [r.feedback.received_on.isoformat() for r in records] == [
        "2026-10-01",
        "2026-09-10",
        "2026-09-05",
    ]
    mentor, panel, recruiter = records
    assert mentor.about is None and mentor.company is None
    assert panel.about == "Tempoline · Final loop · Whiteboard"
    assert recruiter.about == "Tempoline · Final loop" and recruiter.interview_title is None
    assert len(panel.statements) == 2 and panel.to_review == 2


def test_a_record_counts_what_waits_and_names_its_competencies(uow):
    item, statements = _add(uow, PANEL, FeedbackSource.INTERVIEWER, date(2026, 9, 10))
    with uow:
        review_statement(uow, statements[0].id, ["risk-management"])
    with uow:
        record = feedback_record(uow, item.id)
    assert record.to_review == 1
    assert record.name("risk-management") == "Risk management"
    assert record.name("gone-competency") == "gone-competency"  # a removed framework's id
    with uow, pytest.raises(NotFoundError, match="no feedback with id 999"):
        feedback_record(uow, 999)


def test_no_feedback_gives_no_records(uow):
    with uow:
        assert feedback_records(uow) == []

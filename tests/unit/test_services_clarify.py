"""Clarifying questions on the fake unit of work: which statements, and what they name."""

from datetime import UTC, date, datetime

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.errors import NotFoundError
from nextround.services.clarify import clarifications
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK

VAGUE_ON_INTERVIEW = "There were some gaps around systems thinking."
VAGUE_ON_APPLICATION = "Risk management did not come through strongly enough."
SPECIFIC = "When asked how the flow fails, she drew only the happy path."
VAGUE_UNLINKED = "Your risk thinking is weak."
NOTHING_FITS = "Not quite what we were looking for."


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


@pytest.fixture
def ids(uow):
    seeded = seed_process(
        uow,
        "Tempoline",
        round_name="Final loop",
        interviews=[("Whiteboard case", datetime(2026, 11, 2, 10, tzinfo=UTC), [])],
    )
    on_interview = FeedbackLinks(interview_id=seeded.interview_ids[0])
    on_app = FeedbackLinks(application_id=seeded.application_id)
    feedback_ids = {}
    for text, source, links in [
        (VAGUE_ON_INTERVIEW, FeedbackSource.INTERVIEWER, on_interview),
        (VAGUE_ON_APPLICATION, FeedbackSource.RECRUITER, on_app),
        (SPECIFIC, FeedbackSource.INTERVIEWER, on_interview),
        (VAGUE_UNLINKED, FeedbackSource.MENTOR, None),
        (NOTHING_FITS, FeedbackSource.RECRUITER, on_app),
    ]:
        with uow:
            item, _ = add_mapped_feedback(
                uow, text, source, keyword_mapper, "test", received_on=date(2026, 11, 10),
                links=links,
            )  # fmt: skip
        feedback_ids[text] = item.id
    return feedback_ids


def _found(uow, feedback_id=None):
    with uow:
        return clarifications(uow, feedback_id)


def test_only_vague_statements_tied_to_an_application_get_questions(uow, ids):
    found = _found(uow)
    assert [c.statement.text for c in found] == [VAGUE_ON_INTERVIEW, VAGUE_ON_APPLICATION]


def test_the_questions_name_the_round_the_interview_the_competency_and_the_company(uow, ids):
    first = _found(uow)[0]
    assert first.company == "Tempoline"
    assert first.round_name == "Final loop"
    assert first.interview_title == "Whiteboard case"
    assert first.competency_name == "Systems thinking"
    assert first.statement.polarity is Polarity.GAP
    assert 1 <= len(first.questions) <= 3
    text = " ".join(first.questions)
    assert "the final loop" in text
    assert "“Whiteboard case”" in text
    assert "systems thinking" in text
    assert "at Tempoline" in text
    assert all(q.endswith(("?", ".")) for q in first.questions)


def test_feedback_about_the_whole_process_is_asked_about_its_last_round(uow, ids):
    second = _found(uow)[1]
    assert second.round_name == "Final loop"
    assert second.interview_title is None
    assert second.competency_name == "Risk management"
    assert any("the final loop" in q for q in second.questions)
    assert "interview" not in second.questions[0]


def test_one_feedback_item_only(uow, ids):
    found = _found(uow, ids[VAGUE_ON_APPLICATION])
    assert [c.statement.text for c in found] == [VAGUE_ON_APPLICATION]
    assert _found(uow, ids[SPECIFIC]) == []


def test_an_unknown_feedback_item_is_not_found(uow, ids):
    with pytest.raises(NotFoundError, match="no feedback with id 99"):
        _found(uow, 99)


def test_statements_mapped_on_another_framework_are_not_asked_about(uow, ids):
    with uow:
        uow.preferences.set("framework", "nextround-core", uow.now())
        uow.commit()
    assert _found(uow) == []


def test_feedback_about_a_whole_process_names_the_round_held_by_then(uow, ids):
    from nextround.domain.journey import RoundKind
    from nextround.services.process import add_round

    with uow:
        app_id = uow.feedback.get(ids[VAGUE_ON_APPLICATION]).application_id
        assert app_id is not None
        # A round added after the feedback came cannot be what the feedback speaks of.
        add_round(
            uow,
            app_id,
            {"name": "Offer chat", "kind": RoundKind.OTHER, "started_on": date(2026, 11, 20)},
        )
    (found,) = _found(uow, ids[VAGUE_ON_APPLICATION])
    assert found.round_name == "Final loop"
    assert "final loop" in found.questions[0] and "Offer chat" not in " ".join(found.questions)

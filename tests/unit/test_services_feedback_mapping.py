"""Storing feedback with its mapped statements, on the fake unit of work."""

from datetime import date

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.errors import DomainError, NotFoundError
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback, remove_feedback
from nextround.services.mapping import analyse
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, keyword_mapper
from tests.unit.growth_fixtures import FRAMEWORK

TEXT = "Strong communicator, but the whiteboard flow lacked structure."


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


def test_feedback_is_stored_as_given_with_its_statements_as_suggestions(uow):
    with uow:
        item, statements = add_mapped_feedback(
            uow, f"  {TEXT}\n", FeedbackSource.INTERVIEWER, keyword_mapper, "test",
            author="Inés",
        )  # fmt: skip
    with uow:
        stored = uow.feedback.get(item.id)
        kept = uow.statements.for_feedback(item.id)
    assert stored.text == TEXT
    assert stored.received_on == date(2026, 11, 25)
    assert [s.text for s in kept] == [
        "Strong communicator",
        "the whiteboard flow lacked structure.",
    ]
    assert [s.polarity for s in kept] == [Polarity.STRENGTH, Polarity.GAP]
    assert [s.position for s in kept] == [1, 2]
    for s in kept:
        assert TEXT[s.start : s.end] == s.text
        assert s.framework_id == "test"
        assert s.mapper == "keywords"
        assert not s.confirmed
        assert s.cues
    assert kept[0].competencies == ["communication"]
    assert [m.competency_id for m in kept[1].suggestions] == ["systems-thinking", "communication"]
    assert kept[1].competencies == ["systems-thinking"]  # the top suggestion, to be confirmed
    assert [s.id for s in statements] == [s.id for s in kept]


def test_feedback_dated_in_the_future_is_refused_and_nothing_is_stored(uow):
    def no_model_needed():
        raise AssertionError("bad input must be refused before the mapper is built")

    with uow, pytest.raises(DomainError, match="in the future"):
        add_mapped_feedback(
            uow, TEXT, FeedbackSource.RECRUITER, no_model_needed, "test",
            received_on=date(2026, 11, 26),
        )  # fmt: skip
    with uow:
        assert uow.feedback.list() == []
        assert uow.statements.unconfirmed() == []


def test_feedback_about_an_unknown_interview_is_refused(uow):
    with uow, pytest.raises(NotFoundError, match="no interview with id 5"):
        add_mapped_feedback(
            uow, TEXT, FeedbackSource.RECRUITER, keyword_mapper, "test",
            links=FeedbackLinks(interview_id=5),
        )  # fmt: skip
    with uow:
        assert uow.feedback.list() == []


def test_a_section_heading_sets_the_polarity_of_the_bullets_under_it():
    text = (
        "Strengths:\n- stakeholder updates\n- the roadmap\n\n"
        "Areas for development:\n- the whiteboard exercise\n"
    )
    (mapped,) = analyse([text], keyword_mapper())
    polarity = {s.text: s.polarity for s in mapped.statements}
    assert polarity == {
        "stakeholder updates": Polarity.STRENGTH,
        "the roadmap": Polarity.STRENGTH,
        "the whiteboard exercise": Polarity.GAP,
    }
    assert any(c.startswith("heading:") for c in mapped.statements[0].cues)


def test_blank_texts_have_no_statements_and_the_mapper_sees_each_statement_once():
    mapper = keyword_mapper()
    results = analyse(["", "Clear. Systems view missing.", "   "], mapper)
    assert [len(r.statements) for r in results] == [0, 2, 0]
    assert mapper.calls == [["Clear.", "Systems view missing."]]
    assert analyse([], mapper) == []


def test_removing_feedback_takes_its_statements_and_leaves_the_rest(uow):
    with uow:
        first, _ = add_mapped_feedback(
            uow, TEXT, FeedbackSource.INTERVIEWER, keyword_mapper, "test"
        )
        second, kept = add_mapped_feedback(
            uow, "Risk management was weak.", FeedbackSource.RECRUITER, keyword_mapper, "test"
        )
        uow.statements.for_feedback(first.id)[0].confirmed = True
        uow.commit()
    with uow:
        removed = remove_feedback(uow, first.id)
    assert (removed.feedback.id, removed.statements, removed.confirmed) == (first.id, 2, 1)
    with uow:
        assert [f.id for f in uow.feedback.list()] == [second.id]
        assert uow.statements.for_feedback(first.id) == []
        assert [s.id for s in uow.statements.unconfirmed()] == [s.id for s in kept]
        with pytest.raises(NotFoundError, match="no feedback with id 99"):
            remove_feedback(uow, 99)


def test_feedback_stored_without_mapping_is_mapped_later_once(uow):
    from nextround.services.feedback import add_feedback, map_stored_feedback

    with uow:
        item = add_feedback(uow, TEXT, FeedbackSource.INTERVIEWER)
    loads = []

    def mapper():  # type: ignore[no-untyped-def]
        loads.append(1)
        return keyword_mapper()

    with uow:
        mapped, statements = map_stored_feedback(uow, item.id, mapper, "test")
    assert mapped.id == item.id
    with uow:
        kept = uow.statements.for_feedback(item.id)
    assert [s.id for s in kept] == [s.id for s in statements]
    assert [s.text for s in kept] == [
        "Strong communicator",
        "the whiteboard flow lacked structure.",
    ]
    assert not any(s.confirmed for s in kept)  # waiting for review, as new feedback's do
    with uow, pytest.raises(DomainError) as refused:
        map_stored_feedback(uow, item.id, mapper, "test")
    assert refused.value.message == f"feedback {item.id} is already split into 2 statements"
    assert refused.value.cli_hint == f"see them with `nextround feedback show {item.id}`"
    assert loads == [1]  # refused before any model loads
    with uow:
        assert len(uow.statements.for_feedback(item.id)) == 2
    with uow, pytest.raises(NotFoundError):
        map_stored_feedback(uow, 99, mapper, "test")


def test_a_competency_named_as_a_label_counts_for_each_statement_under_it():
    # The words alone point elsewhere ("flow" is systems thinking to this mapper).
    text = "Risk management: the flow was clear, but missed the vendor dependency."
    mapper = keyword_mapper()
    (mapped,) = analyse([text], mapper)
    assert [s.topic for s in mapped.statements] == ["Risk management"] * 2
    for statement in mapped.statements:
        assert statement.matches[0].competency_id == "risk-management", statement
        assert statement.matches[0].confidence >= 0.6
    assert mapper.calls == [["the flow was clear", "missed the vendor dependency."]]
    assert [s.polarity for s in mapped.statements] == [Polarity.STRENGTH, Polarity.GAP]


def test_a_competency_name_on_its_own_line_heads_the_statements_after_it():
    text = "Systems thinking\nDidn't see the vendor dependency.\n\nSummary:\nClear on risk overall."
    (mapped,) = analyse([text], keyword_mapper())
    first, last = mapped.statements
    assert (first.text, first.topic) == ("Didn't see the vendor dependency.", "Systems thinking")
    assert first.matches[0].competency_id == "systems-thinking"
    # "Summary" names no competency: the statement is mapped on its words alone.
    assert last.topic is None
    assert [m.competency_id for m in last.matches] == ["risk-management", "communication"]

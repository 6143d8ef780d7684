"""Reviewing mapped statements on the fake unit of work: confirm, correct, none, polarity."""

from datetime import date

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.errors import DomainError, NotFoundError
from nextround.services.feedback import add_mapped_feedback
from nextround.services.frameworks import import_framework
from nextround.services.mapping import confirmed_examples
from nextround.services.review import pending_review, review_statement
from tests.conftest import FIXED_NOW
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, keyword_mapper
from tests.unit.growth_fixtures import FRAMEWORK

LATER = "The risk register was never updated. The stakeholder updates were late."
EARLIER = "Clear communicator."


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    uow = FakeGrowthUnitOfWork()
    with uow:
        import_framework(uow, FRAMEWORK, use=True)
    with uow:
        add_mapped_feedback(
            uow, LATER, FeedbackSource.INTERVIEWER, keyword_mapper, "test",
            received_on=date(2026, 11, 20),
        )  # fmt: skip
        add_mapped_feedback(
            uow, EARLIER, FeedbackSource.MENTOR, keyword_mapper, "test",
            received_on=date(2026, 10, 1),
        )  # fmt: skip
    return uow


def _pending(uow):
    with uow:
        return pending_review(uow)


def test_pending_review_lists_statements_oldest_feedback_first(uow):
    items = _pending(uow)
    assert [i.statement.text for i in items] == [
        "Clear communicator.",
        "The risk register was never updated.",
        "The stakeholder updates were late.",
    ]
    assert items[0].feedback.source is FeedbackSource.MENTOR
    assert items[1].statement.suggestions[0].competency_id == "risk-management"
    assert not any(i.statement.confirmed for i in items)


def _statement(uow, text_start):
    return next(i.statement for i in _pending(uow) if i.statement.text.startswith(text_start))


def test_confirming_keeps_the_suggestion_and_is_stored(uow):
    target = _statement(uow, "The risk register")
    with uow:
        done = review_statement(uow, target.id)
    assert done.confirmed
    assert done.competencies == ["risk-management"]
    assert done.reviewed_at == FIXED_NOW
    with uow:
        stored = uow.statements.get(target.id)
        assert stored.confirmed
        assert stored.evidence == [("risk-management", 1.0)]
        assert target.id not in [i.statement.id for i in pending_review(uow)]


def test_correcting_replaces_the_competencies(uow):
    target = _statement(uow, "The stakeholder")
    assert target.competencies == ["stakeholder-management"]
    with uow:
        review_statement(uow, target.id, ["communication", "systems-thinking", "communication"])
    with uow:
        stored = uow.statements.get(target.id)
        assert stored.competencies == ["communication", "systems-thinking"]
        assert stored.polarity is target.polarity  # not asked to change
        # the suggestions are kept as they were: what the mapper said, for the record
        assert stored.suggestions == target.suggestions


def test_none_says_the_statement_is_about_no_competency(uow):
    target = _statement(uow, "The risk register")
    with uow:
        review_statement(uow, target.id, [])
    with uow:
        stored = uow.statements.get(target.id)
        assert stored.confirmed
        assert stored.competencies == []
        assert stored.evidence == []  # confirmed as nothing: no longer evidence of anything
        # A gap about nothing would say nothing true: it reads as neutral.
        assert target.polarity is Polarity.GAP and stored.polarity is Polarity.NEUTRAL
        assert stored.about_no_competency and stored.counted_polarity is Polarity.NEUTRAL


def test_none_is_neutral_whatever_polarity_comes_with_it(uow):
    # The web form always sends its "Reads as" choice, ticked "about no competency" or not.
    target = _statement(uow, "Clear communicator")
    with uow:
        done = review_statement(uow, target.id, [], Polarity.STRENGTH)
    assert done.polarity is Polarity.NEUTRAL and done.about_no_competency


def test_a_statement_about_no_competency_teaches_the_polarity_reader_nothing(uow):
    from nextround.services.mapping import confirmed_polarities

    kept, set_aside = _statement(uow, "The stakeholder"), _statement(uow, "The risk register")
    with uow:
        review_statement(uow, kept.id)
        review_statement(uow, set_aside.id, [])
        # A verdict stored before the rule kept the guessed polarity; it teaches nothing either.
        uow.statements.get(set_aside.id).polarity = Polarity.GAP
        taught = confirmed_polarities(uow)
    assert [(e.text, e.polarity) for e in taught] == [
        ("The stakeholder updates were late.", kept.polarity)
    ]


def test_polarity_can_be_changed_while_confirming(uow):
    target = _statement(uow, "Clear communicator")
    assert target.polarity is Polarity.STRENGTH
    with uow:
        review_statement(uow, target.id, None, Polarity.GAP)
    with uow:
        stored = uow.statements.get(target.id)
        assert stored.polarity is Polarity.GAP
        assert stored.competencies == ["communication"]


def test_an_unknown_competency_is_refused_and_nothing_changes(uow):
    target = _statement(uow, "The risk register")
    with uow, pytest.raises(DomainError, match=r"'nope' is not a competency of ") as refused:
        review_statement(uow, target.id, ["risk-management", "nope"])
    assert "see `nextround framework show" in refused.value.for_cli()
    with uow:
        stored = uow.statements.get(target.id)
        assert not stored.confirmed
        assert stored.competencies == ["risk-management"]


def test_a_competency_of_another_framework_is_unknown(uow):
    # The statement was mapped on the test framework; the built-in ids do not apply to it.
    target = _statement(uow, "The risk register")
    with uow, pytest.raises(DomainError, match="'ownership' is not a competency of “Test"):
        review_statement(uow, target.id, ["ownership"])


def test_an_unknown_statement_is_not_found(uow):
    with uow, pytest.raises(NotFoundError, match="no statement with id 99"):
        review_statement(uow, 99)


def test_confirmed_statements_become_labelled_examples_of_their_framework(uow):
    corrected = _statement(uow, "The stakeholder")
    with uow:
        review_statement(uow, corrected.id, ["communication"])
        framework = uow.frameworks.get("test")
        examples = confirmed_examples(uow, framework)
        other = confirmed_examples(uow, uow.frameworks.get("nextround-core"))
    assert [(e.text, e.competency_id) for e in examples] == [
        ("The stakeholder updates were late.", "communication")
    ]
    assert other == []


def test_an_unsure_suggestion_is_not_pre_selected_nor_accepted_as_is():
    uow = FakeGrowthUnitOfWork()
    with uow:
        import_framework(uow, FRAMEWORK, use=True)
    with uow:
        add_mapped_feedback(
            uow, "The structure drifted.", FeedbackSource.INTERVIEWER, keyword_mapper, "test",
            received_on=date(2026, 11, 20),
        )  # fmt: skip
    (item,) = _pending(uow)
    unsure = item.statement
    assert unsure.suggestions[0].confidence == 0.3  # "structure" -> communication, unsure
    assert unsure.competencies == [] and unsure.pick == []
    with uow, pytest.raises(DomainError, match="no suggestion confident enough to accept"):
        review_statement(uow, unsure.id)
    with uow:
        assert not uow.statements.get(unsure.id).confirmed
    # Named by the user, the same guess is confirmed.
    with uow:
        done = review_statement(uow, unsure.id, ["communication"])
    assert done.confirmed and done.competencies == ["communication"]


def test_a_competency_can_be_named_rather_than_given_by_id(uow):
    target = _statement(uow, "The risk register")
    with uow:
        review_statement(uow, target.id, ["Risk Management", "risk-management"])
    with uow:
        assert uow.statements.get(target.id).competencies == ["risk-management"]


def test_a_statement_of_a_pasted_copy_says_what_confirming_it_does(uow):
    from nextround.services.inbox import review_inbox

    with uow:
        add_mapped_feedback(
            uow, f"{EARLIER}\n", FeedbackSource.MENTOR, keyword_mapper, "test",
            received_on=date(2026, 10, 2),
        )  # fmt: skip
    with uow:
        listed = [pending_review(uow), review_inbox(uow).items]
    for items in listed:
        copy = [i for i in items if i.copy_of is not None]
        assert [(i.feedback.id, i.copy_of.id) for i in copy] == [(3, 2)]
        assert copy[0].copy_note == (
            "feedback 3 repeats feedback 2 (received 2026-10-01) word for word: confirmed, "
            "these words count a second time"
        )
        assert all(i.copy_note is None for i in items if i.feedback.id != 3)

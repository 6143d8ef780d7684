"""Use cases for reviewing mapped statements: the user confirms or corrects each one."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.competency import Polarity
from nextround.domain.feedback import Feedback
from nextround.domain.feedback_copies import repeated, review_note
from nextround.domain.statements import FeedbackStatement, confident_pick
from nextround.errors import DomainError
from nextround.services.frameworks import competency_ids
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch


@dataclass(frozen=True)
class ReviewItem:
    """A statement awaiting review, with the feedback it came from."""

    statement: FeedbackStatement
    feedback: Feedback
    #: The earlier feedback this feedback repeats word for word, when it is a pasted copy:
    #: left out of the profile until reviewed, and counted twice once confirmed.
    copy_of: Feedback | None = None

    @property
    def copy_note(self) -> str | None:
        """What confirming the statement of a copy does, when the feedback is one."""
        return review_note(self.feedback.id, self.copy_of) if self.copy_of else None


def pending_review(uow: GrowthUnitOfWork) -> list[ReviewItem]:
    """Statements whose mapping the user has not confirmed yet, oldest feedback first."""
    statements = uow.statements.unconfirmed()
    copies = repeated(uow.feedback.list()) if statements else {}
    items = [
        ReviewItem(s, uow.feedback.get(s.feedback_id), copies.get(s.feedback_id))
        for s in statements
    ]
    return sorted(
        items, key=lambda i: (i.feedback.received_on, i.feedback.id or 0, i.statement.position)
    )


def review_statement(
    uow: GrowthUnitOfWork,
    statement_id: int,
    competencies: list[str] | None = None,
    polarity: Polarity | None = None,
) -> FeedbackStatement:
    """Confirm a statement's mapping; ``competencies=None`` accepts the current one.

    An empty list says the statement is about no competency at all. Confirmed statements
    become labelled examples that teach the mapper.
    """
    statement = uow.statements.get(statement_id)
    framework = uow.frameworks.get(statement.framework_id)
    chosen = statement.pick if competencies is None else competency_ids(framework, competencies)
    # Accepting as is takes the pre-selected pick. An unsure guess is never pre-selected, so
    # accepting one needs the user to name it; with no suggestion at all, it means "none".
    if competencies is None and not chosen and not statement.confirmed and statement.suggestions:
        best = statement.suggestions[0]
        name = next((c.name for c in framework.competencies if c.id == best.competency_id), "")
        raise DomainError(
            f"statement {statement_id} has no suggestion confident enough to accept (the best "
            f"is {name or best.competency_id} at {best.confidence:.0%}); name its competency "
            "(--competency ID) or say it is about none (--none)"
        )
    statement.confirm(chosen, polarity, {c.id for c in framework.competencies}, uow.now())
    touch(uow.now(), statement)
    uow.commit()
    return statement


def review_again(uow: GrowthUnitOfWork, statement_id: int) -> FeedbackStatement:
    """Put a statement back to review, its verdict undone (one carried from another framework).

    It waits with the suggestions it was read with, as a statement never reviewed does.
    """
    statement = uow.statements.get(statement_id)
    statement.confirmed = False
    statement.competencies = confident_pick(statement.suggestions)
    statement.reviewed_at = None
    touch(uow.now(), statement)
    uow.commit()
    return statement

"""What the application's feedback gives a thank-you note: learnings, who told the outcome."""

from __future__ import annotations

from nextround.analysis.feedback_words import own_words
from nextround.domain.competency import Framework
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Application
from nextround.domain.note_facts import Learning
from nextround.domain.note_recipients import RECRUITER_ROLES
from nextround.domain.skill_names import skills_phrase
from nextround.domain.statements import FeedbackStatement, in_use
from nextround.services.ports import FullUnitOfWork

# Feedback from these sources, written once the process had ended, delivered its outcome.
_COMPANY_SOURCES = frozenset({
    FeedbackSource.RECRUITER, FeedbackSource.HIRING_MANAGER, FeedbackSource.INTERVIEWER,
})  # fmt: skip


def told_the_outcome(uow: FullUnitOfWork, app: Application) -> set[str]:
    """Who told the person how the process ended, as casefolded names.

    The record keeps no "told by" on a decision: whoever from the company wrote feedback on
    or after the decision day brought the news; failing that, the recruiter, whose job it is.
    """
    decision = app.current_decision
    if decision is None:
        return set()
    authors = {
        item.author.casefold()
        for item in uow.feedback.list(app.id)
        if item.author
        and item.source in _COMPANY_SOURCES
        and item.received_on >= decision.decided_on
    }
    if authors:
        return authors
    return {c.name.casefold() for c in uow.contacts.list(app.id) if c.role in RECRUITER_ROLES}


def feedback_to_review(uow: FullUnitOfWork, app: Application) -> int:
    """How many pieces of the application's feedback still wait for the person's review."""
    waiting = 0
    for item in uow.feedback.list(app.id):
        assert item.id is not None
        statements = uow.statements.for_feedback(item.id)
        waiting += not statements or any(not s.confirmed for s in statements)
    return waiting


def learnings(uow: FullUnitOfWork, app: Application, framework: Framework) -> list[Learning]:
    """What the person confirmed the application's feedback says, to name in the note."""
    found = []
    for item in uow.feedback.list(app.id):  # linked to the application, a round or interview
        assert item.id is not None
        for statement in in_use(uow.statements.for_feedback(item.id)):
            ids = _statement_competencies(statement, framework)
            names = [c.name for c in map(framework.competency, ids) if c is not None]
            if not names:
                continue
            found.append(
                Learning(
                    words=own_words(statement.text),
                    topic=skills_phrase(names),
                    polarity=statement.polarity,
                    competencies=tuple(ids),
                    statement_id=statement.id,
                    author=item.author,
                    source=item.source,
                    confirmed=True,
                    confidence=1.0,
                )
            )
    return found


def _statement_competencies(statement: FeedbackStatement, framework: Framework) -> list[str]:
    # Only what the person confirmed: a guessed polarity could make the note thank someone
    # for praise that was really criticism, which is worse than naming no learning at all.
    if statement.framework_id != framework.id or not statement.confirmed:
        return []
    return list(statement.competencies)

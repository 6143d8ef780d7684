"""Clarifying questions to send when feedback is too vague to act on."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.analysis.clarify import clarifying_questions, is_vague
from nextround.domain.competency import Polarity
from nextround.domain.feedback import Feedback
from nextround.domain.statements import FeedbackStatement
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork


@dataclass(frozen=True)
class Clarification:
    """A vague statement and the questions that would make it useful."""

    statement: FeedbackStatement
    feedback: Feedback
    company: str | None
    round_name: str | None
    interview_title: str | None
    competency_name: str
    questions: list[str]


def _both(names: dict[str, str], competencies: list[str]) -> str:
    """One or two competencies, as the statement names them ("risk management and ...")."""
    shown = [names[c] for c in dict.fromkeys(competencies)][:2]
    return " and ".join(shown)


def clarifications(uow: GrowthUnitOfWork, feedback_id: int | None = None) -> list[Clarification]:
    """Questions for every vague statement tied to an application (or to one feedback item)."""
    if feedback_id is not None:
        uow.feedback.get(feedback_id)  # an unknown id is an error, not "nothing vague"
    framework = active_framework(uow)
    names = {c.id: c.name for c in framework.competencies}
    found = []
    for statement, item in uow.statements.with_feedback(framework.id):
        if feedback_id is not None and item.id != feedback_id:
            continue
        if item.application_id is None or statement.polarity is Polarity.NEUTRAL:
            continue
        competencies = [c for c, _ in statement.evidence if c in names]
        if not competencies or not is_vague(statement.text):
            continue
        app = uow.applications.get(item.application_id)
        round_name = interview_title = None
        for round_ in app.rounds:
            if round_.id == item.round_id:
                round_name = round_.name
            for interview in round_.interviews:
                if interview.id == item.interview_id:
                    round_name, interview_title = round_.name, interview.title
        if round_name is None and app.rounds:
            # Feedback after a whole process is almost always about its last round.
            round_name = app.ordered_rounds[-1].name
        found.append(
            Clarification(
                statement=statement,
                feedback=item,
                company=app.company,
                round_name=round_name,
                interview_title=interview_title,
                competency_name=_both(names, competencies),
                questions=clarifying_questions(
                    statement.text,
                    _both(names, competencies),
                    round_name,
                    interview_title,
                    app.company,
                    polarity=statement.polarity,
                ),
            )
        )
    # Gaps first: a vague criticism is the one worth asking about; then oldest first.
    return sorted(
        found,
        key=lambda c: (
            c.statement.polarity is not Polarity.GAP,
            c.feedback.received_on,
            c.statement.position,
        ),
    )

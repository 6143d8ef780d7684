"""Clarifying questions to send when feedback is too vague to act on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
    vague = []
    for statement, item in uow.statements.with_feedback(framework.id):
        if feedback_id is not None and item.id != feedback_id:
            continue
        if item.application_id is None or statement.polarity is Polarity.NEUTRAL:
            continue
        competencies = [c for c, _ in statement.evidence if c in names]
        if competencies and is_vague(statement.text):
            vague.append((statement, item, competencies))
    labels = uow.applications.labels(
        {i.round_id for _, i, _ in vague if i.round_id is not None},
        {i.interview_id for _, i, _ in vague if i.interview_id is not None},
    )
    rounds_held: dict[int, list[tuple[date, str]]] = {}
    found = []
    for statement, item, competencies in vague:
        assert item.application_id is not None
        company = labels.companies.get(item.application_id)
        interview = labels.interviews.get(item.interview_id) if item.interview_id else None
        interview_title = interview.title if interview else None
        if interview is not None:
            round_name: str | None = interview.round_name
        elif item.round_id in labels.rounds:
            round_name = labels.rounds[item.round_id]
        else:
            # Feedback about a whole process is almost always about the last round held by
            # the time it came: a later round cannot be what it speaks of.
            round_name = _round_by(uow, rounds_held, item.application_id, item.received_on)
        found.append(
            Clarification(
                statement=statement,
                feedback=item,
                company=company,
                round_name=round_name,
                interview_title=interview_title,
                competency_name=_both(names, competencies),
                questions=clarifying_questions(
                    statement.text,
                    _both(names, competencies),
                    round_name,
                    interview_title,
                    company,
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


def _round_by(
    uow: GrowthUnitOfWork,
    cache: dict[int, list[tuple[date, str]]],
    app_id: int,
    on: date,
) -> str | None:
    """The name of the application's latest round started by ``on`` (None: before any)."""
    if app_id not in cache:
        app = uow.applications.get(app_id)
        cache[app_id] = [(r.started_on, r.name) for r in app.ordered_rounds]
    started = sorted((day, index) for index, (day, _) in enumerate(cache[app_id]) if day <= on)
    return cache[app_id][started[-1][1]][1] if started else None

"""The growth engine's records of one application: debriefs by interview, statements by feedback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from nextround.domain.competency import Competency, Framework
from nextround.domain.debrief import Debrief, DebriefQuestion
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application, Interview
from nextround.domain.likely_probes import likely_probes
from nextround.domain.question_verdict import QuestionVerdict, question_verdict
from nextround.domain.statements import FeedbackStatement
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork


@dataclass(frozen=True)
class ApplicationGrowth:
    """The debriefs and mapped statements of one application, and the framework in use."""

    framework: Framework
    debriefs: dict[int, Debrief] = field(default_factory=dict)
    statements: dict[int, list[FeedbackStatement]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.names.update({c.id: c.name for c in self.framework.competencies})

    def name(self, competency_id: str) -> str:
        """A competency's name on the framework in use (its id when it is not on it)."""
        return self.names.get(competency_id, competency_id)

    def verdict(self, question: DebriefQuestion) -> QuestionVerdict:
        """What a logged question probed on the framework in use, and how sure that is."""
        return question_verdict(question, self.framework)

    def likely(self, app: Application, interview: Interview) -> list[Competency]:
        """What an interview with no competencies set most likely probed, best first.

        From its format, the process's other interviews and its feedback (the debrief offers
        these first and folds the rest of the framework away); empty when nothing says.
        """
        others = [i for r in app.rounds for i in r.interviews if i.id != interview.id]
        elsewhere = [c for i in others for c in i.competencies]
        heard = [
            pair
            for statements in self.statements.values()
            for s in statements
            if s.framework_id == self.framework.id
            for pair in s.evidence
        ]
        ids = likely_probes(self.framework, interview.format.value, elsewhere, heard)
        return [c for c in (self.framework.competency(i) for i in ids) if c is not None]

    def to_review(self, feedback_id: int | None) -> int:
        """How many statements of a feedback item still wait for the user's verdict."""
        return sum(1 for s in self.statements.get(feedback_id or 0, []) if not s.confirmed)


def application_growth(
    uow: GrowthUnitOfWork, app: Application, feedback: Iterable[Feedback]
) -> ApplicationGrowth:
    """The growth records behind an application's page."""
    interviews = [i.id for r in app.rounds for i in r.interviews if i.id is not None]
    debriefs = uow.debriefs.for_interviews(interviews)
    statements = uow.statements.for_feedback_items([f.id for f in feedback if f.id is not None])
    return ApplicationGrowth(active_framework(uow), debriefs, statements)


def likely_probes_of(uow: GrowthUnitOfWork, interview_id: int) -> list[Competency]:
    """What an interview most likely probed, for a debrief of one with none set (as the web)."""
    from nextround.services.feedback import list_feedback

    app, _, interview = uow.applications.get_interview(interview_id)
    assert app.id is not None
    growth = application_growth(uow, app, list_feedback(uow, app.id))
    return growth.likely(app, interview)

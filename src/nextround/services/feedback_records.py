"""Feedback looked back on: each item with where it came from and how its statements were read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from nextround.domain.feedback import Feedback
from nextround.domain.statements import FeedbackStatement
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork, Labels


@dataclass(frozen=True)
class FeedbackRecord:
    """One feedback item as given, the process it is about, and its statements."""

    feedback: Feedback
    statements: list[FeedbackStatement]
    company: str | None = None
    round_name: str | None = None
    interview_title: str | None = None
    #: Competency names by id, for every framework the statements were mapped on.
    names: dict[str, str] = field(default_factory=dict)

    @property
    def to_review(self) -> int:
        """How many statements still wait for the user's verdict."""
        return sum(not s.confirmed for s in self.statements)

    @property
    def about(self) -> str | None:
        """Where it was heard, most precise first: "Acme · Final loop · Whiteboard"."""
        parts = [p for p in (self.company, self.round_name, self.interview_title) if p]
        return " · ".join(parts) or None

    def name(self, competency_id: str) -> str:
        """A competency's name, or its id when its framework is gone."""
        return self.names.get(competency_id, competency_id)


def _record(
    item: Feedback,
    statements: list[FeedbackStatement],
    labels: Labels,
    names: dict[str, str] | None = None,
) -> FeedbackRecord:
    interview = labels.interviews.get(item.interview_id) if item.interview_id else None
    round_name = labels.rounds.get(item.round_id) if item.round_id else None
    return FeedbackRecord(
        item,
        statements,
        company=labels.companies.get(item.application_id) if item.application_id else None,
        round_name=interview.round_name if interview else round_name,
        interview_title=interview.title if interview else None,
        names=names or {},
    )


def _labels(uow: GrowthUnitOfWork, items: list[Feedback]) -> Labels:
    return uow.applications.labels(
        {i.round_id for i in items if i.round_id},
        {i.interview_id for i in items if i.interview_id},
    )


def feedback_records(uow: GrowthUnitOfWork) -> list[FeedbackRecord]:
    """Every feedback item, newest first, read in a few queries whatever their number."""
    items = sorted(uow.feedback.list(), key=lambda i: (i.received_on, i.id or 0), reverse=True)
    if not items:
        return []
    statements = uow.statements.for_feedback_items([i.id for i in items if i.id])
    labels = _labels(uow, items)
    return [_record(i, statements.get(i.id or 0, []), labels) for i in items]


def feedback_record(uow: GrowthUnitOfWork, feedback_id: int) -> FeedbackRecord:
    """One feedback item, with the names of the competencies its statements were mapped to."""
    item = uow.feedback.get(feedback_id)
    statements = uow.statements.for_feedback(feedback_id)
    frameworks = {s.framework_id for s in statements if uow.frameworks.exists(s.framework_id)}
    frameworks.add(active_framework(uow).id)
    names = {c.id: c.name for f in frameworks for c in uow.frameworks.get(f).competencies}
    return _record(item, statements, _labels(uow, [item]), names)


def feedback_openings(uow: GrowthUnitOfWork, items: Sequence[Feedback]) -> dict[int, int]:
    """Where each item's feedback begins (by id): its first statement, past the courtesy.

    Read from its stored statements, or, for feedback stored unread, as the splitter would
    read it; 0 when nothing in it was read as feedback.
    """
    ids = [i.id for i in items if i.id is not None]
    statements = uow.statements.for_feedback_items(ids)
    openings = {}
    for item in items:
        if item.id is None:
            continue
        starts = [s.start for s in statements.get(item.id, []) if 0 <= s.start < len(item.text)]
        if not starts:
            from nextround.analysis.statements import split_statements

            starts = [s.start for s in split_statements(item.text)]
        openings[item.id] = min(starts, default=0)
    return openings

"""Writing an interview's debrief from a form: the mapper is only loaded when questions need it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nextround.domain.competency import Framework
from nextround.services.debriefs import SavedDebrief, amend_debrief, record_debrief
from nextround.services.frameworks import active_framework
from nextround.services.ports import FullUnitOfWork

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper


@dataclass(frozen=True)
class DebriefFields:
    """A debrief as typed: overall 1-5, notes, self-ratings by competency, questions."""

    overall: int
    went_well: str | None = None
    went_badly: str | None = None
    ratings: dict[str, int] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)


def save_debrief(
    uow: FullUnitOfWork,
    interview_id: int,
    fields: DebriefFields,
    mapper_for: Callable[[Framework], Mapper],
) -> SavedDebrief:
    """Write or rewrite the debrief of an interview; its questions are mapped to competencies.

    The form shows every question logged, one per line, so what it holds is the list: a
    line taken out removes that question, one left as it was keeps its verdict.
    """
    needs_mapper = any(q.strip() for q in fields.questions)
    mapper = mapper_for(active_framework(uow)) if needs_mapper else None
    return record_debrief(
        uow,
        interview_id,
        fields.overall,
        went_well=fields.went_well,
        went_badly=fields.went_badly,
        ratings=fields.ratings,
        questions=fields.questions,
        mapper=mapper,
        replace=True,
    )


def add_question(
    uow: FullUnitOfWork,
    interview_id: int,
    question: str,
    mapper_for: Callable[[Framework], Mapper],
) -> SavedDebrief:
    """Add one question to those a written debrief logs, which keep their verdicts."""
    return amend_debrief(
        uow, interview_id, questions=[question], mapper=mapper_for(active_framework(uow))
    )

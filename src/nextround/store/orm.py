"""Maps the pure domain classes onto the tables, so the domain never imports SQLAlchemy."""

from __future__ import annotations

from sqlalchemy.orm import registry, relationship

from nextround.domain.contacts import Contact
from nextround.domain.debrief import Debrief, DebriefQuestion
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application, Decision, Interview, Round
from nextround.domain.notes import Note
from nextround.domain.option_a import OptionRating
from nextround.domain.resume import Highlight, Resume, ResumeRole
from nextround.domain.statements import FeedbackStatement
from nextround.domain.stories import Story
from nextround.store import tables

mapper_registry = registry(metadata=tables.metadata)
_started = False


def start_mappers() -> None:
    """Instrument the domain classes once per process."""
    global _started  # noqa: PLW0603 - mapping is process-wide by nature
    if _started:
        return
    _started = True
    mapper_registry.map_imperatively(Interview, tables.interviews)
    mapper_registry.map_imperatively(
        Round,
        tables.rounds,
        properties={
            "interviews": relationship(
                Interview,
                cascade="all, delete-orphan",
                passive_deletes=True,
                order_by=tables.interviews.c.id,
                lazy="selectin",
            )
        },
    )
    mapper_registry.map_imperatively(Decision, tables.decisions)
    mapper_registry.map_imperatively(
        Application,
        tables.applications,
        properties={
            "rounds": relationship(
                Round,
                cascade="all, delete-orphan",
                passive_deletes=True,
                order_by=tables.rounds.c.position,
                lazy="selectin",
            ),
            "decisions": relationship(
                Decision,
                cascade="all, delete-orphan",
                passive_deletes=True,
                order_by=tables.decisions.c.id,
                lazy="selectin",
            ),
        },
    )
    mapper_registry.map_imperatively(Contact, tables.contacts)
    mapper_registry.map_imperatively(Feedback, tables.feedback)
    mapper_registry.map_imperatively(FeedbackStatement, tables.statements)
    mapper_registry.map_imperatively(DebriefQuestion, tables.debrief_questions)
    mapper_registry.map_imperatively(Story, tables.stories)
    mapper_registry.map_imperatively(Note, tables.notes)
    mapper_registry.map_imperatively(OptionRating, tables.option_ratings)
    mapper_registry.map_imperatively(
        Debrief,
        tables.debriefs,
        properties={
            "questions": relationship(
                DebriefQuestion,
                cascade="all, delete-orphan",
                passive_deletes=True,
                order_by=tables.debrief_questions.c.position,
                lazy="selectin",
            )
        },
    )
    mapper_registry.map_imperatively(Highlight, tables.resume_highlights)
    mapper_registry.map_imperatively(
        ResumeRole,
        tables.resume_roles,
        properties={
            "highlights": relationship(
                Highlight,
                cascade="all, delete-orphan",
                passive_deletes=True,
                order_by=tables.resume_highlights.c.position,
                lazy="selectin",
            )
        },
    )
    mapper_registry.map_imperatively(
        Resume,
        tables.resumes,
        properties={
            "roles": relationship(
                ResumeRole,
                cascade="all, delete-orphan",
                passive_deletes=True,
                order_by=tables.resume_roles.c.position,
                lazy="selectin",
            )
        },
    )

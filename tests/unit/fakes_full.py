"""A fake unit of work that also holds what notes and Option A read, with the same commit rules.

Preferences, debriefs, statements, the built-in framework, notes, Option A ratings and
the imported resume.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Self

from nextround.domain.competency import Framework
from nextround.domain.debrief import Debrief
from nextround.domain.notes import Note
from nextround.domain.option_a import OptionRating
from nextround.domain.resume import Resume
from nextround.domain.statements import FeedbackStatement
from nextround.errors import NotFoundError
from nextround.frameworks.files import BUILTIN_ID, builtin_framework
from tests.unit.fakes import FakeUnitOfWork


@dataclass
class _Extra:
    preferences: dict[str, Any] = field(default_factory=dict)
    debriefs: dict[int, Debrief] = field(default_factory=dict)
    statements: list[FeedbackStatement] = field(default_factory=list)
    notes: dict[int, Note] = field(default_factory=dict)
    ratings: dict[int, OptionRating] = field(default_factory=dict)
    resume: Resume | None = None


class FakePreferences:
    def __init__(self, extra: _Extra) -> None:
        self.extra = extra

    def get(self, key: str, default: Any = None) -> Any:
        return copy.deepcopy(self.extra.preferences.get(key, default))

    def set(self, key: str, value: Any, now: datetime) -> None:
        self.extra.preferences[key] = copy.deepcopy(value)


class FakeFrameworks:
    def ids(self) -> list[str]:
        return [BUILTIN_ID]

    def get(self, framework_id: str) -> Framework:
        if framework_id != BUILTIN_ID:
            raise NotFoundError("framework", framework_id)
        return builtin_framework()

    def exists(self, framework_id: str) -> bool:
        return framework_id == BUILTIN_ID

    def in_use(self) -> str:
        return BUILTIN_ID


class FakeDebriefs:
    def __init__(self, extra: _Extra) -> None:
        self.extra = extra

    def add(self, debrief: Debrief) -> None:
        self.extra.debriefs[debrief.interview_id] = debrief

    def for_interview(self, interview_id: int) -> Debrief | None:
        return self.extra.debriefs.get(interview_id)

    def all(self) -> list[Debrief]:
        return list(self.extra.debriefs.values())


class FakeStatements:
    def __init__(self, extra: _Extra) -> None:
        self.extra = extra

    def add(self, statement: FeedbackStatement) -> None:
        statement.id = len(self.extra.statements) + 1
        self.extra.statements.append(statement)

    def for_feedback(self, feedback_id: int) -> list[FeedbackStatement]:
        return [s for s in self.extra.statements if s.feedback_id == feedback_id]


class FakeNotes:
    def __init__(self, extra: _Extra) -> None:
        self.extra = extra

    def add(self, note: Note) -> None:
        note.id = max(self.extra.notes, default=0) + 1
        self.extra.notes[note.id] = note

    def get(self, note_id: int) -> Note:
        try:
            return self.extra.notes[note_id]
        except KeyError:
            raise NotFoundError("note", note_id, "see `nextround note list`") from None

    def delete(self, note: Note) -> None:
        assert note.id is not None
        del self.extra.notes[note.id]

    def addressed_to(self, contact_id: int) -> list[Note]:
        return [
            n
            for n in self.extra.notes.values()
            if any(r.contact_id == contact_id for r in n.recipients)
        ]

    def list(self, application_id: int | None = None) -> list[Note]:
        return [
            n
            for n in self.extra.notes.values()
            if application_id is None or n.application_id == application_id
        ]


class FakeOptionRatings:
    def __init__(self, extra: _Extra) -> None:
        self.extra = extra

    def add(self, rating: OptionRating) -> None:
        self.extra.ratings[rating.application_id] = rating

    def get(self, application_id: int) -> OptionRating | None:
        return self.extra.ratings.get(application_id)

    def all(self) -> list[OptionRating]:
        return [self.extra.ratings[k] for k in sorted(self.extra.ratings)]


class FakeResumes:
    """The resume imported last (read only: the notes sign with its name)."""

    def __init__(self, extra: _Extra) -> None:
        self.extra = extra

    def current(self) -> Resume | None:
        return self.extra.resume


class FakeFullUnitOfWork(FakeUnitOfWork):
    """The journey fakes plus the growth data, notes and ratings, kept only on commit."""

    def __init__(self) -> None:
        super().__init__()
        self._extra_committed = _Extra()
        self._extra = _Extra()
        self.frameworks = FakeFrameworks()

    def __enter__(self) -> Self:
        super().__enter__()
        self._extra = copy.deepcopy(self._extra_committed)
        self.preferences = FakePreferences(self._extra)
        self.debriefs = FakeDebriefs(self._extra)
        self.statements = FakeStatements(self._extra)
        self.notes = FakeNotes(self._extra)
        self.option_ratings = FakeOptionRatings(self._extra)
        self.resumes = FakeResumes(self._extra)
        return self

    def commit(self) -> None:
        super().commit()
        self._extra_committed = copy.deepcopy(self._extra)

    @property
    def stored_extra(self) -> _Extra:
        """What a later unit of work would see."""
        return self._extra_committed

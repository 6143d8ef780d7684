"""The SQL unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from nextround.errors import DomainError
from nextround.store.growth import (
    SqlDebriefRepository,
    SqlEmbeddingStore,
    SqlFrameworkRepository,
    SqlPlanRepository,
    SqlPreferences,
    SqlStatementRepository,
    SqlStoryRepository,
)
from nextround.store.notes_options import SqlNoteRepository, SqlOptionRatingRepository
from nextround.store.orm import start_mappers
from nextround.store.repositories import (
    SqlApplicationRepository,
    SqlContactRepository,
    SqlFeedbackRepository,
)


class SqlUnitOfWork:
    """A context manager around one database transaction."""

    applications: SqlApplicationRepository
    contacts: SqlContactRepository
    feedback: SqlFeedbackRepository
    frameworks: SqlFrameworkRepository
    preferences: SqlPreferences
    statements: SqlStatementRepository
    debriefs: SqlDebriefRepository
    embeddings: SqlEmbeddingStore
    stories: SqlStoryRepository
    plan: SqlPlanRepository
    notes: SqlNoteRepository
    option_ratings: SqlOptionRatingRepository

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        start_mappers()
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
        self._clock = clock
        self.session: Session | None = None

    def __enter__(self) -> Self:
        self.session = self._sessions()
        self.applications = SqlApplicationRepository(self.session)
        self.contacts = SqlContactRepository(self.session)
        self.feedback = SqlFeedbackRepository(self.session)
        self.frameworks = SqlFrameworkRepository(self.session)
        self.preferences = SqlPreferences(self.session)
        self.statements = SqlStatementRepository(self.session)
        self.debriefs = SqlDebriefRepository(self.session)
        self.embeddings = SqlEmbeddingStore(self.session)
        self.stories = SqlStoryRepository(self.session)
        self.plan = SqlPlanRepository(self.session)
        self.notes = SqlNoteRepository(self.session)
        self.option_ratings = SqlOptionRatingRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.session is not None
        # close() rolls back anything uncommitted but, unlike rollback(), leaves loaded
        # objects readable, so callers can print what a finished use case returned.
        self.session.close()
        self.session = None

    def now(self) -> datetime:
        return self._clock()

    def today(self) -> date:
        return self._clock().astimezone().date()

    def flush(self) -> None:
        assert self.session is not None
        try:
            self.session.flush()
        except IntegrityError as exc:
            raise DomainError(f"the database refused the change: {exc.orig}") from None

    def commit(self) -> None:
        assert self.session is not None
        self.flush()
        self.session.commit()

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()

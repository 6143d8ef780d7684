"""The SQL unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from nextround.errors import DomainError
from nextround.store.database import database_error, writing
from nextround.store.orm import start_mappers
from nextround.store.repositories import (
    SqlApplicationRepository,
    SqlContactRepository,
    SqlFeedbackRepository,
)

if TYPE_CHECKING:
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
    from nextround.store.resumes import SqlResumeRepository

R = TypeVar("R")


class SqlUnitOfWork:
    """A context manager around one database transaction."""

    applications: SqlApplicationRepository
    contacts: SqlContactRepository
    feedback: SqlFeedbackRepository

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime],
        *,
        writes: bool = True,
        joined: Connection | None = None,
    ) -> None:
        start_mappers()
        # A unit of work that may write takes SQLite's write lock when it begins (waiting
        # for another writer if need be); a read-only one (``writes=False``) never waits.
        self._url = engine.url
        if joined is not None:
            # Part of a larger transaction (Nextround.one_transaction): commit() releases
            # a savepoint, and only the outer transaction's end keeps anything.
            self._sessions = sessionmaker(
                bind=joined,
                expire_on_commit=False,
                autoflush=False,
                join_transaction_mode="create_savepoint",
            )
        else:
            bind = writing(engine) if writes else engine
            self._sessions = sessionmaker(bind=bind, expire_on_commit=False, autoflush=False)
        self._clock = clock
        self.session: Session | None = None
        self._repositories: dict[str, Any] = {}

    def __enter__(self) -> Self:
        self.session = self._sessions()
        self.applications = SqlApplicationRepository(self.session)
        self.contacts = SqlContactRepository(self.session)
        self.feedback = SqlFeedbackRepository(self.session)
        self._repositories = {}
        return self

    # The growth engine's repositories are built, and their modules imported, on first use:
    # journey commands never pay for them.
    def _repository(self, name: str, build: Callable[[Session], R]) -> R:
        assert self.session is not None, "use the unit of work inside a `with` block"
        if name not in self._repositories:
            self._repositories[name] = build(self.session)
        repository: R = self._repositories[name]
        return repository

    @property
    def frameworks(self) -> SqlFrameworkRepository:
        """Competency frameworks."""
        from nextround.store.growth import SqlFrameworkRepository

        return self._repository("frameworks", SqlFrameworkRepository)

    @property
    def preferences(self) -> SqlPreferences:
        """Small user choices."""
        from nextround.store.growth import SqlPreferences

        return self._repository("preferences", SqlPreferences)

    @property
    def statements(self) -> SqlStatementRepository:
        """Feedback statements and their mappings."""
        from nextround.store.growth import SqlStatementRepository

        return self._repository("statements", SqlStatementRepository)

    @property
    def debriefs(self) -> SqlDebriefRepository:
        """Debriefs of interviews."""
        from nextround.store.growth import SqlDebriefRepository

        return self._repository("debriefs", SqlDebriefRepository)

    @property
    def embeddings(self) -> SqlEmbeddingStore:
        """The embedding cache."""
        from nextround.store.growth import SqlEmbeddingStore

        return self._repository("embeddings", SqlEmbeddingStore)

    @property
    def stories(self) -> SqlStoryRepository:
        """The story bank."""
        from nextround.store.growth import SqlStoryRepository

        return self._repository("stories", SqlStoryRepository)

    @property
    def plan(self) -> SqlPlanRepository:
        """The growth plan."""
        from nextround.store.growth import SqlPlanRepository

        return self._repository("plan", SqlPlanRepository)

    @property
    def notes(self) -> SqlNoteRepository:
        """Thank-you notes."""
        from nextround.store.notes_options import SqlNoteRepository

        return self._repository("notes", SqlNoteRepository)

    @property
    def option_ratings(self) -> SqlOptionRatingRepository:
        """Option A ratings."""
        from nextround.store.notes_options import SqlOptionRatingRepository

        return self._repository("option_ratings", SqlOptionRatingRepository)

    @property
    def resumes(self) -> SqlResumeRepository:
        """The person's resume."""
        from nextround.store.resumes import SqlResumeRepository

        return self._repository("resumes", SqlResumeRepository)

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
        busy = database_error(exc, self._url)
        if busy is not None:  # locked past the timeout by another process, or read-only
            raise busy from None

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

    def pause(self) -> None:
        """End the transaction before waiting for a person; the next query begins another.

        An open transaction left waiting holds locks (SQLite's write lock) and, on a server
        with an idle-transaction timeout, loses its connection. What was read stays readable;
        changes not committed are discarded.
        """
        assert self.session is not None
        session = self.session
        if not session.in_transaction():
            return
        if session.new or session.dirty or session.deleted:
            session.rollback()
        else:
            session.commit()  # nothing to write: it only ends the transaction

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()

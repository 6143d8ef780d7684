"""The composition root: settings -> engine -> unit of work. CLI, web and tests all build it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property

from sqlalchemy import Engine

from nextround.config import Settings
from nextround.store.database import ensure_schema, make_engine
from nextround.store.uow import SqlUnitOfWork


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


class Nextround:
    """One application object over one database."""

    def __init__(
        self, settings: Settings | None = None, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.clock = clock

    @cached_property
    def engine(self) -> Engine:
        """The engine, opened and migrated on first use."""
        engine = make_engine(self.settings.resolved_database_url)
        ensure_schema(engine)
        return engine

    def uow(self) -> SqlUnitOfWork:
        """A fresh unit of work; use it as a context manager."""
        return SqlUnitOfWork(self.engine, self.clock)

    def close(self) -> None:
        """Release the database connections."""
        if "engine" in self.__dict__:
            self.engine.dispose()

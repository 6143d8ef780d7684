"""The composition root: settings -> engine -> unit of work. CLI, web and tests all build it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from nextround.config import Settings
from nextround.store.database import checkpoint, ensure_schema, make_engine, opened_read_only
from nextround.store.upgrades import keep_before_upgrade, upgrade_notice
from nextround.store.urls import parse_url, sqlite_file
from nextround.store.write_log import WriteLog

if TYPE_CHECKING:
    from pathlib import Path

    from nextround.analysis.embeddings import Embedder, Vectors
    from nextround.analysis.mapper import Mapper
    from nextround.domain.competency import Framework
    from nextround.store.facts import FactsReader
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
        # The SQLite file this object created, if it did: a failed first command removes it.
        self.new_database: Path | None = None
        # Whether a new SQLite file at a path the user gave is announced (see engine); the
        # demo makes its own file on purpose.
        self.announce_new_database = True
        # What this object's committed transactions wrote: an interrupted command says it.
        self.writes = WriteLog()

    @cached_property
    def engine(self) -> Engine:
        """The engine, opened and migrated on first use."""
        url = self.settings.resolved_database_url
        data_dir = self.settings.data_dir
        path = sqlite_file(parse_url(url))
        created = path is not None and not path.exists()
        # A file about to be created at a path the user gave: right for a first run, but a
        # typo in the file's name would quietly lead to an empty database ("No applications
        # yet."), so every command says so, once. Only the default file needs no word: a
        # mistyped name inside the data folder is as easy a slip as anywhere else.
        announce = (
            created
            and self.announce_new_database
            and path is not None
            and path.resolve() != self.settings.default_database_path.resolve()
        )
        engine = make_engine(url, data_dir=data_dir)
        upgraded_from: list[str] = []

        def before_upgrade(revision: str) -> None:
            upgraded_from.append(revision)
            self.kept_before_upgrade = keep_before_upgrade(engine, revision, self.clock())

        ensure_schema(engine, before_upgrade)
        self.writes.watch(engine)  # after the migrations: they are not the command's work
        if opened_read_only(engine):
            self.progress(
                f"{path} cannot be written here (a read-only folder or file): it is opened "
                "for reading only, and commands that change data are refused."
            )
        if upgraded_from:
            self.progress(upgrade_notice(engine, upgraded_from[0], self.kept_before_upgrade))
        if created:
            self.new_database = path
        if announce:
            self.progress(
                f"Started a new, empty database at {path} (there was no file there); "
                "if you meant an existing one, check the path."
            )
        return engine

    @property
    def read_only(self) -> bool:
        """True when the database can only be read here (a SQLite file in a read-only folder).

        Commands that only read still work; one that would also refresh something stored
        (the plan, a cache) shows what is stored instead of failing.
        """
        return opened_read_only(self.engine)

    #: The copy of the database kept before this process upgraded its schema, if it did.
    kept_before_upgrade: Path | None = None

    def uow(self, *, writes: bool = True) -> SqlUnitOfWork:
        """A fresh unit of work; use it as a context manager.

        ``writes=False`` for one that only reads: on SQLite it then never waits for a writer.
        """
        from nextround.store.uow import SqlUnitOfWork  # the ORM: only commands that need it

        return SqlUnitOfWork(self.engine, self.clock, writes=writes, joined=self._joined)

    #: The connection whose one transaction every unit of work joins (see one_transaction).
    _joined: Connection | None = None

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Make the units of work opened inside one transaction: all of it is kept, or none.

        Each one's commit only releases a savepoint; leaving the block commits the whole,
        and an error or Ctrl+C rolls all of it back. So does a killed process: the server
        drops the open transaction of a connection it loses.
        """
        with self.engine.connect() as conn, conn.begin():
            self._joined = conn
            try:
                yield
            finally:
                self._joined = None

    def facts(self) -> FactsReader:
        """A read-only transaction over application facts (the list, the stats), ORM-free."""
        from nextround.store.facts import FactsReader

        return FactsReader(self.engine, self.clock)

    @cached_property
    def embedder(self) -> Embedder | None:
        """The sentence embedder, loaded once per process; None when the model is missing."""
        from nextround.analysis.embeddings import ModelUnavailable, load_embedder

        try:
            return load_embedder(self.settings.models_dir, self.progress)
        except ModelUnavailable as exc:
            self.model_problem = str(exc)
            return None

    #: Why the semantic model is not in use, when it is not.
    model_problem: str | None = None

    def progress(self, message: str) -> None:
        """Where one-time work such as exporting the model reports progress (stderr)."""
        import sys

        sys.stderr.write(f"{message}\n")

    def mapper(
        self,
        uow: SqlUnitOfWork,
        framework: Framework,
        *,
        examples: bool = True,
        save_vectors: bool = True,
    ) -> Mapper:
        """The best mapper available for a framework, taught by the user's confirmations.

        The confirmations teach the competencies and, through the mapper's polarity memory,
        the polarity of near-identical statements. ``examples=False`` maps from the
        framework alone, as on an empty database.
        ``save_vectors=False`` reads the embedding cache but adds nothing to it.
        """
        from nextround.analysis.lexical import LexicalMapper
        from nextround.analysis.polarity_memory import PolarityMemory
        from nextround.services.mapping import confirmed_examples, confirmed_polarities

        embedder = self.embedder
        polarities = confirmed_polarities(uow) if examples else []
        if embedder is None:
            lexical = LexicalMapper(framework)
            lexical.polarity_memory = PolarityMemory(polarities)
            return lexical
        from nextround.analysis.embedding_cache import (
            CachedEmbedder,
            EmbeddingStore,
            UnsavedEmbeddingStore,
        )
        from nextround.analysis.mapper import SemanticMapper

        store: EmbeddingStore = uow.embeddings
        if not save_vectors:
            store = UnsavedEmbeddingStore(store)
        cached = CachedEmbedder(embedder, store, seed=self.package_vectors)
        taught = confirmed_examples(uow, framework) if examples else []
        semantic = SemanticMapper(framework, cached, taught)
        semantic.polarity_memory = PolarityMemory(polarities, cached.embed)
        return semantic

    def story_mapper(
        self, uow: SqlUnitOfWork, framework: Framework, *, save_vectors: bool = True
    ) -> Mapper:
        """The mapper for stories: taught by confirmations, yet fair to competencies without.

        See analysis.story_mapper. With no confirmation yet, or no model, the one mapper.
        """
        from nextround.services.mapping import confirmed_examples

        taught = self.mapper(uow, framework, save_vectors=save_vectors)
        if taught.is_fallback or not confirmed_examples(uow, framework):
            return taught
        from nextround.analysis.story_mapper import StoryMapper

        plain = self.mapper(uow, framework, examples=False, save_vectors=save_vectors)
        return StoryMapper(taught, plain)

    @cached_property
    def package_vectors(self) -> Mapping[str, Vectors]:
        """The vectors of nextround's own texts, shared by every database (see the module)."""
        from nextround.analysis.package_vectors import package_vectors

        embedder = self.embedder
        if embedder is None:
            return {}
        return package_vectors(self.settings.models_dir, embedder, self.progress)

    def checkpoint(self) -> None:
        """Put a SQLite database's recent writes into its file (see store.database)."""
        checkpoint(self.engine)

    def close(self) -> None:
        """Release the database connections."""
        if "engine" in self.__dict__:
            self.engine.dispose()

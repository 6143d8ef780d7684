"""Opening a database: the engine, SQLite pragmas, and migrations to the current schema."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    DBAPIError,
    OperationalError,
    SQLAlchemyError,
)

from nextround.errors import DatabaseUnreachableError, InvalidInputError, NextroundError
from nextround.store.urls import parse_url, shown, sqlite_file

#: The newest migration. Checked against Alembic's script folder by a test, so that a
#: command on an up-to-date database never pays for importing Alembic.
HEAD_REVISION = "0023"

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

#: How long a SQLite writer waits for another one (the web app, a second command) to finish.
BUSY_TIMEOUT_S = 10

#: The execution option marking a transaction that will write (see ``writing``).
WRITE_OPTION = "nextround_writes"


#: The databases nextround is built and tested on.
SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def make_engine(url: str, data_dir: Path | None = None) -> Engine:
    """An engine for any SQLAlchemy URL, set up the way nextround needs it.

    A SQLite file is created when missing, but its folder only when it is ``data_dir``,
    nextround's own: any other folder that does not exist is far more likely a typo in
    the path than a wish for a new, empty database.
    """
    parsed = parse_url(url)
    # JSON columns (tags, competencies, interviewers) are stored as UTF-8 text rather than
    # \u escapes, so that text search over them finds non-ASCII tags such as "são-paulo".
    kwargs: dict[str, Any] = {"json_serializer": _json_dumps}
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        # SQLAlchemy would name a missing driver (e.g. "No module named 'MySQLdb'"), which
        # suggests installing it; the schema and its migrations are written for these two.
        raise InvalidInputError(
            f"cannot use database {shown(parsed)}: nextround runs on SQLite (a file path or "
            "sqlite:///path/to/file.sqlite3) or PostgreSQL (postgresql://user:password@host/"
            f"dbname), not {parsed.get_backend_name()}"
        )
    path = sqlite_file(parsed)
    if path is not None:
        _create_sqlite_file(path, data_dir)
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise InvalidInputError(f"cannot use database {shown(parsed)}: {exc}") from None
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine, read_only=path is not None and read_only_file(path))
    return engine


def read_only_file(path: Path) -> bool:
    """True when a SQLite file exists but cannot be written here (or its folder cannot).

    A read-only disk, a snapshot, a folder of someone else's: SQLite in WAL mode needs to
    create files beside the database even to read it, so such a file is opened read-only
    (see ``_open_read_only``), and nextround only reads it.
    """
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def opened_read_only(engine: Engine) -> bool:
    """True when the engine's SQLite file is opened for reading only."""
    path = sqlite_file(engine.url)
    return path is not None and read_only_file(path)


def _open_read_only(engine: Engine, path: Path) -> None:
    """Connect with SQLite's read-only URI: ``immutable`` unless a write-ahead log is there.

    Without a log every committed change is in the file itself, and ``immutable`` lets
    SQLite read it without the -shm file it cannot create; a log left by a process that did
    not close (a crash, a snapshot of a running app) holds changes, so it is read with
    ``mode=ro``, which can use the -shm file beside it.
    """
    wal = path.with_name(path.name + "-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    uri = f"{path.resolve().as_uri()}?mode=ro{'' if has_log else '&immutable=1'}"

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> None:
        cargs[:] = [uri]
        cparams["uri"] = True


def _create_sqlite_file(path: Path, data_dir: Path | None) -> None:
    folder = path.parent
    if not folder.exists() and (data_dir is None or folder.resolve() != data_dir.resolve()):
        raise InvalidInputError(
            f"there is no folder {folder} for the database {path.name}; check the path, "
            "or create the folder first if you meant a new database there"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _create_private(path)
    except OSError as exc:
        raise InvalidInputError(
            f"cannot create the database in {folder}: {exc.strerror}; choose another path with --db"
        ) from None


def checkpoint(engine: Engine) -> None:
    """Copy what the SQLite write-ahead log holds into the database file itself.

    SQLite does so on its own only once the log passes 4 MB, or when the last connection
    closes. A long-running web app keeps its connections, so after a session of edits the
    file could still be nearly empty, and a copy of it (a backup tool, a sync folder) would
    hold none of them. PASSIVE waits for no one: what a reader still needs stays in the log.
    """
    if engine.dialect.name != "sqlite" or opened_read_only(engine):
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


def _create_private(path: Path) -> None:
    """Create a new SQLite file readable by its owner only: it holds feedback and reviews.

    (An empty file is an empty SQLite database; SQLite gives its journal files the same mode.)
    """
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _tune_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    if read_only:
        path = sqlite_file(engine.url)
        assert path is not None
        _open_read_only(engine, path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so that
        # every unit of work (and every migration) is one real transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        # WAL lets the web app read while a command writes. It is a lasting setting of the
        # file, so a file holding someone else's tables (refused by current_revision) keeps
        # its own journal mode.
        tables = {row[0] for row in cursor.execute("SELECT name FROM sqlite_master")}
        if (not tables or "alembic_version" in tables) and not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # SQLite's own lower() folds ASCII only, so ILIKE (lower(x) LIKE lower(y)) missed
        # "Zoë" for "ZOË" while PostgreSQL found it; Python's lower() folds every script.
        dbapi_connection.create_function("lower", 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A transaction that reads and then writes must take the write lock up front: SQLite
        # cannot upgrade a reader to a writer while another connection writes, and says
        # "database is locked" at once rather than waiting out the busy timeout. Readers
        # stay deferred, so they never wait for a writer (WAL keeps their snapshot).
        # A read-only file has no write lock to take: its units of work read, and any
        # write fails (see database_error).
        writes = connection.get_execution_options().get(WRITE_OPTION, False) and not read_only
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def writing(engine: Engine) -> Engine:
    """The engine for transactions that write: on SQLite they wait for other writers first."""
    return engine.execution_options(**{WRITE_OPTION: True})


def database_error(exc: BaseException | None, url: Any) -> NextroundError | None:
    """The user's error for a SQLite write that could not be made; None for other errors.

    Busy: another process kept the write lock past the busy timeout. Read-only: the file
    was opened for reading only, as its folder (or it) cannot be written. Lost: the server
    ended the connection mid-command (restarted, or an idle-transaction timeout).
    """
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return connection_lost(exc, url)
    if not isinstance(exc, OperationalError):
        return None
    reason = str(exc.orig)
    path = sqlite_file(url)
    if "readonly database" in reason and path is not None:
        return NextroundError(
            f"the database {path} can only be read here, as {_read_only_part(path)} is "
            "read-only, so this change was not saved; to change it, copy the folder "
            "somewhere writable and use that copy (NEXTROUND_DATA_DIR or --db)"
        )
    if "database is locked" not in reason:
        return None
    return NextroundError(
        f"the database {sqlite_file(url) or shown(url)} is busy: another nextround process "
        f"(the web app or a command) kept it locked for over {BUSY_TIMEOUT_S} s, so this "
        "change was not saved; try again when that one has finished"
    )


def connection_lost(exc: DBAPIError, url: Any) -> DatabaseUnreachableError:
    """The one line for a connection the server ended while a command was using it.

    As at start-up, it says the database cannot be reached (and exits as that does: try
    again later); what the unit of work had not committed is gone, which the message says,
    with the server's reason.
    """
    reason = driver_reason(exc.orig)
    return DatabaseUnreachableError(
        f"cannot reach the database {shown(url)}: the connection was lost ({reason}); what "
        "the command had not saved yet is not kept. Run it again once the server is reachable"
    )


def _read_only_part(path: Path) -> str:
    """What cannot be written: the folder (its files, SQLite's log) or the file itself."""
    if not os.access(path.parent, os.W_OK):
        return f"its folder {path.parent}"
    return "the file"


def _json_dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def driver_reason(error: BaseException | None) -> str:
    """The driver's message in one line: libpq's lines joined as sentences.

    libpq ends a line without a full stop ("Connection refused" then "Is the server
    running..."), which, flattened to one line, would run the two together.
    """
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " ".join(
        line if line.endswith((".", "?", "!", ":")) or i == len(lines) - 1 else f"{line}."
        for i, line in enumerate(lines)
    )


def unreachable(error: BaseException | None) -> bool:
    """Whether a server database failed to connect for want of a connection, not a setting.

    The server never answered (no SQLSTATE: refused, timed out, host not found), or said
    it cannot take connections now (class 08, 57P01-57P03: shutting down, starting up).
    A wrong password (28P01) or an unknown database (3D000) is the user's to fix instead.
    """
    state = getattr(error, "sqlstate", None)
    return state is None or state.startswith("08") or state in ("57P01", "57P02", "57P03")


def current_revision(engine: Engine) -> str | None:
    """The schema revision a database is at, or None when it is empty.

    A SQLite file holding someone else's tables is refused rather than filled with ours.
    """
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            if "alembic_version" in tables:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        path = sqlite_file(engine.url)
        if path is not None and read_only_file(path):
            # e.g. a log (-wal) left without its index (-shm), which SQLite must then create
            raise NextroundError(
                f"cannot read the database {path}: {exc.orig}; {_read_only_part(path)} is "
                "read-only and SQLite needs to write its log files (-wal, -shm) beside it; "
                "copy the folder somewhere writable and use that copy (NEXTROUND_DATA_DIR or "
                "--db)"
            ) from None
        opening = f"cannot open the database {shown(engine.url)}: {driver_reason(exc.orig)}"
        if path is None and unreachable(exc.orig):
            raise DatabaseUnreachableError(opening) from None
        raise NextroundError(opening) from None
    except DatabaseError as exc:  # e.g. SQLite's "file is not a database"
        raise NextroundError(
            f"cannot open the database {shown(engine.url)}: {exc.orig}; give the path of a "
            "nextround database, or of a new file to start one"
        ) from None
    # A SQLite file is a whole database, so other tables there mean a wrong path; a server
    # database may well hold other applications' tables beside ours.
    if tables and engine.dialect.name == "sqlite":
        listed = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
        raise NextroundError(
            f"the database {shown(engine.url)} already holds tables that are not nextround's "
            f"({listed}); give the path of a nextround database, or of a new file to start one"
        )
    return None


def ensure_schema(engine: Engine, before_upgrade: Callable[[str], None] | None = None) -> bool:
    """Bring the database to the current schema; True when migrations ran.

    ``before_upgrade`` is called with the revision of a database that is about to be
    upgraded (not a new one), so the caller can keep a copy first; if it raises, nothing
    is migrated.
    """
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return False
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    try:
        known = revision is None or scripts.get_revision(revision) is not None
    except CommandError:  # Alembic raises, rather than returning None, for an unknown id
        known = False
    if not known:
        raise NextroundError(
            f"the database is at schema revision {revision}, which this nextround does not "
            "know; it was probably written by a newer version, so upgrade nextround"
        )
    if revision is not None and before_upgrade is not None:
        before_upgrade(revision)
    upgrade(engine)
    return True


def copy_sqlite(engine: Engine, target: Path) -> None:
    """A consistent copy of a SQLite database in a new file readable by its owner only.

    VACUUM INTO reads one snapshot (other connections may keep writing) and writes a
    compact file; it accepts an empty file, created here with its mode, so the copy is
    never readable by others, even for a moment.
    """
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
        finally:
            raw.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with writing(engine).begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, target)
    except SQLAlchemyError as exc:
        busy = database_error(exc, engine.url)
        if busy is not None:
            raise busy from None
        raise NextroundError(f"could not migrate the database {shown(engine.url)}: {exc}") from None

"""Opening a database: migrations to the current schema, SQLite pragmas, URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from nextround.errors import DatabaseUnreachableError, InvalidInputError, NextroundError
from nextround.store import database
from nextround.store.database import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    current_revision,
    ensure_schema,
    make_engine,
)
from nextround.store.tables import metadata
from nextround.store.urls import normalise_url


def test_head_revision_is_the_scripts_head():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    assert scripts.get_heads() == [HEAD_REVISION]


def test_a_fresh_database_is_migrated_on_first_use(app):
    engine = app.engine  # opening the app's engine migrates
    assert current_revision(engine) == HEAD_REVISION
    tables = set(inspect(engine).get_table_names())
    assert {t.name for t in metadata.sorted_tables} <= tables
    assert ensure_schema(engine) is False  # nothing left to do


def test_migrations_build_exactly_the_declared_schema(app):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_an_empty_database_reports_no_revision(database_url):
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) is None
        assert ensure_schema(engine) is True
        assert current_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()


def test_a_database_from_a_newer_nextround_is_refused(app):
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NextroundError, match="revision 9999, which this nextround does not know"):
        ensure_schema(app.engine)


def test_sqlite_pragmas_are_in_effect_on_every_connection(sqlite_app):
    engine = sqlite_app.engine
    for _ in range(2):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
            assert conn.exec_driver_sql("SELECT lower('ZOË')").scalar() == "zoë"


def test_sqlite_units_of_work_are_real_transactions(sqlite_app):
    # The pysqlite driver would otherwise begin transactions lazily, only before DML.
    with sqlite_app.uow() as uow:
        conn = uow.session.connection()
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1
        assert conn.connection.dbapi_connection.in_transaction


def test_sqlite_file_and_its_data_folder_are_created(tmp_path):
    path = tmp_path / "deep" / "er" / "nextround.sqlite3"
    engine = make_engine(f"sqlite:///{path}", data_dir=path.parent)
    try:
        ensure_schema(engine)
    finally:
        engine.dispose()
    assert path.is_file()
    # It holds feedback and reviews: readable by its owner only.
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_missing_folder_other_than_the_data_folder_is_refused(tmp_path):
    path = tmp_path / "typo" / "nextround.sqlite3"
    with pytest.raises(InvalidInputError, match=f"there is no folder {tmp_path / 'typo'} for"):
        make_engine(f"sqlite:///{path}", data_dir=tmp_path / "data")
    assert not path.parent.exists()


def test_sqlite_path_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(InvalidInputError, match="cannot create the database in"):
        make_engine(f"sqlite:///{blocker / 'db.sqlite3'}")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "is not a database URL; use e.g. sqlite:///"),
        ("nosuchdb://host/x", "cannot use database"),
        ("mysql://user@host/x", "nextround runs on SQLite .* or PostgreSQL .*, not mysql$"),
    ],
)
def test_bad_urls(url, message):
    with pytest.raises(InvalidInputError, match=message):
        make_engine(url)


def test_unreachable_server_is_a_clear_error():
    engine = make_engine("postgresql://nobody@127.0.0.1:1/nothing")
    # Its own kind, so the command line exits 4 ("try again later"), not 2 ("fix the command").
    with pytest.raises(DatabaseUnreachableError, match="cannot open the database"):
        ensure_schema(engine)


def test_migrations_folder_ships_with_the_package():
    assert (Path(database.__file__).parent / "migrations" / "env.py").is_file()
    assert list((MIGRATIONS_DIR / "versions").glob("0001_*.py"))

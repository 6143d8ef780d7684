"""Opening a database from an older nextround: it is copied first and the upgrade is announced."""

from __future__ import annotations

import sqlite3
import stat

import pytest
from sqlalchemy import text

from nextround.store.database import HEAD_REVISION, current_revision, make_engine, upgrade

OLD = "0010"


def _old_database(url: str) -> None:
    """A database left at schema 0010 by an older nextround, holding one application."""
    engine = make_engine(url)
    try:
        upgrade(engine, OLD)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO applications (company, role_title, source, applied_on, tags, "
                    "created_at, updated_at) VALUES ('Snowflake', 'Staff Data Engineer', "
                    "'other', '2026-10-01', '[]', '2026-10-01 09:00:00', '2026-10-01 09:00:00')"
                )
            )
    finally:
        engine.dispose()


def test_an_older_sqlite_database_is_copied_before_its_upgrade(make_app, tmp_path, capsys):
    path = tmp_path / "journey.sqlite3"
    _old_database(f"sqlite:///{path}")
    app = make_app(f"sqlite:///{path}")
    with app.uow(writes=False) as uow:
        assert [a.company for a in uow.applications.all()] == ["Snowflake"]
    copy = app.kept_before_upgrade
    assert copy is not None and copy.parent == tmp_path / "backups"
    assert copy.name.startswith(f"journey-before-upgrade-{OLD}-")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    # The copy is the old database as it was: an older nextround can open it.
    with sqlite3.connect(copy) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (OLD,)
        assert old.execute("SELECT company FROM applications").fetchall() == [("Snowflake",)]
    said = " ".join(capsys.readouterr().err.split())
    assert (
        f"Upgraded the database {path} from schema {OLD} to {HEAD_REVISION}" in said
        and "older versions of nextround can no longer open it" in said
        and f"A copy of it as it was is at {copy}." in said
    )
    # Once upgraded, a database is opened without a word.
    again = make_app(f"sqlite:///{path}")
    again.engine  # noqa: B018
    assert capsys.readouterr().err == ""
    assert again.kept_before_upgrade is None


def test_a_new_database_is_neither_copied_nor_announced(make_app, tmp_path, capsys):
    app = make_app(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    app.engine  # noqa: B018
    assert app.kept_before_upgrade is None
    assert not (tmp_path / "backups").exists()
    assert "Upgraded" not in capsys.readouterr().err


def test_no_upgrade_without_a_copy(make_app, tmp_path):
    path = tmp_path / "journey.sqlite3"
    _old_database(f"sqlite:///{path}")
    (tmp_path / "backups").write_text("a file where the folder would go")
    app = make_app(f"sqlite:///{path}")
    from nextround.errors import NextroundError

    with pytest.raises(NextroundError, match="no copy of it could be kept first"):
        app.engine  # noqa: B018
    engine = make_engine(f"sqlite:///{path}")
    try:
        assert current_revision(engine) == OLD
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_an_older_postgresql_database_is_announced_with_advice(make_app, capsys, request):
    from tests.postgres_server import create_database

    url = create_database(request.getfixturevalue("postgres_base_url"))
    _old_database(url)
    app = make_app(url)
    app.engine  # noqa: B018
    assert app.kept_before_upgrade is None
    said = " ".join(capsys.readouterr().err.split())
    assert f"from schema {OLD} to {HEAD_REVISION}" in said
    assert "No copy was kept on the server" in said and "nextround export json" in said

"""Where the database is: new files announced, missing folders refused, passwords never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Cli

NEW_DATABASE = "Started a new, empty database at {path} (there was no file there)"


def test_init_at_a_new_path_in_an_existing_folder_creates_the_file(cli: Cli, tmp_path: Path):
    path = tmp_path / "jobs.sqlite3"
    result = cli("init", db=str(path))
    assert result.code == 0, result.err
    assert path.is_file()
    assert f"Database ready at sqlite:///{path} (schema " in result.out
    assert NEW_DATABASE.format(path=path) in result.err


def test_a_read_only_command_on_a_new_path_starts_the_database_and_says_so(
    cli: Cli, tmp_path: Path
):
    """A first run with --db is fine; a typo in the file's name must not pass unnoticed."""
    path = tmp_path / "jbos.sqlite3"
    first = cli("app", "list", db=str(path))
    assert first.code == 0 and "No applications yet" in first.out
    assert first.err.strip() == NEW_DATABASE.format(path=path) + (
        "; if you meant an existing one, check the path."
    )
    again = cli("app", "list", db=str(path))
    assert again.code == 0 and again.err == ""


def test_a_mistyped_file_name_in_the_data_folder_is_announced_too(cli: Cli):
    """Only the default file is started silently: a typo next to it is as easy to miss."""
    data = Path(cli.env["NEXTROUND_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    path = data / "nextround.sqlit3"
    first = cli("app", "list", db=str(path))
    assert first.code == 0 and first.err.startswith(NEW_DATABASE.format(path=path)), first
    assert first.err.count("Started a new") == 1
    default = cli("app", "list", db=str(data / "nextround.sqlite3"))
    assert default.code == 0 and default.err == "", default


def test_a_first_command_that_fails_leaves_no_new_database_behind(cli: Cli, tmp_path: Path):
    path = tmp_path / "jobs.sqlite3"
    failed = cli("app", "add", "Acme", "PM", "--applied", "2099-05-01", db=str(path))
    assert failed.code == 2 and "in the future" in failed.err
    assert f"The new database at {path} was not kept, as the command failed." in failed.err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("jobs")) == []
    added = cli("app", "add", "Acme", "PM", "--applied", "2025-05-01", db=str(path))
    assert added.code == 0 and path.is_file()
    # An existing database is never removed, whatever fails.
    again = cli("app", "add", "Acme", "PM", "--applied", "2099-05-01", db=str(path))
    assert again.code == 2 and "not kept" not in again.err and path.is_file()
    assert "Acme" in cli("app", "list", db=str(path)).out


def test_a_missing_folder_in_the_database_variable_is_refused(cli: Cli, tmp_path: Path):
    env = {**cli.env, "NEXTROUND_DATABASE_URL": str(tmp_path / "tpyo" / "jobs.sqlite3")}
    result = Cli(cli.db, env, cli.cwd)("app", "list", db="")
    assert result.code == 2, result
    assert result.err == (
        f"error: there is no folder {tmp_path / 'tpyo'} for the database jobs.sqlite3; check "
        "the path, or create the folder first if you meant a new database there\n"
    )
    assert not (tmp_path / "tpyo").exists()


def test_the_default_data_folder_is_created_on_first_run_without_a_notice(cli: Cli):
    data = Path(cli.env["NEXTROUND_DATA_DIR"])
    assert not data.exists()
    result = cli("app", "list", db="")
    assert result.code == 0 and result.err == "", result
    assert (data / "nextround.sqlite3").is_file()


@pytest.mark.postgres
def test_the_password_in_a_postgresql_url_is_never_printed(
    cli: Cli, postgres_base_url: str
) -> None:
    from tests.postgres_server import create_database

    # The test server trusts every local connection, so any password is accepted.
    url = create_database(postgres_base_url).replace("postgres@", "postgres:s3cretpw@")
    result = cli("init", db=url)
    assert result.code == 0, result.err
    assert "s3cretpw" not in result.out + result.err
    assert "Database ready at postgresql+psycopg://postgres:***@127.0.0.1:" in result.out
    refused = cli("app", "list", db=url.replace("127.0.0.1:", "127.0.0.1:x"))
    assert refused.code == 2 and "s3cretpw" not in refused.err
    assert "postgresql+psycopg://postgres:***@127.0.0.1:x" in refused.err

"""Database URLs: the password kept off the screen, and malformed or in-memory URLs refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from nextround.errors import InvalidInputError
from nextround.store.urls import parse_url, shown, sqlite_file


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://ada:s3cret@db:5432/jobs", "postgresql://ada:***@db:5432/jobs"),
        ("postgres://ada:p@ss@db/jobs", "postgres://ada:***@ss@db/jobs"),  # as SQLAlchemy reads it
        ("postgresql://ada:a/b:c@db:nope/jobs", "postgresql://ada:***@db:nope/jobs"),
        ("postgresql://ada@db/jobs", "postgresql://ada@db/jobs"),
        ("sqlite:////home/ada/jobs.sqlite3", "sqlite:////home/ada/jobs.sqlite3"),
        ("not a url: at all@", "not a url: at all@"),
    ],
)
def test_shown_hides_the_password_of_any_url_string(url, expected):
    assert shown(url) == expected


def test_shown_gives_a_parsed_url_as_the_user_would_write_it():
    assert (
        shown(make_url("postgresql+psycopg://ada:s3cret@db/jobs")) == "postgresql://ada:***@db/jobs"
    )
    # A path as typed, not percent-encoded.
    assert (
        shown(make_url("sqlite:////tmp/my jobs/a:b.sqlite3"))
        == "sqlite:////tmp/my jobs/a:b.sqlite3"
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql://postgres@localhost:notaport/x",
            r"^'postgresql://postgres@localhost:notaport/x' has 'notaport' where the port number "
            r"goes; use e\.g\. .* postgresql://user:password@host:5432/dbname$",
        ),
        (
            "postgresql://ada:s3cret@localhost:54x2/x",
            r"^'postgresql://ada:\*\*\*@localhost:54x2/x' has '54x2' where the port number goes",
        ),
        ("postgresql://[::1]:abc/x", r"has 'abc' where the port number goes"),
        (
            "postgresql://[::1/x",
            r"^'postgresql://\[::1/x' has an IPv6 address without its closing bracket \('\[::1'\)",
        ),
        ("not a url", r"^'not a url' is not a database URL; use e\.g\. sqlite:///"),
    ],
)
def test_a_malformed_url_is_refused_naming_the_bad_part(url, message):
    with pytest.raises(InvalidInputError, match=message) as refused:
        parse_url(url)
    assert "s3cret" not in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite+pysqlite:///:memory:",
        "sqlite:///file::memory:?uri=true",
        "sqlite:///file:jobs?mode=memory&uri=true",
    ],
)
def test_an_in_memory_sqlite_database_is_refused(url):
    with pytest.raises(
        InvalidInputError, match="in-memory SQLite database: each nextround command"
    ):
        parse_url(url)


def test_well_formed_urls_are_parsed_with_the_shipped_postgresql_driver():
    assert parse_url("postgres://ada@db/jobs").drivername == "postgresql+psycopg"
    assert parse_url("sqlite:////tmp/jobs.sqlite3").database == "/tmp/jobs.sqlite3"


def test_sqlite_file_is_the_path_of_a_sqlite_url_only():
    assert sqlite_file(make_url("sqlite:////tmp/jobs.sqlite3")) == Path("/tmp/jobs.sqlite3")
    assert sqlite_file(make_url("sqlite:///file:jobs?uri=true")) is None
    assert sqlite_file(make_url("postgresql://db/jobs")) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////home/ada/jobs.sqlite3", None),
        ("postgresql://ada:s3cret@localhost/jobs", None),
        ("postgresql://ada:s3cret@127.0.0.1:55418/jobs", None),
        ("postgresql://ada@[::1]:5432/jobs", None),
        ("postgresql:///jobs", None),  # no host: libpq's socket on this computer
        ("postgresql://ada@/jobs?host=/run/postgresql", None),
        ("postgresql://ada:s3cret@db.firm.example:5432/jobs", "db.firm.example"),
        ("postgresql://ada@10.0.0.7/jobs", "10.0.0.7"),
        ("postgresql://ada@/jobs?host=pg.firm.example", "pg.firm.example"),
    ],
)
def test_remote_host_names_a_database_on_another_computer_only(url, expected):
    from nextround.store.urls import remote_host

    assert remote_host(parse_url(url)) == expected

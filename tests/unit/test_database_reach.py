"""How a failure to open a server database is told: libpq's lines, and "try again later"."""

from __future__ import annotations

import pytest

from nextround.store.database import driver_reason, unreachable


class DriverError(Exception):
    """An error shaped like psycopg's: a message and the server's SQLSTATE, if it answered."""

    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def test_libpqs_lines_are_joined_as_sentences():
    error = DriverError(
        'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection '
        "refused\n\tIs the server running on that host and accepting TCP/IP connections?"
    )
    assert driver_reason(error) == (
        'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection '
        "refused. Is the server running on that host and accepting TCP/IP connections?"
    )


def test_a_one_line_reason_and_lines_ending_in_a_stop_are_kept_as_they_are():
    assert driver_reason(DriverError("file is not a database")) == "file is not a database"
    assert driver_reason(DriverError("It failed.\nTry again?")) == "It failed. Try again?"


@pytest.mark.parametrize(
    ("sqlstate", "expected"),
    [
        (None, True),  # refused, timed out, host not found: the server never answered
        ("08006", True),  # connection failure
        ("57P03", True),  # the database system is starting up
        ("28P01", False),  # wrong password: the user's to fix
        ("3D000", False),  # no such database: the user's to fix
    ],
)
def test_only_a_server_that_cannot_be_reached_is_unreachable(sqlstate, expected):
    assert unreachable(DriverError("x", sqlstate)) is expected

"""A connection the server ends mid-command reads as one line saying so, password hidden."""

from __future__ import annotations

from sqlalchemy import make_url
from sqlalchemy.exc import InternalError, OperationalError

from nextround.errors import DatabaseUnreachableError
from nextround.store.database import database_error


class _ServerError(Exception):
    """What the driver raises: the server's message, over libpq's lines."""


def test_a_connection_ended_by_the_server_says_the_database_cannot_be_reached() -> None:
    url = make_url("postgresql://marta:secret@127.0.0.1:55418/nextround")
    said = _ServerError(
        "terminating connection due to idle-in-transaction timeout\nserver closed the connection"
    )
    lost = InternalError("SELECT 1", {}, said, connection_invalidated=True)
    error = database_error(lost, url)
    assert isinstance(error, DatabaseUnreachableError)  # exits as at start-up: try again
    message = error.for_cli()
    assert message.startswith(
        "cannot reach the database postgresql://marta:***@127.0.0.1:55418/nextround: the "
        "connection was lost (terminating connection due to idle-in-transaction timeout. "
        "server closed the connection)"
    )
    assert "secret" not in message


def test_an_error_on_a_live_connection_is_not_called_a_lost_one() -> None:
    refused = OperationalError("SELECT 1", {}, _ServerError("deadlock detected"))
    assert database_error(refused, make_url("postgresql://127.0.0.1/nextround")) is None

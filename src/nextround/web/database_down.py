"""When the database cannot be reached: what the 503 page says, and the one line logged."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from nextround.store.urls import shown, sqlite_file


@dataclass(frozen=True)
class Outage:
    """What to tell the user, and the line for the server's log."""

    message: str
    hint: str
    log_line: str


def describe_outage(exc: OperationalError, url: URL) -> Outage:
    """The page and log line for a database that failed a request (server down, file gone)."""
    # The driver's first line says what happened ("Connection refused"); the rest is a
    # traceback-sized SQL statement and parameters, which belong to no one's log.
    reason = (str(exc.orig) or type(exc.orig).__name__).strip().splitlines()[0]
    path = sqlite_file(url)
    if path is None:
        where = f"the PostgreSQL server at {url.host or 'localhost'}:{url.port or 5432}"
        message = f"nextround cannot reach its database, {where}."
        check = "Check that the server is running and reachable from this computer"
    else:
        message = f"nextround cannot use its database file, {path}, just now."
        check = "It may be busy, or on a drive that is not mounted"
    return Outage(
        message=message,
        hint=(
            f"{check}, then reload this page: it works again as soon as the database is back. "
            "If you were saving a change, check afterwards that it was saved."
        ),
        log_line=f"database unreachable ({shown(url)}): {reason}",
    )

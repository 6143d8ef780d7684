"""Database URLs as the user gives them: checked before use, and shown without the password."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from nextround.errors import InvalidInputError

#: The forms nextround accepts, for messages about a URL that is not one of them.
EXPECTED = (
    "use e.g. sqlite:///path/to/file.sqlite3 (or just a file path) or "
    "postgresql://user:password@host:5432/dbname"
)

#: The user name and password as SQLAlchemy reads them: the password runs up to the first "@".
_CREDENTIALS = re.compile(r"^(?P<head>[\w+]+://[^:/@]*):[^@]*@")


def shown(url: str | URL) -> str:
    """``url`` fit to print: any password replaced by ***, even in a URL that does not parse.

    A parsed URL is shown without the driver nextround chose (postgresql, not
    postgresql+psycopg), as the user would have written it.
    """
    if isinstance(url, URL):
        if sqlite_file(url) is not None:  # a path as typed, not percent-encoded
            return f"sqlite:///{url.database}"
        plain = url.set(drivername=url.get_backend_name())
        return plain.render_as_string(hide_password=True)
    return _CREDENTIALS.sub(r"\g<head>:***@", url, count=1)


def normalise_url(url: str) -> str:
    """Accept plain postgres:// URLs and route them to the psycopg 3 driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def parse_url(url: str) -> URL:
    """The URL parsed, or an error that names the part that is wrong (password hidden)."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        raise InvalidInputError(f"{shown(url)!r} is not a database URL; {EXPECTED}") from None
    except ValueError:  # SQLAlchemy reads the port with int() and lets its error through
        raise InvalidInputError(f"{shown(url)!r} {_bad_address(url)}; {EXPECTED}") from None
    if parsed.get_backend_name() == "sqlite" and _in_memory(parsed):
        # Every command is a process of its own: what one wrote would be gone for the next.
        raise InvalidInputError(
            f"{shown(url)!r} is an in-memory SQLite database: each nextround command runs as a "
            "process of its own, so what one saved would be gone before the next; give a file "
            "path instead, e.g. --db ~/nextround.sqlite3"
        )
    return parsed


def sqlite_file(url: URL) -> Path | None:
    """The file a SQLite URL names (None for other databases and SQLite URI filenames)."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database.startswith("file:"):
        return None
    return Path(database).expanduser()


#: Host names that mean this computer, as a server database's URL may give them.
_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1", "[::1]"})


def remote_host(url: URL) -> str | None:
    """The host of a database on another computer; None for SQLite or a server on this one.

    A PostgreSQL URL without a host, or with a socket folder (``?host=/run/postgresql``),
    connects on this computer, as does any loopback address.
    """
    if url.get_backend_name() == "sqlite":
        return None
    hosts = [url.host or ""]
    given = url.query.get("host")
    if given:  # libpq's host parameter: a name, a socket folder, or several, comma-separated
        hosts = [
            h for value in ([given] if isinstance(given, str) else given) for h in value.split(",")
        ]
    remote = [h.strip() for h in hosts if not _local(h.strip())]
    return ", ".join(remote) if remote else None


def _local(host: str) -> bool:
    return host.casefold() in _LOCAL_HOSTS or host.startswith("/") or host.startswith("127.")


def _in_memory(url: URL) -> bool:
    database = url.database or ""
    return (
        database in ("", ":memory:")
        or database.startswith("file::memory:")
        or url.query.get("mode") == "memory"
    )


def _bad_address(url: str) -> str:
    """What is wrong with the host and port of a URL whose port SQLAlchemy could not read."""
    # After the credentials (a password may hold "/" or ":"), up to the path or the query.
    credentials = _CREDENTIALS.match(url)
    rest = url[credentials.end() :] if credentials else url.partition("://")[2]
    authority = re.split(r"[/?]", rest, maxsplit=1)[0].rpartition("@")[2]
    if authority.startswith("[") and "]" not in authority:
        return f"has an IPv6 address without its closing bracket ({authority!r})"
    host_and_port = authority.rpartition("]")[2] if authority.startswith("[") else authority
    return f"has {host_and_port.partition(':')[2]!r} where the port number goes"

"""Upgrading an existing database's schema: a copy of it first, and a word about it after."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from nextround import __version__
from nextround.errors import NextroundError
from nextround.store.database import HEAD_REVISION, copy_sqlite
from nextround.store.urls import shown, sqlite_file


def keep_before_upgrade(engine: Engine, revision: str, now: datetime) -> Path | None:
    """Copy a SQLite database before its schema is upgraded; the copy's path.

    An older nextround cannot open the upgraded file (another computer, a synced folder),
    and the copy is how to go back to it. It goes in a ``backups`` folder beside the
    database, as the copies kept before a restore do. A PostgreSQL database is not copied
    (the server's own backups are the way there): None. If no copy can be made, nothing
    is upgraded.
    """
    from nextround.io.user_files import private_folder

    path = sqlite_file(engine.url)
    if path is None:
        return None
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    try:
        folder = private_folder(path.parent / "backups")
        for n in range(1, 100):
            suffix = "" if n == 1 else f"-{n}"
            target = folder / f"{path.stem}-before-upgrade-{revision}-{stamp}{suffix}.sqlite3"
            if not target.exists():
                copy_sqlite(engine, target)
                return target
        raise OSError("too many copies with the same name")
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise NextroundError(
            f"the database {path} needs an upgrade from schema {revision} to {HEAD_REVISION}, "
            f"but no copy of it could be kept first in {path.parent / 'backups'} ({reason}); "
            "nothing was changed. Make room there, or copy the file somewhere writable and use "
            "--db"
        ) from None


def upgrade_notice(engine: Engine, revision: str, copy: Path | None) -> str:
    """The one line saying the schema was upgraded, what that means, and where the copy is."""
    where = sqlite_file(engine.url) or shown(engine.url)
    said = (
        f"Upgraded the database {where} from schema {revision} to {HEAD_REVISION} "
        f"(nextround {__version__}); older versions of nextround can no longer open it."
    )
    if copy is not None:
        return f"{said} A copy of it as it was is at {copy}."
    return (
        f"{said} No copy was kept on the server: keep your own with `nextround export json`, "
        "before the next upgrade too."
    )

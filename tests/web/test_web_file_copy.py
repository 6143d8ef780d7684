"""A copy of the SQLite file taken while the web app runs holds what was written through it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser


def _companies(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT company FROM applications ORDER BY id")]


def test_the_database_file_alone_holds_every_saved_form(
    browser: Browser, sqlite_app: Nextround, tmp_path: Path
) -> None:
    database = tmp_path / "only.sqlite3"
    browser.add_application(company="Tempoline")
    browser.add_application(company="Acme")
    # The app's connections stay open, as in a long session: SQLite alone would keep these
    # writes in the -wal file next to the database until the log grew to 4 MB.
    assert Path(f"{database}-wal").exists()
    copy = tmp_path / "copied.sqlite3"
    shutil.copyfile(database, copy)  # the file alone, as a backup tool copies it
    assert _companies(copy) == ["Tempoline", "Acme"]

"""Copies nextround keeps of the user's data are as private as the database itself."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

from nextround.services.applications import add_application
from nextround.services.data import keep_current


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_copy_kept_before_a_restore_is_for_its_owner_only(sqlite_app, tmp_path: Path) -> None:
    with sqlite_app.uow() as uow:
        add_application(
            uow,
            {
                "company": "Snowflake",
                "role_title": "Staff Data Engineer",
                "applied_on": date(2026, 10, 1),
            },
        )
    data_dir = tmp_path / "private-data"
    old_mask = os.umask(0o022)  # the usual default, under which files are world-readable
    try:
        with sqlite_app.uow() as uow:
            first = keep_current(uow, data_dir)
            second = keep_current(uow, data_dir)  # same second: a new name, never overwritten
    finally:
        os.umask(old_mask)
    assert first != second and first.parent == second.parent == data_dir / "backups"
    assert _mode(data_dir / "backups") == 0o700
    assert _mode(first) == _mode(second) == 0o600
    tables = json.loads(first.read_text("utf-8"))["tables"]
    assert [row["company"] for row in tables["applications"]] == ["Snowflake"]

"""Commands that only read answer while another process holds the SQLite write lock."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

from tests.e2e.conftest import Cli, seed_application


def test_export_show_and_timeline_do_not_wait_for_a_writer(cli: Cli, tmp_path) -> None:
    ids = seed_application(cli)
    # Another process in the middle of a long write (a restore, `feedback add` loading the
    # model): it holds SQLite's write lock until it commits.
    with closing(sqlite3.connect(cli.db, isolation_level=None, timeout=1)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE applications SET notes = 'being edited'")
        exported = json.loads(cli.ok("export", "json"))
        assert [a["company"] for a in exported["tables"]["applications"]] == ["Tempoline"]
        shown = json.loads(cli.ok("app", "show", str(ids.application), "--json"))
        assert shown["notes"] in (None, "")  # the writer's change is not committed yet
        events = json.loads(cli.ok("timeline", str(ids.application), "--json"))["events"]
        assert events
        writer.execute("ROLLBACK")

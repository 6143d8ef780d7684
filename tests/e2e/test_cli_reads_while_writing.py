"""Commands that only read answer while another process holds the SQLite write lock."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from tests.e2e.conftest import Cli, seed_application
from tests.integration.conftest import Journey

RESUME = """# Priya Raman

## Experience

### Senior Product Manager, Northwind Logistics (Jan 2021 – Present)

- Cut partner integration time from 6 weeks to 10 days
"""


@contextmanager
def write_lock(db: str) -> Iterator[None]:
    """Another process in the middle of a long write (a restore, `feedback add` loading the
    model): it holds SQLite's write lock until it commits, here until the block ends."""
    with closing(sqlite3.connect(db, isolation_level=None, timeout=1)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE applications SET notes = 'being edited'")
        yield
        writer.execute("ROLLBACK")


def test_export_show_and_timeline_do_not_wait_for_a_writer(cli: Cli, tmp_path) -> None:
    ids = seed_application(cli)
    with write_lock(cli.db):
        exported = json.loads(cli.ok("export", "json"))
        assert [a["company"] for a in exported["tables"]["applications"]] == ["Tempoline"]
        shown = json.loads(cli.ok("app", "show", str(ids.application), "--json"))
        assert shown["notes"] in (None, "")  # the writer's change is not committed yet
        events = json.loads(cli.ok("timeline", str(ids.application), "--json"))["events"]
        assert events


#: Every other command that only reads, as (arguments, a word its output holds); {main},
#: {recruiter}, {feedback} and {out} stand for the seeded ids and an output folder.
READS = [
    (["app", "list"], "Tempoline"),
    (["stats"], "Applied"),
    (["contact", "list", "--json"], "Maya"),
    (["contact", "show", "{recruiter}"], "Maya"),
    (["feedback", "list"], "#{feedback}"),
    (["feedback", "show", "{feedback}"], "#{feedback}"),
    (["profile"], "Profile"),
    (["profile", "explain", "calibration"], "calibration"),
    (["story", "list"], "Outage"),
    (["story", "check", "1"], "Outage"),
    (["story", "coverage", "--json"], "ownership"),
    (["framework", "list"], "nextround-core"),
    (["framework", "show"], "Ownership"),
    (["options", "show"], "Option A"),
    (["options", "criteria", "--json"], "scope"),
    (["options", "rank", "--json"], "ranking"),
    (["note", "list"], "No notes yet"),
    (["resume", "show"], "Northwind"),
    (["resume", "seeds", "--json"], "seeds"),
    (["map"], "statements"),
    (["report", "profile", "-o", "{out}/profile.html"], "profile.html"),
    (["report", "app", "{main}", "-o", "{out}/app.html"], "app.html"),
]


@pytest.fixture(scope="module")
def reads_db(
    seeded_template: tuple[Path, Journey], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Journey]:
    """The seeded journey with a story and a resume, built once for the commands below."""
    import shutil

    from tests.e2e.conftest import cli_env

    template, journey = seeded_template
    folder = tmp_path_factory.mktemp("reads")
    path = folder / "reads.sqlite3"
    shutil.copyfile(template, path)
    cli = Cli(str(path), cli_env(folder / "data"), folder)
    cli.ok("story", "add", "--title", "Outage", "--action", "I rolled back.", "--competency",
           "ownership")  # fmt: skip
    resume = folder / "priya.md"
    resume.write_text(RESUME, encoding="utf-8")
    cli.ok("import", "resume", str(resume))
    return path, journey


@pytest.mark.parametrize(("args", "shows"), READS, ids=[" ".join(a) for a, _ in READS])
def test_commands_that_only_read_do_not_wait_for_a_writer(
    reads_db: tuple[Path, Journey], tmp_path: Path, data_dir: Path, args: list[str], shows: str
) -> None:
    import shutil

    from tests.e2e.conftest import cli_env

    template, journey = reads_db
    db = tmp_path / "reads.sqlite3"
    shutil.copyfile(template, db)
    cli = Cli(str(db), cli_env(data_dir), tmp_path)
    ids = {"main": journey.main, "recruiter": journey.recruiter, "feedback": journey.feedback}
    argv = [a.format(out=tmp_path, **ids) for a in args]
    with write_lock(cli.db):
        # A writing command would wait 10 s for the lock, then fail with "is busy".
        done = cli(*argv, stdin="Owned the outage end to end.\n" if args == ["map"] else None)
    assert done.code == 0, done.err
    assert "busy" not in done.err
    assert shows.format(**ids).lower() in (done.out + done.err).lower()

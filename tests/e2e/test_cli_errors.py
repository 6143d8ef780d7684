"""Bad input on the command line: exit code 2 (3 if not found), one line that says what to fix,
nothing written."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
from pathlib import Path

import pytest

from nextround.bootstrap import Nextround
from nextround.config import Settings
from nextround.io.backup import dumps
from nextround.services.data import export_backup
from tests.e2e.conftest import Cli, dump, error_code

# (arguments, what the one-line message must say). In the seeded database application 1 is
# the main process (rejected on 2025-06-18, applied 2025-05-06), with rounds 1-2 and
# interviews 1-3; {tmp} is the test's own folder.
CASES = [
    pytest.param(
        ["app", "show", "42"],
        r"no application with id 42; see `nextround app list`",
        id="unknown-application",
    ),
    pytest.param(
        ["round", "edit", "42", "--name", "x"],
        r"no round with id 42; see `nextround app show APP`",
        id="unknown-round",
    ),
    pytest.param(
        ["interview", "edit", "42", "--title", "x"],
        r"no interview with id 42",
        id="unknown-interview",
    ),
    pytest.param(
        ["interview", "add", "1", "Extra", "--round", "7"],
        r"application 1 has no round 7; it has 2 rounds",
        id="unknown-round-position",
    ),
    pytest.param(
        ["feedback", "add", "text", "--interview", "42"],
        r"no interview with id 42",
        id="unknown-interview-for-feedback",
    ),
    pytest.param(
        ["contact", "add", "Bob", "--app", "42"],
        r"no application with id 42",
        id="unknown-application-for-contact",
    ),
    pytest.param(
        ["app", "show", "99999999999999999999999"],
        r"no application with id 99999999999999999999999",
        id="huge-id",
    ),
    pytest.param(
        ["app", "show", "abc"],
        r"(?i)Invalid value for 'APP_ID'.*integer.*see `nextround app show --help`",
        id="non-integer-id",
    ),
    pytest.param(
        ["app", "add", "Foo", "Bar", "--applied", "2025-13-01"],
        r"--applied '2025-13-01' has no month 13; months go from 01 to 12",
        id="bad-date",
    ),
    pytest.param(
        ["app", "list", "--since", "last week"],
        r"--since 'last week' is not a date",
        id="bad-date-filter",
    ),
    pytest.param(
        ["interview", "add", "1", "X", "--round", "2", "--at", "2025-06-10T25:00"],
        r"--at '2025-06-10T25:00' has no hour 25; hours go from 00 to 23",
        id="bad-datetime",
    ),
    pytest.param(
        ["round", "add", "1", "Later", "--kind", "other", "--on", "2025-07-01"],
        r"starts on 2025-07-01, after the decision that closed application 1 \(rejection on "
        r"2025-06-18\).*`nextround decision rm 1` to correct the record",
        id="round-after-decision",
    ),
    pytest.param(
        ["decision", "set", "1", "--outcome", "rejection", "--on", "2025-05-01"],
        r"dated before the application on 2025-05-06; give a date on or after 2025-05-06",
        id="decision-before-applied",
    ),
    pytest.param(
        ["decision", "set", "1", "--outcome", "rejection", "--on", "2025-06-01"],
        r"before the last round, which starts on 2025-06-10",
        id="decision-before-round",
    ),
    pytest.param(
        ["decision", "set", "1", "--outcome", "offer", "--on", "2062-07-10"],
        r"a decision on 2062-07-10 is in the future; record it once it is made",
        id="decision-in-the-future",
    ),
    pytest.param(
        ["app", "add", "Acme", "PM", "--applied", "2062-01-01"],
        r"applied on 2062-01-01 is in the future",
        id="applied-in-the-future",
    ),
    pytest.param(
        ["interview", "edit", "1", "--at", "2025-07-01T10:00+00:00"],
        r"after the decision on 2025-06-18; reopen the application first",
        id="interview-moved-after-decision",
    ),
    pytest.param(
        ["round", "edit", "2", "--ended", "2025-06-01"],
        r"ends on 2025-06-01 before it starts on 2025-06-10",
        id="round-ends-before-start",
    ),
    pytest.param(
        ["app", "reopen", "1", "--on", "2025-06-01"],
        r"cannot reopen on 2025-06-01, before the decision on 2025-06-18",
        id="reopen-early",
    ),
    pytest.param(
        ["app", "close", "3", "--as", "offer"],
        r"an offer is not a way to close; use `nextround decision set APP --outcome offer`",
        id="close-as-offer",
    ),
    pytest.param(
        ["feedback", "add", "--file", "{tmp}/missing.txt"],
        r"no such file: .*missing\.txt",
        id="missing-feedback-file",
    ),
    pytest.param(
        ["app", "add", "Acme", "PM", "--applied", "2026-10-01", "--source", "website"],
        r"--source 'website' is not one of: .*; did you mean 'careers-page'\?",
        id="source-natural-word",
    ),
    pytest.param(
        ["feedback", "add", "--file", "{tmp}/binary.bin"],
        r"binary\.bin is not UTF-8 text",
        id="binary-feedback-file",
    ),
    pytest.param(
        ["feedback", "add", "{tmp}/malformed.json"],
        r"“.*malformed\.json” is the name of a file, not the feedback text: to read the file, "
        r"give it with --file .*malformed\.json",
        id="feedback-file-given-as-text",
    ),
    pytest.param(
        ["feedback", "add", "   "],
        r"feedback text is required; give a non-empty value",
        id="empty-feedback",
    ),
    pytest.param(
        ["feedback", "add", "text", "--on", "2099-01-01"],
        r"feedback cannot be received on 2099-01-01, in the future",
        id="future-feedback",
    ),
    pytest.param(
        ["feedback", "edit", "1", "--on", "2099-01-01"],
        r"feedback cannot be received on 2099-01-01, in the future",
        id="future-feedback-edit",
    ),
    pytest.param(["feedback", "edit", "1"], r"nothing to change", id="empty-feedback-edit"),
    pytest.param(
        ["feedback", "edit", "99", "--author", "X"],
        r"no feedback with id 99; see `nextround feedback list`",
        id="unknown-feedback-edit",
    ),
    pytest.param(
        ["feedback", "rm", "99", "--yes"], r"no feedback with id 99", id="unknown-feedback-rm"
    ),
    pytest.param(
        ["feedback", "edit", "1", "--app", "1", "--no-app"],
        r"give new links or detach the feedback, not both",
        id="feedback-moved-and-detached",
    ),
    pytest.param(
        ["feedback", "add", "text", "--round", "1"],
        r"a round number needs the application it belongs to \(--app\)",
        id="round-without-app",
    ),
    pytest.param(
        ["import", "json", "{tmp}/missing.json"],
        r"no such file: .*missing\.json",
        id="missing-backup",
    ),
    pytest.param(["import", "json", "{tmp}"], r"is a folder, not a file", id="folder-as-backup"),
    pytest.param(
        ["import", "json", "{tmp}/malformed.json"],
        r"malformed\.json is not valid JSON: Expecting ',' delimiter \(line 1,",
        id="malformed-backup",
    ),
    pytest.param(
        ["import", "json", "{tmp}/trailing-comma.json"],
        r"trailing-comma\.json is not valid JSON: .*\(line 3, column 1\); line 3 reads “}”: "
        r"remove the comma before '}'; JSON allows none after the last item$",
        id="backup-trailing-comma",
    ),
    pytest.param(
        ["import", "resume", "{tmp}/single-quotes.json"],
        r"single-quotes\.json is not valid JSON: .*; line 1 reads “{'basics': {}}”: JSON puts "
        r"names and text in double quotes \(\"\), not single ones$",
        id="resume-single-quotes",
    ),
    pytest.param(
        ["import", "json", "{tmp}/bad-date.json"],
        r"^error: \$\.tables\.applications\[1\]\.applied_on: '2025/09/01' is not in the "
        r"expected form",
        id="backup-bad-path",
    ),
    pytest.param(
        ["import", "json", "{tmp}/backup.json"],
        r"the database is not empty \(3 applications, .*pass --replace",
        id="import-not-empty",
    ),
    pytest.param(
        ["app", "add", "Foo", "Bar", "--source", "facebook"],
        r"--source 'facebook' is not one of: linkedin, referral, careers-page",
        id="bad-enum",
    ),
    pytest.param(
        ["decision", "set", "1", "--outcome", "maybe"],
        r"--outcome 'maybe' is not one of: offer, rejection",
        id="bad-outcome",
    ),
    pytest.param(
        [
            "decision",
            "set",
            "1",
            "--outcome",
            "rejection",
            "--response",
            "accepted",
            "--on",
            "2025-06-20",
        ],
        r"an offer response only applies to offers, not to a rejection",
        id="response-not-offer",
    ),
    pytest.param(
        [
            "decision",
            "set",
            "1",
            "--outcome",
            "rejection",
            "--finalists",
            "0",
            "--on",
            "2025-06-20",
        ],
        r"finalists must be between 1 and 1000, not 0",
        id="finalists",
    ),
    pytest.param(
        ["interview", "add", "1", "X", "--minutes", "0"],
        r"duration 0 min is not possible; give 1-720 minutes",
        id="duration",
    ),
    pytest.param(
        ["interview", "add", "1", "X", "--minutes", "ten"],
        r"--minutes 'ten' is not a whole number of minutes, e\.g\. 45",
        id="non-integer-option",
    ),
    pytest.param(
        ["app", "add", "Fo\x01o", "Bar"],
        r"company contains the control character '\\x01' at position 2; remove it",
        id="control-character",
    ),
    pytest.param(
        ["app", "edit", "1", "--notes", "nul\x1bhere"],
        r"notes contains the control character '\\x1b' at position 3",
        id="escape-character",
    ),
    pytest.param(
        ["app", "add", "Foo", "Bar", "--tag", "has space!"],
        r"tag 'has space!' is not valid; use letters, digits",
        id="bad-tag",
    ),
    pytest.param(
        ["app", "add", "Foo", "Bar", "--url", "ftp://example.com"],
        r"posting URL 'ftp://example\.com' is not a web address; start it with https://",
        id="bad-url",
    ),
    pytest.param(
        ["contact", "add", "Bob", "--email", "bob-at-example"],
        r"email 'bob-at-example' is not an address like name@example\.com",
        id="bad-email",
    ),
    pytest.param(
        ["app", "edit", "1"], r"nothing to change; give at least one option", id="edit-nothing"
    ),
    pytest.param(
        ["app", "edit", "1", "--company", ""],
        r"company is required; give a non-empty value",
        id="clear-required",
    ),
    pytest.param(
        ["app", "list", "--status", "bogus"],
        r"--status 'bogus' is not one of: applied, screening",
        id="bad-status",
    ),
    pytest.param(
        ["export", "json", "-o", "{tmp}"], r"is a folder; give a file name", id="export-to-folder"
    ),
    pytest.param(
        ["export", "csv", "-o", "{tmp}/backup.json/sub/out.csv"],
        r"the folder .*backup\.json/sub does not exist; create it first",
        id="export-to-impossible-path",
    ),
    pytest.param(
        ["export", "csv", "-o", "{tmp}/no-such-folder/out.csv"],
        r"the folder .*no-such-folder does not exist; create it first or choose another path",
        id="export-to-a-missing-folder",
    ),
    pytest.param(["app", "frobnicate"], r"No such command 'frobnicate'", id="unknown-command"),
]


@pytest.fixture(scope="module")
def files(seeded_template, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Input files for the bad cases, written once: a backup of the seeded data and bad ones."""
    template, _ = seeded_template
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "binary.bin").write_bytes(b"\xff\xfe\x00\x81")
    (folder / "malformed.json").write_text('{"format": "nextround-backup" "x": 1}', "utf-8")
    (folder / "trailing-comma.json").write_text(
        '{"format": "nextround-backup",\n "x": 1,\n}', "utf-8"
    )
    (folder / "single-quotes.json").write_text("{'basics': {}}", "utf-8")
    app = Nextround(Settings(data_dir=folder, database_url=f"sqlite:///{template}"))
    with app.uow() as uow:
        doc = export_backup(uow)
    app.close()
    (folder / "backup.json").write_text(dumps(doc), "utf-8")
    doc["tables"]["applications"][1]["applied_on"] = "2025/09/01"
    (folder / "bad-date.json").write_text(json.dumps(doc), "utf-8")
    return folder


def assert_clean_failure(cli: Cli, args: list[str], message: str, db: str | None = None) -> None:
    before = dump(cli.db)
    result = cli(*args, db=db)
    assert result.code == error_code(message), result
    assert "Traceback" not in result.err
    assert result.err.endswith("\n") and result.err.count("\n") == 1, result.err
    assert result.err.startswith("error: ")
    assert re.search(message, result.err), result.err
    assert dump(cli.db) == before, "the database changed"


@pytest.mark.parametrize(("args", "message"), CASES)
def test_bad_input(seeded, files, args, message):
    cli, _ = seeded
    args = [a.replace("{tmp}", str(files)) for a in args]
    assert_clean_failure(cli, args, message)


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("nosuchdb://host/x", r"cannot use database nosuchdb://host/x"),
        ("mysql://user@host/x", r"nextround runs on SQLite .* or PostgreSQL .*, not mysql"),
        ("{tmp}/backup.json/x.sqlite3", r"cannot create the database in .*; choose another"),
        (
            "{tmp}/no-such-folder/x.sqlite3",
            r"there is no folder .*/no-such-folder for the database x\.sqlite3; check the path, "
            r"or create the folder first",
        ),
        ("sqlite://", r"'sqlite://' is an in-memory SQLite database: each nextround command runs"),
        ("sqlite:///:memory:", r"in-memory SQLite database: .*; give a file path instead"),
        (
            "postgresql://postgres:s3cretpw@localhost:notaport/x",
            r"'postgresql://postgres:\*\*\*@localhost:notaport/x' has 'notaport' where the port "
            r"number goes; use e\.g\. .*postgresql://user:password@host:5432/dbname$",
        ),
        ("postgresql://[::1/x", r"has an IPv6 address without its closing bracket \('\[::1'\)"),
    ],
    ids=[
        "unknown-driver",
        "unsupported-database",
        "impossible-path",
        "missing-folder",
        "in-memory",
        "in-memory-named",
        "port-not-a-number",
        "unclosed-ipv6",
    ],
)
def test_bad_database_url(seeded, files, db, message):
    cli, _ = seeded
    db = db.replace("{tmp}", str(files))
    assert_clean_failure(cli, ["app", "list"], message, db=db)
    assert_clean_failure(cli, ["app", "add", "Acme", "PM"], message, db=db)
    assert not (files / "no-such-folder").exists()


def test_a_database_server_that_cannot_be_reached_exits_4_not_as_a_usage_error(seeded):
    """A script can tell "try again later" (4) from "fix your command" (2)."""
    cli, _ = seeded
    url = "postgresql://x:y@127.0.0.1:1/none"
    result = cli("app", "list", db=url)
    assert result.code == 4, result
    assert result.err.startswith("error: cannot open the database postgresql://x:***@127.0.0.1:1/")
    # libpq's two lines, flattened, stay two sentences.
    assert "Connection refused. Is the server running" in result.err, result.err
    assert "y@" not in result.err and result.err.count("\n") == 1
    said = cli("app", "list", "--json", db=url)
    assert said.code == 4 and json.loads(said.err)["code"] == 4, said
    assert "Connection refused. Is the server" in json.loads(said.err)["error"]


def test_an_in_memory_database_is_refused_before_anything_claims_success(cli, files, tmp_path):
    """Each command is a process of its own: `init` or `import` into memory would be a lie."""
    for args in (["init"], ["import", "json", str(files / "backup.json")], ["demo"]):
        result = cli(*args, db="sqlite://")
        assert result.code == 2 and "in-memory SQLite database" in result.err, result
        assert result.out == ""
    environment = {**cli.env, "NEXTROUND_DATABASE_URL": "sqlite:///:memory:"}
    by_variable = Cli(cli.db, environment, cli.cwd)
    result = by_variable("serve", "--port", str(_free_port()), db="")
    assert result.code == 2 and "in-memory SQLite database" in result.err, result
    assert "nextround is running" not in result.out


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO users (name) VALUES ('Ada')")
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda path: path.write_bytes(b"not a database at all, just some notes\n" * 50),
            r"cannot open the database .*: file is not a database; give the path of a "
            r"nextround database, or of a new file to start one",
        ),
        (
            _foreign_sqlite,
            r"already holds tables that are not nextround's \(orders, users\); give the path",
        ),
    ],
    ids=["not-sqlite", "someone-elses-sqlite"],
)
def test_a_file_that_is_not_a_nextround_database_is_refused_untouched(seeded, make, message):
    cli, _ = seeded
    other = Path(cli.cwd) / "other.sqlite3"
    make(other)
    before = other.read_bytes()
    for args in (["app", "list"], ["app", "add", "Acme", "PM"]):
        assert_clean_failure(cli, args, message, db=str(other))
    assert other.read_bytes() == before
    assert sorted(p.name for p in other.parent.glob("other.sqlite3*")) == ["other.sqlite3"]


def test_demo_refuses_a_database_with_data(seeded):
    cli, _ = seeded
    assert_clean_failure(cli, ["demo"], r"the demo needs an empty database, and this one holds")


def test_at_least_fifteen_cases():
    assert len(CASES) >= 15


@pytest.mark.parametrize(
    ("args", "stdin_bytes", "message"),
    [
        (["map"], b"x \xff\n", "standard input (the texts) is not UTF-8 text"),
        (["feedback", "add", "-"], b"Great \xff\n", "standard input (the feedback text) is not"),
    ],
)
def test_input_that_is_not_utf8_is_refused_in_one_line(cli, args, stdin_bytes, message):
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "nextround", "--db", cli.db, *args],
        input=stdin_bytes,
        capture_output=True,
        env=cli.env,
        cwd=cli.cwd,
        timeout=60,
        check=False,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2 and message in err and "Traceback" not in err, err
    assert json.loads(cli.ok("feedback", "list", "--json")) == []


def test_feedback_typed_at_a_terminal_is_read_with_a_hint_on_how_to_finish(cli):
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nextround", "--db", cli.db, "feedback", "add", "--no-map",
         "--source", "mentor", "--on", "2025-06-01"],
        stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli.env,
        cwd=cli.cwd, text=True,
    )  # fmt: skip
    os.close(follower)
    os.write(leader, b"Calm under pressure.\n\x04")  # the text, then Ctrl-D
    out, err = proc.communicate(timeout=60)
    os.close(leader)
    assert proc.returncode == 0, err
    assert out.startswith("Stored feedback 1 (20 characters).")
    assert "Type or paste the feedback text, then Ctrl-D on a line of its own:" in err
    (item,) = json.loads(cli.ok("feedback", "list", "--json"))
    assert item["text"] == "Calm under pressure."

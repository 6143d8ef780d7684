"""Importing a backup: bad files are refused naming the first bad path, and change nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nextround.errors import InvalidInputError
from nextround.io import backup
from nextround.services.applications import add_application
from nextround.services.data import (
    export_backup,
    parse_backup,
    read_backup_file,
    restore_backup,
)
from tests.integration.conftest import load_journey, snapshot

Mutation = Callable[[dict[str, Any]], None]


def rows(doc: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return doc["tables"][table]


def _set(table: str, index: int, column: str, value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        rows(doc, table)[index][column] = value

    return mutate


def _drop(table: str, index: int, column: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        del rows(doc, table)[index][column]

    return mutate


def _top(key: str, value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        doc[key] = value

    return mutate


def _dup_id(doc: dict[str, Any]) -> None:
    rows(doc, "applications")[2]["id"] = rows(doc, "applications")[1]["id"]


def _lose_tables(*names: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        for name in names:
            del doc["tables"][name]

    return mutate


def _unknown_table(doc: dict[str, Any]) -> None:
    doc["tables"]["salaries"] = []


def _two_bad(doc: dict[str, Any]) -> None:
    rows(doc, "rounds")[0]["kind"] = "lunch"
    rows(doc, "applications")[2]["applied_on"] = "yesterday"


BAD = [
    pytest.param(
        _set("applications", 1, "applied_on", "2025/09/01"),
        r"^\$\.tables\.applications\[1\]\.applied_on: '2025/09/01' is not in the expected "
        r"form \(dates: YYYY-MM-DD",
        id="date-form",
    ),
    pytest.param(
        _set("applications", 1, "applied_on", "2025-13-01"),
        r"^\$\.tables\.applications\[1\]\.applied_on: '2025-13-01' is not valid",
        id="date-value",
    ),
    pytest.param(
        _set("applications", 0, "created_at", "2025-05-06T10:00:00"),
        r"^\$\.tables\.applications\[0\]\.created_at: .*ISO 8601 with offset",
        id="naive-time",
    ),
    pytest.param(
        _set("applications", 2, "company", 42),
        r"^\$\.tables\.applications\[2\]\.company: should be text, not the number 42;",
        id="wrong-type",
    ),
    pytest.param(
        _set("applications", 0, "company", None),
        r"^\$\.tables\.applications\[0\]\.company: is empty; fill it in$",
        id="null",
    ),
    pytest.param(
        _set("applications", 0, "company", "x" * 201),
        r"^\$\.tables\.applications\[0\]\.company: is 201 characters long; at most 200$",
        id="too-long",
    ),
    pytest.param(
        _set("rounds", 1, "kind", "lunch"),
        r"^\$\.tables\.rounds\[1\]\.kind: 'lunch' is not one of \['screen'",
        id="enum",
    ),
    pytest.param(
        _set("interviews", 0, "interviewers", [{"name": "A", "age": 3}]),
        r"^\$\.tables\.interviews\[0\]\.interviewers\[0\]: unknown field",
        id="interviewer-field",
    ),
    pytest.param(
        _set("applications", 1, "salary", 100),
        r"^\$\.tables\.applications\[1\]: unknown field 'salary'; remove it$",
        id="unknown-column",
    ),
    pytest.param(_unknown_table, r"^\$\.tables: unknown field .*'salaries'", id="unknown-table"),
    pytest.param(_top("comment", "hi"), r"^\$: unknown field .*'comment'", id="unknown-top-level"),
    pytest.param(
        _drop("rounds", 0, "started_on"),
        r"^\$\.tables\.rounds\[0\]: the field 'started_on' is missing$",
        id="missing-field",
    ),
    pytest.param(
        _set("rounds", 0, "application_id", 77),
        r"^\$\.tables\.rounds\[0\]\.application_id: refers to applications id 77, which is "
        r"not in the backup",
        id="dangling-fk",
    ),
    pytest.param(
        _set("feedback", 0, "interview_id", 999),
        r"^\$\.tables\.feedback\[0\]\.interview_id: refers to interviews id 999",
        id="dangling-fk-2",
    ),
    pytest.param(_dup_id, r"^\$\.tables\.applications: ids must be unique", id="duplicate-id"),
    pytest.param(
        _set("rounds", 1, "position", 1),
        r"^\$\.tables\.rounds\[1\]: another row \(\$\.tables\.rounds\[0\]\) has the same "
        r"application_id 1, position 1; each must be unique",
        id="duplicate-round-position",
    ),
    pytest.param(
        _set("feedback", 0, "round_id", 3),  # round 3 is Northwind's
        r"^feedback 1 in the backup is about application 1, but round 3 belongs to another "
        r"application",
        id="feedback-round-of-another-application",
    ),
    pytest.param(
        _top("format_version", 99),
        r"format version 99 \(written by nextround [\d.]+\), newer than this nextround "
        r"understands \(1\); upgrade",
        id="newer",
    ),
    pytest.param(
        _top("format", "something-else"), r"^this is not a nextround backup", id="not-a-backup"
    ),
    # A backup lacking a table would restore without that table's records, or with
    # --replace wipe them: `export json` always writes every table.
    pytest.param(
        _lose_tables("stories"),
        r"^\$\.tables: the backup lacks the stories table, so the file is damaged or was edited "
        r"\(a backup holds every table, empty ones as \[\]\)",
        id="missing-table",
    ),
    pytest.param(
        _top("tables", {}),
        r"^\$\.tables: the backup holds no tables at all, so the file is damaged",
        id="no-tables",
    ),
    pytest.param(
        _top("tables", []), r"^\$\.tables: should be a mapping .*, not a list$", id="tables-type"
    ),
    pytest.param(
        _two_bad, r"^\$\.tables\.applications\[2\]\.applied_on", id="first-in-document-order"
    ),
    pytest.param(
        _set("applications", 0, "id", 2**40),
        r"^\$\.tables\.applications\[0\]\.id: 1099511627776 is greater than the maximum",
        id="huge-id",
    ),
    pytest.param(
        _set("interviews", 0, "duration_minutes", -(2**40)),
        r"^\$\.tables\.interviews\[0\]\.duration_minutes: .* is less than the minimum",
        id="huge-negative",
    ),
    pytest.param(
        _set("applications", 0, "notes", "nul \x00 inside"),
        r"^\$\.tables\.applications\[0\]\.notes: .*control character",
        id="nul",
    ),
    pytest.param(
        _set("feedback", 1, "text", "bell \x07"),
        r"^\$\.tables\.feedback\[1\]\.text: .*control character",
        id="control-char",
    ),
    # The schema is happy; the domain is not.
    pytest.param(
        _set("rounds", 0, "started_on", "2020-01-01"),
        r"^application 1 in the backup: round 'Screen' starts on 2020-01-01, before the "
        r"application on 2025-05-06",
        id="domain-rule",
    ),
    pytest.param(
        _set("applications", 0, "tags", ["two words!"]),
        r"^application 1 in the backup: tag 'two words!' is not valid",
        id="domain-tag",
    ),
    pytest.param(
        _set("feedback", 0, "text", "   "),
        r"^feedback 1 in the backup: feedback text is required",
        id="domain-feedback",
    ),
    pytest.param(
        _set("contacts", 0, "email", "not-an-address"),
        r"^contact 1 in the backup: email 'not-an-address' is not an address",
        id="domain-contact",
    ),
]


@pytest.fixture
def doc(app) -> dict[str, Any]:
    load_journey(app)
    with app.uow() as uow:
        return export_backup(uow)


@pytest.mark.parametrize(("mutate", "message"), BAD)
def test_bad_backup_is_refused_and_changes_nothing(app, doc, mutate, message):
    bad = copy.deepcopy(doc)
    mutate(bad)
    before = snapshot(app)
    # --replace would delete everything first: the failure must undo that too.
    with pytest.raises(InvalidInputError, match=message), app.uow() as uow:
        restore_backup(uow, json.loads(json.dumps(bad)), replace=True)
    assert snapshot(app) == before


def test_a_non_empty_database_needs_replace(app, doc, make_app, tmp_path):
    before = snapshot(app)
    with pytest.raises(InvalidInputError) as caught, app.uow() as uow:
        restore_backup(uow, doc)
    message = str(caught.value)
    assert message.startswith("the database is not empty (3 applications, ")
    assert "3 interviews" in message
    assert "--replace" not in message  # the web names its own checkbox instead
    assert "restore into a new database with --db, or pass --replace" in caught.value.for_cli()
    assert "tick “Replace everything" in caught.value.for_web()
    assert snapshot(app) == before


def test_replace_overwrites_everything(app, doc, make_app, tmp_path):
    other = make_app(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with other.uow() as uow:
        for n in range(5):
            add_application(
                uow, {"company": f"Old {n}", "role_title": "PM", "applied_on": date(2024, 1, 1)}
            )
    with other.uow() as uow:
        counts = restore_backup(uow, doc, replace=True)
    assert counts["applications"] == 3 and counts["interviews"] == 3
    assert snapshot(other) == {k: v for k, v in doc.items() if k != "exported_at"}


def test_rows_may_leave_out_optional_fields(app, doc, make_app, tmp_path):
    # A hand-written backup may omit a nullable field in one row and give it in the next.
    edited = copy.deepcopy(doc)
    del rows(edited, "applications")[0]["notes"]
    del rows(edited, "applications")[2]["level"]
    target = make_app(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    with target.uow() as uow:
        restore_backup(uow, edited)
    restored = snapshot(target)["tables"]["applications"]
    assert restored[0]["notes"] is None
    assert restored[1]["notes"] == rows(doc, "applications")[1]["notes"]
    rows(doc, "applications")[0]["notes"] = None
    assert restored == rows(doc, "applications")


def test_a_backup_from_an_older_revision_may_lack_the_tables_added_since(app, doc):
    older = copy.deepcopy(doc)
    older["revision"] = "0003"  # before thank-you notes and Option A
    for name in ("notes", "option_ratings"):
        assert older["tables"].pop(name) == []
    with app.uow() as uow:
        counts = restore_backup(uow, older, replace=True)
    assert counts["applications"] == 3 and counts["notes"] == 0
    older["tables"].pop("stories")  # which revision 0003 did have
    with pytest.raises(InvalidInputError, match="lacks the stories table"), app.uow() as uow:
        restore_backup(uow, older, replace=True)


def test_tables_since_matches_the_migrations(tmp_path):
    from sqlalchemy import inspect

    from nextround.store.database import HEAD_REVISION, make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'steps.sqlite3'}")
    try:
        seen: set[str] = set()
        every = {f"{n:04d}" for n in range(1, int(HEAD_REVISION) + 1)}
        for revision in sorted(every):
            upgrade(engine, revision)
            tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
            added = tables - seen - backup.NOT_BACKED_UP
            assert added == {n for n, since in backup.TABLES_SINCE.items() if since == revision}
            seen = tables
    finally:
        engine.dispose()


def test_an_empty_backup_restores_nothing(app, make_app, tmp_path):
    with app.uow() as uow:
        empty = export_backup(uow)
    assert all(table == [] for table in empty["tables"].values())
    with app.uow() as uow:
        counts = restore_backup(uow, empty)
    assert set(counts.values()) == {0}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"{",
            r"^backup is not valid JSON: Expecting property name enclosed in double quotes "
            r"\(line 1, column 2\); line 1 reads “{”: the file ends there; it is cut short",
        ),
        (b"\xff\xfe{}", r"^backup is not UTF-8 text; is it a nextround backup\?"),
        (
            b"",
            r"^backup is not valid JSON: Expecting value \(line 1, column 1\); the file is empty$",
        ),
        (
            b'{"format": "nextr',
            r"^backup is not valid JSON: Unterminated string starting at \(line 1, column 12\); "
            r"line 1 reads “{\"format\": \"nextr”: the text starting there has no closing",
        ),
        (
            b'{"format": "nextround-backup",\n  "tables": {},\n}\n',
            r"\(line 3, column 1\); line 3 reads “}”: remove the comma before '}'; JSON allows "
            r"none after the last item$",
        ),
        (
            b"{'format': 'nextround-backup'}",
            r"\(line 1, column 2\); line 1 reads “{'format': 'nextround-backup'}”: JSON puts "
            r"names and text in double quotes \(\"\), not single ones$",
        ),
    ],
)
def test_parse_refuses_what_is_not_json(raw, message):
    with pytest.raises(InvalidInputError, match=message):
        parse_backup(raw)


def test_growth_records_that_would_break_commands_later_are_refused(app, make_app, tmp_path):
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import add_mapped_feedback
    from nextround.services.frameworks import import_framework
    from tests.unit.growth_fakes import keyword_mapper
    from tests.unit.growth_fixtures import FRAMEWORK

    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
    mapper = keyword_mapper()
    with app.uow() as uow:
        add_mapped_feedback(
            uow, "Risk management did not come through.", FeedbackSource.RECRUITER,
            lambda: mapper, FRAMEWORK.id, received_on=date(2026, 1, 5),
        )  # fmt: skip
    with app.uow() as uow:
        good = export_backup(uow)
    target = make_app(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    before = snapshot(target)

    orphaned = copy.deepcopy(good)
    orphaned["tables"]["frameworks"] = orphaned["tables"]["competencies"] = []
    refused = pytest.raises(InvalidInputError, match=r"mapped onto framework 'test', which the")
    with refused, target.uow() as uow:
        restore_backup(uow, orphaned)

    damaged = copy.deepcopy(good)
    damaged["tables"]["preferences"].append(
        {
            "key": "option_a",
            "value": {"criteria": [{"id": "scope", "name": "Scope", "weight": "heavy"}]},
            "updated_at": "2026-01-05T10:00:00+00:00",
        }
    )
    refused = pytest.raises(InvalidInputError, match=r"^the Option A in the backup is not valid: ")
    with refused, target.uow() as uow:
        restore_backup(uow, damaged)
    assert snapshot(target) == before
    with target.uow() as uow:
        assert restore_backup(uow, good)["statements"] == 1


def test_a_debrief_out_of_range_is_refused(app, make_app, tmp_path):
    from nextround.services.debriefs import record_debrief

    journey = load_journey(app)
    with app.uow() as uow:
        record_debrief(uow, journey.whiteboard, 3)
    with app.uow() as uow:
        doc = export_backup(uow)
    doc["tables"]["debriefs"][0]["overall"] = 9
    target = make_app(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    refused = pytest.raises(InvalidInputError, match=r"^debrief 1 in the backup: overall must")
    with refused, target.uow() as uow:
        restore_backup(uow, doc)
    assert snapshot(target)["tables"]["applications"] == []


def test_a_byte_order_mark_is_allowed(app, doc, make_app, tmp_path):
    saved = tmp_path / "notepad.json"
    saved.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode("utf-8"))
    target = make_app(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    with target.uow() as uow:
        counts = restore_backup(uow, read_backup_file(saved))
    assert counts["applications"] == 3


def test_parse_refuses_json_that_is_not_a_backup(app):
    with pytest.raises(InvalidInputError, match="this is not a nextround backup"), app.uow() as uow:
        restore_backup(uow, parse_backup(b"[1, 2, 3]"))


def test_read_backup_file_problems(tmp_path: Path):
    with pytest.raises(InvalidInputError, match=r"^no such file: "):
        read_backup_file(tmp_path / "missing.json")
    with pytest.raises(InvalidInputError, match="is a folder, not a file"):
        read_backup_file(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x89PNG\r\n")
    with pytest.raises(InvalidInputError, match=r"bad\.json is not UTF-8 text"):
        read_backup_file(bad)


def test_schema_names_every_table_and_column():
    schema = backup.backup_schema()
    tables = schema["properties"]["tables"]["properties"]
    assert set(tables) == {t.name for t in backup.backed_up_tables()}
    for table in backup.backed_up_tables():
        assert set(tables[table.name]["items"]["properties"]) == {c.name for c in table.columns}


@pytest.mark.parametrize("extra_table", [False, True])
@pytest.mark.parametrize("version", ["9.9.0", None])
def test_a_backup_from_a_newer_nextround_says_to_upgrade(app, doc, extra_table, version):
    from nextround import __version__
    from nextround.store.database import HEAD_REVISION

    newer = copy.deepcopy(doc)
    newer["revision"] = f"{int(HEAD_REVISION) + 1:04d}"
    if version is None:  # written before backups named the version
        del newer["nextround_version"]
    else:
        newer["nextround_version"] = version
    if extra_table:  # what a newer schema adds: never to be "removed" by the user
        newer["tables"]["interview_videos"] = [{"id": 1, "interview_id": 1}]
    before = snapshot(app)
    with pytest.raises(InvalidInputError) as caught, app.uow() as uow:
        restore_backup(uow, newer, replace=True)
    said = str(caught.value)
    if version is None:
        assert said == (
            f"this backup was written by a newer nextround (schema {newer['revision']}; "
            f"this one knows schemas up to {HEAD_REVISION}); upgrade nextround to restore it"
        )
    else:
        assert said == (
            f"this backup was written by a newer nextround (9.9.0, schema {newer['revision']}; "
            f"this one ({__version__}) knows schemas up to {HEAD_REVISION}); upgrade "
            "nextround to restore it"
        )
    assert "remove" not in said
    assert snapshot(app) == before


def test_a_newer_format_names_the_version_that_wrote_it(app, doc):
    newer = {**copy.deepcopy(doc), "format_version": 99, "nextround_version": "9.9.0"}
    refused = (
        r"^this backup uses format version 99 \(written by nextround 9\.9\.0\), newer than "
        r"this nextround understands \(1\); upgrade nextround$"
    )
    with pytest.raises(InvalidInputError, match=refused), app.uow() as uow:
        restore_backup(uow, newer, replace=True)


def test_a_backup_that_names_no_version_still_restores(app, doc, make_app, tmp_path):
    """Backups written before the version was recorded restore as they always did."""
    older = copy.deepcopy(doc)
    del older["nextround_version"]
    target = make_app(f"sqlite:///{tmp_path / 'older.sqlite3'}")
    with target.uow() as uow:
        restore_backup(uow, older)
    with target.uow() as uow:
        again = export_backup(uow)
    assert again["tables"] == doc["tables"]


def test_a_backup_whose_revision_is_no_revision_is_refused(app, doc):
    edited = copy.deepcopy(doc)
    edited["revision"] = "latest"
    refused = r"\$\.revision: 'latest' is not a schema revision"
    with pytest.raises(InvalidInputError, match=refused), app.uow() as uow:
        restore_backup(uow, edited, replace=True)

"""Lossless JSON backup and restore of every table, validated against a versioned schema."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    Enum,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from nextround import __version__
from nextround.domain.values import CONTROL_CHARACTERS
from nextround.errors import DomainError, InvalidInputError
from nextround.io.older_backups import from_older_revision
from nextround.io.schema_errors import first_error, json_path, reason
from nextround.store.database import HEAD_REVISION
from nextround.store.tables import NORMALISE, metadata
from nextround.store.types import JSONCodec, UTCDateTime

FORMAT = "nextround-backup"
FORMAT_VERSION = 1

#: Tables that hold caches, rebuilt on demand, rather than the user's data.
NOT_BACKED_UP = frozenset({"embedding_cache"})


#: The schema revision each table first appeared in. A backup holds every table its revision
#: had, empty ones as []; one that lacks a table is damaged, and restoring it would quietly
#: lose (or with --replace, wipe) that table's records. tests/integration checks this
#: against the migrations.
TABLES_SINCE = {
    **dict.fromkeys(
        ("applications", "rounds", "interviews", "decisions", "contacts", "feedback"), "0001"
    ),
    **dict.fromkeys(
        ("frameworks", "competencies", "preferences", "statements", "debriefs"), "0002"
    ),
    "debrief_questions": "0002",
    **dict.fromkeys(("stories", "plan_actions"), "0003"),
    **dict.fromkeys(("notes", "option_ratings"), "0004"),
    **dict.fromkeys(("resumes", "resume_roles", "resume_highlights"), "0011"),
}


def expected_tables(revision: object) -> list[str]:
    """The tables a backup written at ``revision`` must hold (all of them if it is unknown)."""
    names = [t.name for t in backed_up_tables()]
    if not isinstance(revision, str) or not revision.isdigit() or revision > HEAD_REVISION:
        return names
    return [name for name in names if TABLES_SINCE[name] <= revision]


# Rows are written as stored, not through views.jsonable: a decision whose day is not known
# keeps its stand-in decided_on (the column is NOT NULL; it orders the events) beside
# day_known false, where every other JSON gives null, so a restore gives back the same data.
def backed_up_tables() -> list[Table]:
    """Every table with user data, parents before children."""
    return [t for t in metadata.sorted_tables if t.name not in NOT_BACKED_UP]


# -- column codecs -------------------------------------------------------------------------------

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$"
# Text without the control characters the domain refuses (PostgreSQL cannot even store NUL).
_TEXT_PATTERN = f"^[^{CONTROL_CHARACTERS}]*$"
# Ids and counts are 32-bit integers in the schema; a larger one would crash the INSERT.
_INT_RANGE = {"minimum": -(2**31), "maximum": 2**31 - 1}


def _column_schema(column: Column[Any]) -> dict[str, Any]:
    kind = column.type
    schema: dict[str, Any]
    if isinstance(kind, UTCDateTime):
        schema = {"type": "string", "pattern": _DATETIME_PATTERN}
    elif isinstance(kind, JSONCodec):
        schema = dict(kind.json_schema)
    elif isinstance(kind, Enum):
        schema = {"type": "string", "enum": list(kind.enums)}
    elif isinstance(kind, Date):
        schema = {"type": "string", "pattern": _DATE_PATTERN}
    elif isinstance(kind, Boolean):
        schema = {"type": "boolean"}
    elif isinstance(kind, Integer):
        schema = {"type": "integer", **_INT_RANGE}
    elif isinstance(kind, Float):
        schema = {"type": "number"}
    elif isinstance(kind, String):
        schema = {"type": "string", "pattern": _TEXT_PATTERN}
        if kind.length:
            schema["maxLength"] = kind.length
    elif isinstance(kind, JSON):
        schema = dict(column.info.get("json_schema", {}))
    elif isinstance(kind, LargeBinary):
        schema = {"type": "string", "contentEncoding": "base64"}
    else:  # pragma: no cover - a new column type must be taught to the backup first
        raise TypeError(f"backup cannot encode {column.table.name}.{column.name} ({kind!r})")
    if column.nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return value.isoformat()
    if isinstance(kind, JSONCodec):
        return kind.encode(value)
    if isinstance(kind, Enum):
        return getattr(value, "value", value)
    if isinstance(kind, Date):
        return value.isoformat()
    if isinstance(kind, LargeBinary):
        import base64

        return base64.b64encode(value).decode("ascii")
    return value


def _decode(column: Column[Any], value: Any, path: str) -> Any:
    if value is None:
        return None
    normalise = column.info.get(NORMALISE)
    if normalise is not None:
        try:
            return normalise(value)
        except DomainError as exc:
            raise InvalidInputError(f"{path}: {exc}") from None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        if isinstance(kind, JSONCodec):
            return kind.decode(value)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, LargeBinary):
            import base64

            return base64.b64decode(value, validate=True)
    except ValueError as exc:
        raise InvalidInputError(f"{path}: {value!r} is not valid ({exc})") from None
    return value


# -- schema ----------------------------------------------------------------------------------------


def backup_schema() -> dict[str, Any]:
    """The JSON Schema of a backup document at this version."""
    table_schemas: dict[str, Any] = {}
    for table in backed_up_tables():
        columns = list(table.columns)
        table_schemas[table.name] = {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {c.name: _column_schema(c) for c in columns},
                "required": [
                    c.name
                    for c in columns
                    if not c.nullable and c.default is None and c.server_default is None
                ],
                "additionalProperties": False,
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://nextround.invalid/schema/backup/{FORMAT_VERSION}",
        "title": "nextround backup",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "revision": {"type": "string"},
            # The version that wrote it, for a person reading the file or a refusal to name;
            # backups written before 0.1.0's own had none, so it is not required.
            "nextround_version": {"type": "string"},
            "exported_at": {"type": "string", "pattern": _DATETIME_PATTERN},
            "tables": {
                "type": "object",
                "properties": table_schemas,
                "additionalProperties": False,
            },
        },
        "required": ["format", "format_version", "revision", "tables"],
        "additionalProperties": False,
    }


def validate(doc: Any) -> None:
    """Refuse a document that is not a valid backup, naming the first bad path."""
    from jsonschema import Draft202012Validator

    doc = from_older_revision(doc)

    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        from nextround.io.json_resume import is_json_resume

        if is_json_resume(doc):
            raise InvalidInputError(
                "this is a JSON Resume, not a nextround backup",
                cli_hint="import it with `nextround import resume FILE`",
                web_hint="upload it under “Import your resume” on this page",
            )
        raise InvalidInputError(
            'this is not a nextround backup (expected "format": "nextround-backup")',
            cli_hint="create one with `nextround export json`",
            web_hint="download one under Export on the Data page",
        )
    version = doc.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise InvalidInputError(
            f"this backup uses format version {version}{_by(_written_by(doc))}, newer than "
            f"this nextround understands ({FORMAT_VERSION}); upgrade nextround"
        )
    # Before the shape: a newer nextround's backup has tables and fields this one does not
    # know, and "unknown field ...; remove it" would tell the user to cut data out of it.
    _check_revision(doc.get("revision"), _written_by(doc))
    first = first_error(doc, Draft202012Validator(backup_schema()).iter_errors(doc))
    if first is not None:
        raise InvalidInputError(f"{json_path(first.absolute_path)}: {_reason(first)}")
    expected = expected_tables(doc["revision"])
    missing = [name for name in expected if name not in doc["tables"]]
    if missing:
        what = (
            "holds no tables at all"
            if len(missing) == len(expected)
            else f"lacks the {', '.join(missing)} table{'s' * (len(missing) > 1)}"
        )
        raise InvalidInputError(
            f"$.tables: the backup {what}, so the file is damaged or was edited (a backup "
            "holds every table, empty ones as []); restoring it would lose those records"
        )
    _check_references(doc)


def _written_by(doc: dict[str, Any]) -> str | None:
    """The version of nextround that wrote a backup, when it says (older ones do not)."""
    version = doc.get("nextround_version")
    return version.strip() if isinstance(version, str) and version.strip() else None


def _by(written_by: str | None) -> str:
    return f" (written by nextround {written_by})" if written_by else ""


def _check_revision(revision: object, written_by: str | None = None) -> None:
    """Refuse a backup from a newer schema, or one whose revision is no schema revision."""
    if not isinstance(revision, str):
        return  # the schema check names the field
    if not (len(revision) == 4 and revision.isdigit()):
        raise InvalidInputError(
            f"$.revision: {revision!r} is not a schema revision (four digits, such as "
            f"{HEAD_REVISION!r}); the file is damaged or was edited"
        )
    if int(revision) > int(HEAD_REVISION):
        raise InvalidInputError(
            f"this backup was written by a newer nextround ("
            f"{f'{written_by}, ' if written_by else ''}schema {revision}; this one"
            f"{f' ({__version__})' if written_by else ''} knows schemas up to "
            f"{HEAD_REVISION}); upgrade nextround to restore it"
        )


def _reason(error: Any) -> str:
    if error.validator == "anyOf":
        # The nullable wrapper hides the real complaint; show the non-null branch's.
        inner = [e for e in error.context if e.validator != "type" or "null" not in str(e)]
        if inner:
            return _reason(inner[0])
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        names = ", ".join(repr(k) for k in extra)
        many = len(extra) > 1
        return f"unknown field{'s' * many} {names}; remove {'them' if many else 'it'}"
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return f"the field {missing[0]!r} is missing" if missing else str(error.message)
    if error.validator == "pattern" and error.validator_value == _TEXT_PATTERN:
        return "contains a control character (such as NUL); remove it"
    if error.validator == "pattern":
        return (
            f"{error.instance!r} is not in the expected form "
            "(dates: YYYY-MM-DD, times: ISO 8601 with offset)"
        )
    return reason(error)


def _check_references(doc: dict[str, Any]) -> None:
    rows = doc["tables"]
    known: dict[tuple[str, str], set[Any]] = {}
    for table in backed_up_tables():
        table_rows = rows.get(table.name, [])
        for index, row in enumerate(table_rows):
            for fk in table.foreign_keys:
                value = row.get(fk.parent.name)
                target = fk.column.table.name
                column = (target, fk.column.name)
                if column not in known:
                    known[column] = {r.get(fk.column.name) for r in rows.get(target, [])}
                if value is not None and value not in known[column]:
                    path = json_path(["tables", table.name, index, fk.parent.name])
                    raise InvalidInputError(
                        f"{path}: refers to {target} id {value}, which is not in the backup"
                    )
        # Unique by the whole primary key: a competency id, say, is unique per framework only.
        key = [c.name for c in table.primary_key.columns]
        if key and len({tuple(row.get(c) for c in key) for row in table_rows}) != len(table_rows):
            what = "ids" if key == ["id"] else " + ".join(key)
            raise InvalidInputError(f"$.tables.{table.name}: {what} must be unique")
        _check_unique(table, table_rows)


def _check_unique(table: Table, rows: list[dict[str, Any]]) -> None:
    """Refuse rows the database would refuse for a unique rule (a bare error page, else)."""
    from sqlalchemy import UniqueConstraint

    rules = [
        [c.name for c in constraint.columns]
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ] + [[c.name] for c in table.columns if c.unique]
    for columns in rules:
        seen: dict[tuple[Any, ...], int] = {}
        for index, row in enumerate(rows):
            value = tuple(row.get(c) for c in columns)
            if None in value:
                continue  # NULLs never clash
            if value in seen:
                path = json_path(["tables", table.name, index])
                shown = ", ".join(f"{c} {v!r}" for c, v in zip(columns, value, strict=True))
                raise InvalidInputError(
                    f"{path}: another row ({json_path(['tables', table.name, seen[value]])}) "
                    f"has the same {shown}; each must be unique"
                )
            seen[value] = index


# -- export and import ---------------------------------------------------------------------------


def export(conn: Connection, exported_at: datetime) -> dict[str, Any]:
    """Every row of every table, exactly as stored."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in backed_up_tables():
        columns = list(table.columns)
        order = list(table.primary_key.columns) or columns
        tables[table.name] = [
            {c.name: _encode(c, value) for c, value in zip(columns, row, strict=True)}
            for row in conn.execute(select(*columns).order_by(*order))
        ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "revision": HEAD_REVISION,
        "nextround_version": __version__,
        "exported_at": exported_at.isoformat(),
        "tables": tables,
    }


#: Each table's records as a person would count them: (one, many), in the order a person
#: reads them (the journey, then what grew from it, then set-up), not the tables' order.
RECORD_WORDS = {
    "applications": ("application", "applications"),
    "rounds": ("round", "rounds"),
    "interviews": ("interview", "interviews"),
    "decisions": ("decision", "decisions"),
    "contacts": ("contact", "contacts"),
    "debriefs": ("debrief", "debriefs"),
    "debrief_questions": ("debrief question", "debrief questions"),
    "feedback": ("piece of feedback", "pieces of feedback"),
    "statements": ("feedback statement", "feedback statements"),
    "stories": ("story", "stories"),
    "plan_actions": ("plan action", "plan actions"),
    "notes": ("note", "notes"),
    "option_ratings": ("Option A rating", "Option A ratings"),
    "resumes": ("resume", "resumes"),
    "resume_roles": ("resume role", "resume roles"),
    "resume_highlights": ("resume highlight", "resume highlights"),
    "frameworks": ("imported framework", "imported frameworks"),
    "competencies": ("framework competency", "framework competencies"),
    "preferences": ("setting", "settings"),
}


def describe_counts(counts: Mapping[str, int]) -> str:
    """'7 applications, 1 piece of feedback': the tables holding records, in words."""
    order = list(RECORD_WORDS)
    parts = []
    for name in sorted(counts, key=lambda t: order.index(t) if t in order else len(order)):
        n = counts[name]
        if n:
            one, many = RECORD_WORDS.get(name, (name.replace("_", " "), name.replace("_", " ")))
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def row_counts(conn: Connection) -> dict[str, int]:
    """How many rows each backed-up table holds."""
    return {
        table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for table in backed_up_tables()
    }


def restore(conn: Connection, doc: dict[str, Any], *, replace: bool = False) -> dict[str, int]:
    """Load a validated backup in the caller's transaction; returns rows per table."""
    doc = from_older_revision(doc)
    validate(doc)
    existing = {name: n for name, n in row_counts(conn).items() if n}
    if existing and not replace:
        summary = describe_counts(existing)
        raise InvalidInputError(
            f"the database is not empty ({summary})",
            cli_hint="restore into a new database with --db, or pass --replace to overwrite "
            "everything in it",
            web_hint="tick “Replace everything in this database with the backup” to overwrite it",
        )
    for table in reversed(backed_up_tables()):
        conn.execute(delete(table))
    counts: dict[str, int] = {}
    for table in backed_up_tables():
        rows = list(_decoded_rows(table, doc["tables"].get(table.name, [])))
        if rows:
            conn.execute(insert(table), rows)
        counts[table.name] = len(rows)
    if conn.dialect.name == "postgresql":
        _reset_sequences(conn)
    return counts


def _decoded_rows(table: Table, rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    columns = {c.name: c for c in table.columns}
    # A field added since the backup was written (interviews.called_off, say) is absent
    # from an older one: it takes the column's default, as the migration gave old rows.
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if isinstance(c.default, ScalarElementColumnDefault)
    }
    # Every row gets every column (an omitted optional field is None): a multi-row INSERT
    # takes its columns from the first row, so rows with differing keys lost values.
    for index, row in enumerate(rows):
        yield {
            name: _decode(
                column,
                row.get(name, defaults.get(name)),
                json_path(["tables", table.name, index, name]),
            )
            for name, column in columns.items()
        }


def _reset_sequences(conn: Connection) -> None:
    # Rows came in with their ids, so each serial must continue after the largest one.
    for table in backed_up_tables():
        if "id" in table.c and isinstance(table.c.id.type, Integer):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                )
            )


def dumps(doc: dict[str, Any]) -> str:
    """The backup as pretty, stable, UTF-8 JSON text."""
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"

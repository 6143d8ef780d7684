"""Two interview formats of their own: a system-design interview and a coding interview.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The formats as they were and as they are, written out: a migration must keep doing what it
# did when it was written, whatever the code says later.
BEFORE = ("behavioural", "practical_exercise", "presentation", "technical", "case")
AFTER = (*BEFORE, "system_design", "coding")
CHECK = "ck_interviews_interview_format"


def _allowed(values: tuple[str, ...]) -> str:
    return "format IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _widen(before: tuple[str, ...], after: tuple[str, ...]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint(op.f(CHECK), "interviews", type_="check")
        op.create_check_constraint(op.f(CHECK), "interviews", _allowed(after))
        return
    # SQLite can only change a CHECK by copying the table, and dropping the old copy would
    # cascade to every interview's debrief and the feedback heard in it (see 0009); foreign
    # keys cannot be switched off inside the migration's transaction. A CHECK is not stored
    # in the rows, so SQLite's documented way for such a change is used instead: rewrite
    # the table's definition in the schema and bump the schema version.
    # (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema
    # Changes": the simpler procedure, for a CHECK that only widens.)
    table_sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'interviews'"
    ).scalar_one()
    old, new = f"CHECK ({_allowed(before)})", f"CHECK ({_allowed(after)})"
    if old not in table_sql:
        raise RuntimeError(f"the interviews table has no check {old}; it was not made by nextround")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.execute(
            sa.text(
                "UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'interviews'"
            ),
            {"sql": table_sql.replace(old, new)},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _widen(BEFORE, AFTER)


def downgrade() -> None:
    # Before this revision both were technical interviews.
    interviews = sa.table("interviews", sa.column("format", sa.String))
    op.get_bind().execute(
        sa.update(interviews)
        .where(interviews.c.format.in_(("system_design", "coding")))
        .values(format="technical")
    )
    _widen(AFTER, BEFORE)

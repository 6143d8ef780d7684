"""A graduate scheme's assessment centre as a kind of round, a group exercise as a format.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-27 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The values as they were and as they are, written out: a migration must keep doing what it
# did when it was written, whatever the code says later.
KINDS_BEFORE = (
    "screen",
    "hiring_manager",
    "technical",
    "case",
    "take_home",
    "final_loop",
    "other",
    "panel",
    "presentation",
    "assessment",
)
KINDS_AFTER = (*KINDS_BEFORE, "assessment_centre")
FORMATS_BEFORE = (
    "behavioural",
    "practical_exercise",
    "presentation",
    "technical",
    "case",
    "system_design",
    "coding",
)
FORMATS_AFTER = (*FORMATS_BEFORE, "group_exercise")
#: (table, column, check name, what the new value was recorded as before this revision).
#: Before it an assessment centre was an "other" round (no kind came near: it is not a
#: final loop, and not the online assessment it is often confused with), and a group
#: exercise a practical exercise.
ROUNDS = ("rounds", "kind", "ck_rounds_round_kind", "assessment_centre", "other")
INTERVIEWS = (
    "interviews",
    "format",
    "ck_interviews_interview_format",
    "group_exercise",
    "practical_exercise",
)


def _allowed(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _change(
    table: str, column: str, check: str, before: tuple[str, ...], after: tuple[str, ...]
) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint(op.f(check), table, type_="check")
        op.create_check_constraint(op.f(check), table, _allowed(column, after))
        return
    # As in 0014 and 0016 to 0018: SQLite can only change a CHECK by copying the table, and
    # dropping the old copy would cascade to every round's interviews (and every
    # interview's debrief); foreign keys cannot be switched off inside the migration's
    # transaction. A CHECK is not stored in the rows, so SQLite's documented way for such a
    # change is used instead: rewrite the table's definition in the schema and bump the
    # schema version (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of
    # Table Schema Changes"). On the way down no row holds the dropped value any more (see
    # downgrade), so the narrower check holds for every row too.
    table_sql = bind.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :table"),
        {"table": table},
    ).scalar_one()
    old, new = f"CHECK ({_allowed(column, before)})", f"CHECK ({_allowed(column, after)})"
    if old not in table_sql:
        raise RuntimeError(f"the {table} table has no check {old}; it was not made by nextround")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :table"),
            {"sql": table_sql.replace(old, new), "table": table},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _change(*ROUNDS[:3], KINDS_BEFORE, KINDS_AFTER)
    _change(*INTERVIEWS[:3], FORMATS_BEFORE, FORMATS_AFTER)


def downgrade() -> None:
    for (table, column, check, new, was), before, after in (
        (ROUNDS, KINDS_BEFORE, KINDS_AFTER),
        (INTERVIEWS, FORMATS_BEFORE, FORMATS_AFTER),
    ):
        rows = sa.table(table, sa.column(column, sa.String))
        op.get_bind().execute(sa.update(rows).where(rows.c[column] == new).values({column: was}))
        _change(table, column, check, after, before)

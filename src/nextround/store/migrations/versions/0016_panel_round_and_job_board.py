"""A panel interview as a kind of round, and a job board as where an application came from.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-27 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


class _Choice:
    """One CHECK-constrained column, its values as they were and as they are, written out:
    a migration must keep doing what it did when it was written, whatever the code says later.
    """

    def __init__(
        self, table: str, column: str, check: str, before: tuple[str, ...], added: str, was: str
    ) -> None:
        self.table, self.column, self.check = table, column, check
        self.before, self.after = before, (*before, added)
        # What rows with the new value become on the way down.
        self.added, self.was = added, was

    def allowed(self, values: tuple[str, ...]) -> str:
        return f"{self.column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


ROUND_KIND = _Choice(
    "rounds",
    "kind",
    "ck_rounds_round_kind",
    ("screen", "hiring_manager", "technical", "case", "take_home", "final_loop", "other"),
    added="panel",
    # Before this revision a panel was the last, big round: a final loop.
    was="final_loop",
)
SOURCE = _Choice(
    "applications",
    "source",
    "ck_applications_source",
    ("linkedin", "referral", "careers_page", "recruiter_outreach", "other"),
    added="job_board",
    # Before this revision a job board had no choice of its own ("indeed" read as other).
    was="other",
)


def _change(choice: _Choice, before: tuple[str, ...], after: tuple[str, ...]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint(op.f(choice.check), choice.table, type_="check")
        op.create_check_constraint(op.f(choice.check), choice.table, choice.allowed(after))
        return
    # As in 0014: SQLite can only change a CHECK by copying the table, and dropping the old
    # copy would cascade to every round's interviews (and an application's everything);
    # foreign keys cannot be switched off inside the migration's transaction. A CHECK is not
    # stored in the rows, so SQLite's documented way for such a change is used instead:
    # rewrite the table's definition in the schema and bump the schema version.
    # (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema
    # Changes".) On the way down no row holds the dropped value any more (see downgrade),
    # so the narrower check holds for every row too.
    table_sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (choice.table,)
    ).scalar_one()
    old, new = f"CHECK ({choice.allowed(before)})", f"CHECK ({choice.allowed(after)})"
    if old not in table_sql:
        raise RuntimeError(
            f"the {choice.table} table has no check {old}; it was not made by nextround"
        )
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :name"),
            {"sql": table_sql.replace(old, new), "name": choice.table},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    for choice in (ROUND_KIND, SOURCE):
        _change(choice, choice.before, choice.after)


def downgrade() -> None:
    bind = op.get_bind()
    for choice in (ROUND_KIND, SOURCE):
        table = sa.table(choice.table, sa.column(choice.column, sa.String))
        column = table.c[choice.column]
        bind.execute(sa.update(table).where(column == choice.added).values({column: choice.was}))
        _change(choice, choice.after, choice.before)

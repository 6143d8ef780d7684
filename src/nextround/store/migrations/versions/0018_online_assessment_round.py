"""An online assessment (HackerRank, Codility, an aptitude test) as a kind of round.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-27 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The kinds as they were and as they are, written out: a migration must keep doing what it
# did when it was written, whatever the code says later.
BEFORE = (
    "screen",
    "hiring_manager",
    "technical",
    "case",
    "take_home",
    "final_loop",
    "other",
    "panel",
    "presentation",
)
AFTER = (*BEFORE, "assessment")
CHECK = "ck_rounds_round_kind"
#: Before this revision an online assessment was recorded as a take-home (the nearest kind:
#: work done alone, handed in), so that is what one becomes on the way down.
WAS = "take_home"


def _allowed(values: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _change(before: tuple[str, ...], after: tuple[str, ...]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint(op.f(CHECK), "rounds", type_="check")
        op.create_check_constraint(op.f(CHECK), "rounds", _allowed(after))
        return
    # As in 0014, 0016 and 0017: SQLite can only change a CHECK by copying the table, and dropping
    # the old copy would cascade to every round's interviews; foreign keys cannot be
    # switched off inside the migration's transaction. A CHECK is not stored in the rows,
    # so SQLite's documented way for such a change is used instead: rewrite the table's
    # definition in the schema and bump the schema version.
    # (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema
    # Changes".) On the way down no row holds the dropped value any more (see downgrade),
    # so the narrower check holds for every row too.
    table_sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'rounds'"
    ).scalar_one()
    old, new = f"CHECK ({_allowed(before)})", f"CHECK ({_allowed(after)})"
    if old not in table_sql:
        raise RuntimeError(f"the rounds table has no check {old}; it was not made by nextround")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'rounds'"),
            {"sql": table_sql.replace(old, new)},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _change(BEFORE, AFTER)


def downgrade() -> None:
    rounds = sa.table("rounds", sa.column("kind", sa.String))
    op.get_bind().execute(sa.update(rounds).where(rounds.c.kind == "assessment").values(kind=WAS))
    _change(AFTER, BEFORE)

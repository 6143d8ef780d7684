"""Feedback read on several frameworks, and a growth plan per framework.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The built-in framework's id and the preference naming the one in use, written out: a
# migration must keep doing what it did when it was written, whatever the code says later.
BUILTIN_ID = "nextround-core"
IN_USE_KEY = "framework"

# Both tables are leaves (nothing refers to their rows), so SQLite's batch mode, which copies
# a table and drops the old one, cascades to nothing. The copy of statements keeps
# AUTOINCREMENT: a deleted statement's id is never given again (plan actions cite ids).
_AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    last = _last_id("statements")
    with op.batch_alter_table("statements", table_kwargs=_AUTOINCREMENT) as batch:
        batch.drop_constraint("uq_statements_feedback_position", type_="unique")
        batch.create_unique_constraint(
            "uq_statements_feedback_reading_position", ["feedback_id", "framework_id", "position"]
        )
    _keep_last_id("statements", last)
    with op.batch_alter_table("plan_actions") as batch:
        batch.add_column(sa.Column("framework_id", sa.String(length=80), nullable=True))
    # The plan so far was built on the framework in use now, as far as anyone can tell.
    plan = sa.table("plan_actions", sa.column("framework_id", sa.String))
    op.get_bind().execute(sa.update(plan).values(framework_id=_in_use()))
    with op.batch_alter_table("plan_actions") as batch:
        batch.alter_column("framework_id", existing_type=sa.String(length=80), nullable=False)
        batch.drop_constraint("pk_plan_actions", type_="primary")
        batch.create_primary_key("pk_plan_actions", ["framework_id", "id"])


def downgrade() -> None:
    # One reading per feedback item and one plan again: the first reading made and the plan
    # on the framework in use stay; the others cannot be told apart any more, and go.
    bind = op.get_bind()
    statements = sa.table(
        "statements",
        sa.column("id", sa.Integer),
        sa.column("feedback_id", sa.Integer),
        sa.column("framework_id", sa.String),
    )
    rows = bind.execute(
        sa.select(statements.c.id, statements.c.feedback_id, statements.c.framework_id).order_by(
            statements.c.id
        )
    ).all()
    first: dict[int, str] = {}
    for _, feedback_id, framework_id in rows:
        first.setdefault(feedback_id, framework_id)
    later = [
        row_id for row_id, feedback_id, framework_id in rows if first[feedback_id] != framework_id
    ]
    for start in range(0, len(later), 500):
        bind.execute(sa.delete(statements).where(statements.c.id.in_(later[start : start + 500])))
    plan = sa.table("plan_actions", sa.column("framework_id", sa.String))
    bind.execute(sa.delete(plan).where(plan.c.framework_id != _in_use()))
    with op.batch_alter_table("plan_actions") as batch:
        batch.drop_constraint("pk_plan_actions", type_="primary")
        batch.create_primary_key("pk_plan_actions", ["id"])
        batch.drop_column("framework_id")
    last = _last_id("statements")
    with op.batch_alter_table("statements", table_kwargs=_AUTOINCREMENT) as batch:
        batch.drop_constraint("uq_statements_feedback_reading_position", type_="unique")
        batch.create_unique_constraint(
            "uq_statements_feedback_position", ["feedback_id", "position"]
        )
    _keep_last_id("statements", last)


def _in_use() -> str:
    """The framework in use: the one the preference names, if it is still there."""
    bind = op.get_bind()
    preferences = sa.table("preferences", sa.column("key", sa.String), sa.column("value", sa.JSON))
    frameworks = sa.table("frameworks", sa.column("id", sa.String))
    chosen = bind.execute(
        sa.select(preferences.c.value).where(preferences.c.key == IN_USE_KEY)
    ).scalar()
    known = (
        chosen is not None
        and bind.execute(sa.select(frameworks.c.id).where(frameworks.c.id == str(chosen))).first()
    )
    return str(chosen) if known else BUILTIN_ID


def _last_id(table: str) -> int | None:
    """The last id SQLite gave in an AUTOINCREMENT table (None elsewhere, or none given yet)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return None
    found = bind.execute(
        sa.text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table}
    ).scalar()
    return None if found is None else int(found)


def _keep_last_id(table: str, last: int | None) -> None:
    """After a copy, go on from the last id given before it, not from the largest one left."""
    if last is None:
        return
    bind = op.get_bind()
    now = _last_id(table)
    if now is None:
        bind.execute(
            sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:name, :seq)"),
            {"name": table, "seq": last},
        )
    elif now < last:
        bind.execute(
            sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = :name"),
            {"name": table, "seq": last},
        )

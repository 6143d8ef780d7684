"""A decision whose day is not known says so; a feedback statement may name its own round.

A sheet's "ghosted" with no closed date was dated the day applied; it keeps that day only to
order events, with ``day_known`` false. A rejection email praising the take-home (round 2)
and criticising the system design (round 3) files each statement under the round it names:
``statements.round_id``, none for the feedback item's own round.

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-28 06:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: SQLite's copy of statements keeps AUTOINCREMENT, as tables.statements declares it: plan
#: actions cite statement ids, so an id once given is never given again (see 0010).
_COPY = {"sqlite_autoincrement": True}


def upgrade() -> None:
    # In place, not in batch mode (as 0009): a copy of decisions would be dropped and
    # recreated, and SQLite adds a NOT NULL column with a default in place.
    op.add_column(
        "decisions",
        sa.Column("day_known", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    # Before this revision a sheet's undated ending was dated the day applied, written in
    # the same stroke as its application (one creation stamp): its day was never known.
    op.execute(
        sa.text(
            "UPDATE decisions SET day_known = :no WHERE EXISTS (SELECT 1 FROM applications "
            "WHERE applications.id = decisions.application_id "
            "AND applications.applied_on = decisions.decided_on "
            "AND applications.created_at = decisions.created_at)"
        ).bindparams(sa.bindparam("no", False, type_=sa.Boolean()))
    )
    # Batch mode: SQLite adds a column with a foreign key only by copying the table, and
    # nothing refers to statements, so the copy cascades to nothing. Every statement before
    # this revision was about its feedback's round: none of its own.
    last = _last_id("statements")
    with op.batch_alter_table("statements", table_kwargs=_COPY) as batch:
        batch.add_column(sa.Column("round_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_statements_round_id_rounds"),
            "rounds",
            ["round_id"],
            ["id"],
            ondelete="SET NULL",
        )
    _keep_last_id("statements", last)


def downgrade() -> None:
    last = _last_id("statements")
    with op.batch_alter_table("statements", table_kwargs=_COPY) as batch:
        batch.drop_constraint(op.f("fk_statements_round_id_rounds"), type_="foreignkey")
        batch.drop_column("round_id")
    _keep_last_id("statements", last)
    # In place (SQLite 3.35+ can); the day stands in for the unknown one again.
    op.drop_column("decisions", "day_known")


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

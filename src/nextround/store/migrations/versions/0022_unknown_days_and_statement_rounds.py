"""A decision whose day is not known (a sheet's "ghosted" with no closed date) says so.

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


def downgrade() -> None:
    # In place too (SQLite 3.35+ can); the day stands in for the unknown one again.
    op.drop_column("decisions", "day_known")

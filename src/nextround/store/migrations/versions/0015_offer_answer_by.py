"""The day a company wants an offer answered by, so a pending offer can remind the person.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-27 07:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # NULL for every decision recorded before: no deadline was ever asked for.
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("answer_by", sa.Date(), nullable=True))


def downgrade() -> None:
    # Nothing points at decisions, so copying the table to drop the column (batch mode on
    # SQLite) cascades nothing away; only the deadlines go.
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("answer_by")

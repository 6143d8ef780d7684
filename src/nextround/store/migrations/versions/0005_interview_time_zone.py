"""The time zone an interview is held in.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 23:58:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # batch mode: SQLite cannot alter a table in place; one nullable column needs no copy
    # elsewhere, and existing interviews keep showing in the user's own time (NULL).
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # In place (SQLite 3.35+ can), not in batch mode: batch mode copies the table to drop a
    # column, and dropping the old copy would cascade to every interview's debrief and to
    # the feedback heard in it (see 0009).
    op.drop_column("interviews", "time_zone")

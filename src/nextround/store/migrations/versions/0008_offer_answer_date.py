"""The day an offer was accepted or declined, kept apart from the day it came.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # An answer recorded before this revision overwrote the offer's own date, which is lost;
    # NULL reads as "answered the day recorded" (the decision's date), as it was shown.
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("responded_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("responded_on")

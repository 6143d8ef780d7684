"""An interview called off before it took place, kept on record instead of deleted.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place, not in batch mode: batch mode copies the table to add a NOT NULL column, and
    # dropping the old copy would cascade to the debriefs of every interview. SQLite adds a
    # NOT NULL column with a default in place.
    op.add_column(
        "interviews",
        sa.Column("called_off", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    # A round cancelled by hand before this revision left its interviews as they were. One
    # booked after the round's last change (so after it was cancelled) never took place.
    op.execute(
        sa.text(
            "UPDATE interviews SET called_off = :yes WHERE scheduled_at IS NOT NULL AND EXISTS "
            "(SELECT 1 FROM rounds WHERE rounds.id = interviews.round_id "
            "AND rounds.outcome = 'cancelled' AND rounds.updated_at < interviews.scheduled_at)"
        ).bindparams(sa.bindparam("yes", True, type_=sa.Boolean()))
    )


def downgrade() -> None:
    # In place too (SQLite 3.35+ can), for the same reason.
    op.drop_column("interviews", "called_off")

"""An offer's terms as numbers: currency, base, variable, equity, sign-on and start date.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-27 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Written out: a migration must keep doing what it did when it was written.
COLUMNS = (
    ("currency", sa.String(3)),
    ("base_salary", sa.Integer()),
    ("variable_pay", sa.Integer()),
    ("equity", sa.String(500)),
    ("equity_value", sa.Integer()),
    ("sign_on", sa.Integer()),
    ("starts_on", sa.Date()),
)


def upgrade() -> None:
    # NULL for every decision recorded before: its terms, if any, stay in the reason's words
    # and are never read out of them.
    with op.batch_alter_table("decisions") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    # As in 0015: nothing points at decisions, so copying the table (batch mode on SQLite)
    # cascades nothing away; only the terms go (the reason keeps its words).
    with op.batch_alter_table("decisions") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)

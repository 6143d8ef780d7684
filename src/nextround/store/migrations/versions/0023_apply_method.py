"""How an application was sent: online, by e-mail, in person, by mail, by phone or other.

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-28 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Written out: a migration must keep doing what it did when it was written.
METHODS = ("online", "email", "in_person", "mail", "phone", "other")
CHECK = "ck_applications_apply_method"


def _allowed() -> str:
    return "method IN (" + ", ".join(f"'{m}'" for m in METHODS) + ")"


def upgrade() -> None:
    bind = op.get_bind()
    # NULL for every application recorded before: how it was sent was never asked.
    if bind.dialect.name == "sqlite":
        # SQLite adds a column with its own CHECK in place (no copy of the table, which
        # would cascade to every round, decision and note of each application on the way).
        bind.exec_driver_sql(
            f"ALTER TABLE applications ADD COLUMN method VARCHAR(32) "
            f"CONSTRAINT {CHECK} CHECK ({_allowed()})"
        )
        return
    op.add_column("applications", sa.Column("method", sa.String(32), nullable=True))
    op.create_check_constraint(CHECK, "applications", _allowed())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # A column's own CHECK goes with it: SQLite drops such a column in place.
        bind.exec_driver_sql("ALTER TABLE applications DROP COLUMN method")
        return
    op.drop_constraint(CHECK, "applications", type_="check")
    op.drop_column("applications", "method")

"""The framework a debrief's self-ratings are on.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The built-in framework's id (nextround.frameworks.files.BUILTIN_ID), written out: a
# migration must keep doing what it did when it was written, whatever the code says later.
BUILTIN_ID = "nextround-core"


def upgrade() -> None:
    with op.batch_alter_table("debriefs") as batch:
        batch.add_column(sa.Column("framework_id", sa.String(length=80), nullable=True))
    # Existing debriefs were rated on the framework in use now, as far as anyone can tell.
    bind = op.get_bind()
    preferences = sa.table("preferences", sa.column("key", sa.String), sa.column("value", sa.JSON))
    frameworks = sa.table("frameworks", sa.column("id", sa.String))
    chosen = bind.execute(
        sa.select(preferences.c.value).where(preferences.c.key == "framework")
    ).scalar()
    known = (
        chosen is not None
        and bind.execute(sa.select(frameworks.c.id).where(frameworks.c.id == str(chosen))).first()
    )
    debriefs = sa.table("debriefs", sa.column("framework_id", sa.String))
    bind.execute(sa.update(debriefs).values(framework_id=str(chosen) if known else BUILTIN_ID))


def downgrade() -> None:
    # In place, for the reason 0005 gives: copying the debriefs table would cascade to the
    # questions logged in every debrief.
    op.drop_column("debriefs", "framework_id")

"""A note after an offer keeps the answer it was drafted after: declined, accepted, or none.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out: a migration must keep doing what it did when it was written.
ANSWERS = ("pending", "accepted", "declined")


def upgrade() -> None:
    answer = sa.Enum(
        *ANSWERS, name="offer_response", native_enum=False, create_constraint=True, length=32
    )
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("offer_answer", answer, nullable=True))
    # A note kept earlier was drafted from the decision as it stood then. Where the decision
    # in force has not changed since the note was kept, that is the decision as it stands
    # now, so its answer is the note's. Where it changed later, nothing says which answer
    # the note saw: it stays NULL and reads "after offer", which is true either way.
    notes = sa.table(
        "notes",
        sa.column("application_id", sa.Integer),
        sa.column("tone", sa.String),
        sa.column("offer_answer", sa.String),
        sa.column("created_at", sa.DateTime),
    )
    decisions = sa.table(
        "decisions",
        sa.column("application_id", sa.Integer),
        sa.column("outcome", sa.String),
        sa.column("offer_response", sa.String),
        sa.column("reopened_on", sa.Date),
        sa.column("updated_at", sa.DateTime),
    )
    for given in ("accepted", "declined"):
        answered_before = (
            sa.select(decisions.c.application_id)
            .where(
                decisions.c.application_id == notes.c.application_id,
                decisions.c.outcome == "offer",
                decisions.c.offer_response == given,
                decisions.c.reopened_on.is_(None),
                decisions.c.updated_at <= notes.c.created_at,
            )
            .exists()
        )
        op.get_bind().execute(
            sa.update(notes)
            .where(notes.c.tone == "after_offer", answered_before)
            .values(offer_answer=given)
        )


def downgrade() -> None:
    with op.batch_alter_table("notes") as batch:
        # The column's CHECK would outlive it in SQLite's copy of the table, naming a column
        # that is gone.
        batch.drop_constraint(op.f("ck_notes_offer_response"), type_="check")
        batch.drop_column("offer_answer")

"""A check-in note, drafted when a process got no response, has a tone of its own.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tones as they were and as they are, written out: a migration must keep doing what it
# did when it was written, whatever the code says later.
BEFORE = ("after_interview", "after_rejection", "after_offer", "after_withdrawal")
AFTER = ("after_interview", "check_in", "after_rejection", "after_offer", "after_withdrawal")


def _tone(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name="note_tone", native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    with op.batch_alter_table("notes") as batch:
        batch.alter_column("tone", existing_type=_tone(BEFORE), type_=_tone(AFTER))
    # Until now a check-in was stored as after-interview: it is one written once the process
    # had been closed as "no response" (the drafts checked in exactly then), that is, a note
    # created on or after the day of the decision in force, which is still no response.
    notes = sa.table(
        "notes",
        sa.column("id", sa.Integer),
        sa.column("application_id", sa.Integer),
        sa.column("tone", sa.String),
        sa.column("created_at", sa.DateTime),
    )
    decisions = sa.table(
        "decisions",
        sa.column("application_id", sa.Integer),
        sa.column("outcome", sa.String),
        sa.column("reopened_on", sa.Date),
        sa.column("created_at", sa.DateTime),
    )
    closed_quietly = (
        sa.select(decisions.c.application_id)
        .where(
            decisions.c.application_id == notes.c.application_id,
            decisions.c.outcome == "no_response",
            decisions.c.reopened_on.is_(None),
            decisions.c.created_at <= notes.c.created_at,
        )
        .exists()
    )
    op.get_bind().execute(
        sa.update(notes)
        .where(notes.c.tone == "after_interview", closed_quietly)
        .values(tone="check_in")
    )


def downgrade() -> None:
    notes = sa.table("notes", sa.column("tone", sa.String))
    op.get_bind().execute(
        sa.update(notes).where(notes.c.tone == "check_in").values(tone="after_interview")
    )
    with op.batch_alter_table("notes") as batch:
        batch.alter_column("tone", existing_type=_tone(AFTER), type_=_tone(BEFORE))

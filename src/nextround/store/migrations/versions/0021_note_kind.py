"""A kept note has a kind: a thank-you note, or a request for feedback after a "no".

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-27 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out: a migration must keep doing what it did when it was written.
KINDS = ("thank_you", "feedback_request")
#: SQLite's copy keeps AUTOINCREMENT, as tables.notes declares it (0012's copy dropped it):
#: an id once given, to a note since deleted, is never given to another.
_COPY = {"sqlite_autoincrement": True}


def upgrade() -> None:
    kind = sa.Enum(*KINDS, name="note_kind", native_enum=False, create_constraint=True, length=32)
    # Batch mode, as 0012 did: SQLite adds a column with a CHECK only by copying the table,
    # and nothing refers to notes, so the copy cascades to nothing. Every note kept before
    # this revision was a thank-you note: the server default says so for each row.
    with op.batch_alter_table("notes", table_kwargs=_COPY) as batch:
        batch.add_column(
            sa.Column("kind", kind, nullable=False, server_default=KINDS[0]),
        )


def downgrade() -> None:
    # Before this revision a kept note could only be a thank-you note: a feedback request
    # left in the table would read as one, thanking people for a "no". It is drafted afresh
    # from the record by `note feedback-request`, so it goes rather than be misfiled.
    notes = sa.table("notes", sa.column("kind", sa.String))
    op.get_bind().execute(sa.delete(notes).where(notes.c.kind != KINDS[0]))
    with op.batch_alter_table("notes", table_kwargs=_COPY) as batch:
        # The column's CHECK would outlive it in SQLite's copy of the table, naming a column
        # that is gone.
        batch.drop_constraint(op.f("ck_notes_note_kind"), type_="check")
        batch.drop_column("kind")

"""Thank-you notes and the Option A ratings of opportunities.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 19:22:04.802752
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import nextround.store.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column(
            "tone",
            sa.Enum(
                "after_interview",
                "after_rejection",
                "after_offer",
                "after_withdrawal",
                name="note_tone",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("recipients", nextround.store.types.RecipientList(), nullable=False),
        sa.Column("variant", sa.Integer(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("created_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_notes_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notes_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "option_ratings",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("must_haves", sa.JSON(), nullable=False),
        sa.Column("created_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_option_ratings_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_option_ratings")),
    )


def downgrade() -> None:
    op.drop_table("option_ratings")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_application_id"))

    op.drop_table("notes")

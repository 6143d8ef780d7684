"""The person's resume, imported from a file: its roles and their highlights.

Three new tables and nothing else changed, so the downgrade drops them and nothing more.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import nextround.store.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The formats as they are when this was written: a migration must keep doing what it did.
KINDS = ("json_resume", "markdown", "docx", "pdf")


def upgrade() -> None:
    op.create_table(
        "resumes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                *KINDS, name="resume_kind", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("education", sa.JSON(), nullable=False),
        sa.Column("unread", sa.Text(), nullable=True),
        sa.Column("notices", sa.JSON(), nullable=False),
        sa.Column("framework_id", sa.String(length=80), nullable=True),
        sa.Column("mapper", sa.String(length=120), nullable=True),
        sa.Column("created_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resumes")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "resume_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resume_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("start", sa.String(length=40), nullable=True),
        sa.Column("end", sa.String(length=40), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resume_id"],
            ["resumes.id"],
            name=op.f("fk_resume_roles_resume_id_resumes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resume_roles")),
        sa.UniqueConstraint("resume_id", "position", name="uq_resume_roles_resume_position"),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_resume_roles_resume_id"), "resume_roles", ["resume_id"], unique=False)
    op.create_table(
        "resume_highlights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("suggestions", nextround.store.types.MatchList(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["resume_roles.id"],
            name=op.f("fk_resume_highlights_role_id_resume_roles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_resume_highlights_story_id_stories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resume_highlights")),
        sa.UniqueConstraint("role_id", "position", name="uq_resume_highlights_role_position"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_resume_highlights_role_id"), "resume_highlights", ["role_id"], unique=False
    )
    op.create_index(
        op.f("ix_resume_highlights_story_id"), "resume_highlights", ["story_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("resume_highlights")
    op.drop_table("resume_roles")
    op.drop_table("resumes")

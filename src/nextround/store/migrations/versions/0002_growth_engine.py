"""Growth engine: frameworks, competencies, feedback statements, debriefs, embedding cache.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 18:18:46.103544
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import nextround.store.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "embedding_cache",
        sa.Column("model_id", sa.String(length=120), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("model_id", "text_hash", name=op.f("pk_embedding_cache")),
    )
    op.create_table(
        "frameworks",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frameworks")),
    )
    op.create_table(
        "preferences",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_preferences")),
    )
    op.create_table(
        "competencies",
        sa.Column("framework_id", sa.String(length=80), nullable=False),
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("missing_signs", sa.JSON(), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("practice", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_id"],
            ["frameworks.id"],
            name=op.f("fk_competencies_framework_id_frameworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("framework_id", "id", name=op.f("pk_competencies")),
    )
    op.create_table(
        "debriefs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=False),
        sa.Column("went_well", sa.Text(), nullable=True),
        sa.Column("went_badly", sa.Text(), nullable=True),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("created_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_debriefs_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debriefs")),
        sa.UniqueConstraint("interview_id", name=op.f("uq_debriefs_interview_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "debrief_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debrief_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("suggestions", nextround.store.types.MatchList(), nullable=False),
        sa.Column("competencies", sa.JSON(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debrief_id"],
            ["debriefs.id"],
            name=op.f("fk_debrief_questions_debrief_id_debriefs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debrief_questions")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("debrief_questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_debrief_questions_debrief_id"), ["debrief_id"], unique=False
        )

    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.String(length=80), nullable=False),
        sa.Column(
            "polarity",
            sa.Enum(
                "strength",
                "gap",
                "neutral",
                name="polarity",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("polarity_confidence", sa.Float(), nullable=False),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("suggestions", nextround.store.types.MatchList(), nullable=False),
        sa.Column("competencies", sa.JSON(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("mapper", sa.String(length=120), nullable=False),
        sa.Column("reviewed_at", nextround.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", nextround.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback.id"],
            name=op.f("fk_statements_feedback_id_feedback"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
        sa.UniqueConstraint("feedback_id", "position", name="uq_statements_feedback_position"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_statements_feedback_id"), ["feedback_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statements_feedback_id"))

    op.drop_table("statements")
    with op.batch_alter_table("debrief_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_debrief_questions_debrief_id"))

    op.drop_table("debrief_questions")
    op.drop_table("debriefs")
    op.drop_table("competencies")
    op.drop_table("preferences")
    op.drop_table("frameworks")
    op.drop_table("embedding_cache")

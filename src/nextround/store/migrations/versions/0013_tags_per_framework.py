"""A story's tags and a logged question's competencies are read per framework.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 11:00:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out: a migration must keep doing what it did when it was written.
BUILTIN_ID = "nextround-core"
IN_USE_KEY = "framework"
BUILTIN_IDS = (
    "risk-management", "systems-thinking", "stakeholder-management", "communication",
    "prioritisation", "planning-execution", "data-informed-decisions", "problem-solving",
    "influence-without-authority", "people-leadership", "collaboration", "conflict-resolution",
    "developing-others", "adaptability", "customer-focus", "product-sense", "technical-depth",
    "process-design", "ownership", "learning-agility", "strategic-thinking", "negotiation",
    "change-management", "presentation", "resilience",
)  # fmt: skip
TABLES = ("stories", "debrief_questions")


def upgrade() -> None:
    for name in TABLES:
        # Nullable, so SQLite adds them in place rather than copying the table; every row
        # gets its value below, and new rows get theirs from the code.
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("framework_id", sa.String(length=80), nullable=True))
            batch.add_column(sa.Column("elsewhere", sa.JSON(), nullable=True))
    bind = op.get_bind()
    frameworks = _frameworks(bind)
    in_use = _in_use(bind, frameworks)
    for name in TABLES:
        _split(bind, name, frameworks, in_use)


def downgrade() -> None:
    # Back to one set of tags: the reading in the record's own columns stays (the one last
    # tagged on); those on other frameworks cannot be held any more, and go.
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_column("elsewhere")
            batch.drop_column("framework_id")


def _frameworks(bind: Any) -> dict[str, set[str]]:
    """Each framework's competency ids, the built-in one first."""
    competencies = sa.table(
        "competencies", sa.column("framework_id", sa.String), sa.column("id", sa.String)
    )
    found: dict[str, set[str]] = {BUILTIN_ID: set(BUILTIN_IDS)}
    rows = bind.execute(sa.select(competencies.c.framework_id, competencies.c.id)).all()
    for framework_id, competency_id in sorted(rows):
        found.setdefault(framework_id, set()).add(competency_id)
    return found


def _in_use(bind: Any, frameworks: dict[str, set[str]]) -> str:
    preferences = sa.table("preferences", sa.column("key", sa.String), sa.column("value", sa.JSON))
    chosen = bind.execute(
        sa.select(preferences.c.value).where(preferences.c.key == IN_USE_KEY)
    ).scalar()
    return str(chosen) if chosen is not None and str(chosen) in frameworks else BUILTIN_ID


def _split(bind: Any, name: str, frameworks: dict[str, set[str]], in_use: str) -> None:
    """Until now tags were ids of whichever framework was in use when they were chosen: each
    goes to the framework that has it (the one in use first, for an id two share)."""
    has_flag = name == "debrief_questions"
    columns = [sa.column("id", sa.Integer), sa.column("competencies", sa.JSON)]
    columns += [sa.column("suggestions", sa.JSON), sa.column("framework_id", sa.String)]
    columns += [sa.column("elsewhere", sa.JSON)]
    if has_flag:
        columns.append(sa.column("confirmed", sa.Boolean))
    table = sa.table(name, *columns)
    order = [in_use, *(f for f in frameworks if f != in_use)]

    def home(competency_id: str) -> str:
        return next((f for f in order if competency_id in frameworks[f]), in_use)

    for row in bind.execute(sa.select(table)).all():
        chosen: dict[str, list[str]] = {}
        for competency_id in row.competencies or []:
            chosen.setdefault(home(competency_id), []).append(competency_id)
        suggested: dict[str, list[Any]] = {}
        for match in row.suggestions or []:
            suggested.setdefault(home(match["competency_id"]), []).append(match)
        readings = [f for f in order if f in chosen or f in suggested]
        own = in_use if in_use in readings or not readings else readings[0]
        confirmed = bool(row.confirmed) if has_flag else True
        elsewhere = {
            f: {
                "competencies": chosen.get(f, []),
                "suggestions": suggested.get(f, []),
                "confirmed": confirmed,
            }
            for f in readings
            if f != own
        }
        values: dict[str, Any] = {
            "framework_id": own if readings else None,
            "competencies": chosen.get(own, []),
            "suggestions": suggested.get(own, []),
            "elsewhere": elsewhere,
        }
        bind.execute(sa.update(table).where(table.c.id == row.id).values(**values))

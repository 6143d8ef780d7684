"""A process seeded with rounds of given kinds, and the kinds stored, for the round-kind tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from nextround.bootstrap import Nextround
from nextround.domain.journey import RoundKind, Source
from nextround.services import applications, process
from nextround.services.debriefs import record_debrief
from nextround.store import tables as t
from tests.conftest import Clock


def seed_rounds(
    app: Nextround,
    clock: Clock,
    *,
    company: str,
    role_title: str,
    source: Source,
    applied_days_ago: int,
    rounds: Sequence[tuple[str, RoundKind, int]],
    interview: dict[str, Any],
    overall: int,
) -> tuple[int, int]:
    """An application with ``rounds`` (name, kind, days ago) and one debriefed interview.

    The interview (its fields, e.g. a title and a format) is held in the second round on
    the day that round started; the debrief rates it ``overall``. Its ids: (application,
    interview).
    """
    now = clock.now
    with app.uow() as uow:
        created = applications.add_application(
            uow,
            {
                "company": company,
                "role_title": role_title,
                "source": source,
                "applied_on": (now - timedelta(applied_days_ago)).date(),
            },
        )
        assert created.id is not None
        for name, kind, days in rounds:
            process.add_round(
                uow,
                created.id,
                {"name": name, "kind": kind, "started_on": (now - timedelta(days)).date()},
            )
        held = process.add_interview(
            uow,
            created.id,
            2,
            {**interview, "scheduled_at": now - timedelta(days=rounds[1][2])},
        )
        assert held.id is not None
        record_debrief(uow, held.id, overall)
        return created.id, held.id


def round_kinds(app: Nextround) -> list[str]:
    """Every round's kind as stored, in the order the rounds were added."""
    with app.engine.connect() as conn:
        kinds = conn.execute(select(t.rounds.c.kind).order_by(t.rounds.c.id)).scalars()
        return [str(k) for k in kinds]

"""Read query for the agenda: the next scheduled interviews across every application."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextround.domain.journey import InterviewFormat
from nextround.store import tables as t
from nextround.store.facts import to_come


@dataclass(frozen=True)
class AgendaItem:
    """One scheduled interview with what is needed to show it in a list."""

    interview_id: int
    title: str
    scheduled_at: datetime
    duration_minutes: int | None
    format: InterviewFormat
    round_name: str
    application_id: int
    company: str
    role_title: str
    time_zone: str | None  # where the interview is held; None: the user's own


def upcoming_interviews(session: Session, after: datetime, limit: int) -> list[AgendaItem]:
    """Interviews still to come at ``after`` (see facts.to_come), soonest first."""
    i, r, a = t.interviews.c, t.rounds.c, t.applications.c
    stmt = (
        select(
            i.id.label("interview_id"),
            i.title,
            i.scheduled_at,
            i.duration_minutes,
            i.format,
            r.name.label("round_name"),
            a.id.label("application_id"),
            a.company,
            a.role_title,
            i.time_zone,
        )
        .join(t.rounds, r.id == i.round_id)
        .join(t.applications, a.id == r.application_id)
        .where(to_come(after))
        .order_by(i.scheduled_at, i.id)
        .limit(limit)
    )
    return [AgendaItem(**row._asdict()) for row in session.execute(stmt)]

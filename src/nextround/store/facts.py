"""The read queries behind the application list and the stats, in SQLAlchemy Core alone.

`app list` and `stats` read only these, so they run on a plain connection: a command that
reads facts never imports the ORM or maps the domain classes (about 0.08 s of a 0.5 s budget).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy import Connection, Engine, String, cast, func, or_, select

from nextround.domain import values
from nextround.domain.pipeline import ApplicationFacts, DecisionFact, RoundFact
from nextround.domain.sheet_stages import dated_by_import
from nextround.services.ports import AgendaItem, ApplicationQuery
from nextround.store import tables as t
from nextround.store.types import UTCDateTime

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def still_open(application_id: Any) -> Any:
    """A condition: the application's process is still running.

    An offer awaiting an answer counts as running. A closed process's interviews are not
    coming any more, whatever their dates say.
    """
    from nextround.domain.journey import OfferResponse, Outcome

    d = t.decisions.c
    pending_offer = (d.outcome == Outcome.OFFER) & (d.offer_response == OfferResponse.PENDING)
    closing = select(d.id).where(
        d.application_id == application_id, d.reopened_on.is_(None), ~pending_offer
    )
    return ~closing.exists()


def to_come(after: datetime) -> Any:
    """A condition on interviews joined to their rounds: still to come at ``after``.

    Round.is_to_come in SQL: booked after ``after``, not called off, in a round not
    cancelled, of a process still running (see still_open).
    """
    from nextround.domain.journey import RoundOutcome

    i, r = t.interviews.c, t.rounds.c
    return (
        (i.scheduled_at > after)
        & i.called_off.is_(False)
        & (r.outcome != RoundOutcome.CANCELLED)
        & still_open(r.application_id)
    )


def like_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its wildcards escaped with a backslash."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqlFacts:
    """Application facts and upcoming interviews, on a connection or an ORM session."""

    def __init__(self, db: Connection | Session) -> None:
        self._db = db

    def facts(self, query: ApplicationQuery | None = None) -> list[ApplicationFacts]:
        """The applications matching ``query``, newest first, with their rounds and decisions."""
        query = query or ApplicationQuery()
        stmt = select(
            t.applications.c.id,
            t.applications.c.company,
            t.applications.c.role_title,
            t.applications.c.source,
            t.applications.c.applied_on,
            t.applications.c.level,
            t.applications.c.location,
            t.applications.c.work_mode,
            t.applications.c.tags,
            t.applications.c.created_at,
        ).order_by(t.applications.c.applied_on.desc(), t.applications.c.id.desc())
        stmt = self._filter(stmt, query)
        rows = self._db.execute(stmt).all()
        ids = [row.id for row in rows]
        # What tells a round dated by a sheet import apart (sheet_stages.dated_by_import).
        made = {row.id: (row.applied_on, row.created_at) for row in rows}
        rounds: dict[int, list[RoundFact]] = defaultdict(list)
        decisions: dict[int, list[DecisionFact]] = defaultdict(list)
        # Without SQL filters every application is wanted, and a plain scan beats an IN list.
        narrowed = any((query.company, query.applied_from, query.applied_to, query.text))
        if ids:
            round_stmt = select(
                t.rounds.c.application_id,
                t.rounds.c.kind,
                t.rounds.c.started_on,
                t.rounds.c.outcome,
                t.rounds.c.created_at,
            ).order_by(t.rounds.c.application_id, t.rounds.c.position)
            if narrowed:
                round_stmt = round_stmt.where(t.rounds.c.application_id.in_(ids))
            for r in self._db.execute(round_stmt):
                applied_on, app_created = made.get(r.application_id, (None, None))
                inferred = applied_on is not None and dated_by_import(
                    r.started_on, applied_on, r.created_at, app_created
                )
                rounds[r.application_id].append(
                    RoundFact(r.kind, r.started_on, r.outcome, inferred)
                )
            decision_stmt = select(
                t.decisions.c.application_id,
                t.decisions.c.outcome,
                t.decisions.c.decided_on,
                t.decisions.c.offer_response,
                t.decisions.c.reopened_on,
                t.decisions.c.answer_by,
                t.decisions.c.reason,
                t.decisions.c.responded_on,
                t.decisions.c.day_known,
            ).order_by(t.decisions.c.id)
            if narrowed:
                decision_stmt = decision_stmt.where(t.decisions.c.application_id.in_(ids))
            for d in self._db.execute(decision_stmt):
                decisions[d.application_id].append(
                    DecisionFact(
                        d.outcome,
                        d.decided_on,
                        d.offer_response,
                        d.reopened_on is None,
                        d.answer_by,
                        d.reason,
                        d.responded_on,
                        d.day_known,
                    )
                )
        facts = [
            ApplicationFacts(
                id=row.id,
                company=row.company,
                role_title=row.role_title,
                source=row.source,
                applied_on=row.applied_on,
                level=row.level,
                location=row.location,
                work_mode=row.work_mode,
                tags=list(row.tags or []),
                rounds=rounds.get(row.id, []),
                decisions=decisions.get(row.id, []),
            )
            for row in rows
        ]
        if query.statuses:
            facts = [f for f in facts if f.status in query.statuses]
        if query.tag:
            tag = values.joined_tag_key(query.tag)
            facts = [f for f in facts if tag in f.tags]
        return facts

    @staticmethod
    def _filter(stmt: Any, query: ApplicationQuery) -> Any:
        a = t.applications.c
        if query.company:
            stmt = stmt.where(a.company.ilike(like_pattern(query.company), escape="\\"))
        if query.applied_from:
            stmt = stmt.where(a.applied_on >= query.applied_from)
        if query.applied_to:
            stmt = stmt.where(a.applied_on <= query.applied_to)
        if query.text:
            pattern = like_pattern(query.text)
            stmt = stmt.where(
                or_(
                    a.company.ilike(pattern, escape="\\"),
                    a.role_title.ilike(pattern, escape="\\"),
                    a.notes.ilike(pattern, escape="\\"),
                    a.posting_text.ilike(pattern, escape="\\"),
                    cast(a.tags, String).ilike(pattern, escape="\\"),
                )
            )
        return stmt

    def next_interviews(self, after: datetime) -> dict[int, datetime]:
        """Per application, its soonest interview still to come at ``after`` (see to_come)."""
        stmt = (
            select(
                t.rounds.c.application_id,
                func.min(t.interviews.c.scheduled_at, type_=UTCDateTime()),
            )
            .join(t.rounds, t.rounds.c.id == t.interviews.c.round_id)
            .where(to_come(after))
            .group_by(t.rounds.c.application_id)
        )
        return {row[0]: row[1] for row in self._db.execute(stmt)}

    def upcoming_interviews(self, after: datetime, limit: int) -> list[AgendaItem]:
        """Interviews still to come at ``after`` (see to_come), soonest first: the agenda."""
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
        return [AgendaItem(**row._asdict()) for row in self._db.execute(stmt)]


class FactsReader:
    """A read-only transaction over the facts, with the clock: what the list and stats need."""

    applications: SqlFacts

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._clock = clock
        self._connection: Connection | None = None

    def __enter__(self) -> Self:
        self._connection = self._engine.connect()
        self.applications = SqlFacts(self._connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._connection is not None
        self._connection.close()  # nothing was written: closing rolls the read back
        self._connection = None

    def now(self) -> datetime:
        """The current time, from the application's clock."""
        return self._clock()

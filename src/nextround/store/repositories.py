"""SQL repositories: load and save aggregates, and the read queries behind lists and stats."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from nextround.domain.contacts import Contact
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application, Interview, Round
from nextround.domain.pipeline import ApplicationFacts
from nextround.errors import NotFoundError
from nextround.services.ports import AgendaItem, ApplicationQuery, InterviewLabel, Labels
from nextround.store import tables as t
from nextround.store.facts import SqlFacts

#: Ids are 32-bit integers in the schema. A larger number cannot name a row, and sending it
#: makes the database raise (PostgreSQL: integer out of range; SQLite: OverflowError)
#: instead of answering "not found".
_ID_LIMIT = 2**31 - 1


def _can_exist(ident: int) -> bool:
    return -_ID_LIMIT - 1 <= ident <= _ID_LIMIT


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


class SqlApplicationRepository:
    """Applications with their rounds, interviews and decisions."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, app: Application) -> None:
        self.session.add(app)

    def get(self, app_id: int) -> Application:
        app = self.session.get(Application, app_id) if _can_exist(app_id) else None
        if app is None:
            raise NotFoundError("application", app_id, "see `nextround app list`")
        return app

    def all(self) -> list[Application]:
        return list(self.session.scalars(select(Application).order_by(t.applications.c.id)))

    def delete(self, app: Application) -> None:
        self.session.delete(app)

    def get_round(self, round_id: int) -> tuple[Application, Round]:
        round_ = self.session.get(Round, round_id) if _can_exist(round_id) else None
        if round_ is None:
            raise NotFoundError("round", round_id, "see `nextround app show APP`")
        assert round_.application_id is not None
        return self.get(round_.application_id), round_

    def get_interview(self, interview_id: int) -> tuple[Application, Round, Interview]:
        interview = self.session.get(Interview, interview_id) if _can_exist(interview_id) else None
        if interview is None:
            raise NotFoundError("interview", interview_id, "see `nextround app show APP`")
        assert interview.round_id is not None
        app, round_ = self.get_round(interview.round_id)
        return app, round_, interview

    def interviews_with_contact(self, contact_id: int) -> list[Interview]:
        """Interviews with this contact among their interviewers, in the order they were held."""
        i = t.interviews.c
        # Interviewers are JSON, which SQLite and PostgreSQL query differently; the id's digits
        # in the JSON text narrow the rows portably, and the exact match is made in Python.
        # Unscheduled ones last on both backends (they sort NULL at opposite ends).
        stmt = (
            select(Interview)
            .where(cast(i.interviewers, String).contains(str(contact_id)))
            .order_by(i.scheduled_at.is_(None), i.scheduled_at, i.id)
        )
        return [
            interview
            for interview in self.session.scalars(stmt)
            if any(p.contact_id == contact_id for p in interview.interviewers)
        ]

    def count(self) -> int:
        return self.session.execute(select(func.count()).select_from(t.applications)).scalar_one()

    def facts(self, query: ApplicationQuery | None = None) -> list[ApplicationFacts]:
        return SqlFacts(self.session).facts(query)

    def labels(self, round_ids: set[int], interview_ids: set[int]) -> Labels:
        # Comprehensions, not dict(result): a Result has keys(), so dict() misreads it.
        companies = {
            row[0]: row[1]
            for row in self.session.execute(select(t.applications.c.id, t.applications.c.company))
        }
        rounds: dict[int, str] = {}
        for chunk in _chunks(sorted(round_ids)):
            rounds.update(
                (row[0], row[1])
                for row in self.session.execute(
                    select(t.rounds.c.id, t.rounds.c.name).where(t.rounds.c.id.in_(chunk))
                )
            )
        interviews: dict[int, InterviewLabel] = {}
        for chunk in _chunks(sorted(interview_ids)):
            rows = self.session.execute(
                select(
                    t.interviews.c.id,
                    t.interviews.c.title,
                    t.rounds.c.name,
                    t.rounds.c.application_id,
                    t.interviews.c.scheduled_at,
                    t.interviews.c.format,
                )
                .join(t.rounds, t.rounds.c.id == t.interviews.c.round_id)
                .where(t.interviews.c.id.in_(chunk))
            )
            for row in rows:
                interviews[row[0]] = InterviewLabel(
                    row[1], row[2], row[3], row[4], str(row[5]) if row[5] else None
                )
        last_rounds: dict[int, str] = {}
        rows = self.session.execute(
            select(t.rounds.c.application_id, t.rounds.c.name).order_by(
                t.rounds.c.application_id, t.rounds.c.position
            )
        )
        for row in rows:
            last_rounds[row[0]] = row[1]
        return Labels(companies, rounds, interviews, last_rounds)

    def next_interviews(self, after: datetime) -> dict[int, datetime]:
        return SqlFacts(self.session).next_interviews(after)

    def upcoming_interviews(self, after: datetime, limit: int) -> list[AgendaItem]:
        return SqlFacts(self.session).upcoming_interviews(after, limit)


class SqlContactRepository:
    """People."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, contact: Contact) -> None:
        self.session.add(contact)

    def get(self, contact_id: int) -> Contact:
        contact = self.session.get(Contact, contact_id) if _can_exist(contact_id) else None
        if contact is None:
            raise NotFoundError("contact", contact_id, "see `nextround contact list`")
        return contact

    def list(self, application_id: int | None = None) -> list[Contact]:
        stmt = select(Contact).order_by(t.contacts.c.name, t.contacts.c.id)
        if application_id is not None:
            stmt = stmt.where(t.contacts.c.application_id == application_id)
        return list(self.session.scalars(stmt))

    def delete(self, contact: Contact) -> None:
        self.session.delete(contact)


class SqlFeedbackRepository:
    """Feedback items."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, item: Feedback) -> None:
        self.session.add(item)

    def get(self, feedback_id: int) -> Feedback:
        item = self.session.get(Feedback, feedback_id) if _can_exist(feedback_id) else None
        if item is None:
            raise NotFoundError("feedback", feedback_id, "see `nextround feedback list`")
        return item

    def list(self, application_id: int | None = None) -> list[Feedback]:
        stmt = select(Feedback).order_by(t.feedback.c.received_on, t.feedback.c.id)
        if application_id is not None:
            stmt = stmt.where(t.feedback.c.application_id == application_id)
        return list(self.session.scalars(stmt))

    def delete(self, item: Feedback) -> None:
        self.session.delete(item)

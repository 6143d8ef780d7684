"""In-memory fakes of the storage ports, so service tests run with no database at all.

The fake unit of work behaves like the SQL one where services can tell the difference:
nothing is kept unless ``commit()`` is called (each ``with`` block works on a copy of the
committed state), ids are assigned when an aggregate is added and, for the entities inside
an aggregate, when the work is flushed or committed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Self

from nextround.domain import values
from nextround.domain.contacts import Contact
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application, Interview, Round
from nextround.domain.pipeline import ApplicationFacts
from nextround.errors import NotFoundError
from nextround.services.ports import AgendaItem, ApplicationQuery, InterviewLabel, Labels

FAKE_NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@dataclass
class _Tables:
    """Everything the fake stores, with the next id of each kind."""

    applications: dict[int, Application] = field(default_factory=dict)
    contacts: dict[int, Contact] = field(default_factory=dict)
    feedback: dict[int, Feedback] = field(default_factory=dict)
    next_ids: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("application", "round", "interview", "decision", "contact", "feedback"), 1
        )
    )

    def new_id(self, kind: str) -> int:
        ident = self.next_ids[kind]
        self.next_ids[kind] += 1
        return ident


class FakeApplicationRepository:
    """Application aggregates in a dict."""

    def __init__(self, tables: _Tables) -> None:
        self.tables = tables

    def add(self, app: Application) -> None:
        app.id = self.tables.new_id("application")
        self.tables.applications[app.id] = app

    def get(self, app_id: int) -> Application:
        try:
            return self.tables.applications[app_id]
        except KeyError:
            raise NotFoundError("application", app_id, "see `nextround app list`") from None

    def all(self) -> list[Application]:
        return [self.tables.applications[k] for k in sorted(self.tables.applications)]

    def delete(self, app: Application) -> None:
        del self.tables.applications[app.id]  # type: ignore[arg-type]
        # What the foreign keys do in SQL: feedback goes with the application, people stay.
        for key in [k for k, f in self.tables.feedback.items() if f.application_id == app.id]:
            del self.tables.feedback[key]
        for contact in self.tables.contacts.values():
            if contact.application_id == app.id:
                contact.application_id = None

    def get_round(self, round_id: int) -> tuple[Application, Round]:
        for app in self.tables.applications.values():
            for round_ in app.rounds:
                if round_.id == round_id:
                    return app, round_
        raise NotFoundError("round", round_id, "see `nextround app show APP`")

    def get_interview(self, interview_id: int) -> tuple[Application, Round, Interview]:
        for app in self.tables.applications.values():
            for round_ in app.rounds:
                for interview in round_.interviews:
                    if interview.id == interview_id:
                        return app, round_, interview
        raise NotFoundError("interview", interview_id, "see `nextround app show APP`")

    def interviews_with_contact(self, contact_id: int) -> list[Interview]:
        found = [
            interview
            for app in self.tables.applications.values()
            for round_ in app.rounds
            for interview in round_.interviews
            if any(p.contact_id == contact_id for p in interview.interviewers)
        ]
        return sorted(found, key=lambda i: (i.scheduled_at is None, i.scheduled_at, i.id or 0))

    def facts(self, query: ApplicationQuery | None = None) -> list[ApplicationFacts]:
        query = query or ApplicationQuery()
        selected = [a for a in self.tables.applications.values() if _matches(a, query)]
        selected.sort(key=lambda a: (a.applied_on, a.id or 0), reverse=True)
        facts = [ApplicationFacts.of(a) for a in selected]
        if query.statuses:
            facts = [f for f in facts if f.status in query.statuses]
        return facts

    def labels(self, round_ids: set[int], interview_ids: set[int]) -> Labels:
        apps = list(self.tables.applications.values())
        return Labels(
            companies={a.id: a.company for a in apps if a.id is not None},
            rounds={r.id: r.name for a in apps for r in a.rounds if r.id in round_ids},
            interviews={
                i.id: InterviewLabel(i.title, r.name, a.id, i.scheduled_at, i.format.value)
                for a in apps
                if a.id is not None
                for r in a.rounds
                for i in r.interviews
                if i.id in interview_ids
            },
            last_rounds={
                a.id: a.ordered_rounds[-1].name for a in apps if a.id is not None and a.rounds
            },
        )

    def next_interviews(self, after: datetime) -> dict[int, datetime]:
        result: dict[int, datetime] = {}
        for app in self.tables.applications.values():
            times = [
                i.scheduled_at for r in app.rounds for i in r.interviews if r.is_to_come(i, after)
            ]
            if times:
                result[app.id] = min(times)  # type: ignore[index]
        return result

    def upcoming_interviews(self, after: datetime, limit: int) -> list[AgendaItem]:
        # As the SQL query: only a process still running has interviews to come.
        items = [
            AgendaItem(
                i.id,  # type: ignore[arg-type]
                i.title,
                i.scheduled_at,  # type: ignore[arg-type]
                i.duration_minutes,
                i.format,
                r.name,
                app.id,  # type: ignore[arg-type]
                app.company,
                app.role_title,
                i.time_zone,
            )
            for app in self.tables.applications.values()
            if app.status.is_open
            for r in app.rounds
            for i in r.interviews
            if r.is_to_come(i, after)
        ]
        return sorted(items, key=lambda item: (item.scheduled_at, item.interview_id))[:limit]

    def count(self) -> int:
        return len(self.tables.applications)


def _matches(app: Application, query: ApplicationQuery) -> bool:
    def contains(haystack: str | None, needle: str) -> bool:
        return haystack is not None and needle.casefold() in haystack.casefold()

    if query.company and not contains(app.company, query.company):
        return False
    if query.tag and values.tag_key(query.tag) not in app.tags:
        return False
    if query.applied_from and app.applied_on < query.applied_from:
        return False
    if query.applied_to and app.applied_on > query.applied_to:
        return False
    if query.text:
        fields = (app.company, app.role_title, app.notes, app.posting_text, " ".join(app.tags))
        if not any(contains(f, query.text) for f in fields):
            return False
    return True


class FakeContactRepository:
    """People in a dict."""

    def __init__(self, tables: _Tables) -> None:
        self.tables = tables

    def add(self, contact: Contact) -> None:
        contact.id = self.tables.new_id("contact")
        self.tables.contacts[contact.id] = contact

    def get(self, contact_id: int) -> Contact:
        try:
            return self.tables.contacts[contact_id]
        except KeyError:
            raise NotFoundError("contact", contact_id, "see `nextround contact list`") from None

    def list(self, application_id: int | None = None) -> list[Contact]:
        people = [
            c
            for c in self.tables.contacts.values()
            if application_id is None or c.application_id == application_id
        ]
        return sorted(people, key=lambda c: (c.name, c.id or 0))

    def delete(self, contact: Contact) -> None:
        del self.tables.contacts[contact.id]  # type: ignore[arg-type]


class FakeFeedbackRepository:
    """Feedback in a dict."""

    def __init__(self, tables: _Tables) -> None:
        self.tables = tables

    def add(self, item: Feedback) -> None:
        item.id = self.tables.new_id("feedback")
        self.tables.feedback[item.id] = item

    def get(self, feedback_id: int) -> Feedback:
        try:
            return self.tables.feedback[feedback_id]
        except KeyError:
            raise NotFoundError("feedback", feedback_id, "see `nextround feedback list`") from None

    def list(self, application_id: int | None = None) -> list[Feedback]:
        items = [
            f
            for f in self.tables.feedback.values()
            if application_id is None or f.application_id == application_id
        ]
        return sorted(items, key=lambda f: (f.received_on, f.id or 0))

    def delete(self, item: Feedback) -> None:
        del self.tables.feedback[item.id]  # type: ignore[arg-type]


class FakeUnitOfWork:
    """A unit of work over dicts: each ``with`` block sees a copy of what was committed."""

    applications: FakeApplicationRepository
    contacts: FakeContactRepository
    feedback: FakeFeedbackRepository

    def __init__(self, now: datetime = FAKE_NOW) -> None:
        self.clock_now = now
        self._committed = _Tables()
        self._working: _Tables | None = None
        self.committed = False
        self.commits = 0
        self.rollbacks = 0

    # -- the protocol ------------------------------------------------------------------------

    def __enter__(self) -> Self:
        self._working = copy.deepcopy(self._committed)
        self.applications = FakeApplicationRepository(self._working)
        self.contacts = FakeContactRepository(self._working)
        self.feedback = FakeFeedbackRepository(self._working)
        self.committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Like the SQL unit of work: whatever was not committed is gone.
        self._working = None

    def now(self) -> datetime:
        return self.clock_now

    def today(self) -> date:
        return self.clock_now.astimezone().date()

    def flush(self) -> None:
        assert self._working is not None, "use the unit of work as a context manager"
        tables = self._working
        for app in tables.applications.values():
            for round_ in app.rounds:
                if round_.id is None:
                    round_.id = tables.new_id("round")
                round_.application_id = app.id
                for interview in round_.interviews:
                    if interview.id is None:
                        interview.id = tables.new_id("interview")
                    interview.round_id = round_.id
            for decision in app.decisions:
                if decision.id is None:
                    decision.id = tables.new_id("decision")
                decision.application_id = app.id

    def commit(self) -> None:
        self.flush()
        assert self._working is not None
        self._committed = copy.deepcopy(self._working)
        self.committed = True
        self.commits += 1

    def rollback(self) -> None:
        assert self._working is not None
        self.rollbacks += 1
        self.__enter__()

    # -- for assertions ----------------------------------------------------------------------

    @property
    def stored(self) -> _Tables:
        """The committed state, as a later unit of work would see it."""
        return self._committed

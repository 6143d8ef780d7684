"""What the use cases need from storage, as protocols that SQL and fakes both satisfy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from nextround.domain.contacts import Contact
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application, Interview, Round, Status
from nextround.domain.pipeline import ApplicationFacts


@dataclass(frozen=True)
class ApplicationQuery:
    """Filters for listing applications; every field narrows the list."""

    statuses: tuple[Status, ...] = ()
    company: str | None = None
    tag: str | None = None
    applied_from: date | None = None
    applied_to: date | None = None
    text: str | None = None


class ApplicationRepository(Protocol):
    """Application aggregates: an application with its rounds, interviews and decisions."""

    def add(self, app: Application) -> None: ...
    def get(self, app_id: int) -> Application: ...
    def all(self) -> list[Application]: ...
    def delete(self, app: Application) -> None: ...
    def get_round(self, round_id: int) -> tuple[Application, Round]: ...
    def get_interview(self, interview_id: int) -> tuple[Application, Round, Interview]: ...
    def facts(self, query: ApplicationQuery | None = None) -> list[ApplicationFacts]: ...
    def next_interviews(self, after: datetime) -> dict[int, datetime]: ...
    def count(self) -> int: ...


class ContactRepository(Protocol):
    """People."""

    def add(self, contact: Contact) -> None: ...
    def get(self, contact_id: int) -> Contact: ...
    def list(self, application_id: int | None = None) -> list[Contact]: ...


class FeedbackRepository(Protocol):
    """Feedback items as received."""

    def add(self, item: Feedback) -> None: ...
    def get(self, feedback_id: int) -> Feedback: ...
    def list(self, application_id: int | None = None) -> list[Feedback]: ...


class UnitOfWork(Protocol):
    """One atomic piece of work: nothing is written unless ``commit()`` is called."""

    applications: ApplicationRepository
    contacts: ContactRepository
    feedback: FeedbackRepository

    def now(self) -> datetime: ...
    def today(self) -> date: ...
    def flush(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

"""What the use cases need from storage, as protocols that SQL and fakes both satisfy."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

# Types only: every command imports the ports, and the domain modules behind the growth
# engine would cost tens of milliseconds of start-up for commands that never touch them.
if TYPE_CHECKING:
    from nextround.analysis.embedding_cache import EmbeddingStore
    from nextround.domain.competency import Framework
    from nextround.domain.contacts import Contact
    from nextround.domain.debrief import Debrief
    from nextround.domain.feedback import Feedback
    from nextround.domain.journey import Application, Interview, InterviewFormat, Round, Status
    from nextround.domain.notes import Note
    from nextround.domain.option_a import OptionRating
    from nextround.domain.pipeline import ApplicationFacts
    from nextround.domain.plan import PlanAction
    from nextround.domain.resume import Resume
    from nextround.domain.statements import FeedbackStatement
    from nextround.domain.stories import Story


@dataclass(frozen=True)
class InterviewLabel:
    """What evidence needs to say where an interview happened."""

    title: str
    round_name: str
    application_id: int
    scheduled_at: datetime | None
    format: str | None = None  # its InterviewFormat's value


@dataclass(frozen=True)
class Labels:
    """Names for ids: companies, rounds and interviews, without loading whole applications."""

    companies: dict[int, str]
    rounds: dict[int, str]
    interviews: dict[int, InterviewLabel]
    #: The name of each application's latest round, for feedback about a whole process.
    last_rounds: dict[int, str] = field(default_factory=dict)


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


@dataclass(frozen=True)
class ApplicationQuery:
    """Filters for listing applications; every field narrows the list."""

    statuses: tuple[Status, ...] = ()
    company: str | None = None
    tag: str | None = None
    applied_from: date | None = None
    applied_to: date | None = None
    text: str | None = None


class FactsQueries(Protocol):
    """The read queries behind the application list and the stats."""

    def facts(self, query: ApplicationQuery | None = None) -> list[ApplicationFacts]: ...
    def next_interviews(self, after: datetime) -> dict[int, datetime]: ...
    # Every process's interviews still to come at ``after``, soonest first: the agenda.
    def upcoming_interviews(self, after: datetime, limit: int) -> list[AgendaItem]: ...


class FactsSource(Protocol):
    """What the list and the stats read: facts and the clock (a unit of work is one too)."""

    @property
    def applications(self) -> FactsQueries: ...
    def now(self) -> datetime: ...


class ApplicationRepository(FactsQueries, Protocol):
    """Application aggregates: an application with its rounds, interviews and decisions."""

    def add(self, app: Application) -> None: ...
    def get(self, app_id: int) -> Application: ...
    def all(self) -> list[Application]: ...
    def delete(self, app: Application) -> None: ...
    def get_round(self, round_id: int) -> tuple[Application, Round]: ...
    def get_interview(self, interview_id: int) -> tuple[Application, Round, Interview]: ...
    def interviews_with_contact(self, contact_id: int) -> list[Interview]: ...
    def labels(self, round_ids: set[int], interview_ids: set[int]) -> Labels: ...
    def count(self) -> int: ...


class ContactRepository(Protocol):
    """People."""

    def add(self, contact: Contact) -> None: ...
    def get(self, contact_id: int) -> Contact: ...
    def list(self, application_id: int | None = None) -> list[Contact]: ...
    def delete(self, contact: Contact) -> None: ...


class FeedbackRepository(Protocol):
    """Feedback items as received."""

    def add(self, item: Feedback) -> None: ...
    def get(self, feedback_id: int) -> Feedback: ...
    def list(self, application_id: int | None = None) -> list[Feedback]: ...
    def delete(self, item: Feedback) -> None: ...


class UnitOfWork(Protocol):
    """One atomic piece of work: nothing is written unless ``commit()`` is called."""

    # Read-only properties, so that implementations may narrow the repository types.
    @property
    def applications(self) -> ApplicationRepository: ...
    @property
    def contacts(self) -> ContactRepository: ...
    @property
    def feedback(self) -> FeedbackRepository: ...

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


class FrameworkRepository(Protocol):
    """Competency frameworks: the built-in one and those the user imported."""

    def ids(self) -> list[str]: ...
    def get(self, framework_id: str) -> Framework: ...
    def exists(self, framework_id: str) -> bool: ...
    def save(self, framework: Framework, now: datetime) -> None: ...
    # The one the preference (IN_USE_KEY) names, or the built-in one when it names none left.
    def in_use(self) -> str: ...
    def delete(self, framework_id: str) -> None: ...


class Preferences(Protocol):
    """Small user choices, e.g. the framework in use."""

    def get(self, key: str, default: Any = None) -> Any: ...
    def set(self, key: str, value: Any, now: datetime) -> None: ...


class StatementRepository(Protocol):
    """Feedback split into statements, with their mappings.

    A feedback item may be read on several frameworks: its statements are then stored once
    per framework (see domain.statements.readings). Its statements (``for_feedback``), the
    review queue and its count are those of each item's reading in use; the profile's reads
    name their framework.
    """

    def add(self, statement: FeedbackStatement) -> None: ...
    def get(self, statement_id: int) -> FeedbackStatement: ...
    def for_feedback(self, feedback_id: int) -> list[FeedbackStatement]: ...
    def for_feedback_items(
        self, feedback_ids: Collection[int]
    ) -> dict[int, list[FeedbackStatement]]: ...
    # Every reading's statements (of these items), by feedback item, framework, position.
    def all_readings(
        self, feedback_ids: Collection[int] | None = None
    ) -> list[FeedbackStatement]: ...
    def delete_for_feedback(self, feedback_id: int) -> None: ...  # every reading
    def delete_on_framework(self, framework_id: str) -> None: ...
    def unconfirmed(self) -> list[FeedbackStatement]: ...
    def count_unconfirmed(self) -> int: ...
    def confirmed(self, framework_id: str | None = None) -> list[FeedbackStatement]: ...
    def with_feedback(
        self, framework_id: str, application_id: int | None = None
    ) -> list[tuple[FeedbackStatement, Feedback]]: ...


class DebriefRepository(Protocol):
    """Debriefs of interviews."""

    def add(self, debrief: Debrief) -> None: ...
    def for_interview(self, interview_id: int) -> Debrief | None: ...
    def all(self) -> list[Debrief]: ...
    def for_interviews(self, interview_ids: Collection[int]) -> dict[int, Debrief]: ...
    def delete(self, debrief: Debrief) -> None: ...


class StoryRepository(Protocol):
    """The story bank."""

    def add(self, story: Story) -> None: ...
    def get(self, story_id: int) -> Story: ...
    def all(self) -> list[Story]: ...
    def delete(self, story: Story) -> None: ...


class PlanRepository(Protocol):
    """The growth plan: one per framework; ``all`` and ``replace_all`` are the one in use."""

    def all(self) -> list[PlanAction]: ...
    def replace_all(self, actions: Sequence[PlanAction]) -> None: ...
    # The actions done in the plans of the other frameworks: momentum counts them too.
    def done_elsewhere(self) -> list[PlanAction]: ...
    def on_framework(self, framework_id: str) -> list[PlanAction]: ...
    # The frameworks that have a plan stored, and replacing any one of them.
    def framework_ids(self) -> list[str]: ...
    def replace_on(self, framework_id: str, actions: Sequence[PlanAction]) -> None: ...
    def delete_on_framework(self, framework_id: str) -> None: ...


class ResumeSource(Protocol):
    """The person's resume, as the growth engine reads it."""

    def current(self) -> Resume | None: ...


class GrowthUnitOfWork(UnitOfWork, Protocol):
    """A unit of work that also reaches the growth engine's data."""

    @property
    def frameworks(self) -> FrameworkRepository: ...
    @property
    def preferences(self) -> Preferences: ...
    @property
    def statements(self) -> StatementRepository: ...
    @property
    def debriefs(self) -> DebriefRepository: ...
    @property
    def embeddings(self) -> EmbeddingStore: ...
    @property
    def stories(self) -> StoryRepository: ...
    @property
    def plan(self) -> PlanRepository: ...
    @property
    def resumes(self) -> ResumeSource: ...


class NoteRepository(Protocol):
    """Saved thank-you notes."""

    def add(self, note: Note) -> None: ...
    def get(self, note_id: int) -> Note: ...
    def delete(self, note: Note) -> None: ...
    # Before list(): in the class body, that name hides the built-in in later annotations.
    def addressed_to(self, contact_id: int) -> list[Note]: ...
    def list(self, application_id: int | None = None) -> list[Note]: ...


class OptionRatingRepository(Protocol):
    """How each opportunity was rated against Option A."""

    def add(self, rating: OptionRating) -> None: ...
    def get(self, application_id: int) -> OptionRating | None: ...
    def all(self) -> list[OptionRating]: ...


class ResumeReader(Protocol):
    """The resume imported last, read only (the notes sign with its name when none is set)."""

    def current(self) -> Resume | None: ...


class NotesUnitOfWork(UnitOfWork, Protocol):
    """The journey with the kept notes: a feedback request sent is one of them."""

    @property
    def notes(self) -> NoteRepository: ...


class PlanUnitOfWork(GrowthUnitOfWork, NotesUnitOfWork, Protocol):
    """What the growth plan is built from: the growth data, and the requests sent."""


class FullUnitOfWork(PlanUnitOfWork, Protocol):
    """A unit of work that reaches everything: the journey, growth, notes and Option A."""

    @property
    def resumes(self) -> ResumeReader: ...
    @property
    def option_ratings(self) -> OptionRatingRepository: ...

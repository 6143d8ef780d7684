"""In-memory fakes of the growth engine's storage ports, and a keyword mapper.

``FakeGrowthUnitOfWork`` extends the journey's ``FakeUnitOfWork`` (tests/unit/fakes.py) with
the growth repositories, and so satisfies ``nextround.services.ports.GrowthUnitOfWork``.
Like the SQL unit of work, each ``with`` block works on a copy of the committed state, so
nothing is kept unless ``commit()`` is called; ids are given when an object is added and,
for the parts of an aggregate (rounds, interviews, debrief questions), on flush.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, Self

from nextround.analysis.embedding_cache import InMemoryEmbeddingStore
from nextround.domain.competency import CompetencyMatch, Framework, unknown_framework
from nextround.domain.debrief import Debrief
from nextround.domain.feedback import Feedback
from nextround.domain.journey import RoundKind
from nextround.domain.notes import Note
from nextround.domain.plan import PlanAction
from nextround.domain.resume import Resume
from nextround.domain.statements import FeedbackStatement, readings_in_use
from nextround.domain.stories import Story
from nextround.errors import NotFoundError
from nextround.frameworks.files import BUILTIN_ID, IN_USE_KEY, builtin_framework
from nextround.services.ports import GrowthUnitOfWork, PlanUnitOfWork
from tests.unit.fakes import FAKE_NOW, FakeUnitOfWork, _Tables


@dataclass
class _GrowthTables(_Tables):
    """The journey's tables and the growth engine's."""

    frameworks: dict[str, Framework] = field(default_factory=dict)
    preferences: dict[str, Any] = field(default_factory=dict)
    statements: dict[int, FeedbackStatement] = field(default_factory=dict)
    debriefs: dict[int, Debrief] = field(default_factory=dict)
    stories: dict[int, Story] = field(default_factory=dict)
    plan: dict[str, list[PlanAction]] = field(default_factory=dict)  # by framework
    embeddings: InMemoryEmbeddingStore = field(default_factory=InMemoryEmbeddingStore)
    resume: Resume | None = None
    notes: dict[int, Note] = field(default_factory=dict)

    def new_id(self, kind: str) -> int:
        self.next_ids.setdefault(kind, 1)
        return super().new_id(kind)


def _sorted(items: dict[int, Any]) -> list[Any]:
    return [items[k] for k in sorted(items)]


class FakeFrameworkRepository:
    """Imported frameworks in a dict; the built-in one always exists."""

    def __init__(self, state: _GrowthTables) -> None:
        self.state = state

    def ids(self) -> list[str]:
        return [BUILTIN_ID, *sorted(self.state.frameworks)]

    def get(self, framework_id: str) -> Framework:
        if framework_id == BUILTIN_ID:
            return builtin_framework()
        try:
            return self.state.frameworks[framework_id]
        except KeyError:
            named = {f: self.get(f).name for f in self.ids() if f != framework_id}
            raise unknown_framework(framework_id, named) from None

    def exists(self, framework_id: str) -> bool:
        return framework_id == BUILTIN_ID or framework_id in self.state.frameworks

    def save(self, framework: Framework, now: datetime) -> None:
        self.state.frameworks[framework.id] = framework

    def in_use(self) -> str:
        return _in_use(self.state)

    def delete(self, framework_id: str) -> None:
        self.state.frameworks.pop(framework_id, None)


def _in_use(state: _GrowthTables) -> str:
    chosen = state.preferences.get(IN_USE_KEY)
    return str(chosen) if chosen in state.frameworks else BUILTIN_ID


class FakePreferences:
    """Preferences in a dict."""

    def __init__(self, state: _GrowthTables) -> None:
        self.state = state

    def get(self, key: str, default: Any = None) -> Any:
        return self.state.preferences.get(key, default)

    def set(self, key: str, value: Any, now: datetime) -> None:
        self.state.preferences[key] = value


class FakeStatementRepository:
    """Statements in a dict."""

    def __init__(self, state: _GrowthTables) -> None:
        self.state = state

    def add(self, statement: FeedbackStatement) -> None:
        statement.id = self.state.new_id("statement")
        self.state.statements[statement.id] = statement

    def get(self, statement_id: int) -> FeedbackStatement:
        try:
            return self.state.statements[statement_id]
        except KeyError:
            raise NotFoundError("statement", statement_id) from None

    def for_feedback(self, feedback_id: int) -> list[FeedbackStatement]:
        return readings_in_use(self.all_readings([feedback_id]), _in_use(self.state))

    def all_readings(self, feedback_ids: Collection[int] | None = None) -> list[FeedbackStatement]:
        found = [
            s
            for s in self.state.statements.values()
            if feedback_ids is None or s.feedback_id in feedback_ids
        ]
        return sorted(found, key=lambda s: (s.feedback_id, s.framework_id, s.position))

    def delete_for_feedback(self, feedback_id: int) -> None:
        for statement in self.all_readings([feedback_id]):
            assert statement.id is not None
            del self.state.statements[statement.id]

    def delete_on_framework(self, framework_id: str) -> None:
        for statement in list(self.state.statements.values()):
            if statement.framework_id == framework_id:
                assert statement.id is not None
                del self.state.statements[statement.id]

    def unconfirmed(self) -> list[FeedbackStatement]:
        shown = readings_in_use(self.all_readings(), _in_use(self.state))
        return sorted(
            (s for s in shown if not s.confirmed), key=lambda s: (s.feedback_id, s.position)
        )

    def count_unconfirmed(self) -> int:
        return len(self.unconfirmed())

    def confirmed(self, framework_id: str | None = None) -> list[FeedbackStatement]:
        return [
            s
            for s in _sorted(self.state.statements)
            if s.confirmed and (framework_id is None or s.framework_id == framework_id)
        ]

    def for_feedback_items(
        self, feedback_ids: Collection[int]
    ) -> dict[int, list[FeedbackStatement]]:
        return {i: self.for_feedback(i) for i in feedback_ids}

    def with_feedback(
        self, framework_id: str, application_id: int | None = None
    ) -> list[tuple[FeedbackStatement, Feedback]]:
        pairs = [
            (s, self.state.feedback[s.feedback_id])
            for s in _sorted(self.state.statements)
            if s.framework_id == framework_id
            and (
                application_id is None
                or self.state.feedback[s.feedback_id].application_id == application_id
            )
        ]
        return sorted(pairs, key=lambda p: (p[1].received_on, p[0].id or 0))


class FakeDebriefRepository:
    """Debriefs in a dict."""

    def __init__(self, state: _GrowthTables) -> None:
        self.state = state

    def add(self, debrief: Debrief) -> None:
        debrief.id = self.state.new_id("debrief")
        self.state.debriefs[debrief.id] = debrief

    def for_interview(self, interview_id: int) -> Debrief | None:
        return next(
            (d for d in self.state.debriefs.values() if d.interview_id == interview_id), None
        )

    def all(self) -> list[Debrief]:
        return _sorted(self.state.debriefs)

    def for_interviews(self, interview_ids: Collection[int]) -> dict[int, Debrief]:
        wanted = set(interview_ids)
        return {d.interview_id: d for d in self.state.debriefs.values() if d.interview_id in wanted}

    def delete(self, debrief: Debrief) -> None:
        assert debrief.id is not None
        del self.state.debriefs[debrief.id]


class FakeStoryRepository:
    """Stories in a dict."""

    def __init__(self, state: _GrowthTables) -> None:
        self.state = state

    def add(self, story: Story) -> None:
        story.id = self.state.new_id("story")
        self.state.stories[story.id] = story

    def get(self, story_id: int) -> Story:
        try:
            return self.state.stories[story_id]
        except KeyError:
            raise NotFoundError("story", story_id) from None

    def all(self) -> list[Story]:
        return _sorted(self.state.stories)

    def delete(self, story: Story) -> None:
        assert story.id is not None
        del self.state.stories[story.id]


class FakePlanRepository:
    """A plan per framework, as lists, each replaced as a whole."""

    def __init__(self, state: _GrowthTables) -> None:
        self.state = state

    def all(self) -> list[PlanAction]:
        return self.on_framework(_in_use(self.state))

    def replace_all(self, actions: Sequence[PlanAction]) -> None:
        ids = [a.id for a in actions]
        assert len(ids) == len(set(ids)), "plan action ids are a primary key"
        self.state.plan[_in_use(self.state)] = list(actions)

    def done_elsewhere(self) -> list[PlanAction]:
        in_use = _in_use(self.state)
        return sorted(
            (a for f, plan in self.state.plan.items() if f != in_use for a in plan if a.done),
            key=lambda a: a.id,
        )

    def on_framework(self, framework_id: str) -> list[PlanAction]:
        return sorted(self.state.plan.get(framework_id, []), key=lambda a: a.id)

    def framework_ids(self) -> list[str]:
        return sorted(f for f, plan in self.state.plan.items() if plan)

    def replace_on(self, framework_id: str, actions: Sequence[PlanAction]) -> None:
        self.state.plan[framework_id] = list(actions)

    def delete_on_framework(self, framework_id: str) -> None:
        self.state.plan.pop(framework_id, None)


class FakeResumeRepository:
    """The resume imported last, if any."""

    def __init__(self, state: _GrowthTables) -> None:
        self.state = state

    def current(self) -> Resume | None:
        return self.state.resume

    def add(self, resume: Resume) -> None:
        self.state.resume = resume


class FakeNoteRepository:
    """The kept notes (thank-you notes, feedback requests), in memory."""

    def __init__(self, tables: _GrowthTables) -> None:
        self.tables = tables

    def add(self, note: Note) -> None:
        note.id = self.tables.new_id("note")
        self.tables.notes[note.id] = note

    def get(self, note_id: int) -> Note:
        try:
            return self.tables.notes[note_id]
        except KeyError:
            raise NotFoundError("note", note_id, "see `nextround note list`") from None

    def delete(self, note: Note) -> None:
        assert note.id is not None
        del self.tables.notes[note.id]

    def addressed_to(self, contact_id: int) -> list[Note]:
        return [
            n
            for n in _sorted(self.tables.notes)
            if any(r.contact_id == contact_id for r in n.recipients)
        ]

    def list(self, application_id: int | None = None) -> list[Note]:
        return [
            n
            for n in _sorted(self.tables.notes)
            if application_id is None or n.application_id == application_id
        ]


class FakeGrowthUnitOfWork(FakeUnitOfWork):
    """The journey's fake unit of work with the growth engine's repositories too."""

    frameworks: FakeFrameworkRepository
    preferences: FakePreferences
    statements: FakeStatementRepository
    debriefs: FakeDebriefRepository
    embeddings: InMemoryEmbeddingStore
    stories: FakeStoryRepository
    plan: FakePlanRepository
    resumes: FakeResumeRepository
    notes: FakeNoteRepository

    def __init__(self, now: datetime | None = None) -> None:
        super().__init__(now or FAKE_NOW)
        self._committed = _GrowthTables()

    def __enter__(self) -> Self:
        super().__enter__()
        tables = self._working
        assert isinstance(tables, _GrowthTables)
        self.frameworks = FakeFrameworkRepository(tables)
        self.preferences = FakePreferences(tables)
        self.statements = FakeStatementRepository(tables)
        self.debriefs = FakeDebriefRepository(tables)
        self.embeddings = tables.embeddings
        self.stories = FakeStoryRepository(tables)
        self.plan = FakePlanRepository(tables)
        self.resumes = FakeResumeRepository(tables)
        # The plan reads the feedback requests sent; a debrief edit, the notes quoting it.
        self.notes = FakeNoteRepository(tables)
        return self

    def flush(self) -> None:
        """Also give ids to debrief questions, as the database does on flush."""
        super().flush()
        tables = self._working
        assert isinstance(tables, _GrowthTables)
        for debrief in tables.debriefs.values():
            for question in debrief.questions:
                if question.id is None:
                    question.id = tables.new_id("question")
                question.debrief_id = debrief.id

    @property
    def stored(self) -> _GrowthTables:
        """The committed state, as a later unit of work would see it."""
        assert isinstance(self._committed, _GrowthTables)
        return self._committed


def _satisfies_the_port(uow: FakeGrowthUnitOfWork) -> GrowthUnitOfWork:
    return uow  # mypy checks the fake against the protocol here


def _satisfies_the_plan_port(uow: FakeGrowthUnitOfWork) -> PlanUnitOfWork:
    return uow  # the plan also reads the notes (the feedback requests sent)


@cache
def _builtin() -> Framework:
    return builtin_framework()


class KeywordMapper:
    """A mapper that suggests a competency when one of its keywords is in the text.

    Rules are (keyword, competency id, confidence), tried in order; each competency is
    suggested once, with the confidence of its first matching rule. The framework (the
    built-in one unless given) names the competencies a heading may name.
    """

    name = "keywords"
    is_fallback = False

    def __init__(
        self, rules: Sequence[tuple[str, str, float]], framework: Framework | None = None
    ) -> None:
        self.rules = [(re.compile(rf"\b{re.escape(k)}", re.IGNORECASE), c, p) for k, c, p in rules]
        self.framework = framework or _builtin()
        self.calls: list[list[str]] = []

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        self.calls.append(list(texts))
        results = []
        for text in texts:
            found: dict[str, float] = {}
            for pattern, competency, confidence in self.rules:
                if competency not in found and pattern.search(text):
                    found[competency] = confidence
            ranked = sorted(found.items(), key=lambda kv: -kv[1])[:k]
            results.append([CompetencyMatch(c, p) for c, p in ranked])
        return results


#: Keywords for the four competencies of tests.unit.growth_fixtures.FRAMEWORK.
TEST_RULES = (
    ("risk", "risk-management", 0.9),
    ("mitigat", "risk-management", 0.8),
    ("system", "systems-thinking", 0.85),
    ("flow", "systems-thinking", 0.7),
    ("stakeholder", "stakeholder-management", 0.8),
    ("communicat", "communication", 0.75),
    ("clear", "communication", 0.6),
    ("structure", "communication", 0.3),
)


def keyword_mapper() -> KeywordMapper:
    """A keyword mapper for the test framework."""
    return KeywordMapper(TEST_RULES)


@dataclass(frozen=True)
class SeededProcess:
    """Ids of an application seeded for a test."""

    application_id: int
    round_id: int
    interview_ids: tuple[int, ...]


def seed_process(
    uow: GrowthUnitOfWork,
    company: str = "Tempoline",
    *,
    applied_on: date = date(2026, 9, 1),
    round_name: str = "Final loop",
    interviews: Sequence[tuple[str, datetime | None, Sequence[str]]] = (),
    kind: RoundKind | None = None,
) -> SeededProcess:
    """An application with one round (a final loop unless ``kind`` says) and its interviews.

    ``interviews``: (title, time, competencies) of each.

    Goes through the real journey services, so the fake is exercised as the services use it.
    """
    from nextround.services.applications import add_application
    from nextround.services.process import add_interview, add_round

    with uow:
        app = add_application(
            uow, {"company": company, "role_title": "TPM", "applied_on": applied_on}
        )
        assert app.id is not None
        round_ = add_round(
            uow,
            app.id,
            {"name": round_name, "kind": kind or RoundKind.FINAL_LOOP, "started_on": applied_on},
        )
        ids = []
        for title, when, competencies in interviews:
            interview = add_interview(
                uow,
                app.id,
                round_.position,
                {"title": title, "scheduled_at": when, "competencies": list(competencies)},
            )
            assert interview.id is not None
            ids.append(interview.id)
        assert round_.id is not None
        return SeededProcess(app.id, round_.id, tuple(ids))


def growth_uow(framework: Framework) -> FakeGrowthUnitOfWork:
    """A fresh fake unit of work with ``framework`` imported and in use."""
    from nextround.services.frameworks import import_framework

    uow = FakeGrowthUnitOfWork()
    with uow:
        import_framework(uow, framework, use=True)
    return uow

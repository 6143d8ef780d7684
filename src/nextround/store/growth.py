"""SQL repositories of the growth engine: frameworks, statements, debriefs, embedding cache."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, delete, func, insert, select
from sqlalchemy.orm import Session

from nextround.domain.competency import Competency, Framework, unknown_framework
from nextround.domain.debrief import Debrief
from nextround.domain.feedback import Feedback
from nextround.domain.statements import FeedbackStatement, reading_in_use, readings_in_use
from nextround.domain.stories import Story
from nextround.errors import NotFoundError
from nextround.frameworks.files import BUILTIN_ID, IN_USE_KEY, builtin_framework
from nextround.store import tables as t

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from nextround.domain.plan import PlanAction

_LISTS = ("indicators", "missing_signs", "questions", "practice")


class SqlFrameworkRepository:
    """Imported frameworks; the built-in one always exists and is read from the package."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def ids(self) -> list[str]:
        stored = self.session.scalars(select(t.frameworks.c.id).order_by(t.frameworks.c.id))
        return [BUILTIN_ID, *stored]

    def get(self, framework_id: str) -> Framework:
        if framework_id == BUILTIN_ID:
            return builtin_framework()
        row = self.session.execute(
            select(t.frameworks).where(t.frameworks.c.id == framework_id)
        ).first()
        if row is None:
            raise self._unknown(framework_id)
        competencies = self.session.execute(
            select(t.competencies)
            .where(t.competencies.c.framework_id == framework_id)
            .order_by(t.competencies.c.position)
        ).all()
        return Framework(
            id=row.id,
            name=row.name,
            source=row.source,
            description=row.description,
            competencies=tuple(
                Competency(
                    id=c.id,
                    name=c.name,
                    description=c.description,
                    **{key: tuple(getattr(c, key)) for key in _LISTS},
                )
                for c in competencies
            ),
        )

    def _unknown(self, framework_id: str) -> NotFoundError:
        """The error for an id no framework has, with the nearest one there is."""
        named = {BUILTIN_ID: builtin_framework().name}
        rows = self.session.execute(select(t.frameworks.c.id, t.frameworks.c.name))
        named |= {row.id: row.name for row in rows}
        return unknown_framework(framework_id, named)

    def exists(self, framework_id: str) -> bool:
        return framework_id == BUILTIN_ID or bool(
            self.session.scalar(select(func.count()).where(t.frameworks.c.id == framework_id))
        )

    def in_use(self) -> str:
        return framework_in_use(self.session)

    def delete(self, framework_id: str) -> None:
        """Delete an imported framework with its competencies (the built-in one is no row)."""
        self.session.execute(delete(t.frameworks).where(t.frameworks.c.id == framework_id))

    def save(self, framework: Framework, now: datetime) -> None:
        """Insert or replace an imported framework with all its competencies."""
        created = self.session.scalar(
            select(t.frameworks.c.created_at).where(t.frameworks.c.id == framework.id)
        )
        self.session.execute(delete(t.frameworks).where(t.frameworks.c.id == framework.id))
        self.session.execute(
            insert(t.frameworks).values(
                id=framework.id,
                name=framework.name,
                source=framework.source,
                description=framework.description,
                created_at=created or now,
                updated_at=now,
            )
        )
        self.session.execute(
            insert(t.competencies),
            [
                {
                    "framework_id": framework.id,
                    "id": c.id,
                    "position": position,
                    "name": c.name,
                    "description": c.description,
                    **{key: list(getattr(c, key)) for key in _LISTS},
                }
                for position, c in enumerate(framework.competencies, start=1)
            ],
        )


def framework_in_use(session: Session) -> str:
    """The id of the framework in use: the one chosen, or the built-in one if it is gone."""
    chosen = session.scalar(select(t.preferences.c.value).where(t.preferences.c.key == IN_USE_KEY))
    if chosen is None or str(chosen) == BUILTIN_ID:
        return BUILTIN_ID
    found = session.scalar(select(func.count()).where(t.frameworks.c.id == str(chosen)))
    return str(chosen) if found else BUILTIN_ID


class SqlPreferences:
    """Small user choices, such as the framework in use."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str, default: Any = None) -> Any:
        value = self.session.scalar(select(t.preferences.c.value).where(t.preferences.c.key == key))
        return default if value is None else value

    def set(self, key: str, value: Any, now: datetime) -> None:
        self.session.execute(delete(t.preferences).where(t.preferences.c.key == key))
        self.session.execute(insert(t.preferences).values(key=key, value=value, updated_at=now))


class SqlStatementRepository:
    """Feedback statements and their mappings."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, statement: FeedbackStatement) -> None:
        self.session.add(statement)

    def get(self, statement_id: int) -> FeedbackStatement:
        found = self.session.get(FeedbackStatement, statement_id)
        if found is None:
            raise NotFoundError("statement", statement_id, "see `nextround feedback review`")
        return found

    def for_feedback(self, feedback_id: int) -> list[FeedbackStatement]:
        return self.for_feedback_items([feedback_id])[feedback_id]

    def for_feedback_items(
        self, feedback_ids: Collection[int]
    ) -> dict[int, list[FeedbackStatement]]:
        """The statements of several feedback items in one query, by feedback id."""
        found: dict[int, list[FeedbackStatement]] = {i: [] for i in feedback_ids}
        if found:
            rows = self.all_readings(found)
            for statement in readings_in_use(rows, framework_in_use(self.session)):
                found[statement.feedback_id].append(statement)
        return found

    def all_readings(self, feedback_ids: Collection[int] | None = None) -> list[FeedbackStatement]:
        stmt = select(FeedbackStatement)
        if feedback_ids is not None:
            stmt = stmt.where(t.statements.c.feedback_id.in_(sorted(feedback_ids)))
        order = (t.statements.c.feedback_id, t.statements.c.framework_id, t.statements.c.position)
        return list(self.session.scalars(stmt.order_by(*order)))

    def delete_for_feedback(self, feedback_id: int) -> None:
        for statement in self.all_readings([feedback_id]):
            self.session.delete(statement)

    def delete_on_framework(self, framework_id: str) -> None:
        rows = self.session.scalars(
            select(FeedbackStatement).where(t.statements.c.framework_id == framework_id)
        )
        for statement in rows:
            self.session.delete(statement)

    def unconfirmed(self) -> list[FeedbackStatement]:
        # Which reading each item is shown in depends on all its statements, confirmed or
        # not: only (feedback, framework, first id) is read for those.
        shown = self._readings_shown()
        rows = self.session.scalars(
            select(FeedbackStatement)
            .where(t.statements.c.confirmed.is_(False))
            .order_by(t.statements.c.feedback_id, t.statements.c.position)
        )
        return [s for s in rows if shown.get(s.feedback_id) == s.framework_id]

    def count_unconfirmed(self) -> int:
        shown = self._readings_shown()
        rows = self.session.execute(
            select(t.statements.c.feedback_id, t.statements.c.framework_id, func.count())
            .where(t.statements.c.confirmed.is_(False))
            .group_by(t.statements.c.feedback_id, t.statements.c.framework_id)
        )
        return sum(n for item, framework, n in rows if shown.get(item) == framework)

    def _readings_shown(self) -> dict[int, str]:
        """The framework of each feedback item's reading in use (see domain.statements)."""
        in_use = framework_in_use(self.session)
        first = func.min(t.statements.c.id)
        rows = self.session.execute(
            select(t.statements.c.feedback_id, t.statements.c.framework_id)
            .group_by(t.statements.c.feedback_id, t.statements.c.framework_id)
            .order_by(t.statements.c.feedback_id, first)
        )
        made: dict[int, dict[str, None]] = {}
        for item, framework in rows:
            made.setdefault(item, {})[framework] = None
        return {item: reading_in_use(found, in_use) or "" for item, found in made.items()}

    def confirmed(self, framework_id: str | None = None) -> list[FeedbackStatement]:
        stmt = select(FeedbackStatement).where(t.statements.c.confirmed.is_(True))
        if framework_id is not None:
            stmt = stmt.where(t.statements.c.framework_id == framework_id)
        return list(self.session.scalars(stmt.order_by(t.statements.c.id)))

    def with_feedback(
        self, framework_id: str, application_id: int | None = None
    ) -> list[tuple[FeedbackStatement, Feedback]]:
        """Every statement mapped on a framework (of one application if given), with feedback."""
        stmt = (
            select(FeedbackStatement, Feedback)
            .join(Feedback, t.feedback.c.id == t.statements.c.feedback_id)
            .where(t.statements.c.framework_id == framework_id)
            .order_by(t.feedback.c.received_on, t.statements.c.id)
        )
        if application_id is not None:
            stmt = stmt.where(t.feedback.c.application_id == application_id)
        return [(row[0], row[1]) for row in self.session.execute(stmt).all()]


class SqlDebriefRepository:
    """Debriefs of interviews."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, debrief: Debrief) -> None:
        self.session.add(debrief)

    def for_interview(self, interview_id: int) -> Debrief | None:
        return self.session.scalar(select(Debrief).where(t.debriefs.c.interview_id == interview_id))

    def all(self) -> list[Debrief]:
        return list(self.session.scalars(select(Debrief).order_by(t.debriefs.c.id)))

    def for_interviews(self, interview_ids: Collection[int]) -> dict[int, Debrief]:
        """The debriefs of several interviews in one query, by interview id."""
        if not interview_ids:
            return {}
        rows = self.session.scalars(
            select(Debrief).where(t.debriefs.c.interview_id.in_(sorted(interview_ids)))
        )
        return {debrief.interview_id: debrief for debrief in rows}

    def delete(self, debrief: Debrief) -> None:
        self.session.delete(debrief)


def _insert_new(session: Session, table: Any) -> Any:
    """INSERT that skips rows whose primary key is already there (both dialects)."""
    keys = [column.name for column in table.primary_key.columns]
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table).on_conflict_do_nothing(index_elements=keys)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table).on_conflict_do_nothing(index_elements=keys)


class SqlEmbeddingStore:
    """Vectors cached in the database, keyed by model and text hash."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        import numpy as np

        found: dict[str, npt.NDArray[np.float32]] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            rows = self.session.execute(
                select(t.embedding_cache.c.text_hash, t.embedding_cache.c.vector).where(
                    t.embedding_cache.c.model_id == model_id,
                    t.embedding_cache.c.text_hash.in_(chunk),
                )
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype="<f4").copy()
        return found

    def put_many(self, model_id: str, items: Mapping[str, npt.NDArray[np.float32]]) -> None:
        """Store vectors; a key already stored keeps its vector.

        A key is a hash of the text, so its vector for one model is always the same one:
        which process stored it first does not matter. Two commands (or the web app and a
        command) embedding the same sentence at once both insert it, so the insert must not
        fail on the other's row, or the user's feedback is lost with the cache entry. Keys
        go in sorted, so two such inserts on PostgreSQL take their row locks in one order.
        """
        import numpy as np

        if not items:
            return
        rows = [
            {
                "model_id": model_id,
                "text_hash": key,
                "vector": np.asarray(items[key], dtype="<f4").tobytes(),
            }
            for key in sorted(items)
        ]
        self.session.execute(_insert_new(self.session, t.embedding_cache), rows)

    def forget(self, keys: Sequence[str]) -> int:
        """Delete the vectors of these texts, of every model; how many rows went."""
        gone = 0
        for start in range(0, len(keys), 500):
            result = self.session.execute(
                delete(t.embedding_cache).where(
                    t.embedding_cache.c.text_hash.in_(list(keys[start : start + 500]))
                )
            )
            gone += result.rowcount or 0  # type: ignore[attr-defined]
        return gone

    def count(self, model_id: str | None = None) -> int:
        stmt = select(func.count()).select_from(t.embedding_cache)
        if model_id is not None:
            stmt = stmt.where(t.embedding_cache.c.model_id == model_id)
        return int(self.session.scalar(stmt) or 0)


class SqlStoryRepository:
    """The story bank."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, story: Story) -> None:
        self.session.add(story)

    def get(self, story_id: int) -> Story:
        found = self.session.get(Story, story_id)
        if found is None:
            raise NotFoundError("story", story_id, "see `nextround story list`")
        return found

    def all(self) -> list[Story]:
        return list(self.session.scalars(select(Story).order_by(t.stories.c.id)))

    def delete(self, story: Story) -> None:
        self.session.delete(story)


class SqlPlanRepository:
    """The growth plan's actions; a refresh replaces the whole list in one go.

    Each framework has a plan of its own: `all` and `replace_all` work on the plan of the
    framework in use, and the others stay as they were until it is chosen again.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[PlanAction]:
        return self._actions(t.plan_actions.c.framework_id == framework_in_use(self.session))

    def done_elsewhere(self) -> list[PlanAction]:
        a = t.plan_actions.c
        return self._actions(
            a.framework_id != framework_in_use(self.session), a.done_on.is_not(None)
        )

    def on_framework(self, framework_id: str) -> list[PlanAction]:
        return self._actions(t.plan_actions.c.framework_id == framework_id)

    def _actions(self, *where: ColumnElement[bool]) -> list[PlanAction]:
        # Imported here: the plan's domain module is only needed by commands that use it.
        from nextround.domain.plan import PlanAction

        rows = self.session.execute(
            select(t.plan_actions).where(*where).order_by(t.plan_actions.c.id)
        )
        return [
            PlanAction(
                id=r.id,
                kind=r.kind,
                competency_id=r.competency_id,
                title=r.title,
                detail=r.detail,
                why=r.why,
                created_on=r.created_on,
                done_on=r.done_on,
                week=r.week,
                rank=r.rank,
                evidence_refs=tuple(r.evidence_refs),
            )
            for r in rows
        ]

    def framework_ids(self) -> list[str]:
        a = t.plan_actions.c
        return list(
            self.session.scalars(select(a.framework_id).distinct().order_by(a.framework_id))
        )

    def replace_all(self, actions: Sequence[PlanAction]) -> None:
        self.replace_on(framework_in_use(self.session), actions)

    def replace_on(self, framework_id: str, actions: Sequence[PlanAction]) -> None:
        self.session.execute(
            delete(t.plan_actions).where(t.plan_actions.c.framework_id == framework_id)
        )
        if actions:
            self.session.execute(
                insert(t.plan_actions),
                [
                    {
                        **a.to_json(),
                        "framework_id": framework_id,
                        "created_on": a.created_on,
                        "done_on": a.done_on,
                    }
                    for a in actions
                ],
            )

    def delete_on_framework(self, framework_id: str) -> None:
        self.session.execute(
            delete(t.plan_actions).where(t.plan_actions.c.framework_id == framework_id)
        )

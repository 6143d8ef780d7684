"""Column types that keep values exact on both SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect
from sqlalchemy.types import TypeDecorator

from nextround.domain.journey import Interviewer


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC, to the microsecond, on every backend.

    SQLite has no time zones, so values are stored naive in UTC there and come back aware.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: nextround stores aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class InterviewerList(TypeDecorator[list[Interviewer]]):
    """The interviewers of an interview, as a JSON list of objects."""

    impl = JSON
    cache_ok = True

    def process_bind_param(
        self, value: list[Interviewer] | None, dialect: Dialect
    ) -> list[dict[str, Any]] | None:
        if value is None:
            return None
        return [{"name": p.name, "title": p.title, "contact_id": p.contact_id} for p in value]

    def process_result_value(self, value: Any, dialect: Dialect) -> list[Interviewer]:
        if not value:
            return []
        return [
            Interviewer(name=p["name"], title=p.get("title"), contact_id=p.get("contact_id"))
            for p in value
        ]

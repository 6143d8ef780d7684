"""Column types that keep values exact on both SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Dialect
from sqlalchemy.types import TypeDecorator

from nextround.domain.competency import CompetencyMatch
from nextround.domain.journey import Interviewer
from nextround.domain.notes import Recipient
from nextround.domain.tagging import Tagging


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


class JSONCodec(TypeDecorator[Any]):
    """A JSON column holding domain values; subclasses say how to encode and decode them.

    The backup uses the same encode/decode pair and ``json_schema``, so every such column
    round-trips exactly without the backup knowing its type.
    """

    impl = JSON
    cache_ok = True
    json_schema: ClassVar[dict[str, Any]] = {}

    def encode(self, value: Any) -> Any:
        """Domain value to JSON-ready data."""
        raise NotImplementedError

    def decode(self, data: Any) -> Any:
        """JSON data to the domain value."""
        raise NotImplementedError

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else self.encode(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else self.decode(value)


class InterviewerList(JSONCodec):
    """The interviewers of an interview."""

    cache_ok = True
    json_schema: ClassVar[dict[str, Any]] = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "title": {"type": ["string", "null"]},
                "contact_id": {"type": ["integer", "null"]},
            },
            "required": ["name"],
            "additionalProperties": False,
        },
    }

    def encode(self, value: list[Interviewer]) -> list[dict[str, Any]]:
        return [{"name": p.name, "title": p.title, "contact_id": p.contact_id} for p in value]

    def decode(self, data: Any) -> list[Interviewer]:
        return [Interviewer(p["name"], p.get("title"), p.get("contact_id")) for p in data]


class MatchList(JSONCodec):
    """Suggested competencies with their confidence."""

    cache_ok = True
    json_schema: ClassVar[dict[str, Any]] = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "competency_id": {"type": "string"},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            },
            "required": ["competency_id", "confidence"],
            "additionalProperties": False,
        },
    }

    def encode(self, value: list[CompetencyMatch]) -> list[dict[str, Any]]:
        return [{"competency_id": m.competency_id, "confidence": m.confidence} for m in value]

    def decode(self, data: Any) -> list[CompetencyMatch]:
        return [CompetencyMatch(m["competency_id"], float(m["confidence"])) for m in data]


class TaggingMap(JSONCodec):
    """Competency tags on other frameworks, by framework (see domain.tagging)."""

    cache_ok = True
    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": {
            "type": "object",
            "properties": {
                "competencies": {"type": "array", "items": {"type": "string"}},
                "suggestions": MatchList.json_schema,
                "confirmed": {"type": "boolean"},
            },
            "required": ["competencies", "suggestions", "confirmed"],
            "additionalProperties": False,
        },
    }

    def encode(self, value: dict[str, Tagging]) -> dict[str, Any]:
        return {
            framework_id: {
                "competencies": list(tagging.competencies),
                "suggestions": MatchList().encode(list(tagging.suggestions)),
                "confirmed": tagging.confirmed,
            }
            for framework_id, tagging in value.items()
        }

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        # NULL (a row from before the column, or a backup's) holds no tags elsewhere.
        return self.decode(value)

    def decode(self, data: Any) -> dict[str, Tagging]:
        return {
            framework_id: Tagging(
                tuple(tagging["competencies"]),
                tuple(MatchList().decode(tagging["suggestions"])),
                bool(tagging["confirmed"]),
            )
            for framework_id, tagging in (data or {}).items()
        }


class RecipientList(JSONCodec):
    """The people a note is addressed to."""

    cache_ok = True
    json_schema: ClassVar[dict[str, Any]] = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "email": {"type": ["string", "null"]},
                "contact_id": {"type": ["integer", "null"]},
            },
            "required": ["name"],
            "additionalProperties": False,
        },
    }

    def encode(self, value: list[Recipient]) -> list[dict[str, Any]]:
        return [{"name": r.name, "email": r.email, "contact_id": r.contact_id} for r in value]

    def decode(self, data: Any) -> list[Recipient]:
        return [Recipient(r["name"], r.get("email"), r.get("contact_id")) for r in data]

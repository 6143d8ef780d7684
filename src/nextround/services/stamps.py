"""Creation and modification times, set in one place."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Stamped(Protocol):
    """Anything with created_at and updated_at."""

    created_at: datetime | None
    updated_at: datetime | None


def touch(now: datetime, *entities: Stamped) -> None:
    """Mark entities as changed now, and as created now if they are new."""
    for entity in entities:
        if entity.created_at is None:
            entity.created_at = now
        entity.updated_at = now

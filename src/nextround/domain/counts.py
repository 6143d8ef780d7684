"""Counts as sentences say them: '1 action', '2 actions', never '2 action(s)'."""

from __future__ import annotations


def counted(count: int, one: str, many: str | None = None) -> str:
    """The count with the noun that agrees with it; ``many`` defaults to ``one`` + "s"."""
    return f"{count} {one if count == 1 else many or one + 's'}"

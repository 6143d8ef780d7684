"""Counts and lists as sentences say them: '2 actions', never '2 action(s)'; 'A, B and C'."""

from __future__ import annotations

from collections.abc import Sequence


def counted(count: int, one: str, many: str | None = None) -> str:
    """The count with the noun that agrees with it; ``many`` defaults to ``one`` + "s"."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def joined(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def it_or_them(count: int) -> str:
    """The pronoun that takes a count up again: '1 statement; review it', '2 …; review them'."""
    return "it" if count == 1 else "them"


def confirmed_of(count: int, confirmed: int) -> str:
    """How many of ``count`` statements were confirmed: 'confirmed' of one, not '1 of them'."""
    if count == 1:
        return "confirmed" if confirmed else "not confirmed"
    return f"{confirmed} of them confirmed"

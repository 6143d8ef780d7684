"""Several use cases as one transaction: their commits are held back until the caller commits."""

from __future__ import annotations

from typing import Any, cast

from nextround.services.ports import GrowthUnitOfWork


class _HeldCommits:
    """A unit of work whose ``commit()`` only flushes; everything else is the real one's."""

    def __init__(self, uow: GrowthUnitOfWork) -> None:
        self._uow = uow

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow, name)

    def commit(self) -> None:
        """Send the changes so far to the database, inside the still-open transaction."""
        self._uow.flush()


def held(uow: GrowthUnitOfWork) -> GrowthUnitOfWork:
    """``uow`` for use cases that each commit, so that together they commit once, or not at all.

    The caller commits the real unit of work when every step has succeeded; an error in
    any step leaves nothing written, because the unit of work rolls back unless committed.
    """
    return cast(GrowthUnitOfWork, _HeldCommits(uow))

"""The application list as people browse it: filtered, sorted, and a page at a time."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from nextround.domain.journey import Status
from nextround.services.applications import ApplicationListing, list_applications
from nextround.services.ports import ApplicationQuery, UnitOfWork


class SortOrder(StrEnum):
    """How the list is ordered."""

    NEWEST = "newest"
    OLDEST = "oldest"
    COMPANY = "company"
    STATUS = "status"
    NEXT_INTERVIEW = "next_interview"


SORT_LABELS = {
    SortOrder.NEWEST: "Newest first",
    SortOrder.OLDEST: "Oldest first",
    SortOrder.COMPANY: "Company A–Z",
    SortOrder.STATUS: "Stage",
    SortOrder.NEXT_INTERVIEW: "Next interview",
}

_STAGE_ORDER = {status: i for i, status in enumerate(Status)}


def _key(order: SortOrder) -> Callable[[ApplicationListing], Any]:
    if order is SortOrder.OLDEST:
        return lambda r: (r.facts.applied_on, r.facts.id)
    if order is SortOrder.COMPANY:
        return lambda r: (r.facts.company.casefold(), r.facts.role_title.casefold(), r.facts.id)
    if order is SortOrder.STATUS:
        return lambda r: (_STAGE_ORDER[r.facts.status], -r.facts.applied_on.toordinal())
    # Applications with no interview coming up go last, newest first among themselves.
    return lambda r: (
        r.next_interview.timestamp() if r.next_interview else math.inf,
        -r.facts.applied_on.toordinal(),
    )


def sorted_applications(
    uow: UnitOfWork, query: ApplicationQuery | None = None, order: SortOrder = SortOrder.NEWEST
) -> list[ApplicationListing]:
    """Every application matching the query, in the order asked for."""
    rows = list_applications(uow, query)
    if order is SortOrder.NEWEST:
        return rows  # the repository's own order
    return sorted(rows, key=_key(order))


@dataclass(frozen=True)
class ApplicationPage:
    """One page of a longer list."""

    rows: Sequence[ApplicationListing]
    total: int
    page: int
    pages: int
    per_page: int

    @property
    def first(self) -> int:
        """1-based position of the first row shown (0 when the list is empty)."""
        return (self.page - 1) * self.per_page + 1 if self.rows else 0

    @property
    def last(self) -> int:
        """1-based position of the last row shown."""
        return self.first + len(self.rows) - 1 if self.rows else 0


def paginate(rows: Sequence[ApplicationListing], page: int, per_page: int = 50) -> ApplicationPage:
    """The rows of one page; a page past the end shows the last one."""
    pages = max(1, math.ceil(len(rows) / per_page))
    page = min(max(1, page), pages)
    start = (page - 1) * per_page
    return ApplicationPage(rows[start : start + per_page], len(rows), page, pages, per_page)


def open_statuses() -> tuple[Status, ...]:
    """The statuses of processes still running."""
    return tuple(s for s in Status if s.is_open)


def closed_statuses() -> tuple[Status, ...]:
    """The statuses of processes that have ended."""
    return tuple(s for s in Status if not s.is_open)

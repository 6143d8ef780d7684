"""Applications counted per week: what a weekly work-search requirement is checked against."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from nextround.domain.pipeline import ApplicationFacts


class WeekStart(StrEnum):
    """The day a week starts on: Sunday in a US benefit week, Monday in ISO weeks."""

    MONDAY = "monday"
    SUNDAY = "sunday"


#: The most weeks listed: a year of searching, newest kept.
MAX_WEEKS = 53


@dataclass(frozen=True)
class SearchWeek:
    """One week, its applications, and how far short of the weekly need it fell."""

    starts_on: date
    applications: list[ApplicationFacts] = field(default_factory=list)
    need: int | None = None

    @property
    def ends_on(self) -> date:
        return self.starts_on + timedelta(days=6)

    @property
    def count(self) -> int:
        return len(self.applications)

    @property
    def short_by(self) -> int:
        """How many more the week needed (0 when met, or when no need was given)."""
        return max(0, (self.need or 0) - self.count)

    def to_json(self) -> dict[str, Any]:
        return {
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat(),
            "applications": self.count,
            "ids": [a.id for a in self.applications],
            "short_by": self.short_by if self.need is not None else None,
        }


def week_of(day: date, start: WeekStart) -> date:
    """The first day of the week ``day`` falls in."""
    back = day.weekday() if start is WeekStart.MONDAY else (day.weekday() + 1) % 7
    return day - timedelta(days=back)


def search_weeks(
    apps: Iterable[ApplicationFacts],
    today: date,
    start: WeekStart = WeekStart.MONDAY,
    need: int | None = None,
) -> list[SearchWeek]:
    """Every week from the first application's to this one, oldest first, empty weeks too.

    An empty week is the one a claimant most needs to see, so none is skipped; only the
    last MAX_WEEKS are kept.
    """
    chosen = sorted(apps, key=lambda a: (a.applied_on, a.id))
    if not chosen:
        return []
    first = week_of(chosen[0].applied_on, start)
    last = max(week_of(today, start), week_of(chosen[-1].applied_on, start))
    weeks: dict[date, list[ApplicationFacts]] = {}
    day = first
    while day <= last:
        weeks[day] = []
        day += timedelta(days=7)
    for app in chosen:
        weeks[week_of(app.applied_on, start)].append(app)
    listed = [SearchWeek(starts_on, found, need) for starts_on, found in weeks.items()]
    return listed[-MAX_WEEKS:]


def weeks_short(weeks: Sequence[SearchWeek], today: date) -> list[SearchWeek]:
    """The weeks over by ``today`` that fell short of the need (this one is not over yet)."""
    return [w for w in weeks if w.short_by and w.ends_on < today]

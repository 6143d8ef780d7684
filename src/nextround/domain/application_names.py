"""How an application is named where several are listed: company and role, told apart."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol

from nextround.domain.journey import Status

#: How a date is written: ISO on the command line, "1 Sep 2026" in the web app.
DayFormat = Callable[[date], str]


class Named(Protocol):
    """What naming an application needs: an aggregate, its facts or its Option A entry."""

    @property
    def company(self) -> str: ...
    @property
    def role_title(self) -> str: ...
    @property
    def applied_on(self) -> date | None: ...
    @property
    def status(self) -> Status: ...


def told_apart(app: Named, day: DayFormat = date.isoformat) -> str:
    """'applied 2026-09-01, rejected': what tells two applications for one role apart.

    A second application for the same role is legitimate (a re-application a year later),
    so the name alone cannot be the key in a list.
    """
    status = app.status.value.replace("_", " ")
    if app.applied_on is None:
        return status
    # "applied 2026-09-01, applied" says it twice: with no later stage, the date is enough.
    applied = f"applied {day(app.applied_on)}"
    return applied if app.status is Status.APPLIED else f"{applied}, {status}"


def listed_name(app: Named, day: DayFormat = date.isoformat) -> str:
    """'Tempoline — Technical Program Manager (applied 2026-09-01, rejected)', for a picker."""
    return f"{app.company} — {app.role_title} ({told_apart(app, day)})"


def same_role(app: Named, other: Named) -> bool:
    """Whether two applications are for the same role at the same company, as typed."""

    def key(text: str) -> str:
        return " ".join(text.casefold().split())

    return (key(app.company), key(app.role_title)) == (key(other.company), key(other.role_title))


def same_application(app: Named, other: Named) -> bool:
    """Whether two entries are one application: the same role at the same company, same day.

    The one rule for "on record already": `app add --if-new` adds nothing for such a one,
    and `app import` skips it, so a list added again adds only what is new. Applying again
    to a role on another day is a new application.
    """
    return app.applied_on == other.applied_on and same_role(app, other)


def already_applied(earlier: Sequence[Named], day: DayFormat = date.isoformat) -> str:
    """'you already have Technical Program Manager at Tempoline (applied 2026-09-01, rejected)'.

    Said, not refused, when an application is added for a role already on record; named as
    the first was, which a new one may spell differently ("tempoline").
    """
    described = [told_apart(e, day) for e in earlier]
    # Two entries nothing tells apart would read "applied 2026-10-01; applied 2026-10-01":
    # each description is said once, with how many share it.
    counts = dict.fromkeys(described, 0)
    for text in described:
        counts[text] += 1
    if len(counts) == 1 and len(described) > 1:
        which = f"{'both' if len(described) == 2 else f'all {len(described)}'} {described[0]}"
    else:
        which = "; ".join(text + _times(n) for text, n in counts.items())
    return f"you already have {earlier[0].role_title} at {earlier[0].company} ({which})"


def _times(count: int) -> str:
    return "" if count == 1 else " twice" if count == 2 else f" {count} times"

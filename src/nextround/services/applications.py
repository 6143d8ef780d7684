"""Use cases for applications: add, edit, list, show, close, reopen and remove."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypedDict

from nextround.domain.application_names import same_application, same_role
from nextround.domain.journey import (
    Application,
    ApplyMethod,
    Decision,
    Outcome,
    Source,
    WorkMode,
)
from nextround.domain.pipeline import ApplicationFacts
from nextround.errors import DomainError
from nextround.services.calling_off import NOTHING_CALLED_OFF, CalledOff
from nextround.services.ports import ApplicationQuery, FactsSource, UnitOfWork
from nextround.services.process import record_decision
from nextround.services.stamps import touch


class ApplicationFields(TypedDict, total=False):
    """The editable fields of an application."""

    company: str
    role_title: str
    applied_on: date
    level: str | None
    location: str | None
    work_mode: WorkMode | None
    source: Source
    posting_url: str | None
    posting_text: str | None
    tags: list[str]
    notes: str | None
    method: ApplyMethod | None


EDITABLE = frozenset(ApplicationFields.__annotations__)


def add_application(uow: UnitOfWork, fields: ApplicationFields) -> Application:
    """Record a new application."""
    missing = [f for f in ("company", "role_title", "applied_on") if f not in fields]
    if missing:
        raise DomainError(f"an application needs {', '.join(missing)}")
    app = Application(**fields)
    app.check()
    check_not_ahead(uow, app)
    touch(uow.now(), app)
    uow.applications.add(app)
    uow.commit()
    return app


def same_role_applications(uow: UnitOfWork, app_id: int) -> list[ApplicationFacts]:
    """The other applications for the same role at the same company, oldest first.

    For a note when one is added: applying again is legitimate, so it is not refused, but
    two entries nothing tells apart are often one added twice by mistake.
    """
    app = uow.applications.get(app_id)
    found = uow.applications.facts(ApplicationQuery(company=app.company))
    others = [f for f in found if f.id != app_id and same_role(f, app)]
    return sorted(others, key=lambda f: (f.applied_on, f.id))


def recorded_already(uow: UnitOfWork, fields: ApplicationFields) -> Application | None:
    """The application on record for the same company, role and applied date, if any.

    For `app add --if-new`: a script that adds its list again adds only what is new. The
    fields are checked as an add would check them, so bad input is refused either way.
    """
    wanted = Application(**fields)
    wanted.check()
    found = uow.applications.facts(ApplicationQuery(company=wanted.company))
    same = [f for f in found if same_application(f, wanted)]
    if not same:
        return None
    oldest = min(same, key=lambda f: f.id or 0)
    assert oldest.id is not None
    return uow.applications.get(oldest.id)


def edit_application(uow: UnitOfWork, app_id: int, changes: ApplicationFields) -> Application:
    """Change some fields of an application; the whole application is re-checked."""
    app = uow.applications.get(app_id)
    _apply(app, changes)
    app.check()
    if "applied_on" in changes:
        check_not_ahead(uow, app)
    touch(uow.now(), app)
    uow.commit()
    return app


def check_not_ahead(uow: UnitOfWork, app: Application) -> None:
    """Refuse an application dated after today."""
    # An application is sent, then tracked: a date ahead is a typo (2062 for 2026).
    if app.applied_on > uow.today():
        raise DomainError(
            f"applied on {app.applied_on} is in the future; give the day you sent it "
            f"(today, {uow.today()}, at the latest)"
        )


def _apply(target: Any, changes: Any) -> None:
    unknown = set(changes) - EDITABLE
    if unknown:
        raise DomainError(f"cannot edit {', '.join(sorted(unknown))}")
    for key, value in changes.items():
        setattr(target, key, value)


def get_application(uow: UnitOfWork, app_id: int) -> Application:
    """One application with everything in its process."""
    return uow.applications.get(app_id)


@dataclass(frozen=True)
class ApplicationListing:
    """A row of the application list."""

    facts: ApplicationFacts
    next_interview: datetime | None


def list_applications(
    uow: FactsSource, query: ApplicationQuery | None = None
) -> list[ApplicationListing]:
    """Applications matching the filters, newest first."""
    facts = uow.applications.facts(query)
    upcoming = uow.applications.next_interviews(uow.now()) if facts else {}
    return [ApplicationListing(f, upcoming.get(f.id)) for f in facts]


def close_application(
    uow: UnitOfWork,
    app_id: int,
    outcome: Outcome = Outcome.NO_RESPONSE,
    on: date | None = None,
    reason: str | None = None,
    called_off: CalledOff = NOTHING_CALLED_OFF,
) -> Application:
    """End a process that is not an offer: no response, a withdrawal or a rejection.

    ``called_off``: what calling_off.call_off called off for it, in this unit of work.
    """
    if outcome is Outcome.OFFER:
        raise DomainError(
            "an offer is not a way to close",
            cli_hint="use `nextround decision set APP --outcome offer`",
            web_hint="record it under “Record the decision” with the outcome Offer",
        )
    app = uow.applications.get(app_id)
    if app.current_decision is not None:
        raise DomainError(
            f"application {app_id} is already closed "
            f"({app.current_decision.outcome.value.replace('_', ' ')})",
            cli_hint="use `nextround decision set` to change the decision",
            web_hint="change it under “Change the decision”",
        )
    record_decision(
        uow,
        app,
        Decision(outcome=outcome, decided_on=on or uow.today(), reason=reason),
        called_off,
    )
    uow.commit()
    return app


def reopen_application(uow: UnitOfWork, app_id: int, on: date | None = None) -> Application:
    """Reopen a decided application so rounds can be added again; the decision stays on record."""
    app = uow.applications.get(app_id)
    decision = app.reopen(_not_future(uow, on or uow.today()))
    touch(uow.now(), decision, app)
    uow.commit()
    return app


def redate_reopening(uow: UnitOfWork, app_id: int, on: date) -> tuple[Application, date]:
    """Correct the date an open application was reopened; returns it with the old date."""
    app = uow.applications.get(app_id)
    old = app.redate_reopening(_not_future(uow, on))
    reopened = app.last_reopened
    assert reopened is not None
    touch(uow.now(), reopened, app)
    uow.commit()
    return app, old


def _not_future(uow: UnitOfWork, on: date) -> date:
    if on > uow.today():
        raise DomainError(
            f"reopening on {on} is in the future; record it once it happens "
            f"(today, {uow.today()}, at the latest)"
        )
    return on


def remove_application(uow: UnitOfWork, app_id: int) -> Application:
    """Delete an application with its rounds, interviews, decisions and feedback."""
    app = uow.applications.get(app_id)
    uow.applications.delete(app)
    uow.commit()
    return app

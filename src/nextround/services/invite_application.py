"""Whose invite it is: the application an invite is for, and signs it is another one's."""

from __future__ import annotations

from nextround.domain.invite_words import names_company
from nextround.domain.journey import Application
from nextround.errors import InvalidInputError
from nextround.io.invites import Invite
from nextround.services.invite_memory import Remembered, recalled
from nextround.services.ports import GrowthUnitOfWork


def other_application(
    uow: GrowthUnitOfWork, app: Application, invite: Invite, remembered: dict[str, Remembered]
) -> tuple[list[str], list[str], list[str]]:
    """Signs the invite belongs to another application.

    The warnings, its events on record there, and those applications' companies.
    """
    others = [a for a in uow.applications.all() if a.id != app.id]
    where = {
        i.id: (other, i) for other in others for r in other.rounds for i in r.interviews if i.id
    }
    elsewhere: list[str] = []
    companies: list[str] = []
    for event in invite.events:
        known = recalled(remembered, event)
        found = where.get(known.interview_id) if known else None
        other = found[0] if found and known and known.is_for(found[1]) else None
        if known is not None and other is not None:
            elsewhere.append(
                f"this invite is already interview {known.interview_id} of {other.company} "
                f"(application {other.id})"
            )
            companies.append(other.company)
    summary, domains = invite_words(invite)
    warnings = list(dict.fromkeys(elsewhere))
    if not names_company(app.company, summary, domains):
        named = [a for a in others if names_company(a.company, summary, domains)]
        if named:
            which = ", ".join(f"{a.company} (application {a.id})" for a in named[:3])
            warnings.append(f"the invite names {which}, not {app.company}")
    return warnings, list(dict.fromkeys(elsewhere)), list(dict.fromkeys(companies))


def invite_words(invite: Invite) -> tuple[str, list[str]]:
    """The invite's summaries and its people's mail domains: where a company is named."""
    summary = " ".join(e.summary for e in invite.events)
    domains = [
        p.email.rsplit("@", 1)[-1]
        for e in invite.events
        for p in [e.organizer, *e.attendees]
        if p is not None and p.email and "@" in p.email
    ]
    return summary, domains


def invite_application(
    uow: GrowthUnitOfWork, invite: Invite, app_id: int | None
) -> tuple[Application, str | None]:
    """The application given, or the one running application the invite names."""
    if app_id is not None:
        return uow.applications.get(app_id), None
    summary, domains = invite_words(invite)
    running = [a for a in uow.applications.all() if a.status.is_open]
    named = [a for a in running if names_company(a.company, summary, domains)]
    if len(named) == 1:
        (app,) = named
        return app, f"application {app.id} ({app.company}, {app.role_title}): the invite names it"
    if not named:
        raise InvalidInputError(
            "the invite names no running application's company; say which application it is for",
            cli_hint="give --app ID (see `nextround app list`)",
        )
    which = ", ".join(f"{a.id} ({a.company}, {a.role_title})" for a in named)
    raise InvalidInputError(
        f"the invite could be for applications {which}; say which",
        cli_hint="give --app ID",
    )

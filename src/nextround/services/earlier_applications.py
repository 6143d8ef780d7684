"""What happened at a company before: the earlier applications there, for every view."""

from __future__ import annotations

from nextround.domain.earlier_applications import (
    EarlierApplication,
    company_key,
    earlier_at_company,
    earlier_than,
    last_time_line,
)
from nextround.services.frameworks import active_framework
from nextround.services.ports import ApplicationQuery, GrowthUnitOfWork
from nextround.services.profile import gather_evidence


def earlier_applications(uow: GrowthUnitOfWork, app_id: int) -> list[EarlierApplication]:
    """The earlier applications at the same company as ``app_id``, oldest first.

    The one read behind `app show`, `timeline`, the web page and `report app`; `app add`
    names the latest. Reads only the applications at that company.
    """
    app = uow.applications.get(app_id)
    found = uow.applications.facts(ApplicationQuery(company=app.company))
    ids = [f.id for f in found if company_key(f.company) == company_key(app.company)]
    others = [uow.applications.get(i) for i in ids if i != app_id]
    others = [o for o in others if earlier_than(app, o)]
    if not others:
        return []
    framework = active_framework(uow)
    evidence = {o.id: gather_evidence(uow, framework, o.id) for o in others if o.id is not None}
    contacts = {i: uow.contacts.list(i) for i in [app_id, *evidence]}
    return earlier_at_company(app, others, evidence, contacts, framework)


def said_last_time(uow: GrowthUnitOfWork, app_id: int) -> str | None:
    """What the company of ``app_id`` said in the latest earlier process there, in one line.

    For the week's plan before an interview there: the gaps (and strengths) it named, and
    which of those gaps others have called strengths since it ended. None when nothing was
    named, or there was no earlier process.
    """
    earlier = [e for e in earlier_applications(uow, app_id) if e.gaps or e.strengths]
    if not earlier:
        return None
    ended = earlier[-1].decided_on or earlier[-1].applied_on
    framework = active_framework(uow)
    since = [e for e in gather_evidence(uow, framework) if e.observed_on > ended]
    return last_time_line(earlier, since, framework)

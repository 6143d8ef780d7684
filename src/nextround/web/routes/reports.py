"""Report downloads: the profile report and each application's report, as HTML or PDF."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from nextround.errors import InvalidInputError, NotFoundError
from nextround.reports.render import (
    Paper,
    ReportFormat,
    application_html,
    profile_html,
    render,
    slug,
)
from nextround.services.reports import ApplicationReport, ProfileReport
from nextround.services.reports import application_report as gather_application
from nextround.services.reports import profile_report as gather_profile
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import Web, WebDep

router = APIRouter()

_MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def attachment(web: Web, body: bytes, media_type: str, stem: str, suffix: str) -> Response:
    """A file to download, named after today."""
    day = web.nextround.clock().astimezone().date().isoformat()
    return Response(
        body,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{stem}-{day}.{suffix}"'},
    )


def _paper(paper: str) -> Paper:
    try:
        return Paper(paper.lower())
    except ValueError:
        raise InvalidInputError(f"paper {paper!r} is not one of: a4, letter") from None


def _format(fmt: str) -> ReportFormat:
    if fmt not in _MEDIA:
        raise NotFoundError("report format", fmt, "use .html or .pdf")
    return ReportFormat(fmt)


@router.get("/reports/profile.{fmt}")
def profile_report(fmt: str, web: WebDep, paper: str = "a4") -> Response:
    """Spikes, recurring gaps, calibration, trend and the plan, as a file."""
    kind, size = _format(fmt), _paper(paper)
    settings = web.nextround.settings

    def load(uow: SqlUnitOfWork) -> ProfileReport:
        return gather_profile(uow, settings.half_life_days, settings.story_budget_seconds)

    body = render(profile_html(web.read(load), size), kind)
    return attachment(web, body, _MEDIA[kind], "nextround-profile", kind)


@router.get("/applications/{app_id}/report.{fmt}")
def application_report(app_id: int, fmt: str, web: WebDep, paper: str = "a4") -> Response:
    """One process's report, as a file."""
    kind, size = _format(fmt), _paper(paper)
    half_life = web.nextround.settings.half_life_days

    def load(uow: SqlUnitOfWork) -> ApplicationReport:
        return gather_application(uow, app_id, half_life)

    report = web.read(load)
    body = render(application_html(report, size), kind)
    stem = f"nextround-app-{app_id}-{slug(report.application.company)}"
    return attachment(web, body, _MEDIA[kind], stem, kind)

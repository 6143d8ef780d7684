"""One router per feature; the app includes them in this order."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from nextround.web.deps import Web
from nextround.web.routes import (
    applications,
    dashboard,
    data,
    detail,
    lifecycle,
    notes,
    people,
    process,
    reports,
)

ROUTERS: tuple[APIRouter, ...] = (
    dashboard.router,
    applications.router,
    detail.router,
    lifecycle.router,
    process.router,
    people.router,
    data.router,
    notes.router,
    reports.router,
)


def warm_up(app: FastAPI) -> None:
    """Build the expensive read models before the first visitor asks for them."""
    web = Web(app.state)
    dashboard.dashboard_view(web)
    applications.default_listing(web)

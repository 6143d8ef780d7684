"""One router per feature; the app includes them in this order."""

from __future__ import annotations

import gc
import time

from fastapi import APIRouter, FastAPI

from nextround.services.warmup import warm_mapper
from nextround.web.deps import Web
from nextround.web.growth_reads import profile_view, this_week
from nextround.web.routes import (
    application_import,
    applications,
    contacts,
    dashboard,
    data,
    debriefs,
    detail,
    feedback,
    feedback_entry,
    feedback_items,
    frameworks,
    invites,
    lifecycle,
    notes,
    options,
    people,
    plan,
    process,
    profile,
    reports,
    resume,
    stories,
)

#: Printed (stderr) once the server is warm; the load benchmark waits for it.
WARM_MESSAGE = "Warmed up: pages, profile and mapper ready"

ROUTERS: tuple[APIRouter, ...] = (
    dashboard.router,
    applications.router,
    invites.router,
    detail.router,
    lifecycle.router,
    process.router,
    people.router,
    contacts.router,
    feedback_entry.router,
    debriefs.router,
    feedback.router,
    feedback_items.router,
    profile.router,
    plan.router,
    stories.router,
    frameworks.router,
    data.router,
    application_import.router,
    resume.router,
    notes.router,
    options.router,
    reports.router,
)


def warm_up(app: FastAPI) -> None:
    """Build the expensive read models before the first visitor asks for them.

    Last, the mapper: it may load the semantic model and embed the framework, which takes
    seconds on a fresh database and should be done before the first feedback is previewed.
    """
    began = time.perf_counter()
    web = Web(app.state)
    dashboard.dashboard_view(web)
    applications.default_listing(web)
    profile_view(web)
    this_week(web)
    nextround = web.nextround
    try:
        # The model loads before the unit of work begins: it would otherwise hold the
        # database's write lock while it loads, and a command writing meanwhile would wait.
        nextround.package_vectors  # noqa: B018 - loads the embedder too
        with nextround.uow() as uow:
            warm_mapper(uow, lambda framework: nextround.mapper(uow, framework))
        nextround.checkpoint()  # the framework's embeddings, cached on first use
    except Exception as exc:  # a cold mapper only makes the first preview slow
        nextround.progress(f"The mapper was not warmed up ({exc}); it loads on first use.")
    # What is alive now (modules, templates, the warm read models) lives as long as the
    # server: keep it out of the garbage collector's full passes, which otherwise walk it
    # again and again while pages are rendered.
    gc.collect()
    gc.freeze()
    nextround.progress(f"{WARM_MESSAGE} in {time.perf_counter() - began:.1f} s")

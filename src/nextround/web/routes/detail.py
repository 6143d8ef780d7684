"""The application page: the timeline and every form for the process, in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter
from markupsafe import Markup
from starlette.responses import Response

from nextround.domain.contacts import ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    WorkMode,
)
from nextround.errors import DomainError, InvalidInputError
from nextround.services.contacts import list_contacts
from nextround.services.feedback import list_feedback
from nextround.services.overview import timeline
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import Web, WebDep
from nextround.web.forms import ErrorRoutes, FormBook, FormReader, FormState
from nextround.web.journey_charts import process_chart

router = APIRouter()

T = TypeVar("T")

#: The choices each select offers, by field; passed to every render of the page.
CHOICES: dict[str, list[Any]] = {
    "sources": list(Source),
    "work_modes": list(WorkMode),
    "round_kinds": list(RoundKind),
    "round_modes": list(RoundMode),
    "round_outcomes": list(RoundOutcome),
    "interview_formats": list(InterviewFormat),
    "outcomes": list(Outcome),
    "closing_outcomes": [Outcome.NO_RESPONSE, Outcome.REJECTION, Outcome.WITHDRAWAL],
    "offer_responses": list(OfferResponse),
    "feedback_sources": list(FeedbackSource),
    "contact_roles": list(ContactRole),
}


def render_detail(
    web: Web, app_id: int, failed: FormState | None = None, status: int = 200
) -> Response:
    """The application page; ``failed`` is re-shown open, with its errors and the input kept."""

    def load(uow: SqlUnitOfWork) -> tuple[Any, ...]:
        app, events = timeline(uow, app_id)
        return app, events, list_feedback(uow, app_id), list_contacts(uow, app_id)

    app, events, feedback, contacts = web.read(load)
    today = web.nextround.clock().astimezone().date()
    chart = Markup(process_chart(app, today))  # the chart escapes its own text
    context = {
        "app": app,
        "events": events,
        "feedback": feedback,
        "contacts": contacts,
        "chart": chart,
        "jf": jf,
        "alerts": [],
        **CHOICES,
    }
    forms = FormBook(failed)
    response = web.page("application.html", status, forms=forms, **context)
    if forms.failed_unseen:
        # The form that failed is not offered in the application's current state (e.g. a
        # close on a closed process): say why at the top instead of losing the message.
        context["alerts"] = forms.messages()
        response = web.page("application.html", status, forms=FormBook(), **context)
    return response


@router.get("/applications/{app_id}")
def application_page(app_id: int, web: WebDep) -> Response:
    """One application: its timeline, rounds, interviews, decision, feedback and people."""
    return render_detail(web, app_id)


def submit(
    web: Web,
    app_id: int | Callable[[], int],
    reader: FormReader,
    payload: T,
    *,
    run: Callable[[SqlUnitOfWork, T], Any],
    routes: ErrorRoutes,
    done: Callable[[Any], tuple[str, str]],
) -> Response:
    """Run a form's use case; on success redirect with (anchor, message), else re-show the form.

    ``app_id`` may be a function, for forms addressed by a round or interview id: it is only
    looked up when the page has to be shown again.
    """
    if reader.ok:
        try:
            result = web.write(lambda uow: run(uow, payload))
        except (DomainError, InvalidInputError) as exc:
            reader.explain(exc, routes)
        else:
            anchor, message = done(result)
            target = app_id() if callable(app_id) else app_id
            return web.redirect(f"/applications/{target}#{anchor}", message)
    target = app_id() if callable(app_id) else app_id
    return render_detail(web, target, reader.state, 422)

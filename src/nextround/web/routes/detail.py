"""The application page: the timeline and every form for the process, in one place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from fastapi import APIRouter
from markupsafe import Markup
from starlette.responses import RedirectResponse, Response

from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    DEFAULT_ROUND_KIND,
    Application,
    Interview,
    InterviewFormat,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    WorkMode,
)
from nextround.errors import DomainError, InvalidInputError, NotFoundError
from nextround.services.application_growth import ApplicationGrowth, application_growth
from nextround.services.application_removal import ApplicationRemoval, application_removal
from nextround.services.applications import get_application
from nextround.services.contacts import get_contact, list_contacts
from nextround.services.earlier_applications import earlier_applications
from nextround.services.feedback import list_feedback
from nextround.services.interviewers import unlinked_interviewers
from nextround.services.overview import timeline
from nextround.services.process_removal import (
    InterviewRemoval,
    RoundRemoval,
    interview_removal,
    round_removal,
)
from nextround.store.uow import SqlUnitOfWork
from nextround.web import growth_forms as gf
from nextround.web import journey_forms as jf
from nextround.web.deps import Web, WebDep
from nextround.web.feedback_forms import FeedbackEntry
from nextround.web.forms import ErrorRoutes, FormBook, FormReader, FormState
from nextround.web.journey_charts import PHONE_WIDTH, process_chart
from nextround.web.next_steps import next_steps

router = APIRouter()

T = TypeVar("T")

#: The choices each select offers, by field; passed to every render of the page.
CHOICES: dict[str, Any] = {
    "sources": list(Source),
    "work_modes": list(WorkMode),
    "round_kinds": list(RoundKind),
    # The same kind the command line gives a round added without --kind.
    "default_round_kind": DEFAULT_ROUND_KIND.value,
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
    web: Web,
    app_id: int,
    failed: FormState | None = None,
    status: int = 200,
    wanted: str | None = None,
    entry: FeedbackEntry | None = None,
) -> Response:
    """The application page; ``failed`` is re-shown open, with its errors and the input kept.

    ``entry`` is feedback being entered: its statements with their suggested competencies.
    """

    def load(uow: SqlUnitOfWork) -> tuple[Any, ...]:
        # Held here so the session's identity map (weak references) keeps it for the calls
        # below, which would otherwise load the whole application again.
        app = get_application(uow, app_id)
        feedback = list_feedback(uow, app_id)
        growth = application_growth(uow, app, feedback)
        _, events = timeline(uow, app_id, feedback, growth.debriefs)
        steps = next_steps(uow, app_id)
        earlier = earlier_applications(uow, app_id)
        return app, events, feedback, list_contacts(uow, app_id), growth, steps, earlier

    app, events, feedback, contacts, growth, steps, earlier = web.read(load)
    now = web.nextround.clock()
    today = now.astimezone().date()
    chart = Markup(process_chart(app, today))  # the chart escapes its own text
    phone_chart = Markup(process_chart(app, today, width=PHONE_WIDTH))
    context = {
        "app": app,
        "events": events,
        "feedback": feedback,
        "contacts": contacts,
        # Interviewers recorded before they became people of their own accord.
        "waiting_people": unlinked_interviewers(app),
        "chart": chart,
        "phone_chart": phone_chart,
        "next_steps": steps,
        # The earlier applications at the same company (application/_earlier.html).
        "earlier": earlier,
        "jf": jf,
        "gf": gf,
        "growth": growth,
        "entry": entry,
        # What the close and decision forms offer to call off with the decision.
        "to_come": _to_come(app, today, now),
        "alerts": [],
        "typed": [],
        **CHOICES,
    }
    forms = FormBook(failed, wanted)
    context["removals"] = _removals(web, app_id, failed.key if failed else wanted)
    response = web.page("application.html", status, forms=forms, **context)
    if forms.failed_unseen:
        # The form that failed is not offered in the application's current state (e.g. a
        # close on a closed process): say why at the top instead of losing the message.
        context["alerts"] = forms.messages()
        context["typed"] = forms.typed()
        response = web.page("application.html", status, forms=FormBook(), **context)
    return response


def _to_come(app: Application, today: date, now: datetime) -> str:
    """What calling off would cancel today, in words ("" when nothing is still to come)."""
    interviews, rounds = app.still_to_come(today, now)
    named = [i.named() for i in interviews]
    named += [f"round {r.position} ({r.name}, from {r.started_on})" for r in rounds]
    return "; ".join(named)


@router.get("/applications/{app_id}")
def application_page(app_id: int, web: WebDep, form: str | None = None) -> Response:
    """One application: its timeline, rounds, interviews, decision, feedback and people.

    ``?form=KEY`` renders that round or interview form open (the no-JavaScript way to reach
    the forms htmx otherwise loads on demand).
    """
    if form is not None:
        return render_detail(web, app_id, wanted=form)
    return web.shared_page(("detail", app_id), lambda: render_detail(web, app_id))


#: Forms addressed by a round or interview id (or position), and the application's own.
_NUMBERED_FORMS = (
    "interview",
    "round",
    "new-interview",
    "debrief",
    "delete-round",
    "delete-interview",
)
_APPLICATION_FORMS = (
    "new-round",
    "reopen",
    "close",
    "decision",
    "delete-decision",
    "feedback",
    "contact",
    "edit-app",
    "delete",
)
#: Forms addressed by the id of one of the application's people.
_PERSON_FORMS = ("edit-contact", "delete-contact")


@router.get("/applications/{app_id}/forms/{key}")
def form_fragment(app_id: int, key: str, web: WebDep) -> Response:
    """One form of the page, for htmx to put in its disclosure when it opens."""
    kind, _, ident = key.rpartition("-")
    if key in _APPLICATION_FORMS:
        kind, ident = key, ""
    elif kind not in (*_NUMBERED_FORMS, *_PERSON_FORMS) or not ident.isdigit():
        raise NotFoundError("form", key)
    if not web.htmx():
        return RedirectResponse(f"/applications/{app_id}?form={key}", status_code=303)

    def load(uow: SqlUnitOfWork) -> tuple[Application, ApplicationGrowth, Contact | None]:
        app = get_application(uow, app_id)
        person = get_contact(uow, int(ident), app_id) if kind in _PERSON_FORMS else None
        return app, application_growth(uow, app, []), person

    app, growth, person = web.read(load)
    round_, interview = _form_subject(app, kind, ident)
    return form_fragment_response(
        web,
        app,
        growth,
        kind,
        FormBook(),
        round_,
        interview,
        person=person,
        removals=_removals(web, app_id, key),
    )


#: What a delete form's confirmation says goes and stays, by the form's key.
Removals = dict[str, ApplicationRemoval | RoundRemoval | InterviewRemoval]


def _removals(web: Web, app_id: int, key: str | None) -> Removals:
    """What deleting the application, a round or an interview would do, for form ``key``.

    Only a delete form shown in full needs it: its confirmation names what goes with the
    record (debriefs, draft thank-you notes quoting them) and what is kept, as the command
    line's question does.
    """
    kind, _, ident = (key or "").rpartition("-")
    if key == "delete":
        return {key: web.read(lambda uow: application_removal(uow, app_id))}
    if kind not in ("delete-round", "delete-interview") or not ident.isdigit():
        return {}
    number = int(ident)

    def load(uow: SqlUnitOfWork) -> RoundRemoval | InterviewRemoval:
        if kind == "delete-round":
            removal: RoundRemoval | InterviewRemoval = round_removal(uow, number)
        else:
            removal = interview_removal(uow, number)
        return removal

    try:
        removal = web.read(load)
    except NotFoundError:  # gone since the page was shown: the form says its plain hint
        return {}
    if removal.application.id != app_id:  # not this application's: nor is its form here
        return {}
    return {f"{kind}-{number}": removal}


def form_fragment_response(
    web: Web,
    app: Application,
    growth: ApplicationGrowth,
    kind: str,
    forms: FormBook,
    round_: Round | None = None,
    interview: Interview | None = None,
    entry: FeedbackEntry | None = None,
    status: int = 200,
    person: Contact | None = None,
    removals: Removals | None = None,
) -> Response:
    """One form of the application page, for htmx."""
    now = web.nextround.clock()
    return web.fragment(
        "application/form_fragment.html",
        "form",
        status,
        app=app,
        round=round_,
        interview=interview,
        person=person,
        removals=removals or {},
        kind=kind,
        forms=forms,
        jf=jf,
        gf=gf,
        growth=growth,
        entry=entry,
        to_come=_to_come(app, now.astimezone().date(), now),
        **CHOICES,
    )


def _form_subject(app: Application, kind: str, ident: str) -> tuple[Round | None, Interview | None]:
    """The round and interview a numbered form is about (NotFoundError if there is none)."""
    if kind not in _NUMBERED_FORMS:
        return None, None
    number = int(ident)
    if kind in ("interview", "debrief", "delete-interview"):
        pairs = [(r, i) for r in app.rounds for i in r.interviews if i.id == number]
        if not pairs:
            raise NotFoundError("interview", number)
        return pairs[0]
    round_ = next((r for r in app.rounds if r.id == number), None)
    if round_ is None:
        raise NotFoundError("round", number)
    return round_, None


def submit(
    web: Web,
    app_id: int | Callable[[], int],
    reader: FormReader,
    payload: T,
    *,
    run: Callable[[SqlUnitOfWork, T], Any],
    routes: ErrorRoutes,
    done: Callable[[Any], tuple[str, str]],
    warn: Callable[[Any], str | None] = lambda _: None,
    links: Callable[[Any], tuple[tuple[str, str, str, str], ...]] = lambda _: (),
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
            return web.redirect(
                f"/applications/{target}#{anchor}", message, warn(result), links(result)
            )
    target = app_id() if callable(app_id) else app_id
    return render_detail(web, target, reader.state, 422)

"""Feedback as received and the people met along the way, added from the application page."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from nextround.services.contacts import add_contact
from nextround.services.feedback import add_feedback
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, WebDep
from nextround.web.forms import FormReader
from nextround.web.routes.detail import submit

router = APIRouter()


@router.post("/applications/{app_id}/feedback")
def new_feedback(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Store feedback exactly as received, tied to the application (and a round or interview)."""
    reader = FormReader("feedback", form)
    kwargs = jf.read_feedback(reader)
    # An interview pins the round too, so the round is only passed on its own.
    if kwargs["interview_id"] is not None:
        kwargs["round_position"] = None
    return submit(
        web, app_id, reader, kwargs,
        lambda uow, k: add_feedback(
            uow, k.pop("text"), k.pop("source"),
            application_id=app_id, **k,
        ),
        jf.FEEDBACK_ERRORS,
        lambda item: (f"feedback-{item.id}", "Saved the feedback, word for word."),
    )


@router.post("/applications/{app_id}/contacts")
def new_contact(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Add a person tied to this application."""
    reader = FormReader("contact", form)
    kwargs = jf.read_contact(reader)
    return submit(
        web, app_id, reader, kwargs,
        lambda uow, k: add_contact(uow, k.pop("name"), k.pop("role"), application_id=app_id, **k),
        jf.CONTACT_ERRORS,
        lambda contact: ("people", f"Added {contact.name}."),
    )

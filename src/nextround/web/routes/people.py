"""Feedback as received and the people met along the way, added from the application page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.contacts import Contact
from nextround.domain.feedback import Feedback
from nextround.services.contacts import add_contact
from nextround.services.feedback import add_feedback
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, WebDep
from nextround.web.forms import FormReader
from nextround.web.routes.detail import submit

router = APIRouter()


@router.post("/applications/{app_id}/feedback")
def new_feedback(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Store feedback exactly as received, tied to the application (and a round or interview)."""
    reader = FormReader("feedback", form)
    fields = jf.read_feedback(reader)
    # An interview pins its round too, so a round is only passed on its own.
    if fields["interview_id"] is not None:
        fields["round_position"] = None

    def save(uow: SqlUnitOfWork, f: dict[str, Any]) -> Feedback:
        extra = {k: v for k, v in f.items() if k not in ("text", "source")}
        return add_feedback(uow, f["text"], f["source"], application_id=app_id, **extra)

    return submit(
        web,
        app_id,
        reader,
        fields,
        run=save,
        routes=jf.FEEDBACK_ERRORS,
        done=lambda item: (f"feedback-{item.id}", "Saved the feedback, word for word."),
    )


@router.post("/applications/{app_id}/contacts")
def new_contact(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Add a person tied to this application."""
    reader = FormReader("contact", form)
    fields = jf.read_contact(reader)

    def save(uow: SqlUnitOfWork, f: dict[str, Any]) -> Contact:
        extra = {k: v for k, v in f.items() if k not in ("name", "role")}
        return add_contact(uow, f["name"], f["role"], application_id=app_id, **extra)

    return submit(
        web,
        app_id,
        reader,
        fields,
        run=save,
        routes=jf.CONTACT_ERRORS,
        done=lambda contact: ("people", f"Added {contact.name}."),
    )

"""The people met along the way, added from the application page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.contacts import Contact
from nextround.services.contacts import add_contact
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, WebDep
from nextround.web.forms import FormReader
from nextround.web.routes.detail import submit

router = APIRouter()


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

"""The people met along the way: added, corrected and removed on the application page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.contacts import Contact
from nextround.services.contacts import (
    AddedPerson,
    ContactFields,
    RemovedContact,
    add_person,
    already_on_record,
    edit_contact,
    get_contact,
    namesakes,
    remove_contact,
)
from nextround.services.interviewers import adopt_interviewers
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, WebDep
from nextround.web.forms import FormReader
from nextround.web.routes.detail import render_detail, submit

router = APIRouter()

#: A contact's fields as a sentence names them.
FIELD_NAMES = {"email": "email address", "phone": "phone number"}

#: An edit that changes nothing: said, not saved (here and on the person's page).
NOTHING_TO_CHANGE = "Nothing to change: it already says so."


def saved_message(person: Contact, changes: ContactFields) -> str:
    """What an edit of a person says once saved, wherever it was made."""
    named = sorted("application" if k == "application_id" else k for k in changes)
    return f"Saved {person.name}: {', '.join(named)}."


def removed_message(removed: RemovedContact) -> str:
    """What removing a person says, with the interviews and notes that still name them."""
    named = f"; {removed.still_named}" if removed.still_named else ""
    return f"Removed {removed.contact.name}{named}."


@router.post("/applications/{app_id}/contacts")
def new_contact(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Add a person tied to this application."""
    reader = FormReader("contact", form)
    fields = jf.read_contact(reader)

    def save(uow: SqlUnitOfWork, f: dict[str, Any]) -> tuple[AddedPerson, str | None]:
        extra = {k: v for k, v in f.items() if k not in ("name", "role")}
        added = add_person(uow, f["name"], f["role"], application_id=app_id, **extra)
        contact = added.contact
        return added, already_on_record(namesakes(uow, contact), contact)

    def done(saved: tuple[AddedPerson, str | None]) -> tuple[str, str]:
        added = saved[0]
        if not added.completed:
            return "people", f"Added {added.contact.name}."
        # Named on an interview, so among the people already: one record, completed.
        fields = ", ".join(FIELD_NAMES.get(f, f) for f in added.completed)
        return (
            f"contact-{added.contact.id}",
            f"{added.contact.name} was here already, named on an interview; saved the {fields}.",
        )

    return submit(
        web,
        app_id,
        reader,
        fields,
        run=save,
        routes=jf.CONTACT_ERRORS,
        done=done,
        # Two records of one person would greet them twice in a thank-you note.
        warn=lambda added: added[1] and f"{added[1]}. If it was a slip, remove the new one.",
    )


@router.post("/applications/{app_id}/contacts/from-interviews")
def people_from_interviews(app_id: int, web: WebDep) -> Response:
    """Add the interviewers named on the application's interviews to its people."""
    added = web.write(lambda uow: adopt_interviewers(uow, app_id))
    names = ", ".join(c.name for c in added)
    said = f"Added to People: {names}." if added else "Everyone named is among its people."
    return web.redirect(f"/applications/{app_id}#people", said)


@router.post("/applications/{app_id}/contacts/{contact_id}")
def edit_person(app_id: int, contact_id: int, web: WebDep, form: FormDep) -> Response:
    """Correct a person's details; an emptied field is cleared."""
    person = web.read(lambda uow: get_contact(uow, contact_id, app_id))
    reader = FormReader(f"edit-contact-{contact_id}", form)
    changes = jf.read_contact_changes(reader, person)
    if reader.ok and not changes:
        return web.redirect(f"/applications/{app_id}#contact-{contact_id}", NOTHING_TO_CHANGE)
    return submit(
        web,
        app_id,
        reader,
        changes,
        run=lambda uow, c: edit_contact(uow, contact_id, c),
        routes=jf.CONTACT_ERRORS,
        done=lambda saved: (f"contact-{contact_id}", saved_message(saved, changes)),
    )


@router.post("/applications/{app_id}/contacts/{contact_id}/delete")
def delete_person(app_id: int, contact_id: int, web: WebDep, form: FormDep) -> Response:
    """Remove a person added twice or by mistake, after an explicit confirmation.

    Interviews and notes that name them keep the name, without the link.
    """
    web.read(lambda uow: get_contact(uow, contact_id, app_id))
    reader = FormReader(f"delete-contact-{contact_id}", form)
    if not reader.confirmed("removing"):
        return render_detail(web, app_id, reader.state, 422)
    removed = web.write(lambda uow: remove_contact(uow, contact_id))
    return web.redirect(f"/applications/{app_id}#people", removed_message(removed))

"""The People page: everyone met across applications, and each person's own page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Application
from nextround.errors import DomainError, InvalidInputError, NotFoundError
from nextround.services.contact_list import (
    ORDER_LABELS,
    PeopleOrder,
    PeopleQuery,
    people_list,
)
from nextround.services.contacts import (
    application_choices,
    contact_record,
    edit_contact,
    get_contact,
    remove_contact,
)
from nextround.services.interviewers import adopt_interviewers, waiting_interviewers
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormBook, FormReader, FormState
from nextround.web.routes.people import NOTHING_TO_CHANGE, removed_message, saved_message

router = APIRouter()

_FILTERS = ("q", "company", "role", "sort")


def read_filters(web: Web) -> tuple[FormReader, PeopleQuery, PeopleOrder]:
    """The filters from the address; a bad one is reported next to its field and ignored."""
    reader = FormReader("filter", web.request.query_params)
    query = PeopleQuery(
        text=reader.text("q"),
        company=reader.text("company"),
        role=reader.choice("role", ContactRole),
    )
    order = reader.choice("sort", PeopleOrder, default=PeopleOrder.COMPANY) or PeopleOrder.COMPANY
    return reader, query, order


def render_people(web: Web) -> Response:
    """The People page: everyone, filtered, by company or most recent contact first."""
    filters, query, order = read_filters(web)

    def load(uow: SqlUnitOfWork) -> tuple[Any, ...]:
        return people_list(uow, query, order), waiting_interviewers(uow)

    listed, waiting = web.read(load)
    names = sorted({n for found in waiting.values() for n in found}, key=str.casefold)
    return web.page(
        "contacts.html",
        filters=filters.state,
        listed=listed,
        order=order.value,
        filtered=any(filters.raw(k) for k in _FILTERS),
        waiting=names,
        companies=[(c, c) for c in listed.companies],
        contact_roles=list(ContactRole),
        jf=jf,
        sort_options=[(o.value, text) for o, text in ORDER_LABELS.items()],
    )


@router.get("/contacts")
def people_page(web: WebDep) -> Response:
    """Everyone met along the way, across applications."""
    return web.shared_page(("contacts", web.request.url.query), lambda: render_people(web))


@router.post("/contacts/from-interviews")
def people_from_interviews(web: WebDep) -> Response:
    """Add the interviewers named on any application's interviews to the people."""
    added = web.write(adopt_interviewers)
    names = ", ".join(c.name for c in added)
    said = (
        f"Added to People: {names}."
        if added
        else "Every interviewer named on an interview is among the people already."
    )
    return web.redirect("/contacts", said)


def render_person(
    web: Web, contact_id: int, failed: FormState | None = None, status: int = 200
) -> Response:
    """One person's page; ``failed`` is a refused edit or removal, shown open with its errors."""

    def load(uow: SqlUnitOfWork) -> tuple[Any, Application | None, list[tuple[int, str]]]:
        record = contact_record(uow, contact_id)
        app_id = record.contact.application_id
        app = uow.applications.get(app_id) if app_id is not None else None
        return record, app, application_choices(uow)

    record, app, applications = web.read(load)
    return web.page(
        "contact.html",
        status,
        record=record,
        person=record.contact,
        app=app,
        forms=FormBook(failed),
        jf=jf,
        contact_roles=list(ContactRole),
        applications=applications,
    )


@router.get("/contacts/{contact_id}")
def person_page(contact_id: int, web: WebDep) -> Response:
    """One person: their details, the interviews they were on, the notes written to them."""
    return web.shared_page(("contact", contact_id), lambda: render_person(web, contact_id))


@router.post("/contacts/{contact_id}")
def edit_person(contact_id: int, web: WebDep, form: FormDep) -> Response:
    """Correct a person's details; the same form and rules as on the application page."""
    person = web.read(lambda uow: get_contact(uow, contact_id))
    reader = FormReader(f"edit-contact-{contact_id}", form)
    changes = jf.read_contact_changes(reader, person)
    if reader.ok and not changes:
        return web.redirect(f"/contacts/{contact_id}", NOTHING_TO_CHANGE)
    if reader.ok:
        try:
            saved = web.write(lambda uow: edit_contact(uow, contact_id, changes))
        except (DomainError, InvalidInputError, NotFoundError) as exc:
            # Not found here is the application chosen (the person was read above).
            reader.explain(exc, jf.CONTACT_ERRORS)
        else:
            return web.redirect(f"/contacts/{contact_id}", saved_message(saved, changes))
    return render_person(web, contact_id, reader.state, 422)


@router.post("/contacts/{contact_id}/delete")
def delete_person(contact_id: int, web: WebDep, form: FormDep) -> Response:
    """Remove a person added twice or by mistake, after an explicit confirmation."""
    web.read(lambda uow: get_contact(uow, contact_id))
    reader = FormReader(f"delete-contact-{contact_id}", form)
    if not reader.confirmed("removing"):
        return render_person(web, contact_id, reader.state, 422)
    removed = web.write(lambda uow: remove_contact(uow, contact_id))
    return web.redirect("/contacts", removed_message(removed))

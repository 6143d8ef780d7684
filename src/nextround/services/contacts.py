"""Use cases for contacts: the people met along the way."""

from __future__ import annotations

from nextround.domain.contacts import Contact, ContactRole
from nextround.services.ports import UnitOfWork
from nextround.services.stamps import touch


def add_contact(
    uow: UnitOfWork,
    name: str,
    role: ContactRole = ContactRole.OTHER,
    *,
    company: str | None = None,
    title: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    notes: str | None = None,
    application_id: int | None = None,
) -> Contact:
    """Record a person, optionally tied to an application."""
    if application_id is not None:
        app = uow.applications.get(application_id)
        company = company or app.company
    contact = Contact(
        name=name,
        role=role,
        company=company,
        title=title,
        email=email,
        phone=phone,
        notes=notes,
        application_id=application_id,
    )
    contact.check()
    touch(uow.now(), contact)
    uow.contacts.add(contact)
    uow.commit()
    return contact


def list_contacts(uow: UnitOfWork, application_id: int | None = None) -> list[Contact]:
    """Everyone, or the people of one application."""
    if application_id is not None:
        uow.applications.get(application_id)
    return uow.contacts.list(application_id)

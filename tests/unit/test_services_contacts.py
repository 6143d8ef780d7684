"""Contact use cases on the in-memory fakes."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.contacts import ContactRole
from nextround.errors import DomainError, NotFoundError
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact, list_contacts


def test_contact_of_an_application_takes_its_company(uow):
    with uow:
        app = add_application(
            uow, {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2025, 5, 6)}
        )
        maya = add_contact(uow, "Maya", ContactRole.TALENT_ACQUISITION, application_id=app.id)
        sam = add_contact(uow, "Sam", ContactRole.MENTOR, company="Elsewhere")
    assert (maya.id, maya.company, maya.application_id) == (1, "Tempoline", app.id)
    assert (sam.company, sam.application_id) == ("Elsewhere", None)
    with uow:
        assert [c.name for c in list_contacts(uow)] == ["Maya", "Sam"]
        assert [c.name for c in list_contacts(uow, app.id)] == ["Maya"]


def test_refused_contacts_write_nothing(uow):
    with uow, pytest.raises(NotFoundError, match="no application with id 4"):
        add_contact(uow, "Maya", application_id=4)
    with uow, pytest.raises(DomainError, match=r"not an address like name@example\.com"):
        add_contact(uow, "Maya", email="maya-at-example")
    assert uow.stored.contacts == {}
    assert not uow.committed
    with uow, pytest.raises(NotFoundError):
        list_contacts(uow, 4)

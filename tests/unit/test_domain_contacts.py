"""Contacts: names, emails and the free fields around them."""

import pytest

from nextround.domain.contacts import Contact, ContactRole
from nextround.errors import DomainError


def test_contact_fields_are_trimmed():
    person = Contact(
        "  Maya Lindgren ", ContactRole.TALENT_ACQUISITION, email=" maya@tempoline.example "
    )
    person.check()
    assert person.name == "Maya Lindgren"
    assert person.email == "maya@tempoline.example"


@pytest.mark.parametrize("email", ["maya", "maya@", "@x.com", "maya@host", "a b@x.com"])
def test_bad_email(email):
    with pytest.raises(DomainError, match=r"is not an address like name@example\.com"):
        Contact("Maya", email=email).check()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " "}, "contact name is required"),
        ({"name": "Ma\x00ya"}, "contact name contains the control character"),
        ({"name": "Maya", "phone": "1" * 51}, "phone is 51 characters long; the limit is 50"),
        ({"name": "Maya", "title": "Le\x1fad"}, "title contains the control character"),
    ],
)
def test_bad_contact_fields(fields, message):
    with pytest.raises(DomainError, match=message):
        Contact(**fields).check()

"""People in a job search: recruiters, hiring managers, interviewers, mentors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from nextround.domain import values
from nextround.errors import DomainError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ContactRole(StrEnum):
    """What a person is to the job seeker."""

    TALENT_ACQUISITION = "talent_acquisition"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    MENTOR = "mentor"
    MANAGER = "manager"
    PEER = "peer"
    OTHER = "other"


@dataclass(eq=False)
class Contact:
    """A person, optionally tied to one application."""

    name: str
    role: ContactRole = ContactRole.OTHER
    company: str | None = None
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    notes: str | None = None
    application_id: int | None = None
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def check(self) -> None:
        """Raise DomainError unless the contact's fields are valid."""
        self.name = values.name(self.name, "contact name")
        self.company = values.text(self.company, "company", limit=values.NAME_MAX)
        self.title = values.text(self.title, "title", limit=values.NAME_MAX)
        self.phone = values.text(self.phone, "phone", limit=50)
        self.notes = values.text(self.notes, "contact notes")
        self.email = values.text(self.email, "email", limit=320)
        if self.email is not None and not _EMAIL.match(self.email):
            raise DomainError(f"email {self.email!r} is not an address like name@example.com")

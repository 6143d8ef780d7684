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


#: Titles of the people who run a process rather than judge it: "Technical Recruiter",
#: "Sourcer", "Talent Acquisition Partner". Such a person met in an interview is its recruiter.
_RECRUITING = re.compile(r"\b(?:recruit\w*|sourc(?:er|ing)|talent)\b", re.IGNORECASE)


def role_for_title(title: str | None) -> ContactRole:
    """The role of a person first met in an interview, from the title given with them.

    A title that says recruiting makes a recruiter (talent acquisition for "talent"); any
    other, an interviewer. One rule for the CLI and the web: link_interviewers asks it.
    """
    if not title or not (found := _RECRUITING.search(title)):
        return ContactRole.INTERVIEWER
    if found.group(0).lower() == "talent":
        return ContactRole.TALENT_ACQUISITION
    return ContactRole.RECRUITER


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

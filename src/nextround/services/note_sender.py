"""Who signs the thank-you notes: parsed from "Name <address>", remembered between notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parseaddr

from nextround.domain import values
from nextround.domain.text_lines import split_lines
from nextround.errors import DomainError
from nextround.services.ports import FullUnitOfWork

SENDER_KEY = "notes.sender"
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


@dataclass(frozen=True)
class Sender:
    """Who signs the notes, and the address the .eml export puts in From."""

    name: str
    email: str | None = None

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


def parse_sender(raw: str) -> Sender:
    """'Nadia Mensah <nadia@example.com>' or just 'Nadia Mensah'."""
    lines = [line for line in split_lines(raw.strip()) if line.strip()]
    if len(lines) > 1:
        # The address parser would keep the first line and drop the rest without a word.
        raise DomainError(
            f"the sender is written on {len(lines)} lines ({lines[0].strip()!r}, then "
            f"{lines[1].strip()!r}); give one line with your name and email address, e.g. "
            "'Nadia Mensah <nadia@example.com>'"
        )
    name, address = parseaddr(raw)
    if "@" not in raw and "<" not in raw:
        return Sender(values.name(raw, "sender name"))
    if not _ADDRESS.match(address):
        raise DomainError(
            f"{raw!r} is not a name with an email address; write it as 'Name <you@example.com>'"
        )
    return Sender(values.name(name or address.split("@")[0], "sender name"), address)


def get_sender(uow: FullUnitOfWork) -> Sender | None:
    """The sender saved with `note sender`, if any."""
    stored = uow.preferences.get(SENDER_KEY)
    if not isinstance(stored, dict) or not stored.get("name"):
        return None
    return Sender(str(stored["name"]), stored.get("email"))


@dataclass(frozen=True)
class Signature:
    """Who signs a note, and whether the name was only read from the imported resume."""

    sender: Sender | None
    from_resume: bool = False


def signature(uow: FullUnitOfWork, given: str | None = None) -> Signature:
    """The sender given for this note, else the one saved, else the name on the resume.

    A resume's name is the person's own, so a note signed with it is better than one ending
    "Best regards," with nothing after it; the saved sender, set on purpose, wins over it.
    """
    if given:
        return Signature(parse_sender(given))
    if saved := get_sender(uow):
        return Signature(saved)
    resume = uow.resumes.current()
    name = " ".join((resume.name or "").split()) if resume else ""
    return Signature(Sender(name), from_resume=True) if name else Signature(None)


def set_sender(uow: FullUnitOfWork, raw: str) -> Sender:
    """Remember who signs the notes."""
    sender = parse_sender(raw)
    uow.preferences.set(SENDER_KEY, {"name": sender.name, "email": sender.email}, uow.now())
    uow.commit()
    return sender

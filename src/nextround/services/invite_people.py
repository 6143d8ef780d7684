"""Who is on an invite: the interviewers it adds, your own names, and their contacts' addresses."""

from __future__ import annotations

from nextround.domain.invite_words import exported_people
from nextround.domain.journey import Interviewer
from nextround.errors import DomainError
from nextround.io.invites import Invite, InviteEvent, Person, person_name
from nextround.services.interviewers import same_name
from nextround.services.note_sender import SENDER_KEY
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch


def invite_interviewers(
    invite: Invite, event: InviteEvent, mine: set[str]
) -> tuple[list[Interviewer], dict[str, str]]:
    """The people on the invite but you, each once, and their addresses by name.

    Once by address too: Outlook lists the organiser again as a guest, under another
    spelling ("Roth, Sabine"). nextround's own export lists the people in its description.
    """
    if invite.from_nextround:
        return exported_people(event.description), {}
    people: list[Person] = [p for p in [event.organizer, *event.attendees] if p is not None]
    out: list[Interviewer] = []
    emails: dict[str, str] = {}
    seen: set[str] = set()
    for person in people:
        address = person.email.lower() if person.email and "@" in person.email else None
        if address and address in mine:
            continue
        key = same_name(person.name)
        if key and key not in seen and (address is None or address not in seen):
            seen.add(key)
            if address:
                seen.add(address)
                emails[key] = person.email or address
            out.append(Interviewer(name=person.name, title=person.title))
    return out, emails


def your_names(uow: GrowthUnitOfWork, invite: Invite, mine: set[str]) -> list[str]:
    """Your own name, to keep out of titles: as the invite shows your address, as you sign notes."""
    names = [
        p.name
        for e in invite.events
        for p in [e.organizer, *e.attendees]
        if p is not None and p.email and p.email.lower() in mine
    ]
    sender = uow.preferences.get(SENDER_KEY)
    if isinstance(sender, dict) and isinstance(sender.get("name"), str):
        names.append(person_name(sender["name"])[0])
    return [n for n in names if len(n.split()) >= 2]  # a first name alone may be anyone's


def give_emails(uow: GrowthUnitOfWork, people: list[Interviewer], emails: dict[str, str]) -> None:
    """The invite's addresses on the people's contacts that have none (never replaced)."""
    for person in people:
        address = emails.get(same_name(person.name))
        if person.contact_id is None or not address:
            continue
        contact = uow.contacts.get(person.contact_id)
        if contact.email is None:
            contact.email = address
            try:
                contact.check()
            except DomainError:
                contact.email = None  # an address the contact rules refuse is left out
                continue
            touch(uow.now(), contact)

"""Who is on an invite: the interviewers it adds, your own names, and their contacts' addresses."""

from __future__ import annotations

import re

from nextround.domain.invite_words import exported_people
from nextround.domain.journey import Interviewer
from nextround.domain.labels import words
from nextround.errors import DomainError
from nextround.io.invites import Invite, InviteEvent, Person, person_name
from nextround.services.interviewers import same_name
from nextround.services.note_sender import SENDER_KEY
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch

#: The attendee roles that take part in the meeting (RFC 5545: REQ-PARTICIPANT when not said).
_TAKES_PART = frozenset({"REQ-PARTICIPANT", "CHAIR"})


def _same_person(one: Person, other: Person) -> bool:
    """Two entries of one person: by address, or by name when either has none."""
    if one.email and other.email:
        return one.email.strip().lower() == other.email.strip().lower()
    return same_name(one.name) == same_name(other.name)


def organiser_left_out(event: InviteEvent) -> str | None:
    """Why the invite's organiser is not an interviewer ("not an attendee"), None if they are.

    Who sends an interview invite is as often a recruiter or coordinator booking other
    people's time as someone in the room, so ORGANIZER alone makes no one an interviewer:
    the organiser counts only when also on the guest list (ATTENDEE), by the rule every
    guest is judged by (``left_out_why``). Outlook lists the people asked, and the organiser
    among them only when they take part (as "Roth, Sabine", accepted); Google Calendar
    always lists the organiser as a guest too, so a Google invite's organiser counts unless
    they made themselves optional or declined: the invite says nothing more.
    """
    organiser = event.organizer
    return None if organiser is None else left_out_why(event, organiser)


def left_out_why(event: InviteEvent, person: Person) -> str | None:
    """Why someone the invite names is not an interviewer, None if they are.

    One rule for every guest, the organiser too: a person met takes part (a required
    participant or the chair, RFC 5545's default) and has not declined. An optional guest
    (ROLE=OPT-PARTICIPANT: a hiring manager copied in "if free"), one there for information
    (NON-PARTICIPANT) or one who declined is not met, so gets no thank-you note.
    A person listed twice (Outlook's "Roth, Sabine" beside the organiser) counts when any
    entry takes part and not every entry declined. Recruiters booking in Outlook mark some
    interviewers optional all the same: an optional guest the invite's text names ("you
    will meet Markus and Priya") is met.
    """
    entries = [a for a in event.attendees if _same_person(a, person)]
    if not entries:
        return "not an attendee"
    if all(a.answer == "DECLINED" for a in entries):
        return "declined the invite"
    if not any(a.role in _TAKES_PART for a in entries):
        optional = any(a.role == "OPT-PARTICIPANT" for a in entries)
        if optional and _named_in(event.description, person.name):
            return None  # "You will meet Markus and Priya": optional in Outlook, yet met
        return "an optional attendee" if optional else "not a participant"
    return None


def _named_in(text: str | None, name: str) -> bool:
    """Whether the invite's text names the person: their full name, or their first name."""
    words = name.split()
    if not text or not words:
        return False
    first = re.escape(words[0])
    return name in text or re.search(rf"(?<![\w-]){first}(?![\w-])", text) is not None


def left_out_line(
    uow: GrowthUnitOfWork, person: Person, why: str, *, organiser: bool = True
) -> str:
    """'Left out the organiser, Jana Roth (recruiter?) — not an attendee'.

    A contact on record for them (by address, else by name) says what they are, and stays
    as it is: leaving them out of the interviewers changes no contact. A guest who is not
    the organiser is no likely recruiter: only their title, if the invite gives one.
    """
    address = (person.email or "").strip().lower()
    known = [
        c
        for c in uow.contacts.list()
        if (address and (c.email or "").lower() == address)
        or same_name(c.name) == same_name(person.name)
    ]
    if known:
        contact = known[0]
        said: str | None = f"{words(contact.role).lower()}, contact {contact.id}"
    elif organiser:
        said = f"{person.title}" if person.title else "recruiter?"
    else:
        said = person.title
    who = f"the organiser, {person.name}" if organiser else person.name
    return f"Left out {who}{f' ({said})' if said else ''} — {why}"


def invite_interviewers(
    invite: Invite, event: InviteEvent, mine: set[str]
) -> tuple[list[Interviewer], dict[str, str]]:
    """The people on the invite but you, each once, and their addresses by name.

    Once by address too: Outlook lists the organiser again as a guest, under another
    spelling ("Roth, Sabine"). Each, the organiser too, only as left_out_why says.
    nextround's own export lists the people in its description.
    """
    if invite.from_nextround:
        return exported_people(event.description), {}
    people: list[Person] = [p for p in [event.organizer, *event.attendees] if p is not None]
    people = [p for p in people if left_out_why(event, p) is None]
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


def your_address(uow: GrowthUnitOfWork) -> str | None:
    """The address you sign thank-you notes with (`note sender`): you, on an invite."""
    sender = uow.preferences.get(SENDER_KEY)
    email = sender.get("email") if isinstance(sender, dict) else None
    return email.strip() if isinstance(email, str) and "@" in email else None


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

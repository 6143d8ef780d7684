"""Use cases for contacts: the people met along the way, added, corrected and removed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, TypedDict

from nextround.domain.contacts import Contact, ContactRole, role_for_title
from nextround.domain.earlier_applications import person_key
from nextround.errors import DomainError, NotFoundError
from nextround.services.ports import FactsSource, UnitOfWork
from nextround.services.stamps import touch

if TYPE_CHECKING:
    from nextround.services.ports import FullUnitOfWork


class ContactFields(TypedDict, total=False):
    """The editable fields of a contact; an empty string or None clears an optional one."""

    name: str
    role: ContactRole
    company: str | None
    title: str | None
    email: str | None
    phone: str | None
    notes: str | None
    application_id: int | None


EDITABLE = frozenset(ContactFields.__annotations__)


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
    """Record a person, optionally tied to an application (see add_person)."""
    return add_person(
        uow, name, role, company=company, title=title, email=email, phone=phone, notes=notes,
        application_id=application_id,
    ).contact  # fmt: skip


@dataclass(frozen=True)
class AddedPerson:
    """A person added, or the application's interviewer of that name, completed instead."""

    contact: Contact
    #: The fields the completed interviewer took from what was given (empty when added).
    completed: list[str]


def add_person(
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
) -> AddedPerson:
    """Record a person, optionally tied to an application.

    An interviewer named on the application's interviews is among its people already (as
    role interviewer): adding them again by name completes that contact with the role and
    details given, rather than making a second record the interviews do not point at.
    Details that disagree (another email) make a new contact: two people can share a name.
    """
    if application_id is not None:
        app = uow.applications.get(application_id)
        company = company or app.company
    given = {"company": company, "title": title, "email": email, "phone": phone, "notes": notes}
    if application_id is not None:
        twin = _interviewer_named(uow, application_id, name, given)
        if twin is not None:
            return _complete(uow, twin, role, given)
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
    if application_id is not None:
        uow.flush()  # the new id, for the interviews below
        _link_interviews(uow, application_id, contact)
    uow.commit()
    return AddedPerson(contact, [])


def _interviewer_named(
    uow: UnitOfWork, app_id: int, name: str, given: dict[str, str | None]
) -> Contact | None:
    """The application's interviewer of this name whose details do not contradict ``given``.

    Another email, phone or company says another person; a title is only words for a job.
    """
    wanted = " ".join(name.split()).casefold()
    # Named on an interview, a person became an interviewer, or a recruiter by their title
    # (role_for_title); a role changed by hand since says someone chose it.
    met = {
        (person.contact_id, role_for_title(person.title))
        for round_ in uow.applications.get(app_id).rounds
        for interview in round_.interviews
        for person in interview.interviewers
    }
    for other in uow.contacts.list(app_id):
        if other.role is not ContactRole.INTERVIEWER and (other.id, other.role) not in met:
            continue
        if " ".join(other.name.split()).casefold() != wanted:
            continue
        if all(
            given[key] is None
            or getattr(other, key) is None
            or str(getattr(other, key)).strip().casefold() == str(given[key]).strip().casefold()
            for key in _WHO
        ):
            return other
    return None


#: The details that tell two people of one name apart.
_WHO = ("email", "phone", "company")


def _complete(
    uow: UnitOfWork, contact: Contact, role: ContactRole, given: dict[str, str | None]
) -> AddedPerson:
    """Complete an interviewer from ``given``: a more telling role, and the details typed.

    An empty detail is filled; a title typed now replaces the one the interview gave;
    notes are added to any already there.
    """
    filled = []
    if role not in (ContactRole.OTHER, contact.role):
        contact.role = role
        filled.append("role")
    for key, value in given.items():
        before = getattr(contact, key)
        if value is None or (before or "").strip() == value.strip():
            continue
        if before is not None and key not in ("title", "notes"):
            continue  # the same person by _WHO: nothing else differs
        setattr(contact, key, f"{before}\n{value}" if key == "notes" and before else value)
        filled.append(key)
    contact.check()
    touch(uow.now(), contact)
    uow.commit()
    return AddedPerson(contact, filled)


def namesakes(uow: UnitOfWork, contact: Contact) -> list[Contact]:
    """Other records of what looks like the same person: same name or same address.

    On the same application, or anywhere for a contact tied to none. Adding them is allowed,
    as two people can share a name, but it is usually a slip that would greet one person
    twice in a note.
    """
    name = " ".join(contact.name.split()).casefold()
    email = (contact.email or "").strip().casefold()
    return [
        other
        for other in uow.contacts.list(contact.application_id)
        if other.id != contact.id
        and (
            " ".join(other.name.split()).casefold() == name
            or (email and (other.email or "").strip().casefold() == email)
        )
    ]


def met_before(uow: UnitOfWork, contact: Contact) -> list[Contact]:
    """The same person on record in other processes: same name at the same company.

    A job seeker who applies to a company again often meets the same people; each process
    keeps its own record of them (for its notes and interviews), and these point at each
    other. Only name and company together count: a shared name alone may be two people.
    """
    company = contact.company
    if company is None and contact.application_id is not None:
        company = uow.applications.get(contact.application_id).company
    if not company:
        return []
    wanted = person_key(contact.name, company)
    companies: dict[int, str] = {}
    found = []
    for other in uow.contacts.list(None):
        if other.id == contact.id or other.application_id == contact.application_id:
            continue
        theirs = other.company
        if theirs is None and other.application_id is not None:
            if other.application_id not in companies:
                companies[other.application_id] = uow.applications.get(other.application_id).company
            theirs = companies[other.application_id]
        if person_key(other.name, theirs) == wanted:
            found.append(other)
    return found


def met_before_note(contact: Contact, earlier: list[Contact]) -> str | None:
    """'Priya Shah: the same person as contact 1 (application 1), met in an earlier process'."""
    if not earlier:
        return None
    where = ", ".join(
        f"contact {e.id}" + (f" (application {e.application_id})" if e.application_id else "")
        for e in earlier
    )
    return (
        f"{contact.name} at {contact.company or 'this company'} is on record from another "
        f"process too: {where}. Same name at the same company: likely the same person"
    )


def already_on_record(
    twins: list[Contact], contact: Contact, application: str = "this application"
) -> str | None:
    """The warning for a contact just added who was on record already, if they were.

    ``application`` is how the surface names the contact's application.
    """
    if not twins:
        return None
    where = f"on {application}" if contact.application_id is not None else "among your contacts"
    ids = ", ".join(str(t.id) for t in twins)
    return f"{contact.name} was {where} already (contact {ids})"


def _link_interviews(uow: UnitOfWork, app_id: int, contact: Contact) -> None:
    """Link the application's interviewers of this name (and no link yet) to the person.

    Interviews are often recorded before the people in them; `process._with_people` links
    the other way round, when the person came first.
    """
    app = uow.applications.get(app_id)
    for round_ in app.rounds:
        for interview in round_.interviews:
            people = [
                replace(p, contact_id=contact.id)
                if p.contact_id is None and p.name.casefold() == contact.name.casefold()
                else p
                for p in interview.interviewers
            ]
            if people != interview.interviewers:
                interview.interviewers = people  # a new list, so the change is saved
                touch(uow.now(), interview)


def list_contacts(uow: UnitOfWork, application_id: int | None = None) -> list[Contact]:
    """Everyone, or the people of one application."""
    if application_id is not None:
        uow.applications.get(application_id)
    return uow.contacts.list(application_id)


def get_contact(uow: UnitOfWork, contact_id: int, application_id: int | None = None) -> Contact:
    """One person; with ``application_id``, only if they belong to that application."""
    contact = uow.contacts.get(contact_id)
    if application_id is not None and contact.application_id != application_id:
        raise NotFoundError(
            "contact", contact_id, f"application {application_id} has no such person"
        )
    return contact


def application_choices(source: FactsSource) -> list[tuple[int, str]]:
    """The applications a person can be moved to, newest first: (id, "Company — Role (id)")."""
    return [(f.id, f"{f.company} — {f.role_title} ({f.id})") for f in source.applications.facts()]


def edit_contact(uow: UnitOfWork, contact_id: int, changes: ContactFields) -> Contact:
    """Correct some fields of a person; the whole contact is re-checked.

    Only the contact changes. Interviews and notes keep the name (and a note the address)
    they recorded at the time, because that is what happened: a note went out to the
    address it went to, whatever the address is now. They still point at this contact by
    id, so `contact show` keeps finding them.

    Moving a person to an application while their company is unknown gives them that
    application's company, as adding them there would.
    """
    if not changes:
        raise DomainError("nothing to change; give at least one field")
    unknown = set(changes) - EDITABLE
    if unknown:
        raise DomainError(f"cannot edit {', '.join(sorted(unknown))}")
    contact = uow.contacts.get(contact_id)
    target = changes.get("application_id")
    if target is not None:
        app = uow.applications.get(target)
        if "company" not in changes and not contact.company:
            contact.company = app.company
    for key, value in changes.items():
        setattr(contact, key, value)
    contact.role = _role(contact.role)
    contact.check()
    touch(uow.now(), contact)
    uow.commit()
    return contact


def _role(value: ContactRole | str) -> ContactRole:
    try:
        return ContactRole(value)
    except ValueError:
        allowed = ", ".join(r.value for r in ContactRole)
        raise DomainError(f"role {value!r} is not one of: {allowed}") from None


@dataclass(frozen=True)
class InterviewMention:
    """An interview that names a person among its interviewers."""

    interview_id: int
    title: str
    round_name: str
    application_id: int
    company: str
    scheduled_at: datetime | None
    #: Called off before it took place: kept on record, never held.
    called_off: bool = False


@dataclass(frozen=True)
class NoteMention:
    """A thank-you note addressed to a person, and the address it was addressed to."""

    note_id: int
    subject: str
    application_id: int
    company: str
    sent_on: date | None
    email: str | None


@dataclass(frozen=True)
class ContactRecord:
    """A person with the interviews and notes that name them."""

    contact: Contact
    interviews: list[InterviewMention]
    notes: list[NoteMention]
    #: The company of the application the person belongs to, if any.
    application_company: str | None = None
    #: The same person's records in other processes (met_before).
    elsewhere: list[Contact] = dataclasses.field(default_factory=list)


def contact_record(uow: FullUnitOfWork, contact_id: int) -> ContactRecord:
    """One person, and where the record names them by their id."""
    contact = uow.contacts.get(contact_id)
    interviews = uow.applications.interviews_with_contact(contact_id)
    notes = uow.notes.addressed_to(contact_id)
    labels = uow.applications.labels(set(), {i.id for i in interviews if i.id is not None})
    companies = labels.companies
    met: list[InterviewMention] = []
    for interview in interviews:
        assert interview.id is not None
        label = labels.interviews[interview.id]
        met.append(
            InterviewMention(
                interview.id,
                label.title,
                label.round_name,
                label.application_id,
                companies.get(label.application_id, ""),
                label.scheduled_at,
                interview.called_off,
            )
        )
    written: list[NoteMention] = []
    for note in notes:
        assert note.id is not None
        email = next((r.email for r in note.recipients if r.contact_id == contact_id), None)
        written.append(
            NoteMention(
                note.id,
                note.subject,
                note.application_id,
                companies.get(note.application_id, ""),
                note.sent_on,
                email,
            )
        )
    of = companies.get(contact.application_id) if contact.application_id is not None else None
    return ContactRecord(contact, met, written, of, met_before(uow, contact))


@dataclass(frozen=True)
class RemovedContact:
    """A deleted person, and the interviews and notes that name them without a link now."""

    contact: Contact
    interview_ids: list[int]
    note_ids: list[int]

    @property
    def still_named(self) -> str:
        """'2 interviews and 1 note still name them', or '' when nothing named them."""
        parts = [
            f"{count} {word}{'s' * (count != 1)}"
            for count, word in (
                (len(self.interview_ids), "interview"),
                (len(self.note_ids), "note"),
            )
            if count
        ]
        if not parts:
            return ""
        one = len(parts) == 1 and (len(self.interview_ids) + len(self.note_ids)) == 1
        return f"{' and '.join(parts)} still {'names' if one else 'name'} them"


def remove_contact(uow: FullUnitOfWork, contact_id: int) -> RemovedContact:
    """Delete a person added twice or by mistake; nothing else is lost.

    Interviews and notes that name them keep the name (and a note the address it was sent
    to), but no longer point at the deleted contact: their ``contact_id`` becomes None, so
    no id leads nowhere.
    """
    contact = uow.contacts.get(contact_id)
    now = uow.now()
    interviews = uow.applications.interviews_with_contact(contact_id)
    for interview in interviews:
        # A new list (of new frozen values), so the change to the JSON column is seen.
        interview.interviewers = [
            dataclasses.replace(p, contact_id=None) if p.contact_id == contact_id else p
            for p in interview.interviewers
        ]
        touch(now, interview)
    notes = uow.notes.addressed_to(contact_id)
    for note in notes:
        note.recipients = [
            dataclasses.replace(r, contact_id=None) if r.contact_id == contact_id else r
            for r in note.recipients
        ]
        touch(now, note)
    uow.contacts.delete(contact)
    uow.commit()
    return RemovedContact(
        contact,
        [i.id for i in interviews if i.id is not None],
        [n.id for n in notes if n.id is not None],
    )

"""Interviewers named on interviews, as people of their application (role interviewer)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from nextround.domain.contacts import Contact, role_for_title
from nextround.domain.journey import Application, Interviewer
from nextround.errors import DomainError
from nextround.services.ports import UnitOfWork
from nextround.services.stamps import touch


def same_name(name: str) -> str:
    """A name as two records of one person compare: spacing and case aside."""
    return " ".join(name.split()).casefold()


def check_listed_once(people: Sequence[Interviewer]) -> None:
    """Refuse one person listed twice: a note would thank them twice."""
    seen: dict[str, str] = {}
    for person in people:
        key = same_name(person.name)
        if key in seen:
            raise DomainError(
                f"{seen[key]} is listed twice among the interviewers; list each person once"
            )
        seen[key] = person.name


@dataclass(frozen=True)
class Linked:
    """Interviewers, each linked to a contact of the application, and the contacts made."""

    interviewers: list[Interviewer]
    #: The people not on record before, added to the application's contacts.
    added: list[Contact]


def link_interviewers(
    uow: UnitOfWork,
    app: Application,
    people: Sequence[Interviewer],
    before: Sequence[Interviewer] = (),
    *,
    check: bool = True,
) -> Linked:
    """Each interviewer linked to the application's contact of that name, made if missing.

    So everyone met is among the application's people: their email can be added once, and
    thank-you notes and `contact show` find them. A link already made stays; ``before``
    (the interview's interviewers until now) keeps a person's link when the list is typed
    again, even after the contact was renamed. A contact of the same name on the
    application is reused, never doubled; a new one gets the role its title says (a
    recruiter's title makes a recruiter; see role_for_title, else interviewer), the title
    given and the application's company. ``check`` refuses one person listed twice (a
    record made before that rule has its twice-listed names linked to one contact). No
    commit.
    """
    assert app.id is not None
    if check:
        check_listed_once(people)
    kept = {same_name(p.name): p.contact_id for p in before if p.contact_id is not None}
    by_name: dict[str, Contact] = {}
    for known in uow.contacts.list(app.id):
        by_name.setdefault(same_name(known.name), known)
    linked: list[Interviewer] = []
    added: list[Contact] = []
    for person in people:
        contact_id = person.contact_id or kept.get(same_name(person.name))
        if contact_id is not None:
            linked.append(replace(person, contact_id=contact_id))
            continue
        found = by_name.get(same_name(person.name))
        if found is None:
            contact = Contact(
                name=person.name,
                role=role_for_title(person.title),
                company=app.company,
                title=person.title,
                application_id=app.id,
            )
            contact.check()
            touch(uow.now(), contact)
            uow.contacts.add(contact)
            uow.flush()  # its id, for the link
            by_name[same_name(contact.name)] = contact
            added.append(contact)
        else:
            contact = found
            if contact.title is None and person.title:
                contact.title = person.title  # the interview's word fills a gap, never replaces
                touch(uow.now(), contact)
        linked.append(replace(person, contact_id=contact.id))
    return Linked(linked, added)


def unlinked_interviewers(app: Application) -> list[str]:
    """The names on the application's interviews not linked to any contact, once each."""
    names: dict[str, str] = {}
    for round_ in app.ordered_rounds:
        for interview in round_.sorted_interviews:
            for person in interview.interviewers:
                if person.contact_id is None:
                    names.setdefault(same_name(person.name), person.name)
    return list(names.values())


def waiting_interviewers(uow: UnitOfWork, app_id: int | None = None) -> dict[int, list[str]]:
    """By application, the interviewers not among its people yet (recorded before they were).

    For the offer to add them: `contact from-interviews` and the People card's button.
    """
    apps = [uow.applications.get(app_id)] if app_id is not None else uow.applications.all()
    found = {app.id: unlinked_interviewers(app) for app in apps if app.id is not None}
    return {key: names for key, names in found.items() if names}


def adopt_interviewers(uow: UnitOfWork, app_id: int | None = None) -> list[Contact]:
    """Link the interviewers recorded on interviews to contacts, adding those missing.

    For a record made before interviewers became contacts of their own accord; on one
    application, or all. Returns the contacts added; running it again adds nothing.
    """
    apps = [uow.applications.get(app_id)] if app_id is not None else uow.applications.all()
    added: list[Contact] = []
    for app in apps:
        for round_ in app.ordered_rounds:
            for interview in round_.sorted_interviews:
                if all(p.contact_id is not None for p in interview.interviewers):
                    continue
                linked = link_interviewers(uow, app, interview.interviewers, check=False)
                interview.interviewers = linked.interviewers  # a new list, so it is saved
                touch(uow.now(), interview)
                added += linked.added
    uow.commit()
    return added

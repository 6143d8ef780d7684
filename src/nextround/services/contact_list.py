"""Everyone met across applications, with when you last met or wrote: the People list."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.counts import counted

if TYPE_CHECKING:
    from nextround.services.ports import FullUnitOfWork


class PeopleOrder(StrEnum):
    """How the list is ordered."""

    #: Grouped by company, the recruiters first: who to write to at a company.
    COMPANY = "company"
    #: Whoever you met or wrote to last first: who is owed a thank-you or a follow-up.
    RECENT = "recent"


ORDER_LABELS = {PeopleOrder.COMPANY: "By company", PeopleOrder.RECENT: "Most recent contact first"}

#: What a person without a company is grouped under.
NO_COMPANY = "No company"

_ROLE_RANK = {role: rank for rank, role in enumerate(ContactRole)}


@dataclass(frozen=True)
class PeopleQuery:
    """Which people to list; an empty field does not filter."""

    #: Words found in the name, title, company, email, phone, notes or application.
    text: str | None = None
    #: Text the company contains.
    company: str | None = None
    role: ContactRole | None = None

    @property
    def filtered(self) -> bool:
        """Whether anything narrows the list."""
        return bool(self.text or self.company or self.role)


@dataclass(frozen=True)
class PersonRow:
    """A person, their application, and when you were last in touch."""

    contact: Contact
    #: The company and role title of the application they belong to, if any.
    application_company: str | None = None
    application_role: str | None = None
    #: The latest interview they were on that took place (not called off, not ahead).
    last_interview: date | None = None
    #: The latest thank-you note sent to them.
    last_note: date | None = None
    #: Their next interview still to come, if one is scheduled.
    next_interview: datetime | None = None

    @property
    def company(self) -> str:
        """Their company, else their application's; empty when neither is known."""
        return self.contact.company or self.application_company or ""

    @property
    def last_contact(self) -> date | None:
        """The last day you met them in an interview or sent them a note."""
        days = [d for d in (self.last_interview, self.last_note) if d is not None]
        return max(days) if days else None

    @property
    def last_contact_how(self) -> str:
        """'interview' or 'note': what the last contact was ('' when there was none)."""
        if self.last_contact is None:
            return ""
        return "interview" if self.last_contact == self.last_interview else "note"


@dataclass(frozen=True)
class PeopleList:
    """The people shown, and how many there are in all."""

    rows: list[PersonRow]
    #: Everyone on record, before the filters.
    total: int
    #: Every company among everyone on record, for the filter's choices.
    companies: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """'12 people at 7 companies'."""
        return people_count(self.rows)

    def groups(self) -> list[tuple[str, list[PersonRow]]]:
        """The rows by company, in the order they are listed (for the company order)."""
        grouped: dict[str, list[PersonRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.company or NO_COMPANY, []).append(row)
        return list(grouped.items())


def people_count(rows: Iterable[PersonRow]) -> str:
    """'12 people at 7 companies'; just '2 people' when no company is known."""
    listed = list(rows)
    companies = {_folded(r.company) for r in listed if r.company}
    people = counted(len(listed), "person", "people")
    return f"{people} at {counted(len(companies), 'company', 'companies')}" if companies else people


def people_list(
    uow: FullUnitOfWork,
    query: PeopleQuery | None = None,
    order: PeopleOrder = PeopleOrder.COMPANY,
) -> PeopleList:
    """Everyone (or those ``query`` picks), with their last contact, in ``order``.

    The last contact is what the record shows: an interview they were on that took place,
    or a note sent to them, both found through the link to the person (as `contact show`
    finds them). Used by `contact list` and the People page, so the two agree.
    """
    query = query or PeopleQuery()
    now = uow.now()
    apps = uow.applications.all()
    of_app = {app.id: app for app in apps}
    met: dict[int, date] = {}
    ahead: dict[int, datetime] = {}
    for app in apps:
        for round_ in app.rounds:
            for interview in round_.interviews:
                ids = {p.contact_id for p in interview.interviewers if p.contact_id is not None}
                if not ids or interview.called_off:
                    continue
                if interview.has_happened(now, round_.started_on):
                    held = (
                        interview.scheduled_at.astimezone().date()
                        if interview.scheduled_at
                        else round_.started_on
                    )
                    for cid in ids:
                        met[cid] = max(met.get(cid, held), held)
                elif interview.scheduled_at is not None:
                    when = interview.scheduled_at
                    for cid in ids:
                        ahead[cid] = min(ahead.get(cid, when), when)
    wrote: dict[int, date] = {}
    for note in uow.notes.list():
        if note.sent_on is None:
            continue
        for to in {r.contact_id for r in note.recipients if r.contact_id is not None}:
            wrote[to] = max(wrote.get(to, note.sent_on), note.sent_on)
    rows = []
    for contact in uow.contacts.list():
        assert contact.id is not None
        home = of_app.get(contact.application_id) if contact.application_id is not None else None
        rows.append(
            PersonRow(
                contact,
                home.company if home else None,
                home.role_title if home else None,
                met.get(contact.id),
                wrote.get(contact.id),
                ahead.get(contact.id),
            )
        )
    companies = sorted({r.company for r in rows if r.company}, key=_folded)
    shown = [r for r in rows if _matches(r, query)]
    return PeopleList(_ordered(shown, order), len(rows), _distinct(companies))


def _folded(text: str) -> str:
    """Text as a sort or match key: case and accents aside (Élodie sorts with the Es)."""
    plain = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def _distinct(companies: list[str]) -> list[str]:
    """One spelling per company (the first), as a filter offers them."""
    seen: dict[str, str] = {}
    for name in companies:
        seen.setdefault(_folded(name), name)
    return list(seen.values())


def _matches(row: PersonRow, query: PeopleQuery) -> bool:
    person = row.contact
    if query.role is not None and person.role is not query.role:
        return False
    # Contains, as `app list --company` matches: "orbit" finds Orbital Pay.
    if query.company and _folded(query.company) not in _folded(row.company):
        return False
    if query.text:
        words = _folded(query.text).split()
        role = person.role.value.replace("_", " ")
        fields = (person.name, person.title, row.company, person.email, person.phone,
                  person.notes, row.application_role, role)  # fmt: skip
        haystack = _folded(" ".join(f for f in fields if f))
        return all(word in haystack for word in words)
    return True


def _ordered(rows: list[PersonRow], order: PeopleOrder) -> list[PersonRow]:
    def by_company(row: PersonRow) -> tuple[int, str, int, str, int]:
        person = row.contact
        # Those without a company last, as a group of their own.
        return (not row.company, _folded(row.company), _ROLE_RANK[person.role],
                _folded(person.name), person.id or 0)  # fmt: skip

    listed = sorted(rows, key=by_company)
    if order is PeopleOrder.RECENT:
        # Stable: people last met the same day (or never) keep the company order.
        listed.sort(key=lambda r: r.last_contact or date.min, reverse=True)
    return listed

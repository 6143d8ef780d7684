"""Who a thank-you note goes to unless told: the people who were there for what it thanks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.journey import Application, Interview, Round, RoundKind
from nextround.domain.notes import Recipient, Tone, distinct_recipients, same_person

RECRUITER_ROLES = (ContactRole.TALENT_ACQUISITION, ContactRole.RECRUITER)
# A round with no interviewer on record was still held with someone: the kind says whom.
_ROLES_OF_KIND = {
    RoundKind.SCREEN: RECRUITER_ROLES,
    RoundKind.HIRING_MANAGER: (ContactRole.HIRING_MANAGER,),
}
# The contact role that would have been in a round of this kind, as `contact add` takes it.
ROLE_TO_ADD = {RoundKind.SCREEN: "recruiter", RoundKind.HIRING_MANAGER: "hiring-manager"}
# These tones thank for one round's time; the others for how the whole process went.
ROUND_TONES = frozenset({Tone.AFTER_INTERVIEW, Tone.CHECK_IN})


def interview_held(round_: Round, interview: Interview, now: datetime) -> bool:
    """Whether the interview has taken place (Interview.has_happened, in its round)."""
    return interview.has_happened(now, round_.started_on)


def round_held(round_: Round, now: datetime) -> bool:
    """Whether the round has begun and, if it has interviews, one of them has taken place."""
    if round_.started_on > now.astimezone().date():
        return False
    return not round_.interviews or any(interview_held(round_, i, now) for i in round_.interviews)


def contact_of(contact: Contact) -> Recipient:
    """A contact as a note addresses them."""
    return Recipient(contact.name, contact.email, contact.id)


def in_round(round_: Round, contacts: Sequence[Contact], now: datetime) -> list[Recipient]:
    """The people who were in a round: the interviewers of its interviews held so far.

    With no interviewer on record, the round's kind says who was there: the recruiter in a
    screen, the hiring manager in a hiring-manager round. Anyone else (the hiring manager
    of a screen) was not, and a note thanking them for it would say so to their face.
    """
    by_id = {c.id: c for c in contacts}
    by_name: dict[str, Contact] = {}
    for contact in contacts:
        by_name.setdefault(contact.name.casefold(), contact)
    people: list[Recipient] = []
    for interview in round_.sorted_interviews:
        if not interview_held(round_, interview, now):
            continue
        for person in interview.interviewers:
            # The contact carries the email address; an interviewer's own record does not.
            known = by_id.get(person.contact_id) or by_name.get(person.name.casefold())
            people.append(
                contact_of(known) if known else Recipient(person.name, None, person.contact_id)
            )
    if people:
        return distinct_recipients(people)
    if not round_held(round_, now):
        return []
    roles = _ROLES_OF_KIND.get(round_.kind, ())
    return distinct_recipients(
        contact_of(c)
        for role in roles
        for c in contacts
        if c.role is role  # in the kind's order: the talent partner before an agency recruiter
    )


def in_process(app: Application, contacts: Sequence[Contact], now: datetime) -> list[Recipient]:
    """Who a note on how the process ended goes to: the recruiter and the hiring manager.

    They ran the process and made the decision, so they are thanked for all of it; with
    neither on record, everyone met in a round held so far, the latest round first.
    """
    roles = (*RECRUITER_ROLES, ContactRole.HIRING_MANAGER)
    leads = [contact_of(c) for role in roles for c in contacts if c.role is role]
    if leads:
        return distinct_recipients(leads)
    return distinct_recipients(
        person
        for round_ in reversed(app.ordered_rounds)
        for person in in_round(round_, contacts, now)
    )


def default_recipients(
    app: Application,
    round_: Round | None,
    tone: Tone,
    contacts: Sequence[Contact],
    now: datetime,
) -> list[Recipient]:
    """Who the note goes to unless the person says: whoever was there for what it thanks."""
    if tone not in ROUND_TONES:
        return in_process(app, contacts, now)
    if round_ is None:
        # Before any round the recruiter is the one person the process has had: the call
        # that set it up is often not recorded as a round.
        return distinct_recipients(
            contact_of(c) for role in RECRUITER_ROLES for c in contacts if c.role is role
        )
    return in_round(round_, contacts, now)


def not_in_round(
    round_: Round, chosen: Sequence[Recipient], contacts: Sequence[Contact], now: datetime
) -> tuple[list[Recipient], list[Recipient]]:
    """Of the people ``chosen`` by hand, who was not in ``round_``; and who was.

    Both empty when the record cannot tell (nobody on record was in the round): naming
    someone is then the person's own knowledge, not a slip.
    """
    present = in_round(round_, contacts, now)
    if not present:
        return [], []
    absent = [r for r in chosen if not any(same_person(r, p) for p in present)]
    return absent, present

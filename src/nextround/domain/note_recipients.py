"""Who a thank-you note goes to unless told: the people who were there for what it thanks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.counts import joined
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Application, Interview, Round, RoundKind
from nextround.domain.note_gaps import Missing
from nextround.domain.notes import Recipient, Tone, distinct_recipients, same_person
from nextround.domain.round_names import round_phrase

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


@dataclass(frozen=True)
class ProcessLeads:
    """Who a note on the whole process goes to, and how the record told who they are."""

    recipients: list[Recipient]
    # Those no contact's role names: (person, "recruiter" or "hiring manager", what made
    # them so, e.g. "was in the recruiter screen"), a guess the person should be able to check.
    guessed: tuple[tuple[Recipient, str, str], ...] = ()
    # Nobody could be told apart as recruiter or hiring manager: everyone met so far.
    everyone: bool = False


def in_process(
    app: Application,
    contacts: Sequence[Contact],
    now: datetime,
    authors: Sequence[tuple[FeedbackSource, str]] = (),
) -> ProcessLeads:
    """Who a note on how the process ended goes to: the recruiter and the hiring manager.

    They ran the process and made the decision, so they are thanked for all of it. A side
    with no contact of its role on record is read from the process: the recruiter wrote the
    recruiter's feedback (``authors``: the application's feedback, by source and author) or
    held the screen; the hiring manager wrote theirs or held the hiring-manager round. With
    neither to be found, everyone met in a round held so far, the latest round first.
    """
    found: list[Recipient] = []
    guessed: list[tuple[Recipient, str, str]] = []
    for side, roles, source, kind in (
        ("recruiter", RECRUITER_ROLES, FeedbackSource.RECRUITER, RoundKind.SCREEN),
        (
            "hiring manager",
            (ContactRole.HIRING_MANAGER,),
            FeedbackSource.HIRING_MANAGER,
            RoundKind.HIRING_MANAGER,
        ),
    ):
        on_record = [contact_of(c) for role in roles for c in contacts if c.role is role]
        if on_record:
            found += on_record
            continue
        for person, why in _read_from_process(app, contacts, now, authors, source, kind):
            found.append(person)
            guessed.append((person, side, why))
    if found:
        recipients = distinct_recipients(found)
        # A second record of one person is dropped, with the reason it came with.
        kept = [g for g in guessed if any(g[0] is r for r in recipients)]
        return ProcessLeads(recipients, tuple(kept))
    everyone = distinct_recipients(
        person
        for round_ in reversed(app.ordered_rounds)
        for person in in_round(round_, contacts, now)
    )
    return ProcessLeads(everyone, everyone=bool(everyone))


def how_addressed(app_id: int | None, leads: ProcessLeads) -> Missing | None:
    """Who the note went to when no contact is on record as recruiter or hiring manager.

    The help promises "the recruiter and the hiring manager"; when the record only names
    interviewers, the note says whom it picked and why, or that it went to everyone.
    """
    if not leads.guessed and not leads.everyone:
        return None
    roles = (
        f"`nextround contact edit ID --role recruiter` (or `--role hiring-manager`), "
        f"ID from `nextround contact list --app {app_id}`"
    )
    if leads.everyone:
        return Missing(
            f"no recruiter or hiring manager is on record for application {app_id}, so this "
            f"note goes to everyone you met ({joined([r.name for r in leads.recipients])})",
            cli_hint=f"to write to the recruiter and the hiring manager only, set their roles "
            f"with {roles}, or pass --to",
            web_hint="to write to the recruiter and the hiring manager only, set their roles "
            "under People on the application's page, or tick who the note is for under “To”",
        )
    sides = list(dict.fromkeys(side for _, side, _ in leads.guessed))
    said = joined([f"{person.name} as the {side} ({why})" for person, side, why in leads.guessed])
    others = [r.name for r in leads.recipients if not any(r is g[0] for g in leads.guessed)]
    ids = [person.contact_id for person, _, _ in leads.guessed if person.contact_id is not None]
    role = "hiring-manager" if sides == ["hiring manager"] else "recruiter"
    edit = (
        f"`nextround contact edit {ids[0]} --role {role}`"
        + ("" if len(sides) == 1 else " (or `--role hiring-manager`)")
        if ids
        else roles
    )
    return Missing(
        f"no contact of application {app_id} is on record as its {' or '.join(sides)}, so "
        f"this note goes to {said}{f', with {joined(others)}' if others else ''}",
        cli_hint=f"if that is wrong, pass --to; to record who they are, {edit}",
        web_hint="if that is wrong, tick who the note is for under “To”; to record who they "
        "are, set their roles under People on the application's page",
    )


def _read_from_process(
    app: Application,
    contacts: Sequence[Contact],
    now: datetime,
    authors: Sequence[tuple[FeedbackSource, str]],
    source: FeedbackSource,
    kind: RoundKind,
) -> list[tuple[Recipient, str]]:
    """The people who wrote feedback as ``source`` or were in a round of ``kind``, and why."""
    by_name = {c.name.casefold(): c for c in reversed(contacts)}  # the first of a name wins
    said = source.label
    people: list[tuple[Recipient, str]] = []
    for author_source, author in authors:
        if author_source is source and author.strip():
            known = by_name.get(author.strip().casefold())
            person = contact_of(known) if known else Recipient(author.strip())
            people.append((person, f"wrote the {said}'s feedback"))
    proper = {*app.company.split(), *(w for c in contacts for w in c.name.split())}
    for round_ in app.ordered_rounds:
        if round_.kind is kind:
            where = f"was in {round_phrase(round_.name, proper)}"
            people += [(person, where) for person in _interviewers_met(round_, contacts, now)]
    return people


def _interviewers_met(round_: Round, contacts: Sequence[Contact], now: datetime) -> list[Recipient]:
    """The interviewers on record of a round's interviews held so far (not its kind's roles)."""
    if not any(i.interviewers for i in round_.interviews):
        return []
    return in_round(round_, contacts, now)


def default_recipients(
    app: Application,
    round_: Round | None,
    tone: Tone,
    contacts: Sequence[Contact],
    now: datetime,
) -> list[Recipient]:
    """Who the note goes to unless the person says: whoever was there for what it thanks."""
    if tone not in ROUND_TONES:
        return in_process(app, contacts, now).recipients
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

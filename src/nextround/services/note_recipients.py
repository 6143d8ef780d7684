"""Who a thank-you note goes to: named by hand, or the people of the round or the process."""

from __future__ import annotations

from datetime import datetime

from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.counts import joined
from nextround.domain.journey import Application, Round
from nextround.domain.note_gaps import Missing
from nextround.domain.note_recipients import (
    ROLE_TO_ADD,
    ROUND_TONES,
    contact_of,
    default_recipients,
    how_addressed,
    in_process,
    interview_held,
    not_in_round,
    round_held,
)
from nextround.domain.notes import Recipient, Tone, distinct_recipients
from nextround.domain.round_names import round_phrase
from nextround.errors import DomainError
from nextround.services.ports import FullUnitOfWork


def recipients_for(
    uow: FullUnitOfWork,
    app: Application,
    refs: tuple[str, ...],
    round_: Round | None,
    tone: Tone,
) -> tuple[list[Recipient], Missing | None]:
    """Who the note goes to, and how they were told apart when no role on record said so."""
    people = uow.contacts.list(app.id)
    now = uow.now()
    if refs:
        return distinct_recipients(_resolve(uow, app, people, ref, now) for ref in refs), None
    if tone in ROUND_TONES:
        default = default_recipients(app, round_, tone, people, now)
        addressed = None
    else:
        authors = [(i.source, i.author) for i in uow.feedback.list(app.id) if i.author]
        leads = in_process(app, people, now, authors)
        default, addressed = leads.recipients, how_addressed(app.id, leads)
    if default:
        return default, addressed
    raise _nobody_to_thank(app, round_, tone, _candidates(app, people, now), now)


def caution_not_there(
    uow: FullUnitOfWork,
    app: Application,
    round_: Round | None,
    tone: Tone,
    chosen: list[Recipient],
) -> Missing | None:
    """A caution when someone named by hand was not in the round the note thanks them for.

    Not refused: the person may know better than the record (an interviewer not written
    down), but a note thanking someone for a conversation they were not in reads badly.
    """
    if round_ is None or tone not in ROUND_TONES:
        return None
    absent, present = not_in_round(round_, chosen, uow.contacts.list(app.id), uow.now())
    if not absent:
        return None
    where = f"{round_phrase(round_.name, {app.company})} (round {round_.position})"
    return Missing(
        f"{joined([r.name for r in absent])} {'were' if len(absent) > 1 else 'was'} not in "
        f"{where}, which this note thanks them for; in it on record: "
        f"{joined([r.name for r in present])}",
        cli_hint="check --to, or pick the round they were in with --round N",
        web_hint="check who is ticked under “To”, or pick the round they were in",
    )


def _nobody_to_thank(
    app: Application, round_: Round | None, tone: Tone, known: list[Recipient], now: datetime
) -> NobodyToThankError:
    """Nobody was there for what the note thanks: say who is missing and how to name them."""
    others = ", ".join(r.name for r in known)
    pick = f" (known in this process: {others})" if others else ""
    if tone not in ROUND_TONES or round_ is None:
        message = (
            f"nobody on record took part in application {app.id}'s process yet"
            if round_ is None
            else f"there is no recruiter or hiring manager on record for application {app.id}"
        )
        return NobodyToThankError(
            message,
            cli_hint=f"pass --to with who the note is for{pick}, or add the recruiter with "
            f"`nextround contact add NAME --app {app.id} --role recruiter`",
            web_hint="tick who the note is for under “To”, or add the recruiter under People "
            "on the application's page",
        )
    where = f"{round_phrase(round_.name, {app.company})} (round {round_.position})"
    if not round_held(round_, now):
        return NobodyToThankError(
            f"{where} has not taken place yet; a note thanks people for time already given",
            cli_hint="leave out --round for the latest round held, or pass --to",
            web_hint="pick a round that has taken place, or tick who the note is for under “To”",
        )
    role = ROLE_TO_ADD.get(round_.kind)
    add_cli = (
        f"add the {role.replace('-', ' ')} with `nextround contact add NAME --app {app.id} "
        f"--role {role}`"
        if role
        else "name who interviewed you with `nextround interview edit ID --with NAME`"
    )
    add_web = (
        f"add the {role.replace('-', ' ')} under People on the application's page"
        if role
        else "name the interviewers on the round's interviews"
    )
    return NobodyToThankError(
        f"nobody on record was in {where}",
        cli_hint=f"pass --to with who was{pick}, or {add_cli}",
        web_hint=f"tick who was there under “To”, or {add_web}",
    )


class NobodyToThankError(DomainError):
    """No recruiter, hiring manager or interviewer on record to address a note to."""


def _candidates(app: Application, people: list[Contact], now: datetime) -> list[Recipient]:
    """The contacts of a process, then the interviewers already met who are not among them."""
    # Every contact, even two of one name: the picker tells them apart by id. Not one
    # named only as an interviewer of interviews still ahead (as interviewers now become
    # contacts): nobody to thank yet, as for an interviewer recorded without a contact.
    ahead = _only_ahead(app, now)
    candidates = [
        contact_of(c) for c in people if not (c.role is ContactRole.INTERVIEWER and c.id in ahead)
    ]
    known = {r.name.casefold() for r in candidates}
    # By id too: an interview keeps the name it was recorded with, so a person renamed
    # since (a typo fixed) would otherwise be offered twice under one id.
    linked = {c.id for c in people}
    for round_ in app.ordered_rounds:
        for interview in round_.sorted_interviews:
            if not interview_held(round_, interview, now):
                continue  # nobody to thank yet for an interview still ahead
            for person in interview.interviewers:
                if person.contact_id in linked and person.contact_id is not None:
                    continue
                if person.name.casefold() not in known:
                    known.add(person.name.casefold())
                    candidates.append(Recipient(person.name, None, person.contact_id))
    return candidates


def _only_ahead(app: Application, now: datetime) -> set[int]:
    """The contacts named on the application's interviews, none of them held by ``now``."""
    named: set[int] = set()
    met: set[int] = set()
    for round_ in app.ordered_rounds:
        for interview in round_.interviews:
            ids = {p.contact_id for p in interview.interviewers if p.contact_id is not None}
            named |= ids
            if interview_held(round_, interview, now):
                met |= ids
    return named - met


def note_people(uow: FullUnitOfWork, application_id: int) -> list[Recipient]:
    """Everyone a note for this application could go to: its contacts and interviewers."""
    app = uow.applications.get(application_id)
    return _candidates(app, uow.contacts.list(app.id), uow.now())


def recipient_ref(recipient: Recipient) -> str:
    """What `NoteRequest.to` takes to pick this person again: a contact id, else the name."""
    return str(recipient.contact_id) if recipient.contact_id is not None else recipient.name


def _resolve(
    uow: FullUnitOfWork, app: Application, people: list[Contact], ref: str, now: datetime
) -> Recipient:
    """A contact id, or a name (full or first) of a contact or interviewer of this process."""
    ref = ref.strip()
    if ref.isdigit():
        contact = uow.contacts.get(int(ref))
        if contact.application_id not in (None, app.id):
            # A note about one process must not greet someone from another by mistake.
            raise DomainError(
                f"contact {contact.id} ({contact.name}) belongs to application "
                f"{contact.application_id}, not {app.id}; pick someone from this process"
            )
        return contact_of(contact)
    wanted = ref.casefold()
    candidates = _candidates(app, people, now)
    exact = [r for r in candidates if r.name.casefold() == wanted]
    partial = [
        r for r in candidates if r.first_name.casefold() == wanted or wanted in r.name.casefold()
    ]
    matches = exact or partial
    if len(matches) == 1:
        return matches[0]
    if not matches:
        _refuse_not_met_yet(app, wanted, now)
        if not candidates:
            # "one of these names" with no names would leave the person nowhere to go.
            raise DomainError(
                f"nobody called {ref!r} in application {app.id}'s process: nobody is on record "
                "in it yet",
                cli_hint=f"add them with `nextround contact add {_quoted(ref)} --app {app.id}`, "
                "then pass --to again",
                web_hint="add them under People on the application's page",
            )
        names = ", ".join(r.name for r in candidates)
        raise DomainError(
            f"nobody called {ref!r} in application {app.id}'s process (known: {names}); "
            "give a contact id or one of these names",
            cli_hint=f"or add them with `nextround contact add {_quoted(ref)} --app {app.id}`",
        )
    named = ", ".join(
        f"{r.name} (contact {r.contact_id})" if r.contact_id else r.name for r in matches
    )
    raise DomainError(f"{ref!r} could be {named}; give the full name or a contact id")


def _quoted(name: str) -> str:
    """A name as a shell command takes it: quoted when it has spaces."""
    return f'"{name}"' if " " in name else name


def _refuse_not_met_yet(app: Application, wanted: str, now: datetime) -> None:
    """Say so when the name is an interviewer of an interview still ahead."""
    for round_ in app.ordered_rounds:
        for interview in round_.sorted_interviews:
            for person in interview.interviewers:
                name = person.name.casefold()
                if not interview_held(round_, interview, now) and (
                    name == wanted or name.split()[0] == wanted
                ):
                    raise DomainError(
                        f"{person.name} is in “{interview.title}”, which has not happened yet; "
                        "a note thanks people for time they have already given"
                    )

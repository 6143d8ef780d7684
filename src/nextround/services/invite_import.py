"""Importing interviews from a calendar invite: a plan to show first, then one transaction.

The invite's events become interviews through record_interview, the use case behind
`interview add` and the web's "Add an interview", so every rule of adding one holds.
An event's UID is remembered (invite_memory: the interview id, the invite's SEQUENCE and
DTSTAMP) so that the same invite imported again, moved or cancelled, finds the
interview it made, and an older copy of it (an old e-mail opened again) changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from nextround.domain import interview_time
from nextround.domain.calendar_days import EARLIEST_YEAR
from nextround.domain.invite_words import guess_format, invite_title
from nextround.domain.journey import MAX_INTERVIEW_MINUTES, Application, Interview
from nextround.domain.labels import words
from nextround.errors import DomainError, InvalidInputError
from nextround.io.invites import Invite, InviteEvent
from nextround.services.interviewers import same_name
from nextround.services.invite_application import invite_application, other_application
from nextround.services.invite_memory import (
    Remembered,
    interview_on_record,
    keep_remembered,
    recalled,
    remember,
    remembered_events,
)
from nextround.services.invite_people import (
    give_emails,
    invite_interviewers,
    left_out_line,
    left_out_why,
    your_address,
    your_names,
)
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.process import (
    InterviewFields,
    change_interview,
    record_interview,
    resolve_round,
)
from nextround.services.transaction import held

#: An interview booked further ahead than this is a typo in the invite's year.
MAX_YEARS_AHEAD = 2
#: Room kept for an invite's description in the interview's notes: the rest is boilerplate
#: (dial-in numbers in twenty countries, legal footers).
NOTES_MAX = 4000


class Step(StrEnum):
    """What importing one event does."""

    ADD = "add"
    ON_RECORD = "already on record"
    MOVE = "move"
    CALL_OFF = "call off"
    ALREADY_OFF = "already called off"
    NOTHING_TO_CALL_OFF = "cancellation of nothing on record"
    #: A copy older than the one applied (lower SEQUENCE, or an earlier DTSTAMP).
    OLDER = "older than what is on record"
    #: A newer invite after a cancellation: the interview goes ahead after all.
    BACK_ON = "back on"


#: The steps that write something.
WRITES = frozenset({Step.ADD, Step.MOVE, Step.CALL_OFF, Step.BACK_ON})


@dataclass(frozen=True)
class PlannedEvent:
    """One event of the invite and what importing it would do."""

    step: Step
    event: InviteEvent
    #: The interview as it would be added, or the changes to the one on record.
    fields: InterviewFields
    moment: datetime
    interview_id: int | None = None
    notes: list[str] = field(default_factory=list)
    #: The addresses of the people added, by name (same_name), for their contacts.
    emails: dict[str, str] = field(default_factory=dict)
    #: Why the copy is older, e.g. "sequence 0 < 2" (Step.OLDER only).
    older: str = ""
    #: Other events of the invite at the same time, imported as this one (duplicates).
    twins: list[InviteEvent] = field(default_factory=list)

    def line(self) -> str:
        """One line for the preview: what, when, with whom, and what happens."""
        when = interview_time.describe(self.moment, self.fields.get("time_zone"))
        title = self.fields.get("title") or self.event.summary or "Interview"
        if self.step is Step.ADD:
            fmt = words(self.fields["format"])
            length = self.fields.get("duration_minutes")
            people = ", ".join(p.name for p in self.fields.get("interviewers", []))
            return f"Add “{title}” ({fmt}{f', {length} min' if length else ''}) on {when}" + (
                f", with {people}" if people else ""
            )
        if self.step is Step.MOVE:
            return (
                f"Move interview {self.interview_id} “{title}” to {when} (the invite was updated)"
            )
        if self.step is Step.CALL_OFF:
            return f"Mark interview {self.interview_id} “{title}” on {when} called off"
        if self.step is Step.OLDER:
            return (
                f"“{title}”: this copy of the invite is older than the one on record for "
                f"interview {self.interview_id} ({self.older}); nothing changed"
            )
        if self.step is Step.BACK_ON:
            return (
                f"Put interview {self.interview_id} “{title}” back on, on {when} (the invite "
                "was sent again after its cancellation)"
            )
        if self.step is Step.NOTHING_TO_CALL_OFF:
            return (
                f"Cancellation of “{title}” on {when}: no such interview on record, nothing to do"
            )
        return f"“{title}” on {when}: {self.step.value} (interview {self.interview_id})"


@dataclass(frozen=True)
class InvitePlan:
    """What importing an invite would do, for one application and round."""

    app_id: int
    company: str
    round_position: int
    round_name: str
    #: Why this application was chosen when none was given, else None.
    picked: str | None
    events: list[PlannedEvent]
    cancelling: bool
    #: Everyone invited counts as an interviewer, and no address of yours was given to
    #: leave out: the surfaces ask for it (the invite cannot say which guest is you).
    may_list_you: bool = False
    #: Your address as saved for your notes, left out because none was given ("leaving
    #: you out: lena@example.com"); None when one was given or none is saved.
    you_by_default: str | None = None
    #: Signs the invite is for another application (its company named, its UID on record
    #: there), said before importing.
    warnings: list[str] = field(default_factory=list)
    #: The invite's events already on record in another application: importing makes a
    #: second copy of them, done only when confirmed (``import_invite(..., also_here=True)``).
    elsewhere: list[str] = field(default_factory=list)
    #: Who the invite names and is not made an interviewer, one line each: "Left out the
    #: organiser, Jana Roth (recruiter?) — not an attendee".
    left_out: list[str] = field(default_factory=list)

    @property
    def writes(self) -> bool:
        """Whether confirming changes anything."""
        return any(e.step in WRITES for e in self.events)


@dataclass(frozen=True)
class ImportedInvite:
    """What an import did: the interviews added or changed, and the people it added."""

    plan: InvitePlan
    interviews: list[Interview]
    new_people: list[str]

    def summary(self) -> str:
        """What was done, e.g. 'Added interviews 4, 5; moved interview 2.'."""
        parts = []
        for step, verb in (
            (Step.ADD, "added"),
            (Step.MOVE, "moved"),
            (Step.CALL_OFF, "called off"),
            (Step.BACK_ON, "put back on"),
        ):
            ids = [
                str(i.id)
                for item, i in zip(self.changed, self.interviews, strict=True)
                if item.step is step
            ]
            if ids:
                parts.append(f"{verb} interview{'s' * (len(ids) > 1)} {', '.join(ids)}")
        said = "; ".join(parts) or "nothing changed"
        return said[0].upper() + said[1:] + "."

    @property
    def changed(self) -> list[PlannedEvent]:
        """The plan's events that wrote something, in the order of ``interviews``."""
        return [e for e in self.plan.events if e.step in WRITES]


def plan_invite(
    uow: GrowthUnitOfWork,
    invite: Invite,
    app_id: int | None = None,
    round_position: int | None = None,
    me: list[str] | None = None,
) -> InvitePlan:
    """What importing ``invite`` would do; nothing is written.

    Refused as a whole if any event cannot be imported, so that confirming never writes
    half an invite.
    """
    app, picked = invite_application(uow, invite, app_id)
    assert app.id is not None
    round_ = resolve_round(app, round_position)
    mine = {address.strip().lower() for address in me or [] if address.strip()}
    # Unless given, you are the address you sign your notes with: the same person.
    by_default = None if mine or invite.from_nextround else your_address(uow)
    if by_default:
        mine = {by_default.lower()}
    remembered = remembered_events(uow)
    own_calendar = uow.preferences.get("calendar.id")
    own_names = your_names(uow, invite, mine)
    warnings, elsewhere, also_of = other_application(uow, app, invite, remembered)
    # A second copy (--also-here) of an invite on record elsewhere: its title loses that
    # application's company as well as this one's, as the first copy's did.
    companies = [app.company, *also_of]
    planned = [
        _with_twins(
            _plan_event(
                uow, app, invite, event, mine, remembered, own_calendar, own_names, companies
            ),
            twins,
        )
        for event, twins in _once_each(invite.events)
    ]
    adds_people = any(e.step is Step.ADD and e.fields.get("interviewers") for e in planned)
    return InvitePlan(
        app_id=app.id,
        company=app.company,
        round_position=round_.position,
        round_name=round_.name,
        picked=picked,
        events=planned,
        cancelling=any(e.event.cancelled for e in planned),
        may_list_you=adds_people and not mine and not invite.from_nextround,
        you_by_default=by_default,
        warnings=warnings,
        elsewhere=elsewhere if any(e.step is Step.ADD for e in planned) else [],
        left_out=_left_out(uow, invite, planned, mine),
    )


def _left_out(
    uow: GrowthUnitOfWork, invite: Invite, planned: list[PlannedEvent], mine: set[str]
) -> list[str]:
    """Who the events added name and does not make interviewers, said once each, and why."""
    if invite.from_nextround:
        return []
    lines: list[str] = []
    for item in planned:
        if item.step is not Step.ADD:
            continue
        event, done = item.event, set(mine)  # you are left out anyway, and said so apart
        for person in [p for p in [event.organizer, *event.attendees] if p is not None]:
            address = (person.email or "").strip().lower()
            key = address or same_name(person.name)
            if key in done:
                continue  # Outlook's second entry of the organiser: said once
            done.add(key)
            why = left_out_why(event, person)
            if why is not None:
                organiser = event.organizer is not None and person is event.organizer
                lines.append(left_out_line(uow, person, why, organiser=organiser))
    return list(dict.fromkeys(lines))


def import_invite(
    uow: GrowthUnitOfWork, plan: InvitePlan, *, also_here: bool = False
) -> ImportedInvite:
    """Carry out a plan in one transaction: every event imported, or none (nothing written).

    An invite already on record in another application is refused unless ``also_here``:
    a second copy in the wrong process is a mis-click more often than not.
    """
    if plan.elsewhere and not also_here:
        raise InvalidInputError(
            f"{'; '.join(plan.elsewhere)}; nothing was imported. If it is for application "
            f"{plan.app_id} ({plan.company}) as well, confirm importing a second copy",
            cli_hint="add --also-here",
            web_hint="tick “Import it here as well”",
        )
    steps = held(uow)
    done: list[Interview] = []
    new_people: list[str] = []
    remembered = remembered_events(uow)
    made: dict[int, int] = {}  # id(planned event) -> its interview's id
    for item in plan.events:
        if item.step is Step.ADD:
            saved = record_interview(steps, plan.app_id, plan.round_position, item.fields)
        elif item.step in {Step.MOVE, Step.CALL_OFF, Step.BACK_ON}:
            assert item.interview_id is not None
            saved = change_interview(steps, item.interview_id, item.fields)
        else:
            continue
        done.append(saved.interview)
        if saved.interview.id is not None:
            made[id(item)] = saved.interview.id
        new_people += [c.name for c in saved.new_people]
        give_emails(uow, saved.interview.interviewers, item.emails)
    changed = False
    uow.flush()  # the new interviews' recording times, which their records carry
    app = uow.applications.get(plan.app_id)
    interviews = {i.id: i for r in app.rounds for i in r.interviews}
    for item in plan.events:
        interview_id = made.get(id(item), item.interview_id)
        if interview_id is None or item.step is Step.OLDER:
            continue
        # A duplicate's own UID finds the interview too when that copy is updated later.
        for event in [item.event, *item.twins]:
            if event.uid:
                changed = remember(remembered, event, interviews[interview_id]) or changed
    if done or changed:
        keep_remembered(uow, remembered)
    uow.commit()
    return ImportedInvite(plan, done, new_people)


def _once_each(events: list[InviteEvent]) -> list[tuple[InviteEvent, list[InviteEvent]]]:
    """The invite's events, one per start time, each with the duplicates it stands for.

    Two events at one moment are one interview written twice (a calendar that copies the
    event, an invite forwarded into itself): the newest copy (SEQUENCE, then DTSTAMP)
    stands, the first in the file among equals. A time that cannot be placed is left
    alone, for planning to refuse.
    """
    groups: dict[datetime | int, list[InviteEvent]] = {}
    for number, event in enumerate(events):
        try:
            key: datetime | int = interview_time.place(event.start, event.zone)
        except DomainError:
            key = number
        groups.setdefault(key, []).append(event)
    out = []
    for group in groups.values():
        newest = max(group, key=lambda e: (e.sequence, e.stamp or _NEVER))
        out.append((newest, [e for e in group if e is not newest]))
    return out


_NEVER = datetime.min.replace(tzinfo=UTC)


def _with_twins(item: PlannedEvent, twins: list[InviteEvent]) -> PlannedEvent:
    """``item`` standing for its duplicates too, said in the preview."""
    if not twins:
        return item
    count = "twice" if len(twins) == 1 else f"{len(twins) + 1} times"
    note = f"the invite holds it {count} at this time" + (
        ": imported once" if item.step in WRITES else ""
    )
    return replace(item, twins=twins, notes=[*item.notes, note])


def _plan_event(
    uow: GrowthUnitOfWork,
    app: Application,
    invite: Invite,
    event: InviteEvent,
    mine: set[str],
    remembered: dict[str, Remembered],
    own_calendar: object,
    own_names: list[str],
    companies: list[str],
) -> PlannedEvent:
    notes = list(event.notes)
    where = f"“{event.summary[:60] or 'the event'}”"
    try:
        moment = interview_time.place(event.start, event.zone)
    except DomainError as exc:
        raise InvalidInputError(f"{where}: {exc.message}") from None
    now = uow.now()
    too_far = moment > now + timedelta(days=365 * MAX_YEARS_AHEAD)
    if moment.year < EARLIEST_YEAR or too_far:
        said = f"more than {MAX_YEARS_AHEAD} years ahead" if too_far else f"before {EARLIEST_YEAR}"
        raise InvalidInputError(
            f"{where} is on {moment:%Y-%m-%d}, {said}; check the year in the invite (or in "
            "your calendar app) and export it again"
        )
    if moment < now and not event.cancelled:
        notes.append("it is already past: recorded as held")
    found = interview_on_record(app, event, moment, remembered, own_calendar)
    timing = _timing(event, notes)
    if found is not None:
        interview = found
        base: InterviewFields = {"title": interview.title, "time_zone": interview.time_zone}
        # Said at the time on record: a cancellation may carry the time before a move.
        held_at = interview.scheduled_at or moment
        known = recalled(remembered, event)
        if known is not None and known.interview_id == interview.id:
            if known.newer_than_this(event):
                why = known.why_newer(event)
                return PlannedEvent(
                    Step.OLDER, event, base, held_at, interview.id, notes, older=why
                )
            if interview.called_off and not event.cancelled and known.behind(event):
                back = base | timing | {"called_off": False}
                return PlannedEvent(Step.BACK_ON, event, back, moment, interview.id, notes)
        if event.cancelled:
            step = Step.ALREADY_OFF if interview.called_off else Step.CALL_OFF
            changes: InterviewFields = {"called_off": True} if step is Step.CALL_OFF else {}
            return PlannedEvent(step, event, base | changes, held_at, interview.id, notes)
        if interview.scheduled_at == moment:
            if interview.called_off:
                notes.append(
                    "it is marked called off; if it is going ahead after all, edit the "
                    "interview and take that back"
                )
            return PlannedEvent(Step.ON_RECORD, event, base, held_at, interview.id, notes)
        if interview.called_off:
            # Not known to be newer than the cancellation: a called-off interview is not
            # moved by an invite that may predate it.
            notes.append(
                f"it is marked called off; the invite has it on "
                f"{interview_time.describe(moment, event.zone)}. If it is going ahead after "
                "all, edit the interview"
            )
            return PlannedEvent(Step.ALREADY_OFF, event, base, held_at, interview.id, notes)
        return PlannedEvent(Step.MOVE, event, base | timing, moment, interview.id, notes)
    title = invite_title(event.summary, companies, own_names)
    if event.cancelled:
        return PlannedEvent(Step.NOTHING_TO_CALL_OFF, event, {"title": title}, moment)
    if event.sequence and event.uid:
        notes.append(
            "the invite was updated since it was sent; if you added the interview by hand at "
            "its old time, delete that one"
        )
    fmt, cue = guess_format(event.summary, event.description)
    if cue is None:
        notes.append(
            f"the format was not recognised: left as {words(fmt)}; change it once imported "
            "if it is another"
        )
    elif not cue.startswith("Format:"):
        notes.append(f"format {words(fmt)}, from the word “{cue}”")
    people, emails = invite_interviewers(invite, event, mine)
    fields: InterviewFields = {"title": title, "format": fmt, **timing, "interviewers": people}
    text = None if invite.from_nextround else _notes(event)
    if text:
        fields["notes"] = text
    return PlannedEvent(Step.ADD, event, fields, moment, None, notes, emails)


def _timing(event: InviteEvent, notes: list[str]) -> InterviewFields:
    """When and how long, as the interview's fields (the service places the time)."""
    minutes = event.minutes
    if minutes is not None and minutes > MAX_INTERVIEW_MINUTES:
        notes.append(
            f"it lasts {minutes} min, longer than an interview can ({MAX_INTERVIEW_MINUTES}): "
            "its length is left out"
        )
        minutes = None
    return {"scheduled_at": event.start, "time_zone": event.zone, "duration_minutes": minutes}


def _notes(event: InviteEvent) -> str | None:
    """Where it is and what the invite says, as the interview's notes (plain text)."""
    lines = []
    if event.location:
        lines.append(f"Where: {event.location}")
    if event.url and event.url != event.location:
        lines.append(f"Link: {event.url}")
    if event.description:
        if lines:
            lines.append("")
        lines.append(event.description)
    text = "\n".join(lines).strip()
    if len(text) > NOTES_MAX:
        text = text[: NOTES_MAX - 1].rstrip() + "…"
    return text or None

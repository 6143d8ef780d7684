"""Importing interviews from a calendar invite: a plan to show first, then one transaction.

The invite's events become interviews through record_interview, the use case behind
`interview add` and the web's "Add an interview", so every rule of adding one holds.
An event's UID is remembered (in the preferences, by interview id) so that the same
invite imported again, moved or cancelled, finds the interview it made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from nextround.domain import interview_time
from nextround.domain.calendar_days import EARLIEST_YEAR
from nextround.domain.invite_words import company_base, guess_format, names_company
from nextround.domain.journey import (
    MAX_INTERVIEW_MINUTES,
    Application,
    Interview,
    Interviewer,
)
from nextround.domain.labels import words
from nextround.errors import DomainError, InvalidInputError
from nextround.io.invites import Invite, InviteEvent, Person
from nextround.services.interviewers import same_name
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.process import (
    InterviewFields,
    change_interview,
    record_interview,
    resolve_round,
)
from nextround.services.transaction import held

#: The preference that remembers which interview each imported event's UID made.
INVITES_KEY = "calendar.invites"
#: An interview booked further ahead than this is a typo in the invite's year.
MAX_YEARS_AHEAD = 2
#: Room kept for an invite's description in the interview's notes: the rest is boilerplate
#: (dial-in numbers in twenty countries, legal footers).
NOTES_MAX = 4000
_OWN_UID = re.compile(r"^interview-(\d+)-([0-9A-Za-z-]+)@nextround$")
_TITLE_PREFIX = re.compile(
    r"^\s*(updated invitation|invitation|canceled event|cancelled event|canceled|cancelled|"
    r"updated)\s*(with note)?\s*:\s*",
    re.IGNORECASE,
)


class Step(StrEnum):
    """What importing one event does."""

    ADD = "add"
    ON_RECORD = "already on record"
    MOVE = "move"
    CALL_OFF = "call off"
    ALREADY_OFF = "already called off"
    NOTHING_TO_CALL_OFF = "cancellation of nothing on record"


#: The steps that write something.
WRITES = frozenset({Step.ADD, Step.MOVE, Step.CALL_OFF})


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
    app, picked = _application(uow, invite, app_id)
    assert app.id is not None
    round_ = resolve_round(app, round_position)
    mine = {address.strip().lower() for address in me or [] if address.strip()}
    remembered = _remembered(uow)
    own_calendar = uow.preferences.get("calendar.id")
    planned = [
        _plan_event(uow, app, invite, event, mine, remembered, own_calendar)
        for event in invite.events
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
    )


def import_invite(uow: GrowthUnitOfWork, plan: InvitePlan) -> ImportedInvite:
    """Carry out a plan in one transaction: every event imported, or none (nothing written)."""
    steps = held(uow)
    done: list[Interview] = []
    new_people: list[str] = []
    remembered = _remembered(uow)
    for item in plan.events:
        if item.step is Step.ADD:
            saved = record_interview(steps, plan.app_id, plan.round_position, item.fields)
        elif item.step in {Step.MOVE, Step.CALL_OFF}:
            assert item.interview_id is not None
            saved = change_interview(steps, item.interview_id, item.fields)
        else:
            continue
        done.append(saved.interview)
        new_people += [c.name for c in saved.new_people]
        if item.event.uid and saved.interview.id is not None:
            remembered[item.event.uid[:400]] = saved.interview.id
    if done:
        uow.preferences.set(INVITES_KEY, remembered, uow.now())
    uow.commit()
    return ImportedInvite(plan, done, new_people)


def _remembered(uow: GrowthUnitOfWork) -> dict[str, int]:
    stored = uow.preferences.get(INVITES_KEY, {})
    if not isinstance(stored, dict):
        return {}
    return {str(k): v for k, v in stored.items() if isinstance(v, int)}


def _application(
    uow: GrowthUnitOfWork, invite: Invite, app_id: int | None
) -> tuple[Application, str | None]:
    """The application given, or the one running application the invite names."""
    if app_id is not None:
        return uow.applications.get(app_id), None
    summary = " ".join(e.summary for e in invite.events)
    domains = [
        p.email.rsplit("@", 1)[-1]
        for e in invite.events
        for p in [e.organizer, *e.attendees]
        if p is not None and p.email and "@" in p.email
    ]
    running = [a for a in uow.applications.all() if a.status.is_open]
    named = [a for a in running if names_company(a.company, summary, domains)]
    if len(named) == 1:
        (app,) = named
        return app, f"application {app.id} ({app.company}, {app.role_title}): the invite names it"
    if not named:
        raise InvalidInputError(
            "the invite names no running application's company; say which application it is for",
            cli_hint="give --app ID (see `nextround app list`)",
        )
    which = ", ".join(f"{a.id} ({a.company}, {a.role_title})" for a in named)
    raise InvalidInputError(
        f"the invite could be for applications {which}; say which",
        cli_hint="give --app ID",
    )


def _plan_event(
    uow: GrowthUnitOfWork,
    app: Application,
    invite: Invite,
    event: InviteEvent,
    mine: set[str],
    remembered: dict[str, int],
    own_calendar: object,
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
    found = _on_record(app, event, moment, remembered, own_calendar)
    timing = _timing(event, notes)
    if found is not None:
        interview = found
        base: InterviewFields = {"title": interview.title, "time_zone": interview.time_zone}
        # Said at the time on record: a cancellation may carry the time before a move.
        held_at = interview.scheduled_at or moment
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
        return PlannedEvent(Step.MOVE, event, base | timing, moment, interview.id, notes)
    if event.cancelled:
        return PlannedEvent(Step.NOTHING_TO_CALL_OFF, event, {"title": _title(app, event)}, moment)
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
    fields: InterviewFields = {
        "title": _title(app, event),
        "format": fmt,
        **timing,
        "interviewers": _interviewers(invite, event, mine),
    }
    text = None if invite.from_nextround else _notes(event)
    if text:
        fields["notes"] = text
    return PlannedEvent(Step.ADD, event, fields, moment, None, notes)


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


def _on_record(
    app: Application,
    event: InviteEvent,
    moment: datetime,
    remembered: dict[str, int],
    own_calendar: object,
) -> Interview | None:
    """The interview this event is, if already on record: by its UID, else by its time."""
    interviews = {i.id: i for r in app.rounds for i in r.interviews}
    if event.uid:
        known = remembered.get(event.uid[:400])
        if known in interviews:
            return interviews[known]
        own = _OWN_UID.match(event.uid)
        if own and own.group(2) == own_calendar and int(own.group(1)) in interviews:
            return interviews[int(own.group(1))]
    for interview in interviews.values():
        if interview.scheduled_at is not None and interview.scheduled_at == moment.astimezone(UTC):
            return interview
    return None


def _title(app: Application, event: InviteEvent) -> str:
    """The summary without 'Invitation:' and without the company nextround's export adds."""
    title = " ".join(_TITLE_PREFIX.sub("", event.summary).split())  # a title is one line
    for name in dict.fromkeys((app.company, company_base(app.company))):
        for suffix in (f" - {name}", f" – {name}", f" with {name}", f" at {name}"):
            if title.lower().endswith(suffix.lower()) and len(title) > len(suffix):
                title = title[: -len(suffix)].strip()
        for prefix in (f"{name} - ", f"{name} – ", f"{name}: "):
            if title.lower().startswith(prefix.lower()) and len(title) > len(prefix):
                title = title[len(prefix) :].strip()
    return (title or "Interview")[:200]


def _interviewers(invite: Invite, event: InviteEvent, mine: set[str]) -> list[Interviewer]:
    """The people on the invite but you, each once; nextround's own export lists them."""
    if invite.from_nextround:
        return _exported_people(event.description)
    people: list[Person] = [p for p in [event.organizer, *event.attendees] if p is not None]
    out: list[Interviewer] = []
    seen: set[str] = set()
    for person in people:
        if person.email and person.email.lower() in mine:
            continue
        key = same_name(person.name)
        if key and key not in seen:
            seen.add(key)
            out.append(Interviewer(name=person.name))
    return out


_WITH = re.compile(r"^With:\s*(.+)$", re.MULTILINE)
_PERSON = re.compile(r"^(.*?)(?:\s*\(([^()]*)\))?$")


def _exported_people(description: str) -> list[Interviewer]:
    """'With: Ada Park (Engineering Manager), Li Chen' as written by the calendar export."""
    line = _WITH.search(description)
    if line is None:
        return []
    out = []
    for part in line.group(1).split(", "):
        match = _PERSON.match(part.strip())
        if match and match.group(1).strip():
            out.append(Interviewer(name=match.group(1).strip(), title=match.group(2) or None))
    return out


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

"""An .ics calendar with one event per scheduled interview."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from nextround.domain.interview_time import is_a_place, wall_clock
from nextround.domain.journey import Application, Interview
from nextround.domain.labels import words


def _start(moment: datetime, zone: str | None) -> datetime:
    """When an event starts: on the interview's own clock (TZID) where it has a zone, else UTC.

    The zone keeps the event on the interviewer's clock if either side's rules change. The
    second pass through the hour the clocks go back cannot be written on that clock (a
    reader takes the first), so it stays in UTC, as does a zone that is no place's clock
    (saved before those were refused): "localtime" would mean the reader's own.
    """
    if zone and is_a_place(zone):
        there = wall_clock(moment, zone)
        if not there.fold:
            return there
    return moment.astimezone(UTC)


def _never_held(app: Application, now: datetime) -> set[int]:
    """The interviews that did not or will not take place, left out of the calendar.

    One called off; one ahead in a cancelled round; and what a closed process left behind,
    after its decision or still to come. A decision now refuses those, but a record made
    before that rule (or restored from such a backup) may hold one: it must not stay in
    the calendar as if it were going ahead. A past interview of a cancelled round stays:
    it may have been held before the round was called off.
    """
    off = {
        id(i)
        for r in app.rounds
        for i in r.interviews
        if i.called_off or (not r.goes_ahead(i) and i.scheduled_at and i.scheduled_at > now)
    }
    decision = app.current_decision
    if decision is None:
        return off
    return off | {id(i) for _, i in app.interviews_after(decision.decided_on, now)}


def event_uid(interview: Interview, calendar_id: str = "") -> str:
    """An interview's UID: the same in every export, wherever its data moves; unique.

    Made from the interview's id and the moment it was recorded, both kept by a backup
    and its restore (on SQLite or PostgreSQL, here or on another computer): importing the
    calendar again updates the events, never doubles them. Interview ids start at 1 in
    every database; the moment, to the microsecond, tells two databases' interview 1
    apart. A database that stored a calendar id (an earlier version made one on its first
    export) keeps the UIDs made with it, so calendars already holding them still match.

    Why the stored id still wins: it lives in the preferences, so every backup taken since
    it was made carries it and every copy restored from one makes the same UIDs. Only a
    copy restored from a backup older than the id cannot know it; ignoring the id would
    make that copy agree, but every calendar this database's events were imported into
    would get each interview a second time on the next import. That calendar is the one
    in use, the older copy a rarer case, so the id wins; a copy restored from a backup
    taken now (or after the id was made) has it.
    """
    if calendar_id:
        return f"interview-{interview.id}-{calendar_id}@nextround"
    if interview.created_at is None:  # not stored yet: nothing stable to make it from
        return f"interview-{interview.id}@nextround"
    recorded = interview.created_at
    if recorded.tzinfo is not None:
        recorded = recorded.astimezone(UTC).replace(tzinfo=None)
    made = hashlib.sha256(f"{interview.id}|{recorded.isoformat()}".encode()).hexdigest()
    return f"interview-{interview.id}-{made[:16]}@nextround"


def write_ics(
    apps: Iterable[Application],
    now: datetime,
    names: Mapping[str, str] | None = None,
    calendar_id: str = "",
) -> bytes:
    """The calendar as bytes, ready to import into any calendar app.

    ``names``: competency names by id, so an event reads "Systems thinking", not the id.
    ``calendar_id``: the database's own calendar id, part of every event's UID: interview
    ids start at 1 in every database, and a calendar app replaces an event by its UID.
    """
    names = names or {}
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//nextround//interviews//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interviews (nextround)")
    for app in apps:
        never_held = _never_held(app, now)
        for round_ in app.ordered_rounds:
            for interview in round_.sorted_interviews:
                if interview.scheduled_at is None or id(interview) in never_held:
                    continue
                event = Event()
                event.add("uid", event_uid(interview, calendar_id))
                event.add("dtstamp", now)
                start = _start(interview.scheduled_at, interview.time_zone)
                event.add("dtstart", start)
                if interview.duration_minutes:
                    length = timedelta(minutes=interview.duration_minutes)
                    if start.tzinfo is UTC:
                        event.add("dtend", start + length)
                    else:
                        # An end on the zone's clock would be ambiguous in the hour the clocks
                        # go back; a duration is exact.
                        event.add("duration", length)
                event.add("summary", f"{interview.title} - {app.company}")
                lines = [
                    f"{app.role_title} at {app.company}",
                    f"Round {round_.position}: {round_.name}",
                    f"Format: {words(interview.format)}",
                ]
                if interview.interviewers:
                    people = ", ".join(
                        f"{p.name} ({p.title})" if p.title else p.name
                        for p in interview.interviewers
                    )
                    lines.append(f"With: {people}")
                if interview.competencies:
                    named = [names.get(c, c) for c in interview.competencies]
                    lines.append(f"Competencies: {', '.join(named)}")
                event.add("description", "\n".join(lines))
                if round_.mode:
                    event.add("location", words(round_.mode))
                event.add("categories", ["interview"])
                calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())

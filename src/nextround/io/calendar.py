"""An .ics calendar with one event per scheduled interview."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from nextround.domain.journey import Application


def write_ics(apps: Iterable[Application], now: datetime) -> bytes:
    """The calendar as bytes, ready to import into any calendar app."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//nextround//interviews//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interviews (nextround)")
    for app in apps:
        for round_ in app.ordered_rounds:
            for interview in round_.sorted_interviews:
                if interview.scheduled_at is None:
                    continue
                event = Event()
                event.add("uid", f"interview-{interview.id}@nextround")
                event.add("dtstamp", now)
                event.add("dtstart", interview.scheduled_at)
                if interview.duration_minutes:
                    event.add(
                        "dtend",
                        interview.scheduled_at + timedelta(minutes=interview.duration_minutes),
                    )
                event.add("summary", f"{interview.title} - {app.company}")
                lines = [
                    f"{app.role_title} at {app.company}",
                    f"Round {round_.position}: {round_.name}",
                    f"Format: {interview.format.value.replace('_', ' ')}",
                ]
                if interview.interviewers:
                    people = ", ".join(
                        f"{p.name} ({p.title})" if p.title else p.name
                        for p in interview.interviewers
                    )
                    lines.append(f"With: {people}")
                if interview.competencies:
                    lines.append(f"Competencies: {', '.join(interview.competencies)}")
                event.add("description", "\n".join(lines))
                if round_.mode:
                    event.add("location", round_.mode.value)
                event.add("categories", ["interview"])
                calendar.add_component(event)
    return bytes(calendar.to_ical())

"""Hypothesis strategies for whole journeys, and a loader that replays them through the use cases.

A journey is plain data (dicts and lists) so that hypothesis can shrink it; `load` turns it
into applications, rounds, interviews, decisions (with reopenings), contacts and feedback,
each written by the same service call the CLI would make.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from nextround.domain.contacts import ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    WorkMode,
)
from nextround.services import applications, contacts, feedback, process
from nextround.services.ports import UnitOfWork

#: The characters the domain refuses in text (see nextround.domain.values).
REFUSED = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])

#: Every date in a journey falls before this; the clock is always after it.
LAST_DAY = date(2026, 6, 30)

OFFSETS = [
    timezone(timedelta(hours=h, minutes=m))
    for h, m in [(0, 0), (2, 0), (-5, 0), (5, 30), (5, 45), (-9, -30), (14, 0), (-12, 0), (9, 0)]
]

_chars = st.characters(exclude_categories=("Cs",), exclude_characters=REFUSED)
free_text = st.text(_chars, min_size=1, max_size=120).filter(lambda s: s.strip())
one_line = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters=REFUSED + "\n"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())
tag = st.from_regex(r"[a-z0-9ßøéü日本][a-z0-9ßøéü日本.+#/-]{0,12}", fullmatch=True)
maybe = st.none().__or__

# Some with daylight saving, some far from UTC, one in the southern hemisphere.
ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC")


@st.composite
def moment(draw: st.DrawFn, on: date) -> datetime:
    """An aware time with microseconds, on calendar day `on` in some offset."""
    clock = draw(st.times(min_value=time(0, 0), max_value=time(23, 59, 59, 999_999)))
    return datetime.combine(on, clock, tzinfo=draw(st.sampled_from(OFFSETS)))


@st.composite
def interview(draw: st.DrawFn, start: date, end: date) -> dict[str, Any]:
    scheduled = None
    if draw(st.booleans()):
        day = start + timedelta(days=draw(st.integers(0, (end - start).days)))
        scheduled = draw(moment(day))
    return {
        "title": draw(one_line),
        "format": draw(st.sampled_from(InterviewFormat)),
        "scheduled_at": scheduled,
        "duration_minutes": draw(maybe(st.integers(1, 720))),
        "time_zone": draw(maybe(st.sampled_from(ZONES))),
        "interviewers": draw(
            # Each person once: the same name twice is refused (a note would thank them twice).
            st.lists(
                st.builds(Interviewer, one_line, maybe(one_line)),
                max_size=2,
                unique_by=lambda person: " ".join(person.name.split()).casefold(),
            )
        ),
        "competencies": draw(st.lists(tag, max_size=3)),
        "notes": draw(maybe(free_text)),
    }


@st.composite
def round_spec(draw: st.DrawFn, earliest: date) -> dict[str, Any]:
    start = earliest + timedelta(days=draw(st.integers(0, 20)))
    length = draw(st.integers(0, 3))
    ended = draw(st.booleans())
    return {
        "name": draw(one_line),
        "kind": draw(st.sampled_from(RoundKind)),
        "mode": draw(maybe(st.sampled_from(RoundMode))),
        "started_on": start,
        "ended_on": start + timedelta(days=length) if ended else None,
        "outcome": draw(st.sampled_from(RoundOutcome)),
        "notes": draw(maybe(free_text)),
        "interviews": draw(st.lists(interview(start, start + timedelta(days=length)), max_size=3)),
    }


@st.composite
def decision_spec(draw: st.DrawFn, earliest: date) -> dict[str, Any]:
    outcome = draw(st.sampled_from(Outcome))
    response = draw(maybe(st.sampled_from(OfferResponse))) if outcome is Outcome.OFFER else None
    decided_on = earliest + timedelta(days=draw(st.integers(0, 15)))
    # An offer may come with the day to answer it by (on or after the day it came).
    answer_by = (
        draw(maybe(st.integers(0, 30).map(lambda n: decided_on + timedelta(days=n))))
        if outcome is Outcome.OFFER
        else None
    )
    return {
        "outcome": outcome,
        "decided_on": decided_on,
        "finalists": draw(maybe(st.integers(1, 1000))),
        "reason": draw(maybe(free_text)),
        "offer_response": response,
        "answer_by": answer_by,
    }


def _latest_day(rounds: list[dict[str, Any]], floor: date) -> date:
    """The last day anything in these rounds happens on (in the offsets they are written in)."""
    days = [floor]
    for r in rounds:
        days += [r["started_on"], *([r["ended_on"]] if r["ended_on"] else [])]
        # The day after: in another zone an interview's own date may be the next day here,
        # and a decision must not come before an interview held (see check_held_by).
        days += [
            i["scheduled_at"].date() + timedelta(days=1)
            for i in r["interviews"]
            if i["scheduled_at"]
        ]
    return max(days)


@st.composite
def application_spec(draw: st.DrawFn) -> dict[str, Any]:
    applied = draw(st.dates(date(2020, 1, 1), date(2025, 12, 31)))
    rounds: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 3))):
        rounds.append(draw(round_spec(rounds[-1]["started_on"] if rounds else applied)))
    spec: dict[str, Any] = {
        "fields": {
            "company": draw(one_line),
            "role_title": draw(one_line),
            "applied_on": applied,
            "level": draw(maybe(one_line)),
            "location": draw(maybe(one_line)),
            "work_mode": draw(maybe(st.sampled_from(WorkMode))),
            "source": draw(st.sampled_from(Source)),
            "posting_url": draw(
                maybe(
                    st.from_regex(
                        r"https://[a-z]{1,10}\.example/[A-Za-z0-9_~%-]{0,20}", fullmatch=True
                    )
                )
            ),
            "posting_text": draw(maybe(free_text)),
            "tags": draw(st.lists(tag, max_size=4)),
            "notes": draw(maybe(free_text)),
        },
        "rounds": rounds,
        "decision": None,
        "reopen_on": None,
        "later_rounds": [],
        "later_decision": None,
    }
    if draw(st.booleans()):
        spec["decision"] = first = draw(decision_spec(_latest_day(rounds, applied)))
        if draw(st.booleans()):
            spec["reopen_on"] = reopen = first["decided_on"] + timedelta(
                days=draw(st.integers(0, 30))
            )
            later: list[dict[str, Any]] = []
            for _ in range(draw(st.integers(0, 2))):
                later.append(draw(round_spec(later[-1]["started_on"] if later else reopen)))
            spec["later_rounds"] = later
            if draw(st.booleans()):
                spec["later_decision"] = draw(decision_spec(_latest_day(later, reopen)))
    return spec


@st.composite
def journeys(draw: st.DrawFn) -> dict[str, Any]:
    """Applications, people and feedback, plus the clock readings the writes are stamped with."""
    apps = draw(st.lists(application_spec(), min_size=1, max_size=3))
    people = [
        {
            "name": draw(one_line),
            "role": draw(st.sampled_from(ContactRole)),
            "company": draw(maybe(one_line)),
            "title": draw(maybe(one_line)),
            "email": draw(
                maybe(st.from_regex(r"[a-z0-9.+]{1,10}@[a-z]{1,8}\.[a-z]{2,4}", fullmatch=True))
            ),
            "phone": draw(maybe(st.from_regex(r"\+?[0-9 ]{3,20}", fullmatch=True))),
            "notes": draw(maybe(free_text)),
            "app": draw(maybe(st.integers(0, len(apps) - 1))),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    items = []
    for _ in range(draw(st.integers(0, 4))):
        app_index = draw(maybe(st.integers(0, len(apps) - 1)))
        # Link to the application's first interview, when it has one.
        on_interview = draw(st.booleans())
        floor = date(2019, 1, 1)
        if app_index is not None:
            app = apps[app_index]
            floor = app["fields"]["applied_on"]
            if on_interview:  # feedback on an interview comes after it, and after its round
                floor = _latest_day([*app["rounds"], *app["later_rounds"]], floor)
        items.append(
            {
                "text": draw(free_text),
                "source": draw(st.sampled_from(FeedbackSource)),
                "received_on": draw(st.dates(floor, max(floor, LAST_DAY))),
                "author": draw(maybe(one_line)),
                "app": app_index,
                "on_interview": on_interview,
            }
        )
    stamps = draw(
        st.lists(
            st.datetimes(
                datetime(2026, 7, 1), datetime(2030, 12, 31), timezones=st.sampled_from(OFFSETS)
            ),
            min_size=1,
            max_size=5,
        )
    )
    return {"applications": apps, "contacts": people, "feedback": items, "stamps": stamps}


class SteppingClock:
    """A clock that moves to the next of the given readings each time it is read."""

    def __init__(self, readings: list[datetime]) -> None:
        self._readings = readings
        self._index = 0

    def __call__(self) -> datetime:
        reading = self._readings[self._index % len(self._readings)]
        self._index += 1
        return reading


def _rounds(uow: UnitOfWork, app_id: int, rounds: list[dict[str, Any]]) -> Iterator[int]:
    for spec in rounds:
        fields = {k: v for k, v in spec.items() if k != "interviews"}
        created = process.add_round(uow, app_id, fields)  # type: ignore[arg-type]
        for interview in spec["interviews"]:
            made = process.add_interview(uow, app_id, created.position, dict(interview))  # type: ignore[arg-type]
            assert made.id is not None
            yield made.id


def load(uow: UnitOfWork, journey: dict[str, Any]) -> None:
    """Replay a generated journey through the use cases."""
    app_ids: list[int] = []
    first_interview: dict[int, int] = {}
    for spec in journey["applications"]:
        created = applications.add_application(uow, dict(spec["fields"]))  # type: ignore[arg-type]
        assert created.id is not None
        app_ids.append(created.id)
        interviews = list(_rounds(uow, created.id, spec["rounds"]))
        if spec["decision"]:
            process.set_decision(uow, created.id, **spec["decision"])
        if spec["reopen_on"]:
            applications.reopen_application(uow, created.id, spec["reopen_on"])
            interviews += list(_rounds(uow, created.id, spec["later_rounds"]))
            if spec["later_decision"]:
                process.set_decision(uow, created.id, **spec["later_decision"])
        if interviews:
            first_interview[created.id] = interviews[0]
    for person in journey["contacts"]:
        fields = {k: v for k, v in person.items() if k not in ("name", "role", "app")}
        app_id = app_ids[person["app"]] if person["app"] is not None else None
        contacts.add_contact(uow, person["name"], person["role"], application_id=app_id, **fields)
    for item in journey["feedback"]:
        app_id = app_ids[item["app"]] if item["app"] is not None else None
        interview_id = first_interview.get(app_id) if item["on_interview"] and app_id else None
        feedback.add_feedback(
            uow,
            item["text"],
            item["source"],
            received_on=item["received_on"],
            author=item["author"],
            application_id=None if interview_id else app_id,
            interview_id=interview_id,
        )


def today_for(journey: dict[str, Any]) -> date:
    """A day on or after every date in the journey (the clock never reads earlier)."""
    return max(s.astimezone(UTC).date() for s in journey["stamps"])

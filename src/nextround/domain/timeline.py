"""Everything that happened in one process, in the order it happened."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import ClassVar

from nextround.domain.debrief import Debrief
from nextround.domain.feedback import Feedback
from nextround.domain.interview_time import clock_there, zone_label
from nextround.domain.journey import Application, Interview, RoundOutcome, Source
from nextround.domain.labels import words
from nextround.domain.offer_deadline import AnswerDue
from nextround.domain.pasted_html import shown_offset


class EventKind(StrEnum):
    """What kind of moment an event is."""

    APPLIED = "applied"
    ROUND = "round"
    INTERVIEW = "interview"
    DEBRIEF = "debrief"
    ROUND_RESULT = "round_result"
    FEEDBACK = "feedback"
    DECISION = "decision"
    REOPENED = "reopened"
    #: A pending offer's answer-by date: to come, or overdue.
    ANSWER_BY = "answer_by"


@dataclass(frozen=True)
class TimelineEvent:
    """One dated moment of a process."""

    on: date
    kind: EventKind
    title: str
    detail: str | None = None
    at: datetime | None = None
    refs: dict[str, int] = field(default_factory=dict)
    #: The detail is an excerpt of a longer text (a feedback) that is shown whole elsewhere.
    excerpt: bool = False
    #: A date the person had to act by, passed (a pending offer's answer-by day).
    overdue: bool = False
    #: The field ``day_known`` qualifies: null in JSON when the day is not known.
    DAY_FIELD: ClassVar[str] = "on"
    #: False when the day is not known (a sheet's undated ending): ``on`` only orders it,
    #: and the day is shown as not known (``when``).
    day_known: bool = True

    @property
    def when(self) -> str:
        """Its day as the CLI shows it: ISO, or "day not known"."""
        return self.on.isoformat() if self.day_known else DAY_NOT_KNOWN

    @property
    def sort_key(self) -> tuple[date, time, int]:
        """Date, then time of day, then the natural order of kinds on the same day."""
        if self.at is not None:
            moment = self.at.astimezone().time()
        else:
            # Undated-by-time results close their day; starts open it.
            moment = time.max if self.kind in _END_OF_DAY else time.min
        return (self.on, moment, _KIND_ORDER[self.kind])


_KIND_ORDER = {kind: i for i, kind in enumerate(EventKind)}
#: Said in place of a day that was never given.
DAY_NOT_KNOWN = "day not known"
_END_OF_DAY = {
    EventKind.ROUND_RESULT,
    EventKind.FEEDBACK,
    EventKind.DECISION,
    EventKind.REOPENED,
    EventKind.ANSWER_BY,  # the answer is due by the end of that day
}


def _via(source: Source) -> str | None:
    """Where the application came from; "other" is also an application given no source."""
    if source is Source.OTHER:
        return None
    return f"via {words(source)}"


def _describe_interview_people(names: Iterable[str]) -> str | None:
    people = ", ".join(names)
    return f"with {people}" if people else None


def _gist(text: str, limit: int = 90) -> str:
    """The first sentence of a note, cut at a word near ``limit``: the timeline is a summary."""
    first = re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _debrief_event(interview: Interview, debrief: Debrief, day: date) -> TimelineEvent:
    """The debrief right under its interview: how it went, in the user's own words."""
    parts = []
    if debrief.went_well:
        parts.append(f"went well: {_gist(debrief.went_well)}")
    if debrief.went_badly:
        parts.append(f"did not go well: {_gist(debrief.went_badly)}")
    if debrief.ratings:
        parts.append(f"{len(debrief.ratings)} self-rating{'s' * (len(debrief.ratings) != 1)}")
    if debrief.questions:
        count = len(debrief.questions)
        parts.append(f"{count} question{'s' * (count != 1)} logged")
    return TimelineEvent(
        day,
        EventKind.DEBRIEF,
        f"Debrief: {debrief.overall}/5 overall",
        " · ".join(parts) or None,
        at=interview.scheduled_at,
        refs={"interview": interview.id or 0, "debrief": debrief.id or 0},
    )


#: How much of a feedback a timeline quotes: a few lines of it, never the whole email, which
#: `feedback show` and the feedback's page give.
EXCERPT_LIMIT = 240


def feedback_excerpt(text: str, opening: int, limit: int = EXCERPT_LIMIT) -> tuple[str, bool]:
    """A feedback as a timeline quotes it, and whether its end was left out.

    It starts where the feedback begins (``opening``: its first statement, past the greeting
    and courtesy, marked "…" when that is not the text's start) and stops by ``limit``, at
    the end of a sentence if one ends in its second half, else at a word, marked "…".
    """
    if 0 < opening < len(text) and text[:opening].strip():
        text = "…" + text[opening:]
    if len(text) <= limit:
        return text, False
    # A whole sentence reads better than one cut short, if one ends far enough in.
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit + 1)]
    if ends and ends[-1] >= limit // 2:
        return text[: ends[-1]].rstrip() + " …", True
    cut = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:-–—") + "…", True


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def build_timeline(
    app: Application,
    feedback: Iterable[Feedback] = (),
    debriefs: Mapping[int, Debrief] | None = None,
    openings: Mapping[int, int] | None = None,
    answer_due: AnswerDue | None = None,
) -> list[TimelineEvent]:
    """The process of one application as a sorted list of events.

    ``debriefs`` are by interview id; each comes right after its interview. ``openings``
    say where each feedback's first statement begins (by feedback id): its event then
    quotes the text from there, past the greeting and courtesy an excerpt would be all of.
    ``answer_due`` is the pending offer's reminder, as of today: its day is an event to
    come (or overdue), worded as `app show` words it.
    """
    assert app.id is not None
    events = [
        TimelineEvent(
            app.applied_on,
            EventKind.APPLIED,
            f"Applied: {app.role_title} at {app.company}",
            _via(app.source),
            refs={"application": app.id},
        )
    ]
    for round_ in app.ordered_rounds:
        refs = {"application": app.id, "round": round_.id or 0, "position": round_.position}
        mode = f" ({round_.mode.value})" if round_.mode else ""
        events.append(
            TimelineEvent(
                round_.started_on,
                EventKind.ROUND,
                f"Round {round_.position}: {round_.name}",
                f"{round_.kind.value.replace('_', ' ')}{mode}",
                refs=refs,
            )
        )
        for interview in round_.sorted_interviews:
            when = interview.scheduled_at
            length = f", {interview.duration_minutes} min" if interview.duration_minutes else ""
            people = _describe_interview_people(
                f"{p.name} ({p.title})" if p.title else p.name for p in interview.interviewers
            )
            detail = f"{interview.format.value.replace('_', ' ')}{length}"
            there = clock_there(when, interview.time_zone) if when else None
            if there is not None:
                detail += f", {there:%H:%M} {zone_label(there)}"
            if people:
                detail += f" {people}"
            # Kept on record with its booked time: the history says it was booked, then off.
            off = " (called off)" if interview.called_off else ""
            events.append(
                TimelineEvent(
                    when.astimezone().date() if when else round_.started_on,
                    EventKind.INTERVIEW,
                    f"Interview: {interview.title}{off}",
                    detail,
                    at=when,
                    refs={**refs, "interview": interview.id or 0},
                )
            )
            debrief = (debriefs or {}).get(interview.id or 0)
            if debrief is not None:
                events.append(_debrief_event(interview, debrief, events[-1].on))
        if round_.outcome is not RoundOutcome.PENDING and round_.ended_on is not None:
            events.append(
                TimelineEvent(
                    round_.ended_on,
                    EventKind.ROUND_RESULT,
                    f"Round {round_.position} {round_.outcome.value}",
                    round_.notes,
                    refs=refs,
                )
            )
    for item in feedback:
        # Quoted as it reads: an HTML paste's "</p> <p>" is no part of what was said.
        opening = shown_offset(item.text, (openings or {}).get(item.id or 0, 0))
        excerpt, shortened = feedback_excerpt(item.shown_text, opening)
        source = item.source.label
        by = f" from {item.author}" if item.author else ""
        events.append(
            TimelineEvent(
                item.received_on,
                EventKind.FEEDBACK,
                f"Feedback ({source}){by}",
                excerpt,
                refs={"application": app.id, "feedback": item.id or 0},
                excerpt=shortened,
            )
        )
    for decision in app.decisions:
        bits = []
        if decision.finalists:
            bits.append(f"one of {decision.finalists} finalists")
        answered_later = decision.answered_on not in (None, decision.decided_on)
        if decision.offer_response and not answered_later:
            bits.append(f"offer {decision.offer_response.value}")
        facts = "; ".join(bits)
        # The reason is the user's own sentence, kept as typed: after the facts it starts a
        # sentence of its own ("one of 3 finalists. Chose another finalist"), where joined
        # after a semicolon its capital letter read as a slip.
        detail = ". ".join(part for part in (facts, decision.reason) if part)
        events.append(
            TimelineEvent(
                decision.decided_on,
                EventKind.DECISION,
                f"Decision: {decision.outcome.value.replace('_', ' ')}",
                detail or None,
                refs={"application": app.id, "decision": decision.id or 0},
                day_known=decision.day_known,
            )
        )
        if answered_later and decision.answered_on and decision.offer_response:
            # The answer has a day of its own: the offer came first, then the yes or no.
            events.append(
                TimelineEvent(
                    decision.answered_on,
                    EventKind.DECISION,
                    f"Offer {decision.offer_response.value}",
                    None,
                    refs={"application": app.id, "decision": decision.id or 0},
                )
            )
        if decision.reopened_on:
            events.append(
                TimelineEvent(
                    decision.reopened_on,
                    EventKind.REOPENED,
                    "Reopened",
                    None,
                    refs={"application": app.id, "decision": decision.id or 0},
                )
            )
    if answer_due is not None:
        events.append(
            TimelineEvent(
                answer_due.answer_by,
                EventKind.ANSWER_BY,
                answer_due.reminder(),
                answer_due.to_decline(),
                refs={"application": app.id},
                overdue=answer_due.overdue,
            )
        )
    return sorted(events, key=lambda e: e.sort_key)

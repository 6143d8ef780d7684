"""Calling off what will not take place: interviews kept on record, marked called off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from nextround.domain.journey import Application, Interview, Round, RoundOutcome
from nextround.errors import DomainError
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch


@dataclass(frozen=True)
class CalledOff:
    """What was called off: interviews (kept, marked called off) and rounds (now cancelled)."""

    interviews: list[Interview]
    rounds: list[Round]

    def text(self) -> str:
        """What was called off, in sentences; empty when nothing was.

        E.g. 'Called off the interview “Panel” on 2026-12-01 09:00; round 2 (HM), now
        cancelled. The interview stays on record, marked called off.'
        """
        parts = [i.named() for i in self.interviews]
        parts += [f"round {r.position} ({r.name}), now cancelled" for r in self.rounds]
        if not parts:
            return ""
        said = f"Called off {'; '.join(parts)}."
        if self.interviews:
            many = len(self.interviews) > 1
            said += (
                f" {'They stay' if many else 'The interview stays'} on record, marked called off."
            )
        return said


NOTHING_CALLED_OFF = CalledOff([], [])


def check_not_held(uow: GrowthUnitOfWork, app: Application, interview: Interview) -> None:
    """Refuse to call off an interview with a debrief or feedback: those say it took place."""
    assert app.id is not None
    debrief = uow.debriefs.for_interview(interview.id) if interview.id is not None else None
    heard = [item for item in uow.feedback.list(app.id) if item.interview_id == interview.id]
    if debrief is None and not heard:
        return
    held = "a debrief" if debrief is not None else "feedback"
    raise DomainError(
        f"{interview.named()} has {held}, so it took place and cannot be called off; correct "
        "its time to when it was held",
        cli_hint=f"`nextround interview edit {interview.id} --at WHEN`",
        web_hint="edit its time under its round on the application's page",
    )


def call_off(uow: GrowthUnitOfWork, app_id: int, day: date | None) -> CalledOff:
    """Call off what is still to come after ``day`` (default today); no commit.

    For a decision that ends the process before it: a withdrawal, or a rejection that came
    first. The interviews still in the future stay on record, marked called off (the
    hiring-manager interview booked for Tuesday, when the answer came on Monday), and the
    rounds not started by ``day`` are marked cancelled with their interviews. An interview
    with a debrief or feedback took place, so it is refused rather than called off.
    """
    app = uow.applications.get(app_id)
    now = uow.now()
    interviews, rounds = app.still_to_come(day or uow.today(), now)
    # The cancelled rounds' interviews without a time are not due yet either.
    off = list(interviews)
    off += [
        i
        for r in rounds
        for i in r.sorted_interviews
        if i not in off and not i.called_off and not i.is_due(now, r.started_on)
    ]
    for interview in off:
        check_not_held(uow, app, interview)
    for interview in off:
        interview.called_off = True
    for round_ in rounds:
        round_.outcome = RoundOutcome.CANCELLED
    touch(now, *off, *rounds)
    return CalledOff(off, rounds)


@dataclass(frozen=True)
class RoundInterviews:
    """What a round's new outcome did to its interviews not due yet."""

    round: Round
    #: Called off with the round, now cancelled; kept on record.
    called_off: list[Interview]
    #: Going ahead again, the round no longer cancelled.
    back_on: list[Interview]

    def text(self) -> str:
        """In a sentence; empty when nothing changed."""
        if self.called_off:
            names = "; ".join(i.named() for i in self.called_off)
            many = len(self.called_off) > 1
            return (
                f"Called off with it: {names}. {'They stay' if many else 'It stays'} on record, "
                "marked called off, and no longer counts as still to come."
            )
        if self.back_on:
            names = "; ".join(i.named() for i in self.back_on)
            many = len(self.back_on) > 1
            return f"Going ahead again: {names} ({'were' if many else 'was'} called off with it)."
        return ""


def follow_round_outcome(
    uow: GrowthUnitOfWork, app: Application, round_: Round, before: RoundOutcome
) -> RoundInterviews:
    """After a round's outcome changed from ``before``: call off or bring back its interviews.

    Cancelled, its interviews not due yet will not take place: they stay on record, called
    off. Set back from cancelled, those still ahead go ahead again. No commit.
    """
    now = uow.now()
    cancelled = RoundOutcome.CANCELLED
    if round_.outcome is cancelled and before is not cancelled:
        for interview in round_.sorted_interviews:
            if not interview.called_off and not interview.is_due(now, round_.started_on):
                check_not_held(uow, app, interview)
        off = round_.call_off_ahead(now)
        touch(now, *off)
        return RoundInterviews(round_, off, [])
    if before is cancelled and round_.outcome is not cancelled:
        back = round_.bring_back_ahead(now)
        for interview in back:
            app.check_interview_time(interview)
        touch(now, *back)
        return RoundInterviews(round_, [], back)
    return RoundInterviews(round_, [], [])


def set_called_off(
    uow: GrowthUnitOfWork, app: Application, round_: Round, interview: Interview, off: bool
) -> None:
    """Mark one interview called off, or going ahead after all; no commit."""
    if off == interview.called_off:
        return
    if off:
        check_not_held(uow, app, interview)
        interview.called_off = True
        return
    check_round_on(round_, interview, uow.now())
    interview.called_off = False
    app.check_interview_time(interview)


def check_round_on(round_: Round, interview: Interview, now: datetime) -> None:
    """Refuse an interview going ahead, not due yet, in a cancelled round."""
    if (
        round_.outcome is not RoundOutcome.CANCELLED
        or interview.called_off
        or interview.is_due(now, round_.started_on)
    ):
        return
    raise DomainError(
        f"round {round_.position} ({round_.name}) is cancelled, so {interview.named()} will not "
        "take place; if the round is going ahead after all, set its outcome back to pending "
        "first",
        cli_hint=(
            f"`nextround round edit {round_.application_id} {round_.position} --outcome pending`"
        ),
        web_hint="set its outcome to Pending under “Edit round”",
    )

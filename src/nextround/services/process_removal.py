"""Remove a round or an interview recorded by mistake, keeping the feedback heard in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nextround.domain.debrief import Debrief
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application, Interview, Round, RoundOutcome
from nextround.domain.plan_erasure import Erased
from nextround.services.erasure import debriefs_erased, erase
from nextround.services.invite_memory import forget_interviews
from nextround.services.note_quotes import (
    QuotingNotes,
    debrief_quotes,
    delete_drafts,
    notes_quoting,
)
from nextround.services.ports import FullUnitOfWork
from nextround.services.stamps import touch


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@dataclass(frozen=True)
class RoundRemoval:
    """A round to delete: what goes with it, and what is kept."""

    application: Application
    round: Round
    interviews: list[Interview]
    debriefs: list[Debrief]
    #: Feedback about the round or its interviews; kept, about the whole application.
    feedback: list[Feedback]
    #: The stage numbers of the later rounds, each moving up one stage.
    moved: tuple[int, ...]
    #: The earlier rounds adding this one marked passed (unchanged since): pending again.
    reopened: list[Round] = field(default_factory=list)
    #: Thank-you notes quoting its debriefs: unsent ones go with them, sent ones stay.
    notes: QuotingNotes = field(default_factory=QuotingNotes)

    @property
    def label(self) -> str:
        """The round as the user knows it, e.g. "round 2 of Acme (Hiring manager)"."""
        return f"round {self.round.position} of {self.application.company} ({self.round.name})"

    @property
    def losses(self) -> str:
        """What is deleted besides the round, in words ("" when nothing)."""
        parts = []
        if self.interviews:
            parts.append(_count(len(self.interviews), "interview"))
        if self.debriefs:
            parts.append(_count(len(self.debriefs), "debrief"))
        return " and ".join(parts)

    @property
    def summary(self) -> str:
        """The round and what goes with it, e.g. "round 2 of Acme (Screen) with 1 interview"."""
        return f"{self.label} with {self.losses}" if self.losses else self.label

    @property
    def kept(self) -> str:
        """What happens to the rest, in sentences ("" when nothing else changes)."""
        notes = []
        if self.feedback:
            notes.append(
                f"{_count(len(self.feedback), 'feedback item')} heard in it "
                f"{'stays' if len(self.feedback) == 1 else 'stay'}, about the whole application."
            )
        if self.moved:
            first, last = self.moved[0], self.moved[-1]
            before = f"round {first}" if first == last else f"rounds {first}-{last}"
            after = f"round {first - 1}" if first == last else f"rounds {first - 1}-{last - 1}"
            notes.append(f"{before[0].upper()}{before[1:]} become{'s' * (first == last)} {after}.")
        if self.reopened:
            many = len(self.reopened) > 1
            numbers = " and ".join(str(r.position) for r in self.reopened)
            notes.append(
                f"Round{'s' * many} {numbers} {'are' if many else 'is'} pending again, as before "
                "this round was added."
            )
        return " ".join(filter(None, [*notes, self.notes.said()]))


@dataclass(frozen=True)
class InterviewRemoval:
    """An interview to delete, its debrief if it has one, and what is kept."""

    application: Application
    round: Round
    interview: Interview
    debrief: Debrief | None
    #: Feedback about the interview; kept, about its round.
    feedback: list[Feedback]
    #: Thank-you notes quoting its debrief: unsent ones go with it, sent ones stay.
    notes: QuotingNotes = field(default_factory=QuotingNotes)

    @property
    def label(self) -> str:
        """The interview as the user knows it, with its round and company."""
        return (
            f"interview {self.interview.title!r} ({self.application.company}, "
            f"round {self.round.position}: {self.round.name})"
        )

    @property
    def losses(self) -> str:
        """What is deleted besides the interview, in words ("" when nothing)."""
        if self.debrief is None:
            return ""
        rated = len(self.debrief.ratings)
        return "its debrief" + (f" with {_count(rated, 'self-rating')}" if rated else "")

    @property
    def summary(self) -> str:
        """The interview and what goes with it."""
        return f"{self.label} and {self.losses}" if self.losses else self.label

    @property
    def kept(self) -> str:
        """What happens to the feedback heard in it and the notes quoting it ("" for none)."""
        said = ""
        if self.feedback:
            verb = "stays" if len(self.feedback) == 1 else "stay"
            said = (
                f"{_count(len(self.feedback), 'feedback item')} heard in it {verb}, "
                f"about round {self.round.position}."
            )
        return " ".join(filter(None, [said, self.notes.said()]))


def round_removal(uow: FullUnitOfWork, round_id: int) -> RoundRemoval:
    """What deleting a round would take and keep, for a confirmation; changes nothing."""
    app, round_ = uow.applications.get_round(round_id)
    interview_ids = {i.id for i in round_.interviews if i.id is not None}
    debriefs = list(uow.debriefs.for_interviews(interview_ids).values())
    return RoundRemoval(
        app,
        round_,
        list(round_.sorted_interviews),
        debriefs,
        _about(uow, app, lambda f: f.round_id == round_id or f.interview_id in interview_ids),
        tuple(r.position for r in app.ordered_rounds if r.position > round_.position),
        _passed_by(app, round_),
        _quoting(uow, app, debriefs),
    )


def _quoting(uow: FullUnitOfWork, app: Application, debriefs: list[Debrief]) -> QuotingNotes:
    """The application's notes quoting the debriefs (see services.note_quotes)."""
    assert app.id is not None
    return notes_quoting(uow, app.id, (t for d in debriefs for t in debrief_quotes(d)))


def _passed_by(app: Application, round_: Round) -> list[Round]:
    """The earlier rounds that adding ``round_`` marked passed, and nothing changed since.

    Adding a round passes the pending rounds before it in the same instant (see
    Application.go_on): a round still passed with that time stamp was passed by it, so
    deleting the round added by mistake takes that back too, as removing a decision does.
    """
    return [
        r
        for r in app.ordered_rounds
        if r.position < round_.position
        and r.outcome is RoundOutcome.PASSED
        and r.ended_on is None
        and round_.created_at is not None
        and r.updated_at == round_.created_at
    ]


def remove_round(uow: FullUnitOfWork, round_id: int) -> RoundRemoval:
    """Delete a round with its interviews and their debriefs.

    Feedback is never lost with it: what was heard about the round or one of its interviews
    stays, about the whole application, for the user to re-file or delete. The later rounds
    move up one stage, so "round 3" is the third stage again; the earlier rounds its adding
    marked passed are pending again.
    """
    removal = round_removal(uow, round_id)
    app = removal.application
    for item in removal.feedback:
        item.round_id = item.interview_id = None
    touch(uow.now(), *removal.feedback, app)
    for debrief in removal.debriefs:
        uow.debriefs.delete(debrief)
    delete_drafts(uow, removal.notes)
    # Feedback and debriefs first: the round's delete cascades to them in the database, and
    # the ORM does not know to order those writes before it.
    uow.flush()
    for earlier in removal.reopened:
        earlier.outcome = RoundOutcome.PENDING
    touch(uow.now(), *removal.reopened)
    later = app.remove_round(removal.round)
    uow.flush()
    # One at a time, from the earliest: each stage number is free when a round moves into it.
    for moved in later:
        moved.position -= 1
        touch(uow.now(), moved)
        uow.flush()
    app.check()
    uow.flush()
    erase(uow, debriefs_erased(removal.debriefs) | Erased(rounds=frozenset({round_id})))
    forget_interviews(uow, (i.id for i in removal.interviews if i.id is not None))
    uow.commit()
    return removal


def interview_removal(uow: FullUnitOfWork, interview_id: int) -> InterviewRemoval:
    """What deleting an interview would take and keep, for a confirmation; changes nothing."""
    app, round_, interview = uow.applications.get_interview(interview_id)
    debrief = uow.debriefs.for_interview(interview_id)
    return InterviewRemoval(
        app,
        round_,
        interview,
        debrief,
        _about(uow, app, lambda f: f.interview_id == interview_id),
        _quoting(uow, app, [debrief] if debrief else []),
    )


def remove_interview(uow: FullUnitOfWork, interview_id: int) -> InterviewRemoval:
    """Delete an interview with its debrief; feedback about it stays, about its round."""
    removal = interview_removal(uow, interview_id)
    _drop(uow, removal)
    uow.flush()
    erase(uow, debriefs_erased([removal.debrief] if removal.debrief else []))
    forget_interviews(uow, [interview_id])
    uow.commit()
    return removal


def _drop(uow: FullUnitOfWork, removal: InterviewRemoval) -> None:
    """Delete what ``removal`` names, re-filing its feedback; the caller commits."""
    for item in removal.feedback:
        item.interview_id = None
        item.round_id = removal.round.id
    touch(uow.now(), *removal.feedback, removal.round, removal.application)
    if removal.debrief is not None:
        uow.debriefs.delete(removal.debrief)
    delete_drafts(uow, removal.notes)
    uow.flush()  # as in remove_round: before the cascade would take them
    removal.application.remove_interview(removal.round, removal.interview)


def _about(
    uow: FullUnitOfWork, app: Application, heard: Callable[[Feedback], bool]
) -> list[Feedback]:
    assert app.id is not None
    return [item for item in uow.feedback.list(app.id) if heard(item)]

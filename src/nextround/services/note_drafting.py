"""Drafting thank-you notes: gather the facts of one application and write three variants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextround.domain.journey import Application, OfferResponse, Round, Status
from nextround.domain.note_drafts import Draft, draft_thank_you
from nextround.domain.note_facts import NoteFacts
from nextround.domain.note_gaps import Missing
from nextround.domain.note_recipients import interview_held
from nextround.domain.note_timing import late_note
from nextround.domain.notes import (
    DEFAULT_WORD_LIMIT,
    Tone,
    answer_problem,
    default_tone,
    tone_problem,
)
from nextround.domain.round_names import round_phrase
from nextround.errors import DomainError
from nextround.services.frameworks import active_framework
from nextround.services.note_feedback import feedback_to_review, learnings, told_the_outcome
from nextround.services.note_moments import moments
from nextround.services.note_recipients import caution_not_there, recipients_for
from nextround.services.note_sender import Sender, signature
from nextround.services.ports import FullUnitOfWork
from nextround.services.process import resolve_round

_OFFER_STATUSES = frozenset({Status.OFFER, Status.ACCEPTED, Status.DECLINED})


@dataclass(frozen=True)
class NoteRequest:
    """What the person asked for; everything optional except the application."""

    application_id: int
    to: tuple[str, ...] = ()
    round_position: int | None = None
    tone: Tone | None = None
    limit: int = DEFAULT_WORD_LIMIT
    sender: str | None = None
    # The answer to the offer the tone speaks of ("after-decline": declined), if it names one.
    answer: OfferResponse | None = None


@dataclass(frozen=True)
class DraftSet:
    """Three drafts and the record they were drafted from."""

    application: Application
    round: Round | None
    facts: NoteFacts
    drafts: list[Draft]
    sender: Sender | None
    #: The sender's name was only read from the imported resume: none is saved.
    sender_from_resume: bool = False
    #: People named by hand who were not in the round the note thanks them for.
    not_there: Missing | None = None
    #: How the recipients were chosen when no contact's role said who leads the process.
    addressed: Missing | None = None
    #: Why a thank-you is late, when the drafts check in for that reason (or it may be skipped).
    late: Missing | None = None

    def draft(self, variant: int) -> Draft:
        """One of the three variants."""
        if not 1 <= variant <= len(self.drafts):
            raise DomainError(f"there is no draft {variant}", cli_hint="--variant is 1, 2 or 3")
        return self.drafts[variant - 1]


def draft_notes(uow: FullUnitOfWork, request: NoteRequest) -> DraftSet:
    """Draft three thank-you notes from the record of one application."""
    app = uow.applications.get(request.application_id)
    round_ = _round(app, request.round_position, uow.now())
    decision = app.current_decision
    # The offer's answer as the record holds it; None when the process holds no offer.
    response = (decision.offer_response if decision else None) or (
        None if app.status not in _OFFER_STATUSES else OfferResponse.PENDING
    )
    if request.answer is not None and (problem := answer_problem(request.answer, response)):
        raise DomainError(
            problem,
            cli_hint=f"e.g. `nextround decision edit {app.id} --response {request.answer.value}`"
            if response is not None
            else None,
        )
    late = (
        _late(app, round_, uow.now()) if default_tone(app.status) is Tone.AFTER_INTERVIEW else None
    )
    problem = (
        tone_problem(request.tone, app.status, late=late is not None) if request.tone else None
    )
    if problem:
        raise DomainError(problem)
    tone = request.tone or (Tone.CHECK_IN if late else default_tone(app.status))
    recipients, addressed = recipients_for(uow, app, request.to, round_, tone)
    framework = active_framework(uow)
    signed = signature(uow, request.sender)
    sender = signed.sender
    proper = {app.company, *(word for r in recipients for word in r.name.split())}
    proper |= {w for c in uow.contacts.list(app.id) for w in c.name.split()}
    proper_names = frozenset(word for name in proper for word in name.split())
    facts = NoteFacts(
        company=app.company,
        role_title=app.role_title,
        tone=tone,
        recipients=tuple(recipients),
        round_name=round_.name if round_ else None,
        moments=tuple(moments(uow, app, round_, proper_names)) if round_ else (),
        learnings=tuple(learnings(uow, app, framework)),
        sender=sender.name if sender else None,
        offer_response=response,
        proper_names=proper_names,
        outcome_told_by=frozenset(told_the_outcome(uow, app)),
        feedback_to_review=feedback_to_review(uow, app),
        application_id=app.id,
        round_position=round_.position if round_ else None,
        round_interviews=len(round_.interviews) if round_ else 0,
        next_round=_next_round(app, round_),
    )
    drafts = draft_thank_you(facts, request.limit)
    not_there = caution_not_there(uow, app, round_, tone, recipients) if request.to else None
    return DraftSet(
        app,
        round_,
        facts,
        drafts,
        sender,
        signed.from_resume,
        not_there,
        addressed,
        late if not request.tone else None,
    )


def _late(app: Application, round_: Round | None, now: datetime) -> Missing | None:
    """Why a thank-you for the round is late now, if it is (one rule for the CLI and web)."""
    if round_ is None:
        return None
    held = [
        i.scheduled_at
        for i in round_.interviews
        if i.scheduled_at is not None and interview_held(round_, i, now)
    ]
    held_on = max(held).astimezone().date() if held else round_.started_on
    phrase = round_phrase(round_.name, frozenset({app.company}))
    later = _later_round(app, round_)
    next_round = f"{_next_round(app, round_)} (round {later.position})" if later else None
    return late_note(held_on, now.astimezone().date(), str(phrase), next_round)


def _later_round(app: Application, round_: Round | None) -> Round | None:
    later = [r for r in app.ordered_rounds if round_ and r.position > round_.position]
    return later[0] if later else None


def _next_round(app: Application, round_: Round | None) -> str | None:
    """The round after this one, as a note names it ("the virtual onsite"), if on record."""
    later = _later_round(app, round_)
    return str(round_phrase(later.name, frozenset({app.company}))) if later else None


def _round(app: Application, position: int | None, now: datetime) -> Round | None:
    if position is not None:
        return resolve_round(app, position)
    started = [r for r in app.ordered_rounds if r.started_on <= now.astimezone().date()]
    # A note thanks people for time already given: a round whose interviews are all still
    # ahead (later today, say) is not the one to write about yet.
    held = [r for r in started if any(interview_held(r, i, now) for i in r.interviews)]
    candidates = held or started
    return candidates[-1] if candidates else None

"""Rejections worth asking feedback for, and the request drafted from the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from nextround.domain.feedback import FeedbackSource
from nextround.domain.feedback_request import (
    ASK_WITHIN_DAYS,
    FeedbackAsk,
    FeedbackRequest,
    draft_feedback_request,
    feedback_ask,
)
from nextround.domain.journey import Application, Outcome
from nextround.domain.notes import Recipient, Tone
from nextround.errors import DomainError
from nextround.services.note_sender import Sender, signature
from nextround.services.ports import FullUnitOfWork, UnitOfWork


def _has_feedback(uow: UnitOfWork, app_id: int) -> bool:
    # The person's own notes are not what the company said.
    return any(i.source is not FeedbackSource.SELF for i in uow.feedback.list(app_id))


def feedback_asks(uow: UnitOfWork) -> list[FeedbackAsk]:
    """Every recent rejection after an interview that came with no feedback, oldest first."""
    today = uow.today()
    since = today - timedelta(days=ASK_WITHIN_DAYS)
    asks = []
    # The facts first: only the few recent rejections need their whole aggregate read.
    for facts in uow.applications.facts():
        decision = facts.current_decision
        if decision is None or decision.outcome is not Outcome.REJECTION or not facts.rounds:
            continue
        if not since <= decision.decided_on <= today:
            continue
        ask = feedback_ask(uow.applications.get(facts.id), _has_feedback(uow, facts.id), today)
        if ask is not None:
            asks.append(ask)
    return sorted(asks, key=lambda a: (a.decided_on, a.application_id))


def worth_asking(uow: UnitOfWork, app: Application) -> bool:
    """Whether the plan suggests asking this application for feedback now."""
    if app.id is None:
        return False
    return feedback_ask(app, _has_feedback(uow, app.id), uow.today()) is not None


@dataclass(frozen=True)
class FeedbackRequestDraft:
    """The request with who it is to and what it was drafted from."""

    application: Application
    ask: FeedbackAsk
    draft: FeedbackRequest
    recipients: tuple[str, ...]
    # Why this request may not be needed or may come late, said beside it.
    caution: str | None = None
    # Who it is addressed to, with their emails, and who signs it: what an .eml needs.
    people: tuple[Recipient, ...] = ()
    sender: Sender | None = None


def draft_request(
    uow: FullUnitOfWork, app_id: int, sender: str | None = None
) -> FeedbackRequestDraft:
    """The feedback request for one application, or a clear error saying why there is none.

    ``sender``: who signs it, as 'Name <address>' (default: the saved sender, as notes do).

    Outside the usual window, or with feedback already on record, it is still drafted when
    the application ended in a rejection after an interview: the person may know better.
    """
    from nextround.services.note_recipients import recipients_for

    app = uow.applications.get(app_id)
    today = uow.today()
    decision = app.current_decision
    if decision is None or decision.outcome is not Outcome.REJECTION:
        raise DomainError(
            f"application {app_id} ({app.company}) has no rejection on record; a feedback "
            "request follows a “no”",
            cli_hint=f"for a thank-you note: `nextround note thank-you {app_id}`",
        )
    # Asked by hand: the window and feedback already given do not stop it.
    ask = feedback_ask(app, False, decision.decided_on)
    if ask is None:
        raise DomainError(
            f"application {app_id} ({app.company}) was not rejected after an interview (a "
            "screen, an online test or a take-home decided it, or it has no round); such a "
            "“no” rarely comes with feedback to give",
            cli_hint=f"add the round it ended at: `nextround round add {app_id} …`",
        )
    try:
        people, _ = recipients_for(uow, app, (), None, Tone.AFTER_REJECTION)
    except DomainError:
        people = []  # nobody on record: the recruitment team
    signer = signature(uow, sender).sender
    names = tuple(p.first_name for p in people)
    draft = draft_feedback_request(ask, names, signer.name if signer else None)
    caution = None
    if _has_feedback(uow, app_id):
        caution = (
            f"feedback from {app.company} is already on record; to ask about what it said, "
            f"`nextround feedback clarify` drafts questions"
        )
    elif today > ask.ask_by:
        caution = (
            f"the decision was {(today - ask.decided_on).days} days ago; asking is still "
            "fine, but the answer may be less specific"
        )
    return FeedbackRequestDraft(
        app, ask, draft, tuple(p.name for p in people), caution, tuple(people), signer
    )

"""Rejections worth asking feedback for, the request drafted from the record, and kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from nextround.domain.feedback import FeedbackSource
from nextround.domain.feedback_request import (
    ASK_WITHIN_DAYS,
    FeedbackAsk,
    FeedbackRequest,
    draft_feedback_request,
    feedback_ask,
)
from nextround.domain.journey import Application, Outcome
from nextround.domain.notes import Note, NoteKind, Recipient, Tone
from nextround.errors import DomainError
from nextround.services.note_sender import Sender, signature
from nextround.services.notes import keep_note
from nextround.services.ports import FullUnitOfWork, NotesUnitOfWork, UnitOfWork


def _has_feedback(uow: UnitOfWork, app_id: int) -> bool:
    # The person's own notes are not what the company said.
    return any(i.source is not FeedbackSource.SELF for i in uow.feedback.list(app_id))


def _feedback_on_record(uow: FullUnitOfWork, app: Application) -> str:
    """What to say above a request when feedback is on record already.

    `feedback clarify` is pointed to only when it has questions for this application:
    sent there and finding nothing, the person would be sent straight back here.
    """
    from nextround.services.clarify import clarifications

    if any(c.feedback.application_id == app.id for c in clarifications(uow)):
        return (
            f"feedback from {app.company} is already on record; to ask about what it said, "
            "`nextround feedback clarify` drafts questions"
        )
    return (
        f"feedback from {app.company} is already on record, with nothing in it vague "
        "enough to ask about; send this only to ask for more"
    )


def requests_sent(uow: NotesUnitOfWork) -> dict[int, date]:
    """The day a feedback request went out, by application (the first, if several did)."""
    sent: dict[int, date] = {}
    for note in uow.notes.list():
        if note.is_feedback_request and note.sent_on is not None:
            first = sent.get(note.application_id, note.sent_on)
            sent[note.application_id] = min(first, note.sent_on)
    return sent


def feedback_asks(uow: NotesUnitOfWork) -> list[FeedbackAsk]:
    """Every recent rejection after an interview that came with no feedback, oldest first.

    A rejection whose feedback request went out is asked already: it is not among them.
    """
    today = uow.today()
    since = today - timedelta(days=ASK_WITHIN_DAYS)
    asked = requests_sent(uow)
    asks = []
    # The facts first: only the few recent rejections need their whole aggregate read.
    for facts in uow.applications.facts():
        decision = facts.current_decision
        if decision is None or decision.outcome is not Outcome.REJECTION or not facts.rounds:
            continue
        if not since <= decision.decided_on <= today or facts.id in asked:
            continue
        ask = feedback_ask(uow.applications.get(facts.id), _has_feedback(uow, facts.id), today)
        if ask is not None:
            asks.append(ask)
    return sorted(asks, key=lambda a: (a.decided_on, a.application_id))


def worth_asking(uow: NotesUnitOfWork, app: Application) -> bool:
    """Whether the plan suggests asking this application for feedback now."""
    if app.id is None or app.id in requests_sent(uow):
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
        caution = _feedback_on_record(uow, app)
    elif today > ask.ask_by:
        caution = (
            f"the decision was {(today - ask.decided_on).days} days ago; asking is still "
            "fine, but the answer may be less specific"
        )
    return FeedbackRequestDraft(
        app, ask, draft, tuple(p.name for p in people), caution, tuple(people), signer
    )


def kept_request(uow: FullUnitOfWork, app_id: int) -> Note | None:
    """The feedback request kept for an application, if one is."""
    return next((n for n in uow.notes.list(app_id) if n.is_feedback_request), None)


def save_request(
    uow: FullUnitOfWork,
    drafted: FeedbackRequestDraft,
    *,
    subject: str | None = None,
    body: str | None = None,
    sent_on: date | None = None,
) -> Note:
    """Keep the request (possibly edited) as a note, as a draft or as sent on a day.

    One per application: a second would be the same request kept twice, so the one kept is
    named instead, with how to see it, mark it sent or delete it.
    """
    app = drafted.application
    assert app.id is not None
    kept = kept_request(uow, app.id)
    if kept is not None:
        state = f"sent on {kept.sent_on}" if kept.sent_on else "not sent yet"
        raise DomainError(
            f"application {app.id} ({app.company}) already has a feedback request kept, "
            f"note {kept.id} ({state}); one request is enough",
            cli_hint=(
                f"see it with `nextround note show {kept.id}`"
                + ("" if kept.sent_on else f", mark it sent with `nextround note sent {kept.id}`")
                + f", or delete it first with `nextround note rm {kept.id}`"
            ),
            web_hint="it is listed under Notes, where it can be marked sent or deleted",
        )
    note = Note(
        application_id=app.id,
        tone=Tone.AFTER_REJECTION,
        subject=drafted.draft.subject,
        body=drafted.draft.body,
        recipients=list(drafted.people),
        kind=NoteKind.FEEDBACK_REQUEST,
    )
    return keep_note(uow, note, app.applied_on, subject=subject, body=body, sent_on=sent_on)

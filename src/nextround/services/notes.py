"""Keeping notes (thank-you notes, feedback requests): list, mark sent, remove, export .eml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from nextround.domain.journey import OfferResponse
from nextround.domain.notes import Note, Recipient, Tone, answered_occasion
from nextround.services.note_drafting import DraftSet
from nextround.services.note_sender import Sender
from nextround.services.ports import FullUnitOfWork
from nextround.services.stamps import touch


def save_note(
    uow: FullUnitOfWork,
    drafts: DraftSet,
    variant: int,
    *,
    subject: str | None = None,
    body: str | None = None,
    sent_on: date | None = None,
) -> Note:
    """Keep one variant (possibly edited), as a draft or as sent on a day."""
    chosen = drafts.draft(variant)
    app = drafts.application
    assert app.id is not None
    note = Note(
        application_id=app.id,
        tone=drafts.facts.tone,
        subject=chosen.subject,
        body=chosen.body,
        recipients=list(drafts.facts.recipients),
        variant=variant,
        offer_answer=_answered(drafts.facts.tone, drafts.facts.offer_response),
    )
    return keep_note(uow, note, app.applied_on, subject=subject, body=body, sent_on=sent_on)


def keep_note(
    uow: FullUnitOfWork,
    note: Note,
    applied_on: date,
    *,
    subject: str | None,
    body: str | None,
    sent_on: date | None,
) -> Note:
    """Keep a drafted note, with the subject or body the person edited, as a draft or as sent.

    `note` comes as drafted; an edited subject or body (not None) replaces the drafted one
    before the note is checked. `applied_on` is its application's, which a sent day may not
    precede.
    """
    if subject is not None:
        note.subject = subject
    if body is not None:
        note.body = body
    note.check()
    if sent_on is not None:
        note.mark_sent(sent_on, applied_on, uow.today())
    touch(uow.now(), note)
    uow.notes.add(note)
    uow.commit()
    return note


def _answered(tone: Tone, response: OfferResponse | None) -> OfferResponse | None:
    # Only an answer the drafts spoke of is the note's: an offer still pending is "after offer".
    return response if answered_occasion(tone, response) else None


@dataclass(frozen=True)
class NoteListing:
    """A saved note with the application it belongs to."""

    note: Note
    company: str
    role_title: str

    @property
    def to(self) -> str:
        """Who it is addressed to; a feedback request to nobody on record, the team."""
        names = ", ".join(r.name for r in self.note.recipients)
        return names or f"the {self.company} recruitment team"

    @property
    def label(self) -> str:
        """The note as the user knows it: "note 3 to Maya Lindgren (PM at Acme, not sent yet)"."""
        sent = f"sent on {self.note.sent_on}" if self.note.sent_on else "not sent yet"
        what = "feedback request, note" if self.note.is_feedback_request else "note"
        return f"{what} {self.note.id} to {self.to} ({self.role_title} at {self.company}, {sent})"


def list_notes(uow: FullUnitOfWork, application_id: int | None = None) -> list[NoteListing]:
    """Saved notes, oldest first, optionally of one application."""
    if application_id is not None:
        uow.applications.get(application_id)
    listings = []
    for note in uow.notes.list(application_id):
        app = uow.applications.get(note.application_id)  # the session caches repeats
        listings.append(NoteListing(note, app.company, app.role_title))
    return listings


def get_note(uow: FullUnitOfWork, note_id: int) -> NoteListing:
    """One saved note."""
    note = uow.notes.get(note_id)
    app = uow.applications.get(note.application_id)
    return NoteListing(note, app.company, app.role_title)


def remove_note(uow: FullUnitOfWork, note_id: int) -> NoteListing:
    """Delete a saved note: a draft kept twice, or one that will never go out."""
    removed = get_note(uow, note_id)
    uow.notes.delete(removed.note)
    uow.commit()
    return removed


def mark_sent(uow: FullUnitOfWork, note_id: int, on: date | None = None) -> Note:
    """Record the day a saved note went out (default today)."""
    note = uow.notes.get(note_id)
    app = uow.applications.get(note.application_id)
    note.mark_sent(on or uow.today(), app.applied_on, uow.today())
    touch(uow.now(), note)
    uow.commit()
    return note


def as_eml(
    uow: FullUnitOfWork,
    *,
    subject: str,
    body: str,
    recipients: list[Recipient],
    sender: Sender | None,
    sent_on: date | None,
) -> bytes:
    """A note as an RFC 5322 message (an .eml file); unsent notes open as drafts.

    A note sent is dated the day it went out, not the day it was exported; a draft has no
    date yet (the mail client gives it one when it is sent).
    """
    from nextround.domain.note_drafts import fill_signature
    from nextround.io.eml import note_message

    return note_message(
        subject=subject,
        # A note kept before a sender was set goes out signed, not with a blank in it.
        body=fill_signature(body, sender.name if sender else None),
        recipients=recipients,
        sender_name=sender.name if sender else "",
        sender_email=sender.email if sender else None,
        sent_at=sent_moment(sent_on, uow.now()) if sent_on is not None else None,
    )


def sent_moment(sent_on: date, now: datetime) -> datetime:
    """When a note sent on a day went out: now if that is today, else midday that day.

    The record keeps the day, not the hour; midday keeps the date the same in any time zone
    a mail client shows it in.
    """
    local = now.astimezone()
    if sent_on == local.date():
        return local
    return datetime.combine(sent_on, time(12, 0), tzinfo=local.tzinfo)

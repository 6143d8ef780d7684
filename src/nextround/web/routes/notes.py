"""Notes in the web app: draft from the record, keep one, copy it, mark it sent.

Thank-you notes, and feedback requests after a "no" (drafted on the application's page).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from starlette.responses import RedirectResponse, Response

from nextround.domain.journey import Application, OfferResponse, Status
from nextround.domain.note_drafts import NAME_PLACEHOLDER
from nextround.domain.note_gaps import moment_origin
from nextround.domain.notes import Recipient, Tone, answered_occasion, fitting_tones
from nextround.domain.pipeline import ApplicationFacts
from nextround.errors import DomainError, InvalidInputError, NotFoundError
from nextround.services.applications import get_application
from nextround.services.feedback_request import draft_request, save_request
from nextround.services.note_drafting import DraftSet, NoteRequest, draft_notes
from nextround.services.note_recipients import NobodyToThankError, note_people, recipient_ref
from nextround.services.note_sender import Sender, get_sender, set_sender
from nextround.services.notes import (
    NoteListing,
    as_eml,
    get_note,
    list_notes,
    mark_sent,
    remove_note,
    save_note,
)
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormBook, FormReader, FormState
from nextround.web.routes.reports import attachment

router = APIRouter()

#: Where a use case's message belongs on the forms of these pages.
SENT_ERRORS = (("on", r"in the future|before the application"),)
KEEP_ERRORS = (
    ("sent_on", r"in the future|before the application"),
    ("subject", r"subject"),
    ("body", r"^note text"),
)


#: The moment each tone is written for, in words ("After interview" alone said too little).
TONE_WORDS = {
    Tone.AFTER_INTERVIEW: "After an interview",
    Tone.AFTER_REJECTION: "After a rejection",
    Tone.AFTER_OFFER: "After an offer",
    Tone.AFTER_WITHDRAWAL: "After you withdrew",
    Tone.CHECK_IN: "A check-in, with no answer yet",
}


#: The answer a status gives the offer: a note after declining must say so.
_ANSWER_OF = {Status.DECLINED: OfferResponse.DECLINED, Status.ACCEPTED: OfferResponse.ACCEPTED}


def _tone_words(tone: Tone, answer: OfferResponse | None) -> str:
    """The tone as the page names it, with the answer given to an offer."""
    answered = answered_occasion(tone, answer)
    return answered[0].upper() + answered[1:] if answered else TONE_WORDS[tone]


def render_notes(web: Web, failed: FormState | None = None, status: int = 200) -> Response:
    """Every kept note, newest first, and where to draft a new one."""

    def load(
        uow: SqlUnitOfWork,
    ) -> tuple[list[NoteListing], list[ApplicationFacts], Sender | None]:
        return list_notes(uow), uow.applications.facts(), get_sender(uow)

    listings, applications, sender = web.read(load)
    signed = f"{sender.name} <{sender.email}>" if sender and sender.email else ""
    return web.page(
        "notes.html",
        status,
        can_email=sender is not None and sender.email is not None,
        sender=sender,
        sender_values={"sender": signed or (sender.name if sender else "")},
        listings=listings[::-1],
        applications=applications,
        note_tone=lambda note: (
            "feedback request after a rejection"
            if note.is_feedback_request
            else _tone_words(note.tone, note.offer_answer).lower()
        ),
        forms=FormBook(failed),
    )


@router.get("/notes")
def notes_page(web: WebDep) -> Response:
    """Kept notes with a copy button, and a way to mark each as sent."""
    return render_notes(web)


@router.post("/notes/sender")
def change_sender(web: WebDep, form: FormDep) -> Response:
    """Who signs the notes, and the From of the .eml files: 'Name <you@example.com>'."""
    reader = FormReader("sender", form)
    try:
        sender = web.write(lambda uow: set_sender(uow, reader.raw("sender")))
    except DomainError as exc:
        reader.explain(exc, (("sender", r"."),))
        return render_notes(web, reader.state, 422)
    address = f" <{sender.email}>" if sender.email else ""
    return web.redirect("/notes", f"Your notes are signed by {sender.name}{address}.")


@router.get("/notes/new")
def draft_for(app: int, web: WebDep) -> Response:
    """The "draft a note for" picker: on to that application's drafts."""
    return RedirectResponse(f"/applications/{app}/notes/new", status_code=303)


@dataclass(frozen=True)
class DraftChoice:
    """Who the drafts are to, after which round and in which tone; empty means the defaults."""

    to: tuple[str, ...] = ()
    round_position: int | None = None
    tone: Tone | None = None

    def request(self, app_id: int) -> NoteRequest:
        """The use case's request for these choices."""
        return NoteRequest(app_id, to=self.to, round_position=self.round_position, tone=self.tone)

    def query(self, tone: str | None = None) -> str:
        """These choices as a query string, with another tone if given (for the tone links)."""
        pairs = [("to", ref) for ref in self.to]
        if self.round_position is not None:
            pairs.append(("round", str(self.round_position)))
        chosen = tone or (self.tone.value if self.tone else None)
        if chosen:
            pairs.append(("tone", chosen))
        return urlencode(pairs)


def _tone(value: str | None) -> Tone | None:
    if not value:
        return None
    try:
        return Tone(value)
    except ValueError:
        raise InvalidInputError(
            f"tone {value!r} is not one of: {', '.join(t.value for t in Tone)}"
        ) from None


def _round_position(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise InvalidInputError(f"round {value!r} is not a round number; pick one from the list")
    return int(value)


def render_drafts(
    web: Web,
    app_id: int,
    choice: DraftChoice,
    failed: FormState | None = None,
    status: int = 200,
) -> Response:
    """Three drafts for an application, each ready to copy or keep (edited if wished)."""

    def load(
        uow: SqlUnitOfWork,
    ) -> tuple[Application, list[Recipient], DraftSet | None, str | None]:
        app = get_application(uow, app_id)
        people = note_people(uow, app_id)
        try:
            return app, people, draft_notes(uow, choice.request(app_id)), None
        except NobodyToThankError as exc:
            # Who was there, or why nobody was: the people to tick are listed under "To".
            return app, people, None, exc.for_web()
        except DomainError as exc:  # say so on the page
            return app, people, None, exc.for_web()
        except NotFoundError as exc:
            if exc.kind != "contact":
                raise
            # A kept link to drafts for someone removed since: the page still helps.
            return (
                app,
                people,
                None,
                f"Contact {exc.ident} is no longer on record (removed since?): tick who the "
                "note is for under “To”.",
            )

    app, people, drafts, problem = web.read(load)
    chosen = {recipient_ref(r) for r in drafts.facts.recipients} if drafts else set(choice.to)
    return web.page(
        "note_drafts.html",
        status,
        app=app,
        drafts=drafts,
        name_placeholder=NAME_PLACEHOLDER,
        problem=problem,
        choice=choice,
        people=[(recipient_ref(r), r, recipient_ref(r) in chosen) for r in people],
        moment_origin=moment_origin,
        rounds=app.ordered_rounds,
        round_position=drafts.round.position if drafts and drafts.round else None,
        tones=[
            (tone.value, _tone_words(tone, _ANSWER_OF.get(app.status)), choice.query(tone.value))
            for tone in fitting_tones(app.status, late=bool(drafts and drafts.late))
        ],
        forms=FormBook(failed),
    )


@router.get("/applications/{app_id}/notes/new")
def drafts_page(
    app_id: int,
    web: WebDep,
    tone: str | None = None,
    to: Annotated[list[str] | None, Query()] = None,
    round: str | None = None,  # the query parameter, named as the CLI option --round
) -> Response:
    """Draft a thank-you note; ``?to=ID&to=Name&round=2&tone=after_offer`` override defaults."""
    picked = tuple(dict.fromkeys(ref.strip() for ref in to or () if ref.strip()))
    choice = DraftChoice(picked, _round_position(round), _tone(tone))
    return render_drafts(web, app_id, choice)


@router.post("/applications/{app_id}/notes")
def keep(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Keep one draft (as edited), as not yet sent or as sent on a day."""
    variant = form.get("variant", "1")
    number = int(variant) if isinstance(variant, str) and variant in ("1", "2", "3") else 1
    reader = FormReader(f"keep-{number}", form)
    tone = reader.choice("tone", Tone)
    to = tuple(ref for ref in form.getlist("to") if isinstance(ref, str) and ref.strip())
    position = form.get("round")
    choice = DraftChoice(to, _round_position(position if isinstance(position, str) else None), tone)
    sent_on = reader.date("sent_on", "day it was sent")
    subject, body = reader.required("subject"), reader.required("body")
    if reader.ok:
        try:
            note = web.write(
                lambda uow: save_note(
                    uow,
                    draft_notes(uow, choice.request(app_id)),
                    number,
                    subject=subject,
                    body=body,
                    sent_on=sent_on,
                )
            )
        except (DomainError, InvalidInputError) as exc:
            reader.explain(exc, KEEP_ERRORS)
        else:
            state = f"sent on {note.sent_on}" if note.sent_on else "not sent yet"
            return web.redirect(f"/notes#note-{note.id}", f"Kept the note ({state}).")
    return render_drafts(web, app_id, choice, reader.state, 422)


@router.post("/applications/{app_id}/feedback-request")
def keep_request(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Keep the feedback request drafted on the application's page, to mark it sent later."""
    back = f"/applications/{app_id}#next-steps"
    reader = FormReader("feedback-request", form)
    sent_on = reader.date("sent_on", "day it was sent")
    if not reader.ok:
        errors = "; ".join(reader.state.errors.values()) if reader.state else ""
        return web.redirect(back, warning=f"Nothing was kept: {errors}.")
    try:
        note = web.write(lambda uow: save_request(uow, draft_request(uow, app_id), sent_on=sent_on))
    except DomainError as exc:
        return web.redirect(back, warning=f"{exc.for_web()[:1].upper()}{exc.for_web()[1:]}.")
    state = f"sent on {note.sent_on}" if note.sent_on else "not sent yet"
    return web.redirect(f"/notes#note-{note.id}", f"Kept the feedback request ({state}).")


@router.post("/notes/{note_id}/sent")
def sent(note_id: int, web: WebDep, form: FormDep) -> Response:
    """Record the day a kept note went out."""
    reader = FormReader(f"sent-{note_id}", form)
    on = reader.date("on", "day it went out", required=True)
    if reader.ok:
        try:
            note = web.write(lambda uow: mark_sent(uow, note_id, on))
        except DomainError as exc:
            reader.explain(exc, SENT_ERRORS)
        else:
            return web.redirect(f"/notes#note-{note.id}", f"Marked as sent on {note.sent_on}.")
    return render_notes(web, reader.state, 422)


@router.post("/notes/{note_id}/delete")
def delete(note_id: int, web: WebDep, form: FormDep) -> Response:
    """Delete a kept note, after an explicit confirmation."""
    reader = FormReader(f"delete-{note_id}", form)
    if not reader.confirmed():
        # Shown again open, its box focused, where the person asked.
        return render_notes(web, reader.state, 422)
    removed = web.write(lambda uow: remove_note(uow, note_id))
    names = removed.to
    return web.redirect(
        "/notes", f"Deleted the note to {names} ({removed.role_title} at {removed.company})."
    )


@router.get("/notes/{note_id}.eml")
def eml(note_id: int, web: WebDep) -> Response:
    """The note as an .eml file: it opens in the mail client, ready to send."""
    sender = web.read(get_sender)
    if sender is None or sender.email is None:
        # The From line needs the person's own address: ask for it where it is given.
        return web.redirect(
            "/notes#sender", "Give your name and email under “Who your notes are from” first."
        )

    def load(uow: SqlUnitOfWork) -> bytes:
        note = get_note(uow, note_id).note
        return as_eml(
            uow,
            subject=note.subject,
            body=note.body,
            recipients=note.recipients,
            sender=get_sender(uow),
            sent_on=note.sent_on,
        )

    return attachment(web, web.read(load), "message/rfc822", f"nextround-note-{note_id}", "eml")

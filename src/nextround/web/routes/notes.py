"""Thank-you notes in the web app: draft from the record, keep one, copy it, mark it sent."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import RedirectResponse, Response

from nextround.domain.journey import Application
from nextround.domain.notes import Tone
from nextround.domain.pipeline import ApplicationFacts
from nextround.errors import DomainError, InvalidInputError
from nextround.services.applications import get_application
from nextround.services.notes import (
    DraftSet,
    NoteListing,
    NoteRequest,
    as_eml,
    draft_notes,
    get_note,
    get_sender,
    list_notes,
    mark_sent,
    save_note,
)
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormBook, FormReader, FormState
from nextround.web.rendering import options
from nextround.web.routes.reports import attachment

router = APIRouter()

#: Where a use case's message belongs on the forms of these pages.
SENT_ERRORS = (("on", r"in the future|before the application"),)
KEEP_ERRORS = (
    ("sent_on", r"in the future|before the application"),
    ("subject", r"subject"),
    ("body", r"^note text"),
)


def render_notes(web: Web, failed: FormState | None = None, status: int = 200) -> Response:
    """Every kept note, newest first, and where to draft a new one."""

    def load(uow: SqlUnitOfWork) -> tuple[list[NoteListing], list[ApplicationFacts], bool]:
        sender = get_sender(uow)
        can_email = sender is not None and sender.email is not None
        return list_notes(uow), uow.applications.facts(), can_email

    listings, applications, can_email = web.read(load)
    return web.page(
        "notes.html",
        status,
        can_email=can_email,
        listings=listings[::-1],
        applications=applications,
        forms=FormBook(failed),
    )


@router.get("/notes")
def notes_page(web: WebDep) -> Response:
    """Kept notes with a copy button, and a way to mark each as sent."""
    return render_notes(web)


@router.get("/notes/new")
def draft_for(app: int, web: WebDep) -> Response:
    """The "draft a note for" picker: on to that application's drafts."""
    return RedirectResponse(f"/applications/{app}/notes/new", status_code=303)


def render_drafts(
    web: Web, app_id: int, tone: Tone | None, failed: FormState | None = None, status: int = 200
) -> Response:
    """Three drafts for an application, each ready to copy or keep (edited if wished)."""

    def load(uow: SqlUnitOfWork) -> tuple[Application, DraftSet | None, str | None]:
        app = get_application(uow, app_id)
        try:
            return app, draft_notes(uow, NoteRequest(app_id, tone=tone)), None
        except DomainError as exc:  # e.g. nobody on record to thank: say so on the page
            return app, None, str(exc)

    app, drafts, problem = web.read(load)
    return web.page(
        "note_drafts.html",
        status,
        app=app,
        drafts=drafts,
        problem=problem,
        tone=tone,
        tones=options(Tone),
        forms=FormBook(failed),
    )


@router.get("/applications/{app_id}/notes/new")
def drafts_page(app_id: int, web: WebDep, tone: str | None = None) -> Response:
    """Draft a thank-you note; ``?tone=after_offer`` overrides the tone the status suggests."""
    chosen = None
    if tone:
        try:
            chosen = Tone(tone)
        except ValueError:
            raise InvalidInputError(
                f"tone {tone!r} is not one of: {', '.join(t.value for t in Tone)}"
            ) from None
    return render_drafts(web, app_id, chosen)


@router.post("/applications/{app_id}/notes")
def keep(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Keep one draft (as edited), as not yet sent or as sent on a day."""
    variant = form.get("variant", "1")
    number = int(variant) if isinstance(variant, str) and variant in ("1", "2", "3") else 1
    reader = FormReader(f"keep-{number}", form)
    tone = reader.choice("tone", Tone)
    sent_on = reader.date("sent_on", "day it was sent")
    subject, body = reader.required("subject"), reader.required("body")
    if reader.ok:
        try:
            note = web.write(
                lambda uow: save_note(
                    uow,
                    draft_notes(uow, NoteRequest(app_id, tone=tone)),
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
    return render_drafts(web, app_id, tone, reader.state, 422)


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


@router.get("/notes/{note_id}.eml")
def eml(note_id: int, web: WebDep) -> Response:
    """The note as an .eml file: it opens in the mail client, ready to send."""

    def load(uow: SqlUnitOfWork) -> bytes:
        note = get_note(uow, note_id).note
        return as_eml(
            uow,
            subject=note.subject,
            body=note.body,
            recipients=note.recipients,
            sender=get_sender(uow),
            sent=note.sent_on is not None,
        )

    return attachment(web, web.read(load), "message/rfc822", f"nextround-note-{note_id}", "eml")

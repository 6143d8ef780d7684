"""Entering feedback: see each statement's suggested competencies and polarity, correct, save."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.datastructures import FormData
from starlette.responses import Response

from nextround.domain.competency import Framework
from nextround.domain.counts import it_or_them
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.feedback_copies import copy_note
from nextround.domain.journey import Application
from nextround.errors import DomainError, InvalidInputError
from nextround.services.application_growth import ApplicationGrowth, application_growth
from nextround.services.applications import get_application
from nextround.services.feedback import earlier_copies_of, statements_said_before
from nextround.services.feedback_entry import (
    OUTDATED,
    FeedbackDraft,
    PreviewOutdatedError,
    add_judged_feedback,
    preview_feedback,
    same_statements,
)
from nextround.services.frameworks import active_framework
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.feedback_forms import (
    FeedbackEntry,
    overlap_message,
    read_draft,
    read_judgements,
    verdicts,
)
from nextround.web.forms import FormBook, FormReader, FormState
from nextround.web.growth_forms import Judgement
from nextround.web.routes.detail import form_fragment_response, render_detail
from nextround.web.routes.feedback_items import render_all

router = APIRouter()

FORM = "feedback"


def _show(
    web: Web, app_id: int | None, state: FormState, entry: FeedbackEntry | None, status: int
) -> Response:
    """The feedback form again: in place for htmx, else on the whole page.

    Feedback about no application is entered on the page that lists all feedback.
    """
    if app_id is None:
        if web.htmx(f"{FORM}-form"):
            return web.fragment(
                "feedback_all.html",
                "entry_form",
                status,
                forms=FormBook(state),
                entry=entry,
                feedback_sources=list(FeedbackSource),
            )
        return render_all(web, 1, state, entry, status)
    if web.htmx(f"{FORM}-form"):

        def load(uow: SqlUnitOfWork) -> tuple[Application, ApplicationGrowth]:
            app = get_application(uow, app_id)
            return app, application_growth(uow, app, [])

        app, growth = web.read(load)
        return form_fragment_response(
            web, app, growth, FORM, FormBook(state), entry=entry, status=status
        )
    return render_detail(web, app_id, state, status, wanted=FORM, entry=entry)


def _preview(web: Web, draft: FeedbackDraft) -> FeedbackEntry:
    preview = web.read(
        lambda uow: preview_feedback(uow, draft, lambda fw: web.nextround.mapper(uow, fw))
    )
    return FeedbackEntry.suggested(preview)


@router.post("/applications/{app_id}/feedback/preview")
def preview(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Split and map the feedback, and show each statement's suggestions; nothing is saved."""
    return _preview_form(web, app_id, form)


@router.post("/feedback/new/preview")
def preview_general(web: WebDep, form: FormDep) -> Response:
    """The preview of feedback about no application: a work review, a mentor, a peer."""
    return _preview_form(web, None, form)


def _preview_form(web: Web, app_id: int | None, form: FormData) -> Response:
    reader = FormReader(FORM, form)
    draft = read_draft(reader, app_id)
    if reader.ok:
        try:
            return _show(web, app_id, reader.state, _preview(web, draft), 200)
        except (DomainError, InvalidInputError) as exc:
            reader.explain(exc, jf.FEEDBACK_ERRORS)
    return _show(web, app_id, reader.state, None, 422)


@router.post("/applications/{app_id}/feedback")
def save(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Store the feedback word for word with its statements, confirmed or corrected as chosen.

    "Save and confirm" confirms every statement as shown; "confirm later" confirms only the
    statements the user changed, and the others wait in the inbox. Either way a statement
    left with no competency ticked (nor "About no competency") waits for review. A copy of
    stored feedback confirms nothing (its preview offers only "Save without confirming"; see
    ``add_judged_feedback``).
    """
    return _save_form(web, app_id, form)


@router.post("/feedback/new")
def save_general(web: WebDep, form: FormDep) -> Response:
    """Store feedback about no application, as ``save`` does for an application's."""
    return _save_form(web, None, form)


def _save_form(web: Web, app_id: int | None, form: FormData) -> Response:
    reader = FormReader(FORM, form)
    draft = read_draft(reader, app_id)
    framework: Framework = web.read(active_framework)
    confirm_all = reader.raw("confirm") != "changed"
    judged = read_judgements(form, framework)
    if reader.ok and not any(j.error for j in judged):
        try:
            item, statements = web.write(
                lambda uow: add_judged_feedback(
                    uow,
                    draft,
                    lambda fw: web.nextround.mapper(uow, fw),
                    verdicts(judged),
                    confirm_all=confirm_all,
                )
            )
        except PreviewOutdatedError as exc:
            return _again(web, app_id, reader, draft, judged, exc.for_web())
        except (DomainError, InvalidInputError) as exc:
            reader.explain(exc, jf.FEEDBACK_ERRORS)
        else:
            # Feedback about no application is shown on its own page, with its statements.
            where = f"/feedback/{item.id}"
            if app_id is not None:
                where = f"/applications/{app_id}#feedback-{item.id}"
            assert item.id is not None
            new_id = item.id
            earlier = web.read(lambda uow: earlier_copies_of(uow, new_id))
            said = web.read(lambda uow: statements_said_before(uow, new_id))
            if earlier:
                # Said, not refused: the same e-mail may rightly belong to two processes.
                message = _copy_message(earlier, new_id, len(statements))
            else:
                confirmed = sum(s.confirmed for s in statements)
                message = _saved_message(len(statements), confirmed, judged, confirm_all)
                if said.left_out:
                    message = f"{message} {overlap_message(said, new_id)}"
            return web.redirect(where, message)
    if not reader.ok:
        return _show(web, app_id, reader.state, None, 422)
    return _again(web, app_id, reader, draft, judged, "Please check the statements marked below.")


def _again(
    web: Web,
    app_id: int | None,
    reader: FormReader,
    draft: FeedbackDraft,
    judged: list[Judgement],
    message: str,
) -> Response:
    """The preview shown again, the user's choices kept where the statement is unchanged.

    If the text now splits into other statements, that is what the message says: marks on
    statements that are gone would not help.
    """
    try:
        entry = _preview(web, draft)
    except (DomainError, InvalidInputError) as exc:
        reader.explain(exc, jf.FEEDBACK_ERRORS)
        return _show(web, app_id, reader.state, None, 422)
    now = [j.text for j in entry.judgements]
    if not same_statements([j.text for j in judged], now):
        message = OUTDATED[0].upper() + OUTDATED[1:] + "."
    return _show(web, app_id, reader.state, entry.with_choices(judged, message), 422)


def _copy_message(earlier: list[Feedback], new_id: int, count: int) -> str:
    """What a save of a copy says: stored, nothing confirmed, and what to do about it."""
    statements = "its statement waits" if count == 1 else f"its {count} statements wait"
    noun = "statement" if count == 1 else "statements"
    return (
        f"Saved the feedback word for word, without confirming anything: {copy_note(earlier)}, "
        f"so {statements} for review in Feedback and your profile counts the words once. If "
        f"you saved it twice by mistake, delete this one (feedback {new_id}) under “Delete it” "
        f"on its page; if it is about this process too, review its {noun} to count "
        f"{it_or_them(count)}."
    )


def _saved_message(count: int, confirmed: int, judged: list[Judgement], confirm_all: bool) -> str:
    plural = "" if count == 1 else "s"
    undecided = sum(not j.decided for j in judged)
    if judged and confirm_all and undecided:
        waits = "waits" if undecided == 1 else "wait"
        return (
            f"Saved the feedback word for word, and confirmed {confirmed} of its {count} "
            f"statement{plural}; {undecided} with no competency chosen {waits} for your review "
            "in Feedback."
        )
    if judged and confirm_all and confirmed == count:
        return f"Saved the feedback word for word, and confirmed its {count} statement{plural}."
    if judged and confirm_all and not confirmed:  # each one already stored: none confirmed
        return f"Saved the feedback word for word, and confirmed none of its {count}."
    if judged and confirm_all:  # a near copy's repeated statements are never confirmed here
        return f"Saved the feedback word for word, and confirmed {confirmed} of its {count}."
    if not judged or not confirmed:
        waiting = "it waits" if count == 1 else "they wait"
        return (
            f"Saved the feedback word for word: {count} statement{plural}; {waiting} for your "
            "review in Feedback."
        )
    corrected = "your correction is" if confirmed == 1 else f"your {confirmed} corrections are"
    return (
        f"Saved the feedback word for word: {count} statement{plural}; {corrected} "
        "confirmed, and the rest wait for your review in Feedback."
    )

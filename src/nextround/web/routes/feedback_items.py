"""Every piece of feedback in one list; one item to read, correct or delete."""

from __future__ import annotations

from dataclasses import dataclass, replace

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.competency import Framework
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.journey import Application
from nextround.domain.pipeline import ApplicationFacts
from nextround.domain.statements import NO_COMPETENCY_NOTE, FeedbackStatement
from nextround.errors import DomainError, InvalidInputError, NotFoundError
from nextround.services.applications import get_application
from nextround.services.feedback import (
    NOTHING_TO_READ,
    earlier_copies_of,
    edit_feedback,
    holds_feedback,
    map_stored_feedback,
    said_before,
)
from nextround.services.feedback_records import FeedbackRecord, feedback_record, feedback_records
from nextround.services.frameworks import active_framework
from nextround.services.note_quotes import quoting_notes, remove_feedback_and_drafts
from nextround.services.review import moves_text, review_and_measure
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.feedback_forms import (
    EDIT_ERRORS,
    FeedbackEntry,
    copy_found_message,
    edit_values,
    overlap_message,
    part_options,
    read_changes,
    round_choice,
)
from nextround.web.forms import FormBook, FormReader, FormState
from nextround.web.growth_forms import Judgement
from nextround.web.rendering import day, label

router = APIRouter()

PER_PAGE = 20
RECORDS_KEY = ("growth", "feedback-records")
EDIT_FORM = "edit-feedback"


def render_all(
    web: Web,
    page_no: int = 1,
    failed: FormState | None = None,
    entry: FeedbackEntry | None = None,
    status: int = 200,
) -> Response:
    """Every feedback item, newest first, with the form for feedback about no application."""
    records: list[FeedbackRecord] = web.cached(RECORDS_KEY, feedback_records)
    pages = max(1, -(-len(records) // PER_PAGE))
    page_no = min(max(1, page_no), pages)
    start = (page_no - 1) * PER_PAGE
    return web.page(
        "feedback_all.html",
        status,
        records=records[start : start + PER_PAGE],
        total=len(records),
        to_review=sum(r.to_review for r in records),
        page_no=page_no,
        pages=pages,
        per_page=PER_PAGE,
        forms=FormBook(failed),
        entry=entry,
        feedback_sources=list(FeedbackSource),
    )


@router.get("/feedback/all")
def all_feedback(web: WebDep, page: int = 1) -> Response:
    """All feedback: from processes, work reviews, mentors and peers."""
    return web.shared_page(("feedback-all", page), lambda: render_all(web, page))


def _load_item(uow: SqlUnitOfWork, feedback_id: int) -> tuple[FeedbackRecord, Application | None]:
    record = feedback_record(uow, feedback_id)
    app_id = record.feedback.application_id
    return record, get_application(uow, app_id) if app_id is not None else None


@dataclass(frozen=True)
class VerdictChange:
    """A confirmed statement's verdict opened to change it: the picker as it stands."""

    statement_id: int
    judgement: Judgement
    framework: Framework


def render_item(
    web: Web,
    feedback_id: int,
    failed: FormState | None = None,
    status: int = 200,
    *,
    change: VerdictChange | None = None,
    at: int | None = None,
) -> Response:
    """One feedback item: as given, how it was read, and the forms to correct or delete it.

    ``change`` opens one statement's verdict to change it; ``at`` is the statement the
    focus goes to (the one just changed, or left as it was).
    """

    def load(
        uow: SqlUnitOfWork,
    ) -> tuple[FeedbackRecord, Application | None, list[ApplicationFacts], bool, str]:
        record, app = _load_item(uow, feedback_id)
        # Only feedback that holds some is worth splitting (see ``holds_feedback``).
        unread = not record.statements and holds_feedback(uow, record.feedback)
        quoted = quoting_notes(uow, feedback_id).said()
        return record, app, uow.applications.facts(), unread, quoted

    record, app, applications, unread, quoted = web.read(load)
    return web.page(
        "feedback_record.html",
        status,
        record=record,
        item=record.feedback,
        app=app,
        applications=sorted(applications, key=lambda a: (a.company.casefold(), -(a.id or 0))),
        stored=edit_values(record.feedback, app),
        parts=part_options(app, web.nextround.clock(), record.feedback.interview_id) if app else [],
        forms=FormBook(failed),
        feedback_sources=list(FeedbackSource),
        change=change,
        at=at,
        unread=unread,
        nothing_to_read=NOTHING_TO_READ,
        quoted=quoted,
    )


def _changeable(uow: SqlUnitOfWork, statement_id: int) -> tuple[FeedbackStatement, Framework]:
    statement = uow.statements.get(statement_id)
    return statement, uow.frameworks.get(statement.framework_id)


@router.get("/feedback/{feedback_id:int}")
def feedback_page(
    feedback_id: int, web: WebDep, change: int | None = None, at: int | None = None
) -> Response:
    """One feedback item; ``?change=ID`` opens that statement's verdict to change it.

    The verdict stays as it is until the user saves: opening it and going back changes
    nothing. Only a statement confirmed on this feedback opens (an unconfirmed one is
    reviewed in the inbox, a verdict carried from another framework is reviewed there anew).
    """
    opened = None
    if change is not None:
        statement, framework = web.read(lambda uow: _changeable(uow, change))
        if (
            statement.feedback_id == feedback_id
            and statement.confirmed
            and not statement.verdict_carried
        ):
            opened = VerdictChange(change, Judgement.current(statement), framework)
    return render_item(web, feedback_id, change=opened, at=at)


def _verdict_said(competencies: list[str], polarity: str, framework: Framework) -> str:
    names = [c.name for c in framework.competencies if c.id in competencies]
    return f"{', '.join(names)} · {polarity}" if names else NO_COMPETENCY_NOTE


@router.post("/feedback/statements/{statement_id:int}/verdict")
def change_verdict(statement_id: int, web: WebDep, form: FormDep) -> Response:
    """Save a changed verdict on a confirmed statement, as the inbox confirms one."""
    statement, framework = web.read(lambda uow: _changeable(uow, statement_id))
    # No #statement-ID: a page opened at a fragment ignores autofocus, which is what brings
    # the statement into view and the keyboard back to it.
    here = f"/feedback/{statement.feedback_id}?at={statement_id}"
    judged = Judgement.current(statement).read(form, framework)
    if judged.error is None and statement.confirmed:
        same = judged.competencies == statement.competencies and (
            not judged.competencies or judged.verdict_polarity is statement.polarity
        )
        if same:
            said = _verdict_said(statement.competencies, statement.polarity.value, framework)
            return web.redirect(here, f"Nothing to change: your verdict stays {said}.")
    if judged.error is None:
        try:
            done, moves = web.write(
                lambda uow: review_and_measure(
                    uow,
                    web.nextround.settings.half_life_days,
                    statement_id,
                    judged.competencies,
                    judged.verdict_polarity,
                )
            )
        except DomainError as exc:
            judged = replace(judged, error=exc.for_web())
        else:
            said = _verdict_said(done.competencies, done.polarity.value, framework)
            return web.redirect(
                here,
                f"Changed your verdict: {said}. Your profile counts it that way now. "
                f"{moves_text(moves)}",
            )
    change = VerdictChange(statement_id, judged, framework)
    return render_item(web, statement.feedback_id, status=422, change=change)


@router.post("/feedback/statements/{statement_id:int}/round")
def file_statement(statement_id: int, web: WebDep, form: FormDep) -> Response:
    """File a statement under the round of its process it is about (QA21 F11).

    An email about the whole process praises the take-home and criticises the system
    design: each statement counts for the round it speaks of. 0 is the feedback's own round.
    """
    from nextround.services.feedback import set_statement_round

    statement = web.read(lambda uow: uow.statements.get(statement_id))
    here = f"/feedback/{statement.feedback_id}?at={statement_id}"
    position = round_choice(form)
    if position is None or position < 0:
        return web.redirect(here, warning="Choose the round it is about, then file it.")
    try:
        web.write(lambda uow: set_statement_round(uow, statement_id, position or None))
    except DomainError as exc:
        return web.redirect(here, warning=exc.for_web())
    said = f"round {position}" if position else "the feedback's own round"
    return web.redirect(here, f"Filed under {said}: your profile and reports say so now.")


@router.get("/feedback/statements/{statement_id:int}")
def statement_page(statement_id: int, web: WebDep) -> Response:
    """Where a statement came from: its feedback item, open at that statement.

    Evidence in the profile links here, so every number leads to the words behind it.
    """
    statement = web.read(lambda uow: uow.statements.get(statement_id))
    return web.redirect(f"/feedback/{statement.feedback_id}#statement-{statement_id}")


def _unchanged(reader: FormReader, stored: dict[str, str]) -> bool:
    """Whether the form says what is stored already."""
    submitted = {name: reader.raw(name).strip() for name in stored}
    received = reader.date("received_on", "date you received it")
    submitted["received_on"] = received.isoformat() if received else ""
    return submitted == stored


@router.post("/feedback/{feedback_id:int}")
def edit(feedback_id: int, web: WebDep, form: FormDep) -> Response:
    """Correct who feedback came from, when, and which process it is about."""
    record, app = web.read(lambda uow: _load_item(uow, feedback_id))
    reader = FormReader(EDIT_FORM, form)
    correction = read_changes(reader, record.feedback)
    changes = correction.changes
    if reader.ok and _unchanged(reader, edit_values(record.feedback, app)):
        return web.redirect(f"/feedback/{feedback_id}", "Nothing to change: it already says so.")
    if reader.ok:
        try:
            web.write(lambda uow: edit_feedback(uow, feedback_id, changes))
        except NotFoundError as exc:
            if exc.kind == "feedback":
                raise  # the feedback itself went in another tab: the page is gone
            # Deleted in another tab since the form was shown: the lists offer only what exists.
            field = "part" if exc.kind in ("round", "interview") else "application"
            reader.fail(field, f"that {exc.kind} no longer exists; pick another from the list")
        except (DomainError, InvalidInputError) as exc:
            reader.explain(exc, EDIT_ERRORS)
        else:
            saved = web.read(lambda uow: feedback_record(uow, feedback_id))
            message = _saved(saved)
            if correction.note:
                message += f" Moved, {correction.note}."
            return web.redirect(f"/feedback/{feedback_id}", message)
    return render_item(web, feedback_id, reader.state, 422)


def _saved(record: FeedbackRecord) -> str:
    item = record.feedback
    by = f" ({item.author})" if item.author else ""
    about = f"about {record.about}" if record.about else "about no application"
    saved = f"Saved: {label(item.source).lower()} feedback{by} of {day(item.received_on)}, {about}."
    count = len(record.statements)
    if count == 0:
        return saved
    its = "Its statement counts" if count == 1 else f"Its {count} statements count"
    return f"{saved} {its} that way in your profile now."


@router.post("/feedback/{feedback_id:int}/map")
def map_feedback(feedback_id: int, web: WebDep, form: FormDep) -> Response:
    """Split feedback stored without mapping (an import, `feedback add --no-map`)."""

    def split(uow: SqlUnitOfWork) -> tuple[int, str]:
        framework = active_framework(uow)
        item, statements = map_stored_feedback(
            uow, feedback_id, lambda: web.nextround.mapper(uow, framework), framework.id
        )
        # Stored unmapped, it was never compared with the feedback before it.
        earlier = earlier_copies_of(uow, feedback_id)
        if earlier and statements:
            return len(statements), copy_found_message(earlier, feedback_id)
        texts = [s.text for s in statements]
        said = said_before(uow, item, texts, framework.id)
        return len(statements), overlap_message(said, feedback_id) if said.left_out else ""

    here = f"/feedback/{feedback_id}"
    try:
        count, repeats = web.write(split)
    except DomainError as exc:  # split meanwhile, from another page or the command line
        said = exc.for_web()
        return web.redirect(here, warning=f"{said[0].upper()}{said[1:]}.")
    if not count:
        return web.redirect(
            here,
            NOTHING_TO_READ,
        )
    plural = "" if count == 1 else "s"
    wait = "it waits" if count == 1 else "they wait"
    split_into = f"Split into {count} statement{plural}; {wait} for your review in Feedback."
    return web.redirect(f"{here}#given-title", f"{split_into} {repeats}".strip())


@router.post("/feedback/{feedback_id:int}/delete")
def delete_feedback(feedback_id: int, web: WebDep, form: FormDep) -> Response:
    """Delete feedback pasted twice or on the wrong process, after an explicit confirmation."""
    item: Feedback = web.read(lambda uow: uow.feedback.get(feedback_id))
    reader = FormReader(f"delete-feedback-{feedback_id}", form)
    if not reader.confirmed():
        return render_item(web, feedback_id, reader.state, 422)
    removed, notes = web.write(lambda uow: remove_feedback_and_drafts(uow, feedback_id))
    back = "/feedback/all"
    if item.application_id is not None:
        back = f"/applications/{item.application_id}#feedback"
    drafts = "".join(f" Deleted the unsent note {n.id} that quoted it." for n in notes.drafts)
    return web.redirect(
        back,
        f"Deleted the feedback of {day(item.received_on)} and its "
        f"{removed.statements} statement{'s' * (removed.statements != 1)}.{drafts}",
    )

"""Debriefing an interview from its application page: how it went, self-ratings, questions."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.datastructures import FormData
from starlette.responses import Response

from nextround.analysis.language import QUESTIONS_RISK, english_only_note
from nextround.domain.competency import Framework
from nextround.domain.counts import counted
from nextround.domain.debrief import NO_COMPETENCY, Debrief
from nextround.domain.question_verdict import question_verdict, removed_note
from nextround.errors import DomainError
from nextround.services.debrief_entry import add_question, save_debrief
from nextround.services.debriefs import SavedDebrief, confirm_questions, remove_questions
from nextround.services.frameworks import active_framework
from nextround.services.lookup import application_of_interview
from nextround.services.note_quotes import StillQuoting
from nextround.web.deps import FormDep, WebDep
from nextround.web.forms import FormReader
from nextround.web.growth_forms import DEBRIEF_ERRORS, read_debrief
from nextround.web.routes.detail import submit

router = APIRouter()


@router.post("/interviews/{interview_id}/debrief")
def debrief(interview_id: int, web: WebDep, form: FormDep) -> Response:
    """Write or rewrite the debrief; the questions asked are mapped to competencies."""
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    framework = web.read(active_framework)
    reader = FormReader(f"debrief-{interview_id}", form)
    fields = read_debrief(reader, framework)
    return submit(
        web,
        owner,
        reader,
        fields,
        run=lambda uow, f: save_debrief(
            uow, interview_id, f, lambda fw: web.nextround.mapper(uow, fw)
        ),
        routes=DEBRIEF_ERRORS,
        done=lambda saved: (f"interview-{interview_id}", _saved(saved)),
        warn=lambda saved: english_only_note(
            "\n".join(q.text for q in saved.debrief.questions),
            "list of questions",
            QUESTIONS_RISK,
        ),
        links=lambda saved: still_quoting_links(saved.still_quoting),
    )


def still_quoting_links(drafts: tuple[StillQuoting, ...]) -> tuple[tuple[str, str, str, str], ...]:
    """Each unsent thank-you note still quoting what an edit took out, linked to in Notes.

    The edit deletes none (a note is the person's letter): Notes is where they delete it,
    or copy it to change those words before they send it.
    """
    return tuple(
        (
            f"{draft.said}: ",
            f"open note {draft.note.id} in Notes",
            f"/notes#note-{draft.note.id}",
            " to delete it (and draft another), or change those words before you send it.",
        )
        for draft in drafts
    )


def _saved(saved: SavedDebrief) -> str:
    """What saving the whole form did, and the questions it took off the list, if any."""
    d, removed = saved.debrief, saved.questions.removed
    said = (
        f"Saved the debrief: {counted(len(d.ratings), 'self-rating')} and "
        f"{counted(len(d.questions), 'question')}."
    )
    if removed:
        confirmed = saved.questions.removed_confirmed
        which = f", {confirmed} of them confirmed" if confirmed else ""
        if len(removed) == 1:
            which = ", which you had confirmed" if confirmed else ""
        quoted = "; ".join(f"“{text}”" for text in removed)
        said += f" Removed {counted(len(removed), 'question')} no longer listed{which}: {quoted}."
    return said


def _questions_of(owner: int, interview_id: int, number: int | None = None) -> str:
    """The application page with an interview's questions open, at one of them."""
    at = f"asked-{interview_id}-{number}" if number else f"questions-{interview_id}"
    return f"/applications/{owner}?form=questions-{interview_id}#{at}"


@router.post("/interviews/{interview_id}/debrief/questions")
def add_asked(interview_id: int, web: WebDep, form: FormDep) -> Response:
    """Add one more question to a written debrief; the others keep their verdicts."""
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    text = str(form.get("question") or "").strip()
    if not text:
        return web.redirect(
            _questions_of(owner, interview_id),
            warning="Not added: type the question you were asked.",
        )
    try:
        saved = web.write(
            lambda uow: add_question(
                uow, interview_id, text, lambda fw: web.nextround.mapper(uow, fw)
            )
        )
    except DomainError as exc:
        return web.redirect(
            _questions_of(owner, interview_id), warning=f"Not added: {exc.for_web()}"
        )
    logged = saved.questions
    framework = web.read(active_framework)
    number = (*logged.added, *logged.again, 0)[0]
    if not number:  # nothing to add after all
        return web.redirect(_questions_of(owner, interview_id))
    probed = _probed(saved.debrief, number, framework)
    said = f"Added question {number}: {probed}."
    if not logged.added:
        said = f"Question {number} is this one, logged already, so it is not added twice: {probed}."
    warning = english_only_note(text, "question", QUESTIONS_RISK)
    return web.redirect(_questions_of(owner, interview_id, number), said, warning)


def _chosen(form: FormData) -> list[str] | None:
    """The competencies picked for a question: [] for about no competency, None for no pick.

    Each picker (a question may probe two) sends an id, several ids joined by commas (a
    combination made on the command line), "none", or nothing.
    """
    values = [str(v).strip() for v in form.getlist("competency")]
    picked = [c.strip() for v in values for c in v.split(",") if c.strip()]
    if not picked:
        return None
    return [] if picked == ["none"] else picked


@router.post("/interviews/{interview_id}/debrief/questions/{number}")
def confirm_question(interview_id: int, number: int, web: WebDep, form: FormDep) -> Response:
    """Confirm or correct what one logged question probed; it then teaches the mapper."""
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    target = _questions_of(owner, interview_id, number)
    refs = _chosen(form)
    if refs is None:
        return web.redirect(
            target,
            warning=f"Not confirmed: choose what question {number} probed, or “About no "
            "competency”.",
        )
    if any(r.lower() in NO_COMPETENCY for r in refs) and len(refs) > 1:
        return web.redirect(
            target,
            warning=f"Not confirmed: question {number} is either about no competency or about "
            "the ones chosen; choose “About no competency” alone, or competencies only.",
        )
    try:
        done = web.write(lambda uow: confirm_questions(uow, interview_id, {number: refs}))
    except DomainError as exc:
        return web.redirect(target, warning=f"Not confirmed: {exc.for_web()}")
    probed = _probed(done.debrief, number, web.read(active_framework))
    if done.changed:
        return web.redirect(target, f"Confirmed question {number}: {probed}.")
    return web.redirect(target, f"Question {number} was confirmed already: {probed}.")


@router.post("/interviews/{interview_id}/debrief/questions/{number}/remove")
def remove_asked(interview_id: int, number: int, web: WebDep, form: FormDep) -> Response:
    """Take one logged question off the list; the others keep their verdicts and move up.

    The form sends the question's words too: should the list have changed since the page
    was shown, the number may be another question's, and nothing is removed.
    """
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    text = str(form.get("text") or "")
    try:
        done = web.write(
            lambda uow: remove_questions(uow, interview_id, [number], text=text or None)
        )
    except DomainError as exc:
        return web.redirect(
            _questions_of(owner, interview_id), warning=f"Not removed: {exc.for_web()}"
        )
    framework = web.read(active_framework)
    said = "; ".join(removed_note(n, q, framework) for n, q in done.removed)
    left = len(done.debrief.questions)
    after = " The questions after it moved up one." if number <= left else ""
    links = still_quoting_links(done.still_quoting)
    if not left:
        return web.redirect(
            f"/applications/{owner}#interview-{interview_id}",
            f"Removed {said}. The debrief logs no questions now.",
            links=links,
        )
    return web.redirect(_questions_of(owner, interview_id), f"Removed {said}.{after}", links=links)


def _probed(debrief: Debrief, number: int, framework: Framework) -> str:
    """What a logged question probed, by the competencies' names, as the page shows them."""
    verdict = question_verdict(debrief.questions[number - 1], framework)
    if not verdict.confirmed:
        return f"suggested {verdict.probed}" if verdict.probed else "no clear competency"
    return verdict.probed or "about no competency"

"""Debriefing an interview from its application page: how it went, self-ratings, questions."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from nextround.analysis.language import QUESTIONS_RISK, english_only_note
from nextround.errors import DomainError
from nextround.services.debrief_entry import save_debrief
from nextround.services.debriefs import confirm_questions
from nextround.services.frameworks import active_framework
from nextround.services.lookup import application_of_interview
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
        done=lambda d: (
            f"interview-{interview_id}",
            f"Saved the debrief: {len(d.ratings)} self-rating{'' if len(d.ratings) == 1 else 's'}"
            f" and {len(d.questions)} question{'' if len(d.questions) == 1 else 's'}.",
        ),
        warn=lambda d: english_only_note(
            "\n".join(q.text for q in d.questions), "list of questions", QUESTIONS_RISK
        ),
    )


@router.post("/interviews/{interview_id}/debrief/questions/{number}")
def confirm_question(interview_id: int, number: int, web: WebDep, form: FormDep) -> Response:
    """Confirm or correct what one logged question probed; it then teaches the mapper."""
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    chosen = str(form.get("competency") or "").strip()
    refs = [] if chosen == "none" else [c for c in chosen.split(",") if c]
    target = f"/applications/{owner}#interview-{interview_id}"
    if not chosen:
        return web.redirect(
            target,
            warning=f"Not confirmed: choose what question {number} probed, or “About no "
            "competency”.",
        )
    try:
        saved = web.write(lambda uow: confirm_questions(uow, interview_id, {number: refs}))
    except DomainError as exc:
        return web.redirect(target, warning=f"Not confirmed: {exc.for_web()}")
    framework = web.read(active_framework)
    probed = saved.questions[number - 1].tags_on(framework.id, framework.ids).competencies
    names = [found.name if (found := framework.competency(c)) else c for c in probed]
    said = ", ".join(names) if names else "about no competency"
    return web.redirect(target, f"Confirmed question {number}: {said}.")

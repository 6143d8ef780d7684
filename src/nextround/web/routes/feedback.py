"""The feedback inbox: confirm or correct mappings in place; questions to ask about vague ones."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.statements import NO_COMPETENCY_NOTE
from nextround.errors import DomainError
from nextround.services.clarify import Clarifications, clarifications
from nextround.services.inbox import Inbox, review_inbox
from nextround.services.review import ReviewItem, moves_text, review_again, review_and_measure
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.feedback_forms import round_choice
from nextround.web.growth_forms import Judgement

router = APIRouter()

PER_PAGE = 20
INBOX_KEY = ("growth", "inbox")
#: Like the profile, these depend on the data only, and dropping them at every change is
#: enough; the cache's one-minute life is for views that count down.
LONG_TTL = 3600.0
QUESTIONS_KEY = ("growth", "clarifications")


def review_url(statement_id: int) -> str:
    """The inbox page a statement waits on, its first choice focused (and so in view).

    No ``#statement-ID``: a browser ignores autofocus on a page opened at a fragment, and
    a keyboard user would start again at the top.
    """
    return f"/feedback?statement={statement_id}"


def judgement_of(item: ReviewItem) -> Judgement:
    """The picker of a statement in the inbox, as the mapper left it."""
    s = item.statement
    return Judgement.suggested("", s.text, s.suggestions, s.pick, s.polarity, s.cues)


def inbox(web: Web) -> Inbox:
    """Every statement awaiting review, cached until the data changes."""
    return web.cache.get(INBOX_KEY, lambda: web.read(review_inbox), ttl=LONG_TTL)


def questions(web: Web) -> Clarifications:
    """Clarifying questions for vague statements, cached until the data changes."""
    return web.cache.get(QUESTIONS_KEY, lambda: web.read(clarifications), ttl=LONG_TTL)


def render_inbox(
    web: Web, page_no: int, with_questions: bool = False, focus: int | None = None
) -> Response:
    """The inbox page; the questions are inline, or loaded by htmx once the page is shown.

    Finding the vague statements reads every application they are about, which takes
    seconds on a large database, so the inbox itself never waits for it. ``focus`` is the
    statement whose first choice takes the focus (the one a link or a button led to).
    """
    box = inbox(web)
    items, number, pages = box.page(page_no, PER_PAGE)
    return web.page(
        "feedback.html",
        box=box,
        items=items,
        page_no=number,
        pages=pages,
        per_page=PER_PAGE,
        judgements={i.statement.id: judgement_of(i) for i in items},
        questions=questions(web) if with_questions else None,
        focus=focus,
    )


@router.get("/feedback")
def feedback_page(web: WebDep, page: int = 1, statement: int | None = None) -> Response:
    """Statements whose mapping is not confirmed yet, oldest feedback first.

    ``?statement=ID`` opens the page that statement is on, wherever the inbox has put it.
    """
    if statement is not None:
        page = inbox(web).page_of(statement, PER_PAGE)
    return web.shared_page(
        ("feedback", page, statement), lambda: render_inbox(web, page, focus=statement)
    )


@router.get("/feedback/questions")
def questions_part(web: WebDep) -> Response:
    """The clarifying questions: a fragment for htmx, else the inbox with them inline."""
    if not web.htmx():
        return web.shared_page(("feedback", 1, "questions"), lambda: render_inbox(web, 1, True))
    return web.shared_page(
        ("feedback-questions",),
        lambda: web.fragment("feedback.html", "questions", questions=questions(web)),
    )


@router.post("/feedback/statements/{statement_id}/again")
def again(statement_id: int, web: WebDep) -> Response:
    """Review a statement again on this framework: its verdict carried from another undone.

    A verdict given on this framework is changed on its feedback's page instead, where it
    stays as it is until the user saves (``feedback_items.change_verdict``).
    """
    statement = web.read(lambda uow: uow.statements.get(statement_id))
    if statement.confirmed and not statement.verdict_carried:
        # A page from before verdicts were changed in place: the verdict is opened, not undone.
        return web.redirect(f"/feedback/{statement.feedback_id}?change={statement_id}")
    web.write(lambda uow: review_again(uow, statement_id))
    return web.redirect(
        review_url(statement_id),
        "It waits for your review again; until you confirm it, it counts as a suggestion.",
    )


@router.post("/feedback/statements/{statement_id}")
def review(statement_id: int, web: WebDep, form: FormDep) -> Response:
    """Confirm or correct one statement's competencies and polarity."""
    box = inbox(web)
    item = next((i for i in box.items if i.statement.id == statement_id), None)
    if item is None:
        # Already confirmed (another tab), or no such statement: say which.
        statement = web.read(lambda uow: uow.statements.get(statement_id))
        if not web.htmx():
            return web.redirect("/feedback", "That statement was already confirmed.")
        return _done(web, statement_id, "Already confirmed.", statement.text)
    framework = box.frameworks[item.statement.framework_id]
    judged = judgement_of(item).read(form, framework)
    about = round_choice(form) if item.rounds else None
    own = item.own_round
    if judged.error is None and about is not None and about != (own.position if own else 0):
        from nextround.services.feedback import set_statement_round

        try:
            web.write(lambda uow: set_statement_round(uow, statement_id, about or None))
        except DomainError as exc:
            judged = replace(judged, error=exc.for_web())
    if judged.error is None:
        try:
            _, moves = web.write(
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
    if judged.error is not None:
        if web.htmx():
            return web.fragment(
                "feedback_item.html",
                "item",
                422,
                item=item,
                j=judged,
                framework=framework,
                company=box.company(item),
                number=box.items.index(item) + 1,
            )
        return web.redirect(review_url(statement_id), warning=judged.error)
    names = [c.name for c in framework.competencies if c.id in judged.competencies]
    summary = (
        f"Confirmed: {', '.join(names)} · {judged.polarity}."
        if names
        else f"Confirmed: {NO_COMPETENCY_NOTE}."
    ) + f" {moves_text(moves)}"
    if web.htmx():
        return _done(web, statement_id, summary, item.statement.text)
    return web.redirect("/feedback", summary)


def _done(web: Web, statement_id: int, summary: str, text: str) -> Response:
    """The confirmed statement in place, and the inbox's counts brought up to date."""
    waiting = web.read(lambda uow: uow.statements.count_unconfirmed())
    return web.fragment(
        "feedback_item.html",
        "done",
        statement_id=statement_id,
        summary=summary,
        text=text,
        waiting=waiting,
    )

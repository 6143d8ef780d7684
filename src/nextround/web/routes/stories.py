"""The story bank: the list, the coverage matrix, and an editor whose checks update as you type."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.analysis.language import STORY_RISK, english_only_note
from nextround.domain.plan import PlanAction
from nextround.domain.statements import CLEAR_MATCH_MIN_CONFIDENCE, clear_guesses
from nextround.domain.stories import Story
from nextround.domain.tagging import Tagging
from nextround.errors import DomainError, InvalidInputError
from nextround.services.frameworks import active_framework
from nextround.services.plan import drafts_left_open, tick_written_stories
from nextround.services.stories import (
    list_stories,
    preview_check,
    remove_story,
    story_coverage,
)
from nextround.services.story_entry import save_story
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader, FormState
from nextround.web.growth_forms import STORY_ERRORS, read_story, story_draft, story_values
from nextround.web.growth_reads import profile_view

router = APIRouter()


def _budget(web: Web) -> int:
    return web.nextround.settings.story_budget_seconds


def render_stories(web: Web) -> Response:
    """The story bank and its coverage of your spikes and gaps."""
    view = profile_view(web)

    def load(uow: SqlUnitOfWork) -> tuple[Any, ...]:
        return list_stories(uow, _budget(web)), story_coverage(uow, view.profile, _budget(web))

    stories, matrix = web.read(load)
    shown = matrix.shown
    return web.page(
        "stories.html",
        stories=stories,
        matrix=matrix,
        rows=shown,
        hidden_rows=len(matrix.rows) - len(shown),
        names={c.id: c.name for c in view.framework.competencies},
        budget=_budget(web),
    )


@router.get("/stories")
def stories_page(web: WebDep) -> Response:
    """Every story with its precision checks, and the coverage matrix."""
    return web.shared_page(("stories",), lambda: render_stories(web))


def render_editor(
    web: Web,
    story_id: int | None,
    form: FormState | None = None,
    chosen: list[str] | None = None,
    status: int = 200,
    delete_form: FormState | None = None,
) -> Response:
    """The editor, for a new story (``story_id`` None) or a stored one.

    ``delete_form`` is a refused delete, shown open with its error.
    """

    def load(uow: SqlUnitOfWork) -> tuple[Story | None, Any]:
        story = None if story_id is None else uow.stories.get(story_id)
        return story, active_framework(uow)

    story, framework = web.read(load)
    form = form or FormState("story", story_values(story))
    tags = story.tags_on(framework.id, framework.ids) if story else Tagging()
    if chosen is None:
        chosen = list(tags.competencies)
    draft = {k: form.value(k) for k in ("title", "situation", "task", "action", "result")}
    # A guess under CLEAR_MATCH_MIN_CONFIDENCE is not named, as the CLI does not name it:
    # "Accessibility 14%" first for a group project reads as advice when nothing fits clearly.
    suggested = [m for m in clear_guesses(tags.suggestions) if m.competency_id not in chosen]
    no_clear_match = bool(tags.suggestions) and not clear_guesses(tags.suggestions)
    return web.page(
        "story.html",
        status,
        story=story,
        form=form,
        framework=framework,
        chosen=chosen,
        suggested=suggested,
        no_clear_match=no_clear_match,
        no_clear_under=f"{CLEAR_MATCH_MIN_CONFIDENCE:.0%}",
        check=preview_check(draft, _budget(web)),
        budget=_budget(web),
        delete_form=delete_form or FormState("delete"),
    )


@router.get("/stories/new")
def new_story_page(web: WebDep, from_resume: int | None = None) -> Response:
    """A blank story, or one pre-filled from a resume highlight for the person to complete."""
    if from_resume is None:
        return render_editor(web, None)
    from nextround.services.resumes import draft_from_highlight

    draft = web.read(lambda uow: draft_from_highlight(uow, from_resume))
    values = {**{k: str(v) for k, v in draft.items()}, "from_resume": str(from_resume)}
    return render_editor(web, None, FormState("story", values))


@router.get("/stories/{story_id}")
def story_page(story_id: int, web: WebDep) -> Response:
    """One story in the editor."""
    return render_editor(web, story_id)


def _save(web: Web, story_id: int | None, form: FormDep) -> Response:
    reader = FormReader("story", form)
    fields = read_story(reader)
    # A new story started from a resume highlight: linked to it once saved.
    highlight = reader.integer("from_resume", "resume highlight") if story_id is None else None

    def write(uow: SqlUnitOfWork) -> tuple[Story, Tagging, list[PlanAction], list[str]]:
        if highlight is not None:
            uow.resumes.highlight(highlight)  # still there: refused before anything is saved
        story = save_story(uow, story_id, fields, lambda fw: web.nextround.story_mapper(uow, fw))
        if highlight is not None:
            from nextround.services.resumes import link_story

            link_story(uow, highlight, story.id)
        framework = active_framework(uow)
        tags = story.tags_on(framework.id, framework.ids)
        ticked = tick_written_stories(uow, _budget(web))
        return story, tags, ticked, drafts_left_open(uow, story.id, _budget(web))

    try:
        saved, tags, ticked, drafts = web.write(write)
    except (DomainError, InvalidInputError) as exc:
        reader.explain(exc, STORY_ERRORS)
        return render_editor(web, story_id, reader.state, fields.get("competencies", []), 422)
    tip = ""
    if clear_guesses(tags.suggestions) and not tags.competencies:
        tip = " Tick the competencies it shows, from the suggestions below."
    elif tags.suggestions and not tags.competencies:
        tip = " No competency fits it clearly: add the ones it shows below."
    # A story that answers a plan action ticks it off now: say so, not later on /plan.
    done = "".join(f" It completes your plan action “{a.title}”: ticked off today." for a in ticked)
    # A story the checker calls not ready ticks nothing off: say what it still lacks.
    done += "".join(f" {note}" for note in drafts)
    warning = english_only_note(saved.text, "story", STORY_RISK)
    return web.redirect(f"/stories/{saved.id}", f"Saved “{saved.title}”.{done}{tip}", warning)


@router.post("/stories")
def create_story(web: WebDep, form: FormDep) -> Response:
    """Add a story; the mapper suggests the competencies it shows."""
    return _save(web, None, form)


@router.post("/stories/check")
def check_draft(web: WebDep, form: FormDep) -> Response:
    """The precision checks of the draft in the editor, for htmx (nothing is saved)."""
    reader = FormReader("story", form)
    return web.fragment(
        "story.html",
        "checks",
        check=preview_check(story_draft(reader), _budget(web)),
        budget=_budget(web),
    )


@router.post("/stories/{story_id}")
def change_story(story_id: int, web: WebDep, form: FormDep) -> Response:
    """Save changes to a story."""
    return _save(web, story_id, form)


@router.post("/stories/{story_id}/delete")
def delete_story(story_id: int, web: WebDep, form: FormDep) -> Response:
    """Delete a story, after an explicit confirmation."""
    reader = FormReader("delete", form)
    if not reader.confirmed():
        # Shown again open, the box focused: a message at the top of the page, far from the
        # box, would be missed.
        return render_editor(web, story_id, status=422, delete_form=reader.state)
    removed = web.write(lambda uow: remove_story(uow, story_id))
    return web.redirect("/stories", f"Deleted “{removed.title}”.")

"""The growth plan: this week's checklist with done toggles, momentum, the whole plan, refresh."""

from __future__ import annotations

from fastapi import APIRouter
from markupsafe import Markup
from starlette.responses import Response

from nextround.domain.counts import counted
from nextround.domain.plan import INTERVIEW_PLACES, NOTHING_TO_PLAN, no_lean_in, unchecked_gaps
from nextround.domain.plan_groups import plan_groups
from nextround.domain.work_situation import SITUATION_LABELS, situation_from
from nextround.errors import DomainError, NotFoundError
from nextround.services.plan import refresh_plan, week
from nextround.services.plan_week import set_done, undo_done
from nextround.services.work_situation import set_work_situation, work_situation
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormBook, FormReader, FormState
from nextround.web.growth_charts import momentum_chart
from nextround.web.growth_reads import profile_view, this_week, to_build
from nextround.web.rendering import Flash, day

router = APIRouter()

#: Where a use case's message about the done form belongs: by its date.
DONE_ERRORS = (("on", r"in the future|could have been done|is before "),)
#: The lists an action's done form sits in: the week's and the whole plan's, each its own.
PLACES = ("week", "plan")


def done_form_key(place: str, action_id: str) -> str:
    """The key of an action's "done on" form in one list, so each list's has its own ids."""
    return f"done-{place}-{action_id}"


def render_plan(
    web: Web,
    status: int = 200,
    notice: str | None = None,
    failed: FormState | None = None,
    focus: tuple[str, str] | None = None,
) -> Response:
    """The plan page (or just the week, for htmx); a failed done form shows its error.

    ``focus``: the list and the action whose tick takes the focus (the one just toggled).
    """
    view = this_week(web)
    profile = profile_view(web)
    names = {c.id: c.name for c in profile.framework.competencies}
    context = {
        "week": view,
        "names": names,
        # An empty plan offers "Build my plan" only when building gives something; else it
        # says what makes actions appear, and which reviews would add some now.
        "to_build": 0 if view.plan else to_build(web),
        "nothing_to_plan": NOTHING_TO_PLAN,
        "interview_places": INTERVIEW_PLACES,
        "unchecked": unchecked_gaps(profile.profile),
        "early_gaps": profile.profile.early_gaps,
        "no_lean_in": no_lean_in(profile.profile),
        "momentum": Markup(momentum_chart(view.momentum)),  # our own SVG; it escapes its text
        "forms": FormBook(failed),
        "done_form_key": done_form_key,
        "focus": focus,
        "situation": web.read(work_situation),
        "situation_labels": [(s.value, label) for s, label in SITUATION_LABELS.items()],
    }
    # The same groups, headings and order as the shared report (domain.plan_groups).
    context["groups"] = [(g.kind, (g.title, g.note), g.actions) for g in plan_groups(view.plan)]
    if web.htmx("plan-body"):
        # The message goes out of band to the page's message region, pinned in sight: an
        # action ticked in the whole plan is far below the top of the plan's body.
        return web.fragments(
            [("plan.html", "body"), ("_messages.html", None)],
            status,
            oob=True,
            flash=Flash(notice) if notice else None,
            **context,
        )
    return web.page("plan.html", status, **context)


@router.get("/plan")
def plan_page(web: WebDep) -> Response:
    """The week's actions, momentum, and the whole plan."""
    return web.shared_page(("plan", web.htmx("plan-body")), lambda: render_plan(web))


def _action_id(form: FormDep) -> str:
    action_id = FormReader("toggle", form).raw("action").strip()
    if not action_id:
        raise NotFoundError("plan action", "(none given)")
    return action_id


def _place(form: FormDep) -> str:
    """The list the form was sent from: this week's, or the whole plan's."""
    place = str(form.get("place", ""))
    return place if place in PLACES else "week"


def _toggled(web: Web, form: FormDep, action_id: str, notice: str) -> Response:
    if web.htmx("plan-body"):
        return render_plan(web, notice=notice, focus=(_place(form), action_id))
    return web.redirect("/plan#this-week", notice)


@router.post("/plan/done")
def mark_done(web: WebDep, form: FormDep) -> Response:
    """Tick an action off, today or on the day given; the week's checklist is kept as picked.

    The tick sends no day (today); the "done on an earlier day" form sends one, which is
    refused, next to the field, when the action cannot have been done on it.
    """
    action_id = _action_id(form)
    reader = FormReader(done_form_key(_place(form), action_id), form)
    on = reader.date("on", "day you did it")
    if reader.ok:
        try:
            action = web.write(lambda uow: set_done(uow, action_id, True, on))
        except DomainError as exc:
            reader.explain(exc, DONE_ERRORS)
        else:
            today = web.nextround.clock().astimezone().date()
            when = "" if action.done_on in (None, today) else f" on {day(action.done_on)}"
            return _toggled(web, form, action_id, f"Done{when}: {action.title}")
    return render_plan(web, 422, failed=reader.state)


@router.post("/plan/undo")
def mark_open(web: WebDep, form: FormDep) -> Response:
    """Put a ticked action back on the list."""
    action_id = _action_id(form)
    settings = web.nextround.settings
    undone = web.write(
        lambda uow: undo_done(
            uow, action_id, settings.half_life_days, settings.story_budget_seconds
        )
    )
    return _toggled(web, form, action_id, undone.said("on its page under Stories"))


@router.post("/plan/refresh")
def refresh(web: WebDep) -> Response:
    """Rebuild the plan from the current profile and story bank; done actions are kept."""
    settings = web.nextround.settings
    try:
        view = web.write(
            lambda uow: refresh_plan(uow, settings.half_life_days, settings.story_budget_seconds)
        )
    except DomainError as exc:
        return web.redirect("/plan", warning=f"The plan could not be refreshed: {exc.for_web()}")
    open_count = counted(sum(1 for a in view.actions if not a.done), "open action")
    done = "Built your plan" if view.first_build else "Refreshed the plan"
    message = f"{done}: {open_count}."
    if not view.actions:
        message = "Nothing to plan yet: below is what makes actions appear."
    if view.left_week:
        titles = "; ".join(a.title for a in view.left_week)
        one = len(view.left_week) == 1
        message += (
            f" Left this week's pick: {titles}. The plan no longer suggests "
            f"{'it' if one else 'them'}: the evidence behind {'it' if one else 'them'} changed. "
            "The rest of the week stays as picked."
        )
    return web.redirect("/plan", message)


@router.post("/plan/repick")
def repick(web: WebDep) -> Response:
    """Pick this week's actions again from the plan as it stands; what was done stays."""
    settings = web.nextround.settings
    chosen = web.write(lambda uow: week(uow, settings.story_budget_seconds, repick=True))
    count = counted(len(chosen.actions), "action")
    return web.redirect("/plan#this-week", f"Picked this week again: {count}.")


@router.post("/plan/situation")
def situation(web: WebDep, form: FormDep) -> Response:
    """Say whether you have a job now; a plan already built is refreshed to match."""
    chosen = situation_from(str(form.get("situation", "")))
    if chosen is None:
        return web.redirect(
            "/plan#work-situation",
            warning="Choose one: “I have a job” or “I am between jobs”, then save.",
        )
    settings = web.nextround.settings

    def save(uow: SqlUnitOfWork) -> None:
        set_work_situation(uow, chosen)
        if uow.plan.all():
            refresh_plan(uow, settings.half_life_days, settings.story_budget_seconds)

    web.write(save)
    said = SITUATION_LABELS[chosen]
    return web.redirect("/plan", f"Saved: “{said}”. The plan's practice is worded for it.")

"""`nextround plan`: the growth plan, this week's actions, done toggles and momentum."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import (
    console,
    escape,
    paragraph,
    parse_date,
    print_json,
    sentence,
    state,
)

if TYPE_CHECKING:
    from nextround.domain.plan import Momentum, PlanAction

app = typer.Typer(
    add_completion=False,
    invoke_without_command=True,
    help="Your growth plan: mitigations for gaps, lean-in for spikes, stories to write.",
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
_KIND_LABEL = {
    "prepare": "[magenta]prep[/]",
    "mitigate": "[red]gap[/]",
    "lean_in": "[green]spike[/]",
    "story": "[cyan]story[/]",
    "clarify": "[yellow]ask[/]",
    "custom": "[white]own[/]",
}


def render_actions(actions: Sequence[PlanAction], *, details: bool = True) -> None:
    """Actions as a checklist."""
    for action in actions:
        box = "[green]✓[/]" if action.done else "☐"
        label = _KIND_LABEL.get(action.kind, action.kind)
        paragraph(f"{box} {label} {escape(action.title)}  [dim]{escape(action.id)}[/]", 0, 2)
        if details:
            paragraph(escape(action.detail), 4)
            if action.why:
                paragraph(f"[dim]why: {escape(action.why)}[/]", 4)


def render_momentum(momentum: Momentum) -> None:
    """Done per week, as a small bar row, and the streak."""
    bars = " ".join(f"{week[-3:]}:{'▮' * n or '·'}" for week, n in momentum.done_per_week)
    console().print(
        f"Momentum: {bars}  ·  streak {momentum.current_streak} "
        f"week{'s' if momentum.current_streak != 1 else ''}"
    )


@app.callback()
def plan(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Build or refresh the plan from your profile and story bank, and show it."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.plan import refresh_plan

    nextround = state(ctx).app
    with nextround.uow() as uow:
        view = refresh_plan(
            uow, nextround.settings.half_life_days, nextround.settings.story_budget_seconds
        )
    if as_json:
        print_json(
            {"actions": [a.to_json() for a in view.actions], "momentum": view.momentum.to_json()}
        )
        return
    out = console()
    open_actions = [a for a in view.actions if not a.done]
    out.print(
        f"[bold]Growth plan[/] · {len(open_actions)} open, "
        f"{len(view.actions) - len(open_actions)} done"
    )
    if not view.actions:
        out.print(
            "Nothing to plan yet: the plan grows from recurring gaps and spikes in your "
            "profile (`nextround profile`)."
        )
        early = view.profile.profile.early_gaps
        if early:
            from nextround.cli.profile import heard_once

            paragraph(
                f"Heard once so far, to ask about (`nextround feedback clarify`) and to watch "
                f"for in your next process: {escape(heard_once(early))}.",
                0,
                2,
            )
    render_actions(open_actions)
    render_momentum(view.momentum)
    out.print(
        "[dim]This week's pick: `nextround plan week`; tick one off: `nextround plan done ID` "
        "(with `--on DATE` if you did it on an earlier day).[/]"
    )


@app.command("week")
def week(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Pick (at most 5) and show this week's actions."""
    from nextround.services.plan import week as pick

    nextround = state(ctx).app
    with nextround.uow() as uow:
        planned = len(uow.plan.all())
        picked, momentum = pick(uow, nextround.settings.story_budget_seconds)
    if as_json:
        print_json({"actions": [a.to_json() for a in picked], "momentum": momentum.to_json()})
        return
    # The plan is built (and refreshed) only by `nextround plan`, as on the web's Refresh:
    # the week is picked from the plan as it stands, so say which of the two is missing.
    if not planned:
        console().print(
            "Your plan has no actions yet: `nextround plan` builds it from the recurring gaps "
            "and spikes in your profile, and your stories."
        )
    elif not picked:
        console().print(
            "No open actions: all of the plan is done. `nextround plan` refreshes it from "
            "your latest feedback."
        )
    else:
        console().print(f"[bold]This week[/] ({picked[0].week})")
        render_actions(picked)
    render_momentum(momentum)


@app.command("done")
def done(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(help="Action id, as shown by `nextround plan`.")],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="The day you did it (default today), so momentum counts the right week; "
            "on an action already done, corrects its day.",
        ),
    ] = None,
) -> None:
    """Mark an action done today, or on the day you did it."""
    from nextround.services.plan import current_momentum
    from nextround.services.plan import done as mark

    day = parse_date(on, "--on")
    with state(ctx).app.uow() as uow:
        before = next((a.done_on for a in uow.plan.all() if a.id == action_id), None)
        action = mark(uow, action_id, day)
        momentum = current_momentum(uow)
        today = uow.today()
    console().print(
        f"Done {_when(action.done_on, before, today)}: {escape(sentence(action.title))}"
    )
    render_momentum(momentum)


def _when(done_on: date | None, before: date | None, today: date) -> str:
    """'today', 'on 2026-11-23', 'already, on …' or '… (corrected from …)'."""
    when = "today" if done_on == today else f"on {done_on}"
    if before is None:
        return when
    if before == done_on:
        return when if done_on == today else f"already, {when}"
    return f"{when} (corrected from {before})"


@app.command("undo")
def undo(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(help="Action id, as shown by `nextround plan`.")],
) -> None:
    """Put an action marked done by mistake back on the list."""
    from nextround.services.plan import refresh_plan
    from nextround.services.plan_week import set_done

    nextround = state(ctx).app
    with nextround.uow() as uow:
        was_done = any(a.id == action_id and a.done for a in uow.plan.all())
        action = set_done(uow, action_id, False)
        # The plan is rebuilt on every `plan`; an open action whose reason has gone (the
        # gap closed, the evidence was corrected) would then quietly leave the list.
        view = refresh_plan(
            uow, nextround.settings.half_life_days, nextround.settings.story_budget_seconds
        )
    title = escape(sentence(action.title))
    if not was_done:
        console().print(f"Not marked done, so nothing to undo: {title}")
        return
    if any(a.id == action_id for a in view.actions):
        console().print(f"Back on the list: {title}")
    else:
        console().print(
            f"No longer marked done: {title} Your plan no longer suggests it, because the "
            "evidence behind it has changed, so it leaves the list."
        )
    render_momentum(view.momentum)

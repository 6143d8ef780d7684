"""`nextround plan`: the growth plan, this week's actions, done toggles and momentum."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import (
    aside,
    console,
    escape,
    paragraph,
    parse_date,
    print_json,
    sentence,
    state,
)
from nextround.domain.counts import counted

if TYPE_CHECKING:
    from nextround.bootstrap import Nextround
    from nextround.domain.offer_deadline import AnswerDue
    from nextround.domain.plan import Momentum, PlanAction
    from nextround.domain.profile import Profile
    from nextround.services.plan import WeekPick

app = typer.Typer(
    add_completion=False,
    invoke_without_command=True,
    help="Your growth plan: mitigations for gaps, lean-in for spikes, stories to write.",
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
_KIND_LABEL = {
    "prepare": "[magenta]prep[/]",
    "position": "[blue]pitch[/]",
    "mitigate": "[red]gap[/]",
    "practice": "[red]round[/]",
    "lean_in": "[green]spike[/]",
    "story": "[cyan]story[/]",
    "clarify": "[yellow]ask[/]",
    "custom": "[white]own[/]",
}


def render_actions(
    actions: Sequence[PlanAction],
    *,
    details: bool = True,
    numbers: Mapping[str, int] | None = None,
    week: str | None = None,
) -> None:
    """Actions as a checklist, each with its number for `plan done N` when given.

    With ``week`` (the week's pick), an action recorded as done before that week says so.
    """
    from nextround.domain.plan import done_earlier

    width = len(str(max(numbers.values(), default=0))) if numbers else 0
    for action in actions:
        box = "[green]✓[/]" if action.done else "☐"
        label = _KIND_LABEL.get(action.kind, action.kind)
        number = (numbers or {}).get(action.id)
        handle = f"[bold]{number:>{width}}[/] " if number is not None else ""
        indent = width + 1 if numbers else 0
        earlier = (
            f" [dim]· done earlier ({_day(action.done_on)})[/]"
            if week is not None and done_earlier(action, week)
            else ""
        )
        paragraph(
            f"{handle}{box} {label} {escape(action.title)}{earlier}  [dim]{escape(action.id)}[/]",
            0,
            2 + indent,
        )
        if details:
            paragraph(escape(action.detail), 4 + indent)
            if action.why:
                paragraph(f"[dim]why: {escape(action.why)}[/]", 4 + indent)


def render_momentum(momentum: Momentum) -> None:
    """Done per week, as a small bar row, and the streak."""
    bars = " ".join(f"{week[-3:]}:{'▮' * n or '·'}" for week, n in momentum.done_per_week)
    console().print(
        f"Momentum: {bars}  ·  streak {momentum.current_streak} "
        f"week{'s' if momentum.current_streak != 1 else ''}"
    )


#: How many done actions `nextround plan` lists under its open ones; `--done` lists all.
DONE_SHOWN = 5


def render_done(
    actions: Sequence[PlanAction], numbers: Mapping[str, int], limit: int | None = DONE_SHOWN
) -> None:
    """The done actions, most recent first, each with its day and what `plan undo` takes."""
    done = sorted(
        (a for a in actions if a.done_on is not None),
        key=lambda a: (a.done_on, numbers.get(a.id, 0)),
        reverse=True,
    )
    if not done:
        return
    shown = done if limit is None else done[:limit]
    console().print()
    paragraph(
        f"[bold]Done[/] ({len(done)}, most recent first; `nextround plan undo N` puts one "
        "back on the list)",
        0,
        2,
    )
    width = len(str(max(numbers.values(), default=0)))
    for action in shown:
        number = numbers.get(action.id)
        # Every action keeps its number once done: the one `plan undo N` takes.
        handle = f"[bold]{number:>{width}}[/]" if number is not None else " " * width
        label = _KIND_LABEL.get(action.kind, action.kind)
        paragraph(
            f"{handle} [green]✓[/] {label} {escape(action.title)} · done "
            f"{_day(action.done_on)}  [dim]{escape(action.id)}[/]",
            0,
            width + 3,
        )
    if len(done) > len(shown):
        paragraph(f"and {len(done) - len(shown)} more: `nextround plan --done`", width + 1)


def _day(day: date | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


@app.callback()
def plan(
    ctx: typer.Context,
    as_json: AsJson = False,
    done_only: Annotated[
        bool,
        typer.Option(
            "--done",
            help="List only what you have done, all of it, most recent first (with --json, "
            "only the done actions).",
        ),
    ] = False,
) -> None:
    """Build or refresh the plan from your profile and story bank, and show it."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.plan import refresh_plan, stored_plan

    nextround = state(ctx).app
    if nextround.read_only:
        # Refreshing stores the plan: where nothing can be stored, show the one stored.
        with nextround.uow(writes=False) as uow:
            view = stored_plan(uow, nextround.settings.half_life_days)
        aside(_not_refreshed(nextround, bool(view.actions)), as_json)
    else:
        with nextround.uow() as uow:
            view = refresh_plan(
                uow, nextround.settings.half_life_days, nextround.settings.story_budget_seconds
            )
    listed = [a for a in view.actions if a.done] if done_only else view.actions
    if as_json:
        print_json(
            {
                "actions": [{**a.to_json(), "number": view.numbers.get(a.id)} for a in listed],
                "momentum": view.momentum.to_json(),
            }
        )
        return
    out = console()
    open_actions = [a for a in view.actions if not a.done]
    out.print(
        f"[bold]Growth plan[/] · {len(open_actions)} open, "
        f"{len(view.actions) - len(open_actions)} done"
    )
    if done_only:
        if not listed:
            out.print("Nothing done yet: tick an action off with `nextround plan done N`.")
        render_done(listed, view.numbers, limit=None)
        return
    if not view.actions:
        render_nothing_to_plan(view.profile.profile)
        early = view.profile.profile.early_gaps
        if early:
            from nextround.cli.profile import heard_once

            paragraph(
                f"Heard once so far, to ask about (`nextround feedback clarify`) and to watch "
                f"for in your next process: {escape(heard_once(early))}.",
                0,
                2,
            )
    if view.actions:
        from nextround.domain.plan import no_lean_in

        if reason := no_lean_in(view.profile.profile):
            paragraph(f"[dim]{escape(reason)}[/]", 0, 2)
    render_actions(open_actions, numbers=view.numbers)
    render_done(view.actions, view.numbers)
    render_momentum(view.momentum)
    render_left_week(view.left_week)
    if view.actions:  # an empty plan has no week to point at
        out.print(
            "[dim]This week's pick: `nextround plan week`; tick one off: `nextround plan done "
            "N` (its number, or its id; with `--on DATE` if you did it on an earlier day).[/]"
        )


def _only_read(nextround: Nextround) -> str:
    """Why nothing is stored: the database file can only be read here."""
    from nextround.store.urls import sqlite_file

    return f"{sqlite_file(nextround.engine.url)} can only be read here (a read-only folder or file)"


def _not_refreshed(nextround: Nextround, stored: bool) -> str:
    """The line saying the plan shown was not refreshed, as the database can only be read."""
    why = _only_read(nextround)
    if stored:
        return f"[yellow]Not refreshed: {escape(why)}. This is the plan as last stored.[/]"
    return f"[yellow]No plan is stored, and none can be built: {escape(why)}.[/]"


def _week_not_saved(
    nextround: Nextround,
    stored: Sequence[PlanAction],
    picked: Sequence[PlanAction],
    this: str,
    repick: bool,
) -> str:
    """The line saying the week shown was not saved, as the database can only be read."""
    if not stored:
        return _not_refreshed(nextround, False)
    why = escape(_only_read(nextround))
    if repick:
        return (
            f"[yellow]Not saved: {why}. This week is picked again for this look only; the "
            "week as stored is unchanged.[/]"
        )
    # The pick keeps what the stored week holds; what it adds is this look's alone.
    held = {a.id for a in stored if a.week == this}
    added = sum(1 for a in picked if a.id not in held)
    if not held:
        return (
            f"[yellow]Not saved: {why}. This week is picked for this look only: the pick is "
            "kept once `nextround plan week` runs where the database can be written.[/]"
        )
    more = f", with {counted(added, 'more action')} picked for this look only" if added else ""
    return f"[yellow]Not saved: {why}. This is this week's pick as last stored{more}.[/]"


def render_nothing_to_plan(profile: Profile) -> None:
    """What makes actions appear in an empty plan, and the reviews that would add some now."""
    from nextround.domain.counts import joined
    from nextround.domain.plan import NOTHING_TO_PLAN, unchecked_gaps

    paragraph(escape(NOTHING_TO_PLAN), 0, 2)
    waiting = unchecked_gaps(profile)
    if waiting:
        one = len(waiting) == 1
        paragraph(
            f"Review the statements behind {escape(joined(waiting))} (`nextround feedback "
            f"review`), or rate yourself on {'it' if one else 'them'} in a debrief: "
            f"{'it then gets' if one else 'each then gets'} a provisional action.",
            0,
            2,
        )


def render_left_week(left: Sequence[PlanAction]) -> None:
    """Say which of this week's picks the refreshed plan dropped, and why."""
    if not left:
        return
    titles = "; ".join(escape(a.title) for a in left)
    paragraph(
        f"[yellow]Left this week's pick: {titles}. The plan no longer suggests "
        f"{'it' if len(left) == 1 else 'them'}: the evidence behind "
        f"{'it' if len(left) == 1 else 'them'} changed (a gap closed, feedback was corrected, "
        "or the framework changed). `nextround plan week` fills the place; the rest of the "
        "week stays as picked.[/]",
        0,
        2,
    )


@app.command("week")
def week(
    ctx: typer.Context,
    repick: Annotated[
        bool,
        typer.Option(
            "--repick",
            help="Pick this week again from the plan as it stands now (what you ticked off "
            "stays); without it, the week stays as first picked.",
        ),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Pick (at most 5) and show this week's actions; the pick stays for the week."""
    from nextround.domain.plan import iso_week
    from nextround.services.plan import week as pick
    from nextround.services.plan import week_unsaved
    from nextround.services.plan_week import offers_to_answer

    nextround = state(ctx).app
    settings = nextround.settings
    read_only = nextround.read_only
    empty_profile = None
    to_build = 0
    with nextround.uow(writes=not read_only) as uow:
        stored = uow.plan.all()
        planned = len(stored)
        if read_only:
            # Picking stores the week: where nothing can be stored, pick it for this look.
            chosen = week_unsaved(uow, settings.story_budget_seconds, repick=repick)
            this = iso_week(uow.today())
            aside(_week_not_saved(nextround, stored, chosen.actions, this, repick), as_json)
        else:
            chosen = pick(uow, settings.story_budget_seconds, repick=repick)
        answers = offers_to_answer(uow)
        if not planned and not as_json and not read_only:
            from nextround.services.plan import to_build as building_gives
            from nextround.services.profile import current_profile

            view = current_profile(uow, settings.half_life_days)
            to_build = building_gives(uow, view, settings.story_budget_seconds)
            empty_profile = view.profile
    picked = chosen.actions
    if as_json:
        print_json(
            {
                "actions": [{**a.to_json(), "number": chosen.numbers.get(a.id)} for a in picked],
                "waiting": [a.id for a in chosen.waiting],
                # What the company of the interview coming up said in an earlier process there.
                "last_time": chosen.last_time,
                "momentum": chosen.momentum.to_json(),
                # Pending offers with a deadline, soonest first; "soon" ones come first.
                "offers_to_answer": [
                    {
                        "application_id": a.application_id,
                        "company": a.company,
                        "title": a.action(),
                        "soon": a.soon,
                        **a.to_json(),
                    }
                    for a in answers
                ],
            }
        )
        return
    render_answers([a for a in answers if a.soon], first=True)
    # The plan is built (and refreshed) only by `nextround plan`, as on the web's Refresh:
    # the week is picked from the plan as it stands, so say which of the two is missing.
    if not planned and read_only:
        pass  # the note above says no plan is stored and none can be built here
    elif not planned and to_build:
        console().print(
            f"Your plan is not built yet: `nextround plan` builds it, with "
            f"{counted(to_build, 'open action')} as things stand."
        )
    elif not planned and empty_profile is not None:
        # Never "run `nextround plan`" when the plan would have nothing either.
        render_nothing_to_plan(empty_profile)
    elif not picked:
        console().print(
            "No open actions: all of the plan is done. `nextround plan` refreshes it from "
            "your latest feedback."
        )
    else:
        from nextround.domain.plan import done_in_week

        this = picked[0].week or ""
        # Counts what was done this week: one recorded on an earlier day says so instead.
        done_now = sum(1 for a in picked if done_in_week(a, this))
        console().print(f"[bold]This week[/] ({this}): {done_now} of {len(picked)} done")
        # Most pressing first (an interview coming up takes the first places), numbered as
        # in the whole plan: "2, 1, 5" needs saying, or it reads as a mistake.
        paragraph(
            "[dim]Most pressing first; each keeps its number in your plan (`nextround plan`), "
            "the one `nextround plan done N` takes.[/]",
            0,
            2,
        )
        render_actions(picked, numbers=chosen.numbers, week=this)
        if chosen.last_time:
            paragraph(f"[bold]Last time:[/] {escape(chosen.last_time)}", 0, 2)
    render_waiting(chosen)
    render_answers([a for a in answers if not a.soon], first=False)
    render_momentum(chosen.momentum)


def render_waiting(chosen: WeekPick) -> None:
    """Preparation for the interview coming up that the week, already full, does not hold."""
    if not chosen.waiting:
        return
    from nextround.domain.plan import INTERVIEW_PLACES

    wait = "it waits" if len(chosen.waiting) == 1 else "they wait"
    titles = "; ".join(
        f"{escape(a.title)} (number {chosen.numbers[a.id]})"
        if a.id in chosen.numbers
        else escape(a.title)
        for a in chosen.waiting
    )
    why = (
        f"This week is already picked, so {wait} in the plan; to make room, "
        "`nextround plan week --repick` (what you ticked off stays)."
        if chosen.repick_makes_room
        else f"{INTERVIEW_PLACES}; {wait} in the plan."
    )
    paragraph(
        f"[yellow]Also for {escape(chosen.occasion or 'your interview coming up')}: "
        f"{titles}. {why}[/]",
        0,
        2,
    )


def render_answers(answers: Sequence[AnswerDue], *, first: bool) -> None:
    """Offers to answer: due within a week go above the week's actions, later ones below."""
    if not answers:
        return
    console().print("[bold]Answer first[/]" if first else "[bold]Offers to answer later[/]")
    for due in answers:
        colour = "red" if due.overdue else "yellow" if first else "dim"
        paragraph(
            f"[{colour}]![/] {escape(due.action())} ({due.when}): {escape(due.command())}",
            0,
            2,
        )
    if first:
        console().print()


@app.command("done")
def done(
    ctx: typer.Context,
    action: Annotated[
        str,
        typer.Argument(
            help="The action's number as `nextround plan` or `plan week` shows it, or its id.",
            metavar="N_OR_ID",
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="The day you did it (default today), so momentum counts the right week; "
            "on an action already done, corrects its day.",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print JSON: action (as in `plan --json`, with its number), momentum, and "
            "previous_done_on (the day it was done before, else null).",
        ),
    ] = False,
) -> None:
    """Mark an action done today, or on the day you did it; the week's pick is kept."""
    from nextround.services.plan import current_momentum, resolve, this_number
    from nextround.services.plan_week import set_done

    day = parse_date(on, "--on")
    with state(ctx).app.uow() as uow:
        target = resolve(uow, action)
        before = target.done_on
        number = this_number(uow, target.id)
        ticked = set_done(uow, target.id, True, day)
        momentum = current_momentum(uow)
        today = uow.today()
    if as_json:
        print_json(
            {
                "action": {**ticked.to_json(), "number": number},
                "momentum": momentum.to_json(),
                "previous_done_on": before,
            }
        )
        return
    # The number said back, so a wrong one is seen at once (and `plan undo N` takes it).
    said = ticked.title if number is None else f"{ticked.title} (number {number})"
    title = escape(sentence(said))
    if before is None:
        console().print(f"Done {_on(ticked.done_on, today)}: {title}")
    elif before == ticked.done_on:
        # A second tick is not news: say so, and how to correct the day if that was the aim.
        ref = number if number is not None else ticked.id
        console().print(
            f"Already done {_on(before, today, dated=True)}; nothing changed: {title} "
            f"To correct the day: `nextround plan done {ref} --on DATE`."
        )
    else:
        console().print(f"Done {_on(ticked.done_on, today)} (corrected from {before}): {title}")
    render_momentum(momentum)


def _on(done_on: date | None, today: date, *, dated: bool = False) -> str:
    """'today' (with ``dated``, 'today (2026-11-26)') or 'on 2026-11-23'."""
    if done_on == today:
        return f"today ({today})" if dated else "today"
    return f"on {done_on}"


@app.command("undo")
def undo(
    ctx: typer.Context,
    action_ref: Annotated[
        str,
        typer.Argument(
            help="The action's number as `nextround plan week` shows it, or its id.",
            metavar="N_OR_ID",
        ),
    ],
) -> None:
    """Put an action marked done by mistake back on the list."""
    from nextround.services.plan_week import undo_done

    nextround = state(ctx).app
    settings = nextround.settings
    with nextround.uow() as uow:
        undone = undo_done(uow, action_ref, settings.half_life_days, settings.story_budget_seconds)
    console().print(escape(undone.said("`nextround story edit`")))
    if undone.was_done:
        render_momentum(undone.momentum)


@app.command("situation")
def situation(
    ctx: typer.Context,
    said: Annotated[
        str | None,
        typer.Argument(
            help="employed (you have a job or a team) or between-jobs; without it, shows "
            "what you said.",
            metavar="employed|between-jobs",
        ),
    ] = None,
) -> None:
    """Say whether you have a job now, so practice needing a workplace offers what else."""
    from nextround.domain.work_situation import SITUATION_LABELS, SITUATION_WORDS
    from nextround.services.plan import refresh_plan
    from nextround.services.work_situation import set_work_situation, work_situation

    nextround = state(ctx).app
    settings = nextround.settings
    if said is None:
        with nextround.uow(writes=False) as uow:
            now = work_situation(uow)
        if now is None:
            console().print(
                "Not said yet: the plan assumes you have a job. Between jobs? "
                "`nextround plan situation between-jobs`."
            )
        else:
            console().print(f"You said: {SITUATION_LABELS[now]}.")
        return
    chosen = SITUATION_WORDS.get(said.strip().lower())
    if chosen is None:
        raise typer.BadParameter(
            f"'{said}' is not a situation; use employed or between-jobs.", param_hint="SITUATION"
        )
    with nextround.uow() as uow:
        set_work_situation(uow, chosen)
        refreshed = bool(uow.plan.all())
        if refreshed:
            refresh_plan(uow, settings.half_life_days, settings.story_budget_seconds)
    tail = " The plan is refreshed: its practice is worded for it." if refreshed else ""
    console().print(f"Saved: {SITUATION_LABELS[chosen]}.{tail}")

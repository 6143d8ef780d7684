"""`nextround story`: the STAR story bank, precision checks and coverage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.common import (
    WIDE_TERMINAL,
    aside,
    confirmed,
    console,
    escape,
    paragraph,
    print_json,
    read_text_input,
    state,
)
from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE

if TYPE_CHECKING:
    from nextround.domain.competency import Framework
    from nextround.domain.stories import CoverageMatrix, CoverageRow, Story
    from nextround.domain.story_checks import StoryCheck
    from nextround.services.stories import CheckedStory, StoryFields

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Your STAR stories: add, edit, list, check, coverage.",
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
StoryId = Annotated[int, typer.Argument(help="Story id (see `nextround story list`).")]
_SEVERITY = {"problem": "red", "warning": "yellow", "tip": "cyan", "info": "dim"}


def _fields(
    title: str | None,
    situation: str | None,
    task: str | None,
    action: str | None,
    result: str | None,
    competency: list[str] | None,
    from_file: Path | None,
) -> StoryFields:
    fields: dict[str, Any] = {}
    if from_file is not None:
        from nextround.domain.story_text import read_star_text

        fields.update(read_star_text(read_text_input(None, from_file, "story")))
    given = {
        "title": title,
        "situation": situation,
        "task": task,
        "action": action,
        "result": result,
    }
    fields.update({k: v for k, v in given.items() if v is not None})
    if competency is not None:
        fields["competencies"] = [c.strip() for raw in competency for c in raw.split(",")]
    return fields  # type: ignore[return-value]


def render_check(check: StoryCheck) -> None:
    """The precision findings of one story, and the checks still waiting for text."""
    from nextround.domain.story_score import SCORE_RULE

    out = console()
    out.print(
        f"  {check.words} words · {check.spoken} spoken (budget {check.budget_spoken}) · numbers "
        f"{len(check.numbers)} · in the action I {check.i_count} / we {check.we_count} · "
        f"score {check.score:.0%} · {'ready' if check.ready else 'not ready'}"
    )
    for finding in check.findings:
        style = _SEVERITY.get(finding.severity.value, "white")
        paragraph(
            f"[{style}]{finding.severity.value}[/] −{finding.cost} {escape(finding.message)}",
            2,
            2,
        )
        paragraph(f"[dim]fix: {escape(finding.fix)}[/]", 4, 5)
    if check.floor_note:
        paragraph(escape(check.floor_note), 2, 2)
    if check.unchecked:
        waiting = escape(check.waiting_for_text)
        paragraph(f"[dim]not checked until there is text to check: {waiting}[/]", 2, 2)
    if check.findings:
        paragraph(f"[dim]{escape(SCORE_RULE)}[/]", 2, 2)


Title = Annotated[str | None, typer.Option(help="A short title.")]
Situation = Annotated[str | None, typer.Option(help="S: the situation.")]
Task = Annotated[str | None, typer.Option(help="T: your task.")]
Action = Annotated[str | None, typer.Option(help="A: what YOU did.")]
Result = Annotated[str | None, typer.Option(help="R: the result, with numbers.")]
Competency = Annotated[
    list[str] | None,
    typer.Option("--competency", help="A competency it shows (id or name); repeat."),
]
FromFile = Annotated[
    Path | None,
    typer.Option(
        "--file",
        help="Read the story from a file: 'Situation:' lines, '## Situation' headings or "
        "'**Situation:**' labels start each part (Title, Situation, Task, Action, Result).",
    ),
]
Accept = Annotated[
    bool,
    typer.Option(
        "--accept-suggestions",
        help=f"Take the suggested competencies of {EVIDENCE_MIN_CONFIDENCE:.0%} or more (the "
        "bar feedback uses to pre-select); the unsure ones are left for you to decide.",
    ),
]


@app.command("add")
def add(
    ctx: typer.Context,
    title: Title = None,
    situation: Situation = None,
    task: Task = None,
    action: Action = None,
    result: Result = None,
    competency: Competency = None,
    from_file: FromFile = None,
    accept_suggestions: Accept = False,
    from_resume: Annotated[
        int | None,
        typer.Option(
            "--from-resume",
            help="Start from a resume highlight (its id in `nextround resume seeds`): the "
            "role becomes the situation and the highlight the action; add the task and the "
            "result. Options given here replace the pre-filled parts.",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the saved story as JSON, as a row of `story list --json`: story, "
            "shows, check.",
        ),
    ] = False,
) -> None:
    """Add a story; competencies are suggested for you to confirm."""
    from nextround.cli.growth import fallback_notice
    from nextround.services.frameworks import active_framework
    from nextround.services.stories import add_story
    from nextround.services.stories import check as checked_story

    nextround = state(ctx).app
    fields = _fields(title, situation, task, action, result, competency, from_file)
    with nextround.uow() as uow:
        framework = active_framework(uow)
        if from_resume is not None:
            uow.resumes.highlight(from_resume)  # a wrong id is refused before the model loads
        mapper = nextround.story_mapper(uow, framework)
        fallback_notice(nextround, mapper)
        if from_resume is None:
            story = add_story(uow, fields, mapper=mapper, accept_suggestions=accept_suggestions)
        else:
            from nextround.services.resumes import add_story_from_highlight

            story = add_story_from_highlight(
                uow, from_resume, fields, mapper, accept_suggestions=accept_suggestions
            )
        ticked = _ticked(uow, nextround.settings.story_budget_seconds, story.id)
        assert story.id is not None
        budget = nextround.settings.story_budget_seconds
        saved = checked_story(uow, story.id, budget) if as_json else None
    if saved is not None:
        print_json(_story_json(saved))
        _warn_if_not_english(story)
        _say_ticked(ticked, as_json=True)
        return
    _warn_if_not_english(story)
    _report(story, framework, "Added", accept_suggestions and "competencies" not in fields)
    if from_resume is not None:
        paragraph(_from_resume_hint(story, from_resume), 0, 0)
    render_check(_check(story, nextround.settings.story_budget_seconds))
    _say_ticked(ticked)


def _from_resume_hint(story: Story, highlight_id: int) -> str:
    """Where the story came from, and the command for the parts it still lacks (only those)."""
    missing = story.empty_parts
    if not missing:
        return (
            f"Started from resume highlight {highlight_id}: the role is its situation and the "
            "highlight its action, as written; the checks below say what it still lacks."
        )
    options = " ".join(f"--{part} ..." for part in missing)
    return (
        f"Pre-filled from resume highlight {highlight_id}: complete it with `nextround story "
        f"edit {story.id} {options}`; the checks below say what else it lacks."
    )


def _ticked(uow: Any, budget: int, story_id: int | None) -> _Ticked:
    """What saving a story did to the plan: actions ticked off, or left open by a draft."""
    from nextround.services.plan import drafts_left_open, this_number, tick_written_stories

    ticked = [(a, this_number(uow, a.id)) for a in tick_written_stories(uow, budget)]
    return _Ticked(ticked, drafts_left_open(uow, story_id, budget))


@dataclass(frozen=True)
class _Ticked:
    actions: list[tuple[Any, int | None]]
    # "Your story X shows … but is not ready yet: …", one per story action it leaves open.
    drafts: list[str]


def _say_ticked(ticked: _Ticked, *, as_json: bool = False) -> None:
    """Say which plan actions the story just completed, and how to take a tick back."""
    for note in ticked.drafts:
        said = f"[yellow]![/] {escape(note)}"
        if as_json:
            aside(said, as_json)
        else:
            paragraph(said, 0, 2)
    for action, number in ticked.actions:
        ref = number if number is not None else action.id
        said = (
            f"[green]✓[/] This completes plan action {ref}, “{escape(action.title)}”: ticked "
            "off today (`nextround plan --done` lists what you have done)."
        )
        if as_json:
            aside(said, as_json)
        else:
            paragraph(said, 0, 2)


def _warn_if_not_english(story: Any) -> None:
    from nextround.analysis.language import STORY_RISK
    from nextround.cli.growth import warn_if_not_english

    warn_if_not_english(story.text, "story", STORY_RISK)


def _check(story: Any, budget: int) -> StoryCheck:
    from nextround.domain.story_checks import check_story

    return check_story(story, budget)


def _report(story: Story, framework: Framework, verb: str, accepted: bool = False) -> None:
    """What the story shows; ``accepted``: the user asked to take the suggestions."""
    from nextround.domain.tagging import left_note, left_to_decide, to_accept

    out = console()
    out.print(f"{verb} story {story.id}: {escape(story.title)}")
    names = {c.id: c.name for c in framework.competencies}
    tags = story.tags_on(framework.id, framework.ids)
    if tags.competencies:
        paragraph("Shows: " + ", ".join(escape(names.get(c, c)) for c in tags.competencies), 2, 7)
    choose = f"`nextround story edit {story.id} --competency ID`"
    if accepted and tags.suggestions:
        # Say what accepting did not take, and why, so nothing is left silently.
        left = left_to_decide(tags.suggestions)
        if left:
            took = bool(to_accept(tags.suggestions))
            paragraph(
                f"{escape(left_note(left, names, took))} Add one that fits with {choose}.", 2, 2
            )
    # Suggestions wait for the user's confirmation; once competencies are chosen they are
    # the user's answer, and asking again would only invite accepting the unlikely ones.
    elif tags.suggestions and not tags.competencies:
        from nextround.domain.statements import CLEAR_MATCH_MIN_CONFIDENCE, clear_guesses

        suggested = (
            ", ".join(
                f"{names.get(m.competency_id, m.competency_id)} {m.confidence:.0%}"
                for m in clear_guesses(tags.suggestions)
            )
            or f"no clear match (every guess is under {CLEAR_MATCH_MIN_CONFIDENCE:.0%})"
        )
        paragraph(f"Suggested: {escape(suggested)}", 2, 11)
        bar = f"{EVIDENCE_MIN_CONFIDENCE:.0%}"
        if to_accept(tags.suggestions):
            paragraph(
                f"Confirm with `nextround story edit {story.id} --accept-suggestions` (it takes "
                f"those of {bar} or more) or `--competency ID`.",
                2,
                2,
            )
        else:
            paragraph(
                f"None is sure enough to take as it is ({bar} or more): choose the ones it "
                f"shows with {choose}.",
                2,
                2,
            )
    elif not tags.competencies and story.tagged_on() - {framework.id}:
        paragraph(
            f"Its tags are on another framework, not on {escape(framework.quoted)}: tag it on "
            f"this one with `nextround story edit {story.id} --accept-suggestions` or "
            "`--competency ID` (the others stay).",
            2,
            2,
        )


@app.command("edit")
def edit(
    ctx: typer.Context,
    story_id: StoryId,
    title: Title = None,
    situation: Situation = None,
    task: Task = None,
    action: Action = None,
    result: Result = None,
    competency: Annotated[
        list[str] | None,
        typer.Option("--competency", help="Replace the competencies (ids or names); repeat."),
    ] = None,
    from_file: FromFile = None,
    accept_suggestions: Accept = False,
) -> None:
    """Change a story, or confirm its suggested competencies."""
    from nextround.services.frameworks import active_framework
    from nextround.services.stories import edit_story

    nextround = state(ctx).app
    fields = _fields(title, situation, task, action, result, competency, from_file)
    if not fields and not accept_suggestions:
        raise typer.BadParameter("nothing to change; give at least one option")
    with nextround.uow() as uow:
        framework = active_framework(uow)
        # Accepting suggestions may need fresh ones, when they were made on another framework.
        changes_text = bool(set(fields) - {"title", "competencies"})
        # The title is read too: it often names what the story shows.
        reads = "title" in fields or changes_text or accept_suggestions
        mapper = nextround.story_mapper(uow, framework) if reads else None
        story = edit_story(
            uow, story_id, fields, mapper=mapper, accept_suggestions=accept_suggestions
        )
        ticked = _ticked(uow, nextround.settings.story_budget_seconds, story.id)
    if changes_text:
        _warn_if_not_english(story)
    _report(story, framework, "Updated", accept_suggestions and "competencies" not in fields)
    render_check(_check(story, nextround.settings.story_budget_seconds))
    _say_ticked(ticked)


@app.command("list")
def list_(ctx: typer.Context, as_json: AsJson = False) -> None:
    """List stories with their readiness."""
    from nextround.services.frameworks import active_framework
    from nextround.services.stories import list_stories

    nextround = state(ctx).app
    with nextround.uow(writes=False) as uow:
        rows = list_stories(uow, nextround.settings.story_budget_seconds)
        names = {c.id: c.name for c in active_framework(uow).competencies}
    if as_json:
        # "shows": its tags on the framework in use (the story's own fields may be another's).
        print_json([_story_json(r) for r in rows])
        return
    if not rows:
        console().print("No stories yet. Add one with `nextround story add --title ...`.")
        return
    from rich.table import Table

    table = Table(title="Story bank")
    # Named as `story add` names them. One competency per line, each whole on a wide
    # terminal; on a narrow one a name wraps between its words (folded only past ~60 columns).
    shown = {c: names.get(c, c) for row in rows for c in row.tags.competencies}
    longest = max((len(n) for n in shown.values()), default=12)
    table.add_column("ID")
    table.add_column("Title")
    wide = console().width >= WIDE_TERMINAL
    table.add_column("Competencies", min_width=longest if wide else None, overflow="fold")
    for column in ("Spoken", "Score", "Ready"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row.story.id),
            escape(row.story.title),
            escape("\n".join(shown[c] for c in row.tags.competencies) or _untagged(row)),
            row.check.spoken,
            f"{row.check.score:.0%}",
            "yes" if row.check.ready else "no",
        )
    console().print(table)
    if any(row.check.findings for row in rows):
        from nextround.domain.story_score import SCORE_RULE

        paragraph(
            f"[dim]{escape(SCORE_RULE)} `nextround story check ID` lists a story's findings.[/]",
            0,
            0,
        )


def _story_json(row: CheckedStory) -> dict[str, Any]:
    """A story as `story list --json` gives it: the story, its tags in use, its checks."""
    return {"story": row.story, "shows": list(row.tags.competencies), "check": row.check.to_json()}


def _untagged(row: CheckedStory) -> str:
    return "(on another framework)" if row.elsewhere else "(unconfirmed)"


@app.command("check")
def check(ctx: typer.Context, story_id: StoryId, as_json: AsJson = False) -> None:
    """Precision checks: numbers, I vs we, a result, vague words, length against the budget."""
    from nextround.services.stories import check as run

    nextround = state(ctx).app
    with nextround.uow(writes=False) as uow:
        checked = run(uow, story_id, nextround.settings.story_budget_seconds)
    if as_json:
        print_json(checked.check.to_json())
        return
    console().print(f"[bold]{escape(checked.story.title)}[/]")
    render_check(checked.check)


@app.command("coverage")
def coverage(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Competencies × stories: which spikes and gaps have no story behind them."""
    from nextround.services.profile import current_profile
    from nextround.services.stories import story_coverage

    nextround = state(ctx).app
    with nextround.uow(writes=False) as uow:
        view = current_profile(uow, nextround.settings.half_life_days)
        matrix = story_coverage(uow, view.profile, nextround.settings.story_budget_seconds)
    if as_json:
        print_json(matrix.to_json())
        return
    rows = matrix.shown
    if matrix.story_ids and rows:
        _coverage_table(matrix, rows)
    for hint in _coverage_hints(matrix):
        paragraph(hint, 0, 2)


def _coverage_table(matrix: CoverageMatrix, rows: list[CoverageRow]) -> None:
    from rich.table import Table

    table = Table(title="Story coverage")
    table.add_column("Competency")
    for story_id in matrix.story_ids:
        table.add_column(f"#{story_id}", justify="center")
    table.add_column("Stories")
    for row in rows:
        colour = "green" if row.is_spike else "red"
        mark = f" [{colour}]({escape(row.reason)})[/]" if row.reason else ""
        # ○: the story shows it but is not ready yet, so it covers no need (see the key).
        cells = ["○" if row.is_draft(i) else "●" if c else "" for i, c in enumerate(row.cells)]
        bare = " [bold red]no story ready[/]" if row.drafts else " [bold red]no story[/]"
        missing = bare if row in matrix.uncovered else ""
        table.add_row(escape(row.name) + mark + missing, *cells, row.count_label)
    console().print(table)
    if any(r.drafts for r in rows):
        paragraph(
            "● a story ready to tell; ○ a story that shows it but is not ready yet (`nextround "
            "story check ID` says what it lacks): only ready stories count toward what is "
            "needed.",
            0,
            2,
        )


def _untagged_hints(matrix: CoverageMatrix) -> list[str]:
    """How to tag the stories that show no competency of the framework in use."""
    hints = []
    elsewhere = [i for i in matrix.untagged if i in matrix.elsewhere]
    if elsewhere:
        one = len(elsewhere) == 1
        hints.append(
            f"{'Story' if one else 'Stories'} {', '.join(f'#{i}' for i in elsewhere)} "
            f"{'is' if one else 'are'} tagged with competencies of another framework only: "
            f"tag {'it' if one else 'them'} on this one with `nextround story edit "
            f"{elsewhere[0] if one else 'ID'} --accept-suggestions` or `--competency ID`."
        )
    bare = [i for i in matrix.untagged if i not in matrix.elsewhere]
    if bare:
        one = len(bare) == 1
        hints.append(
            f"{'Story' if one else 'Stories'} {', '.join(f'#{i}' for i in bare)} "
            f"{'shows' if one else 'show'} no competency yet: name one with `nextround story "
            f"edit {bare[0] if one else 'ID'} --competency ID`, or take the suggested ones "
            "with `--accept-suggestions`."
        )
    return hints


def _coverage_hints(matrix: CoverageMatrix) -> list[str]:
    """What the matrix still waits for, each with the command that provides it."""
    hints = []
    if not matrix.story_ids:
        needed = ", ".join(f"{escape(r.name)} ({r.reason})" for r in matrix.short)
        hints.append(
            "No stories yet. Add one with `nextround story add --title ...`"
            + (f"; your spikes and gaps need them: {needed}." if needed else ".")
        )
    elif matrix.untagged:
        hints += _untagged_hints(matrix)
    if not matrix.has_targets:
        hints.append(
            "No spikes, gaps or interviews coming up yet, so none needs a story: gaps and "
            "spikes come from feedback (`nextround feedback add`, then `nextround feedback "
            "review`), probed competencies from an interview's `--competency`."
        )
    elif matrix.uncovered and matrix.story_ids:
        bare = [r for r in matrix.uncovered if not r.drafts]
        drafted = [r for r in matrix.uncovered if r.drafts]
        if bare:
            hints.append(
                "No story yet for: "
                + "; ".join(f"{escape(r.name)} ({r.reason})" for r in bare)
                + ". Add one with `nextround story add --title ...`."
            )
        if drafted:
            hints.append(
                "No story ready yet for: "
                + "; ".join(f"{escape(r.name)} ({r.reason})" for r in drafted)
                + ": a story shows it but is not ready to tell; `nextround story check ID` "
                "says what it lacks."
            )
    return hints


@app.command("rm")
def remove(
    ctx: typer.Context,
    story_id: StoryId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete a story."""
    from nextround.services.erasure import plan_forgets, resting_on, story_erased
    from nextround.services.stories import remove_story

    with state(ctx).app.uow() as uow:
        found = uow.stories.get(story_id)
        actions = resting_on(uow, story_erased(found))
        plan = f" {plan_forgets(*actions)}" if any(actions) else ""
        if not yes and not confirmed(f"Delete story {story_id} ({found.title})?{plan}"):
            raise typer.Abort()
        story = remove_story(uow, story_id)
    console().print(f"Deleted story {story_id} ({escape(story.title)}).")

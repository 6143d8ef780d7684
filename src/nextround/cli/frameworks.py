"""`nextround framework`: list, show, import and choose competency frameworks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import confirmed, console, escape, paragraph, print_json, sentence, state

if TYPE_CHECKING:
    from nextround.services.framework_reading import ReadElsewhere

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Competency frameworks: the built-in one, or import your target company's.",
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("list")
def list_(ctx: typer.Context, as_json: AsJson = False) -> None:
    """List frameworks; the one in use is marked."""
    from nextround.services.frameworks import list_frameworks

    with state(ctx).app.uow(writes=False) as uow:
        rows = list_frameworks(uow)
    if as_json:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(title="Competency frameworks")
    table.add_column("")
    # The id is what commands take: never cut short. The name and source wrap instead, a
    # long URL folded rather than cut, so nothing shown is missing a part.
    longest = max((len(row.id) for row in rows), default=2)
    table.add_column("ID", no_wrap=True, min_width=longest, overflow="fold")
    table.add_column("Name", overflow="fold")
    table.add_column("Competencies")
    table.add_column("Source", overflow="fold")
    for row in rows:
        table.add_row(
            "✓" if row.active else "",
            escape(row.id),
            escape(row.name),
            str(row.competencies),
            escape(row.source or ""),
        )
    console().print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    framework_id: Annotated[
        str | None, typer.Argument(help="Framework id (default: the one in use).")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Also show indicators, questions and practice ideas.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Show a framework's competencies."""
    from nextround.services.frameworks import get_framework

    with state(ctx).app.uow(writes=False) as uow:
        framework = get_framework(uow, framework_id)
    if as_json:
        print_json(framework)
        return
    out = console()
    out.print(f"[bold]{escape(framework.name)}[/] ({escape(framework.id)})")
    if framework.source:
        out.print(f"[dim]{escape(framework.source)}[/]")
    for competency in framework.competencies:
        out.print(f"\n[bold cyan]{escape(competency.name)}[/] [dim]{escape(competency.id)}[/]")
        paragraph(escape(competency.description))
        if not full:
            continue
        for label, items in (
            ("Shows it", competency.indicators),
            ("Missing when", competency.missing_signs),
            ("Questions", competency.questions),
            ("Practice", competency.practice),
        ):
            if items:
                out.print(f"  [bold]{label}[/]")
                for item in items:
                    paragraph(f"• {escape(item)}", 4, 2)
    hidden = any(
        c.indicators or c.missing_signs or c.questions or c.practice for c in framework.competencies
    )
    if hidden and not full:
        out.print(
            "\n[dim]Behaviours, questions and practice ideas are not shown: "
            f"`nextround framework show {escape(framework.id)} --full`.[/]"
        )


#: The file format, shown by `framework import --help` (README's "Framework files" says more).
IMPORT_HELP = "\n\n".join(
    [
        "Import a framework: a name and a description per competency is enough.",
        "YAML or JSON: name, and a list of competencies, each with name and description and "
        "optionally id, indicators, missing_signs, questions and practice (lists of text). "
        "The framework may also have id, source and description. Ids left out are made from "
        "names.",
        "  name: Acme principles\n"
        "  competencies:\n"
        "    - name: Customer obsession\n"
        "      description: Starts from the customer and works backwards.\n"
        "      indicators: [Talks to customers every week]",
        "CSV: a header row, then one competency per row. Columns: name, description, and "
        "optionally id, indicators, missing_signs, questions, practice; several items in one "
        "cell are separated by | or line breaks. Commas, semicolons or tabs separate the "
        "columns. The framework is named after the file unless you pass --name.",
    ]
)


@app.command("import", help=IMPORT_HELP)
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A .yaml, .yml, .json or .csv file.")],
    framework_id: Annotated[
        str | None, typer.Option("--id", help="Id to store it under (default: from the file).")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Its name (default: from the file; a CSV's file name)."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite a framework with the same id.")
    ] = False,
    use: Annotated[bool, typer.Option("--use", help="Start using it right away.")] = False,
) -> None:
    from nextround.frameworks.files import read_framework_file
    from nextround.services.framework_reading import read_elsewhere
    from nextround.services.frameworks import (
        active_framework_id,
        dropped_competencies,
        import_framework,
    )

    read = read_framework_file(path, framework_id, name)
    framework = read.framework
    with state(ctx).app.uow() as uow:
        was_in_use = active_framework_id(uow) == framework.id
        import_framework(uow, framework, replace=replace, use=use)
        dropped = dropped_competencies(uow, framework)
        elsewhere = read_elsewhere(uow, framework.id) if use and not was_in_use else None
    if was_in_use:
        note = "; it stays in use"
    elif use:
        note = " and in use"
    else:
        note = f"; use it with `nextround framework use {framework.id}`"
    count = len(framework.competencies)
    console().print(
        f"Imported {escape(framework.name)} ({escape(framework.id)}): "
        f"{count} competenc{'y' if count == 1 else 'ies'}{note}."
    )
    for text in read.notes:
        _note(sentence(text))
    if elsewhere:
        _elsewhere_note(elsewhere)
    if dropped:
        named = "; ".join(
            f"{cid} (statement{'s' * (len(ids) > 1)} {', '.join(map(str, ids))})"
            for cid, ids in sorted(dropped.items())
        )
        _note(
            f"confirmed statements name competencies this version no longer has: {named}. "
            "Those verdicts leave your profile until you review the statements again: "
            "`nextround feedback review --statement ID --competency NEW`."
        )


def _note(text: str) -> None:
    """A note under a command's result, in the words every framework command uses."""
    paragraph(f"[yellow]Note:[/] {escape(text)}", 0, 2)


@app.command("use")
def use(
    ctx: typer.Context,
    framework_id: Annotated[str, typer.Argument(help="Framework id (see `framework list`).")],
) -> None:
    """Map feedback onto this framework from now on."""
    from nextround.services.framework_reading import read_elsewhere
    from nextround.services.frameworks import use_framework

    with state(ctx).app.uow() as uow:
        framework = use_framework(uow, framework_id)
        elsewhere = read_elsewhere(uow, framework.id)
    console().print(f"Now using {escape(framework.name)} ({escape(framework.id)}).")
    _elsewhere_note(elsewhere)


def _elsewhere_note(elsewhere: ReadElsewhere) -> None:
    """What the profile leaves out on this framework, and how to read that feedback on it."""
    words = elsewhere.words()
    if not words:
        return
    if elsewhere.to_read or elsewhere.to_map:
        what = {
            (True, False): "that feedback",
            (False, True): "the questions you logged in debriefs",
            (True, True): "that feedback and the questions you logged in debriefs",
        }[(bool(elsewhere.to_read), bool(elsewhere.to_map))]
        words += (
            f". To see {what} through this framework's competencies, read "
            f"{'it' if what == 'that feedback' else 'them'} on this one too "
            f"({'its' if what == 'that feedback' else 'their'} mappings there stay): "
            "`nextround feedback map --all`"
        )
    if elsewhere.stories:
        words += (
            ". Tag your stories on this one with `nextround story edit ID "
            "--accept-suggestions` or `--competency ID` (their tags there stay)"
        )
    _note(f"{words}.")


#: How the command line reads feedback on the framework in use (see `feedback map --all`).
_READ_AGAIN = "`nextround feedback map --all`"


@app.command("rm")
def remove(
    ctx: typer.Context,
    framework_id: Annotated[str, typer.Argument(help="Framework id (see `framework list`).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an imported framework (one imported by mistake, say); your feedback stays.

    Its mappings of feedback, its growth plan, the self-ratings given on it and tags naming
    its competencies go with it. The built-in framework and the one in use cannot be deleted.
    """
    from nextround.services.framework_removal import framework_removal, remove_framework

    with state(ctx).app.uow() as uow:
        removal = framework_removal(uow, framework_id)
        if not yes:
            paragraph(escape(removal.kept(_READ_AGAIN)), 0)
            if not confirmed(f"Delete {removal.summary}?"):
                raise typer.Abort()
        remove_framework(uow, framework_id)
    console().print(f"Deleted {escape(removal.summary)}.")
    if yes:
        paragraph(escape(removal.kept(_READ_AGAIN)), 0)

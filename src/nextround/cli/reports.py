"""`nextround report`: the profile report and an application's report, as HTML or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nextround.cli.common import HalfLife, half_life_days, parse_choice, state
from nextround.cli.data import Force

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Shareable reports with charts: your profile, or one application, as HTML or PDF.",
)

Output = Annotated[
    list[Path] | None,
    typer.Option(
        "--output",
        "-o",
        help="File to write; its extension, .html or .pdf, picks the format "
        "(default: an .html file in this folder). Repeat for both formats at once.",
    ),
]
PaperSize = Annotated[str, typer.Option("--paper", help="Page size when printed: a4|letter.")]


def _targets(
    outputs: list[Path] | None, force: bool, default: Path | None = None
) -> tuple[list[Path], bool]:
    """The files to write, checked before any work, and whether they may be replaced.

    A file named with -o is replaced only with --force. The default name is never a file
    given up: a second report on the same day gets the next free name instead.
    """
    from nextround.cli.data import check_folder, refuse_existing
    from nextround.reports.render import format_of, free_path

    if outputs:
        paths = [p.expanduser() for p in outputs]
    else:
        paths, force = ([free_path(default)] if default else []), False
    for path in paths:
        format_of(path)  # a wrong extension or folder fails before any work is done
        check_folder(path)
        refuse_existing(path, force)
    return paths, force


def _write(html: str, paths: list[Path], force: bool) -> None:
    from nextround.cli.data import already_exists, write_output
    from nextround.reports.render import format_of, render

    for path in paths:  # the data and the HTML are made once, whatever the formats
        try:
            write_output(render(html, format_of(path)), path.resolve(), overwrite=force)
        except FileExistsError:  # made while the report was built
            raise already_exists(path) from None


@app.command("profile")
def profile(
    ctx: typer.Context,
    output: Output = None,
    paper: PaperSize = "a4",
    force: Force = False,
    half_life: HalfLife = None,
) -> None:
    """Spikes, recurring gaps with their evidence, calibration, trend and the growth plan."""
    from nextround.reports.render import Paper, default_path, profile_html
    from nextround.services.reports import profile_report

    size = parse_choice(Paper, paper, "--paper")
    assert size is not None
    days = half_life_days(ctx, half_life)
    nextround = state(ctx).app
    with nextround.uow(writes=False) as uow:
        paths, force = _targets(output, force, default_path("profile", uow.today()))
        report = profile_report(uow, days, nextround.settings.story_budget_seconds)
    _write(profile_html(report, size), paths, force)


@app.command("app")
def application(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")],
    output: Output = None,
    paper: PaperSize = "a4",
    force: Force = False,
) -> None:
    """One process: timeline, your view against the feedback, learnings and the note sent."""
    from nextround.reports.render import Paper, application_html, default_path
    from nextround.services.reports import application_report

    size = parse_choice(Paper, paper, "--paper")
    assert size is not None
    _targets(output, force)
    nextround = state(ctx).app
    with nextround.uow(writes=False) as uow:
        report = application_report(uow, app_id, nextround.settings.half_life_days)
        default = default_path(
            "app", uow.today(), app_id=app_id, company=report.application.company
        )
        paths, force = _targets(output, force, default)
    _write(application_html(report, size), paths, force)

"""`nextround report`: the profile report and an application's report, as HTML or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nextround.cli.common import parse_choice, state

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


def _targets(outputs: list[Path] | None, default: Path | None = None) -> list[Path]:
    from nextround.reports.render import format_of

    paths = [p.expanduser() for p in outputs or ([default] if default else [])]
    from nextround.cli.data import check_folder

    for path in paths:
        format_of(path)  # a wrong extension or folder fails before any work is done
        check_folder(path)
    return paths


def _write(html: str, paths: list[Path]) -> None:
    from nextround.cli.data import write_output
    from nextround.reports.render import format_of, render

    for path in paths:  # the data and the HTML are made once, whatever the formats
        write_output(render(html, format_of(path)), path.resolve())


@app.command("profile")
def profile(ctx: typer.Context, output: Output = None, paper: PaperSize = "a4") -> None:
    """Spikes, recurring gaps with their evidence, calibration, trend and the growth plan."""
    from nextround.reports.render import Paper, default_path, profile_html
    from nextround.services.reports import profile_report

    size = parse_choice(Paper, paper, "--paper")
    assert size is not None
    nextround = state(ctx).app
    with nextround.uow() as uow:
        paths = _targets(output, default_path("profile", uow.today()))
        report = profile_report(
            uow, nextround.settings.half_life_days, nextround.settings.story_budget_seconds
        )
    _write(profile_html(report, size), paths)


@app.command("app")
def application(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")],
    output: Output = None,
    paper: PaperSize = "a4",
) -> None:
    """One process: timeline, your view against the feedback, learnings and the note sent."""
    from nextround.reports.render import Paper, application_html, default_path
    from nextround.services.reports import application_report

    size = parse_choice(Paper, paper, "--paper")
    assert size is not None
    _targets(output)
    nextround = state(ctx).app
    with nextround.uow() as uow:
        report = application_report(uow, app_id, nextround.settings.half_life_days)
        default = default_path(
            "app", uow.today(), app_id=app_id, company=report.application.company
        )
        paths = _targets(output, default)
    _write(application_html(report, size), paths)

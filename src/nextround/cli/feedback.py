"""`nextround feedback`: store feedback exactly as it was given."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nextround.cli.common import (
    choices,
    console,
    escape,
    parse_choice,
    parse_date,
    print_json,
    read_text_input,
    state,
)
from nextround.domain.feedback import FeedbackSource

app = typer.Typer(
    no_args_is_help=True,
    help="Capture feedback from recruiters, interviewers, reviews and mentors.",
)


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Argument(help="The feedback text; '-' or omit to read stdin.")
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the text from a file.")
    ] = None,
    source: Annotated[
        str, typer.Option(help=f"Who it came from: {choices(FeedbackSource)}.")
    ] = "recruiter",
    app_id: Annotated[int | None, typer.Option("--app", help="Application it is about.")] = None,
    round_position: Annotated[
        int | None, typer.Option("--round", help="Round number within the application.")
    ] = None,
    interview_id: Annotated[int | None, typer.Option("--interview", help="Interview id.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date received (default today).")] = None,
    author: Annotated[str | None, typer.Option(help="Who wrote or said it.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stored item as JSON.")] = False,
) -> None:
    """Store a piece of feedback, from an argument, a file or stdin."""
    from nextround.services.feedback import add_feedback

    body = read_text_input(text, file, "feedback text")
    chosen = parse_choice(FeedbackSource, source, "--source")
    assert chosen is not None
    with state(ctx).app.uow() as uow:
        item = add_feedback(
            uow,
            body,
            chosen,
            received_on=parse_date(on, "--on"),
            author=author,
            application_id=app_id,
            round_position=round_position,
            interview_id=interview_id,
        )
    if as_json:
        print_json(item)
        return
    console().print(f"Stored feedback {item.id} ({len(item.text):,} characters).")


@app.command("list")
def list_(
    ctx: typer.Context,
    app_id: Annotated[
        int | None, typer.Option("--app", help="Only this application's feedback.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List feedback, oldest first."""
    from nextround.services.feedback import list_feedback

    with state(ctx).app.uow() as uow:
        items = list_feedback(uow, app_id)
    if as_json:
        print_json(items)
        return
    if not items:
        console().print("No feedback yet. Add some with `nextround feedback add`.")
        return
    for item in items:
        where = f" · application {item.application_id}" if item.application_id else ""
        by = f" · {escape(item.author)}" if item.author else ""
        source = item.source.value.replace("_", " ")
        console().print(f"[bold]#{item.id}[/] {item.received_on} · {source}{by}{where}")
        console().print(f"  {escape(item.text)}\n")

"""`nextround contact`: the people met along the way."""

from __future__ import annotations

from typing import Annotated

import typer

from nextround.cli.common import (
    WIDE_TERMINAL,
    choices,
    console,
    escape,
    parse_choice,
    print_json,
    state,
)
from nextround.domain.contacts import ContactRole

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Keep track of people: recruiters, hiring managers, interviewers.",
)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Full name.")],
    role: Annotated[str, typer.Option(help=f"One of {choices(ContactRole)}.")] = "other",
    company: Annotated[
        str | None, typer.Option(help="Company (default: the application's).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Job title.")] = None,
    email: Annotated[str | None, typer.Option(help="Email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="Phone number.")] = None,
    app_id: Annotated[int | None, typer.Option("--app", help="Application they belong to.")] = None,
    notes: Annotated[str | None, typer.Option(help="Free notes.")] = None,
) -> None:
    """Add a person."""
    from nextround.services.contacts import add_contact

    chosen = parse_choice(ContactRole, role, "--role")
    assert chosen is not None
    with state(ctx).app.uow() as uow:
        contact = add_contact(
            uow,
            name,
            chosen,
            company=company,
            title=title,
            email=email,
            phone=phone,
            notes=notes,
            application_id=app_id,
        )
    console().print(f"Added contact {contact.id}: {escape(contact.name)}.")


@app.command("list")
def list_(
    ctx: typer.Context,
    app_id: Annotated[
        int | None, typer.Option("--app", help="Only this application's people.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List people."""
    from nextround.services.contacts import list_contacts

    with state(ctx).app.uow() as uow:
        people = list_contacts(uow, app_id)
    if as_json:
        print_json(people)
        return
    if not people:
        console().print("No contacts yet. Add one with `nextround contact add NAME`.")
        return
    from rich.table import Table

    table = Table(title="Contacts")
    # On a narrow terminal the title goes under the name: one column less to squeeze.
    wide = console().width >= WIDE_TERMINAL
    columns = ("ID", "Name", "Role", "Title", "Company", "Email", "App")
    for column in columns if wide else tuple(c for c in columns if c != "Title"):
        # An address is folded, never cut: half of one is worse than a taller row.
        table.add_column(column, overflow="fold" if column == "Email" else "ellipsis")
    for p in people:
        title = escape(p.title or "")
        name = escape(p.name) if wide or not title else f"{escape(p.name)}\n[dim]{title}[/]"
        cells = [str(p.id), name, p.role.value.replace("_", " ")]
        cells += [title] if wide else []
        cells += [escape(p.company or ""), escape(p.email or ""), str(p.application_id or "")]
        table.add_row(*cells)
    console().print(table)

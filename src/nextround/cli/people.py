"""`nextround contact`: the people met along the way; add, list, show, edit, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.common import (
    WIDE_TERMINAL,
    SavedJson,
    aside,
    changed_fields,
    choices,
    confirmed,
    console,
    escape,
    paragraph,
    parse_choice,
    parse_choice_or_blank,
    print_json,
    state,
)
from nextround.domain.contacts import ContactRole
from nextround.domain.counts import counted

if TYPE_CHECKING:
    from nextround.domain.contacts import Contact
    from nextround.services.contact_list import PersonRow
    from nextround.services.contacts import ContactFields, ContactRecord

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="People met along the way (recruiters, hiring managers, interviewers): add, list, "
    "show, edit, rm.",
)

ContactId = Annotated[int, typer.Argument(help="Contact id (see `nextround contact list`).")]


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
    as_json: SavedJson = False,
) -> None:
    """Add a person."""
    from nextround.services.contacts import (
        add_person,
        already_on_record,
        contact_record,
        met_before,
        met_before_note,
        namesakes,
    )

    chosen = parse_choice(ContactRole, role, "--role")
    assert chosen is not None
    with state(ctx).app.uow() as uow:
        added = add_person(
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
        contact = added.contact
        warning = already_on_record(namesakes(uow, contact), contact, f"application {app_id}")
        seen = met_before_note(contact, met_before(uow, contact)) if not added.completed else None
        record = contact_record(uow, contact.id) if as_json and contact.id is not None else None
    if record is not None:
        print_json(_record_json(record))
    elif not added.completed:
        console().print(f"Added contact {contact.id}: {escape(contact.name)}.")
    if added.completed:
        # Named on an interview, so among the application's people already: one record.
        aside(
            f"{escape(contact.name)} was among the people of application {app_id} already, "
            f"named on an interview (contact {contact.id}); added "
            f"{escape(changed_fields(added.completed))} there.",
            as_json,
        )
    elif warning:
        # Two records of one person would greet them twice in a thank-you note.
        aside(
            f"[yellow]Note:[/] {escape(warning)}; if this was a slip: "
            f"`nextround contact rm {contact.id}`.",
            as_json,
        )
    if seen:
        # Each process keeps its own record; the earlier one holds what was learnt then.
        aside(f"[yellow]Note:[/] {escape(seen)}: `nextround contact show ID`.", as_json)


@app.command("list")
def list_(
    ctx: typer.Context,
    app_id: Annotated[
        int | None, typer.Option("--app", help="Only this application's people.")
    ] = None,
    company: Annotated[str | None, typer.Option(help="Company name contains this.")] = None,
    role: Annotated[
        str | None, typer.Option(help=f"Only this role ({choices(ContactRole)}).")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(help="Words in the name, title, company, email, phone, notes or role."),
    ] = None,
    recent: Annotated[
        bool, typer.Option("--recent", help="Most recent contact first (default: by company).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List people by company, recruiters first, with the last time you met or wrote.

    The same list as the web's People page: the last contact is the latest interview they
    were on or thank-you note sent to them.
    """
    from nextround.services.contact_list import PeopleOrder, PeopleQuery, people_count, people_list
    from nextround.services.contacts import list_contacts
    from nextround.services.interviewers import waiting_interviewers

    query = PeopleQuery(search, company, parse_choice(ContactRole, role, "--role"))
    order = PeopleOrder.RECENT if recent else PeopleOrder.COMPANY
    with state(ctx).app.uow(writes=False) as uow:
        if app_id is not None:
            list_contacts(uow, app_id)  # an unknown application is an error, not an empty list
        listed = people_list(uow, query, order)
        waiting = waiting_interviewers(uow, app_id)
    rows = [r for r in listed.rows if app_id is None or r.contact.application_id == app_id]
    if as_json:
        print_json([r.contact for r in rows])
        return
    if rows:
        _table(rows, dated=recent)
        console().print(escape(people_count(rows)))
    elif listed.total and (query.filtered or app_id is not None):
        console().print("No contact matches these filters.")
    else:
        console().print("No contacts yet. Add one with `nextround contact add NAME`.")
    if waiting:
        # Recorded before interviewers became contacts of their own accord.
        names = sorted({n for found in waiting.values() for n in found}, key=str.casefold)
        one = len(names) == 1
        where = f" --app {app_id}" if app_id is not None else ""
        console().print(
            f"[yellow]Note:[/] {escape(', '.join(names))} {'is' if one else 'are'} named on "
            f"interviews but not among the contacts: `nextround contact from-interviews{where}` "
            f"adds them."
        )


def _table(rows: list[PersonRow], *, dated: bool = False) -> None:
    """The people; ``dated`` shows the last contact even on a narrow terminal (its order)."""
    from rich.table import Table

    table = Table(title="Contacts")
    # On a narrow terminal the title goes under the name: one column less to squeeze, and
    # the last contact is left out unless the list is ordered by it.
    wide = console().width >= WIDE_TERMINAL
    dated = dated or wide
    columns = ("ID", "Name", "Role", "Title", "Company", "Email", "App", "Last contact")
    shown = [c for c in columns if (wide or c != "Title") and (dated or c != "Last contact")]
    for column in shown:
        # An address is folded, never cut: half of one is worse than a taller row.
        if column == "Last contact":
            table.add_column(column if wide else "Last", no_wrap=True)
        else:
            table.add_column(column, overflow="fold" if column == "Email" else "ellipsis")
    for row in rows:
        p = row.contact
        title = escape(p.title or "")
        name = escape(p.name) if wide or not title else f"{escape(p.name)}\n[dim]{title}[/]"
        cells = [str(p.id), name, p.role.value.replace("_", " ")]
        cells += [title] if wide else []
        cells += [escape(row.company), escape(p.email or ""), str(p.application_id or "")]
        if dated:
            cells += [row.last_contact.isoformat() if row.last_contact else ""]
        table.add_row(*cells)
    console().print(table)
    if not dated and any(row.last_contact for row in rows):
        # Said, as `app list` says what it hides: the help promises the column.
        console().print(
            "[dim]The last contact is hidden at this width; `nextround contact list --recent` "
            "shows it, most recent first.[/]"
        )


@app.command("from-interviews")
def from_interviews(
    ctx: typer.Context,
    app_id: Annotated[
        int | None, typer.Option("--app", help="Only this application's interviews.")
    ] = None,
) -> None:
    """Add the interviewers named on interviews to the contacts of their application.

    Interviewers become contacts as they are named on an interview; this adds the ones
    recorded before that, as role interviewer with the application's company. A contact
    of the same name on the application is linked, not doubled; running it again adds
    nobody.
    """
    from nextround.services.interviewers import adopt_interviewers

    with state(ctx).app.uow() as uow:
        added = adopt_interviewers(uow, app_id)
    if not added:
        console().print("Every interviewer named on an interview is among the contacts already.")
        return
    for contact in added:
        console().print(
            f"Added contact {contact.id}: {escape(contact.name)} (interviewer, application "
            f"{contact.application_id})."
        )
    console().print(
        "To write them thank-you notes, add their email: "
        "`nextround contact edit ID --email ADDRESS`."
    )


@app.command("show")
def show(
    ctx: typer.Context,
    contact_id: ContactId,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One person with every field, and the interviews and notes that name them."""
    from nextround.services.contacts import contact_record

    with state(ctx).app.uow(writes=False) as uow:
        record = contact_record(uow, contact_id)
    if as_json:
        print_json(_record_json(record))
        return
    _render(record)


def _record_json(record: ContactRecord) -> dict[str, Any]:
    """A person as `contact show --json` gives them: every field, and where they are named."""
    from nextround.views import jsonable

    data: dict[str, Any] = jsonable(record.contact)
    # Its own key: the contact already has a field called notes.
    data["named_in"] = {
        "interviews": jsonable(record.interviews),
        "notes": jsonable(record.notes),
    }
    # The same person's records in other processes (same name, same company).
    data["same_person"] = [c.id for c in record.elsewhere]
    return data


def _elsewhere(contact: Contact) -> str:
    """'contact 1 (application 1)': the same person's record in another process."""
    app = f" (application {contact.application_id})" if contact.application_id else ""
    return f"contact {contact.id}{app}"


def _render(record: ContactRecord) -> None:
    person, out = record.contact, console()
    out.print(f"[bold]{escape(person.name)}[/]  (contact {person.id})")
    belongs = ""
    if person.application_id is not None:
        at = f" ({record.application_company})" if record.application_company else ""
        belongs = f"application {person.application_id}{at}"
    added = changed = ""
    if person.created_at and person.updated_at:
        added = person.created_at.astimezone().date().isoformat()
        changed = person.updated_at.astimezone().date().isoformat()
        added += f", changed {changed}" if changed != added else ""
    details = [
        ("Role", person.role.value.replace("_", " ")),
        ("Title", person.title),
        ("Company", person.company),
        ("Email", person.email),
        ("Phone", person.phone),
        ("App", belongs),
        # The same name at the same company in another process: one person met again.
        ("Also", "; ".join(_elsewhere(c) for c in record.elsewhere)),
        ("Notes", person.notes),
        ("Added", added),
    ]
    for label, value in details:
        if value:
            paragraph(f"{label:<9} {escape(value)}", 2, 10)
    if record.interviews:
        off = sum(1 for m in record.interviews if m.called_off)
        out.print(
            f"\n  Interviewer in {counted(len(record.interviews), 'interview', 'interviews')}"
            + (f" ({off} called off)" if off else "")
        )
        for m in record.interviews:
            when = m.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M") if m.scheduled_at else ""
            paragraph(
                f"• interview {m.interview_id}: {escape(m.title)} — {escape(m.round_name)} at "
                f"{escape(m.company)} (application {m.application_id})"
                + (f", {when}" if when else "")
                + (", [yellow]called off[/]" if m.called_off else ""),
                4,
                2,
            )
    if record.notes:
        out.print(f"\n  Addressed in {counted(len(record.notes), 'note', 'notes')}")
        for n in record.notes:
            to = f", to {n.email}" if n.email else ""
            sent = f"sent {n.sent_on}" if n.sent_on else "not sent"
            paragraph(
                f"• note {n.note_id} for {escape(n.company)} (application {n.application_id})"
                f"{escape(to)}, {sent}: {escape(n.subject)}",
                4,
                2,
            )


@app.command("edit")
def edit(
    ctx: typer.Context,
    contact_id: ContactId,
    name: Annotated[str | None, typer.Option(help="Full name.")] = None,
    role: Annotated[
        str | None,
        typer.Option(help=f"One of {choices(ContactRole)}; '' sets it back to other."),
    ] = None,
    company: Annotated[str | None, typer.Option(help="Company; '' clears it.")] = None,
    title: Annotated[str | None, typer.Option(help="Job title; '' clears it.")] = None,
    email: Annotated[str | None, typer.Option(help="Email address; '' clears it.")] = None,
    phone: Annotated[str | None, typer.Option(help="Phone number; '' clears it.")] = None,
    notes: Annotated[str | None, typer.Option(help="Free notes; '' clears them.")] = None,
    app_id: Annotated[
        int | None, typer.Option("--app", help="Move them to this application.")
    ] = None,
    no_app: Annotated[bool, typer.Option("--no-app", help="Tie them to no application.")] = False,
) -> None:
    """Correct a person's details; pass an empty string to clear a field.

    Interviews and notes keep the name and address they recorded.
    """
    from nextround.services.contacts import edit_contact

    if app_id is not None and no_app:
        raise typer.BadParameter("give --app or --no-app, not both")
    fields: dict[str, Any] = {
        "name": name,
        "role": parse_choice_or_blank(ContactRole, role, "--role", ContactRole.OTHER)[1],
        "company": company,
        "title": title,
        "email": email,
        "phone": phone,
        "notes": notes,
        "application_id": app_id,
    }
    changes: ContactFields = {k: v for k, v in fields.items() if v is not None}  # type: ignore[assignment]
    if no_app:
        changes["application_id"] = None
    if not changes:
        raise typer.BadParameter("nothing to change; give at least one option")
    with state(ctx).app.uow() as uow:
        edited = edit_contact(uow, contact_id, changes)
    console().print(
        f"Updated contact {edited.id} ({escape(edited.name)}): {changed_fields(changes)}."
    )


@app.command("rm")
def remove(
    ctx: typer.Context,
    contact_id: ContactId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a person added twice or by mistake; interviews and notes keep their name."""
    from nextround.services.contacts import get_contact, remove_contact

    with state(ctx).app.uow() as uow:
        target = get_contact(uow, contact_id)
        label = target.name
        if not yes and not confirmed(
            f"Remove contact {contact_id} ({label})? Interviews and notes that name them "
            "keep the name"
        ):
            raise typer.Abort()
        removed = remove_contact(uow, contact_id)
    named = f"; {removed.still_named}" if removed.still_named else ""
    console().print(f"Removed contact {contact_id} ({escape(label)}){named}.")

"""`nextround app`: add, import, list, show, edit, close, reopen and remove applications."""

from __future__ import annotations

from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.common import (
    NARROW_TERMINAL,
    WIDE_TERMINAL,
    CallOff,
    SavedJson,
    applied_query,
    aside,
    changed_fields,
    choices,
    confirmed,
    console,
    escape,
    paragraph,
    parse_choice,
    parse_choice_or_blank,
    parse_date,
    print_json,
    read_text_input,
    state,
)
from nextround.domain.journey import ApplyMethod, Outcome, Source, Status, WorkMode

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from rich.console import Console
    from rich.table import Table

    from nextround.domain.journey import Application
    from nextround.domain.offer_deadline import Accepted, StillOpen
    from nextround.domain.pipeline import ApplicationFacts
    from nextround.services.applications import ApplicationFields, ApplicationListing
    from nextround.services.ports import ApplicationQuery, FactsSource

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Track applications: add, import, list, show, edit, close, reopen, rm.",
)

AppId = Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

#: Rows the table shows without --limit or --all: a screenful, the newest first.
TABLE_ROWS = 50
_STATUS_STYLE = {
    "applied": "white",
    "screening": "cyan",
    "interviewing": "blue",
    "final_round": "magenta",
    "offer": "green",
    "accepted": "bold green",
    "declined": "yellow",
    "rejected": "red",
    "withdrawn": "dim",
    "no_response": "dim",
}


def status_label(status: Status) -> str:
    """A status with its colour, for tables."""
    return f"[{_STATUS_STYLE[status.value]}]{status.value.replace('_', ' ')}[/]"


def _fields(
    *,
    company: str | None = None,
    role: str | None = None,
    applied: str | None = None,
    level: str | None = None,
    location: str | None = None,
    work_mode: str | None = None,
    source: str | None = None,
    url: str | None = None,
    posting: str | None = None,
    posting_file: Path | None = None,
    tags: list[str] | None = None,
    notes: str | None = None,
    method: str | None = None,
) -> ApplicationFields:
    fields: dict[str, Any] = {
        "company": company,
        "role_title": role,
        "applied_on": parse_date(applied, "--applied"),
        "level": level,
        "location": location,
        "posting_url": url,
        "notes": notes,
    }
    if posting is not None or posting_file is not None:
        fields["posting_text"] = read_text_input(posting, posting_file, "job posting")
    if tags is not None:
        fields["tags"] = [t for raw in tags for t in raw.split(",")]
    given = {k: v for k, v in fields.items() if v is not None}
    # '' empties a choice as it does a text: no work mode, or a source of 'other'.
    for key, (was_given, value) in {
        "work_mode": parse_choice_or_blank(WorkMode, work_mode, "--work-mode", None),
        "source": parse_choice_or_blank(Source, source, "--source", Source.OTHER),
        "method": parse_choice_or_blank(ApplyMethod, method, "--method", None),
    }.items():
        if was_given:
            given[key] = value
    return given  # type: ignore[return-value]


Level = Annotated[str | None, typer.Option(help="Seniority, e.g. Senior, Band 8a or L6.")]
Location = Annotated[str | None, typer.Option(help="City or region.")]
Mode = Annotated[str | None, typer.Option("--work-mode", help=f"One of {choices(WorkMode)}.")]
SourceOpt = Annotated[str | None, typer.Option(help=f"One of {choices(Source)}.")]
EditMode = Annotated[
    str | None,
    typer.Option("--work-mode", help=f"One of {choices(WorkMode)}; '' clears it."),
]
EditSource = Annotated[
    str | None,
    typer.Option(help=f"One of {choices(Source)}; '' sets it back to other."),
]
MethodOpt = Annotated[
    str | None,
    typer.Option(
        "--method",
        help=f"How you applied, as a work-search log asks it: one of {choices(ApplyMethod)}.",
    ),
]
EditMethod = Annotated[
    str | None,
    typer.Option("--method", help=f"How you applied: one of {choices(ApplyMethod)}; '' clears it."),
]
Url = Annotated[str | None, typer.Option("--url", help="Link to the job posting.")]
Posting = Annotated[str | None, typer.Option("--posting", help="Job posting text.")]
PostingFile = Annotated[
    Path | None, typer.Option("--posting-file", help="Read the job posting from a file.")
]
Tags = Annotated[
    list[str] | None, typer.Option("--tag", help="A tag; repeat or separate with commas.")
]
Notes = Annotated[str | None, typer.Option(help="Free notes.")]


@app.command("add")
def add(
    ctx: typer.Context,
    company: Annotated[str, typer.Argument(help="Company name.")],
    role: Annotated[str, typer.Argument(help="Role title, e.g. 'Operations Manager'.")],
    applied: Annotated[
        str, typer.Option(help="Date you applied (YYYY-MM-DD or 'today').")
    ] = "today",
    level: Level = None,
    location: Location = None,
    work_mode: Mode = None,
    source: SourceOpt = None,
    method: MethodOpt = None,
    url: Url = None,
    posting: Posting = None,
    posting_file: PostingFile = None,
    tag: Tags = None,
    notes: Notes = None,
    if_new: Annotated[
        bool,
        typer.Option(
            "--if-new",
            help="Add it only if no application has the same company, role and applied "
            "date (case and spacing aside); otherwise add nothing, show that one and exit 0, "
            "so a script can be run again safely.",
        ),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help='Print the application as JSON, with "added" (false when --if-new found '
            'it on record), "same_as" (ids of the other applications for this role at '
            'this company) and "applied_before" (earlier applications there for other '
            "roles); a note about them goes to stderr.",
        ),
    ] = False,
) -> None:
    """Record a new application.

    Adding a role already on record is allowed (applying again is legitimate) and noted,
    naming the earlier ones. In a script, --if-new skips one added before:

      nextround app add Stripe "Software Engineer" --applied 2026-10-01 --if-new --json
    """
    from nextround.domain.application_names import already_applied
    from nextround.domain.earlier_applications import applied_before_note
    from nextround.services.applications import (
        add_application,
        recorded_already,
        same_role_applications,
    )
    from nextround.services.earlier_applications import earlier_applications

    fields = _fields(
        company=company,
        role=role,
        applied=applied,
        level=level,
        location=location,
        work_mode=work_mode,
        source=source,
        method=method,
        url=url,
        posting=posting,
        posting_file=posting_file,
        tags=tag,
        notes=notes,
    )
    with state(ctx).app.uow() as uow:
        found = recorded_already(uow, fields) if if_new else None
        shown = found or add_application(uow, fields)
        assert shown.id is not None
        earlier = same_role_applications(uow, shown.id)
        # Another role at a company applied to before: what happened there is worth a line
        # (the same role has its own note below).
        same = {e.id for e in earlier}
        before = [b for b in earlier_applications(uow, shown.id) if b.id not in same]
    if as_json:
        print_json(
            {
                **_app_json(shown),
                "added": found is None,
                "same_as": [e.id for e in earlier],
                "applied_before": [b.id for b in before],
            }
        )
    if found is not None:
        if not as_json:
            console().print(
                f"Nothing added: application [bold]{found.id}[/] is on record already, "
                f"{escape(found.role_title)} at {escape(found.company)} (applied "
                f"{found.applied_on})."
            )
        return
    if not as_json:
        console().print(
            f"Added application [bold]{shown.id}[/]: {escape(shown.role_title)} at "
            f"{escape(shown.company)} (applied {shown.applied_on})."
        )
    note = applied_before_note(before)
    if note is not None:
        (console() if not as_json else _stderr()).print(f"[yellow]Note:[/] {escape(note)}.")
    if earlier:
        # Said, not refused: applying again to a role is legitimate; a slip is undone by rm.
        # With --json, on stderr: the output stays one document and a script still sees it.
        ids = [str(e.id) for e in earlier]
        which = f"application {ids[0]}" if len(ids) == 1 else f"applications {', '.join(ids)}"
        out = console() if not as_json else _stderr()
        out.print(
            f"[yellow]Note:[/] {escape(already_applied(earlier))}: {which}. If you added it "
            f"twice by mistake: `nextround app rm {shown.id}`"
            + ("; --if-new adds only what is not on record." if as_json else ".")
        )


@app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            help="A CSV file with a header row (as `nextround export csv` writes it, or your "
            "own sheet saved as CSV); '-' reads standard input.",
            metavar="FILE.csv",
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Check the file and say what would be added; add nothing."),
    ] = False,
    dates: Annotated[
        str | None,
        typer.Option(
            "--dates",
            help="The order of dates such as 02/08/2026: day-first (UK, Europe: 2 August) or "
            "month-first (US: February 8). Without it, each date column decides by a date "
            "that can only be one (16/08/2026), and a column that cannot is refused.",
            metavar="day-first|month-first",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help='Print one JSON document: "added" (each application as `app add --json` '
            'gives it, with its "line"), "skipped" (each with "line", "company", "role_title", '
            '"applied_on", "same_as": the id on record, "repeats_line": the earlier row), '
            '"notes", "dry_run" and "encoding" ("utf-8", or "cp1252" for a sheet read as '
            'Windows-1252). If rows are wrong, the error object on stderr has "rows": one '
            'object per thing to fix, with "line", "column" (its header as in the file; null '
            'for the row as a whole), "problem" and "fix" (null when the problem says it).',
        ),
    ] = False,
) -> None:
    """Add many applications from a spreadsheet saved as CSV, in one go.

    Columns are found by their header, case and spaces aside: company, role, applied
    (required), and level, location, work mode, source, url, posting, tags, notes, named as
    `app add` names its options or as `export csv` writes them (role_title, applied_on,
    posting_url). Dates are 2026-10-01, 1.10.2026, 5 Aug 2026, 02/08/2026 (see --dates),
    today or yesterday. A source as `app add --source` takes it, or a job board's name
    (Indeed, Gradcracker: job board, the name kept in notes); anything else is other. In
    your own sheet, a status column (ghosted, rejected after OA, withdrawn, offer) closes
    each application it says ended, dated by a "Closed on" column or else the day applied;
    the dry run shows each. Comma, semicolon or tab separated; UTF-8, with or without a
    byte-order mark, or Windows-1252 (Excel's "CSV" on Windows), which a note then names.

    Every row is checked first: if any is wrong, nothing is added and each is listed by
    its line. A row for an application on record (same company, role and applied date,
    as --if-new goes by) is skipped and reported, so running it again is safe:

      nextround app import applications.csv --dry-run
      nextround app import applications.csv
    """
    from nextround.cli.application_import import run
    from nextround.cli.common import parse_choice
    from nextround.domain.calendar_days import DayOrder

    order = parse_choice(DayOrder, dates, "--dates")
    run(ctx, path, dry_run=dry_run, as_json=as_json, dates=order)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False)


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status", help=f"Only these statuses; repeat for several ({choices(Status)})."
        ),
    ] = None,
    company: Annotated[str | None, typer.Option(help="Company name contains this.")] = None,
    tag: Annotated[str | None, typer.Option(help="Has this tag.")] = None,
    since: Annotated[str | None, typer.Option(help="Applied on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Applied on or before this date.")] = None,
    search: Annotated[
        str | None, typer.Option(help="Text in company, role, tags, notes or posting.")
    ] = None,
    open_only: Annotated[
        bool, typer.Option("--open", help="Only processes still running.")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=1,
            help="Show at most this many, newest first (default: 50 in the table, all as JSON).",
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show every match, earlier searches included.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """List applications, newest first, with filters (50 by default; --all for every one).

    Once you search again after accepting an offer, the closed applications of the earlier
    search (applied on or before that acceptance) are folded away and counted under the
    table; --all, --tag, --since, --until, --company or --search show them.

    --json lists every match unless --limit is given: a script must not get part of the
    data without knowing.
    """
    from nextround.services.applications import list_applications
    from nextround.services.ports import ApplicationQuery

    statuses = [parse_choice(Status, s, "--status") for s in status or []]
    if open_only:
        # Narrows like every other filter: --open with --status keeps the open ones of those.
        given = [s for s in statuses if s is not None]
        statuses = [s for s in (given or list(Status)) if s.is_open]
        if given and not statuses:
            raise typer.BadParameter(
                f"{', '.join(s.value for s in given)} "
                f"{'is' if len(given) == 1 else 'are'} never open; drop --open or --status"
            )
    query = applied_query(
        tag,
        since,
        until,
        statuses=tuple(s for s in statuses if s is not None),
        company=company,
        text=search,
    )
    from nextround.domain.gone_quiet import quiet_days
    from nextround.services.other_offers import (
        acceptance,
        acceptance_among,
        still_open,
        with_acceptance,
    )

    with state(ctx).app.facts() as facts:
        rows = list_applications(facts, query)
        today = facts.now().astimezone().date()
        if query == ApplicationQuery():
            # Every application is listed: the accepted offer is among the rows, and a
            # second pass over a long search's facts would cost `app list` a tenth of a second.
            accepted = acceptance_among(r.facts for r in rows)
        else:
            accepted = acceptance(facts)
        # Once an offer is accepted, every process still running then is one to withdraw
        # from; the note follows the filters, as the rows do.
        matched = {r.facts.id for r in rows}
        to_withdraw = [p for p in still_open(facts, accepted) if p.application_id in matched]
        folded: list[ApplicationListing] = []
        if accepted is not None and not as_json and not show_all and _unscoped(query):
            rows, folded = _fold_earlier_search(facts, rows, accepted)
    quiet = {
        r.facts.id: (r.facts, days)
        for r in rows
        if (days := quiet_days(r.facts, r.next_interview, today))
    }
    total = len(rows)
    if limit is None and not as_json:
        limit = TABLE_ROWS
    if not show_all and limit is not None:
        rows = rows[:limit]
    if as_json:
        print_json(
            [
                {
                    "id": r.facts.id,
                    "company": r.facts.company,
                    "role_title": r.facts.role_title,
                    "level": r.facts.level,
                    "source": r.facts.source,
                    "applied_on": r.facts.applied_on,
                    "status": r.facts.status,
                    "rounds": len(r.facts.rounds),
                    "tags": r.facts.tags,
                    "next_interview": r.next_interview,
                    # Days with no news and nothing scheduled, once it has gone quiet; else null.
                    "quiet_days": quiet[r.facts.id][1] if r.facts.id in quiet else None,
                    # A pending offer's deadline: its date, days left and whether overdue.
                    "offer_answer_by": due.to_json()
                    if (
                        due := with_acceptance(
                            r.facts.answer_due(today), accepted, r.facts.applied_on
                        )
                    )
                    else None,
                }
                for r in rows
            ]
        )
        return
    if not rows:
        if query != ApplicationQuery():
            console().print("No applications match these filters.")
        else:
            console().print("No applications yet. Add one with `nextround app add COMPANY ROLE`.")
        return
    _print_listing(rows, total, list(quiet.values()), today, accepted, to_withdraw)
    if folded and accepted is not None:
        _folded_note(folded, accepted)


def _unscoped(query: ApplicationQuery) -> bool:
    """Whether the list is not narrowed to a search already (by tag, dates, company or text)."""
    from dataclasses import replace

    from nextround.services.ports import ApplicationQuery

    return replace(query, statuses=()) == ApplicationQuery()


def _fold_earlier_search(
    facts: FactsSource, rows: list[ApplicationListing], accepted: Accepted
) -> tuple[list[ApplicationListing], list[ApplicationListing]]:
    """The rows of the current search (and any still open), and the earlier search's closed ones."""
    from datetime import timedelta

    from nextround.domain.search_scope import current_search_start, earlier_search_closed
    from nextround.services.ports import ApplicationQuery

    start = current_search_start(accepted.offers)
    if start is None:
        return rows, []
    again = any(r.facts.applied_on > start for r in rows) or bool(
        facts.applications.facts(ApplicationQuery(applied_from=start + timedelta(days=1)))
    )
    kept: list[ApplicationListing] = []
    folded: list[ApplicationListing] = []
    for r in rows:
        earlier = earlier_search_closed(r.facts.applied_on, r.facts.status.is_open, start, again)
        (folded if earlier else kept).append(r)
    return kept, folded


def _folded_note(folded: list[ApplicationListing], accepted: Accepted) -> None:
    """How many closed applications of an earlier search the table leaves out, and why."""
    from nextround.domain.search_scope import current_search_start

    last = max(accepted.offers, key=lambda a: (a.accepted_on, a.application_id))
    n = len(folded)
    console().print(
        f"[dim]{n} closed application{'s' if n != 1 else ''} from an earlier search "
        f"(applied by {current_search_start(accepted.offers)}, when you accepted "
        f"{escape(last.company)}'s offer) folded away; --all shows them.[/]"
    )


def _print_listing(
    rows: list[ApplicationListing],
    total: int,
    quiet: list[tuple[ApplicationFacts, int]],
    today: date,
    accepted: Accepted | None = None,
    to_withdraw: Sequence[StillOpen] = (),
) -> None:
    """The applications as a table, with what it leaves out and what has gone quiet.

    Once an offer is accepted: every process still open, to withdraw from, quiet or not.
    """
    from rich.table import Table

    shown = f"{len(rows)} of {total}" if len(rows) < total else str(total)
    table = Table(title=f"{shown} application{'s' if total != 1 else ''}")
    dues = _next_steps(rows, today, accepted)
    shape = _Layout.of(rows, console().width, dues)
    with_tags, with_rounds, any_next, stacked, below = astuple(shape)
    shape.add_columns(table, bool(dues))
    for row in rows:
        f = row.facts
        status = status_label(f.status)
        ahead = row.next_interview.astimezone() if row.next_interview else None
        names = [escape(f.company), escape(f.role_title)]
        if stacked:
            # One cell, told apart by a dash as well as by colour: without colour (NO_COLOR,
            # piped into a file) the role under the company would read as more of its name.
            names = [f"{names[0]} [dim]— {names[1]}[/]"]
        if stacked or below:
            status += f"\n[dim]next {ahead:%Y-%m-%d}[/]" if ahead else ""
            status += f"\n[dim]{dues[f.id]}[/]" if f.id in dues and not ahead else ""
        cells = [str(f.id), *names, status, str(f.applied_on)]
        if with_rounds:
            cells.append(str(len(f.rounds)))
        if any_next and not stacked:
            day = "%Y-%m-%d %H:%M" if with_rounds else "%Y-%m-%d"
            cells.append(f"{ahead:{day}}" if ahead else escape(dues.get(f.id, "")))
        table.add_row(*cells, *([escape(", ".join(f.tags))] if with_tags else []))
    console().print(table)
    if not with_tags and any(row.facts.tags for row in rows):
        console().print("[dim]Tags are hidden at this width; `app show ID` lists them.[/]")
    if len(rows) < total:
        console().print(
            f"[dim]{total - len(rows)} older not shown; use --all, --limit or filters.[/]"
        )
    if accepted is not None and to_withdraw:
        from nextround.domain.offer_deadline import withdraw_note

        note = withdraw_note(list(to_withdraw), today, command_line=True)
        paragraph(f"[yellow]{escape(note)}[/]", 0, 2)
    elif quiet:
        # None of them is to withdraw from (else to_withdraw names them): follow up or close.
        _quiet_note(quiet, False)
    _offer_notes(rows, today, accepted)


@dataclass(frozen=True)
class _Layout:
    """Which columns `app list` shows at a width, and whether the role goes under the company."""

    tags: bool
    rounds: bool
    next: bool
    stacked: bool
    #: The next step goes under the status, not in a column of its own: with it on only a
    #: few rows, a column empty on most would take its width from the role (QA17 F15).
    below: bool = False

    def add_columns(self, table: Table, offers_due: bool) -> None:
        """The table's columns at this layout."""
        table.add_column("ID", justify="right", no_wrap=True)
        # Company and role wrap as words and fold a long one, never cutting letters; the
        # status, the column people scan, is never cut.
        if self.stacked:
            table.add_column("Company and role", overflow="fold")
        else:
            table.add_column("Company", overflow="fold")
            table.add_column("Role", overflow="fold")
        table.add_column("Status", no_wrap=True)
        table.add_column("Applied", no_wrap=True)
        if self.rounds:
            table.add_column("Rounds", justify="right", no_wrap=True)
            if self.next:
                # An offer's answer-by date is a next step too, not an interview.
                table.add_column("Next" if offers_due else "Next interview", no_wrap=True)
        elif self.next and not self.stacked:  # the day alone, whole (`app show` has the time)
            table.add_column("Next", no_wrap=True)
        if self.tags:
            table.add_column("Tags", ratio=3)

    @classmethod
    def of(
        cls, rows: list[ApplicationListing], width: int, dues: dict[int, str] | None = None
    ) -> _Layout:
        # On a narrow terminal the words wrap and the dates stay whole: a date cut to
        # "2026-10…" says nothing. The tags, the least needed column, make room below
        # WIDE_TERMINAL; a column empty in every row only takes room from the names.
        tags = width >= WIDE_TERMINAL and any(row.facts.tags for row in rows)
        # The round count and the interview's time need _ROUNDS_FROM columns: narrower, they
        # would squeeze the company and role into a few letters (`app show` has both).
        rounds = width >= _ROUNDS_FROM
        dues = dues or {}
        filled = sum(1 for row in rows if row.next_interview or row.facts.id in dues)
        below = 0 < filled * _SPARSE_NEXT < len(rows)
        ahead = filled > 0 and not below
        next_steps = [len(step) for step in dues.values()]
        # Side by side, the company and the role get what the other columns leave. Below
        # _NAME_ROOM letters each they would be cut to a few: the role goes under the
        # company (as `contact list` puts the title under the name) and the next interview's
        # day under the status, so that one column of words has the room.
        fixed = [
            max(len(str(row.facts.id)) for row in rows),
            max(
                [
                    *(len(row.facts.status.value) for row in rows),
                    # Under the status when sparse: "next 2026-12-03", "answer by Wed 2 Dec".
                    *((len("next 2026-12-03"), *next_steps) if below else ()),
                ]
            ),
            len("2026-10-01"),  # applied
            *([len("Rounds")] if rounds else []),
            *(
                [max([len("2026-10-01 09:30" if rounds else "2026-10-01"), *next_steps])]
                if ahead
                else []
            ),
        ]
        columns = len(fixed) + 2 + tags
        room = width - sum(fixed) - 3 * columns - 1  # each column: 2 of padding, 1 of border
        stacked = not rounds and room < 2 * _NAME_ROOM
        return cls(tags, rounds, ahead, stacked, below and not stacked)


def _next_steps(
    rows: list[ApplicationListing], today: date, accepted: Accepted | None
) -> dict[int, str]:
    """A pending offer's next step is its answer: "answer by Wed 2 Dec", by application id."""
    from nextround.services.other_offers import with_acceptance

    return {
        row.facts.id: due.next_step
        for row in rows
        if (due := with_acceptance(row.facts.answer_due(today), accepted, row.facts.applied_on))
    }


def _offer_notes(rows: list[ApplicationListing], today: date, accepted: Accepted | None) -> None:
    """Each pending offer with a deadline, soonest first: the answer is the person's move."""
    from nextround.services.other_offers import with_acceptance

    dues = sorted(
        (
            due
            for row in rows
            if (due := with_acceptance(row.facts.answer_due(today), accepted, row.facts.applied_on))
        ),
        key=lambda d: (d.answer_by, d.application_id or 0),
    )
    for due in dues:
        colour = "red" if due.overdue else "yellow"
        paragraph(
            f"[{colour}]{due.reminder()}[/] — {escape(due.company)}, application "
            f"{due.application_id}: {escape(due.command())}"
            + ("." if due.accepted_elsewhere else " records your answer."),
            0,
            2,
        )


#: How many quiet processes the list's note names; the rest are counted.
QUIET_LISTED = 5


def _quiet_note(quiet: list[tuple[ApplicationFacts, int]], offer_accepted: bool) -> None:
    """The processes waiting on the company that have gone quiet, and what to do about them."""
    from nextround.domain.gone_quiet import QUIET_AFTER_DAYS, quiet_advice, weeks

    # The most recently quiet first: those are worth a follow-up; long-silent ones, a close.
    ordered = sorted(quiet, key=lambda q: (q[1], q[0].id))
    listed = "; ".join(f"{f.id} {f.company} ({weeks(days)})" for f, days in ordered[:QUIET_LISTED])
    if len(ordered) > QUIET_LISTED:
        listed += f"; and {len(ordered) - QUIET_LISTED} more (`app list --json` gives quiet_days)"
    paragraph(
        f"[yellow]Gone quiet[/] (no news for {QUIET_AFTER_DAYS // 7} weeks or more, nothing "
        f"scheduled): {escape(listed)}. "
        f"{escape(quiet_advice(offer_accepted, command_line=True))}",
        0,
        2,
    )


#: Width from which `app list` shows the round count and the next interview's time: an
#: 80-column table plus the Rounds column (9) and the time (6), so that the company and the
#: role keep the room they have at 80 columns.
_ROUNDS_FROM = NARROW_TERMINAL + 9 + 6
#: Letters the company and the role each need side by side to stay legible when wrapped.
_NAME_ROOM = 12
#: A next step on fewer than one row in this many goes under the status (see _Layout.below).
_SPARSE_NEXT = 4


def _app_json(application: Application) -> dict[str, Any]:
    from nextround.views import jsonable

    data: dict[str, Any] = jsonable(application)
    data["status"] = application.status.value
    return data


@app.command("show")
def show(ctx: typer.Context, app_id: AppId, as_json: JsonFlag = False) -> None:
    """Show one application with its rounds, interviews and decision."""
    from nextround.services.applications import get_application
    from nextround.services.contacts import list_contacts
    from nextround.services.feedback import list_feedback

    with state(ctx).app.uow(writes=False) as uow:
        application = get_application(uow, app_id)
        people = list_contacts(uow, app_id)
        feedback = list_feedback(uow, app_id)
        debriefs = uow.debriefs.for_interviews(
            [i.id for r in application.rounds for i in r.interviews if i.id is not None]
        )
        now = uow.now()
        from nextround.services.frameworks import active_framework

        framework = active_framework(uow)
        from nextround.services.other_offers import acceptance

        # Only a pending offer's reminder depends on another offer being accepted; reading
        # every application's facts for any other would slow `app show` on a long search.
        current = application.current_decision
        accepted = acceptance(uow) if current and current.pending_offer else None
        if current and current.pending_offer and current.answer_by is not None:
            from nextround.services.other_offers import answer_clashes

            clashes = answer_clashes(uow, app_id)
        else:
            clashes = []
        from nextround.services.earlier_applications import earlier_applications

        earlier = earlier_applications(uow, app_id)
    if as_json:
        from nextround.views import jsonable

        data = _app_json(application)
        data["contacts"] = jsonable(people)
        # The earlier applications at the same company: how each ended, what they said.
        data["earlier_at_company"] = [e.to_json() for e in earlier]
        data["feedback"] = jsonable(feedback)
        data["debriefs"] = jsonable(sorted(debriefs.values(), key=lambda d: d.interview_id))
        current = application.current_decision
        from nextround.services.other_offers import with_acceptance

        due = current.answer_due(now.astimezone().date()) if current else None
        due = with_acceptance(due, accepted, application.applied_on)
        # The pending offer's deadline as app list gives it (null once answered).
        data["offer_answer_by"] = due.to_json() if due else None
        # Said once when that answer is due before another process's next interview.
        data["offer_answer_before_interview"] = clashes[0] if clashes else None
        # The offer in force's terms with their first-year total (null when none were given).
        terms = current.terms if current and current.reopened_on is None else None
        data["offer_terms"] = terms.to_json() if terms else None
        print_json(data)
        return
    from nextround.cli.render import render_application, render_earlier

    render_application(
        application, people, feedback, debriefs, now, framework, accepted, clashes[:1]
    )
    render_earlier(application.company, earlier)


@app.command("edit")
def edit(
    ctx: typer.Context,
    app_id: AppId,
    company: Annotated[str | None, typer.Option(help="Company name.")] = None,
    role: Annotated[str | None, typer.Option(help="Role title.")] = None,
    applied: Annotated[str | None, typer.Option(help="Date you applied.")] = None,
    level: Level = None,
    location: Location = None,
    work_mode: EditMode = None,
    source: EditSource = None,
    method: EditMethod = None,
    url: Url = None,
    posting: Posting = None,
    posting_file: PostingFile = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="Replace the tags; repeat or use commas.")
    ] = None,
    notes: Notes = None,
    as_json: SavedJson = False,
) -> None:
    """Change fields of an application; pass an empty string to clear a field."""
    from nextround.services.applications import edit_application

    changes = _fields(
        company=company,
        role=role,
        applied=applied,
        level=level,
        location=location,
        work_mode=work_mode,
        source=source,
        method=method,
        url=url,
        posting=posting,
        posting_file=posting_file,
        tags=tag,
        notes=notes,
    )
    if not changes:
        raise typer.BadParameter("nothing to change; give at least one option")
    with state(ctx).app.uow() as uow:
        edited = edit_application(uow, app_id, changes)
    if as_json:
        print_json(_app_json(edited))
        return
    console().print(f"Updated application {edited.id}: {changed_fields(changes)}.")


@app.command("close")
def close(
    ctx: typer.Context,
    app_id: AppId,
    outcome: Annotated[
        str,
        typer.Option(
            "--as", help="How it ended: no-response, withdrawal or rejection.", show_default=True
        ),
    ] = "no-response",
    on: Annotated[str | None, typer.Option(help="Date it ended (default today).")] = None,
    reason: Annotated[str | None, typer.Option(help="Why it ended.")] = None,
    call_off: CallOff = False,
    as_json: SavedJson = False,
) -> None:
    """Close a process that did not end in an offer."""
    from nextround.services.applications import close_application
    from nextround.services.calling_off import NOTHING_CALLED_OFF
    from nextround.services.calling_off import call_off as call_off_all

    # An offer is recorded, not closed: "offer" gets the service's pointer to `decision set`,
    # and a typo is shown the endings that close.
    endings = [o for o in Outcome if o is not Outcome.OFFER]
    from nextround.errors import InvalidInputError

    try:
        chosen = parse_choice(Outcome, outcome, "--as")
    except InvalidInputError:
        chosen = parse_choice(Outcome, outcome, "--as", among=endings)
    assert chosen is not None
    day = parse_date(on, "--on")
    with state(ctx).app.uow() as uow:
        # Both in one unit of work: a refused closing leaves the interviews in place.
        called_off = call_off_all(uow, app_id, day) if call_off else NOTHING_CALLED_OFF
        closed = close_application(uow, app_id, chosen, day, reason, called_off)
    said = escape(called_off.text())  # interview titles are the user's text
    if as_json:
        # Its decision and the interviews called off are in the application's own keys.
        print_json(_app_json(closed))
        aside(said, as_json)
        return
    console().print(
        f"Closed application {closed.id} as {status_label(closed.status)}. {said}".strip()
    )


@app.command("reopen")
def reopen(
    ctx: typer.Context,
    app_id: AppId,
    on: Annotated[
        str | None,
        typer.Option(
            help="Date it reopened (default today); on a reopened application, corrects it."
        ),
    ] = None,
) -> None:
    """Reopen a closed application; its earlier decision stays on record."""
    from nextround.services.applications import (
        get_application,
        redate_reopening,
        reopen_application,
    )

    day = parse_date(on, "--on")
    with state(ctx).app.uow() as uow:
        if day is not None and get_application(uow, app_id).last_reopened is not None:
            redated, old = redate_reopening(uow, app_id, day)
            console().print(
                f"Application {redated.id} was reopened on {day} (corrected from {old})."
            )
            return
        reopened = reopen_application(uow, app_id, day)
    console().print(
        f"Reopened application {reopened.id}; its status is {status_label(reopened.status)}."
    )


@app.command("rm")
def remove(
    ctx: typer.Context,
    app_id: AppId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an application with all it holds: rounds to notes; it says what goes first."""
    from nextround.services.application_removal import application_removal, delete_application

    with state(ctx).app.uow() as uow:
        removal = application_removal(uow, app_id)
        question = f"Delete application {app_id}, {removal.summary}? {removal.kept}".rstrip()
        if not yes and not confirmed(question):
            raise typer.Abort()
        delete_application(uow, app_id)
    said = " ".join(
        filter(None, [f"Deleted application {app_id}, {removal.summary}.", removal.kept])
    )
    console().print(escape(said))

"""`nextround round|interview|decision`: the stages, sessions and end of a process."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.common import (
    FIELD_WORDS,
    CallOff,
    SavedJson,
    aside,
    changed_fields,
    choices,
    confirmed,
    console,
    escape,
    fail,
    parse_choice,
    parse_date,
    parse_wall_time,
    print_json,
    state,
)
from nextround.domain.journey import (
    DEFAULT_ROUND_KIND,
    Application,
    Decision,
    Interview,
    Interviewer,
    InterviewFormat,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundMode,
    RoundOutcome,
)
from nextround.domain.labels import words as as_words
from nextround.errors import InvalidInputError

if TYPE_CHECKING:
    from datetime import date, datetime

    from nextround.bootstrap import Nextround
    from nextround.domain.contacts import Contact
    from nextround.domain.offer_deadline import OfferWaiting, StillOpen
    from nextround.domain.offer_terms import ShareOfBase
    from nextround.domain.typed_numbers import CurrencyNamed
    from nextround.services.calling_off import CalledOff
    from nextround.services.invite_import import ImportedInvite, InvitePlan
    from nextround.services.process import Decided, InterviewFields, RoundFields
    from nextround.services.process_removal import InterviewRemoval, RoundRemoval
    from nextround.store.uow import SqlUnitOfWork

rounds = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Add, edit and remove rounds: the stages of a process.",
)
interviews = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Add, edit and remove interviews: the sessions within a round.",
)
decisions = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Record how a process ended."
)

AppId = Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")]
#: Which kind a round that is no plain interview is: said in the help of --kind.
KIND_HELP = (
    f"One of {choices(RoundKind)}. A role play or mock call (sales) is a case; a mock pitch "
    "or portfolio review, a presentation; an online test (HackerRank, aptitude), an "
    "assessment; a graduate scheme's assessment centre or assessment day, assessment-centre."
)
Kind = Annotated[str | None, typer.Option(help=KIND_HELP)]
Mode = Annotated[str | None, typer.Option(help=f"One of {choices(RoundMode)} ('' clears it).")]
Ended = Annotated[str | None, typer.Option(help="Date the round ended ('' clears it).")]
RoundResult = Annotated[
    str | None, typer.Option("--outcome", help=f"One of {choices(RoundOutcome)}.")
]
Notes = Annotated[str | None, typer.Option(help="Free notes.")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]


def _round_fields(
    name: str | None,
    kind: str | None,
    started: str | None,
    mode: str | None,
    ended: str | None,
    outcome: str | None,
    notes: str | None,
) -> RoundFields:
    fields: dict[str, Any] = {
        "name": name,
        "kind": parse_choice(RoundKind, kind, "--kind"),
        "started_on": parse_date(started, "--on"),
        "mode": parse_choice(RoundMode, mode or None, "--mode"),
        "ended_on": parse_date(ended or None, "--ended"),
        "outcome": parse_choice(RoundOutcome, outcome, "--outcome"),
        "notes": notes,
    }
    return _given(fields, cleared={"mode": mode, "ended_on": ended})  # type: ignore[return-value]


def _given(fields: dict[str, Any], cleared: dict[str, str | None]) -> dict[str, Any]:
    """The options given, with '' (an optional field emptied) as None: `--ended ''` clears."""
    given = {k: v for k, v in fields.items() if v is not None}
    given.update({k: None for k, raw in cleared.items() if raw is not None and not raw.strip()})
    return given


KeepPending = Annotated[
    bool,
    typer.Option(
        "--keep-pending",
        help="Leave the earlier rounds still pending as they are. By default a new round marks "
        "them passed: the process went on past them (not one with an outcome, nor one starting "
        "after the new round or not over yet).",
    ),
]


@rounds.command("add")
def round_add(
    ctx: typer.Context,
    app_id: AppId,
    name: Annotated[str, typer.Argument(help="Round name, e.g. 'Hiring manager interview'.")],
    kind: Annotated[str, typer.Option(help=KIND_HELP)] = DEFAULT_ROUND_KIND.value,
    on: Annotated[str, typer.Option("--on", help="Date the round starts.")] = "today",
    mode: Mode = None,
    ended: Ended = None,
    outcome: RoundResult = None,
    notes: Notes = None,
    keep_pending: KeepPending = False,
    as_json: SavedJson = False,
) -> None:
    """Add the next round to an application; the rounds still pending before it are passed.

    Going on to the hiring manager means the screen was passed, so the earlier rounds still
    pending are marked passed, and the output says which. If one of them is still open,
    give --keep-pending, or set it back afterwards with `round edit APP N --outcome pending`.
    """
    from nextround.services.process import next_round, round_date_note

    fields = _round_fields(name, kind, on, mode, ended, outcome, notes)
    with state(ctx).app.uow() as uow:
        went = next_round(uow, app_id, fields, keep_pending=keep_pending)
        created = went.round
        assert created.id is not None
        note = round_date_note(uow, created.id)
        app = uow.applications.get(app_id)
    if as_json:
        # As in `app show --json`'s rounds; the rounds it marked passed are there too.
        print_json(created)
    else:
        console().print(f"Added {round_named(app, created)}.")
    said = went.text()
    if went.passed and app.current_decision is None:  # a closed process has no round open
        number = str(went.passed[0].position) if len(went.passed) == 1 else "N"
        said += (
            f" If {'it' if len(went.passed) == 1 else 'one'} is still open: "
            f"`nextround round edit {app_id} {number} --outcome pending`."
        )
    aside(escape(said), as_json)  # round names are the user's text
    _warn_date_order(note, app_id, created.position, as_json)


def round_named(app: Application, round_: Round) -> str:
    """'round 2 of application 3 (round id 8): Kestrel – Hiring manager', markup-escaped.

    Its number, its id and what it is, in every message about a round: the number is what
    `interview add --round` takes, the id what scripts may give `round edit`.
    """
    return escape(
        f"round {round_.position} of application {app.id} (round id {round_.id}): "
        f"{app.company} – {round_.name}"
    )


RoundRef = Annotated[
    int,
    typer.Argument(
        metavar="APP",
        help="The application id, then the round's number: `3 2` is round 2 of application 3, "
        "as `nextround app show 3` numbers them. Alone, a round id (the older form).",
        show_default=False,
    ),
]
RoundNumber = Annotated[
    int | None,
    typer.Argument(
        metavar="[ROUND_NO]",
        help="The round's number within the application: 1 for its first round.",
        show_default=False,
    ),
]


@rounds.command("edit")
def round_edit(
    ctx: typer.Context,
    round_ref: RoundRef,
    position: RoundNumber = None,
    name: Annotated[str | None, typer.Option(help="Round name.")] = None,
    kind: Kind = None,
    on: Annotated[str | None, typer.Option("--on", help="Date the round starts.")] = None,
    mode: Mode = None,
    ended: Ended = None,
    outcome: RoundResult = None,
    notes: Notes = None,
    as_json: SavedJson = False,
) -> None:
    """Change a round, e.g. record that it was passed: `round edit 3 2 --outcome passed`.

    Marked cancelled, its interviews still to come are called off: they stay on record and
    no longer count as still to come. Set back to another outcome, they go ahead again.
    """
    from nextround.services.lookup import round_by_ref
    from nextround.services.process import change_round, ending_left_open, round_date_note

    changes = _round_fields(name, kind, on, mode, ended, outcome, notes)
    if not changes:
        raise typer.BadParameter("nothing to change; give at least one option")
    with state(ctx).app.uow() as uow:
        round_id = round_by_ref(uow, round_ref, position)
        _, before = uow.applications.get_round(round_id)
        was = {key: getattr(before, key) for key in changes}
        followed = change_round(uow, round_id, changes)
        edited = followed.round
        note = round_date_note(uow, round_id) if "started_on" in changes else None
        ending = ending_left_open(uow, round_id) if "outcome" in changes else None
        app, _ = uow.applications.get_round(round_id)
        day = edited.ended_on or uow.today()
    said = escape(followed.text())  # interview titles are the user's text
    if as_json:
        print_json(edited)
        aside(said, as_json)
    else:
        updated = f"Updated {round_named(app, edited)}; {_was_now(was, edited)}. {said}"
        console().print(updated.rstrip())
    _warn_date_order(note, app.id, edited.position, as_json)
    if ending is not None:
        as_ = ending.value.replace("_", "-")
        aside(
            f"The application is still open. If this ended the process, record it: "
            f"`nextround app close {app.id} --as {as_} --on {day}`.",
            as_json,
        )


def _was_now(was: dict[str, Any], edited: Round) -> str:
    """'outcome pending → passed, notes' (escaped): each change, with what it was.

    So an edit that hit the wrong round says what to put back.
    """
    parts = []
    for key in sorted(was, key=lambda k: FIELD_WORDS.get(k, k)):
        words = FIELD_WORDS.get(key, key.replace("_", " "))
        before, after = _shown(was[key]), _shown(getattr(edited, key))
        if key == "notes" or before == after:
            parts.append(words)
        else:
            parts.append(f"{words} {before} → {after}")
    return escape(", ".join(parts))


def _shown(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, RoundKind | RoundMode | RoundOutcome):
        return as_words(value)
    return str(value)


def _warn_date_order(
    note: str | None, app_id: int | None, position: int, as_json: bool = False
) -> None:
    if note:
        aside(
            f"[yellow]Note:[/] {escape(note)}: `nextround round edit {app_id} {position} "
            "--on DATE`.",
            as_json,
        )


def parse_interviewer(value: str) -> Interviewer:
    """'Name', 'Name, Title' or 'Name (Title)', as the web reads an interviewer too."""
    from nextround.domain.interviewer_names import read_interviewer

    return read_interviewer(value)


def _interview_fields(
    title: str | None,
    format_: str | None,
    at: str | None,
    zone: str | None,
    minutes: str | None,
    people: list[str] | None,
    competency: list[str] | None,
    notes: str | None,
) -> InterviewFields:
    fields: dict[str, Any] = {
        "title": title,
        "format": parse_choice(InterviewFormat, format_, "--format"),
        # Left without an offset: the service reads it in --tz, else the interview's zone.
        "scheduled_at": parse_wall_time(at or None, "--at"),
        "time_zone": zone,
        "duration_minutes": _minutes(minutes),
        "notes": notes,
    }
    # `--with ''` and `--competency ''` empty the list.
    if people is not None:
        fields["interviewers"] = [parse_interviewer(p) for p in people if p.strip()]
    if competency is not None:
        fields["competencies"] = [c for raw in competency for c in raw.split(",") if c.strip()]
    return _given(  # type: ignore[return-value]
        fields, cleared={"scheduled_at": at, "duration_minutes": minutes}
    )


def _minutes(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    if not value.strip().isdigit():
        raise InvalidInputError(f"--minutes {value!r} is not a whole number of minutes, e.g. 45")
    return int(value)


Format = Annotated[str | None, typer.Option("--format", help=f"One of {choices(InterviewFormat)}.")]
At = Annotated[
    str | None,
    typer.Option(
        help="When, e.g. 2026-12-03T10:00 (in --tz, else your own time) or 2026-12-03T10:00+01:00."
    ),
]
Zone = Annotated[
    str | None,
    typer.Option(
        "--tz",
        help="The time zone the interview is held in, e.g. America/New_York; 'local' for your "
        "own. The time is then shown on both clocks.",
    ),
]
Minutes = Annotated[str | None, typer.Option(help="Length in minutes ('' clears it).")]
With = Annotated[
    list[str] | None,
    typer.Option(
        "--with",
        help="An interviewer as 'Name, Title' or 'Name (Title)'; repeat. Brackets without "
        "a job-title word stay in the name: 'Li (Lily) Wang'.",
    ),
]
Probed = Annotated[
    list[str] | None,
    typer.Option("--competency", help="A competency it probed; repeat or use commas."),
]


@interviews.command("add")
def interview_add(
    ctx: typer.Context,
    app_id: AppId,
    title: Annotated[
        str, typer.Argument(help="What the session is, e.g. 'Process-flow whiteboard'.")
    ],
    round_position: Annotated[
        int | None, typer.Option("--round", help="Round number (default: the latest round).")
    ] = None,
    format_: Format = "behavioural",
    at: At = None,
    zone: Zone = None,
    minutes: Minutes = None,
    people: With = None,
    competency: Probed = None,
    notes: Notes = None,
    as_json: SavedJson = False,
) -> None:
    """Add an interview to a round of an application."""
    from nextround.services.process import record_interview

    fields = _interview_fields(title, format_, at, zone, minutes, people, competency, notes)
    with state(ctx).app.uow() as uow:
        _name_probed(uow, fields)
        recorded = record_interview(uow, app_id, round_position, fields)
        created = recorded.interview
        _, round_, _ = uow.applications.get_interview(created.id or 0)
    typed = fields.get("scheduled_at")
    if as_json:
        print_json(created)  # as in `app show --json`'s rounds[].interviews
    else:
        console().print(
            f"Added interview {created.id}: {escape(created.title)}{_when(created, typed)}."
        )
    _offset_note(created, typed, as_json)
    _new_people(recorded.new_people, app_id, as_json)
    _said_met_before(recorded.met_before, as_json)
    if created.scheduled_at is None:
        # Without a time it is missing from `plan week` and the calendar file, and counts
        # as held only once its round has started.
        aside(
            f"No time given: add it with `nextround interview edit {created.id} --at "
            f"{round_.started_on}THH:MM`, so it shows in `plan week` and the calendar file.",
            as_json,
        )


@interviews.command("edit")
def interview_edit(
    ctx: typer.Context,
    interview_id: Annotated[
        int, typer.Argument(help="Interview id (see `nextround app show APP` or `timeline APP`).")
    ],
    title: Annotated[str | None, typer.Option(help="Title.")] = None,
    format_: Format = None,
    at: At = None,
    zone: Zone = None,
    minutes: Minutes = None,
    people: Annotated[
        list[str] | None,
        typer.Option("--with", help="Replace the interviewers; 'Name, Title', repeat."),
    ] = None,
    competency: Annotated[
        list[str] | None, typer.Option("--competency", help="Replace the competencies probed.")
    ] = None,
    notes: Notes = None,
    called_off: Annotated[
        bool | None,
        typer.Option(
            "--called-off/--going-ahead",
            help="Mark it called off: it did not (or will not) take place, and stays on record "
            "with its time. --going-ahead takes that back.",
        ),
    ] = None,
    as_json: SavedJson = False,
) -> None:
    """Change an interview."""
    from nextround.services.process import change_interview

    changes = _interview_fields(title, format_, at, zone, minutes, people, competency, notes)
    if called_off is not None:
        changes["called_off"] = called_off
    if not changes:
        raise typer.BadParameter("nothing to change; give at least one option")
    with state(ctx).app.uow() as uow:
        _name_probed(uow, changes)
        recorded = change_interview(uow, interview_id, changes)
        edited = recorded.interview
        app, _, _ = uow.applications.get_interview(interview_id)
        where = f"{escape(app.company)}: {escape(edited.title)}"
    typed = changes.get("scheduled_at")
    if as_json:
        print_json(edited)
    else:
        when = _when(edited, typed) if {"scheduled_at", "time_zone"} & set(changes) else ""
        updated = f"Updated interview {edited.id} ({where}): {changed_fields(changes)}{when}."
        console().print(updated)
        if called_off is not None:
            console().print(
                "It is called off: it stays on record and no longer counts as still to come."
                if edited.called_off
                else "It is no longer called off."
            )
    _offset_note(edited, typed, as_json)
    _new_people(recorded.new_people, app.id, as_json)
    _said_met_before(recorded.met_before, as_json)


@interviews.command("import")
def interview_import(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="The calendar invite (.ics) attached to the e-mail; '-' reads standard input.",
        ),
    ],
    app_id: Annotated[
        int | None,
        typer.Option(
            "--app",
            help="Application id (see `nextround app list`); optional when the invite names "
            "exactly one running application's company.",
        ),
    ] = None,
    round_position: Annotated[
        int | None, typer.Option("--round", help="Round number (default: the latest round).")
    ] = None,
    me: Annotated[
        list[str] | None,
        typer.Option(
            "--me",
            help="Your e-mail address, left out of the interviewers; repeat for several "
            "(default: the one of `nextround note sender`).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be imported; change nothing.")
    ] = False,
    also_here: Annotated[
        bool,
        typer.Option(
            "--also-here",
            help="Import it even though the invite is already on record in another "
            "application (a second copy).",
        ),
    ] = False,
    yes: Yes = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help='Print one JSON document: "application_id", "company", "round_position", '
            '"round_name", "file_name", "cancelling", "dry_run", "events" (each with "step": '
            'add, on_record, move, call_off, back_on, ...; "interview_id" and "said", the '
            'preview\'s line), "interviews" (each added or changed, as `interview add --json` '
            'gives it), "new_people" and "summary" (null when nothing was imported). The '
            "preview and notes go to standard error; add --yes to import without the question.",
        ),
    ] = False,
) -> None:
    """Add the interviews of a calendar invite (Google, Outlook, Greenhouse, ...).

    Each event becomes an interview of the round: its time and time zone, length, format
    (guessed from words such as "system design" or "coding"), the people invited and where
    it is held (in the notes). What would be added is shown first. The same invite
    imported again adds nothing; an updated one moves the interview; a cancellation
    (METHOD:CANCEL) marks it called off; an older copy (lower SEQUENCE) changes nothing.
    """
    from pathlib import Path

    from nextround.io.invites import MAX_INVITE_BYTES, read_invite, read_invite_file
    from nextround.services.invite_import import WRITES, import_invite, plan_invite

    if path == "-":
        import sys

        if not (yes or dry_run):
            fail(
                "the invite comes on standard input, so there is no way to ask before "
                "importing it; add --yes to import it, or --dry-run to see what it holds"
            )
        # One byte over the limit is enough to know the input is too big.
        invite = read_invite(sys.stdin.buffer.read(MAX_INVITE_BYTES + 1), "standard input")
    else:
        invite = read_invite_file(Path(path))
    with state(ctx).app.uow() as uow:
        plan = plan_invite(uow, invite, app_id, round_position, me)

        def say(text: str) -> None:
            # Under --json the preview is told beside the document, on standard error.
            aside(escape(text), as_json)

        if plan.picked:
            say(f"For {plan.picked}.")
        say(
            f"{invite.file_name}: round {plan.round_position} ({plan.round_name}) of "
            f"{plan.company}" + (" — a cancellation" if plan.cancelling else "")
        )
        for item in plan.events:
            say(f"  {item.line()}")
            for note in item.notes:
                say(f"    note: {note}")
        if plan.you_by_default:
            say(
                f"Leaving you out: {plan.you_by_default} (the address you sign notes "
                "with; --me gives another)."
            )
        for line in plan.left_out:
            say(f"{line}.")
        if plan.may_list_you:
            say(
                "Note: everyone on the invite counts as an interviewer; to leave yourself "
                "out, add --me YOUR-EMAIL."
            )
        for warning in plan.warnings:
            say(f"Warning: {warning}.")
        if not plan.writes or dry_run:
            if not plan.writes:
                say("Nothing to import: everything in the invite is already on record.")
            else:
                say("Dry run: nothing was imported.")
            if as_json:
                print_json(_invite_json(invite.file_name, plan, None, dry_run=dry_run))
            return
        count = sum(e.step in WRITES for e in plan.events)
        if plan.elsewhere and not also_here:
            if yes:
                fail(
                    f"{'; '.join(plan.elsewhere)}; nothing was imported. To import a second "
                    f"copy into application {plan.app_id} as well, add --also-here"
                )
            also_here = confirmed(
                f"Import it into application {plan.app_id} ({plan.company}) as well, as a "
                "second copy?",
                go_ahead="add --also-here",
                err=as_json,
            )
            if not also_here:
                raise typer.Abort()
        elif not yes and not confirmed(f"Import {count} change{'s' * (count != 1)}?", err=as_json):
            raise typer.Abort()
        done = import_invite(uow, plan, also_here=also_here)
    if as_json:
        print_json(_invite_json(invite.file_name, plan, done, dry_run=False))
    else:
        console().print(escape(done.summary()))
    if done.new_people:
        aside(
            escape(
                f"Added to the people of application {plan.app_id}, as interviewer: "
                f"{', '.join(done.new_people)}."
            ),
            as_json,
        )


def _invite_json(
    file_name: str, plan: InvitePlan, done: ImportedInvite | None, *, dry_run: bool
) -> dict[str, Any]:
    """`interview import --json`: the plan's events, and what was imported, if anything."""
    return {
        "application_id": plan.app_id,
        "company": plan.company,
        "round_position": plan.round_position,
        "round_name": plan.round_name,
        "file_name": file_name,
        "cancelling": plan.cancelling,
        "dry_run": dry_run,
        "events": [
            {"step": e.step.name.lower(), "interview_id": e.interview_id, "said": e.line()}
            for e in plan.events
        ],
        "interviews": done.interviews if done else [],
        "new_people": done.new_people if done else [],
        "summary": done.summary() if done else None,
    }


def _said_met_before(seen: list[str], as_json: bool) -> None:
    for text in seen:
        aside(f"[yellow]Note:[/] {escape(text)}: `nextround contact show ID`.", as_json)


def _new_people(added: list[Contact], app_id: int | None, as_json: bool = False) -> None:
    """Say who an interview added to the application's people, and how to give an email."""
    if not added:
        return
    roles: dict[str, list[str]] = {}
    for c in added:  # a recruiter's title makes a recruiter (see role_for_title)
        roles.setdefault(as_words(c.role), []).append(f"{c.name} (contact {c.id})")
    named = "; ".join(f"as {role}: {', '.join(names)}" for role, names in roles.items())
    first = added[0].id if len(added) == 1 else "ID"
    aside(
        escape(
            f"Added to the people of application {app_id}, {named}. For thank-you notes, "
            f"add an email: `nextround contact edit {first} --email ADDRESS`."
        ),
        as_json,
    )


@rounds.command("rm")
def round_rm(
    ctx: typer.Context,
    round_ref: RoundRef,
    position: RoundNumber = None,
    yes: Yes = False,
) -> None:
    """Delete a round added by mistake, with its interviews; feedback heard in it is kept.

    The rounds its adding marked passed are pending again, unless changed since.
    """
    from nextround.services.lookup import round_by_ref
    from nextround.services.process_removal import remove_round, round_removal

    with state(ctx).app.uow() as uow:
        round_id = round_by_ref(uow, round_ref, position)
        _confirm(round_removal(uow, round_id), yes)
        removed = remove_round(uow, round_id)
    ids = [str(f.id) for f in removed.feedback]
    hint = ""
    if len(ids) == 1:
        hint = f"To file it under another round: `nextround feedback edit {ids[0]} --round N`."
    elif ids:
        hint = (
            "To file them under other rounds: `nextround feedback edit ID --round N` for "
            f"{', '.join(ids)}."
        )
    _report(removed, hint)


@interviews.command("rm")
def interview_rm(
    ctx: typer.Context,
    interview_id: Annotated[
        int, typer.Argument(help="Interview id (see `nextround app show APP`).")
    ],
    yes: Yes = False,
) -> None:
    """Delete an interview added by mistake, with its debrief; feedback heard in it is kept."""
    from nextround.services.process_removal import interview_removal, remove_interview

    with state(ctx).app.uow() as uow:
        _confirm(interview_removal(uow, interview_id), yes)
        removed = remove_interview(uow, interview_id)
    _report(removed)


def _confirm(removal: RoundRemoval | InterviewRemoval, yes: bool) -> None:
    """Ask before deleting, saying what goes and what stays; abort on no."""
    if not yes and not confirmed(f"Delete {removal.summary}? {removal.kept}".rstrip()):
        raise typer.Abort()


def _report(removed: RoundRemoval | InterviewRemoval, hint: str = "") -> None:
    said = [f"Deleted {removed.summary}.", removed.kept, hint]
    console().print(escape(" ".join(part for part in said if part)))


def _name_probed(uow: SqlUnitOfWork, fields: InterviewFields) -> None:
    """Competencies given by name become ids; an unknown tag stays, with a note on stderr."""
    import sys

    from nextround.services.frameworks import name_probed

    for note in name_probed(uow, fields):
        sys.stderr.write(f"note: {note}\n")


def _when(interview: Interview, typed: datetime | None = None) -> str:
    """' on 2026-12-01 09:00 New York time (15:00 here)', or '' when unscheduled.

    ``typed`` is the --at given: a time typed with an offset (and no --tz) is answered on
    that offset's clock too, not only in the user's own time the user did not type.
    """
    from nextround.domain.interview_time import describe, describe_at_offset

    if interview.scheduled_at is None:
        return ""
    if typed is not None and typed.tzinfo is not None and interview.time_zone is None:
        as_typed = describe_at_offset(interview.scheduled_at, typed.tzinfo)
        if as_typed is not None:
            return f", on {as_typed}"
    return f", on {describe(interview.scheduled_at, interview.time_zone)}"


def _offset_note(interview: Interview, typed: datetime | None, as_json: bool = False) -> None:
    """After a time typed with a foreign offset: later views show the user's time alone."""
    if _when(interview, typed) == _when(interview) or interview.id is None:
        return
    aside(
        "Note: an offset names no place, so from now on it is shown in your time; to show "
        "the interview's own clock too, give its zone: "
        f"`nextround interview edit {interview.id} --tz ZONE` (e.g. Europe/Berlin).",
        as_json,
    )


Response = Annotated[str | None, typer.Option(help=f"For an offer: {choices(OfferResponse)}.")]
DecisionJson = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Print the decision as JSON; offers_waiting lists the other offers still waiting "
        "once this one is accepted (application_id, company, answer_by, note), else [].",
    ),
]
AcceptAnyway = Annotated[
    bool,
    typer.Option(
        "--yes", "-y", help="Accept an offer without asking, even when it misses Option A."
    ),
]
AnsweredOn = Annotated[
    str | None,
    typer.Option(
        "--answered-on",
        help="The day you accepted or declined the offer (the offer keeps its own date).",
    ),
]

AnswerBy = Annotated[
    str | None,
    typer.Option(
        "--answer-by",
        help="For an offer still pending: the day the company wants your answer by "
        "(YYYY-MM-DD, on or after the offer's date); app list, app show and plan week remind "
        "you of it.",
    ),
]

# An offer's terms as numbers (domain.offer_terms); amounts in whole units: 120000, 120k.
_TERMS = "Offer terms"
Currency = Annotated[
    str | None,
    typer.Option(
        "--currency",
        help="The offer's currency, a three-letter code (EUR, USD, GBP); default: that of "
        "your latest offer which named one.",
        rich_help_panel=_TERMS,
    ),
]
Base = Annotated[
    str | None,
    typer.Option(
        "--base", help="Base salary a year (120000, 120,000 or 120k).", rich_help_panel=_TERMS
    ),
]
Variable = Annotated[
    str | None,
    typer.Option(
        "--variable",
        help="Bonus or commission a year at target (OTE minus base), or a share of the "
        "base such as 15% (worked out from --base, or the base on record for edit).",
        rich_help_panel=_TERMS,
    ),
]
Equity = Annotated[
    str | None,
    typer.Option(
        "--equity",
        help="The equity as the offer words it, e.g. '0.1% over 4 years'.",
        rich_help_panel=_TERMS,
    ),
]
EquityValue = Annotated[
    str | None,
    typer.Option(
        "--equity-value",
        help="What you count the equity as worth a year (counted in the first-year total).",
        rich_help_panel=_TERMS,
    ),
]
SignOn = Annotated[
    str | None,
    typer.Option("--sign-on", help="A one-off sign-on bonus.", rich_help_panel=_TERMS),
]
StartsOn = Annotated[
    str | None,
    typer.Option(
        "--starts-on", help="The day you would start (YYYY-MM-DD).", rich_help_panel=_TERMS
    ),
]


def _term_options(
    currency: str | None,
    base: str | None,
    variable: str | None,
    equity: str | None,
    equity_value: str | None,
    sign_on: str | None,
    starts_on: str | None,
) -> dict[str, Any]:
    """The terms given on the command line, by field ('' clears one); read, not yet checked.

    A --variable typed as a percentage ("15%") is a ShareOfBase, for _variable_of_base to
    work out once the base is known.
    """
    from nextround.domain.offer_terms import ShareOfBase
    from nextround.domain.typed_numbers import UnreadNumberError, percentage, priced

    given: dict[str, Any] = {}
    signs: list[tuple[str, str, CurrencyNamed]] = []
    if currency is not None:
        given["currency"] = currency.strip() or None
    if equity is not None:
        given["equity"] = equity.strip() or None
    for name, option, typed in (
        ("base_salary", "--base", base),
        ("variable_pay", "--variable", variable),
        ("equity_value", "--equity-value", equity_value),
        ("sign_on", "--sign-on", sign_on),
    ):
        if typed is None:
            continue
        share = percentage(typed) if name == "variable_pay" else None
        if share is not None:
            given[name] = ShareOfBase(share, option)
            continue
        try:
            amount, sign = priced(typed, option) if typed.strip() else (None, None)
        except UnreadNumberError as exc:
            raise InvalidInputError(exc.hint) from None
        given[name] = amount
        if sign is not None:
            signs.append((option, typed.strip(), sign))
    _check_signs(signs, given)
    if starts_on is not None:
        given["starts_on"] = parse_date(starts_on, "--starts-on") if starts_on.strip() else None
    return given


#: Where _term_options leaves the currency an amount was typed with ("$118,000"), for
#: _currency_of_sign to settle once the offer's stored currency is known.
_SIGN = "_currency_sign"


def _check_signs(signs: list[tuple[str, str, CurrencyNamed]], given: dict[str, Any]) -> None:
    """Refuse amounts typed in another currency than --currency, or than each other."""
    if not signs:
        return
    option, typed, sign = signs[0]
    stated = given.get("currency")
    for other_option, other_typed, other in signs:
        if stated and not other.fits(stated):
            raise InvalidInputError(
                f"{other_option} {other_typed!r} is in {other.typed}, but --currency is "
                f"{stated.upper()}; give the amounts in one currency"
            )
        if not stated and not other.codes & sign.codes:
            raise InvalidInputError(
                f"{option} {typed!r} and {other_option} {other_typed!r} are in two "
                "currencies; an offer's terms are in one (give it with --currency)"
            )
    if not stated:
        given[_SIGN] = sign


def _currency_of_sign(given: dict[str, Any], stored: str | None) -> None:
    """The currency a sign typed with an amount says, in ``given``, unless one is on record.

    "$5k" on an offer in CAD keeps CAD; on an offer in EUR it is refused; on one with no
    currency yet it gives USD, the dollar meant when nothing else says (QA22 F6).
    """
    sign = given.pop(_SIGN, None)
    if sign is None:
        return
    if stored is None:
        given["currency"] = sign.code
    elif not sign.fits(stored):
        raise InvalidInputError(
            f"the offer is in {stored}, but an amount was given in {sign.typed}; give it "
            f"in {stored}, or change the currency with --currency"
        )


def _variable_of_base(given: dict[str, Any], stored_base: int | None) -> ShareOfBase | None:
    """Work a --variable given as a share of base out into its amount, in ``given``.

    The base is the one given in the same command, else ``stored_base``; the share is
    returned, to say what it came to, or None when the variable was no percentage.
    """
    from nextround.domain.offer_terms import ShareOfBase

    share = given.get("variable_pay")
    if not isinstance(share, ShareOfBase):
        return None
    given["variable_pay"] = share.of(given.get("base_salary", stored_base))
    return share


@decisions.command("set")
def decision_set(
    ctx: typer.Context,
    app_id: AppId,
    outcome: Annotated[str, typer.Option(help=f"One of {choices(Outcome)}.")],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="Date of the decision (default today). Answering an offer already recorded, "
            "the day you answered: the offer keeps the day it came.",
        ),
    ] = None,
    finalists: Annotated[
        int | None, typer.Option(help="How many finalists there were, if you know.")
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option(
            help="The reason given; for an offer, its terms (base, OTE, equity, sign-on), "
            "kept when you answer it."
        ),
    ] = None,
    response: Response = None,
    answered_on: AnsweredOn = None,
    answer_by: AnswerBy = None,
    currency: Currency = None,
    base: Base = None,
    variable: Variable = None,
    equity: Equity = None,
    equity_value: EquityValue = None,
    sign_on: SignOn = None,
    starts_on: StartsOn = None,
    as_json: DecisionJson = False,
    yes: AcceptAnyway = False,
    call_off: CallOff = False,
) -> None:
    """Record how an application ended (replaces the current decision).

    To correct one field of a decision and keep the others, use `decision edit`. Answering
    an offer already recorded keeps its date, deadline, finalists and reason (its terms).

    Accepting an offer that falls short of your Option A shows the trade-offs first and
    asks before anything is recorded. A decision cannot close the process before an
    interview or round still to come: --call-off cancels them in the same step.

    An offer with a deadline: --answer-by 2026-12-04; `decision edit 3 --answer-by DATE`
    changes it later, and --answer-by '' clears it.

    An offer's terms as numbers, to compare offers: --base 120k --variable 30k --equity
    "0.1% over 4 years" --equity-value 15k --sign-on 10k --currency EUR. app show adds them
    up for the first year; the reason keeps what you write in words. On an offer already
    recorded, the terms given change and the others are kept (--variable 15% works from the
    base on record; --sign-on '' clears one term), and the output says all of them.

    Example: nextround decision set 3 --outcome offer --response accepted --on 2026-10-25
    """
    from nextround.domain.offer_terms import OfferTerms
    from nextround.services.process import KEEP, decide

    typed_terms = _term_options(currency, base, variable, equity, equity_value, sign_on, starts_on)
    chosen = parse_choice(Outcome, outcome, "--outcome")
    assert chosen is not None
    answer = parse_choice(OfferResponse, response, "--response")
    when = parse_date(on, "--on")
    responded = parse_date(answered_on, "--answered-on")
    due = KEEP if answer_by is None else _answer_by(answer_by)
    nextround = state(ctx).app
    with nextround.uow() as uow:
        current = uow.applications.get(app_id).current_decision
    # Setting an offer on record again keeps its terms: the ones given change, the others
    # stay ('' clears one), as `decision edit` does; a new offer has only the terms given.
    stored = (
        current.terms
        if current is not None and current.outcome is Outcome.OFFER and chosen is Outcome.OFFER
        else None
    )
    _currency_of_sign(typed_terms, stored.currency if stored else None)
    share = _variable_of_base(typed_terms, stored.base_salary if stored else None)
    merged = {**(stored.items() if stored else {}), **typed_terms}
    terms = OfferTerms.from_fields(merged) if typed_terms else KEEP
    asked = _ask_before_accepting(nextround, app_id, chosen, answer, yes)
    with nextround.uow() as uow:
        before = uow.applications.get(app_id).current_decision
        if responded is None and _answers(before, chosen, answer):
            when, responded = None, when  # --on is the day of the answer
        dropped = _dropped(before, chosen, finalists, reason)
        # Both in one unit of work: a refused decision leaves the interviews in place.
        called_off = _call_off(uow, app_id, when, call_off)
        decided = decide(
            uow, app_id, chosen, when, KEEP if finalists is None else finalists,
            KEEP if reason is None else reason, answer, responded_on=responded,
            answer_by=due, terms=terms, called_off=called_off,
            default_currency="currency" not in typed_terms,
        )  # fmt: skip
    worked_out = _share_said(share, decided)
    notes = [called_off.text(), dropped, worked_out, _terms_said(decided) if typed_terms else ""]
    _say_decided(nextround, app_id, decided, asked, as_json, notes)


def _terms_said(decided: Decided) -> str:
    """'Offer terms now: Base: 120,000 EUR a year; …', all of them, after some were set."""
    terms = decided.decision.terms
    if terms is None:
        return "The offer has no terms on record now."
    return f"Offer terms now: {'; '.join(terms.lines())}."


def _share_said(share: ShareOfBase | None, decided: Decided) -> str:
    """'Variable 15% of base: 14,700 EUR.' for a variable given as a share; '' otherwise."""
    terms = decided.decision.terms
    return share.said(terms) if share is not None and terms is not None else ""


@decisions.command("edit")
def decision_edit(
    ctx: typer.Context,
    app_id: AppId,
    outcome: Annotated[str | None, typer.Option(help=f"One of {choices(Outcome)}.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date of the decision.")] = None,
    finalists: Annotated[
        str | None, typer.Option(help="How many finalists there were ('' clears it).")
    ] = None,
    reason: Annotated[
        str | None, typer.Option(help="The reason given, or an offer's terms ('' clears it).")
    ] = None,
    response: Response = None,
    answered_on: AnsweredOn = None,
    answer_by: Annotated[
        str | None,
        typer.Option(
            "--answer-by",
            help="The day the company wants your answer to the offer by ('' clears it).",
        ),
    ] = None,
    currency: Currency = None,
    base: Base = None,
    variable: Variable = None,
    equity: Equity = None,
    equity_value: EquityValue = None,
    sign_on: SignOn = None,
    starts_on: StartsOn = None,
    as_json: DecisionJson = False,
    yes: AcceptAnyway = False,
    call_off: CallOff = False,
) -> None:
    """Correct the decision in force: the fields given change, the others are kept.

    Example: nextround decision edit 3 --on 2026-10-03   (the reason and finalists stay)

    Example: nextround decision edit 3 --answer-by 2026-12-04   (the offer's deadline)

    Example: nextround decision edit 3 --base 125k   (the other terms stay; '' clears one)
    """
    from nextround.services.process import edit_decision

    changes = _term_options(currency, base, variable, equity, equity_value, sign_on, starts_on)
    if outcome is not None:
        changes["outcome"] = parse_choice(Outcome, outcome, "--outcome")
    if on is not None:
        changes["decided_on"] = parse_date(on, "--on")
    if finalists is not None:
        changes["finalists"] = _finalists(finalists)
    if reason is not None:
        changes["reason"] = reason or None
    if response is not None:
        changes["offer_response"] = parse_choice(OfferResponse, response, "--response")
    if answered_on is not None:
        changes["responded_on"] = parse_date(answered_on, "--answered-on") if answered_on else None
    if answer_by is not None:
        changes["answer_by"] = _answer_by(answer_by)
    if not changes:
        raise typer.BadParameter("nothing to change; give at least one option")
    nextround = state(ctx).app
    with nextround.uow() as uow:
        current = uow.applications.get(app_id).current_decision
    _currency_of_sign(changes, current.currency if current else None)
    share = _variable_of_base(changes, current.base_salary if current else None)
    chosen = changes.get("outcome") or (current.outcome if current else None)
    answer = changes.get("offer_response") or (current.offer_response if current else None)
    already = current is not None and current.offer_response is OfferResponse.ACCEPTED
    asked = not already and _ask_before_accepting(nextround, app_id, chosen, answer, yes)
    with nextround.uow() as uow:
        called_off = _call_off(uow, app_id, changes.get("decided_on"), call_off)
        decided = edit_decision(uow, app_id, changes, called_off)
    notes = [called_off.text(), _share_said(share, decided)]
    from nextround.domain.offer_terms import TERM_LABELS

    if any(k in TERM_LABELS for k in changes):
        notes.append(_terms_said(decided))
    _say_decided(nextround, app_id, decided, asked or already, as_json, notes)


def _answer_by(value: str) -> date | None:
    """--answer-by as typed: a date, or '' to clear it."""
    return parse_date(value, "--answer-by") if value.strip() else None


def _finalists(value: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise InvalidInputError(
            f"--finalists {value!r} is not a whole number; give a count such as 4, or '' to "
            "clear it"
        ) from None


def _ask_before_accepting(
    nextround: Nextround,
    app_id: int,
    outcome: Outcome | None,
    answer: OfferResponse | None,
    yes: bool,
) -> bool:
    """Whether the person was asked about an acceptance (and said yes); aborts on no."""
    from nextround.cli.option_views import ask_before_accepting

    return (
        outcome is Outcome.OFFER
        and answer is OfferResponse.ACCEPTED
        and ask_before_accepting(nextround, app_id, yes)
    )


def _answers(before: Decision | None, outcome: Outcome, answer: OfferResponse | None) -> bool:
    """Whether this records the answer to an offer recorded before, still pending."""
    return (
        before is not None
        and before.outcome is Outcome.OFFER
        and not before.answered
        and outcome is Outcome.OFFER
        and answer in (OfferResponse.ACCEPTED, OfferResponse.DECLINED)
    )


def _dropped(
    before: Decision | None, outcome: Outcome, finalists: int | None, reason: str | None
) -> str:
    """What replacing ``before`` clears without being told to, in a sentence ("" if nothing).

    Re-recording an offer (answering it, say) keeps them, so clears nothing.
    """
    if before is None or (before.outcome is Outcome.OFFER and outcome is Outcome.OFFER):
        return ""
    # An offer's terms cannot be put back on a rejection: said apart, so nothing goes unseen.
    terms = before.terms
    gone = ""
    if terms is not None:
        total = terms.first_year
        figure = f" (first year {terms.money(total)})" if total is not None else ""
        gone = f"Cleared the offer's terms{figure}: a decision that is no offer has none."
    said = _dropped_fields(before, finalists, reason)
    return " ".join(part for part in (said, gone) if part)


def _dropped_fields(before: Decision, finalists: int | None, reason: str | None) -> str:
    lost = []
    if before.finalists is not None and finalists is None:
        lost.append(f"the number of finalists ({before.finalists})")
    if before.reason and reason is None:
        lost.append("the reason")
    if not lost:
        return ""
    return (
        f"Cleared {' and '.join(lost)} of the decision it replaced; `nextround decision edit "
        f"{before.application_id} --finalists N --reason TEXT` puts them back (edit changes "
        "only what you give)."
    )


def _call_off(uow: SqlUnitOfWork, app_id: int, day: date | None, wanted: bool) -> CalledOff:
    from nextround.services.calling_off import NOTHING_CALLED_OFF, call_off

    return call_off(uow, app_id, day) if wanted else NOTHING_CALLED_OFF


def _say_decided(
    nextround: Nextround,
    app_id: int,
    decided: Decided,
    asked: bool,
    as_json: bool,
    notes: list[str],
) -> None:
    from nextround.cli.option_views import warn_about_offer
    from nextround.domain.offer_deadline import withdraw_note

    decision = decided.decision
    # After an acceptance, the other offers still waiting want a "no, thank you".
    accepted = decision.offer_response is OfferResponse.ACCEPTED
    waiting = _offers_waiting(nextround, app_id) if accepted else []
    to_withdraw = _still_open(nextround) if accepted else []
    # What was recorded first, then what to weigh before answering (on stderr, so --json
    # stays clean): "Recorded the offer. Before you answer: ...".
    warn = decision.outcome is Outcome.OFFER and not asked
    if as_json:
        from nextround.views import jsonable

        data = jsonable(decision)
        # Always there (empty but after an acceptance): the notes the plain output gives.
        data["offers_waiting"] = [w.to_json() for w in waiting]
        data["still_open"] = [
            {"application_id": p.application_id, "company": p.company} for p in to_withdraw
        ]
        print_json(data)
        # The called-off interviews, the fields a new decision dropped: said as in text.
        aside(escape(" ".join(note for note in notes if note)), as_json)
        if warn:
            warn_about_offer(nextround, app_id)
        return
    when = f"on {decision.decided_on}" if decision.day_known else "(day not known)"
    said = f"Application {app_id}: {decision.outcome.value.replace('_', ' ')} {when}"
    response = decision.offer_response
    if response is not None and response is not OfferResponse.PENDING:
        said += f", {response.value}"  # an accepted offer ends the search: say so
        if decision.answered_on != decision.decided_on:
            said += f" on {decision.answered_on}"
    due = decision.answer_due(nextround.clock().astimezone().date())
    parts = [f"{said}.", f"{due.reminder()}." if due else "", decided.closed_text(), *notes]
    parts += [w.command_line() for w in waiting]
    today = nextround.clock().astimezone().date()
    parts.append(withdraw_note(to_withdraw, today, command_line=True))
    console().print(escape(" ".join(part for part in parts if part)))
    if warn:
        warn_about_offer(nextround, app_id)


def _still_open(nextround: Nextround) -> list[StillOpen]:
    """The processes still running, to withdraw from once an offer is accepted."""
    from nextround.services.other_offers import acceptance, still_open

    with nextround.facts() as facts:
        return still_open(facts, acceptance(facts))


def _offers_waiting(nextround: Nextround, app_id: int) -> list[OfferWaiting]:
    """The offers other than ``app_id``'s still waiting for an answer, soonest due first."""
    from nextround.services.other_offers import offers_waiting

    with nextround.facts() as facts:
        return offers_waiting(facts, app_id)


@decisions.command("rm")
def decision_rm(
    ctx: typer.Context,
    app_id: AppId,
    yes: Yes = False,
) -> None:
    """Delete the latest decision, recorded by mistake; the process is open again.

    The rounds it closed are pending again, and the interviews and rounds its --call-off
    called off go ahead again, unless changed since; the output says which.
    """
    from nextround.cli.applications import status_label
    from nextround.services.applications import get_application
    from nextround.services.process import remove_decision

    with state(ctx).app.uow() as uow:
        app = get_application(uow, app_id)
        if not app.decisions:
            fail(f"application {app_id} has no decision to remove")
        last = app.current_decision or app.last_reopened
        assert last is not None
        said = f"the {last.outcome.value.replace('_', ' ')} of {last.decided_on}"
        if not yes and not confirmed(
            f"Delete {said} from application {app_id} ({app.role_title} at {app.company})?"
        ):
            raise typer.Abort()
        removed = remove_decision(uow, app_id)
        status = status_label(removed.app.status)
    # The status is markup already; the rest is escaped (interview titles are the user's).
    console().print(
        f"Deleted {escape(said)} from application {app_id}; its status is {status}. "
        f"{escape(removed.text())}".rstrip()
    )
    # Changed since the decision, or called off apart from it: the person knows which.
    still = [
        f"round {r.position} ({r.name}), cancelled (`nextround round edit {app_id} {r.position} "
        "--outcome pending`)"
        for r in removed.still_cancelled
    ]
    still += [
        f"{i.named()} (`nextround interview edit {i.id} --going-ahead`)" for i in removed.still_off
    ]
    if still:
        console().print(
            escape(
                f"Still called off: {'; '.join(still)}. If one is on after all, run its command."
            )
        )

"""`nextround note`: thank-you notes and feedback requests drafted, kept, marked sent, exported."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.common import (
    confirmed,
    console,
    escape,
    parse_date,
    print_json,
    state,
)
from nextround.domain.notes import (
    DEFAULT_WORD_LIMIT,
    Recipient,
    count_words,
    occasion,
    parse_tone,
    tone_names,
)
from nextround.errors import InvalidInputError

if TYPE_CHECKING:
    from nextround.domain.note_drafts import Draft
    from nextround.services.note_drafting import DraftSet
    from nextround.services.notes import NoteListing

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Thank-you notes drafted from your record: who, which round, one moment, one learning; "
    "and requests for feedback after a “no”.",
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
NoteId = Annotated[int, typer.Argument(help="Note id (see `nextround note list`).")]
Eml = Annotated[
    Path | None,
    typer.Option(
        "--eml",
        help="Also write the note as an .eml file for your mail client; an existing file is "
        "kept unless you add --force.",
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="Let --eml overwrite a file that already exists.")
]


def _check_eml(path: Path | None, force: bool) -> Path | None:
    """The --eml path, refused before any work (or any note saved) if it cannot be written."""
    from nextround.cli.data import check_folder

    if path is None:
        return None
    path = path.expanduser()
    if path.suffix.lower() != ".eml":
        raise InvalidInputError(f"--eml {path} should end in .eml, so mail clients open it")
    if path.is_dir():
        raise InvalidInputError(f"--eml {path} is a folder; give a file name ending in .eml")
    check_folder(path)
    if path.exists() and not force:
        raise _exists(path)
    return path


def _exists(path: Path) -> InvalidInputError:
    from nextround.cli.data import already_exists

    return already_exists(path, "--eml")


@app.command("thank-you")
def thank_you(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")],
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            help="Contact id or name (also an interviewer's name); repeat. Default: who was "
            "in the round (its interviewers, or the recruiter of a screen); after a decision, "
            "the recruiter and the hiring manager (without contacts of those roles: who wrote "
            "the recruiter's feedback or held the screen, and who held the hiring-manager "
            "round, said on stderr). Someone named who was not in the round is kept, with a "
            "note saying who was.",
        ),
    ] = None,
    round_position: Annotated[
        int | None, typer.Option("--round", help="Round number (default: the latest one held).")
    ] = None,
    tone: Annotated[
        str | None,
        typer.Option(
            help=f"One of {', '.join(tone_names())} (default: from the application's status)."
        ),
    ] = None,
    variant: Annotated[
        int | None, typer.Option(help="Show (and keep) only variant 1, 2 or 3.")
    ] = None,
    words: Annotated[
        int, typer.Option(help="Word limit; variants drop optional sentences to fit.")
    ] = DEFAULT_WORD_LIMIT,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the variant in $EDITOR before keeping it.")
    ] = False,
    save: Annotated[bool, typer.Option("--save", help="Keep the variant as a saved note.")] = False,
    sent: Annotated[
        str | None, typer.Option("--sent", help="Keep it as sent on this date (implies --save).")
    ] = None,
    eml: Eml = None,
    force: Force = False,
    sender: Annotated[
        str | None,
        typer.Option("--from", help="Sign as 'Name <address>' (default: `nextround note sender`)."),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Draft three thank-you notes for an application, from the real record only."""
    from nextround.services.note_drafting import NoteRequest, draft_notes
    from nextround.services.notes import as_eml, save_note

    chosen_tone, answer = parse_tone(tone) if tone is not None else (None, None)
    sent_on = parse_date(sent, "--sent")
    eml_path = _check_eml(eml, force)
    if variant is not None and not 1 <= variant <= 3:
        raise InvalidInputError(f"--variant must be 1, 2 or 3, not {variant}")
    keep = save or sent_on is not None
    request = NoteRequest(
        app_id, tuple(to or ()), round_position, chosen_tone, words, sender, answer
    )
    with state(ctx).app.uow() as uow:
        drafts = draft_notes(uow, request)
        picked = drafts.draft(variant or 1)
        subject, body = picked.subject, picked.body
        if edit:
            subject, body = _edit(subject, body)
        payload = None
        if eml_path is not None:
            payload = as_eml(
                uow,
                subject=subject,
                body=body,
                recipients=list(drafts.facts.recipients),
                sender=drafts.sender,
                sent_on=sent_on,
            )
        note = None
        if keep:
            note = save_note(uow, drafts, variant or 1, subject=subject, body=body, sent_on=sent_on)
    for caution in (drafts.late, drafts.addressed, drafts.not_there):
        if caution is not None:
            _caution(caution.for_cli())
    if as_json:
        print_json(_drafts_json(drafts, variant, note.id if note else None))
    elif variant is None and not (keep or edit or eml_path):
        _render_all(drafts)
    else:
        _render_one(drafts, picked, subject, body)
    if note is not None and not as_json:
        state_text = f"sent on {note.sent_on}" if note.sent_on else "not sent yet"
        console().print(
            f"Saved as note {note.id} ({state_text}). "
            + ("" if note.sent_on else f"When it is out: nextround note sent {note.id}")
        )
    if payload is not None and eml_path is not None:
        _write_eml(payload, eml_path, drafts.facts.recipients, force)
    if not as_json and (hint := signing_hint(drafts)):
        console().print(f"[dim]{escape(hint)}[/]")


@app.command("feedback-request")
def feedback_request(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")],
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the request in $EDITOR before writing it.")
    ] = False,
    eml: Annotated[
        Path | None,
        typer.Option(
            "--eml",
            help="Also write the request as an .eml file for your mail client; an existing "
            "file is kept unless you add --force.",
        ),
    ] = None,
    force: Force = False,
    sender: Annotated[
        str | None,
        typer.Option("--from", help="Sign as 'Name <address>' (default: `nextround note sender`)."),
    ] = None,
    save: Annotated[
        bool,
        typer.Option(
            "--save", help="Keep the request as a note (one per application), to mark it sent."
        ),
    ] = False,
    sent: Annotated[
        str | None, typer.Option("--sent", help="Keep it as sent on this date (implies --save).")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Draft a short request for feedback after a "no" that came without any.

    For a rejection after an interview, a panel or an assessment centre: it thanks them,
    names the round and asks one or two specific questions. `nextround plan` suggests it
    within three weeks of the decision when no feedback is on record. --save keeps it as a
    note (`nextround note list`); once it is marked sent, the plan's action to ask for
    feedback is done. When they reply, add their words with `nextround feedback add`.
    """
    from nextround.services.feedback_request import draft_request, save_request
    from nextround.services.notes import as_eml

    sent_on = parse_date(sent, "--sent")
    eml_path = _check_eml(eml, force)
    keep = save or sent_on is not None
    with state(ctx).app.uow(writes=keep) as uow:
        drafted = draft_request(uow, app_id, sender)
        subject, body = drafted.draft.subject, drafted.draft.body
        if edit:
            subject, body = _edit(subject, body)
        payload = None
        if eml_path is not None:
            payload = as_eml(
                uow,
                subject=subject,
                body=body,
                recipients=list(drafted.people),
                sender=drafted.sender,
                sent_on=sent_on,
            )
        note = None
        if keep:
            note = save_request(uow, drafted, subject=subject, body=body, sent_on=sent_on)
    ask = drafted.ask
    if drafted.caution:
        _caution(drafted.caution)
    if as_json:
        print_json(
            {
                "application_id": ask.application_id,
                "round": ask.round_name,
                "decided_on": ask.decided_on.isoformat(),
                "ask_by": ask.ask_by.isoformat(),
                "recipients": list(drafted.recipients),
                "subject": subject,
                "body": body,
                "words": count_words(body),
                "saved_note_id": note.id if note else None,
            }
        )
    else:
        out = console()
        people = ", ".join(drafted.recipients) or f"the {ask.company} recruitment team"
        out.print(
            f"[bold]Feedback request[/] for {escape(ask.role_title)} at {escape(ask.company)} · "
            f"{escape(ask.round_name)} · to {escape(people)} · {count_words(body)} words"
        )
        out.print(f"[dim]Subject:[/] {escape(subject)}\n")
        out.print(escape(body), soft_wrap=True)
        out.print(
            f"\n[dim]Best sent by {ask.ask_by:%a %-d %b %Y} (three weeks after the decision). "
            f'Once they reply: nextround feedback add "their words" --app {ask.application_id} '
            "--source recruiter[/]"
        )
        if note is not None:
            state_text = f"sent on {note.sent_on}" if note.sent_on else "not sent yet"
            out.print(
                f"Saved as note {note.id} ({state_text}). "
                + ("" if note.sent_on else f"When it is out: nextround note sent {note.id}")
            )
        elif eml_path is None:
            out.print(
                f"[dim]For your mail client: nextround note feedback-request {app_id} "
                "--eml PATH (add --edit to change it first); to keep it and mark it sent "
                "later: --save[/]"
            )
    if payload is not None and eml_path is not None:
        _write_eml(payload, eml_path, drafted.people, force)
    if not as_json and drafted.sender is None:
        from nextround.domain.note_drafts import NAME_PLACEHOLDER

        console().print(
            f'[dim]The request ends "{escape(NAME_PLACEHOLDER)}": replace it, or sign every '
            f"note: {escape(SENDER_COMMAND)}[/]"
        )


#: How to set who signs notes, as every hint about signing says it.
SENDER_COMMAND = 'nextround note sender "Your Name <you@example.com>"'


def signing_hint(drafts: DraftSet) -> str | None:
    """What the command says under the drafts about who signs them, if anything needs saying."""
    from nextround.domain.note_drafts import NAME_PLACEHOLDER

    command = SENDER_COMMAND
    if drafts.sender is None:
        return f'The drafts end "{NAME_PLACEHOLDER}": replace it, or sign every note: {command}'
    if drafts.sender_from_resume:
        return (
            f"Signed with the name on your resume, {drafts.sender.name}; to sign otherwise "
            f"(and add the email address .eml files need): {command}"
        )
    return None


def _caution(text: str) -> None:
    """A note on stderr, in yellow, that does not stop the command (and keeps --json clean)."""
    from rich.console import Console

    err = Console(stderr=True, highlight=False, emoji=False)
    err.print(f"[yellow]Note:[/] {escape(text[:1].upper() + text[1:])}.")


def _edit(subject: str, body: str) -> tuple[str, str]:
    """The person's own edit; the first line holds the subject."""
    import click

    try:
        edited = click.edit(f"Subject: {subject}\n\n{body}\n", extension=".txt")
    except click.ClickException as exc:  # no such editor, or it exited with an error
        raise InvalidInputError(
            f"{exc.message[:1].lower()}{exc.message[1:]}; nothing was saved. Set EDITOR to "
            "an editor that works (e.g. EDITOR=nano), or leave out --edit"
        ) from None
    if edited is None:
        return subject, body
    head, _, rest = edited.strip().partition("\n")
    if head.lower().startswith("subject:"):
        return head.split(":", 1)[1].strip() or subject, rest.strip()
    return subject, edited.strip()


def _render_all(drafts: DraftSet) -> None:
    out = console()
    _heading(drafts)
    for draft in drafts.drafts:
        out.print()
        _render_draft(draft, draft.subject, draft.body)
    out.print(
        f"\nKeep one: nextround note thank-you {drafts.application.id} --variant N --save "
        "(add --sent DATE if it went out, --eml PATH for your mail client, --edit to change it)"
    )


def _render_one(drafts: DraftSet, draft: Draft, subject: str, body: str) -> None:
    _heading(drafts)
    console().print()
    _render_draft(draft, subject, body)


def _heading(drafts: DraftSet) -> None:
    app, facts = drafts.application, drafts.facts
    people = ", ".join(r.name for r in facts.recipients)
    round_text = ""
    if drafts.round:
        position = drafts.round.position
        round_text = f" · {drafts.round.name}"
        # "Round 2 (round 2)" would say it twice; "Screen (round 1)" and "R2" say it once.
        if not re.search(rf"\bround {position}\b", str(drafts.facts.round)):
            round_text += f" (round {position})"
    console().print(
        f"[bold]Thank-you note[/] for {escape(app.role_title)} at {escape(app.company)}"
        f"{escape(round_text)} · {occasion(facts.tone, facts.offer_response)} · "
        f"to {escape(people)}"
    )


def _render_draft(draft: Draft, subject: str, body: str) -> None:
    from nextround.domain.notes import count_words

    out = console()
    words = count_words(body)
    over = f" [yellow](over the {draft.limit}-word limit)[/]" if words > draft.limit else ""
    out.print(f"[bold cyan]Variant {draft.variant}[/] · {draft.style} · {words} words{over}")
    out.print(f"[dim]Subject:[/] {escape(subject)}\n")
    out.print(escape(body), soft_wrap=True)
    out.print(f"\n[dim]{escape(_provenance(draft))}[/]")


def _provenance(draft: Draft) -> str:
    """Where the specific parts came from, so every detail can be checked."""
    from nextround.domain.note_gaps import moment_origin

    moment, learning = draft.moment, draft.learning
    parts = []
    if moment is not None:
        interview = f" (interview {moment.interview_id})" if moment.interview_id else ""
        parts.append(f"moment: {moment_origin(moment)}{interview}")
    else:
        missing = draft.missing_moment.for_cli() if draft.missing_moment else ""
        parts.append(f"moment: none ({missing})")
    if learning is not None:
        state_text = "confirmed" if learning.confirmed else "not yet confirmed"
        author = f" from {learning.author}" if learning.author else ""
        parts.append(
            f"learning: statement {learning.statement_id}{author} "
            f"({learning.polarity.value}, {state_text})"
        )
    else:
        missing = draft.missing_learning.for_cli() if draft.missing_learning else ""
        parts.append(f"learning: none ({missing})")
    return "From the record: " + "; ".join(parts)


def _drafts_json(drafts: DraftSet, variant: int | None, note_id: int | None) -> dict[str, Any]:
    from nextround.views import jsonable

    chosen = [drafts.draft(variant)] if variant else drafts.drafts
    return {
        "application_id": drafts.application.id,
        "tone": drafts.facts.tone.value,
        "round": drafts.round.name if drafts.round else None,
        "recipients": jsonable(list(drafts.facts.recipients)),
        "drafts": [
            {
                "variant": d.variant,
                "style": d.style,
                "subject": d.subject,
                "body": d.body,
                "words": d.words,
                "moment": jsonable(d.moment),
                "learning": jsonable(d.learning),
            }
            for d in chosen
        ],
        "saved_note_id": note_id,
    }


@app.command("list")
def list_(
    ctx: typer.Context,
    app_id: Annotated[int | None, typer.Option("--app", help="Only this application's.")] = None,
    as_json: AsJson = False,
) -> None:
    """Saved notes (thank-you notes and feedback requests), and whether each went out."""
    from nextround.services.notes import list_notes

    with state(ctx).app.uow(writes=False) as uow:
        listings = list_notes(uow, app_id)
    if as_json:
        print_json([_note_json(item) for item in listings])
        return
    if not listings:
        console().print(
            "No notes yet. Draft one with `nextround note thank-you APP`, or after a “no”, "
            "`nextround note feedback-request APP --save`."
        )
        return
    from rich.table import Table

    table = Table(title="Notes")
    for column in ("ID", "App", "Company", "Kind", "To", "Tone", "Words", "Sent"):
        table.add_column(column)
    for item in listings:
        note = item.note
        table.add_row(
            str(note.id),
            str(note.application_id),
            escape(item.company),
            note.kind.words,
            escape(item.to),
            note.occasion,
            str(note.words),
            str(note.sent_on) if note.sent_on else "[yellow]not yet[/]",
        )
    console().print(table)


def _note_json(item: NoteListing) -> dict[str, Any]:
    from nextround.views import jsonable

    return {**jsonable(item.note), "company": item.company, "role_title": item.role_title}


@app.command("show")
def show(
    ctx: typer.Context,
    note_id: NoteId,
    eml: Eml = None,
    force: Force = False,
    as_json: AsJson = False,
) -> None:
    """One saved note in full; --eml writes it for your mail client."""
    from nextround.services.note_sender import get_sender
    from nextround.services.notes import as_eml, get_note

    eml_path = _check_eml(eml, force)
    with state(ctx).app.uow(writes=False) as uow:
        item = get_note(uow, note_id)
        payload = None
        if eml_path is not None:
            note = item.note
            payload = as_eml(
                uow,
                subject=note.subject,
                body=note.body,
                recipients=note.recipients,
                sender=get_sender(uow),
                sent_on=note.sent_on,
            )
    if as_json:
        print_json(_note_json(item))
    else:
        note, out = item.note, console()
        out.print(
            f"[bold]Note {note.id}[/] · {note.kind.words} · {escape(item.role_title)} at "
            f"{escape(item.company)} (application {note.application_id}) · {note.occasion} · "
            + (f"sent on {note.sent_on}" if note.sent_on else "[yellow]not sent yet[/]")
        )
        to = ", ".join(f"{r.name} <{r.email}>" if r.email else r.name for r in note.recipients)
        to = to or item.to
        out.print(f"[dim]To:[/] {escape(to)}")
        out.print(f"[dim]Subject:[/] {escape(note.subject)}\n")
        out.print(escape(note.body), soft_wrap=True)
    if payload is not None and eml_path is not None:
        _write_eml(payload, eml_path, item.note.recipients, force)


def _write_eml(payload: bytes, path: Path, recipients: Sequence[Recipient], force: bool) -> None:
    """Write the .eml, and name anyone it could not address for want of an email."""
    from nextround.cli.data import write_output

    try:
        write_output(payload, path, overwrite=force)
    except FileExistsError:  # made since _check_eml looked, e.g. while the editor was open
        raise _exists(path) from None
    missing = [r.name for r in recipients if not r.email]
    if missing:
        names = ", ".join(missing)
        console().print(
            f"[yellow]Not in its To line, having no email on record:[/] {escape(names)}. "
            "Add them in your mail client."
        )


@app.command("sent")
def sent(
    ctx: typer.Context,
    note_id: NoteId,
    on: Annotated[str, typer.Option("--on", help="The day it went out.")] = "today",
) -> None:
    """Record that a saved note went out."""
    from nextround.services.notes import mark_sent

    day = parse_date(on, "--on")
    with state(ctx).app.uow() as uow:
        note = mark_sent(uow, note_id, day)
    console().print(f"Note {note.id} marked as sent on {note.sent_on}.")


@app.command("rm")
def remove(
    ctx: typer.Context,
    note_id: NoteId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a saved note: one kept twice, or one that will never go out."""
    from nextround.services.notes import get_note, remove_note

    with state(ctx).app.uow() as uow:
        target = get_note(uow, note_id)
        if not yes and not confirmed(f"Delete {target.label}? It cannot be undone"):
            raise typer.Abort()
        removed = remove_note(uow, note_id)
    console().print(f"Deleted {escape(removed.label)}.")


@app.command("sender")
def sender(
    ctx: typer.Context,
    value: Annotated[
        str | None,
        typer.Argument(help="'Your Name <you@example.com>'; leave out to see the current one."),
    ] = None,
) -> None:
    """Who signs the notes (and the From of .eml files)."""
    from nextround.services.note_sender import get_sender, set_sender

    with state(ctx).app.uow() as uow:
        current = set_sender(uow, value) if value is not None else get_sender(uow)
    if current is None:
        console().print(
            'No sender yet. Set one: nextround note sender "Your Name <you@example.com>"'
        )
    else:
        console().print(f"Notes are signed by {escape(current)}.")

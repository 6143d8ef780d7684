"""`nextround feedback`: store feedback exactly as it was given."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.common import (
    POLARITY_STYLE,
    choices,
    confirmed,
    console,
    escape,
    fail,
    paragraph,
    parse_choice,
    parse_date,
    print_json,
    read_text_input,
    state,
    statement_text,
)
from nextround.domain.counts import confirmed_of, counted, it_or_them
from nextround.domain.feedback import Feedback, FeedbackSource

if TYPE_CHECKING:
    from nextround.bootstrap import Nextround
    from nextround.domain.competency import Framework, Polarity
    from nextround.domain.feedback_copies import Overlap
    from nextround.domain.statements import FeedbackStatement
    from nextround.services.ports import Labels
    from nextround.store.uow import SqlUnitOfWork

app = typer.Typer(
    add_completion=False,
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
    no_map: Annotated[
        bool,
        typer.Option("--no-map", help="Store only; split and map it later with `feedback map ID`."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stored item as JSON.")] = False,
) -> None:
    """Store feedback exactly as given, then split it into statements mapped onto competencies."""
    from nextround.cli.growth import open_mapper, warn_if_not_english
    from nextround.services.feedback import (
        NOTHING_TO_READ,
        FeedbackLinks,
        add_feedback,
        add_mapped_feedback,
        earlier_copies_of,
        holds_feedback,
        statements_said_before,
    )
    from nextround.services.frameworks import active_framework

    body = read_text_input(text, file, "feedback text")
    chosen = parse_choice(FeedbackSource, source, "--source")
    assert chosen is not None
    received = parse_date(on, "--on")
    nextround = state(ctx).app
    statements: list[FeedbackStatement] = []
    with nextround.uow() as uow:
        if no_map:
            item = add_feedback(
                uow,
                body,
                chosen,
                received_on=received,
                author=author,
                application_id=app_id,
                round_position=round_position,
                interview_id=interview_id,
            )
        else:
            framework = active_framework(uow)
            item, statements = add_mapped_feedback(
                uow,
                body,
                chosen,
                lambda: open_mapper(nextround, uow, framework.id)[1],
                framework.id,
                received_on=received,
                author=author,
                links=FeedbackLinks(app_id, round_position, interview_id),
            )
        assert item.id is not None
        earlier = earlier_copies_of(uow, item.id)
        said = statements_said_before(uow, item.id) if statements and not earlier else None
    if as_json:
        print_json(_with_repeats(item, statements, earlier, said))
    else:
        console().print(f"Stored feedback {item.id} ({len(item.text):,} characters).")
        # First, where it is seen: a long paste's statements would bury it.
        _print_repeats(item, statements, earlier, said)
        if statements:
            _print_statements(statements, framework, item.id)
            _print_left_out(item.text, statements, framework)
        elif not no_map:
            console().print(NOTHING_TO_READ)
        if no_map:
            with nextround.uow() as uow:
                worth = holds_feedback(uow, item)
            if worth:
                console().print(
                    f"Split and map it when you want: `nextround feedback map {item.id}`."
                )
            else:
                console().print(NOTHING_TO_READ)
    if not no_map:  # after what was stored, which it is about
        warn_if_not_english(body, "feedback", feedback=True)


def _with_repeats(
    item: Feedback,
    statements: list[FeedbackStatement],
    earlier: list[Feedback],
    said: Overlap | None,
) -> dict[str, Any]:
    """The item and its statements as JSON, with what repeats earlier feedback."""
    from nextround.views import jsonable

    data: dict[str, Any] = jsonable(item)
    data["statements"] = jsonable(statements)
    data["same_text_as"] = [e.id for e in earlier]
    # The statements said again (already stored, or twice here): they wait for review.
    data["said_before"] = [statements[i].id for i in sorted(said.left_out)] if said else []
    return data


def _print_repeats(
    item: Feedback,
    statements: list[FeedbackStatement],
    earlier: list[Feedback],
    said: Overlap | None,
) -> None:
    """The note on a copy or a near copy of earlier feedback, if it is one."""
    if earlier:
        _print_copy_note(item, earlier, counts=bool(statements))
    elif said and said.left_out:
        _print_overlap_note(item, said)


#: Statements listed after a split into very many: the rest are a `feedback show` away.
MANY_SHOWN = 20


def _print_statements(
    statements: list[FeedbackStatement], framework: Framework, feedback_id: int | None
) -> None:
    """How each new statement was read, and where to review them.

    A split into very many statements is said first and clearly, with how to undo it, and
    only the first few are listed: a thousand lines would bury the warning.
    """
    from nextround.domain.statements import many_statements_note

    names = {c.id: c.name for c in framework.competencies}
    note = many_statements_note(len(statements))
    if note:
        paragraph(
            f"[yellow]Note:[/] {escape(note)}. Pasted the wrong thing? "
            f"`nextround feedback rm {feedback_id}`.",
            0,
            2,
        )
    count = len(statements)
    console().print(
        f"Split into {count:,} statement{'' if count == 1 else 's'}; review "
        f"{it_or_them(count)} with `nextround feedback review`:"
    )
    shown = statements[:MANY_SHOWN] if note else statements
    for s in shown:
        top = (
            ", ".join(
                f"{names.get(m.competency_id, m.competency_id)} {m.confidence:.0%}"
                for m in s.suggestions
            )
            or "no competency fits"
        )
        paragraph(
            f"[{POLARITY_STYLE[s.polarity.value]}]{s.polarity.value:<8}[/] "
            f"{statement_text(s.text)}  [dim]→ {escape(top)}[/]",
            2,
            9,
        )
    if len(shown) < len(statements):
        paragraph(
            f"[dim]… and {len(statements) - len(shown):,} more: "
            f"`nextround feedback show {feedback_id}`[/]",
            2,
            2,
        )
    _print_no_fit(statements, framework)


def _print_no_fit(statements: list[FeedbackStatement], framework: Framework) -> None:
    """Once per paste: judgements the framework has no home for, and how to get one."""
    from nextround.analysis.lexical import LexicalMapper
    from nextround.services.framework_fit import how_to_import, no_fit_note

    read = [(s.polarity, s.suggestions) for s in statements]
    by_words = any(s.mapper == LexicalMapper.name for s in statements)
    review_how = " with `nextround feedback review`"
    note = no_fit_note(framework, read, by_words=by_words, review_how=review_how)
    if note:
        paragraph(f"[yellow]Note:[/] {escape(note)}: `{how_to_import(framework)}`", 0, 2)


def _print_copy_note(item: Feedback, earlier: list[Feedback], *, counts: bool) -> None:
    """Said, not refused: the same e-mail may rightly belong to two processes."""
    from nextround.domain.feedback_copies import copy_note

    waits = (
        " Until you review its statements, this copy does not count in your profile."
        if counts
        else ""
    )
    paragraph(
        f"[yellow]Note:[/] {escape(copy_note(earlier))}. If you pasted it twice: "
        f"`nextround feedback rm {item.id}`.{waits}",
        0,
        2,
    )


def _print_overlap_note(item: Feedback, said: Overlap) -> None:
    """Statements said again (most of them already stored, or twice here) wait for review."""
    count, total = len(said.left_out), said.total
    undo = f" If you pasted it twice: `nextround feedback rm {item.id}`." if said.elsewhere else ""
    those = "this statement does" if count == 1 else f"these {count:,} statements do"
    rest = total - count
    others = f"; the other {rest:,} count now" if rest else ""
    paragraph(
        f"[yellow]Note:[/] {escape(said.note() or '')}.{undo} Until you review "
        f"{it_or_them(count)}, "
        f"{those} not count in your profile{others}.",
        0,
        2,
    )


def _print_left_out(text: str, statements: list[FeedbackStatement], framework: Framework) -> None:
    """The passages read as no statement, so that nothing is dropped unseen."""
    from nextround.analysis.not_feedback import left_out_kinds, read_around

    names = [c.name for c in framework.competencies]
    usual, asides = read_around(text, [(s.start, s.end) for s in statements], names)
    passages = [escape(p) for p in usual] + [
        f"{escape(a.reason)}: {escape(a.text)}" for a in asides
    ]
    if passages:
        console().print(
            f"Not read as feedback ({len(passages)}: {escape(left_out_kinds(usual, asides))}; "
            "stored, but no evidence):"
        )
        # Every one is shown, unless there are so many that the list would bury the rest.
        shown = passages if len(passages) <= MANY_SHOWN * 2 else passages[:MANY_SHOWN]
        for passage in shown:
            paragraph(f"[dim]{passage}[/]", 2, 2)
        if len(shown) < len(passages):
            paragraph(f"[dim]… and {len(passages) - len(shown):,} more[/]", 2, 2)


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

    with state(ctx).app.uow(writes=False) as uow:
        items = list_feedback(uow, app_id)
        if as_json:
            print_json(items)
            return
        statements = uow.statements.for_feedback_items([i.id for i in items if i.id])
        labels = _labels(uow, items)
    if not items:
        console().print("No feedback yet. Add some with `nextround feedback add`.")
        return
    for item in items:
        _heading(item, labels)
        paragraph(escape(_clipped(item.shown_text, item.id)))
        mine = statements.get(item.id or 0, [])
        waiting = sum(not s.confirmed for s in mine)
        if not mine:
            console().print(
                f"  [dim]not split into statements (`nextround feedback map {item.id}`)[/]"
            )
        else:
            to_review = f" · {waiting} to review" if waiting else ", all confirmed"
            console().print(
                f"  [dim]{len(mine)} statement{'s' * (len(mine) != 1)}{to_review} "
                f"(`nextround feedback show {item.id}`)[/]"
            )
        console().print()


#: How much of each item the list shows; `feedback show` has it all.
LIST_CLIP = 600


def _clipped(text: str, feedback_id: int | None) -> str:
    """The text as given, cut after LIST_CLIP characters at a word with a pointer to the rest."""
    if len(text) <= LIST_CLIP:
        return text
    cut = text[:LIST_CLIP].rsplit(None, 1)[0]
    rest = f"{len(text) - len(cut):,} more characters"
    return f"{cut} … ({rest}: `nextround feedback show {feedback_id}`)"


def _labels(uow: SqlUnitOfWork, items: list[Feedback]) -> Labels:
    return uow.applications.labels(
        {i.round_id for i in items if i.round_id},
        {i.interview_id for i in items if i.interview_id},
    )


def _heading(item: Feedback, labels: Labels) -> None:
    """`#3 2025-06-18 · recruiter · Maya · application 1 (Acme · Final loop · Whiteboard)`."""
    where = ""
    if item.application_id:
        interview = labels.interviews.get(item.interview_id) if item.interview_id else None
        round_name = labels.rounds.get(item.round_id) if item.round_id else None
        parts = [
            labels.companies.get(item.application_id),
            interview.round_name if interview else round_name,
            interview.title if interview else None,
        ]
        about = " · ".join(p for p in parts if p)
        where = f" · application {item.application_id}" + (f" ({about})" if about else "")
    by = f" · {item.author}" if item.author else ""
    source = item.source.label
    console().print(f"[bold]#{item.id}[/] {item.received_on} · {escape(f'{source}{by}{where}')}")


FeedbackId = Annotated[int, typer.Argument(help="Feedback id (see `nextround feedback list`).")]


@app.command("show")
def show(
    ctx: typer.Context,
    feedback_id: FeedbackId,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One feedback item as given, and how each of its statements was read."""
    from nextround.services.feedback import NOTHING_TO_READ, holds_feedback
    from nextround.services.frameworks import active_framework

    with state(ctx).app.uow(writes=False) as uow:
        item = uow.feedback.get(feedback_id)
        statements = uow.statements.for_feedback(feedback_id)
        labels = _labels(uow, [item])
        # The rounds a statement may name of its own (an email about the whole process).
        rounds = (
            {r.id: r for r in uow.applications.get(item.application_id).rounds}
            if item.application_id
            else {}
        )
        active = active_framework(uow)
        # Only feedback that holds some is worth splitting (see ``holds_feedback``).
        unread = not statements and holds_feedback(uow, item)
        frameworks = {s.framework_id for s in statements} | {active.id}
        names = {c.id: c.name for f in frameworks for c in uow.frameworks.get(f).competencies}
        # Shown on the framework it was read on, when not read on the one in use yet.
        read_on = next(
            (
                uow.frameworks.get(s.framework_id).name
                for s in statements
                if s.framework_id != active.id
            ),
            None,
        )
    if as_json:
        from nextround.views import jsonable

        data = jsonable(item)
        data["statements"] = jsonable(statements)
        print_json(data)
        return
    _heading(item, labels)
    paragraph(escape(item.shown_text))
    if item.pasted_as_html:
        console().print()
        paragraph(
            "[dim]Pasted as HTML, shown as it reads; the paste itself is kept as it was "
            f"(`nextround feedback show {feedback_id} --json`).[/]",
            2,
        )
    if not statements:
        console().print()
        if unread:
            said = (
                "Not split into statements yet (stored with --no-map), so it adds nothing to "
                f"your profile. Split and map it: `nextround feedback map {feedback_id}`"
            )
        else:
            said = NOTHING_TO_READ
        paragraph(said, 2, 2)
        return
    console().print()
    if read_on is not None:
        paragraph(
            f"Read on {escape(read_on)}, not on {escape(active.name)} in use: "
            f"`nextround feedback map {feedback_id}` reads it on that one too.",
            2,
        )
    for s in statements:
        if s.confirmed:
            read = ", ".join(names.get(c, c) for c in s.competencies) or "no competency"
            state_text = "your verdict on another framework" if s.verdict_carried else "confirmed"
        else:
            read = (
                ", ".join(
                    f"{names.get(m.competency_id, m.competency_id)} {m.confidence:.0%}"
                    for m in s.suggestions
                )
                or "no competency fits"
            )
            state_text = "to review"
        shown = s.counted_polarity.value
        own = rounds.get(s.round_id) if s.round_id is not None else None
        about = f"; about round {own.position}, {own.name}" if own else ""
        paragraph(
            f"[bold]#{s.id}[/] [{POLARITY_STYLE[shown]}]{shown}[/] "
            f"{statement_text(s.text)}  [dim]→ {escape(read)} ({state_text}{escape(about)})[/]",
            2,
            4,
        )


@app.command("map")
def map_(
    ctx: typer.Context,
    feedback_id: Annotated[
        int | None, typer.Argument(help="Feedback id (see `feedback list`); or give --all.")
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every piece of feedback not yet read on the framework: after `framework "
            "use`, to see your record through its competencies.",
        ),
    ] = False,
    framework_id: Annotated[
        str | None, typer.Option("--framework", help="Framework id (default: the one in use).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the item and its statements as JSON.")
    ] = False,
) -> None:
    """Split stored feedback into statements mapped onto competencies, or read it on this one.

    For feedback stored with --no-map, or mapped on another framework only. Its mappings on
    the other framework stay, so choosing that one back gives its profile exactly as it was.
    The new statements wait for `nextround feedback review`, as a new item's do.
    """
    from nextround.cli.growth import open_mapper
    from nextround.services.feedback import (
        NOTHING_TO_READ,
        earlier_copies_of,
        map_stored_feedback,
        said_before,
    )
    from nextround.services.frameworks import get_framework

    nextround = state(ctx).app
    if every or feedback_id is None:
        if feedback_id is not None:
            fail("give a feedback id or --all, not both")
        if not every:
            fail("give a feedback id (see `nextround feedback list`), or --all for every one")
        from nextround.cli.feedback_reading import map_all

        map_all(nextround, framework_id, as_json)
        return
    with nextround.uow() as uow:
        framework = get_framework(uow, framework_id)
        elsewhere = {s.framework_id for s in uow.statements.for_feedback(feedback_id)}
        kept = [uow.frameworks.get(f).name for f in elsewhere if uow.frameworks.exists(f)]
        item, statements = map_stored_feedback(
            uow,
            feedback_id,
            lambda: open_mapper(nextround, uow, framework.id)[1],
            framework.id,
        )
        # Stored with --no-map, it was never compared with the feedback before it.
        earlier = earlier_copies_of(uow, feedback_id)
        texts = [s.text for s in statements]
        said = said_before(uow, item, texts, framework.id) if statements and not earlier else None
    if as_json:
        print_json(_with_repeats(item, statements, earlier, said))
        return
    if not statements:
        console().print(
            NOTHING_TO_READ.replace("Nothing in it", f"Nothing in feedback {feedback_id}")
        )
        return
    out = console()
    if elsewhere:
        out.print(
            f"Read feedback {feedback_id} on {escape(framework.name)}; its mappings on "
            f"{escape(', '.join(kept or elsewhere))} stay."
        )
    else:
        out.print(f"Mapped feedback {feedback_id}.")
    _print_repeats(item, statements, earlier, said)
    _print_statements(statements, framework, item.id)
    _print_left_out(item.text, statements, framework)


@app.command("edit")
def edit(
    ctx: typer.Context,
    feedback_id: FeedbackId,
    source: Annotated[
        str | None, typer.Option(help=f"Who it came from: {choices(FeedbackSource)}.")
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date received.")] = None,
    author: Annotated[str | None, typer.Option(help="Who wrote or said it; '' removes it.")] = None,
    app_id: Annotated[
        int | None, typer.Option("--app", help="Move it to this application.")
    ] = None,
    round_position: Annotated[
        int | None, typer.Option("--round", help="Round number within the application.")
    ] = None,
    interview_id: Annotated[
        int | None, typer.Option("--interview", help="Move it to this interview.")
    ] = None,
    no_app: Annotated[
        bool, typer.Option("--no-app", help="About no application (general feedback).")
    ] = False,
) -> None:
    """Correct who feedback came from, when, or which process it is about; its text stays."""
    from nextround.services.feedback import FeedbackChanges, FeedbackLinks, edit_feedback

    moved = any(v is not None for v in (app_id, round_position, interview_id))
    changes = FeedbackChanges(
        source=parse_choice(FeedbackSource, source, "--source"),
        received_on=parse_date(on, "--on"),
        author=author,
        links=FeedbackLinks(app_id, round_position, interview_id) if moved else None,
        unlink=no_app,
    )
    with state(ctx).app.uow() as uow:
        item = edit_feedback(uow, feedback_id, changes)
    where = f"application {item.application_id}" if item.application_id else "no application"
    console().print(
        f"Updated feedback {item.id}: {', '.join(n.replace('_', ' ') for n in changes.names)}"
        f" (now {item.source.label}, {item.received_on}, {where})."
    )


@app.command("rm")
def remove(
    ctx: typer.Context,
    feedback_id: FeedbackId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete feedback pasted twice or on the wrong process, with its statements."""
    from nextround.services.erasure import plan_forgets, resting_on
    from nextround.services.feedback import feedback_erased
    from nextround.services.note_quotes import quoting_notes, remove_feedback_and_drafts

    with state(ctx).app.uow() as uow:
        item = uow.feedback.get(feedback_id)
        count = len(uow.statements.for_feedback(feedback_id))
        by = f" from {item.author}" if item.author else ""
        label = f"{item.source.label}{by}, {item.received_on}"
        open_actions, done_actions = resting_on(uow, feedback_erased(uow, feedback_id))
        plan = (
            " " + plan_forgets(open_actions, done_actions) if open_actions or done_actions else ""
        )
        notes = quoting_notes(uow, feedback_id)
        quoted = f" {notes.said()}" if notes.said() else ""
        if not yes and not confirmed(
            f"Delete feedback {feedback_id} ({label}) and its {counted(count, 'statement')}? "
            f"What {'it' if count == 1 else 'they'} added to your profile and taught the "
            f"mapper goes with {it_or_them(count)}.{plan}"
            f"{quoted}"
        ):
            raise typer.Abort()
        removed, notes = remove_feedback_and_drafts(uow, feedback_id)
    drafts = "".join(f" Deleted the unsent note {n.id} that quoted it." for n in notes.drafts)
    console().print(
        f"Deleted feedback {feedback_id} ({escape(label)}) and its "
        f"{counted(removed.statements, 'statement')}, "
        f"{confirmed_of(removed.statements, removed.confirmed)}."
        f"{escape(drafts)}"
    )


def _review_one(
    nextround: Nextround,
    statement_id: int,
    competency: list[str] | None,
    none: bool,
    polarity: str | None,
    yes: bool,
) -> None:
    """`feedback review --statement ID`: confirm one, and say what it moved in the profile."""
    from nextround.domain.competency import Polarity
    from nextround.domain.statements import NO_COMPETENCY_NOTE
    from nextround.services.framework_fit import how_to_import, none_fits_note
    from nextround.services.review import moves_text, review_and_measure, unconfirmed_copy

    chosen_polarity = parse_choice(Polarity, polarity, "--polarity")
    chosen = [c.strip() for raw in competency or [] for c in raw.split(",") if c.strip()]
    if competency is not None and not chosen:
        fail("--competency needs a competency id or name; see `nextround framework show`")
    with nextround.uow() as uow:
        copy = unconfirmed_copy(uow, statement_id) if yes else None
        done, moves = review_and_measure(
            uow,
            nextround.settings.half_life_days,
            statement_id,
            chosen if (none or competency) else None,
            chosen_polarity,
            count_copy=yes,
        )
        # Said by name, as the review lists them: an id is for typing, not for reading.
        framework = uow.frameworks.get(done.framework_id)
        names = {c.id: c.name for c in framework.competencies}
    if done.about_no_competency:
        console().print(f"Confirmed statement {done.id}: {NO_COMPETENCY_NOTE}.")
        paragraph(f"{escape(none_fits_note(framework))}: `{how_to_import(framework)}`")
    else:
        label = "; ".join(names.get(c, c) for c in done.competencies)
        console().print(f"Confirmed statement {done.id}: {done.polarity.value}, {escape(label)}.")
        if chosen_polarity is None and competency:
            # Correcting the competency confirms the reading too, unseen: say so, since a
            # wrong one now counts in the profile as the user's own word.
            paragraph(escape(_kept_reading_hint(statement_id, done.polarity)), 0)
    if copy is not None and copy.copy_note is not None and done.competencies:
        # As the interactive review says it: the same words now count twice.
        console().print(f"[yellow]Note:[/] {escape(copy.copy_note)}.")
    paragraph(escape(moves_text(moves)), 0)


def _kept_reading_hint(statement_id: int, polarity: Polarity) -> str:
    """How to say the statement was read the wrong way, when --polarity was left out."""
    from nextround.domain.competency import Polarity

    run = f"nextround feedback review --statement {statement_id} --polarity"
    if polarity is Polarity.NEUTRAL:
        return (
            f"Its reading, neutral, was kept: if it names a strength or a gap, run "
            f"`{run} strength` (or gap)."
        )
    other = Polarity.GAP if polarity is Polarity.STRENGTH else Polarity.STRENGTH
    return (
        f"Its reading, a {polarity.value}, was kept: if it names a {other.value} instead, run "
        f"`{run} {other.value}` (or neutral if it judges nothing)."
    )


@app.command("review")
def review(
    ctx: typer.Context,
    statement_id: Annotated[
        int | None, typer.Option("--statement", help="Review this one statement (scripts).")
    ] = None,
    competency: Annotated[
        list[str] | None,
        typer.Option(
            "--competency",
            help="With --statement: the right competency (id or name); repeat. The "
            "strength or gap stays as read unless --polarity.",
        ),
    ] = None,
    none: Annotated[
        bool, typer.Option("--none", help="With --statement: it is about no competency.")
    ] = False,
    polarity: Annotated[
        str | None, typer.Option(help="With --statement: strength, gap or neutral.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="List the statements awaiting review as JSON.")
    ] = False,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            "-y",
            help="With --statement: confirm it even if it repeats a statement already stored "
            "(a copy), so that it counts a second time.",
        ),
    ] = False,
    round_position: Annotated[
        int | None,
        typer.Option(
            "--round",
            help="With --statement: the round of the application it is about (an email about "
            "the whole process praising round 2); 0: the feedback's own round.",
        ),
    ] = None,
) -> None:
    """Confirm or correct how each statement was mapped; corrections teach the mapper.

    A statement that names another round of the same application ("your take-home" in an
    email about the system design round) is filed under that round, said as "about round
    2, Take-home" in the review and in `feedback show`; the profile's explain and reports
    name that round. --statement ID --round N files it under another, 0 under the feedback's own.
    """
    from nextround.services.review import (
        moves_text,
        pending_review,
        profile_scores,
        score_moves,
    )

    nextround = state(ctx).app
    if statement_id is None and (
        competency is not None or none or polarity is not None or yes or round_position is not None
    ):
        fail(
            "--competency, --none, --polarity, --round and --yes go with --statement ID (or "
            "leave them all out)"
        )
    if round_position is not None and round_position < 0:
        fail(
            f"--round is a round number (1, 2, …) or 0 for the feedback's own, not {round_position}"
        )
    if none and competency is not None:
        fail("give --none or --competency, not both")
    if none and polarity is not None and polarity.strip().lower() != "neutral":
        fail(
            "a statement about no competency counts nowhere, so it is neither a strength nor "
            "a gap: leave out --polarity (or name its competency with --competency)"
        )
    if statement_id is not None:
        if round_position is not None:
            from nextround.services.feedback import set_statement_round

            with nextround.uow() as uow:
                set_statement_round(uow, statement_id, round_position or None)
        _review_one(nextround, statement_id, competency, none, polarity, yes)
        return
    with nextround.uow() as uow:
        items = pending_review(uow)
        if as_json:
            print_json(
                [
                    {
                        "statement": i.statement,
                        "feedback_id": i.feedback.id,
                        "source": i.feedback.source,
                        "received_on": i.feedback.received_on,
                        # A pasted copy: counted twice once confirmed.
                        "copy_of": i.copy_of.id if i.copy_of else None,
                    }
                    for i in items
                ]
            )
            return
        if not items:
            if uow.feedback.list():
                console().print("Nothing to review: every statement is confirmed.")
            else:
                console().print("Nothing to review: no feedback yet (`nextround feedback add`).")
            return
        from nextround.cli.common import nothing_to_read
        from nextround.cli.prompts import SCRIPTED_REVIEW, ask_review

        if nothing_to_read():
            # It would show a statement and a prompt, then stop having reviewed none.
            fail(f"feedback review needs a terminal to ask; in a script {SCRIPTED_REVIEW}")
        frameworks = {}
        for item in items:
            framework_id = item.statement.framework_id
            if framework_id not in frameworks:
                frameworks[framework_id] = uow.frameworks.get(framework_id)
        before = profile_scores(uow, nextround.settings.half_life_days)
        reviewed = ask_review(uow, items, frameworks)
        moves = score_moves(before, profile_scores(uow, nextround.settings.half_life_days))
    left = len(items) - reviewed
    console().print(
        f"Reviewed {counted(reviewed, 'statement')}."
        + (f" {left} still to review (`nextround feedback review`)." if left else "")
    )
    if reviewed:
        paragraph(escape(moves_text(moves)), 0)


@app.command("clarify")
def clarify(
    ctx: typer.Context,
    feedback_id: Annotated[
        int | None, typer.Argument(help="Only this feedback item (default: all).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Polite, specific questions to send when feedback is too vague to act on."""
    from nextround.analysis.clarify import excerpt
    from nextround.services.clarify import clarifications

    with state(ctx).app.uow() as uow:
        found = clarifications(uow, feedback_id)
    if as_json:
        # An object, not a bare list: the count of what was left out belongs with the
        # questions, as the text output says it under them.
        print_json(
            {
                "clarifications": [
                    {
                        "statement": c.statement.text,
                        "moment": c.moment,
                        "feedback_id": c.feedback.id,
                        "company": c.company,
                        "round": c.round_name,
                        "interview": c.interview_title,
                        "competency": c.competency_name,
                        "about": "experience"
                        if c.about_experience
                        else "verdict"
                        if c.about_verdict
                        else "competency",
                        "questions": c.questions,
                        "age_days": c.age_days,
                        "stale": c.stale,
                    }
                    for c in found
                ],
                "left_out": found.left_out,
            }
        )
        return
    if not found:
        console().print(found.empty_note)
        return
    out = console()
    heading = None
    for item in found:
        # One heading per message to send: the application and the person who gave it.
        to = item.feedback.author or f"the {item.feedback.source.label}"
        if (item.feedback.application_id, to) != heading:
            heading = (item.feedback.application_id, to)
            out.print()
            out.print(f"[bold]To {escape(to)}[/] [dim]({escape(item.company or '')})[/]")
            if item.stale:
                paragraph(f"[yellow]{escape(item.stale_note)}[/]", 2, 2)
        paragraph(
            f'[dim]About[/] "{escape(excerpt(item.quoted, 20))}" '
            f"[dim]({item.feedback.received_on})[/]",
            2,
            2,
        )
        for question in item.questions:
            paragraph(f"• {escape(question)}", 4, 2)
    if found.left_out:
        out.print(
            f"\n[dim]{counted(found.left_out, 'more vague statement')} left out, to keep each "
            "message short: the clearest gaps come first, and praise is asked about only while a "
            "process is still open.[/]"
        )

"""Interactive prompts for the debrief and the feedback review."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer

from nextround.cli.common import (
    POLARITY_STYLE,
    console,
    escape,
    interrupted,
    paragraph,
    statement_text,
)
from nextround.domain.competency import Competency, CompetencyMatch, Framework, Polarity
from nextround.domain.counts import counted
from nextround.domain.journey import Interview
from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE, nothing_fits, shown_share
from nextround.errors import InvalidInputError

if TYPE_CHECKING:
    from nextround.services.review import ReviewItem
    from nextround.store.uow import SqlUnitOfWork


@dataclass
class DebriefAnswers:
    """What the user typed in the interactive debrief."""

    overall: int
    went_well: str | None
    went_badly: str | None
    ratings: dict[str, int] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)
    #: The competencies it probed, when the interview had none on record and was asked.
    probed: list[str] = field(default_factory=list)


#: What a script gives instead of answering the debrief's form.
SCRIPTED_DEBRIEF = (
    "give --overall N (1-5), and as you like --went-well TEXT, --went-badly TEXT, "
    "--rate COMPETENCY=N and -q QUESTION (see `nextround debrief --help`)"
)

#: What a script gives instead of answering the review, one statement at a time.
SCRIPTED_REVIEW = (
    "review one statement at a time: `nextround feedback review --statement N --competency "
    "COMPETENCY` (or --none; --polarity strength, gap or neutral), the statements and their "
    "ids from `nextround feedback review --json`"
)


def _piped() -> bool:
    """Whether the answers come from a pipe or file rather than someone at a terminal."""
    return not sys.stdin.isatty()


def _ask(prompt: str, **kwargs: Any) -> str:
    """typer.prompt, ending the prompt's line when the input ends (the abort message is next).

    Piped answers that end before the form does are an error in the script, not a person
    stopping: it says so, and which flags ask nothing.
    """
    try:
        return str(typer.prompt(prompt, **kwargs))
    except typer.Abort as abort:
        console().print()
        if _piped() and not interrupted(abort):
            asked = " ".join(prompt.split())
            raise InvalidInputError(
                f"the answers piped in ended before the form did (at “{asked}”); nothing "
                f"was saved. Without the form, {SCRIPTED_DEBRIEF}"
            ) from None
        raise


def _refused(message: str) -> None:
    """Show why an answer was refused; with piped answers, stop instead of asking again.

    Asking again would take the next line, meant for the next question, and every later
    answer would land one question off (a rating saved as a question, say).
    """
    # A message may end in a suggestion ("did you mean 'x'?"): no full stop after it.
    asked = message.endswith(("?", "!", "."))
    if _piped():
        console().print()  # end the prompt's line
        saved = " Nothing was saved." if asked else "; nothing was saved."
        raise InvalidInputError(f"{message}{saved} Without the form, {SCRIPTED_DEBRIEF}")
    console().print(f"[red]{escape(message)}{'' if asked else '.'}[/]")


def _rating(prompt: str, *, allow_skip: bool) -> int | None:
    while True:
        raw = _ask(prompt, default="" if allow_skip else None, show_default=False).strip()
        if allow_skip and not raw:
            return None
        if raw.isdigit() and 1 <= int(raw) <= 5:
            return int(raw)
        _refused(f"{raw!r}: please answer with a number from 1 to 5")


def _ask_probed(framework: Framework, likely: Sequence[Competency] = ()) -> list[str]:
    """Which competencies an interview probed, when it was added without them.

    ``likely``: what its format and process point to, named first so that nobody has to
    read the whole framework to answer.
    """
    if likely:
        names = ", ".join(c.id for c in likely)
        console().print(f"[dim]Likely, from its format and this process so far: {escape(names)}[/]")
    while True:
        raw = _ask(
            "Which competencies did it probe? Ids or names, separated by commas (Enter skips)",
            default="",
            show_default=False,
        )
        refs = [r.strip() for r in str(raw).split(",") if r.strip()]
        found = [framework.find(ref) for ref in refs]
        missing = [ref for ref, c in zip(refs, found, strict=True) if c is None]
        if not missing:
            return list(dict.fromkeys(c.id for c in found if c is not None))
        _refused(f"{missing[0]!r} is not a competency here: {framework.hint(missing[0])}")


@dataclass
class DebriefGiven:
    """What the flags already said: the form shows it and asks only for the rest."""

    went_well: str | None = None
    went_badly: str | None = None
    #: By competency id, already checked to be 1-5.
    ratings: dict[str, int] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)
    #: The questions a debrief answered again logs already: they are kept, and shown.
    logged: list[str] = field(default_factory=list)


def _text(prompt: str, given: str | None, flag: str) -> str | None:
    if given is not None:
        console().print(f"{escape(prompt)} [dim](from {flag})[/] {escape(given)}")
        return given
    return _ask(prompt, default="", show_default=False).strip() or None


def ask_debrief(
    interview: Interview,
    framework: Framework,
    given: DebriefGiven | None = None,
    likely: Sequence[Competency] = (),
) -> DebriefAnswers:
    """Walk the user through a debrief of one interview, asking only what flags left out."""
    given = given or DebriefGiven()
    out = console()
    out.print(f"[bold]Debrief: {escape(interview.title)}[/]  (Ctrl-C to stop; nothing is saved)")
    overall = _rating("How did it go overall, 1 (badly) to 5 (very well)?", allow_skip=False)
    assert overall is not None
    went_well = _text("What went well?", given.went_well, "--went-well")
    went_badly = _text("What did not go well?", given.went_badly, "--went-badly")
    names = {c.id: c.name for c in framework.competencies}
    known = [c for c in interview.competencies if c in names]
    asked = [] if known else _ask_probed(framework, likely)
    probed = known or asked
    ratings: dict[str, int] = {}
    if probed:
        out.print("Rate yourself 1-5 on what it probed (Enter skips):")
    for competency in probed:
        if competency in given.ratings:
            out.print(
                f"  {escape(names[competency])} [dim](from --rate)[/] {given.ratings[competency]}"
            )
            continue
        value = _rating(f"  {names[competency]}", allow_skip=True)
        if value is not None:
            ratings[competency] = value
    if given.logged:
        out.print("[dim]Questions logged already (kept, with what you confirmed they probed):[/]")
    for number, text in enumerate(given.logged, 1):
        out.print(f"  [dim]{number}.[/] {escape(text)}")
    for text in given.questions:
        out.print(f"[dim]Asked (from the flags):[/] {escape(text)}")
    which = "Which questions were you asked?"
    if given.questions or given.logged:
        which = "Any other questions you were asked?"
    out.print(f"{which} One per line; an empty line ends.")
    questions: list[str] = []
    while True:
        # Numbered, so each line visibly waits for a question (a bare space as the prompt
        # read as a stray one on the screen) and the count shows how many are in.
        number = len(given.logged) + len(given.questions) + len(questions) + 1
        line = _ask(f"  {number}.", default="", show_default=False, prompt_suffix=" ").strip()
        if not line:
            break
        questions.append(line)
    if _piped():
        out.print()  # piped answers are not echoed, so nothing ended the last prompt's line
    return DebriefAnswers(overall, went_well, went_badly, ratings, questions, asked)


_HELP = (
    f"Enter accepts the first suggestion if it has {EVIDENCE_MIN_CONFIDENCE:.0%} or more, "
    "y takes it anyway · a number or numbers (1,2) pick suggestions · competency ids or "
    "names also work · n = none · g/s/u = mark gap/strength/neutral · k = skip · q = quit"
)


def ask_review(
    uow: SqlUnitOfWork, items: list[ReviewItem], frameworks: dict[str, Framework]
) -> int:
    """Walk through statements awaiting review; returns how many were confirmed."""
    from nextround.errors import NextroundError
    from nextround.services.review import review_statement

    out = console()
    out.print(f"{counted(len(items), 'statement')} to review. {_HELP}")
    done = 0
    for item in items:
        statement = item.statement
        framework = frameworks[statement.framework_id]
        names = {c.id: c.name for c in framework.competencies}
        polarity: Polarity | None = None
        context = statement.sentence_in(item.feedback.text)
        while True:
            _show(item, polarity or statement.polarity, context, names)
            confident = statement.pick
            # Each answer is saved in a transaction of its own: none stays open (with its
            # locks, or a server's idle timeout running) while the person reads and thinks.
            uow.pause()
            try:
                answer = str(typer.prompt(">", default="", show_default=False)).strip().lower()
            except (typer.Abort, KeyboardInterrupt):
                # Ctrl-C or the end of the input stops like q: each answer is saved as it is
                # given, so "nothing was changed" (the usual abort message) would be untrue.
                out.print()
                return done
            if answer == "q":
                return done
            if answer == "k":
                break
            if answer in ("g", "s", "u"):
                polarity = {"g": Polarity.GAP, "s": Polarity.STRENGTH, "u": Polarity.NEUTRAL}[
                    answer
                ]
                continue
            if answer == "" and statement.suggestions and not confident:
                out.print(
                    "[yellow]No suggestion is confident here[/]: type y or 1 to take the first "
                    "anyway, another number or a competency id, or n if it is about none."
                )
                if _piped():
                    out.print(_LEFT)
                    break
                continue
            chosen = _choice(answer, statement.suggestions, names)
            if chosen is None:
                out.print(_not_understood(answer, len(statement.suggestions)))
                if _piped():
                    out.print(_LEFT)
                    break
                continue
            try:
                review_statement(uow, statement.id or 0, chosen, polarity)
            except NextroundError as exc:
                out.print(f"[red]{escape(exc.for_cli())}[/]")
                continue
            done += 1
            break
    return done


def _show(item: ReviewItem, shown: Polarity, context: str | None, names: dict[str, str]) -> None:
    """One statement under review: its polarity, text, sentence and numbered suggestions."""
    out, statement = console(), item.statement
    source = item.feedback.source.label
    out.print()
    paragraph(
        f"[bold]#{statement.id}[/] [{POLARITY_STYLE[shown.value]}]{shown.value}[/] "
        f"{statement_text(statement.text)}  [dim]({source}, {item.feedback.received_on})[/]",
        0,
        2,
    )
    if context:
        paragraph(f'[dim]in: "{escape(context)}"[/]', 3, 5)
    if item.round_text:
        # An email about the whole process: the praise of round 2 is not round 3's.
        paragraph(
            f"[dim]{escape(item.round_text)}; another: `nextround feedback review --statement "
            f"{statement.id} --round N` (0: the feedback's own round)[/]",
            3,
            5,
        )
    if item.copy_note:
        undo = (
            " k leaves it out."
            if item.repeats_itself
            else f" Pasted twice? k leaves it, then `nextround feedback rm {item.feedback.id}`."
        )
        paragraph(f"[yellow]Note:[/] {escape(item.copy_note)}.{undo}", 3, 5)
    for index, match in enumerate(statement.suggestions, start=1):
        style = "bold" if index == 1 and statement.pick else "dim"
        share = f"[{style}]{shown_share(match.confidence)}[/]"
        name = names.get(match.competency_id, match.competency_id)
        out.print(f"   {index}. {escape(name)} {share}")
    if not statement.suggestions:
        out.print("   (no suggestion: nothing fitted)")


#: With piped answers a refused one skips its statement: asked again, it would take the
#: next line, meant for the next statement, and every later answer would land one off.
_LEFT = "[dim]Left for later, as k would; the next answer goes to the next statement.[/]"


def _not_understood(answer: str, count: int) -> str:
    numbers = f"numbered 1-{count}" if count > 1 else "numbered 1" if count else "none here"
    return f"[red]Not understood[/] ({escape(repr(answer))}; suggestions: {numbers}). {_HELP}"


def _choice(
    answer: str, suggestions: Sequence[CompetencyMatch], names: dict[str, str]
) -> list[str] | None:
    if answer in ("", "y"):
        # Nothing fitted: Enter files it as about no competency, as the web ticks it.
        return [] if nothing_fits(suggestions) else [suggestions[0].competency_id]
    if answer == "n":
        return []
    picked = []
    # By name too, as `--competency` takes them ("customer focus" for customer-focus).
    by_name = {name.casefold(): ident for ident, name in names.items()}
    for part in (p.strip() for p in answer.split(",")):
        if part.isdigit() and 1 <= int(part) <= len(suggestions):
            picked.append(suggestions[int(part) - 1].competency_id)
        elif part in names:
            picked.append(part)
        elif part.casefold() in by_name:
            picked.append(by_name[part.casefold()])
        else:
            return None
    return picked

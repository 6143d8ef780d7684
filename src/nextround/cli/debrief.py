"""`nextround debrief`: how an interview went, self-ratings, and the questions asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import (
    SavedJson,
    aside,
    console,
    escape,
    paragraph,
    print_json,
    read_text_input,
    state,
)
from nextround.cli.growth import fallback_notice, warn_if_not_english

if TYPE_CHECKING:
    from collections.abc import Sequence

    from nextround.bootstrap import Nextround
    from nextround.cli.prompts import DebriefGiven
    from nextround.domain.competency import Competency, Framework
    from nextround.domain.debrief import Debrief, QuestionsLogged
    from nextround.domain.journey import Interview
    from nextround.services.debriefs import SavedDebrief
    from nextround.services.note_quotes import StillQuoting
    from nextround.store.uow import SqlUnitOfWork


def debrief(
    ctx: typer.Context,
    interview_id: Annotated[
        int, typer.Argument(help="Interview id (see `nextround app show APP` or `timeline APP`).")
    ],
    overall: Annotated[
        int | None, typer.Option(min=1, max=5, help="How it went overall, 1-5.")
    ] = None,
    went_well: Annotated[str | None, typer.Option(help="What went well.")] = None,
    went_badly: Annotated[str | None, typer.Option(help="What did not go well.")] = None,
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate",
            help="A self-rating as COMPETENCY=1-5 (its id or name); repeat. With --replace, "
            "COMPETENCY= (nothing after '=') removes one.",
        ),
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option(
            "--question",
            "-q",
            help="A question you were asked; repeat. End it with '= COMPETENCY' (id or name; "
            "comma-separate several) or '= none' to say what it probed yourself. On a debrief "
            "already written, questions are added to those logged, which keep their verdicts "
            "(one logged already is not added twice).",
        ),
    ] = None,
    questions_file: Annotated[
        Path | None, typer.Option("--questions-file", help="Questions, one per line.")
    ] = None,
    replace_questions: Annotated[
        bool,
        typer.Option(
            "--replace-questions",
            help="The questions given replace those logged instead of adding to them: the "
            "others are removed, with what you confirmed they probed (one given again word "
            "for word keeps its verdict). Without -q or --questions-file, it removes them all. "
            "Confirmed questions it would remove are named and you are asked first (--yes: "
            "not asked).",
        ),
    ] = False,
    confirm: Annotated[
        list[str] | None,
        typer.Option(
            "--confirm",
            help="Confirm or correct what a logged question probed, by its number: N "
            "(as mapped), N=COMPETENCY (id or name; comma-separate several), N=none, or "
            "'all'; repeat. Confirmed questions teach the mapper.",
        ),
    ] = None,
    remove_question: Annotated[
        list[int] | None,
        typer.Option(
            "--remove-question",
            help="Remove a logged question by its number (as listed, from 1); repeat for "
            "several. The others keep their verdicts and move up.",
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            "-y",
            help="With --replace-questions, replace confirmed questions without asking.",
        ),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Change an existing debrief: the options given replace those parts and the "
            "rest is kept ('' clears a text; --rate changes only the competencies it names; "
            "-q adds questions). Without options, answer every question again; the questions "
            "logged are kept and you add any others.",
        ),
    ] = False,
    as_json: SavedJson = False,
) -> None:
    r"""Debrief an interview while it is fresh: interactive, or with flags for scripts.

    With --overall, nothing is asked:

      nextround debrief 7 --overall 3 --went-well "Clear opening" \
        --rate "risk management=2" --rate communication=4 \
        -q "How would you de-risk the migration?" -q "Why us? = none"

    Each question is mapped to the competency it probes; correct it later by its number:

      nextround debrief 7 --confirm "1=technical depth" --confirm 2=none

    Remembered one more question? It is added to those logged, which keep their verdicts:

      nextround debrief 7 -q "How do you handle a vendor outage? = risk management"

    Logged one by mistake? Take it off by its number; the others move up:

      nextround debrief 7 --remove-question 2

    With --json, the debrief as `app show --json` gives it, and "added" (true for a new
    debrief) and the numbers of the questions it added, logged already or confirmed.

    Without flags, a form asks only for what the flags left out. A competency's name with
    spaces needs quotes; with --replace, --rate "risk management=" removes that rating.
    """
    from nextround.domain.text_lines import split_lines
    from nextround.services.debriefs import amend_debrief, get_debrief
    from nextround.services.frameworks import active_framework

    nextround = state(ctx).app
    if remove_question:
        given = (question, questions_file, overall, went_well, went_badly, rate, confirm)
        alone = not replace and not replace_questions and not any(given)
        _remove_questions(nextround, interview_id, remove_question, alone=alone, as_json=as_json)
        return
    if confirm:
        others = (question, questions_file, overall, went_well, went_badly, rate)
        alone = not replace and not replace_questions and not any(others)
        _confirm_questions(nextround, interview_id, confirm, alone=alone, as_json=as_json)
        return
    questions = list(question or [])
    if questions_file is not None:
        # Blank lines separate questions in a file; as questions they would be shown and
        # counted in the form, though never saved.
        lines = split_lines(read_text_input(None, questions_file, "questions"))
        questions += [line for line in lines if line.strip()]
    changed = _parse_ratings(rate or [])
    gave_questions = bool(question) or questions_file is not None
    gave_parts = any(p is not None for p in (overall, went_well, went_badly, changed or None))
    parts = _Written(overall, went_well, went_badly, changed, questions)
    # Read what the command needs, then close: no transaction stays open while a question
    # waits for the person (a server may end an idle one, and the answers with it).
    with nextround.uow(writes=False) as uow:
        uow.applications.get_interview(interview_id)
        framework = active_framework(uow)
        written = get_debrief(uow, interview_id)
        # Questions alone change no part of what was written, so they need no --replace:
        # they are added to those logged (or, asked for, replace them).
        questions_given = gave_questions or replace_questions
        only_questions = questions_given and not gave_parts
        amend = written is not None and ((gave_parts and replace) or only_questions)
        if as_json and not amend and overall is None:
            _refuse_form_under_json()
        form = None if amend else _read_form(uow, interview_id, parts, replace=replace)
    if amend and replace_questions and not yes:
        # Before the model loads: a refusal should not wait for it.
        _check_dropped(written, questions, framework)
    if questions:
        from nextround.analysis.language import QUESTIONS_RISK

        warn_if_not_english("\n".join(questions), "list of questions", QUESTIONS_RISK)
    if form is not None and form.asks:
        parts = _ask_form(form, parts)
    if amend:
        with nextround.uow() as uow:
            mapper = nextround.mapper(uow, framework) if questions else None
            if mapper is not None:
                fallback_notice(nextround, mapper)
            amended = amend_debrief(
                uow,
                interview_id,
                overall=overall,
                went_well=went_well,
                went_badly=went_badly,
                ratings=changed,
                questions=questions if gave_questions else None,
                mapper=mapper,
                replace_questions=replace_questions,
            )
    else:
        assert form is not None
        amended = None
        saved = _save_debrief(
            nextround, interview_id, parts, form, replace=replace, as_json=as_json
        )
    _say_saved(
        framework,
        saved if amended is None else amended,
        amended=amended is not None,
        written=written is not None,
        replaced=replace_questions,
        given=(gave_parts, questions_given),
        removed=[ref for ref, value in changed.items() if value is None],
        as_json=as_json,
    )


def _say_saved(
    framework: Framework,
    done: SavedDebrief,
    *,
    amended: bool,
    written: bool,
    replaced: bool,
    given: tuple[bool, bool],
    removed: list[str],
    as_json: bool,
) -> None:
    """What the flag form saved; ``given``: whether parts, and questions, were given."""
    gave_parts, questions_given = given
    if as_json:
        alone = amended and not gave_parts  # as the text output words them
        _print_saved(done, written=written, replaced=replaced, alone=alone)
        _say_still_quoting(done.still_quoting, as_json=True)
        return
    elif not amended:
        notes = _question_notes(done, replaced=False, alone=False) if written else []
        _report_debrief(framework, done.debrief, removed, notes)
    elif gave_parts:
        notes = _question_notes(done, replaced=replaced, alone=False)
        _report_debrief(framework, done.debrief, removed, notes if questions_given else [])
    else:
        for note in _question_notes(done, replaced=replaced, alone=True):
            paragraph(escape(note), 0, 2)
        _question_lines(framework, done.debrief)
    _say_still_quoting(done.still_quoting, as_json=False)


def _say_still_quoting(drafts: Sequence[StillQuoting], *, as_json: bool) -> None:
    """Name each unsent thank-you note still quoting what an edit took out, and what to do.

    The edit deletes none (a note is the person's letter): they decide, before it is sent.
    """
    for draft in drafts:
        note = draft.note
        said = (
            f"{draft.said}: remove it with `nextround note rm {note.id}` (and draft another "
            f"with `nextround note thank-you {note.application_id}`), or change those words "
            f"before you send it (`nextround note show {note.id} --eml FILE` opens it in your "
            "mail client)."
        )
        aside(f"[yellow]{escape(said)}[/]", as_json)


@dataclass
class _Written:
    """A debrief as the flags give it, before the form asks for the rest."""

    overall: int | None
    went_well: str | None
    went_badly: str | None
    ratings: dict[str, int | None]
    questions: list[str]
    #: The competencies the interview probed, asked because it had none on record.
    probed: list[str] = field(default_factory=list)


@dataclass
class _Form:
    """What writing a debrief needs from the database, read before anything is asked."""

    interview: Interview
    #: The framework in use when the form was read: its competencies are rated.
    framework: Framework
    #: The flags the form shows; None when --overall was given, so nothing is asked.
    flags: DebriefGiven | None
    likely: list[Competency]

    @property
    def asks(self) -> bool:
        return self.flags is not None


def _read_form(uow: SqlUnitOfWork, interview_id: int, given: _Written, *, replace: bool) -> _Form:
    """Check a debrief may be written, and read what its form shows.

    Without --overall, a form will ask for what the flags left out: the flags given are
    checked here, so no answer is typed in vain.
    """
    from nextround.cli.common import fail, nothing_to_read
    from nextround.cli.prompts import SCRIPTED_DEBRIEF
    from nextround.errors import DomainError
    from nextround.services.application_growth import likely_probes_of
    from nextround.services.debriefs import check_debrief_allowed, get_debrief
    from nextround.services.frameworks import active_framework, competency_ids

    check_debrief_allowed(uow, interview_id, replace=replace)
    framework = active_framework(uow)
    removed = [ref for ref, value in given.ratings.items() if value is None]
    if removed:
        # Only a written debrief has ratings to remove; say so before asking anything,
        # after a misspelt competency, which is the likelier slip.
        competency_ids(framework, removed)
        raise DomainError(
            f"interview {interview_id} has no debrief yet, so no self-rating to "
            f"remove ({', '.join(f'--rate {ref}=' for ref in removed)})"
        )
    _, _, interview = uow.applications.get_interview(interview_id)
    if given.overall is not None:
        return _Form(interview, framework, None, [])
    ratings = {ref: value for ref, value in given.ratings.items() if value is not None}
    flags = _given(framework, given.went_well, given.went_badly, ratings, given.questions)
    # Answering again keeps the questions logged: the form shows them, asks for others.
    logged = get_debrief(uow, interview_id)
    flags.logged = [q.text for q in logged.questions] if logged is not None else []
    if nothing_to_read():
        # The form could only fail, after its first prompt: a script is told which
        # flags ask nothing instead (once the flags given are known to be good).
        fail(f"debrief needs a terminal to ask; in a script {SCRIPTED_DEBRIEF}")
    likely = (
        [] if set(interview.competencies) & framework.ids else likely_probes_of(uow, interview_id)
    )
    return _Form(interview, framework, flags, list(likely))


def _ask_form(form: _Form, given: _Written) -> _Written:
    """The debrief with the form's answers: the flags given are kept and not asked again."""
    from nextround.cli.prompts import ask_debrief

    assert form.flags is not None
    answers = ask_debrief(form.interview, form.framework, form.flags, form.likely)
    return _Written(
        answers.overall,
        answers.went_well,
        answers.went_badly,
        {**answers.ratings, **form.flags.ratings},
        given.questions + answers.questions,
        answers.probed,
    )


def _save_debrief(
    nextround: Nextround,
    interview_id: int,
    given: _Written,
    form: _Form,
    *,
    replace: bool,
    as_json: bool,
) -> SavedDebrief:
    """Save a debrief in a unit of work of its own, on the framework its form was read on.

    Should the save fail after the form (the connection lost, the framework deleted
    meanwhile), the answers are printed as the command that saves them without the form.
    """
    from nextround.services.debriefs import record_debrief
    from nextround.services.frameworks import active_framework

    assert given.overall is not None
    ratings = {ref: value for ref, value in given.ratings.items() if value is not None}
    try:
        with nextround.uow() as uow:
            framework = _framework_asked(uow, form.framework)
            if given.probed:
                # Asked because the interview had none on record: now it has them, saved
                # with the debrief in one transaction.
                _, _, interview = uow.applications.get_interview(interview_id)
                interview.competencies = given.probed
            mapper = nextround.mapper(uow, framework) if given.questions else None
            if mapper is not None:
                fallback_notice(nextround, mapper)
            saved = record_debrief(
                uow,
                interview_id,
                given.overall,
                went_well=given.went_well,
                went_badly=given.went_badly,
                ratings=ratings,
                questions=given.questions,
                mapper=mapper,
                replace=replace,
                keep_questions=True,
                framework=framework,
            )
            in_use = active_framework(uow)
    except (Exception, KeyboardInterrupt):
        if form.asks:
            _say_answers(interview_id, given, replace=replace)
        raise
    if in_use.id != framework.id:
        said = (
            f"Saved on {framework.quoted}, the framework the form asked about; the "
            f"framework in use is now {in_use.quoted} (switched while the form was open)."
        )
        aside(f"[yellow]{escape(said)}[/]", as_json)
    return saved


def _framework_asked(uow: SqlUnitOfWork, asked: Framework) -> Framework:
    """The framework a form asked about, as stored now; refused if it was deleted meanwhile."""
    from nextround.errors import DomainError

    if not uow.frameworks.exists(asked.id):
        raise DomainError(
            f"the framework the form asked about, {asked.quoted}, was deleted while the form "
            "was open, so the self-ratings on it cannot be saved",
            cli_hint="run the command printed above with --rate on the framework in use "
            "(`nextround framework show` lists its competencies)",
        )
    return uow.frameworks.get(asked.id)


def _say_answers(interview_id: int, given: _Written, *, replace: bool) -> None:
    """The answers typed into a form that could not be saved, as the command that saves them.

    On standard error, before the error: nobody should have to remember and type them again.
    """
    import shlex
    import sys

    assert given.overall is not None
    args = ["nextround", "debrief", str(interview_id), "--overall", str(given.overall)]
    if given.went_well:
        args += ["--went-well", given.went_well]
    if given.went_badly:
        args += ["--went-badly", given.went_badly]
    for competency, value in given.ratings.items():
        if value is not None:
            args += ["--rate", f"{competency}={value}"]
    for text in given.questions:
        args += ["-q", text]
    if replace:
        args.append("--replace")
    sys.stderr.write(
        "Your answers were not saved. To save them without the form (with the same --db, "
        f"once the problem below is fixed):\n  {shlex.join(args)}\n"
    )


def _refuse_form_under_json() -> None:
    """The form's questions would be mixed into the one JSON document: refuse, say why."""
    from nextround.cli.common import fail

    fail(
        "--json prints what was saved, so it takes the flag form: give --overall 1-5 "
        "(with --replace to change a written debrief)"
    )


def _print_saved(saved: SavedDebrief, *, written: bool, replaced: bool, alone: bool) -> None:
    """Under --json: the debrief saved, then what the text output says of its questions."""
    print_json(_debrief_json(saved.debrief, added=not written, logged=saved.questions))
    for note in _question_notes(saved, replaced=replaced, alone=alone) if written else []:
        aside(escape(note), as_json=True)


def _debrief_json(
    debrief: Debrief,
    *,
    added: bool,
    logged: QuestionsLogged | None = None,
    confirmed: Sequence[int] = (),
) -> dict[str, object]:
    """The debrief as in `app show --json`'s debriefs, and what this command did to it."""
    from nextround.domain.debrief import QuestionsLogged
    from nextround.views import jsonable

    logged = logged or QuestionsLogged()
    return {
        **jsonable(debrief),
        "added": added,
        "questions_added": list(logged.added),
        "questions_logged_already": list(logged.again),
        "questions_removed": list(logged.removed),
        "questions_confirmed": list(confirmed),
    }


def _report_debrief(
    framework: Framework, saved: Debrief, removed: list[str], notes: Sequence[str] = ()
) -> None:
    """What was saved: overall, each rating (and those removed), each question's mapping.

    ``notes`` say what happened to the list of questions, before it is shown.
    """
    names = {c.id: c.name for c in framework.competencies}
    out = console()
    out.print(f"Saved the debrief of interview {saved.interview_id} (overall {saved.overall}/5).")
    for competency, value in saved.ratings.items():
        out.print(f"  {escape(names.get(competency, competency))}: {value}/5")
    for ref in removed:
        found = framework.find(ref)
        if (found.id if found else ref) not in saved.ratings:  # unless rated again after
            out.print(f"  {escape(found.name if found else ref)}: no longer rated")
    for note in notes:
        paragraph(escape(note), 0, 2)
    _question_lines(framework, saved)


def _question_lines(framework: Framework, saved: Debrief) -> None:
    """Each logged question with what it probed, and how to correct one still suggested."""
    from nextround.cli.render import question_lines

    for line in question_lines(saved, framework):
        paragraph(line, 2, 5)
    if any(not q.confirmed for q in saved.questions):
        paragraph(
            f"[dim]Correct a mapping: `nextround debrief {saved.interview_id} --confirm "
            "N=COMPETENCY` (or N=none; N alone confirms it).[/]",
            2,
            2,
        )


def _question_notes(saved: SavedDebrief, *, replaced: bool, alone: bool) -> list[str]:
    """What giving questions to a written debrief did: added, logged already, or removed.

    ``alone``: nothing else changed, so the notes say which debrief they are about.
    """
    from nextround.domain.counts import counted, joined

    logged, interview = saved.questions, saved.debrief.interview_id
    of = f" of interview {interview}'s debrief" if alone else ""
    to = f" to the debrief of interview {interview}" if alone else ""
    again = joined([f"Q{n}" for n in logged.again]) if logged.again else ""
    were = "was" if len(logged.again) == 1 else "were"
    if replaced:
        said = f"Replaced the questions{of}."
        if logged.removed:
            confirmed = logged.removed_confirmed
            which = f" ({confirmed} of them confirmed)" if confirmed else ""
            if len(logged.removed) == 1 and confirmed:
                which = " (it was confirmed)"
            quoted = "; ".join(f"“{text}”" for text in logged.removed)
            said += f" Removed {counted(len(logged.removed), 'question')}{which}: {quoted}."
        return [said]
    if not logged.added:
        if not again and not alone:
            return []  # none given: nothing to say beside the rest of the debrief
        why = f": {again} {were} logged already" if again else ""
        return [f"No question added{to}{why}."]
    numbers = joined([f"Q{n}" for n in logged.added])
    notes = [
        f"Added {counted(len(logged.added), 'question')} ({numbers}){to}; those logged "
        "before keep their verdicts."
    ]
    if again:
        notes.append(f"{again} {were} logged already, so not added twice.")
    return notes


def _check_dropped(written: Debrief | None, given: list[str], framework: Framework) -> None:
    """Ask before --replace-questions drops questions the person confirmed (unless --yes).

    Their verdicts teach the mapper and count in the plan: losing them by a slip of the
    option would go unnoticed. Nothing is asked when none would be lost.
    """
    import click

    from nextround.cli.common import fail, interrupted
    from nextround.domain.question_verdict import removed_note

    if written is None:
        return
    dropped = written.confirmed_dropped(given)
    if not dropped:
        return
    from nextround.domain.counts import counted

    lost = "; ".join(removed_note(n, written.questions[n - 1], framework) for n in dropped)
    said = (
        f"Replacing the questions of interview {written.interview_id}'s debrief would remove "
        f"{counted(len(dropped), 'confirmed question')}: {lost}."
    )
    paragraph(escape(said), 0, 2)
    try:
        sure = typer.confirm("Replace them anyway?", default=False)
    except click.exceptions.Abort as abort:
        if interrupted(abort):
            raise  # Ctrl-C: an interrupt, as at any other question
        sure = False  # no answer to read (a script): refuse, do not guess
    if not sure:
        fail(
            "nothing changed: the questions logged are kept; add --yes to replace them, or "
            "give the confirmed ones again with -q (word for word, they keep their verdicts)"
        )


def _remove_questions(
    nextround: Nextround, interview_id: int, numbers: list[int], *, alone: bool, as_json: bool
) -> None:
    """`debrief ID --remove-question N`: take logged questions off, say which and how read."""
    if not alone:
        from nextround.cli.common import fail

        fail(
            "--remove-question only takes questions off the list; give it alone (then "
            "add or confirm others in a second command)"
        )
    from nextround.domain.counts import counted
    from nextround.domain.question_verdict import removed_note
    from nextround.services.debriefs import remove_questions
    from nextround.services.frameworks import active_framework

    with nextround.uow() as uow:
        framework = active_framework(uow)
        done = remove_questions(uow, interview_id, numbers)
    notes = "; ".join(removed_note(n, q, framework) for n, q in done.removed)
    of = f"the debrief of interview {interview_id}"
    said = f"Removed {notes} from {of}."
    if len(done.removed) > 1:
        said = f"Removed {counted(len(done.removed), 'question')} from {of}: {notes}."
    if as_json:
        from nextround.domain.debrief import QuestionsLogged

        logged = QuestionsLogged(removed=tuple(q.text for _, q in done.removed))
        print_json(_debrief_json(done.debrief, added=False, logged=logged))
        aside(escape(said), as_json)
        _say_still_quoting(done.still_quoting, as_json=True)
        return
    paragraph(escape(said), 0, 2)
    if done.debrief.questions:
        console().print("The questions left, numbered afresh:")
        _question_lines(framework, done.debrief)
    else:
        console().print("It logs no questions now.")
    _say_still_quoting(done.still_quoting, as_json=False)


def _confirm_questions(
    nextround: Nextround, interview_id: int, raw: list[str], *, alone: bool, as_json: bool
) -> None:
    """`debrief ID --confirm N[=COMPETENCY]`: the person's verdict on logged questions."""
    if not alone:
        from nextround.cli.common import fail

        fail(
            "--confirm changes only what logged questions probed; give it alone (new "
            "questions say it themselves: -q 'TEXT = COMPETENCY')"
        )
    from nextround.domain.counts import counted, joined
    from nextround.domain.debrief import NO_COMPETENCY
    from nextround.errors import InvalidInputError
    from nextround.services.debriefs import confirm_questions, get_debrief
    from nextround.services.frameworks import active_framework

    with nextround.uow() as uow:
        framework = active_framework(uow)
        debrief = get_debrief(uow, interview_id)
        count = len(debrief.questions) if debrief is not None else 0
        verdicts: dict[int, list[str] | None] = {}
        for value in raw:
            number, equals, named = value.partition("=")
            number = number.strip()
            if number.lower() == "all" and not equals:
                verdicts.update({n: None for n in range(1, count + 1) if n not in verdicts})
                continue
            refs = [r.strip() for r in named.split(",") if r.strip()]
            if not number.isdigit() or (equals and not refs):
                raise InvalidInputError(
                    f"--confirm {value!r} should look like 2=technical-depth (a question's "
                    "number, '=', a competency id or name, or 'none'), 2 alone, or 'all'"
                )
            none = len(refs) == 1 and refs[0].lower() in NO_COMPETENCY
            verdicts[int(number)] = ([] if none else refs) if equals else None
        done = confirm_questions(uow, interview_id, verdicts)
    if as_json:
        print_json(_debrief_json(done.debrief, added=False, confirmed=done.changed))
        return
    from nextround.cli.render import question_lines

    out = console()
    lines = question_lines(done.debrief, framework)
    if done.changed:
        confirmed = counted(len(done.changed), "question")
        out.print(f"Confirmed {confirmed} of interview {interview_id}:")
        for at in done.changed:
            paragraph(lines[at - 1], 2, 5)
    if done.unchanged:
        numbers = joined([f"Q{n}" for n in done.unchanged])
        one = len(done.unchanged) == 1
        if done.changed:
            said = f"{numbers} {'was' if one else 'were'} confirmed already."
        else:
            said = (
                f"Nothing changed: {numbers} of interview {interview_id} "
                f"{'was' if one else 'were'} confirmed already:"
            )
        paragraph(said, 0, 2)
        if not done.changed:
            for at in done.unchanged:
                paragraph(lines[at - 1], 2, 5)


def _given(
    framework: Framework,
    went_well: str | None,
    went_badly: str | None,
    ratings: dict[str, int],
    questions: list[str],
) -> DebriefGiven:
    """The flags given with the interactive form, checked before it asks anything."""
    from nextround.cli.prompts import DebriefGiven
    from nextround.domain.debrief import check_ratings
    from nextround.services.frameworks import competency_ids

    by_id = {competency_ids(framework, [ref])[0]: value for ref, value in ratings.items()}
    check_ratings(by_id)
    return DebriefGiven(went_well, went_badly, by_id, list(questions))


def _parse_ratings(values: list[str]) -> dict[str, int | None]:
    """Each --rate as competency -> 1-5, or None for COMPETENCY= (remove its rating)."""
    from nextround.errors import InvalidInputError

    ratings: dict[str, int | None] = {}
    for value in values:
        competency, equals, number = value.partition("=")
        number = number.strip()
        if not competency.strip() or not equals or (number and not number.isdigit()):
            raise InvalidInputError(
                f"--rate {value!r} should look like risk-management=3 "
                "(a competency id or name, '=', 1-5; nothing after '=' removes a rating)"
            )
        ratings[competency.strip()] = int(number) if number else None
    return ratings

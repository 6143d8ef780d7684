"""Why a draft has no moment or no learning, said as what is actually missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nextround.domain.competency import Polarity
from nextround.domain.counts import counted, joined
from nextround.domain.note_facts import Learning, Moment, MomentKind, NoteFacts, rank_moments
from nextround.domain.notes import Recipient, Tone

# A "went well" this short ("Good rapport") is a verdict, not a moment to quote back.
_SHORT_WORDS = 4


@dataclass(frozen=True)
class Missing:
    """Why a part is missing from a draft, and how to add it on each surface.

    As with errors, ``text`` is true on both the command line and the web app, and each
    has its own remedy: a command there, a form here.
    """

    text: str
    cli_hint: str | None = None
    web_hint: str | None = None

    def for_cli(self) -> str:
        """The reason with the command that fixes it."""
        return f"{self.text}; {self.cli_hint}" if self.cli_hint else self.text

    def for_web(self) -> str:
        """The reason with the form that fixes it."""
        return f"{self.text}; {self.web_hint}" if self.web_hint else self.text

    def __str__(self) -> str:
        return self.text


def why_no_moment(facts: NoteFacts, *, dropped: bool = False) -> Missing:
    """What keeps a moment out of the draft, and what would bring one in.

    ``dropped``: a moment was usable, but its sentence was cut to keep within the limit.
    """
    if dropped:
        return Missing("left out to keep the note within its word limit")
    if facts.round_name is None:
        return Missing("no round has started yet")
    if not facts.moments:
        return _nothing_held(facts)
    attended = [m for m in facts.moments if m.with_recipient(facts.recipients)]
    if not attended:
        return Missing(
            f"{joined([r.name for r in facts.recipients])} sat in none of the interviews on "
            "record; a note recalls only what its readers saw",
            cli_hint="pass --to with an interviewer to recall one",
            web_hint="tick an interviewer under “To” to recall one",
        )
    if rank_moments(attended, facts.recipients, facts.tone):
        return Missing("none of the moments on record fits this note")
    return _nothing_to_recall(facts, attended)


def _round_ref(facts: NoteFacts) -> str:
    return f"round {facts.round_position}" if facts.round_position else "this round"


def _nothing_held(facts: NoteFacts) -> Missing:
    """No interview of the note's round (or an earlier one) to recall anything from."""
    where = _round_ref(facts)
    if facts.round_interviews:
        return Missing(f"no interview of {where} has taken place yet")
    app = facts.application_id if facts.application_id is not None else "APP"
    return Missing(
        f"{where} has no interviews on record",
        cli_hint=f"add one with `nextround interview add {app} TITLE --round "
        f"{facts.round_position or 'N'} --with NAME`, then debrief it saying under --went-well "
        "what you talked about",
        web_hint="add the interview to the round, then debrief it saying under “What went well” "
        "what you talked about",
    )


def _nothing_to_recall(facts: NoteFacts, attended: Sequence[Moment]) -> Missing:
    """The recipients' interviews gave only titles: say what their debriefs lack."""
    sessions = {m.interview_id: m for m in attended if m.kind is MomentKind.SESSION}
    if not sessions:
        # Only questions, and every one of them asked in any screening.
        return Missing(
            "the questions you logged where the recipients were are ones every screening "
            "asks (reasons for a move, salary, notice), which recall nothing of the "
            "conversation",
            cli_hint="say under --went-well in the debrief what you talked about",
            web_hint="say under “What went well” in the debrief what you talked about",
        )
    if facts.tone is Tone.AFTER_REJECTION and all(m.went_badly for m in sessions.values()):
        titles = joined(sorted({f"“{m.interview_title}”" for m in sessions.values()}))
        return Missing(
            f"{titles}, where the recipients were, went badly by your debrief; a note after a "
            "rejection does not recall it"
        )
    undebriefed = [m for m in sessions.values() if not m.debriefed]
    if undebriefed:
        first = undebriefed[0]
        titles = joined(sorted({f"“{m.interview_title}”" for m in undebriefed}))
        return Missing(
            f"{titles}, where the recipients were, {'has' if len(undebriefed) == 1 else 'have'} "
            "no debrief yet",
            cli_hint=f"debrief it with `nextround debrief {first.interview_id} --went-well "
            '"We talked about …"`',
            web_hint="debrief it, saying under “What went well” what you talked about",
        )
    first = next(iter(sessions.values()))
    went_well = (first.went_well or "").strip()
    if not went_well:
        said = "its “went well” is empty"
    elif len(went_well.split()) <= _SHORT_WORDS:
        said = f"its “went well” (“{went_well}”) is too short to quote"
    else:
        said = "its “went well” names no topic of the conversation to recall"
    return Missing(
        f"“{first.interview_title}”, where the recipients were, has a debrief, but {said}",
        cli_hint=f"add a concrete moment with `nextround debrief {first.interview_id} --replace "
        '--went-well "We talked about …"` (the rest of the debrief is kept)',
        web_hint="edit its debrief and say under “What went well” what you talked about, e.g. "
        "“the rollout plan landed well”",
    )


def why_no_learning(facts: NoteFacts, *, dropped: bool = False) -> Missing:
    """What keeps a learning out of the draft, and what would bring one in."""
    if dropped:
        return Missing("left out to keep the note within its word limit")
    named = [item for item in facts.learnings if item.polarity is not Polarity.NEUTRAL]
    if not named:
        waiting = facts.feedback_to_review
        if waiting:
            return Missing(
                f"{counted(waiting, 'piece', 'pieces')} of feedback still "
                f"{'waits' if waiting == 1 else 'wait'} for your review; confirm "
                f"{'its' if waiting == 1 else 'their'} statements to add one",
                cli_hint="`nextround feedback review` goes through them",
            )
        if facts.learnings:
            return Missing("the statements you confirmed name neither a strength nor a gap")
        return Missing("no confirmed feedback on this application names a competency")
    authors = _absent_authors(named, facts.recipients)
    if not authors:
        return Missing("none of the confirmed feedback fits this note")
    return Missing(
        f"the confirmed feedback came from {joined(authors)}, who "
        f"{'is' if len(authors) == 1 else 'are'} not among the recipients; a note thanks "
        "only the people who said it",
        cli_hint=f"to include it, add {' '.join(f'--to {_quoted(a)}' for a in authors)}",
        web_hint=f"add {joined(authors)} under “To” to include it",
    )


def _quoted(name: str) -> str:
    """A name as the shell takes it after --to: quoted when it has a space."""
    return f'"{name}"' if " " in name else name


def _absent_authors(learnings: Sequence[Learning], recipients: Sequence[Recipient]) -> list[str]:
    present = {r.name.casefold() for r in recipients}
    found: list[str] = []
    for item in learnings:
        author = item.author or ""
        if author and author.casefold() not in present and author not in found:
            found.append(author)
    return found


def moment_origin(moment: Moment) -> str:
    """Where in the record a moment was found: "what went well in “Deep dive”"."""
    if moment.kind is MomentKind.PRAISE:
        author = next((name for name in moment.praised_by if name), None)
        quoted = f" quoting {moment.said_by}" if moment.said_by else ""
        statements = ", ".join(str(i) for i in moment.praise_ids)
        return (
            f"what the praise itself names (statement {statements}, "
            f"{f'from {author}' if author else 'in the feedback'}{quoted})"
        )
    where = {
        MomentKind.TOPIC: "what went well in",
        MomentKind.QUESTION: "a question you logged in",
        MomentKind.SESSION: "the title of",
    }[moment.kind]
    praised = ""
    if moment.praised_by:
        authors = [name for name in moment.praised_by if name]
        praised = f", praised by {joined(authors)}" if authors else ", praised in the feedback"
    return f"{where} “{moment.interview_title}”{praised}"

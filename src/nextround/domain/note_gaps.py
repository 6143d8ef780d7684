"""Why a draft has no moment or no learning, said as what is actually missing."""

from __future__ import annotations

from collections.abc import Sequence

from nextround.domain.competency import Polarity
from nextround.domain.counts import counted
from nextround.domain.note_facts import Learning, Moment, MomentKind, NoteFacts, rank_moments
from nextround.domain.notes import Recipient


def _names(people: Sequence[str]) -> str:
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]


def why_no_moment(facts: NoteFacts, *, dropped: bool = False) -> str:
    """What keeps a moment out of the draft, and what would bring one in.

    ``dropped``: a moment was usable, but its sentence was cut to keep within the limit.
    """
    if dropped:
        return "left out to keep the note within its word limit"
    if facts.round_name is None:
        return "no round has started yet"
    if not facts.moments:
        return "no interview of this round has taken place yet"
    attended = [m for m in facts.moments if m.with_recipient(facts.recipients)]
    if not attended:
        return (
            f"{_names([r.name for r in facts.recipients])} sat in none of the interviews on "
            "record; a note recalls only what its readers saw, so tick an interviewer under "
            "“To” to recall one"
        )
    if not rank_moments(attended, facts.recipients):
        seen = sorted({f"“{m.interview_title}”" for m in attended})
        titles = _names(seen)
        if not any(m.kind is not MomentKind.SESSION for m in attended):
            return (
                f"{titles}, where the recipients were, {'has' if len(seen) == 1 else 'have'} no "
                "debrief yet: debrief it, saying under “went well” what you talked about"
            )
        return (
            f"the debrief of {titles} names no topic to recall: say under “went well” what you "
            "talked about, e.g. “the rollout plan landed well”"
        )
    return "none of the moments on record fits this note"


def review_would_help(facts: NoteFacts) -> bool:
    """Whether confirming feedback statements is what would give the note a learning."""
    named = any(item.polarity is not Polarity.NEUTRAL for item in facts.learnings)
    return not named and facts.feedback_to_review > 0


def why_no_learning(facts: NoteFacts, *, dropped: bool = False) -> str:
    """What keeps a learning out of the draft, and what would bring one in."""
    if dropped:
        return "left out to keep the note within its word limit"
    named = [item for item in facts.learnings if item.polarity is not Polarity.NEUTRAL]
    if not named:
        waiting = facts.feedback_to_review
        if waiting:
            return (
                f"{counted(waiting, 'piece', 'pieces')} of feedback still "
                f"{'waits' if waiting == 1 else 'wait'} for your review; confirm "
                f"{'its' if waiting == 1 else 'their'} statements to add one"
            )
        if facts.learnings:
            return "the statements you confirmed name neither a strength nor a gap"
        return "no confirmed feedback on this application names a competency"
    authors = _absent_authors(named, facts.recipients)
    if not authors:
        return "none of the confirmed feedback fits this note"
    return (
        f"the confirmed feedback came from {_names(authors)}, who "
        f"{'is' if len(authors) == 1 else 'are'} not among the recipients; a note thanks "
        f"only the people who said it, so add {_names(authors)} under “To” to include it"
    )


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
    where = {
        MomentKind.TOPIC: "what went well in",
        MomentKind.QUESTION: "a question you logged in",
        MomentKind.SESSION: "the title of",
    }[moment.kind]
    return f"{where} “{moment.interview_title}”"

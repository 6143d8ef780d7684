"""Whether the framework in use has a home for what feedback says, and where to get one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nextround.domain.competency import CompetencyMatch, Framework, Polarity
from nextround.frameworks.files import BUILTIN_ID

#: A best suggestion below this is no real fit: the framework names nothing the statement
#: is about ("We loved your visual craft" on a framework without design skills). Short,
#: vague feedback in the framework's own field ("The system design session lacked
#: structure") often lands between 0.15 and 0.2: it needs reviewing, not another framework.
POOR_FIT = 0.15

#: How the command line imports a framework; the web links its frameworks page instead.
IMPORT_COMMAND = "nextround framework import FILE"


def how_to_import(framework: Framework) -> str:
    """The command the notes below end with on the command line.

    On the built-in framework, importing one for the field; on an imported one, importing
    its file again in its place (so its id, and what is mapped onto it, stay).
    """
    if framework.id == BUILTIN_ID:
        return IMPORT_COMMAND
    return f"{IMPORT_COMMAND} --id {framework.id} --replace"


def fits_nowhere(
    polarity: Polarity, matches: Sequence[CompetencyMatch], *, by_words: bool = False
) -> bool:
    """Whether a strength or gap found no competency, or only a very weak one.

    A neutral statement is left out: it is mostly courtesy or talk about the process,
    which no framework is meant to hold. ``by_words``: mapped by the word-matching fallback,
    whose shares are no calibrated confidence (one shared word is a weak share), so only a
    statement with no suggestion at all fits nowhere.
    """
    if polarity == Polarity.NEUTRAL:
        return False
    if by_words:
        return not matches
    return max((m.confidence for m in matches), default=0.0) < POOR_FIT


def _framework_words(framework: Framework) -> str:
    return "the built-in framework" if framework.id == BUILTIN_ID else f"“{framework.name}”"


def no_fit_note(
    framework: Framework,
    read: Iterable[tuple[Polarity, Sequence[CompetencyMatch]]],
    *,
    by_words: bool = False,
    review_how: str = "",
) -> str | None:
    """One line for a whole paste when some of its judgements have no home, else None.

    Said once, not per statement; the caller ends it with how to import (a command, a link):
    a framework for the field on the built-in one, the file again with the missing skill on
    one the user imported (advising them to import a framework they already use reads as
    if they had imported the wrong thing). ``review_how`` follows "review it" ("with `…`").
    """
    count = sum(fits_nowhere(p, matches, by_words=by_words) for p, matches in read)
    if not count:
        return None
    what = "one of these statements" if count == 1 else f"{count} of these statements"
    lead = f"Nothing in {_framework_words(framework)} fits {what} well"
    if framework.id == BUILTIN_ID:
        return f"{lead}. If your field has its own skills, import a framework for it"
    it = "it" if count == 1 else "them"
    return (
        f"{lead}: review {it}{review_how}, as about the competency meant or about none. "
        f"If {framework.quoted} lacks a skill your field needs, {_ADD_A_COMPETENCY}"
    )


def none_fits_note(framework: Framework) -> str:
    """Said when the user reviews a statement as about no competency; the caller ends it."""
    if framework.id == BUILTIN_ID:
        return (
            "If nothing in the built-in framework fits it because your field has its own "
            "skills, import a framework for it"
        )
    return f"If it names a skill {framework.quoted} lacks, {_ADD_A_COMPETENCY}"


#: An imported framework's file is the user's own: a missing skill is added there.
_ADD_A_COMPETENCY = "add a competency for it to its file and import the file again in its place"

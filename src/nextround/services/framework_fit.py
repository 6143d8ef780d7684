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
) -> str | None:
    """One line for a whole paste when some of its judgements have no home, else None.

    Said once, not per statement; the caller ends it with how to import (a command, a link).
    """
    count = sum(fits_nowhere(p, matches, by_words=by_words) for p, matches in read)
    if not count:
        return None
    what = "one of these statements" if count == 1 else f"{count} of these statements"
    return (
        f"Nothing in {_framework_words(framework)} fits {what} well. If your field has its "
        "own skills, import a framework for it"
    )


def none_fits_note(framework: Framework) -> str:
    """Said when the user reviews a statement as about no competency; the caller ends it."""
    return (
        f"If nothing in {_framework_words(framework)} fits it because your field has its own "
        "skills, import a framework for it"
    )

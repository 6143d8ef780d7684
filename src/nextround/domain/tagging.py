"""Competency tags kept per framework: what a story shows, what a logged question probed.

A competency id means something within one framework only, and two frameworks may even
share one ("ownership"). So the tags of a story or of a question asked in an interview are
a reading on one framework, as feedback statements are (migration 0010): after a switch to
an imported framework they stay where they were, never read as that framework's; tagging
on the new one adds a reading there; switching back finds the first reading as it was.

A record keeps the reading it was last tagged on in its own fields (``framework_id``,
``competencies``, ``suggestions``) and the readings on other frameworks in ``elsewhere``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from nextround.domain.competency import CompetencyMatch
from nextround.domain.statements import (
    CLEAR_MATCH_MIN_CONFIDENCE,
    EVIDENCE_MIN_CONFIDENCE,
    clear_guesses,
    confident_pick,
    shown_share,
)


@dataclass(frozen=True)
class Tagging:
    """The tags on one framework: those chosen, and the mapper's suggestions.

    ``confirmed``: the choice is the person's (a story's always is; the top suggestion
    chosen for a logged question is not, until they confirm it).
    """

    competencies: tuple[str, ...] = ()
    suggestions: tuple[CompetencyMatch, ...] = ()
    confirmed: bool = False

    @property
    def empty(self) -> bool:
        """Nothing chosen or suggested on the framework."""
        return not self.competencies and not self.suggestions


class TaggedOnFrameworks:
    """What a story and a logged question share: tags read on one framework at a time.

    The dataclass using it declares ``framework_id``, ``competencies``, ``suggestions`` and
    ``elsewhere``; ``framework_id`` None is a record kept before tags had a framework (a
    backup's, restored as it was), read on any framework as the tags that framework has.
    """

    framework_id: str | None
    competencies: list[str]
    suggestions: list[CompetencyMatch]
    elsewhere: dict[str, Tagging]

    def _own_confirmed(self) -> bool:
        return True

    def _set_confirmed(self, confirmed: bool) -> None:
        """Only a question records whether its tags were chosen; a story's always are."""

    def _own(self) -> Tagging:
        return Tagging(tuple(self.competencies), tuple(self.suggestions), self._own_confirmed())

    def tags_on(self, framework_id: str, known: Collection[str] = ()) -> Tagging:
        """The tags on a framework (empty if it has none there).

        ``known`` are that framework's competency ids: a record kept before tags had a
        framework is read as the ones among its tags.
        """
        if self.framework_id == framework_id:
            return self._own()
        if self.framework_id is None:
            return Tagging(
                tuple(c for c in self.competencies if c in known),
                tuple(m for m in self.suggestions if m.competency_id in known),
                self._own_confirmed(),
            )
        return self.elsewhere.get(framework_id, Tagging())

    def tag_on(self, framework_id: str, tagging: Tagging) -> None:
        """Set the tags on one framework; those on every other framework stay."""
        if self.framework_id not in (None, framework_id) and not self._own().empty:
            assert self.framework_id is not None
            self.elsewhere = {**self.elsewhere, self.framework_id: self._own()}
        self.elsewhere = {f: t for f, t in self.elsewhere.items() if f != framework_id}
        self.framework_id = framework_id
        self.competencies = list(tagging.competencies)
        self.suggestions = list(tagging.suggestions)
        self._set_confirmed(tagging.confirmed)

    def tagged_on(self) -> set[str]:
        """The frameworks this record has tags on (None for one kept before they had one)."""
        own = {self.framework_id} if self.framework_id and not self._own().empty else set()
        return own | {f for f, t in self.elsewhere.items() if not t.empty}

    def untag_on(self, framework_id: str) -> bool:
        """Forget the tags on a framework (one deleted); whether there were any."""
        if framework_id in self.elsewhere:
            self.elsewhere = {f: t for f, t in self.elsewhere.items() if f != framework_id}
            return True
        if self.framework_id != framework_id or self._own().empty:
            return False
        self.competencies, self.suggestions = [], []
        self._set_confirmed(False)
        return True


def split_by_framework(
    competencies: Sequence[str],
    suggestions: Sequence[CompetencyMatch],
    confirmed: bool,
    frameworks: Mapping[str, Collection[str]],
    in_use: str,
) -> tuple[str, dict[str, Tagging]]:
    """Tags kept before they had a framework, as readings: each on the framework it names.

    ``frameworks`` are the competency ids of each framework, the one in use first among
    equals: an id two frameworks share is read on the one in use if it has it, else on the
    first that has it; one no framework has stays on the one in use. Returns the framework
    of the reading to keep in the record's own fields (the one in use, if any tag is on
    it) and every reading by framework.
    """
    order = [in_use, *(f for f in frameworks if f != in_use)]

    def home(competency_id: str) -> str:
        # An id no framework has (its framework deleted) stays, read where it always was.
        return next((f for f in order if competency_id in frameworks.get(f, ())), in_use)

    chosen: dict[str, list[str]] = {}
    for competency_id in competencies:
        chosen.setdefault(home(competency_id), []).append(competency_id)
    suggested: dict[str, list[CompetencyMatch]] = {}
    for match in suggestions:
        suggested.setdefault(home(match.competency_id), []).append(match)
    readings = {
        f: Tagging(tuple(chosen.get(f, ())), tuple(suggested.get(f, ())), confirmed)
        for f in order
        if f in chosen or f in suggested
    }
    own = in_use if in_use in readings or not readings else next(iter(readings))
    return own, readings


def to_accept(suggestions: Sequence[CompetencyMatch]) -> list[str]:
    """What accepting the suggestions takes: those feedback would pre-select, no others.

    A story tagged with a guess counts as "a story that shows it" in the coverage and the
    plan, so the bar is the one a feedback statement's suggestion must clear to be
    pre-selected (domain.statements.confident_pick), the top one included.
    """
    return confident_pick(suggestions)


def left_to_decide(suggestions: Sequence[CompetencyMatch]) -> tuple[CompetencyMatch, ...]:
    """The suggestions accepting leaves for the person: those under the bar."""
    taken = set(to_accept(suggestions))
    return tuple(m for m in suggestions if m.competency_id not in taken)


def left_note(left: Sequence[CompetencyMatch], names: Mapping[str, str], took_any: bool) -> str:
    """Which suggestions were left for the person to decide, and why, in one sentence.

    Guesses under CLEAR_MATCH_MIN_CONFIDENCE are not named: "Accessibility 14%" first for a
    group project reads as advice, when it only says nothing fits clearly.
    """
    clear = clear_guesses(left)
    bar = f"{EVIDENCE_MIN_CONFIDENCE:.0%}"
    if not clear:
        under = f"{CLEAR_MATCH_MIN_CONFIDENCE:.0%}"
        if took_any:
            return f"Nothing else was taken: no other clear match (the rest are under {under})."
        return f"No suggestion taken: no clear match (every guess is under {under})."
    listed = ", ".join(
        f"{names.get(m.competency_id, m.competency_id)} {shown_share(m.confidence)}" for m in clear
    )
    head = "Left for you to decide" if took_any else "No suggestion taken, as none is sure enough"
    return (
        f"{head}: {listed}. A suggestion is taken only at {bar} or more, the bar feedback "
        "uses to pre-select one; below it the guess is more often wrong than right."
    )

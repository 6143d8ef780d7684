"""What deleting records does to the growth plan: nothing it quoted stays behind."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only named in annotations: showing an application (which lists its feedback, whose
    # removal forgets what the plan quotes) never imports the plan, ~0.05 s.
    from nextround.domain.plan import PlanAction

#: What a done action says once the evidence it quoted is deleted: its title, competency
#: and day stay, as the record of work done (and the streak it counts in).
ERASED_WHY = "The evidence behind this action was deleted; it stays as work you did."
#: Shorter than this, a deleted text is too common to look for in the plan's words.
_MIN_QUOTED = 8


@dataclass(frozen=True)
class Erased:
    """Records being deleted, as the plan may cite them.

    ``refs`` are evidence references ("feedback:12" for statement 12, "debrief:3",
    "self-rating:3"); ``rounds`` and ``stories`` the ids that actions about them carry in
    their own id ("prepare:round-5:…", "story:…:sharpen-2"); ``texts`` what the person
    wrote or pasted in them (statements, a decision's reason, a story's title, a debrief's
    notes), which the plan's words may quote.
    """

    refs: frozenset[str] = frozenset()
    rounds: frozenset[int] = frozenset()
    stories: frozenset[int] = frozenset()
    texts: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.refs or self.rounds or self.stories or self.quoted)

    @property
    def quoted(self) -> tuple[str, ...]:
        """The deleted texts worth looking for, each as the plan would quote it."""
        out = []
        for text in self.texts:
            core = " ".join(text.split()).strip(" .;:,!?\"'“”‘’")
            if len(core) >= _MIN_QUOTED:
                out.append(core)
        return tuple(dict.fromkeys(out))

    def __or__(self, other: Erased) -> Erased:
        return Erased(
            self.refs | other.refs,
            self.rounds | other.rounds,
            self.stories | other.stories,
            (*self.texts, *other.texts),
        )


_ROUND = re.compile(r"(?:^|[:-])round-(\d+)(?=$|[:-])")
_STORY = re.compile(r"(?:story|sharpen)-(\d+)(?=$|[:-])")


def rests_on(action: PlanAction, erased: Erased) -> bool:
    """Whether the action cites, is about, or quotes any of the deleted records."""
    if erased.refs.intersection(action.evidence_refs):
        return True
    if any(int(n) in erased.rounds for n in _ROUND.findall(action.id)):
        return True
    if any(int(n) in erased.stories for n in _STORY.findall(action.id)):
        return True
    return quotes(f"{action.title}\n{action.detail}\n{action.why}", erased)


def quotes(words: str, erased: Erased) -> bool:
    """Whether ``words`` (a plan action's, a note's) quote any of the deleted texts."""
    plain = _plain(words)
    return any(_plain(text) in plain for text in erased.quoted)


def _plain(text: str) -> str:
    # Quotes are often folded in with their case and spacing changed ("they felt …").
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class PlanForgetting:
    """The plan once the deleted records are forgotten, and what that changed."""

    actions: list[PlanAction]
    #: Open actions that rested on the deleted records: gone.
    dropped: int = 0
    #: Done actions that quoted or cited them: kept as history, without those words.
    emptied: int = 0

    @property
    def changed(self) -> bool:
        """Whether anything in the plan changed."""
        return bool(self.dropped or self.emptied)


def forget(actions: Sequence[PlanAction], erased: Erased) -> PlanForgetting:
    """The plan without what rested on ``erased``.

    An open action built from a deleted record goes: the next refresh rebuilds it from the
    evidence that is left, if any still calls for it. A done action stays (it is work the
    person did, and counts in their streak) but loses its explanation and every deleted
    text it quoted, and its references to the deleted records.
    """
    if not erased:
        return PlanForgetting(list(actions))
    kept: list[PlanAction] = []
    dropped = emptied = 0
    for action in actions:
        if not rests_on(action, erased):
            kept.append(action)
        elif not action.done:
            dropped += 1
        else:
            emptied += 1
            kept.append(
                replace(
                    action,
                    title=_without(action.title, erased.quoted),
                    detail="",
                    why=ERASED_WHY,
                    evidence_refs=tuple(r for r in action.evidence_refs if r not in erased.refs),
                )
            )
    return PlanForgetting(kept, dropped, emptied)


def _without(title: str, texts: Iterable[str]) -> str:
    """The title with each deleted text it quotes replaced by an ellipsis."""
    for text in texts:
        title = re.sub(re.escape(text), "…", title, flags=re.IGNORECASE)
    return title

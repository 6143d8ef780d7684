"""The plan's actions in groups by kind, each with its heading, as every page shows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nextround.domain.plan import PlanAction
from nextround.domain.plan_ideas import ActionKind

#: How each kind of action is introduced in the whole plan: a heading and a short note.
KIND_TITLES: dict[str, tuple[str, str]] = {
    ActionKind.PREPARE.value: (
        "Get ready for your next interview",
        "Stories to rehearse and answers to practise for the round coming up.",
    ),
    ActionKind.POSITION.value: (
        "Position your experience",
        "A “no” named experience or level, or a career break is on your record: show the "
        "experience you have, in the role's words.",
    ),
    ActionKind.MITIGATE.value: ("Close your gaps", "Practice aimed at what the evidence says."),
    ActionKind.PRACTICE.value: (
        "Get past the round where you stop",
        "Most of your processes end at one kind of round: practise it as it runs.",
    ),
    ActionKind.LEAN_IN.value: ("Lean into your spikes", "Make your strengths impossible to miss."),
    ActionKind.STORY.value: ("Stories to write or sharpen", "Precise stories behind what matters."),
    ActionKind.CLARIFY.value: (
        "Questions to ask",
        "Ask for the feedback a “no” came without, and the details behind vague feedback.",
    ),
    ActionKind.CUSTOM.value: ("Your own actions", ""),
}

_KINDS = [kind.value for kind in ActionKind]


@dataclass(frozen=True)
class PlanGroup:
    """The actions of one kind, in the plan's order, under their heading."""

    kind: str
    title: str
    note: str
    actions: tuple[PlanAction, ...]


def kind_title(kind: str) -> tuple[str, str]:
    """A kind's heading and note; a kind with none yet is named from itself, never dropped.

    "career_break" reads "Career break": a kind added to the plan shows under its own name
    wherever the plan is shown, before anyone writes it a heading.
    """
    known = KIND_TITLES.get(kind)
    if known is not None:
        return known
    words = kind.replace("_", " ").replace("-", " ").strip() or "Other actions"
    return words[0].upper() + words[1:], ""


def _priority(action: PlanAction) -> tuple[int, int, str]:
    # The plan's own order: kinds by priority (unknown ones last), then the plan's rank.
    kind = _KINDS.index(action.kind) if action.kind in _KINDS else len(_KINDS)
    return (kind, action.rank, action.id)


def plan_groups(actions: Sequence[PlanAction]) -> list[PlanGroup]:
    """The actions grouped by kind: kinds in priority order, each kind in the plan's order."""
    groups: dict[str, list[PlanAction]] = {}
    for action in sorted(actions, key=_priority):
        groups.setdefault(action.kind, []).append(action)
    return [PlanGroup(kind, *kind_title(kind), tuple(found)) for kind, found in groups.items()]

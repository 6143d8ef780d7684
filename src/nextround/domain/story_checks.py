"""Precision checks for a STAR story: numbers, own actions, result, vague words, length.

Each finding costs points (domain.story_score), so the score says what a demanding coach
would: a story with a problem is far from ready, one with only tips is ready.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from nextround.domain import story_score as cost
from nextround.domain import story_wording as wording
from nextround.domain.story_wording import vague_wording

WORDS_PER_MINUTE = 150
DEFAULT_BUDGET_SECONDS = 120


class StarStory(Protocol):
    """The four STAR parts of a story, and its title."""

    @property
    def title(self) -> str:
        """The story's title."""

    @property
    def situation(self) -> str:
        """The context."""

    @property
    def task(self) -> str:
        """What had to be done."""

    @property
    def action(self) -> str:
        """What the person did."""

    @property
    def result(self) -> str:
        """What came of it."""


class Severity(StrEnum):
    """How much a finding matters: a problem must be fixed before the story is ready."""

    INFO = "info"
    WARNING = "warning"
    PROBLEM = "problem"


CHECKS = ("numbers", "own_actions", "result", "vague_words", "length", "balance")
#: What each check looks at, as the CLI and the web app name it.
CHECK_NAMES = {
    "numbers": "numbers",
    "own_actions": "your own actions",
    "result": "a result",
    "vague_words": "vague words",
    "length": "length",
    "balance": "balance",
}


@dataclass(frozen=True)
class Finding:
    """One thing to improve in a story, with the fix in plain English and what it costs."""

    check: str
    severity: Severity
    message: str
    fix: str
    #: The points it takes off the score (see domain.story_score).
    cost: int

    @property
    def check_name(self) -> str:
        """The check it comes from, as people call it ('your own actions')."""
        return CHECK_NAMES[self.check]

    def to_json(self) -> dict[str, Any]:
        """The finding as plain strings, and its cost in points."""
        return {
            "check": self.check,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "cost": self.cost,
        }


def clock_time(seconds: float) -> str:
    """Seconds as minutes and seconds, "0:47" or "2:05", rounded to the nearest second."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


@dataclass(frozen=True)
class StoryCheck:
    """The precision checks of one story and what they found."""

    title: str
    words: int
    speaking_seconds: float
    budget_seconds: int
    numbers: tuple[str, ...]
    i_count: int
    we_count: int
    vague_words: tuple[str, ...]
    findings: tuple[Finding, ...]
    # Checks with no text to read yet (no words at all, or no action to weigh the set-up
    # against): they neither pass nor fail, so an empty page never scores.
    unchecked: tuple[str, ...] = ()
    #: The points what is written keeps whatever the findings cost (domain.story_score).
    floor: int = 0

    @property
    def spoken(self) -> str:
        """The speaking time as every surface writes it: minutes and seconds, "0:47"."""
        return clock_time(self.speaking_seconds)

    @property
    def budget_spoken(self) -> str:
        """The time budget, written the same way: "2:00"."""
        return clock_time(self.budget_seconds)

    @property
    def passed(self) -> tuple[str, ...]:
        """The checks that read some text and found nothing worse than a tip."""
        failing = {f.check for f in self.findings if f.severity is not Severity.INFO}
        return tuple(c for c in CHECKS if c not in failing and c not in self.unchecked)

    @property
    def waiting_for_text(self) -> str:
        """The unchecked checks by name, e.g. 'numbers, vague words, balance'."""
        return ", ".join(CHECK_NAMES[c] for c in self.unchecked)

    @property
    def total(self) -> int:
        """How many checks a story gets."""
        return len(CHECKS)

    @property
    def score(self) -> float:
        """0 to 1: what is left of 100 points once each finding's cost is taken off.

        Never below the floor the written parts keep, so weak reads above empty.
        """
        return cost.score((f.cost for f in self.findings), self.floor)

    @property
    def floor_note(self) -> str | None:
        """Why the score is above 100 less the costs, when the floor lifted it."""
        return cost.floor_note(sum(f.cost for f in self.findings), self.floor)

    @property
    def ready(self) -> bool:
        """Whether the story passes every check (tips aside) and can be told as it is."""
        return len(self.passed) == len(CHECKS)

    @property
    def costs(self) -> list[tuple[str, int]]:
        """What takes points off, by check, the costliest first: [('your own actions', 40)]."""
        by_check: dict[str, int] = {}
        for finding in self.findings:
            by_check[finding.check_name] = by_check.get(finding.check_name, 0) + finding.cost
        return sorted(by_check.items(), key=lambda item: -item[1])

    def to_json(self) -> dict[str, Any]:
        """The measurements, findings, score and readiness."""
        return {
            "title": self.title,
            "words": self.words,
            "speaking_seconds": round(self.speaking_seconds, 1),
            "budget_seconds": self.budget_seconds,
            "numbers": list(self.numbers),
            "i_count": self.i_count,
            "we_count": self.we_count,
            "vague_words": list(self.vague_words),
            "findings": [f.to_json() for f in self.findings],
            "passed": list(self.passed),
            "unchecked": list(self.unchecked),
            "score": round(self.score, 4),
            "floor": self.floor,
            "ready": self.ready,
        }


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def check_story(story: StarStory, budget_seconds: int = DEFAULT_BUDGET_SECONDS) -> StoryCheck:
    """Check a story for numbers, own actions, a result, vague words, length and balance."""
    parts = (story.situation, story.task, story.action, story.result)
    text = "\n".join(parts)
    words = len(wording.words(text))
    seconds = words / WORDS_PER_MINUTE * 60
    numbers = tuple(wording.numbers(text))
    mine, ours, steps = wording.pronouns(story.action)
    vague = tuple(vague_wording(text))
    if not words:
        # Nothing to measure: say what to write first, and let nothing pass on an empty page.
        findings = [
            _EMPTY,
            *_check_own_actions(story.action, mine, ours, steps),
            *_check_result(story.result),
        ]
        unchecked: tuple[str, ...] = ("numbers", "vague_words", "balance")
    else:
        findings = [
            *_checknumbers(numbers),
            *_check_own_actions(story.action, mine, ours, steps),
            *_check_result(story.result),
            *_check_vague(vague),
            *_check_length(words, seconds, budget_seconds, bool(story.action.strip())),
            *_check_balance(story, words),
        ]
        # The balance is set-up against action; with no action, the missing action is the
        # finding (from own_actions), not the proportions.
        unchecked = () if story.action.strip() else ("balance",)
    return StoryCheck(
        title=story.title,
        words=words,
        speaking_seconds=seconds,
        budget_seconds=budget_seconds,
        numbers=numbers,
        i_count=mine,
        we_count=ours,
        vague_words=tuple(dict.fromkeys(vague)),
        findings=tuple(findings),
        unchecked=unchecked,
        floor=sum(
            cost.part_floor(len(wording.words(getattr(story, part))), enough)
            for part, enough in MIN_PART_WORDS.items()
        ),
    )


_EMPTY = Finding(
    "length",
    Severity.PROBLEM,
    "The story has no words yet.",
    "Write it in four parts: the situation in a sentence or two, your task in one, what you "
    "did step by step, and the result with its number.",
    cost.NO_WORDS,
)


def _checknumbers(numbers: Sequence[str]) -> list[Finding]:
    if numbers:
        return []
    return [
        Finding(
            "numbers",
            Severity.PROBLEM,
            "The story has no numbers, so the listener cannot tell how big it was.",
            "Add the figures that make it concrete: the scale (people, money, sites, customers "
            "an hour), how long it took, and what changed, e.g. 'from nine weeks to four' or "
            "'placed 2nd of 30 teams'.",
            cost.NO_NUMBERS,
        )
    ]


def _check_own_actions(action: str, mine: int, ours: int, steps: int) -> list[Finding]:
    """The action must say what you did yourself: at least one step with "I" acting.

    "My team", "for me" or "we" alone leave your part invisible, and so does a resume line
    with no subject at all ("Grew the org from 12 to 45"): an interviewer asks "and what
    did you do?".
    """
    if not action.strip():
        # What you did is the body of the story, so the fix says to write it, at length.
        return [
            Finding(
                "own_actions",
                Severity.PROBLEM,
                "The action is empty: the story does not say what you did.",
                "Write what you did yourself, step by step, and give it most of the time: "
                "'I decided…', 'I asked…', 'I built…'.",
                cost.NO_ACTION,
            )
        ]
    fix = (
        "Say what you did yourself: rewrite the key steps as 'I decided…', 'I asked…', "
        "'I built…', and keep 'we' for what the team achieved together."
    )
    if not steps:
        only_mine = " (only 'my' or 'me')" if mine else ""
        if ours:
            times = "once" if ours == 1 else f"{ours} times"
            message = (
                f"The action says 'we' {times} and 'I' never{only_mine}: your part is invisible."
            )
        else:
            message = (
                f"The action never says 'I'{only_mine}: it tells what happened, not the steps "
                "you took."
            )
            fix = (
                "Tell it in the first person, one step at a time: what you decided, asked, "
                "built or changed ('I decided…', 'I asked…', 'I built…'), and why."
            )
        return [Finding("own_actions", Severity.PROBLEM, message, fix, cost.NO_STEP_OF_YOURS)]
    if ours > mine:
        message = f"'We' ({ours}) outnumbers 'I' ({mine}) in the action."
        return [Finding("own_actions", Severity.WARNING, message, fix, cost.WE_OVER_I)]
    return []


def _check_result(result: str) -> list[Finding]:
    if not result.strip():
        return [
            Finding(
                "result",
                Severity.PROBLEM,
                "The story has no result.",
                "End with what happened because of your actions, and what you learned.",
                cost.NO_RESULT,
            )
        ]
    has_number = bool(wording.numbers(result))
    if not has_number and not wording.OUTCOME.search(result):
        return [
            Finding(
                "result",
                Severity.WARNING,
                "The result does not say what changed.",
                "State the outcome: what changed, by how much and for whom, e.g. 'the queue "
                "of 14 was cleared by the end of Q3' or 'we demoed on time and got 72%, the "
                "second-highest mark'. If it failed, say what you learned.",
                cost.NOTHING_CHANGED,
            )
        ]
    if not has_number:
        return [
            Finding(
                "result",
                Severity.INFO,
                "The result has no number.",
                "Put a number on the outcome if you can: time saved, cost, error rate, "
                "adoption; or, from study and part-time work, customers served, a mark or "
                "grade, a place out of N teams.",
                cost.TIP,
            )
        ]
    return []


def _check_vague(vague: Sequence[str]) -> list[Finding]:
    if not vague:
        return []
    distinct = ", ".join(f"'{w}'" for w in dict.fromkeys(vague))
    # One or two slips are normal speech; three or more make the whole story sound generic.
    many = len(vague) >= 3
    severity = Severity.WARNING if many else Severity.INFO
    return [
        Finding(
            "vague_words",
            severity,
            f"Vague wording ({len(vague)}x): {distinct}.",
            "Replace each with the specific thing: which teams, how many, what exactly you did, "
            "and what changed by how much ('went well' and 'everyone was happy' say neither).",
            cost.MANY_VAGUE_WORDS if many else cost.TIP,
        )
    ]


def _check_length(words: int, seconds: float, budget: int, has_action: bool) -> list[Finding]:
    """Against the speaking budget: over it, or too short to show how you did it.

    A crisp story of a third of the budget is fine; below a quarter there is no room for
    the steps and decisions that make it yours, and below an eighth it is a headline. With
    no action yet, that missing action is the finding (own actions), not the length.
    """
    if seconds > budget:
        over = words - budget * WORDS_PER_MINUTE // 60
        # Up to half as long again can be trimmed; beyond that the story needs restructuring.
        far = seconds > budget * 1.5
        return [
            Finding(
                "length",
                Severity.PROBLEM if far else Severity.WARNING,
                f"{words} words take about {_duration(seconds)} at {WORDS_PER_MINUTE} words a "
                f"minute; the budget is {_duration(budget)}.",
                f"Cut about {over} words: two sentences of situation, one of task, the action's "
                "key decisions, and the result with its number.",
                cost.FAR_TOO_LONG if far else cost.LONG,
            )
        ]
    if seconds < budget / 4 and has_action:
        far = seconds < budget / 8
        said = "far too short" if far else "short"
        return [
            Finding(
                "length",
                Severity.PROBLEM if far else Severity.WARNING,
                f"At about {_duration(seconds)} the story is {said} for a {_duration(budget)} "
                "answer: there is no room to show how you did it.",
                "Tell the steps you took yourself, the decisions and why, and one obstacle you "
                f"got past; aim for between {_duration(budget / 2)} and {_duration(budget)}.",
                cost.FAR_TOO_SHORT if far else cost.SHORT,
            )
        ]
    return []


#: The fewest words each STAR part needs to say something: a situation "x" sets no scene,
#: and "I did 3 things" is no action. About one short sentence each.
MIN_PART_WORDS = {"situation": 6, "task": 4, "action": 10, "result": 4}


def _check_parts(story: StarStory) -> list[Finding]:
    """A thin part, named: without it the story cannot be told, however short it may be.

    Part of the balance: every part must carry its weight. An empty action or result is
    already its own problem (own actions, result).
    """
    thin = []
    for part, least in MIN_PART_WORDS.items():
        text = getattr(story, part)
        count = len(wording.words(text))
        if count < least and (part in ("situation", "task") or text.strip()):
            thin.append(f"the {part} ({count} word{'' if count == 1 else 's'})")
    if not thin:
        return []
    listed = thin[0] if len(thin) == 1 else ", ".join(thin[:-1]) + " and " + thin[-1]
    one = len(thin) == 1
    return [
        Finding(
            "balance",
            Severity.WARNING,
            f"Too thin to tell: {listed} {'says' if one else 'say'} almost nothing.",
            "Give each part at least a sentence: the situation in "
            f"{MIN_PART_WORDS['situation']}+ words (where, what was at stake), your task in "
            f"{MIN_PART_WORDS['task']}+, what you did in {MIN_PART_WORDS['action']}+ (your "
            f"steps and decisions), and the result in {MIN_PART_WORDS['result']}+ with its "
            "number.",
            cost.THIN_PARTS,
        )
    ]


def _check_balance(story: StarStory, words: int) -> list[Finding]:
    if not story.action.strip():
        return []  # unchecked: the empty action is own_actions' finding
    thin = _check_parts(story)
    if thin:
        return thin  # the proportions of parts that say nothing mean nothing
    setup = len(wording.words(story.situation)) + len(wording.words(story.task))
    # Below ~80 words the proportions of a story are noise, not structure.
    if words < 80 or setup / words <= 0.4:
        return []
    return [
        Finding(
            "balance",
            Severity.WARNING,
            f"Situation and task take {setup / words:.0%} of the story.",
            "Keep the set-up to about a quarter and spend most of the time on what you did.",
            cost.SET_UP_HEAVY,
        )
    ]

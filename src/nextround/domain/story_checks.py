"""Precision checks for a STAR story: numbers, own actions, result, vague words, length."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

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
    """One thing to improve in a story, with the fix in plain English."""

    check: str
    severity: Severity
    message: str
    fix: str

    def to_json(self) -> dict[str, str]:
        """The finding as plain strings."""
        return {
            "check": self.check,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
        }


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
        """The share of checks passed, 0 to 1."""
        return len(self.passed) / len(CHECKS)

    @property
    def ready(self) -> bool:
        """Whether the story passes every check and can be told as it is."""
        return len(self.passed) == len(CHECKS)

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
            "ready": self.ready,
        }


# Digits with optional currency and unit, or a spelled-out quantity. "one" is left out: it is
# far more often a pronoun ("one of our clients") than a count.
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    "ninety|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|"
    "halve|halved|double|doubled|twice|triple|tripled|quadrupled"
)
_NUMBER = re.compile(
    r"(?<![\w.])[€£$]?\d+(?:[.,]\d+)*(?:\s?(?:%|percent|k|m|bn|x)\b|%)?"
    rf"|\b(?:{_NUMBER_WORDS})\b",
    re.IGNORECASE,
)
# A bare year ("in 2023") dates the story but measures nothing.
_YEAR = re.compile(r"^(?:19|20)\d\d$")

_I_WORDS = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine"})
_WE_WORDS = frozenset({"we", "we're", "we've", "we'd", "we'll", "our", "ours", "us", "ourselves"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")

# Words that sound like content but tell the listener nothing they could check.
VAGUE_WORDS = (
    "various",
    "some",
    "several",
    "many",
    "things",
    "stuff",
    "a lot",
    "lots of",
    "etc",
    "and so on",
    "helped",
    "worked on",
    "was involved",
    "were involved",
    "successfully",
    "basically",
    "kind of",
    "sort of",
    "somehow",
    "made sure",
    "on the same page",
    "everybody",
)
_VAGUE = re.compile(r"\b(" + "|".join(re.escape(w) for w in VAGUE_WORDS) + r")\b", re.IGNORECASE)

# Outcome phrases that claim success without saying what it was: the first lines an
# interview coach strikes ("it went really well", "everyone was happy").
_INTENSIFIER = r"(?:really|very|so|extremely|super|quite|pretty|incredibly|exceptionally)"
# "well" as a verdict, not "well ahead of", "well-known" or "as well".
_WELL = r"well(?![-\w])(?! (?:ahead|before|after|over|under|above|below|within|beyond|past|into))"
_VAGUE_OUTCOME = re.compile(
    rf"\b(?:went|worked|turned out|played out|landed|did) (?:{_INTENSIFIER} )?{_WELL}"
    rf"|\b(?<!as ){_INTENSIFIER} {_WELL}"
    # "we communicated it well", "I handled the rollout well": a verdict in place of the how.
    rf"|\b(?!as\b)[a-z]+ed (?:it|this|that|them|things|everything|the \w+) (?:{_INTENSIFIER} )?"
    rf"{_WELL}"
    r"|\b(?:every(?:one|body)|everyone involved|all (?:the )?\w+|the \w+|they|stakeholders|"
    r"customers|leadership|management) (?:was|were|felt|seemed|is|are) (?:all )?"
    rf"(?:{_INTENSIFIER} )?(?:happy|pleased|satisfied|delighted|thrilled|impressed|on board)\b"
    rf"|\b(?:{_INTENSIFIER}|highly|hugely|wildly|massively) successful\b"
    r"|\b(?:a|an) (?:big|huge|great|massive|real|resounding|complete|total) success\b",
    re.IGNORECASE,
)
# Comparatives that promise a size and give none (and "positive feedback" from nobody
# counted): vague unless a number sits in the same sentence ("cut latency significantly,
# from 900 ms to 120 ms" says by how much).
_SIZE_ADVERB = (
    r"(?:significantly|substantially|dramatically|drastically|considerably|massively|vastly|"
    r"hugely|tremendously|greatly|noticeably|markedly|a great deal)"
)
_COMPARED = (
    r"(?:better|worse|improved|faster|slower|quicker|higher|lower|cheaper|more|less|fewer|"
    r"reduced|increased|decreased|smoother|easier|stronger)"
)
_VAGUE_SIZE = re.compile(
    rf"\b(?:{_SIZE_ADVERB}(?: {_COMPARED}\b)?|(?:much|far|way) {_COMPARED}\b"
    r"|positive (?:feedback|impact|outcome|results?)\b)",
    re.IGNORECASE,
)
# A sentence ends at . ! ? before a space or the end, not inside "1.2" or "e.g.x".
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+[.!?]*")


def vague_wording(text: str) -> list[str]:
    """The vague words and phrases of a text, lower-cased, in the order they appear.

    A phrase found inside a longer one counts once, as the longer one ("everybody was
    happy", not also "everybody").
    """
    found = [(m.start(), m.end()) for m in _VAGUE.finditer(text)]
    found += [(m.start(), m.end()) for m in _VAGUE_OUTCOME.finditer(text)]
    for sentence in _SENTENCE.finditer(text):
        if not _numbers(sentence.group()):
            found += [
                (sentence.start() + m.start(), sentence.start() + m.end())
                for m in _VAGUE_SIZE.finditer(sentence.group())
            ]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            continue  # inside (or overlapping) one already kept
        kept.append((start, end))
    return [" ".join(text[start:end].lower().split()) for start, end in kept]


# Verbs that report a change in the world; "went well" and "was happy" are not among them.
_OUTCOME = re.compile(
    r"\b(reduc|increas|cut|sav|grew|grow|improv|launch|deliver|won|win|approv|fell|rose|"
    r"went (?:up|down|live)|clear|achiev|ship|adopt|avoid|prevent|caught|complet|decreas|"
    r"doubl|halv|raised|exceed|beat|hired|promot|accept|signed|closed|resolv|retain|recover|"
    r"on time|under budget|ahead of)\w*",
    re.IGNORECASE,
)


def measured(text: str) -> tuple[list[str], bool]:
    """The numbers a text gives (bare years left out), and whether it reports an outcome."""
    return _numbers(text), bool(_OUTCOME.search(text))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _numbers(text: str) -> list[str]:
    return [m.group().strip() for m in _NUMBER.finditer(text) if not _YEAR.match(m.group())]


def _pronouns(action: str) -> tuple[int, int]:
    mine = ours = 0
    for raw in _words(action.replace("’", "'")):
        word = raw.lower()
        if word in _I_WORDS:
            mine += 1
        elif word in _WE_WORDS and raw != "US":  # "US" is a country, not us
            ours += 1
    return mine, ours


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def check_story(story: StarStory, budget_seconds: int = DEFAULT_BUDGET_SECONDS) -> StoryCheck:
    """Check a story for numbers, own actions, a result, vague words, length and balance."""
    parts = (story.situation, story.task, story.action, story.result)
    text = "\n".join(parts)
    words = len(_words(text))
    seconds = words / WORDS_PER_MINUTE * 60
    numbers = tuple(_numbers(text))
    mine, ours = _pronouns(story.action)
    vague = tuple(vague_wording(text))
    if not words:
        # Nothing to measure: say what to write first, and let nothing pass on an empty page.
        findings = [
            _EMPTY,
            *_check_own_actions(story.action, mine, ours),
            *_check_result(story.result),
        ]
        unchecked: tuple[str, ...] = ("numbers", "vague_words", "balance")
    else:
        findings = [
            *_check_numbers(numbers),
            *_check_own_actions(story.action, mine, ours),
            *_check_result(story.result),
            *_check_vague(vague),
            *_check_length(words, seconds, budget_seconds),
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
    )


_EMPTY = Finding(
    "length",
    Severity.PROBLEM,
    "The story has no words yet.",
    "Write it in four parts: the situation in a sentence or two, your task in one, what you "
    "did step by step, and the result with its number.",
)


def _check_numbers(numbers: Sequence[str]) -> list[Finding]:
    if numbers:
        return []
    return [
        Finding(
            "numbers",
            Severity.PROBLEM,
            "The story has no numbers, so the listener cannot tell how big it was.",
            "Add the figures that make it concrete: the scale (people, money, sites), how long "
            "it took, and what changed, e.g. 'from nine weeks to four'.",
        )
    ]


def _check_own_actions(action: str, mine: int, ours: int) -> list[Finding]:
    if not action.strip():
        # What you did is the body of the story, so the fix says to write it, at length.
        return [
            Finding(
                "own_actions",
                Severity.PROBLEM,
                "The action is empty: the story does not say what you did.",
                "Write what you did yourself, step by step, and give it most of the time: "
                "'I decided…', 'I asked…', 'I built…'.",
            )
        ]
    fix = (
        "Say what you did yourself: rewrite the key steps as 'I decided…', 'I asked…', "
        "'I built…', and keep 'we' for what the team achieved together."
    )
    if ours and not mine:
        times = "once" if ours == 1 else f"{ours} times"
        message = f"The action says 'we' {times} and 'I' never: your part is invisible."
        return [Finding("own_actions", Severity.PROBLEM, message, fix)]
    if ours > mine:
        message = f"'We' ({ours}) outnumbers 'I' ({mine}) in the action."
        return [Finding("own_actions", Severity.WARNING, message, fix)]
    return []


def _check_result(result: str) -> list[Finding]:
    if not result.strip():
        return [
            Finding(
                "result",
                Severity.PROBLEM,
                "The story has no result.",
                "End with what happened because of your actions, and what you learned.",
            )
        ]
    has_number = bool(_numbers(result))
    if not has_number and not _OUTCOME.search(result):
        return [
            Finding(
                "result",
                Severity.WARNING,
                "The result does not say what changed.",
                "State the outcome: what changed, by how much and for whom, e.g. 'the queue "
                "of 14 was cleared by the end of Q3'. If it failed, say what you learned.",
            )
        ]
    if not has_number:
        return [
            Finding(
                "result",
                Severity.INFO,
                "The result has no number.",
                "Put a number on the outcome if you can: time saved, cost, error rate, adoption.",
            )
        ]
    return []


def _check_vague(vague: Sequence[str]) -> list[Finding]:
    if not vague:
        return []
    distinct = ", ".join(f"'{w}'" for w in dict.fromkeys(vague))
    # One or two slips are normal speech; three or more make the whole story sound generic.
    severity = Severity.WARNING if len(vague) >= 3 else Severity.INFO
    return [
        Finding(
            "vague_words",
            severity,
            f"Vague wording ({len(vague)}x): {distinct}.",
            "Replace each with the specific thing: which teams, how many, what exactly you did, "
            "and what changed by how much ('went well' and 'everyone was happy' say neither).",
        )
    ]


def _check_length(words: int, seconds: float, budget: int) -> list[Finding]:
    if seconds > budget:
        over = words - budget * WORDS_PER_MINUTE // 60
        # Up to half as long again can be trimmed; beyond that the story needs restructuring.
        severity = Severity.WARNING if seconds <= budget * 1.5 else Severity.PROBLEM
        return [
            Finding(
                "length",
                severity,
                f"{words} words take about {_duration(seconds)} at {WORDS_PER_MINUTE} words a "
                f"minute; the budget is {_duration(budget)}.",
                f"Cut about {over} words: two sentences of situation, one of task, the action's "
                "key decisions, and the result with its number.",
            )
        ]
    if seconds < budget / 4:
        return [
            Finding(
                "length",
                Severity.INFO,
                f"At about {_duration(seconds)} the story is short for a {_duration(budget)} "
                "answer.",
                "There is room for more concrete detail: a number, a decision or an obstacle.",
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
        count = len(_words(text))
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
        )
    ]


def _check_balance(story: StarStory, words: int) -> list[Finding]:
    if not story.action.strip():
        return []  # unchecked: the empty action is own_actions' finding
    thin = _check_parts(story)
    if thin:
        return thin  # the proportions of parts that say nothing mean nothing
    setup = len(_words(story.situation)) + len(_words(story.task))
    # Below ~80 words the proportions of a story are noise, not structure.
    if words < 80 or setup / words <= 0.4:
        return []
    return [
        Finding(
            "balance",
            Severity.WARNING,
            f"Situation and task take {setup / words:.0%} of the story.",
            "Keep the set-up to about a quarter and spend most of the time on what you did.",
        )
    ]

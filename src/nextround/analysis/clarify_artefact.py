"""What a piece of feedback judged when it is about a deliverable, not a conversation.

A take-home, a design challenge or a portfolio is judged on what was handed in: asking
"which moment in our conversation" about it shows the feedback was not read. The
questions ask which part of the deliverable showed it, and what a strong one would have
shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nextround.analysis.feedback_words import without_frame

# The deliverable as the feedback names it: "the challenge solution", "your portfolio case
# studies", "the deck". Up to two words before the noun name which one ("the challenge").
# The noun is read whole, a compound too ("case study", "take-home", "design doc"): its
# last word alone ("study", "home") is no deliverable.
_NAMED = re.compile(
    r"\b(?P<whose>your|the|my)\s+(?P<what>(?:[\w-]+\s+){0,2}?"
    r"(?:portfolio\s+)?(?P<noun>solution|submission|portfolio|case\s+stud(?:y|ies)|"
    # Not "challenge" alone: "the biggest challenge" is rarely a deliverable.
    r"deck|take[- ]home(?:\s+(?:task|test|exercise|assignment))?|assignment|write[- ]?up|"
    r"prototype|mock-?ups?|wireframes?|design\s+doc(?:ument)?s?))\b",
    re.IGNORECASE,
)
# Words before the noun that are no part of its name: "the final solution" is the solution.
_NOT_A_NAME = re.compile(r"^(?:whole|final|overall|actual|submitted|entire)\s+", re.IGNORECASE)
# A round named for what was handed in: "Design challenge (take-home)", "Portfolio review".
_ROUND = (
    (re.compile(r"\bportfolio\b", re.IGNORECASE), "my portfolio", "portfolio"),
    (re.compile(r"\bcase stud(?:y|ies)\b", re.IGNORECASE), "my case study", "case study"),
    (re.compile(r"\b(?:take[- ]?home|assignment|challenge)\b", re.IGNORECASE), "my solution",
     "solution"),
    (re.compile(r"\bpresentation\b", re.IGNORECASE), "my presentation", "presentation"),
)  # fmt: skip
# What the person handed in under a task's name: "a strong solution", not "a strong take-home".
_HANDED_IN = re.compile(r"take[- ]home\b.*|assignment", re.IGNORECASE)


@dataclass(frozen=True)
class Deliverable:
    """What was handed in, as the person says it ("the challenge solution", "my portfolio")."""

    said: str
    noun: str  # what a strong one is: "solution" ("What would a strong solution have shown")


def deliverable(statement: str, round_name: str | None, *, take_home: bool) -> Deliverable | None:
    """The deliverable the statement judged: named in it, else the round's own, else None.

    "the challenge solution didn't consider accessibility" is about the challenge solution
    whatever the round; in a round named "Portfolio review" (or of kind take-home,
    ``take_home``) a statement naming none is about the portfolio (the solution). A live
    case interview names no deliverable: what was said there is asked about by its moment.
    """
    match = _NAMED.search(without_frame(statement))
    if match:
        what = _NOT_A_NAME.sub("", " ".join(match["what"].split()).lower())
        whose = "the" if match["whose"].lower() == "the" else "my"
        return Deliverable(f"{whose} {what}", _one_of(match["noun"]))
    for pattern, said, noun in _ROUND:
        if round_name and pattern.search(round_name):
            return Deliverable(said, noun)
    return Deliverable("my solution", "solution") if take_home else None


def _one_of(noun: str) -> str:
    """The deliverable's noun, whole and singular: "case studies" is "case study"."""
    words = " ".join(noun.split()).lower()
    if _HANDED_IN.fullmatch(words):
        return "solution"
    if words.endswith("studies"):
        return words[: -len("studies")] + "study"
    return words[:-1] if words.endswith(("ups", "frames", "docs", "documents")) else words

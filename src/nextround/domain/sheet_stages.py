"""A spreadsheet's "Stage reached" cell ("OA", "Assessment centre") as the rounds it names.

Only the stages the cell names become rounds, in the order written ("OA, phone screen, AC"
is three): a stage the person did not write down is not guessed at, as a round invented
before "Assessment centre" would count in every pass rate. Each round keeps the person's own
words as its name, and gets the kind those words say ("HackerRank OA" is an online
assessment, "Video interview" a screen held on video). A Status that says where the process
ended ("rejected after OA", "Rejected at assessment centre") names its stage the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from nextround.domain.journey import RoundKind, RoundMode
from nextround.domain.sheet_statuses import status_words


@dataclass(frozen=True)
class StageRound:
    """A round a sheet's stage names: the words written, its kind and how it was held."""

    name: str
    kind: RoundKind
    mode: RoundMode | None = None


def dated_by_import(
    started_on: date, applied_on: date, created: datetime | None, app_created: datetime | None
) -> bool:
    """Whether a round's day is only the import's stand-in, not the day it happened.

    A sheet gives no day for the stages it names: the import dates each round the day
    applied and writes it in the same stroke as its application (one creation stamp). Such
    a round says nothing of how long the process took; once re-dated (`round edit --on`),
    or added later by hand, it does.
    """
    return started_on == applied_on and created is not None and created == app_created


def _words(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in phrases)


#: The words that name a kind of round, most telling first: the first rule with a phrase
#: among the stage's words gives its kind ("Final technical interview" is a final round).
_RULES: tuple[tuple[tuple[tuple[str, ...], ...], RoundKind, RoundMode | None], ...] = (
    (_words("assessment centre", "assessment center", "ac", "assessment day", "superday",
            "super day"), RoundKind.ASSESSMENT_CENTRE, None),
    (_words("final", "finals", "onsite", "on site"), RoundKind.FINAL_LOOP, None),
    (_words("panel"), RoundKind.PANEL, None),
    (_words("oa", "online assessment", "online assessments", "online test", "online tests",
            "hackerrank", "codility", "codesignal", "coderbyte", "aptitude", "numerical",
            "verbal reasoning", "logical reasoning", "sjt", "situational judgement",
            "situational judgment", "psychometric", "psychometrics", "game based",
            "games based", "gamified", "coding test", "coding challenge", "online coding",
            "test", "tests", "assessment"), RoundKind.ASSESSMENT, None),
    (_words("video interview", "hirevue", "recorded interview", "video screen",
            "pre recorded", "prerecorded"), RoundKind.SCREEN, RoundMode.VIDEO),
    (_words("phone screen", "phone interview", "phone call", "telephone interview",
            "telephone screen", "phone"), RoundKind.SCREEN, RoundMode.PHONE),
    (_words("screen", "screening", "recruiter", "recruiter call", "hr", "hr call",
            "intro call", "introductory call"), RoundKind.SCREEN, None),
    (_words("take home", "takehome", "home assignment", "assignment", "home test"),
     RoundKind.TAKE_HOME, None),
    (_words("case", "case study"), RoundKind.CASE, None),
    (_words("technical", "tech", "coding interview", "system design", "pair programming",
            "pairing"), RoundKind.TECHNICAL, None),
    (_words("hiring manager", "manager"), RoundKind.HIRING_MANAGER, None),
    (_words("presentation", "portfolio"), RoundKind.PRESENTATION, None),
    # An interview the words say no more of ("First interview", "2nd interview") is of no
    # kind it can be told from: "other", as a round added with no kind chosen is.
    (_words("interview", "interviews", "interviewed", "round", "rounds"), RoundKind.OTHER, None),
)  # fmt: skip
_LONGEST = max(len(p) for phrases, _, _ in _RULES for p in phrases)
#: Cells that name no stage past applying: no round, and not a word to report.
_NO_STAGE = frozenset(
    _words("applied", "application", "application submitted", "submitted", "cv", "cv sent",
           "none", "no", "n a", "na", "nothing", "not started", "cv screen")
)  # fmt: skip
#: "OA, phone screen, AC", "OA > AC", "OA then AC": stages one after another.
_SEPARATORS = re.compile(r"\s*(?:[,;>|→]|->|/|\bthen\b)\s*", re.IGNORECASE)
#: "rejected after OA", "Rejected at assessment centre": the words naming the stage.
_AT_STAGE = re.compile(r"\b(?:after|at|following|post|in)\s+(?:the\s+|an?\s+)?(.+)$", re.I)


def stage_rounds(text: str) -> tuple[StageRound, ...] | None:
    """The rounds a stage cell names, in order; () when it names none; None: words not known.

    A cell with one part not known is not known as a whole, so no round is half-read.
    """
    if status_words(text) in _NO_STAGE:
        return ()  # "N/A" is no two stages
    parts = [p.strip() for p in _SEPARATORS.split(text.strip()) if p.strip(" -")]
    rounds: list[StageRound] = []
    for part in parts:
        words = status_words(part)
        if not words or words in _NO_STAGE:
            continue
        found = _kind(words)
        if found is None:
            return None
        # The person's words, titled as a round is ("phone screen" is "Phone screen").
        rounds.append(StageRound(part[:1].upper() + part[1:], *found))
    return tuple(rounds)


def status_stage(status: str) -> tuple[StageRound, ...]:
    """The stage a Status names for where the process ended ("rejected after OA"); () if none.

    Words after "after" or "at" not known as a stage name none: a status is read for its
    ending, and its other words ("rejected after 2 weeks") are kept as the reason.
    """
    match = _AT_STAGE.search(status)
    if match is None:
        return ()
    return stage_rounds(match.group(1).strip(" .!)")) or ()


def _kind(words: tuple[str, ...]) -> tuple[RoundKind, RoundMode | None] | None:
    spans = {
        words[i : i + size]
        for size in range(1, min(_LONGEST, len(words)) + 1)
        for i in range(len(words) - size + 1)
    }
    for phrases, kind, mode in _RULES:
        if any(p in spans for p in phrases):
            return kind, mode
    return None

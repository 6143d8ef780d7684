"""The round of its application a feedback statement names ("your take-home", "round 2").

A rejection email often covers the whole process: praise for the take-home (round 2), then
the system design (round 3) that decided it. Filed under the item's one round, the praise
would read as said of the system design. A statement that names another round of the same
application, by its name, an interview's title, its kind or format ("the take-home", "the
ML system design") or its place ("the first round"), is filed under that round; one that
names none, or names two alike, stays with the item's round.

People shorten a round's name when they speak of it: "your QBR" for "Mock QBR
presentation", "the role-play" for "Angry customer role-play". When no round is named in
full, a part of a name or title that no other round of the application shares names its
round: two words or more in a row, or a word written in capitals (an acronym).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from nextround.domain.feedback import Feedback
from nextround.domain.journey import InterviewFormat, Round, RoundKind
from nextround.domain.statements import FeedbackStatement

#: Words that name a kind of round, said of an interview rather than of people: "the panel
#: were impressed" is the people, "the panel interview" the round.
_KIND_PHRASES: dict[RoundKind, tuple[str, ...]] = {
    RoundKind.SCREEN: ("recruiter screen", "phone screen", "screening call", "recruiter call",
                       "initial screen", "screening interview", "phone interview"),
    RoundKind.ASSESSMENT: ("online assessment", "online test", "coding test", "hackerrank",
                           "codility", "aptitude test"),
    RoundKind.HIRING_MANAGER: ("hiring manager interview", "hiring manager round",
                               "hiring manager chat", "hiring manager call"),
    RoundKind.TECHNICAL: ("technical interview", "technical round"),
    RoundKind.CASE: ("case study", "case interview"),
    RoundKind.TAKE_HOME: ("take home", "takehome", "home assignment", "home test"),
    RoundKind.FINAL_LOOP: ("onsite", "final loop"),
    RoundKind.PANEL: ("panel interview", "interview panel"),
    RoundKind.PRESENTATION: ("presentation",),
    RoundKind.ASSESSMENT_CENTRE: ("assessment centre", "assessment center", "assessment day"),
}  # fmt: skip
_FORMAT_PHRASES: dict[InterviewFormat, tuple[str, ...]] = {
    InterviewFormat.SYSTEM_DESIGN: ("system design",),
    InterviewFormat.CODING: ("coding interview", "coding round", "live coding",
                             "pair programming"),
    InterviewFormat.CASE: ("case study", "case interview"),
    InterviewFormat.PRESENTATION: ("presentation",),
    InterviewFormat.BEHAVIOURAL: ("behavioural interview", "behavioral interview"),
    InterviewFormat.GROUP_EXERCISE: ("group exercise",),
}  # fmt: skip
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
_NUMBERS = ("one", "two", "three", "four", "five", "six")
#: Words of a name that say it is a meeting, not which one: "Hiring manager chat" without
#: them is "hiring manager", a person as often as a round.
_EVENT_WORDS = frozenset({
    "round", "interview", "interviews", "stage", "call", "chat", "session", "meeting",
    "conversation", "discussion", "with", "and", "the", "a", "an", "of", "for", "my", "your",
})  # fmt: skip
#: What a name may shrink to that names people or is too common to tell a round by.
_TOO_COMMON = frozenset({
    "panel", "technical", "final", "screen", "manager", "hiring manager", "team", "case",
    "recruiter", "hr", "head", "head of", "staff", "interviewer", "interviewers",
})  # fmt: skip
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def words_of(text: str) -> str:
    """Lower-case words separated by single spaces: "Take-home:" is "take home"."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def round_phrases(round_: Round, last: bool = False) -> set[str]:
    """The phrases that name ``round_`` in a sentence (see the module's docstring)."""
    phrases: set[str] = set(_KIND_PHRASES.get(round_.kind, ()))
    for label in (round_.name, *(i.title for i in round_.interviews)):
        phrases |= _label_phrases(label)
    for interview in round_.interviews:
        if interview.format is not None:
            phrases |= set(_FORMAT_PHRASES.get(interview.format, ()))
    if round_.position and round_.position <= len(_ORDINALS):
        n = round_.position
        phrases |= {f"{_ORDINALS[n - 1]} round", f"round {n}", f"round {_NUMBERS[n - 1]}",
                    f"{_ORDINALS[n - 1]} interview"}  # fmt: skip
    if last:
        phrases |= {"final round", "last round", "final interview", "last interview"}
    return phrases


def _label_phrases(label: str) -> set[str]:
    """A name or title as a phrase, and the same without its meeting words, each in parts.

    "ML system design with Staff DS" gives "ml system design"; "Hiring manager chat" gives
    nothing but itself, as "hiring manager" is a person too.
    """
    found: set[str] = set()
    for part in re.split(r"\s+[-–—]+\s+|:\s*|\s+with\s+|\(|\)", label, flags=re.IGNORECASE):
        said = words_of(part)
        kept = " ".join(w for w in said.split() if w not in _EVENT_WORDS)
        for phrase in (said, kept):
            if phrase and phrase not in _TOO_COMMON and phrase not in _EVENT_WORDS:
                found.add(phrase)
    return found


#: Words a part of a name never starts or ends on: "at risk" from "Renewal at risk" says
#: nothing of the round.
_EDGE_WORDS = frozenset({"at", "in", "on", "to", "by", "of", "for", "and", "or", "the", "a",
                         "an", "with", "my", "your", "our", "their", "from", "about"})  # fmt: skip
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")


def name_parts(round_: Round) -> set[str]:
    """The shorter phrases a round may be called by: parts of its name and interview titles.

    Each run of two words or more within a name or title (less its meeting words), and each
    word written in capitals ("QBR"); never one that names people or is too common to tell
    a round by ("hiring manager", "HR").
    """
    parts: set[str] = set()
    for label in (round_.name, *(i.title for i in round_.interviews)):
        for acronym in _ACRONYM.findall(label):
            parts.add(acronym.lower())
        for phrase in _label_phrases(label):
            words = phrase.split()
            for size in range(2, len(words)):
                for start in range(len(words) - size + 1):
                    run = words[start : start + size]
                    if run[0] not in _EDGE_WORDS and run[-1] not in _EDGE_WORDS:
                        parts.add(" ".join(run))
    return {p for p in parts if p not in _TOO_COMMON and p not in _EVENT_WORDS}


def _names(text: str, phrases: Iterable[str]) -> bool:
    padded = f" {text} "
    return any(f" {p} " in padded for p in phrases)


def named_round(text: str, rounds: Sequence[Round]) -> Round | None:
    """The one round of ``rounds`` that ``text`` names; None when it names none, or several.

    Two rounds named ("the take-home and the presentation") leave the statement with its
    item's round: it is about both, and neither is the better guess.
    """
    said = words_of(text)
    last = max((r.position for r in rounds), default=0)
    phrases = [round_phrases(r, r.position == last) for r in rounds]
    named = [r for r, own in zip(rounds, phrases, strict=True) if _names(said, own)]
    if named:
        return named[0] if len(named) == 1 else None
    # Named by a part ("your QBR"): only a part no other round shares tells its round.
    parts = [name_parts(r) for r in rounds]
    named = [
        r
        for i, r in enumerate(rounds)
        if _names(
            said,
            _distinct(parts[i], [*parts[:i], *parts[i + 1 :], *phrases[:i], *phrases[i + 1 :]]),
        )
    ]
    return named[0] if len(named) == 1 else None


def _distinct(parts: set[str], others: Sequence[set[str]]) -> set[str]:
    """The parts found in none of the others' phrases or parts, nor within them."""
    said_elsewhere = [f" {phrase} " for other in others for phrase in other]
    return {p for p in parts if not any(f" {p} " in phrase for phrase in said_elsewhere)}


def statement_round(text: str, rounds: Sequence[Round], item_round_id: int | None) -> int | None:
    """The id of the round a statement names, when it is not its item's own; else None."""
    named = named_round(text, rounds)
    if named is None or named.id == item_round_id:
        return None
    return named.id


def as_filed(item: Feedback, statement: FeedbackStatement) -> Feedback:
    """The feedback as ``statement`` is filed: under the round it names, when it has one.

    What is said of one statement (the round a question names, the round a note recalls
    praise of) follows the statement's round, not its item's: the take-home praise in an
    email about the system design is the take-home's. Its item's interview is another round's.
    """
    if statement.round_id is None or statement.round_id == item.round_id:
        return item
    return replace(item, round_id=statement.round_id, interview_id=None)

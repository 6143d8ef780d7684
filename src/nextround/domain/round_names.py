"""Rounds and interviews named mid-sentence, from whatever the user called them."""

from __future__ import annotations

import re
from collections.abc import Collection

# Kinds of meeting: an interview titled "Recruiter call" is not "the “Recruiter call”
# interview", while one titled "Whiteboard case" (what was done in it) is.
_MEETINGS = frozenset(
    {
        "round", "rounds", "screen", "screening", "interview", "interviews", "call", "calls",
        "chat", "chats", "loop", "panel", "panels", "onsite", "on-site", "onsites",
        "conversation", "conversations", "meeting", "meetings", "lunch", "dinner", "coffee",
        "session", "sessions", "sync", "talk", "discussion", "intro", "check-in", "visit",
    }
)  # fmt: skip
# Words that make a name a noun phrase of its own ("Phone screen with Sam" is one; "Earlier"
# is not, and reads as "the earlier round").
_NOUNS = _MEETINGS | frozenset(
    {
        "case", "study", "exercise", "presentation", "review", "assessment", "test",
        "challenge", "take-home", "homework", "assignment", "dive", "deep-dive", "day",
        "superday", "workshop", "pairing", "exam", "introduction", "walkthrough", "demo",
        "pitch", "fit", "stage", "step", "q&a", "raiser",
    }
)  # fmt: skip
# Other ordinary words of round names, lowered mid-sentence like the nouns ("Final loop" ->
# "the final loop"). A word outside both lists keeps its capital: it may be a name
# ("Tempoline screen"), and a capital kept reads better than a name lowered.
_COMMON = _NOUNS | frozenset(
    {
        "final", "first", "second", "third", "fourth", "fifth", "last", "initial", "early",
        "earlier", "later", "next", "previous", "follow-up", "hiring", "manager", "talent",
        "acquisition", "recruiter", "recruiting", "agency", "technical", "phone", "video",
        "virtual", "in-person", "team", "peer", "executive", "leadership", "culture",
        "values", "behavioural", "behavioral", "coding", "system", "systems", "design",
        "product", "portfolio", "written", "practical", "program", "programme", "project",
        "strategy", "stakeholder", "partner", "director", "founder", "with", "and", "the",
        "of", "in", "at", "on", "for",
    }
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "my", "your", "our", "their"})
# "R2", "Rd 2", "Round #2": a round's number, said "round 2".
_NUMBERED_ROUND = re.compile(r"(?:r|rd\.?|round)\s*(?:#|no\.?)?\s*(\d+)", re.IGNORECASE)
# "Onsite #3", "Interview 2": a name ending in its number takes no article.
_NUMBERED = re.compile(r".+?(?:\s+|\s*#\s*|\s+no\.?\s*)\d+", re.IGNORECASE)
# "Round 2 - panel", "Final loop: day 1": a name and a detail, said "round 2 (panel)".
_DETAIL = re.compile(r"\s+[-–—|]\s+|:\s+")


def _bare(word: str) -> str:
    return word.strip(",.;:()'\"").lower()


def _lowered(name: str, proper: Collection[str]) -> str:
    """Ordinary words lowered ("Phone screen with Sam" -> "phone screen with Sam").

    Only a capitalised common word is lowered: not an acronym ("HM chat"), not a word the
    list does not know, and never one of the ``proper`` names.
    """
    words = name.split(" ")
    for i, word in enumerate(words):
        bare = word.strip(",.;:()'\"")
        if (
            len(bare) > 1
            and bare[0].isupper()
            and bare[1:] == bare[1:].lower()
            and bare.lower() in _COMMON
            and bare not in proper
        ):
            words[i] = word.replace(bare, bare.lower(), 1)
    return " ".join(words)


def _head(name: str, proper: Collection[str]) -> str:
    numbered = _NUMBERED_ROUND.fullmatch(name)
    if numbered:
        return f"round {numbered.group(1)}"
    if _NUMBERED.fullmatch(name):
        return _lowered(name, proper)
    first, _, rest = name.partition(" ")
    if first.lower() in _DETERMINERS:
        return " ".join((first.lower(), _lowered(rest, proper))).strip()
    if any(_bare(word) in _NOUNS for word in name.split(" ")):
        return f"the {_lowered(name, proper)}"
    if all(_bare(word) in _COMMON for word in name.split(" ")):
        return f"the {_lowered(name, proper)} round"
    return f"the “{name}” round"


def round_phrase(name: str | None, proper: Collection[str] = ()) -> str | None:
    """A round's name as it reads after a preposition ("in the final loop"); None if unnamed.

    "Final loop" -> "the final loop", "Earlier" -> "the earlier round", "R2" -> "round 2",
    "Round 2 - panel" -> "round 2 (panel)", "Onsite #3" -> "onsite #3", "HM chat" -> "the HM
    chat", and a name that is no phrase of its own is quoted: "the “Sam” round".
    """
    if name is None or not name.strip():
        return None
    flat = " ".join(name.split())
    main, *details = _DETAIL.split(flat, maxsplit=1)
    head = _head(main, proper)
    return f"{head} ({details[0]})" if details and details[0] else head


def interview_phrase(title: str) -> str:
    """An interview's title, quoted, as it reads mid-sentence: "the “Whiteboard case” interview".

    A title that already says what kind of meeting it was ("Technical interview", "HM chat")
    is not followed by "interview" again.
    """
    flat = " ".join(title.split())
    last = _bare(flat.rsplit(" ", 1)[-1])
    return f"the “{flat}”" if last in _MEETINGS else f"the “{flat}” interview"

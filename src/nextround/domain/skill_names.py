"""Competency names as they read mid-sentence, to a recruiter or an interviewer.

Framework names are headings ("Communication: clarity and concision", "Process design and
improvement"). Pasted into a sentence they stumble: "where my communication: clarity and
concision fell short". A sentence takes one part of the heading, lowered like any common
noun: the plain words after a colon when they name the skill ("clarity and concision"),
else the heading before it. Two names are never joined with "and" when one already has an
"and" inside, which would leave the reader guessing where one skill ends and the next
begins.
"""

from __future__ import annotations

from collections.abc import Sequence

from nextround.domain.topic_phrases import clean_topic

# A detail after the colon longer than this is a description, not a name.
_DETAIL_MAX_WORDS = 4


def _lowered(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    # Only capitalised ordinary words are lowered ("Stakeholder Management"), never "SQL".
    return " ".join(w[0].lower() + w[1:] if len(w) > 1 and w[1:].islower() else w for w in words)


def _heading(name: str) -> str:
    """The heading before any colon, lowered ("Communication: clarity" is "communication")."""
    return _lowered(name.split(":", 1)[0])


def skill_phrase(name: str) -> str:
    """The competency as a sentence says it: "clarity and concision", "risk management".

    The words after a colon are the skill itself when they are plain lower-case words
    that read as a noun phrase of two to four words ("Communication: clarity and
    concision"); a title-cased tagline ("Leadership: Hire and Develop") or a single word
    ("Risk: overall") is no such name, and the heading is said instead.
    """
    _, colon, detail = name.partition(":")
    detail = " ".join(detail.split())
    if (
        colon
        and detail == detail.lower()
        and 2 <= len(detail.split()) <= _DETAIL_MAX_WORDS
        and clean_topic(detail) == detail
    ):
        return detail
    return _heading(name)


def skills_phrase(names: Sequence[str]) -> str:
    """One or two names joined for a sentence, the first alone when joining would be ambiguous.

    "risk management and stakeholder management" is clear; "systems thinking and process
    design and improvement" is not, so the first (the statement's main competency) is kept.
    Joined, a name is said by its heading ("communication and risk"): its detail would put
    a second "and" in the phrase.
    """
    named = [n for n in names if n.strip()]
    heads = list(dict.fromkeys(_heading(n) for n in named))[:2]
    if len(heads) == 2 and not any(" and " in p for p in heads):
        return " and ".join(heads)
    return skill_phrase(named[0]) if named else ""

"""Competency names as they read mid-sentence, to a recruiter or an interviewer.

Framework names are headings ("Communication: clarity and concision", "Process design and
improvement"). Pasted into a sentence they stumble: "where my communication: clarity and
concision fell short". A sentence takes the heading before any colon, lowered like any
common noun, and never joins two names with "and" when one already has an "and" inside,
which would leave the reader guessing where one skill ends and the next begins.
"""

from __future__ import annotations

from collections.abc import Sequence


def skill_phrase(name: str) -> str:
    """The heading before any colon, lowered ("Communication: clarity" is "communication")."""
    head = " ".join(name.split(":", 1)[0].split())
    words = head.split(" ")
    # Only capitalised ordinary words are lowered ("Stakeholder Management"), never "SQL".
    return " ".join(w[0].lower() + w[1:] if len(w) > 1 and w[1:].islower() else w for w in words)


def skills_phrase(names: Sequence[str]) -> str:
    """One or two names joined for a sentence, the first alone when joining would be ambiguous.

    "risk management and stakeholder management" is clear; "systems thinking and process
    design and improvement" is not, so the first (the statement's main competency) is kept.
    """
    phrases = list(dict.fromkeys(skill_phrase(n) for n in names if n.strip()))[:2]
    if len(phrases) == 2 and not any(" and " in p for p in phrases):
        return " and ".join(phrases)
    return phrases[0] if phrases else ""

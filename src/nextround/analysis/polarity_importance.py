"""A clause that only says what matters ("managing stakeholders is critical") judges nobody."""

from __future__ import annotations

import re
from functools import cache

# How much it matters: "is critical", "is absolutely key", "is a must".
_MATTERS = (
    r"(?:critical|crucial|essential|key|vital|important|paramount|fundamental|a must(?:-have)?|"
    r"non-negotiable|table stakes|a (?:key|core|critical|crucial|big|major|central) "
    r"(?:part|skill|requirement|expectation|piece|competency|priority))"
)
_DEGREE = (
    r"(?:(?:absolutely|really|so|very|just|also|particularly|especially|equally|even more|"
    r"more|most|extremely|incredibly|truly|hugely|super|pretty|quite|always|still) )*"
)
# Where or for whom: "for a team lead", "in this role", "at this level", "here".
_WHERE = (
    r"(?: (?:here|for (?:this|the|that|a|an|our|any|every) [\w -]{1,30}?|in (?:this|the|that|a|"
    r"an|our) (?:role|position|job|team|company|business)|at (?:this|that|your|a senior) level|"
    r"to (?:us|the (?:team|role|business))))?"
)
# Who the remark is about: where the person is named, the clause may still judge them.
_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:is|are|'s|was|were|will be|would be|becomes|remains|feels)\s+{_DEGREE}{_MATTERS}"
        rf"{_WHERE}[\s.!]*$",
        re.IGNORECASE,
    )


def says_what_matters(text: str, start: int, end: int) -> bool:
    """Whether a clause ends by saying its subject matters, without naming the person.

    "For a team lead, managing internal stakeholders is critical" states what the role
    needs: its words ("lead", "managing") name the topic, not something the person did
    well. "Your stakeholder work is critical" names the person and is read as it is.
    """
    clause = text[start:end]
    m = _pattern().search(clause)
    return m is not None and _PERSON.search(clause, 0, m.start()) is None

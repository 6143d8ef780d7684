"""Read a plain account of work the person did ("Sam set up the metrics framework") as praise.

A manager's review lists what the person did in the period: "This half Sam set up the
product metrics framework", "She launched the partner portal". Such a line holds no
judging word, yet the writer lists it as an achievement: it reads as a weak strength, so
the embedding probe may settle it, where before it stayed unjudged. Only the person as
subject counts ("we went with a candidate who ..." is about someone else), and only a
verb of building, leading or delivering in the past tense.
"""

from __future__ import annotations

import re
from functools import cache

# When the work was done, before the subject: "This half", "In Q3,", "Over the last year".
_WHEN = (
    r"(?:(?:this|last|over the(?: last| past)?|in the|during the|earlier this|in|since the)"
    r"(?: \w+){0,2}? (?:half|year|quarter|period|cycle|months?|review period|h[12]|q[1-4])"
    r"[, ]+)?"
)
# Who did it: the person, by pronoun or by a capitalised first name; not "they", which in
# a hiring e-mail is as often the company ("They hired another applicant").
_WHO = (
    r"(?:he|she|you|(?!(?:it|we|they|this|that|these|those|there|the|what|which|who|one|"
    r"everyone|someone|nobody|everything|something|nothing|time|today)\b)(?-i:[A-Z][a-z]+))"
)
_HOW = r"(?: (?:also|successfully|personally|single-handedly|quickly|then|now))?"
# Verbs that report something made, started or carried through.
_DID = (
    r"(?:set up|defined|built|launched|shipped|led|established|introduced|created|designed|"
    r"founded|rolled out|drove|owned|ran|organised|organized|implemented|stood up|"
    r"put in place|kicked off|took over|turned around|rebuilt|redesigned|wrote|"
    r"authored|negotiated|grew|scaled|completed|migrated|automated)"
)


@cache
def _account() -> re.Pattern[str]:
    # "You led with features" says how an answer opened, not what was built.
    return re.compile(rf"^\W*{_WHEN}{_WHO}{_HOW} {_DID}\b(?! with\b)", re.IGNORECASE)


def work_done_span(text: str) -> tuple[int, int] | None:
    """Where a sentence opens with the person doing a piece of work, if it does."""
    m = _account().match(text.replace("’", "'"))
    return (m.start(), m.end()) if m else None

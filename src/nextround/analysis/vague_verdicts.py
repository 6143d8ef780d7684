"""A "no" that gives no reason: "not quite the right fit", "other candidates were stronger".

Such a sentence judges no skill, so it is no gap on any competency; it is exactly the
feedback worth asking about (see ``clarify_verdict``). Praise of fit ("a great fit") and a
named reason ("not the right fit for a role this technical") are not it.
"""

from __future__ import annotations

import re
from functools import cache

# "Not quite the right fit for us at this time", "wasn't the best match", "not what we are
# looking for right now". A reason after it ("for a role this technical", "in terms of
# seniority") says what decided it, so only when-and-who may follow.
NOT_THE_RIGHT_FIT = (
    r"(?:not|n't|wasn't|isn't|weren't|aren't) (?:quite |really |entirely |exactly |necessarily "
    r"|the |a |an |)?(?:quite |really )?(?:the |a |an )?(?:right |best |good |strong |ideal |"
    r"perfect |close )?(?:fit|match|alignment)\b|"
    r"not (?:quite |exactly )?what (?:we|they|the team) (?:are|were|'re) looking for\b"
)
_WHEN_WHO = (
    r"(?: (?:for|with) (?:us|the (?:team|role|position|company|business)|this (?:role|"
    r"position|team)|our (?:team|needs))| at (?:this|the) (?:time|moment|stage|point)| right now|"
    r"| on this occasion| this time| overall| in the end)*\s*[.!;,]?\s*$"
)
# "We felt other candidates were a bit stronger overall", "others were stronger".
OTHERS_STRONGER = (
    r"(?:other|another|the other|some other|several other) (?:candidates?|applicants?|finalists?"
    r"|people)(?: \w+){0,2} (?:was|were|had been|came across as|seemed|felt) (?:a (?:bit|little"
    r"|touch) |slightly |somewhat |just |simply )?(?:stronger|better|more (?:suited|qualified|"
    r"aligned|convincing))\b(?: (?:overall|on balance|across the board|in the end))?"
    r"\s*[.!;,]?\s*$"
)

#: A reasonless "not the right fit", as a polarity phrase: it is the decision, no gap.
VAGUE_FIT = rf"(?:{NOT_THE_RIGHT_FIT})(?={_WHEN_WHO})"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(rf"(?:{NOT_THE_RIGHT_FIT}){_WHEN_WHO}", re.IGNORECASE),
        re.compile(OTHERS_STRONGER, re.IGNORECASE),
    )


def vague_verdict(text: str) -> str | None:
    """What a reasonless "no" says: "fit" or "others" (stronger candidates), else None."""
    flat = " ".join(text.replace("’", "'").split())
    fit, others = _patterns()
    if others.search(flat):
        return "others"
    if fit.search(flat):
        return "fit"
    return None

"""Questions about a "no" for experience: which experience decided it, and how close one came."""

from __future__ import annotations

import re
import zlib

from nextround.analysis.clarify import quotable
from nextround.domain.positioning import experience_asked_for

# Words that lead into the decision without saying it: quoted, they crowd out the reason.
_LEAD_IN = re.compile(
    r"^(?:(?:so|and|but)\s+)?(?:in the end|ultimately|unfortunately|sadly|on this occasion|"
    r"after (?:much|careful|a lot of) (?:deliberation|consideration|thought))\s*,?\s+",
    re.IGNORECASE,
)
# Long enough for the reason whole: "the team went with a candidate who already had PM
# experience in payments" is 16 words.
_QUOTED_WORDS = 24


def experience_questions(statement: str, company: str | None, *, limit: int = 2) -> list[str]:
    """One or two questions about a rejection reason that names experience, best first.

    "The team went with a candidate who already had PM experience in payments" says why
    someone else was chosen, not what fell short in an answer, so the usual "which moment?"
    does not fit. What helps is which part of that experience decided it, and whether the
    person's own work would have counted had it been put differently: that is what the
    plan's positioning actions need. The reason is quoted in the sender's words; no kind of
    experience is suggested that the record does not name.
    """
    quoted = quotable(_LEAD_IN.sub("", statement.strip()), _QUOTED_WORDS, mid_sentence=True)
    at = f" at {company}" if company else ""
    lead = (
        f"You mentioned “{quoted}”. Which part of that experience made the difference in the end?"
        if zlib.crc32(statement.encode()) % 2 == 0
        else f"Thank you for being clear that “{quoted}”. "
        "Which part of that experience weighed most in the decision?"
    )
    if experience_asked_for(statement):
        # A named kind ("experience running large-scale Kubernetes platforms"): the person
        # has some of it, or something near it; the question is how near.
        follow = (
            f"How close did my own experience come to what the team{at} needed? It would help "
            "me judge whether to present it differently or to build more of it first."
        )
    else:
        # A role or a level ("prior PM experience", "more senior"): a move into it, answered
        # by mapping past work onto the role.
        follow = (
            "Was there anything in my background you would have counted towards it, had I "
            "framed it differently? It would help me position my experience for roles like this."
        )
    return [lead, follow][: max(1, min(limit, 2))]

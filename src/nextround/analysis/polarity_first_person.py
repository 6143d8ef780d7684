"""A note about oneself ("they liked my problem solving"), read as if said to the person."""

from __future__ import annotations

import re
from functools import cache

# People summarise a recruiter call in their own words: "Recruiter said the interviewer
# liked my problem solving". The phrases that read praise and criticism are written for
# feedback given to the person ("liked your ..."), so their "my" and "I" read as "your" and
# "you". Feedback that addresses the person ("I liked your answers") says "you": there the
# first person is the interviewer's and stays. So does an "I" that opens a clause ("so I
# don't have more detail" is a recruiter's news): only one that someone else judged or
# reported ("they felt I rushed", "liked how I framed it") is the person's.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
_REPORTED = (
    r"(?:that|how|the way|when|whether|if|said|says|thought|thinks|think|felt|feels|feel|"
    r"found|finds|noted|mentioned|reckoned|believed|believes|commented|remarked|added|"
    r"explained|suggested|told me|told us)"
)
_AS_SAID_TO_YOU = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "i am": "you are",
    "i was": "you were",
}


@cache
def _first_person() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<lead>\b{_REPORTED} )(?P<i>I (?:am|was)|I['’](?:m|ve|d|ll)|I)\b(?!['’])|"
        r"(?P<mine>\b(?:me|my|mine|myself))\b",
        re.IGNORECASE,
    )


def as_said_to_you(text: str) -> str | None:
    """The text with its first person as the second, if it speaks of the writer only.

    "They liked my problem solving" gives "They liked your problem solving" and "the panel
    felt I rushed" gives "the panel felt you rushed"; "I liked your answers" (an
    interviewer's words) and "Great structure" give None.
    """
    if _SECOND_PERSON.search(text) or not _first_person().search(text):
        return None

    def swap(m: re.Match[str]) -> str:
        said = m.group("i") or m.group("mine")
        you = _AS_SAID_TO_YOU[" ".join(said.replace("’", "'").split()).lower()]
        you = you.capitalize() if m.start() == 0 and said[:1].isupper() else you
        return (m.group("lead") or "") + you

    return _first_person().sub(swap, text)

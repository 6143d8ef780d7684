"""An interviewer as people type one: 'Name, Title' or 'Name (Title)', for the CLI and the web."""

from __future__ import annotations

import re

from nextround.domain.journey import Interviewer

#: Words that make a text a job title ("Engineering Manager", "Technical Recruiter", "CTO"),
#: so that brackets holding one are a title and other brackets part of the name ("Li (Lily)
#: Wang", "Ana (she/her)"). The recruiting words are those role_for_title reads.
TITLE_WORDS = re.compile(
    r"\b(manager|engineer|developer|director|lead|head|vp|vice president|president|chief|"
    r"officer|cto|ceo|coo|cfo|cpo|analyst|designer|architect|consultant|specialist|scientist|"
    r"researcher|intern|associate|coordinator|administrator|owner|founder|co-founder|"
    r"principal|staff|senior|junior|sr|jr|pm|tpm|em|swe|sde|sre|hr|strategist|advisor|"
    r"adviser|representative|executive|assistant|technician|teacher|lecturer|professor|"
    r"nurse|accountant|editor|writer|marketer|recruit\w*|sourcer|sourcing|talent|producer|"
    r"supervisor|fellow|trainee|apprentice|contractor|freelancer?|programmer|operator|"
    r"partner)\b",
    re.IGNORECASE,
)
#: A name ending in brackets: "Ana Silva (Engineering Manager)".
_BRACKETED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<title>[^()]+)\)$")


def read_interviewer(value: str) -> Interviewer:
    """'Name', 'Name, Title' (the title may hold commas) or 'Name (Title)'.

    Brackets at the end are the title only when they hold a job-title word: "Li (Lily)
    Wang" and "Sam Lee (Sammy)" keep their brackets in the name.
    """
    name, _, title = value.partition(",")
    name, title = name.strip(), title.strip()
    if not title:
        bracketed = _BRACKETED.match(name)
        if bracketed and TITLE_WORDS.search(bracketed["title"]):
            name, title = bracketed["name"].strip(), bracketed["title"].strip()
    return Interviewer(name=name, title=title or None)

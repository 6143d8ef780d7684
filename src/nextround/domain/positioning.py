"""A "no" for experience or level, not for a skill: positioning the experience the person has."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nextround.domain.plan_ideas import quote

__all__ = [
    "ExperienceReason",
    "experience_asked_for",
    "is_about_experience",
    "positioning_actions",
    "quote_clauses",
]

# A reason that names experience, level or background: "a candidate with prior PM
# experience", "more senior profile", "someone with a payments background", "not the right
# level". Read only on rejection reasons and decision statements, where these words say
# why someone else was chosen, never on feedback about an answer.
_EXPERIENCE = re.compile(
    r"\b(?:(?:more |prior |previous |direct |relevant |hands-on |proven )?experience[ds]?|"
    r"(?:more |too )?(?:senior|junior)(?:ity)?|background|track record|"
    r"(?:right |the |a |more |higher |senior |that )level|years (?:of|in)|"
    r"(?:domain|industry|sector) (?:knowledge|expertise)|already (?:been|worked|done|had))\b",
    re.IGNORECASE,
)


def is_about_experience(text: str) -> bool:
    """Whether a rejection reason names experience, level or background rather than a skill."""
    return _EXPERIENCE.search(text) is not None


# The word a reason names the experience by, to read what kind of experience it means.
_NOUN = re.compile(r"\b(experience[ds]?|background|expertise|knowledge|track record)\b", re.I)
# What may follow the noun and say its kind: "experience running large-scale Kubernetes
# platforms", "experience in payments". Up to the end of the clause, or to "than"/"and we".
_KIND_AFTER = re.compile(
    r"\s+((?:in|with|of|on|at|around|across)\s+|[a-z]+ing\b)([^,;.!?()]*?)"
    r"(?=\s+(?:than|and we|so we|but|which|who|for (?:this|the) role)\b|[,;.!?()]|$)",
    re.I,
)
# Words before the noun that qualify it without naming a kind: "more", "prior", "relevant".
_QUALIFIER = frozenset(
    re.findall(
        r"\S+",
        """a an the more much prior previous direct relevant hands-on proven deeper deep strong
        stronger extensive significant some any enough real real-world commercial professional
        work working similar comparable practical broader wider solid longer who has had have
        with already of years year in""",
    )
)
# A kind that is a role, a title or a level: the person is moving into it, not short of one
# kind of experience in it (a "career switch" reason, answered by mapping past work).
_ROLE = re.compile(
    r"\b(?:pms?|product (?:manager|management|owner)|managers?|management|managing|"
    r"leadership|leaders?|lead|director|head|executive|senior|junior|seniority|level|title|"
    r"role|position|job|career|tpms?|consulting|consultant|"
    r"(?:leading|managing) (?:\w+ )?(?:teams?|people|engineers|reports))\b",
    re.I,
)


def experience_asked_for(text: str) -> str | None:
    """The kind of experience a reason names, in its own words; None for level or a switch.

    "more experience running large-scale Kubernetes platforms" gives "experience running
    large-scale Kubernetes platforms", "more payments domain experience" gives "payments
    domain experience". A reason naming only a role, a title or a level ("a candidate with
    prior PM experience", "a more senior profile", "more experience") gives None: that is
    a move into a new role, answered differently.
    """
    for noun in _NOUN.finditer(text):
        kind_before: list[str] = []
        for word in reversed(re.findall(r"\w[\w'-]*", text[: noun.start()])[-4:]):
            if word.lower() in _QUALIFIER:
                break
            kind_before.insert(0, word)
        # "domain" and "industry" name a kind only after one: "payments domain experience".
        while kind_before and kind_before[0].lower() in ("domain", "industry"):
            kind_before.pop(0)
        after = _KIND_AFTER.match(text, noun.end())
        kind_after = " ".join((after.group(1) + after.group(2)).split()) if after else ""
        kind = " ".join([*kind_before, kind_after]).strip()
        if not kind or _ROLE.search(kind):
            continue
        return " ".join(p for p in (*kind_before, noun.group(1).lower(), kind_after) if p)
    return None


@dataclass(frozen=True)
class ExperienceReason:
    """A recorded reason about experience, quoted with where it was said."""

    text: str
    # Where the record says it: "Finch Bank's decision (24 Oct 2026)".
    where: str
    company: str
    role_title: str
    on: date


# A quoted reason is whole up to this length; a longer one is cut at a clause boundary.
QUOTE_CLAUSES_MAX = 200
# Where a clause ends: after , ; : or a sentence's . ! ?, or before a spaced dash.
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s)|(?=\s[-–—]\s)")


def quote_clauses(text: str, limit: int = QUOTE_CLAUSES_MAX) -> str:
    """The reason on one line, whole when it fits; else whole clauses with "…" for the rest.

    "…decided to go with a candidate who has more experience operating…" stops mid-phrase,
    before what the person lacked. Whole clauses, starting with the one naming the
    experience when the text before it would not leave room, keep the reason intact.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    named = _EXPERIENCE.search(flat)
    at = named.start() if named else 0
    bounds = [m.end() for m in _CLAUSE_END.finditer(flat)]
    starts = [0] + [b for b in bounds if b <= at]
    ends = [b for b in bounds if b > at] + [len(flat)]
    first_end = ends[0]
    # The earliest clause start from which the named clause still fits, else its own start.
    start = next((b for b in starts if first_end - b <= limit), starts[-1])
    end = max((e for e in ends if e - start <= limit), default=first_end)
    quoted = flat[start:end].strip().rstrip(",;:")
    if len(quoted) > limit:  # one clause longer than the limit: cut at a word after all
        quoted = quote(quoted, limit)
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(flat) and not quoted.endswith(("…", ".", "!", "?")) else ""
    return f"{lead}{quoted}{tail}"


def _quoted(reasons: Sequence[ExperienceReason]) -> str:
    return "; ".join(
        f"{r.where} said “{quote_clauses(_the_reason(r.text)).rstrip('.')}”" for r in reasons
    )


def _the_reason(text: str) -> str:
    """The sentences of a recorded reason that name experience, without the notes around it.

    "They hired someone with more platform-migration experience. Asked Rafael for a
    feedback call": the second sentence is the person's own to-do, not the reason.
    """
    sentences = re.split(r"(?<=[.!?;])\s+", text.strip())
    named = [s for s in sentences if is_about_experience(s)]
    return " ".join(named) if named else text


def positioning_actions(reasons: Sequence[ExperienceReason]) -> list[tuple[str, str, str, str]]:
    """The actions a "no" for experience calls for, as (key, title, detail, why); none without one.

    Practice on a competency does not answer "we chose someone with more experience"; what
    does depends on the experience named. A kind of experience ("more experience running
    large-scale Kubernetes platforms") asks the person to show how close theirs comes, in
    numbers, and to treat roles that require it as a stretch. A role or a level ("a
    candidate with prior PM experience", "a more senior profile") asks them to map past
    work onto the role and answer "why this role, why now". Only the record is quoted:
    nothing is said about what the person did or did not do.
    """
    latest = sorted(reasons, key=lambda r: r.on, reverse=True)
    kinds = [r for r in latest if experience_asked_for(_the_reason(r.text))]
    switches = [r for r in latest if r not in kinds]
    return [*_closest_experience(kinds), *_career_switch(switches)]


def _closest_experience(reasons: Sequence[ExperienceReason]) -> list[tuple[str, str, str, str]]:
    """Actions for a named kind of experience: quantify, tell and place the closest one."""
    if not reasons:
        return []
    asked = experience_asked_for(_the_reason(reasons[0].text)) or "the experience named"
    role = f"{reasons[0].role_title} at {reasons[0].company}"
    why = (
        f"A rejection named a kind of experience, not a skill: {_quoted(reasons)}. Practice "
        "on a competency does not answer that; showing how close the experience you have "
        "comes, in numbers, does."
    )
    return [
        (
            "closest",
            "Put numbers on the experience closest to what they asked for",
            (
                f"They asked for {asked}. Write down the work you have done nearest to it, "
                "with the scale in numbers (people, budget, volume, users or systems), how "
                "long you did it, and what you owned yourself. "
                "Then pick the story that shows it best and tell it in two minutes with "
                "those numbers."
            ),
            why,
        ),
        (
            "how-close",
            "Say in your pitch how close your experience is",
            (
                f"One honest sentence for the pitch and the cover letter, for roles like "
                f"{role}: what you have done that is nearest to {asked}, with its number, "
                "and what is different (a smaller scale, another setting, sector or platform) "
                "with how you would close it. Said by you first, it reads as judgement; "
                "found by the interviewer, it reads as a gap."
            ),
            why,
        ),
        (
            "stretch",
            "Treat roles that require it as a stretch in Option A",
            (
                f"When a role asks for {asked} as a must, count it as a stretch when you "
                "rate it against Option A, not a close fit: apply "
                "with the pitch above, and keep most of your applications on roles where "
                "your experience is the match."
            ),
            why,
        ),
    ]


def _career_switch(reasons: Sequence[ExperienceReason]) -> list[tuple[str, str, str, str]]:
    """Actions for a role or a level: map past work onto the role, and "why now"."""
    if not reasons:
        return []
    roles = list(dict.fromkeys(f"{r.role_title} at {r.company}" for r in reasons))
    role = roles[0]
    why = (
        f"A rejection named experience or background, not a skill: {_quoted(reasons)}. "
        "Practice on a competency does not answer that; showing the experience you have, "
        "in the words of the role, does."
    )
    return [
        (
            "pitch",
            "Write a pitch story that maps your past work onto the role",
            (
                f"Take the kind of role you are after (like {role}) and list what people "
                "in it do every week. Next to each, write one thing you have already done "
                "that is the same work under another title: who you served, what you "
                "decided, what you traded off, with what you did yourself and one number. "
                "Turn the strongest into a "
                "2-minute story. Claim the work, not a title you did not have."
            ),
            why,
        ),
        (
            "why-now",
            "Prepare your “why this role, why now” answer",
            (
                "One minute, aloud against a timer: what you have done that leads here, what "
                "draws you to this role now, and what your background brings that others in "
                "the role may lack. Rehearse it until it sounds like you; it is often the "
                "first question, and the one a move into a new role or domain is judged on."
            ),
            why,
        ),
    ]

"""A "no" for experience or level, not for a skill: positioning the experience the person has."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nextround.domain.plan_ideas import quote

__all__ = ["ExperienceReason", "is_about_experience", "positioning_actions"]

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


@dataclass(frozen=True)
class ExperienceReason:
    """A recorded reason about experience, quoted with where it was said."""

    text: str
    # Where the record says it: "Finch Bank's decision (24 Oct 2026)".
    where: str
    company: str
    role_title: str
    on: date


def _quoted(reasons: Sequence[ExperienceReason]) -> str:
    return "; ".join(
        f"{r.where} said “{quote(_the_reason(r.text), 120).rstrip('.')}”" for r in reasons
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
    does is showing the experience the person has in the words of the role, and a ready
    answer to "why this role, why now". Only the record is quoted: nothing is said about
    what the person did or did not do.
    """
    if not reasons:
        return []
    latest = sorted(reasons, key=lambda r: r.on, reverse=True)
    roles = list(dict.fromkeys(f"{r.role_title} at {r.company}" for r in latest))
    role = roles[0]
    why = (
        f"A rejection named experience or background, not a skill: {_quoted(latest)}. "
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

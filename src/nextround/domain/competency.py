"""Competencies, frameworks and the mapping of a text onto them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from nextround.domain.near_miss import nearest_named
from nextround.errors import NotFoundError

# A word shorter than this ("r", "ma") matches too much to be a useful suggestion.
MIN_PARTIAL_LENGTH = 3
# More candidates than this is a list to read in `framework show`, not a suggestion.
MAX_SUGGESTIONS = 4


#: Everyday words for a competency that recruiters and careers advisers use ("teamwork"),
#: each with the id it means. Only words that can mean one competency are here: "leadership"
#: could be people leadership or influence, so it stays a suggestion (see Framework.guess).
#: A framework is read through these only when it has the id, and only for a word none of
#: its own ids or names matches.
EVERYDAY_NAMES: Mapping[str, str] = {
    "teamwork": "collaboration",
    "team work": "collaboration",
    "team working": "collaboration",
    "teamworking": "collaboration",
    "team player": "collaboration",
    "working with others": "collaboration",
    "working in a team": "collaboration",
    "communication skills": "communication",
    "commercial awareness": "business-acumen",
    "public speaking": "presentation",
    "presenting": "presentation",
    "customer service": "customer-focus",
    "flexibility": "adaptability",
    "technical skills": "technical-depth",
    # A manager's everyday words: what interviewers for engineering and team lead roles
    # probe most, refused before (QA18 F4).
    "coaching": "developing-others",
    "mentoring": "developing-others",
    "mentorship": "developing-others",
    "people development": "developing-others",
    "growing people": "developing-others",
    "performance management": "people-leadership",
    "managing performance": "people-leadership",
    "managing underperformance": "people-leadership",
    "underperformance": "people-leadership",
    "people management": "people-leadership",
    "line management": "people-leadership",
    "managing people": "people-leadership",
    "team leadership": "people-leadership",
    "hiring": "people-leadership",
    "recruiting": "people-leadership",
    "recruitment": "people-leadership",
    "team building": "people-leadership",
}


class Polarity(StrEnum):
    """Whether a statement shows a competency as a strength or a gap."""

    STRENGTH = "strength"
    GAP = "gap"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Competency:
    """One skill of a framework; only id, name and description are required."""

    id: str
    name: str
    description: str
    indicators: tuple[str, ...] = ()
    missing_signs: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    practice: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framework:
    """A named set of competencies, built in or imported."""

    id: str
    name: str
    competencies: tuple[Competency, ...]
    source: str | None = None
    description: str | None = None

    @property
    def quoted(self) -> str:
        """The name in quotes, to read as a name mid-sentence: many are lower case words."""
        return f"“{self.name}”"

    @property
    def ids(self) -> frozenset[str]:
        """Its competencies' ids."""
        return frozenset(c.id for c in self.competencies)

    def competency(self, competency_id: str) -> Competency | None:
        """The competency with this id, or None."""
        return next((c for c in self.competencies if c.id == competency_id), None)

    def find(self, ref: str) -> Competency | None:
        """The competency a user means: its id, or its name (case, spaces, punctuation aside).

        "risk management", "Risk Management" and "risk_management" all find
        risk-management, so nobody has to look an id up to name a skill they can read.
        An everyday word for one ("teamwork", "team-work") finds it too (EVERYDAY_NAMES).
        """
        exact = self.competency(ref.strip())
        if exact is not None:
            return exact
        key = _key(ref)
        named = next(
            (c for c in self.competencies if key and key in (_key(c.id), _key(c.name))), None
        )
        if named is not None or key not in EVERYDAY_NAMES:
            return named
        return self.competency(EVERYDAY_NAMES[key])

    def hint(self, ref: str) -> str:
        """What the command line says after an unknown competency: a guess, or where the ids are."""
        return self.guess(ref) or f"see `nextround framework show {self.id}` for the ids"

    def guess(self, ref: str) -> str | None:
        """What an unknown competency may have meant ("did you mean ...?"), if anything is near.

        A word the ids or names start with, or contain ("risk", "management"), names every
        competency it could mean; failing that, a misspelling gets its nearest match. Only a
        suggestion: a prefix is never taken as the competency itself, since even a unique
        one today can become ambiguous when the framework grows, and a rating filed under
        the wrong skill is worse than being asked again.
        """
        import difflib

        key = _key(ref)
        partial = self.partial_matches(key) if len(key) >= MIN_PARTIAL_LENGTH else []
        if partial:
            named = ", ".join(f"{c.id!r} ({c.name})" for c in partial[:MAX_SUGGESTIONS])
            more = len(partial) - MAX_SUGGESTIONS
            rest = f" and {more} more" if more > 0 else ""
            return f"did you mean {'one of ' if len(partial) > 1 else ''}{named}{rest}?"
        keys = {_key(text): c for c in self.competencies for text in (c.id, c.name)}
        # 0.7, not difflib's 0.6: misspellings score 0.8 and more, while at 0.6-0.7 words
        # merely look alike ("delegation" / "negotiation", 0.67) and mean something else.
        close = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.7)
        if close:
            c = keys[close[0]]
            return f"did you mean {c.id!r} ({c.name})?"
        return None

    def partial_matches(self, key: str) -> list[Competency]:
        """Competencies whose id or name starts with ``key`` (first), else contains it."""
        texts = [(c, (_key(c.id), _key(c.name))) for c in self.competencies]
        starting = [c for c, keys in texts if any(k.startswith(key) for k in keys)]
        if starting:
            return starting
        # Whole words first would be nicer still, but "contains" already finds
        # "management" in every *-management skill, which is what someone typing it wants.
        return [c for c, keys in texts if any(key in k for k in keys)]


@dataclass(frozen=True)
class CompetencyMatch:
    """A competency suggested for a text, with a calibrated confidence in [0, 1]."""

    competency_id: str
    confidence: float


@dataclass(frozen=True)
class LabelledExample:
    """A text the user confirmed as evidence of a competency; it teaches the mapper."""

    text: str
    competency_id: str


@dataclass(frozen=True)
class PolarityExample:
    """A statement's polarity as the user confirmed it; it teaches the polarity reader."""

    text: str
    polarity: Polarity


def _key(text: str) -> str:
    """A competency id or name folded for matching: lower case, words only."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def unknown_framework(framework_id: str, named: Mapping[str, str]) -> NotFoundError:
    """The error for an id no framework has, offering the one (of id -> name) most like it."""
    near = nearest_named(framework_id, named)
    listed = "see `nextround framework list`"
    hint = f"did you mean {near!r} ({named[near]})? {listed}" if near else listed
    return NotFoundError("framework", framework_id, hint)

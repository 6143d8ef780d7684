"""Evidence: one observation of one competency, and how much it weighs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from nextround.domain.competency import Polarity
from nextround.domain.counts import counted
from nextround.domain.feedback import FeedbackSource
from nextround.errors import DomainError

DEFAULT_HALF_LIFE_DAYS = 365

# How much one statement from each kind of source counts, relative to an interviewer.
# Interviewers and hiring managers saw the person answer and are paid to judge; a recruiter
# mostly relays the panel's debrief, so a small discount for the second-hand account.
# A manager's review is first-hand but about the job, not the interview; mentors and peers
# are friendly witnesses; a self-assessment is the least objective view of all.
SOURCE_WEIGHTS: dict[FeedbackSource, float] = {
    FeedbackSource.INTERVIEWER: 1.0,
    FeedbackSource.HIRING_MANAGER: 1.0,
    FeedbackSource.RECRUITER: 0.9,
    FeedbackSource.MANAGER_REVIEW: 0.8,
    FeedbackSource.MENTOR: 0.6,
    FeedbackSource.PEER: 0.6,
    FeedbackSource.SELF: 0.3,
}

# An unconfirmed mapping is the mapper's guess: even at full confidence it counts for at
# most 70% of a statement the user confirmed, so confirming always moves the numbers.
UNCONFIRMED_FACTOR = 0.7

# Machine guesses below this confidence still nudge the score, but are never shown as part
# of a pattern (a spike or a recurring gap). Above it an unreviewed mapping is shown with
# the pattern it speaks to, yet only the user's review makes it a witness (see
# patterns.REVIEW_RULE).
PATTERN_MIN_CONFIDENCE = 0.5

# One feedback item is one person's account, however many sentences it takes: a review that
# names communication three times is one opinion, not three, and a 1,000-line paste is not a
# thousand witnesses. Up to this many pieces about one competency count in full; beyond it,
# the item's pieces on that competency share this many pieces' worth of weight, so no single
# item can outweigh every other source by sheer length. Real feedback rarely says more than
# three things about one skill, so this only ever bites on pastes that repeat themselves.
ITEM_MAX_PIECES = 3

# How a remark split into several statements is said: "split in two: each counts half".
_PARTS = {2: ("two", "half"), 3: ("three", "a third"), 4: ("four", "a quarter")}


class EvidenceOrigin(StrEnum):
    """Where a piece of evidence was recorded."""

    FEEDBACK = "feedback"
    DEBRIEF = "debrief"
    SELF_RATING = "self-rating"


def rating_polarity(rating: int) -> Polarity:
    """Read a 1-5 self-rating as a polarity: 4-5 strength, 1-2 gap, 3 neutral."""
    _check_rating(rating)
    if rating >= 4:
        return Polarity.STRENGTH
    if rating <= 2:
        return Polarity.GAP
    return Polarity.NEUTRAL


def _check_rating(rating: int) -> None:
    if not 1 <= rating <= 5:
        raise DomainError(f"a self-rating is 1 to 5, not {rating}")


@dataclass(frozen=True)
class Place:
    """Where in a process evidence was heard, in the user's own words."""

    company: str
    round_name: str | None = None
    interview_title: str | None = None
    interview_format: str | None = None  # an InterviewFormat's value


@dataclass(frozen=True)
class Evidence:
    """One observation of one competency: a mapped statement or a self-rating."""

    competency_id: str
    polarity: Polarity
    source: FeedbackSource
    observed_on: date
    confidence: float = 1.0
    confirmed: bool = False
    origin: str = EvidenceOrigin.FEEDBACK
    origin_id: int | None = None
    application_id: int | None = None
    text: str = ""
    self_rating: int | None = None
    # Where it came from in the user's words, e.g. "Tempoline · Final loop": a label for lists.
    context: str | None = None
    # The same, in parts, for sentences: "the final loop at Tempoline" (plan_ideas.cite).
    place: Place | None = None
    # The feedback item a statement came from: its pieces on one competency saturate (see
    # ITEM_MAX_PIECES). None for a self-rating, which a debrief gives once per competency.
    feedback_id: int | None = None
    # Which sentence of that feedback item the statement starts in (statements.sentence_index):
    # statements split from one sentence, on one competency and read the same way, are one
    # remark and share its weight (see saturate). None for a self-rating.
    sentence: int | None = None
    # A self-rating's "did not go well" note from the same debrief, when the note is about
    # this competency (see debrief.noted_competency): the person named the gap themselves.
    own_note: str | None = None

    def __post_init__(self) -> None:
        if not self.competency_id:
            raise DomainError("evidence needs a competency id")
        if not 0.0 <= self.confidence <= 1.0:
            raise DomainError(f"confidence is between 0 and 1, not {self.confidence}")
        if self.self_rating is not None:
            if self.source is not FeedbackSource.SELF:
                raise DomainError("only the person themselves gives a self-rating; use source self")
            if self.polarity is not rating_polarity(self.self_rating):
                raise DomainError(
                    f"a self-rating of {self.self_rating} reads as "
                    f"{rating_polarity(self.self_rating).value}, not {self.polarity.value}"
                )

    @classmethod
    def from_self_rating(
        cls,
        competency_id: str,
        rating: int,
        observed_on: date,
        *,
        origin_id: int | None = None,
        application_id: int | None = None,
        text: str = "",
        context: str | None = None,
        place: Place | None = None,
        own_note: str | None = None,
    ) -> Evidence:
        """A debrief's 1-5 self-rating as evidence from the person themselves."""
        return cls(
            competency_id=competency_id,
            polarity=rating_polarity(rating),
            source=FeedbackSource.SELF,
            observed_on=observed_on,
            confidence=1.0,
            confirmed=True,  # the person typed the number: nothing to confirm
            origin=EvidenceOrigin.SELF_RATING,
            origin_id=origin_id,
            application_id=application_id,
            text=text or f"Self-rating {rating}/5",
            self_rating=rating,
            context=context,
            place=place,
            own_note=own_note or None,
        )

    @property
    def is_external(self) -> bool:
        """Whether someone other than the person gave it."""
        return self.source is not FeedbackSource.SELF

    @property
    def strength_share(self) -> float | None:
        """The part of this evidence's weight that speaks for the skill (the rest, against).

        A statement is all-or-nothing. A self-rating is graded, (rating - 1) / 4, so a 4 is
        not the same as a 5 and a 3 counts half for, half against: "middling" is information,
        unlike a neutral statement, which says the skill came up but not how it went and so
        returns None (it adds to the amount of evidence, never to the score).
        """
        if self.self_rating is not None:
            return (self.self_rating - 1) / 4
        if self.polarity is Polarity.STRENGTH:
            return 1.0
        if self.polarity is Polarity.GAP:
            return 0.0
        return None

    @property
    def trusted(self) -> bool:
        """Whether it may be shown with a pattern: confirmed, or a confident enough mapping.

        Only confirmed evidence from someone else is a pattern's witness; a trusted piece
        nobody has reviewed yet is shown as waiting for that review.
        """
        return self.confirmed or self.confidence >= PATTERN_MIN_CONFIDENCE

    @property
    def remark_key(self) -> tuple[int, int, Polarity] | None:
        """Statements sharing this key on one competency are one remark, split by the reader.

        The same feedback item, the same sentence, the same polarity: "shallow on
        trade-offs: you picked a token bucket quickly" and "didn't weigh it against the
        alternatives" are one criticism, not two witnesses. None when it is no statement.
        """
        if self.feedback_id is None or self.sentence is None:
            return None
        return (self.feedback_id, self.sentence, self.polarity)

    @property
    def independence_key(self) -> tuple[int | None, FeedbackSource]:
        """Evidence sharing this key is one source: same application, same kind of source.

        Evidence outside any application (a review, a mentor) shares the key None with its
        kind, on purpose: two notes from "my mentor" are most likely the same person.
        """
        return (self.application_id, self.source)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready record of this evidence."""
        return {
            "competency_id": self.competency_id,
            "polarity": self.polarity.value,
            "source": self.source.value,
            "observed_on": self.observed_on.isoformat(),
            "confidence": self.confidence,
            "confirmed": self.confirmed,
            "origin": str(self.origin),
            "origin_id": self.origin_id,
            "application_id": self.application_id,
            "feedback_id": self.feedback_id,
            "sentence": self.sentence,
            "context": self.context,
            "text": self.text,
            "self_rating": self.self_rating,
        }


@dataclass(frozen=True)
class WeightedEvidence:
    """A piece of evidence with its weight, broken down so anyone can redo the sum."""

    evidence: Evidence
    age_days: int
    source_weight: float
    recency: float
    confirmation: float
    weight: float
    to_alpha: float
    to_beta: float
    # How many pieces its feedback item has on this competency, and the share of its weight
    # each keeps: ITEM_MAX_PIECES / item_pieces beyond the cap, else 1 (see saturate).
    item_pieces: int = 1
    saturation: float = 1.0
    # How many statements share its remark (one sentence of one item, read the same way, on
    # this competency): each keeps 1/remark_parts of its weight (see saturate).
    remark_parts: int = 1

    @property
    def split_remark(self) -> bool:
        """Whether it is one of several statements split from one remark, sharing its weight."""
        return self.remark_parts > 1

    @property
    def remark_share(self) -> float:
        """The share of its weight it keeps as one part of a split remark: 1/remark_parts."""
        return 1.0 / self.remark_parts

    @property
    def remark_note(self) -> str | None:
        """What a part of a split remark says of it, e.g. one remark split in two counts half."""
        if not self.split_remark:
            return None
        n = self.remark_parts
        parts, share = _PARTS.get(n, (str(n), f"1/{n}"))
        return f"One remark, split in {parts}: each counts {share}."

    @property
    def saturated(self) -> bool:
        """Whether it counts for less because its feedback item says so much on the skill."""
        return self.saturation < 1.0

    @property
    def to_neutral(self) -> float:
        """The weight that counts as amount of evidence only."""
        return self.weight - self.to_alpha - self.to_beta

    def to_json(self) -> dict[str, Any]:
        """The evidence and every factor of its weight."""
        return {
            **self.evidence.to_json(),
            "age_days": self.age_days,
            "source_weight": self.source_weight,
            "recency": round(self.recency, 6),
            "confirmation": round(self.confirmation, 6),
            "item_pieces": self.item_pieces,
            "remark_parts": self.remark_parts,
            "saturation": round(self.saturation, 6),
            "weight": round(self.weight, 6),
            "to_alpha": round(self.to_alpha, 6),
            "to_beta": round(self.to_beta, 6),
        }


def weigh(
    evidence: Evidence, as_of: date, half_life_days: int = DEFAULT_HALF_LIFE_DAYS
) -> WeightedEvidence:
    """Weight = source weight x recency x confirmation, split into for and against.

    Recency halves every ``half_life_days``: 0.5 ** (age_days / half_life_days).
    Confirmation is 1 for confirmed evidence and UNCONFIRMED_FACTOR x confidence otherwise.
    One piece alone is never saturated; `saturate` applies the cap across a competency's.
    """
    if half_life_days <= 0:
        raise DomainError(f"the half-life is a number of days above 0, not {half_life_days}")
    age = (as_of - evidence.observed_on).days
    if age < 0:
        raise DomainError(
            f"evidence observed on {evidence.observed_on} is after {as_of}; "
            "only evidence up to that day can be weighed"
        )
    source_weight = SOURCE_WEIGHTS[evidence.source]
    recency = 0.5 ** (age / half_life_days)
    confirmation = 1.0 if evidence.confirmed else UNCONFIRMED_FACTOR * evidence.confidence
    weight = source_weight * recency * confirmation
    share = evidence.strength_share
    to_alpha = 0.0 if share is None else weight * share
    to_beta = 0.0 if share is None else weight * (1.0 - share)
    return WeightedEvidence(
        evidence=evidence,
        age_days=age,
        source_weight=source_weight,
        recency=recency,
        confirmation=confirmation,
        weight=weight,
        to_alpha=to_alpha,
        to_beta=to_beta,
    )


def saturate(pieces: Sequence[WeightedEvidence]) -> list[WeightedEvidence]:
    """The pieces about one competency: split remarks counted once, items capped.

    First, statements split from one remark (the same sentence of the same item, read the
    same way: see Evidence.remark_key) share its weight, each keeping 1/n of its own. Then
    an item with n > ITEM_MAX_PIECES remarks on the competency has each piece's weight (and
    so its part for and against) multiplied by ITEM_MAX_PIECES / n: together they weigh as
    much as ITEM_MAX_PIECES of them on average, and keep the item's own mix of strength and
    gap. Self-ratings, and statements of short items said in a sentence each, are returned
    unchanged.
    """
    parts = Counter(w.evidence.remark_key for w in pieces if w.evidence.remark_key)
    remarks: dict[int, set[object]] = {}
    for i, w in enumerate(pieces):
        if w.evidence.feedback_id:
            # A statement without a sentence is a remark of its own.
            remarks.setdefault(w.evidence.feedback_id, set()).add(w.evidence.remark_key or i)
    capped = []
    for w in pieces:
        key = w.evidence.remark_key
        split = parts[key] if key else 1
        n = len(remarks.get(w.evidence.feedback_id or 0, ()))
        share = ITEM_MAX_PIECES / n if n > ITEM_MAX_PIECES else 1.0
        factor = share / split
        capped.append(
            replace(
                w,
                item_pieces=max(n, 1),
                saturation=share,
                remark_parts=split,
                weight=w.weight * factor,
                to_alpha=w.to_alpha * factor,
                to_beta=w.to_beta * factor,
            )
        )
    return capped


def saturation_notes(pieces: Sequence[WeightedEvidence]) -> list[str]:
    """Why some pieces count for less: one sentence per feedback item over the cap."""
    items: dict[int, WeightedEvidence] = {}
    for w in pieces:
        if w.saturated and w.evidence.feedback_id is not None:
            items.setdefault(w.evidence.feedback_id, w)
    return [
        f"Feedback {item} gives {w.item_pieces} pieces of evidence on this competency; one "
        f"feedback item counts as at most {ITEM_MAX_PIECES}, so each of its {w.item_pieces} "
        f"counts {ITEM_MAX_PIECES}/{w.item_pieces} of its weight (×{w.saturation:.3f})."
        for item, w in items.items()
    ]


def amount_of_evidence(evidence: Sequence[Evidence]) -> str:
    """'56 pieces of evidence (28 from feedback, 28 self-ratings)', the same on every surface.

    A piece is one statement about one competency, or one self-rating: a statement about
    two competencies is two pieces.

    Feedback the person wrote about themselves (``--source self``, a debrief's note) is part
    of their own view, not of others' feedback: once there is any, the count says so, "1
    self-view: 0 ratings, 1 note", so a header never says "0 self-ratings" above a
    calibration that rests on a note.
    """
    ratings = sum(1 for e in evidence if e.self_rating is not None)
    notes = sum(1 for e in evidence if not e.is_external and e.self_rating is None)
    total = counted(len(evidence), "piece", "pieces") + " of evidence"
    if not evidence:
        return total
    if not notes:
        rated = counted(ratings, "self-rating")
        return f"{total} ({len(evidence) - ratings} from feedback, {rated})"
    own = ratings + notes
    return (
        f"{total} ({len(evidence) - own} from others' feedback, "
        f"{counted(own, 'self-view', 'self-views')}: {counted(ratings, 'rating')}, "
        f"{counted(notes, 'note')})"
    )

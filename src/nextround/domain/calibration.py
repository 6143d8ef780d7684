"""Calibration: the person's own view of each competency against everyone else's."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from nextround.domain.competency import Competency, Polarity
from nextround.domain.counts import counted
from nextround.domain.evidence import Evidence, WeightedEvidence
from nextround.domain.patterns import GAP_MIN_SOURCES, statement_ids
from nextround.domain.scoring import CompetencyScore, score

# Self and others differ by at least a quarter of the 0..1 scale: one full point on the
# 1-5 self-rating scale. Smaller differences are within the noise of a single interview.
CALIBRATION_MARGIN = 0.25
# A correlation over fewer points than this is noise, so it is left out.
CALIBRATION_MIN_POINTS_FOR_CORRELATION = 5

# Feedback the person wrote about themselves (a `--source self` note, a debrief's words) is
# part of their own view, but a sentence says which way, not how far: "I felt I rambled" is
# not "I rate myself 1/5". A note reads as a 2 (a gap) or a 4 (a strength) out of 5, and a
# competency whose own view is notes only is compared once there are this many of them; a
# single sentence is too thin a self-view to set against others' (see Calibration.thin_self).
NOTE_GAP_SHARE = 0.25
NOTE_STRENGTH_SHARE = 0.75
SELF_MIN_NOTES = 2


class CalibrationKind(StrEnum):
    """How the person's view of a skill compares with everyone else's."""

    BLIND_SPOT = "blind_spot"
    HIDDEN_STRENGTH = "hidden_strength"
    AGREEMENT = "agreement"
    # A rating point or more apart, but only statements nobody reviewed say so.
    AWAITING_REVIEW = "awaiting_review"
    # A blind spot by the numbers, but the person's own debrief named the gap: they see it,
    # their ratings are generous. "Blind" would tell them what they already wrote down.
    NOTED_YOURSELF = "noted_yourself"


# As for spikes and recurring gaps (patterns.REVIEW_RULE), a reading that tells the person
# something about themselves rests on statements they reviewed: two mis-read sentences must
# not make a "blind spot". And a difference nobody's words back is no reading at all: one
# statement of praise is pulled towards the even 0.5 by the prior, so a 5/5 beside it sits a
# point "above" the feedback although the feedback agrees with it.
CALIBRATION_RULE = (
    "A blind spot needs the two views a rating point or more apart and someone else naming a "
    "gap in a statement you have reviewed (a hidden strength, a strength); where only "
    "statements you have not reviewed say so, it awaits your review, and where nobody does, "
    "the two views are apart in numbers only. A competency others name as a recurring gap "
    "is never a hidden strength: where your view is lower still, it is a gap you both see. "
    f"Your own notes count as your view once there are {SELF_MIN_NOTES} on a competency (or "
    "a self-rating), each read as a 2 or a 4 out of 5"
)
#: The reading of a hidden strength by the numbers on a competency others call a recurring gap.
GAP_BOTH_SEE = "a gap you both see"
#: The reading of a difference of a point or more that nobody else's words back.
APART_IN_NUMBERS = "apart in numbers only"

_APART_WORDS = {
    CalibrationKind.BLIND_SPOT: "blind spot",
    CalibrationKind.HIDDEN_STRENGTH: "hidden strength",
    CalibrationKind.NOTED_YOURSELF: "noted yourself",
}
# How long a quote of the person's own debrief note may be.
_NOTE_QUOTE = 80


def own_view_counts(ratings: int, notes: int) -> str:
    """'2 ratings', '2 notes', '1 rating and 2 notes': what the person's own view rests on."""
    if not notes:
        return counted(ratings, "rating")
    if not ratings:
        return counted(notes, "note")
    return f"{counted(ratings, 'rating')} and {counted(notes, 'note')}"


@dataclass(frozen=True)
class CalibrationItem:
    """One competency's self-view against others' view, both on a 0..1 scale."""

    competency_id: str
    name: str
    self_score: float
    others: CompetencyScore
    self_count: int
    # Others' weighed evidence behind ``others``, heaviest first.
    others_evidence: tuple[WeightedEvidence, ...] = ()
    # The person's own self-ratings that carry a "did not go well" note about it, newest
    # first (see Evidence.own_note).
    own_notes: tuple[Evidence, ...] = ()
    # Independent sources other than the person naming a gap in reviewed statements: with
    # GAP_MIN_SOURCES of them it is a recurring gap, never a hidden strength.
    others_gap_sources: int = 0
    # How many of the ``self_count`` pieces are notes the person wrote, not ratings.
    self_notes: int = 0

    @property
    def both_see_gap(self) -> bool:
        """Whether others rate it higher than you, but still name it a recurring gap.

        The gap section says "your own view agrees" there: calling it a hidden strength on
        the same page would contradict it. One rule decides (CALIBRATION_RULE): a gap you
        both see, with you the harder on yourself.
        """
        return self.difference <= -CALIBRATION_MARGIN and self.others_gap_sources >= GAP_MIN_SOURCES

    @property
    def difference(self) -> float:
        """Self minus others: above 0 the person rates themselves higher."""
        return self.self_score - self.others.mean

    @property
    def apart(self) -> CalibrationKind:
        """What the difference alone reads as, at a margin of one rating point."""
        if self.difference >= CALIBRATION_MARGIN:
            return CalibrationKind.BLIND_SPOT
        if self.difference <= -CALIBRATION_MARGIN:
            return CalibrationKind.HIDDEN_STRENGTH
        return CalibrationKind.AGREEMENT

    @property
    def backing(self) -> tuple[WeightedEvidence, ...]:
        """Others' statements that set the views apart: gaps below you, strengths above."""
        apart = self.apart
        if apart is CalibrationKind.AGREEMENT:
            return ()
        wanted = Polarity.GAP if apart is CalibrationKind.BLIND_SPOT else Polarity.STRENGTH
        return tuple(w for w in self.others_evidence if w.evidence.polarity is wanted)

    @property
    def kind(self) -> CalibrationKind:
        """Blind spot, hidden strength, agreement, or a difference awaiting review.

        A difference of a rating point or more is a blind spot (or hidden strength) only
        when someone else's reviewed statement backs it (see CALIBRATION_RULE); backed by
        unreviewed statements only, it awaits review; backed by nothing, it is agreement.
        """
        apart = self.apart
        backing = self.backing
        if apart is CalibrationKind.AGREEMENT or not backing or self.both_see_gap:
            return CalibrationKind.AGREEMENT
        if not any(w.evidence.confirmed for w in backing):
            return CalibrationKind.AWAITING_REVIEW
        if apart is CalibrationKind.BLIND_SPOT and self.own_notes:
            return CalibrationKind.NOTED_YOURSELF
        return apart

    @property
    def unbacked(self) -> bool:
        """Whether the views are a point apart with no blind spot or hidden strength in it.

        Nothing others said backs the difference, or (both_see_gap) what they said is a
        recurring gap, which the person sees too.
        """
        return self.apart is not CalibrationKind.AGREEMENT and (
            not self.backing or self.both_see_gap
        )

    @property
    def provisional(self) -> bool:
        """Whether a blind spot or hidden strength rests on thin outside evidence."""
        return self.others.thin and self.kind in _APART_WORDS

    @property
    def awaiting_review(self) -> tuple[WeightedEvidence, ...]:
        """The unreviewed statements that alone set the views apart: what would settle it."""
        if self.kind is not CalibrationKind.AWAITING_REVIEW:
            return ()
        return tuple(w for w in self.backing if not w.evidence.confirmed)

    @property
    def own_view_counts(self) -> str:
        """'2 ratings', '2 notes', '1 rating and 2 notes': what the person's own view rests on."""
        return own_view_counts(self.self_count - self.self_notes, self.self_notes)

    @property
    def counts(self) -> str:
        """'1 rating against 2 outside pieces': what the two views rest on."""
        return (
            f"{self.own_view_counts} against "
            f"{counted(self.others.evidence_count, 'outside piece', 'outside pieces')}"
        )

    @property
    def reading(self) -> str:
        """The reading in words, as every surface shows it: 'blind spot (provisional)'."""
        kind = self.kind
        if kind is CalibrationKind.AWAITING_REVIEW:
            return "awaits your review"
        if self.both_see_gap:
            return GAP_BOTH_SEE
        if self.unbacked:
            # No disagreement was said, but the figures are a point apart: "agreed" beside
            # them, under "less than a rating point apart", would contradict the numbers.
            return APART_IN_NUMBERS
        if kind is CalibrationKind.AGREEMENT:
            return "agreed"
        return f"{_APART_WORDS[kind]}{' (provisional)' if self.provisional else ''}"

    @property
    def self_rating(self) -> float:
        """The person's own view as a 1-5 rating: 0.62 is 3.5."""
        return 1 + 4 * self.self_score

    @property
    def noted_text(self) -> str:
        """The person's own note and rating: 'you noted it yourself (debrief of …), but …'."""
        if not self.own_notes:
            return ""
        first = self.own_notes[0]
        on = first.observed_on
        text = " ".join((first.own_note or "").split())
        if len(text) > _NOTE_QUOTE:
            text = text[: _NOTE_QUOTE - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        more = (
            f", and {counted(len(self.own_notes) - 1, 'more debrief')}"
            if len(self.own_notes) > 1
            else ""
        )
        return (
            f"you noted it yourself (debrief of {on.day} {on:%b %Y}: “{text}”{more}), but "
            f"rated yourself {self.self_rating:.1f}/5"
        )

    @property
    def note(self) -> str:
        """Why the reading is what it is, where the difference alone would mislead ('' if not)."""
        if self.kind is CalibrationKind.NOTED_YOURSELF:
            thin = f"; {self.counts}, thin outside evidence" if self.others.thin else ""
            return f"{self.noted_text}{thin}"
        apart = _APART_WORDS.get(self.apart, "")
        if self.kind is CalibrationKind.AWAITING_REVIEW:
            said = "a gap" if self.apart is CalibrationKind.BLIND_SPOT else "a strength"
            return (
                f"it would read as a {apart}, but only statements you have not reviewed name {said}"
            )
        if self.both_see_gap:
            return (
                f"others name it a recurring gap too ({self.others_gap_sources} independent "
                "sources), so it is no hidden strength: you are harder on yourself than they are"
            )
        if self.unbacked:
            said = "a gap" if self.apart is CalibrationKind.BLIND_SPOT else "a strength"
            return (
                f"nobody else named {said}, and others' "
                f"{self.others.mean:.2f} differs from you only because "
                f"{counted(self.others.evidence_count, 'outside piece is', 'outside pieces are')}"
                " weighed against an even 0.5 to start from"
            )
        if self.provisional:
            return f"{self.counts}, thin outside evidence"
        return ""

    def to_json(self) -> dict[str, Any]:
        """Both views, their difference and the reading."""
        return {
            "competency_id": self.competency_id,
            "name": self.name,
            "self": round(self.self_score, 4),
            "others": round(self.others.mean, 4),
            "others_low": round(self.others.low, 4),
            "others_high": round(self.others.high, 4),
            "difference": round(self.difference, 4),
            "kind": self.kind.value,
            "reading": self.reading,
            "apart_in_numbers_only": self.unbacked,
            "provisional": self.provisional,
            "self_count": self.self_count,
            "self_notes": self.self_notes,
            "others_count": self.others.evidence_count,
            "others_thin": self.others.thin,
            "statements_to_review": statement_ids(self.awaiting_review),
            "own_notes": [
                {"on": e.observed_on.isoformat(), "text": e.own_note} for e in self.own_notes
            ],
        }


@dataclass(frozen=True)
class ThinSelfView:
    """A competency others spoke to where the person's own view is too thin to compare."""

    competency_id: str
    name: str
    notes: int


@dataclass(frozen=True)
class Calibration:
    """Self against others across competencies, with one overall agreement figure."""

    items: tuple[CalibrationItem, ...]
    # Competencies with outside evidence whose own view is fewer notes than SELF_MIN_NOTES
    # and no rating: said to be too thin, never given a "you 0.00" or an agreement figure.
    thin_self: tuple[ThinSelfView, ...] = ()

    @property
    def thin_self_text(self) -> str | None:
        """Why the own view of some competencies is not compared, in a sentence; None if none."""
        if not self.thin_self:
            return None
        names = ", ".join(t.name for t in self.thin_self)
        notes = sum(t.notes for t in self.thin_self)
        one = len(self.thin_self) == 1
        return (
            f"Your own view of {names} is {counted(notes, 'note')} you wrote and no "
            f"self-rating: too thin to set against others' view (it takes a self-rating, "
            f"or {SELF_MIN_NOTES} notes, on {'it' if one else 'each'}). Rate yourself in an "
            "interview's debrief to compare."
        )

    @property
    def mean_difference(self) -> float | None:
        """Mean |self - others| over the compared competencies, on the 0..1 scale."""
        if not self.items:
            return None
        return statistics.fmean(abs(i.difference) for i in self.items)

    @property
    def mean_difference_points(self) -> float | None:
        """The mean difference in rating points on the 1-5 self-rating scale (0.25 each)."""
        mean = self.mean_difference
        return None if mean is None else mean / CALIBRATION_MARGIN

    @property
    def agreement(self) -> float | None:
        """1 - mean |self - others| over the compared competencies; 1 is full agreement.

        It measures how close the two views are everywhere, while each competency's reading
        only asks whether they are within a rating point: every competency can read as
        agreed and the figure still be below 100%.
        """
        mean = self.mean_difference
        return None if mean is None else 1.0 - mean

    @property
    def agreement_percent(self) -> int | None:
        """The agreement figure as every view shows it: a whole percentage, rounded."""
        agreement = self.agreement
        return None if agreement is None else round(agreement * 100)

    @property
    def provisional(self) -> bool:
        """Whether every competency's "others" side is thin: the figure is a first reading."""
        return bool(self.items) and all(i.others.thin for i in self.items)

    @property
    def agreed(self) -> list[CalibrationItem]:
        """Where self and others are within a rating point of each other, in framework order."""
        return [i for i in self.items if i.kind is CalibrationKind.AGREEMENT and not i.unbacked]

    @property
    def apart_in_numbers(self) -> list[CalibrationItem]:
        """A point or more apart with nobody else's words behind it, in framework order.

        No disagreement was said, so they are no blind spot; but counting them under "less
        than a rating point apart" would contradict the figures shown beside them.
        """
        return [i for i in self.items if i.kind is CalibrationKind.AGREEMENT and i.unbacked]

    @property
    def correlation(self) -> float | None:
        """Pearson's r between self and others, once there are enough points to mean much."""
        if len(self.items) < CALIBRATION_MIN_POINTS_FOR_CORRELATION:
            return None
        try:
            return statistics.correlation(
                [i.self_score for i in self.items], [i.others.mean for i in self.items]
            )
        except statistics.StatisticsError:  # one side constant: no correlation to speak of
            return None

    @property
    def blind_spots(self) -> list[CalibrationItem]:
        """Where the person rates themselves higher than others do: provisional ones last.

        Within each group, widest first.
        """
        return sorted(
            (i for i in self.items if i.kind is CalibrationKind.BLIND_SPOT),
            key=lambda i: (i.provisional, -i.difference),
        )

    @property
    def noted_yourself(self) -> list[CalibrationItem]:
        """Blind spots by the numbers that the person's own debrief named: widest first."""
        return sorted(
            (i for i in self.items if i.kind is CalibrationKind.NOTED_YOURSELF),
            key=lambda i: -i.difference,
        )

    @property
    def hidden_strengths(self) -> list[CalibrationItem]:
        """Where others rate the person higher than they do: provisional ones last."""
        return sorted(
            (i for i in self.items if i.kind is CalibrationKind.HIDDEN_STRENGTH),
            key=lambda i: (i.provisional, i.difference),
        )

    @property
    def awaiting_review(self) -> list[CalibrationItem]:
        """Where only statements nobody reviewed set the two views apart, widest first."""
        return sorted(
            (i for i in self.items if i.kind is CalibrationKind.AWAITING_REVIEW),
            key=lambda i: -abs(i.difference),
        )

    @property
    def thin(self) -> list[CalibrationItem]:
        """The competencies whose outside evidence is thin, in framework order."""
        return [i for i in self.items if i.others.thin]

    def to_json(self) -> dict[str, Any]:
        """Every compared competency plus the overall figures."""
        agreement, correlation, mean = self.agreement, self.correlation, self.mean_difference
        return {
            "agreement": None if agreement is None else round(agreement, 4),
            # What agreement is 1 minus, so a reader can see why it is not 1.
            "mean_difference": None if mean is None else round(mean, 4),
            "correlation": None if correlation is None else round(correlation, 4),
            "provisional": self.provisional,
            "agreed": [i.competency_id for i in self.agreed],
            "apart_in_numbers_only": [i.competency_id for i in self.apart_in_numbers],
            "blind_spots": [i.competency_id for i in self.blind_spots],
            "noted_yourself": [i.competency_id for i in self.noted_yourself],
            "hidden_strengths": [i.competency_id for i in self.hidden_strengths],
            "awaiting_review": [i.competency_id for i in self.awaiting_review],
            "thin": [i.competency_id for i in self.thin],
            "thin_self_view": [t.competency_id for t in self.thin_self],
            "items": [i.to_json() for i in self.items],
        }


def own_share(evidence: Evidence) -> float | None:
    """How a piece of the person's own view reads on the 0..1 scale; None if it says neither way.

    A self-rating r is (r - 1) / 4. A note they wrote reads as a 2 or a 4 out of 5
    (NOTE_GAP_SHARE, NOTE_STRENGTH_SHARE): a sentence says which way, not how far.
    """
    if evidence.self_rating is not None:
        return evidence.strength_share
    if evidence.polarity is Polarity.GAP:
        return NOTE_GAP_SHARE
    if evidence.polarity is Polarity.STRENGTH:
        return NOTE_STRENGTH_SHARE
    return None


def enough_own_view(own: Sequence[Evidence]) -> bool:
    """Whether the person's own view of a competency is enough to compare: a rating, or notes.

    One self-rating is a number they chose; notes need SELF_MIN_NOTES of them.
    """
    return any(e.self_rating is not None for e in own) or len(own) >= SELF_MIN_NOTES


def _gap_witnesses(external: Sequence[WeightedEvidence]) -> int:
    """Independent outside sources naming a gap in a reviewed statement (patterns' witnesses)."""
    return len(
        {
            w.evidence.independence_key
            for w in external
            if w.evidence.polarity is Polarity.GAP and w.evidence.confirmed
        }
    )


def calibrate(
    competencies: Sequence[Competency], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> Calibration:
    """Compare self-assessment with external evidence wherever both exist.

    Self: the recency-weighted mean of the person's own view (see own_share), where it is
    enough to compare (see enough_own_view); a thinner one is listed in ``thin_self``.
    Others: the Beta posterior mean of the external evidence alone, so one stray statement is
    pulled towards 0.5 and cannot make a blind spot by itself.
    """
    items = []
    thin_self = []
    for competency in competencies:
        pieces = weighted.get(competency.id, ())
        own = [
            (w, share)
            for w in pieces
            if not w.evidence.is_external and (share := own_share(w.evidence)) is not None
        ]
        external = [w for w in pieces if w.evidence.is_external and w.to_alpha + w.to_beta > 0]
        own_weight = sum(w.weight for w, _ in own)
        noted = sorted(
            (w.evidence for w, _ in own if w.evidence.own_note),
            key=lambda e: e.observed_on,
            reverse=True,
        )
        if not external or own_weight <= 0:
            continue
        if not enough_own_view([w.evidence for w, _ in own]):
            thin_self.append(ThinSelfView(competency.id, competency.name, len(own)))
            continue
        items.append(
            CalibrationItem(
                competency_id=competency.id,
                name=competency.name,
                self_score=sum(w.weight * share for w, share in own) / own_weight,
                others=score(competency, external),
                self_count=len(own),
                others_evidence=tuple(external),
                own_notes=tuple(noted),
                others_gap_sources=_gap_witnesses(external),
                self_notes=sum(1 for w, _ in own if w.evidence.self_rating is None),
            )
        )
    return Calibration(items=tuple(items), thin_self=tuple(thin_self))

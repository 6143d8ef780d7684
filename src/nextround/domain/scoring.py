"""A competency's score: a Beta posterior over weighted evidence, and its explanation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from nextround.domain.competency import Competency, Polarity
from nextround.domain.evidence import (
    DEFAULT_HALF_LIFE_DAYS,
    Evidence,
    WeightedEvidence,
    saturate,
    weigh,
)

# Beta(1, 1): before any evidence every score from 0 to 1 is equally likely. It is worth two
# observations, so a single statement moves the mean from 0.5 to 0.67 or 0.33, not to 1 or 0.
PRIOR_ALPHA = 1.0
PRIOR_BETA = 1.0

# The interval shown with every score: the central 80% of the posterior.
INTERVAL_LOW = 0.10
INTERVAL_HIGH = 0.90

# "Mixed" means evidence really points both ways: pieces read as strengths and as gaps, the
# lighter side weighing at least this share of all scored weight. Less than that is one
# side with a little noise, and reads as leaning, not as mixed.
MIXED_MIN_SHARE = 0.25
# Within this distance of the even 0.5, the mean leans nowhere worth naming: "uncertain".
LEANING_MARGIN = 0.05

#: Every reading `CompetencyScore.verdict` gives, in the order it is decided.
VERDICTS = (
    "no evidence yet",
    "thin evidence",
    "strength",
    "gap",
    "mixed",
    "leaning strength",
    "leaning gap",
    "uncertain",
)


def beta_interval(alpha: float, beta: float) -> tuple[float, float]:
    """The 10% and 90% quantiles of Beta(alpha, beta)."""
    # scipy.special is imported here, not at module level: it costs ~0.25 s with numpy
    # (measured on `profile`, about a fifth of its run), and commands that never score
    # anything should not pay for it. betaincinv is the inverse of the regularised
    # incomplete beta function, i.e. exactly scipy.stats.beta.ppf, without the 0.6 s import
    # of scipy.stats. Nothing lighter is as exact: scipy.special._ufuncs loads its package
    # first, and mpmath has no inverse (a root-find on its betainc took ~4 ms a quantile,
    # and `profile` needs ~340 of them).
    from scipy.special import betaincinv

    return float(betaincinv(alpha, beta, INTERVAL_LOW)), float(
        betaincinv(alpha, beta, INTERVAL_HIGH)
    )


@dataclass(frozen=True)
class CompetencyScore:
    """How strong one competency looks, how sure that is, and how much evidence is behind it."""

    competency_id: str
    name: str
    alpha: float
    beta: float
    mean: float
    low: float
    high: float
    evidence_count: int
    evidence_weight: float
    scored_weight: float
    strength_weight: float
    gap_weight: float
    # How many pieces read as a strength and as a gap: "mixed" needs both.
    strength_count: int = 0
    gap_count: int = 0

    @property
    def thin(self) -> bool:
        """Whether the prior still weighs at least as much as all the evidence.

        Below that line the score says more about the starting assumption than about the
        person, so the profile flags it instead of presenting it as a measurement.
        """
        return self.scored_weight < PRIOR_ALPHA + PRIOR_BETA

    @property
    def verdict(self) -> str:
        """A plain reading of the score that never claims more than the evidence holds.

        "strength" and "gap" need the whole 80% interval on one side of 0.5. When it crosses,
        people read "mixed" as "some said good, some said bad", so it is kept for exactly
        that; otherwise the mean's side is named as a lean, or nothing is ("uncertain").
        """
        if self.evidence_count == 0:
            return "no evidence yet"
        if self.thin:
            return "thin evidence"
        if self.low > 0.5:
            return "strength"
        if self.high < 0.5:
            return "gap"
        if self.mixed:
            return "mixed"
        if self.mean >= 0.5 + LEANING_MARGIN:
            return "leaning strength"
        if self.mean <= 0.5 - LEANING_MARGIN:
            return "leaning gap"
        return "uncertain"

    @property
    def reads_as_strength(self) -> bool:
        """Whether its reading names the strength side: "strength" or "leaning strength".

        Thin evidence leaning that way counts too; "mixed" does not, as the evidence really
        points both ways there. A gap list never shows such a score: "recurring gap, 0.95"
        contradicts itself, so a gap the rest of the evidence outweighs is shown as that
        (patterns.find_outweighed_gaps), not as a gap.
        """
        verdict = self.verdict
        if verdict == "thin evidence":
            return self.mean >= 0.5 + LEANING_MARGIN
        return verdict in ("strength", "leaning strength")

    @property
    def mixed(self) -> bool:
        """Whether the evidence points both ways, each side with real weight behind it."""
        lighter = min(self.strength_weight, self.gap_weight)
        return (
            self.strength_count > 0
            and self.gap_count > 0
            and lighter >= MIXED_MIN_SHARE * self.scored_weight
        )

    def to_json(self) -> dict[str, Any]:
        """The score, its 80% interval and the amount of evidence, rounded for display."""
        return {
            "competency_id": self.competency_id,
            "name": self.name,
            "mean": round(self.mean, 4),
            "low": round(self.low, 4),
            "high": round(self.high, 4),
            "alpha": round(self.alpha, 4),
            "beta": round(self.beta, 4),
            "evidence_count": self.evidence_count,
            "evidence_weight": round(self.evidence_weight, 4),
            "scored_weight": round(self.scored_weight, 4),
            "strength_weight": round(self.strength_weight, 4),
            "gap_weight": round(self.gap_weight, 4),
            "thin": self.thin,
            "verdict": self.verdict,
        }


def score(competency: Competency, weighted: Iterable[WeightedEvidence]) -> CompetencyScore:
    """Beta(PRIOR_ALPHA + weight for, PRIOR_BETA + weight against), with its 80% interval."""
    pieces = list(weighted)
    for_ = sum(w.to_alpha for w in pieces)
    against = sum(w.to_beta for w in pieces)
    alpha = PRIOR_ALPHA + for_
    beta = PRIOR_BETA + against
    low, high = beta_interval(alpha, beta)
    return CompetencyScore(
        competency_id=competency.id,
        name=competency.name,
        alpha=alpha,
        beta=beta,
        mean=alpha / (alpha + beta),
        low=low,
        high=high,
        evidence_count=len(pieces),
        evidence_weight=sum(w.weight for w in pieces),
        scored_weight=for_ + against,
        strength_weight=for_,
        gap_weight=against,
        strength_count=sum(1 for w in pieces if w.evidence.polarity is Polarity.STRENGTH),
        gap_count=sum(1 for w in pieces if w.evidence.polarity is Polarity.GAP),
    )


def weigh_all(
    evidence: Iterable[Evidence], as_of: date, half_life_days: int = DEFAULT_HALF_LIFE_DAYS
) -> dict[str, list[WeightedEvidence]]:
    """Weigh the evidence observed up to ``as_of``, grouped by competency, heaviest first.

    Within a competency, a feedback item that says more than ITEM_MAX_PIECES things about it
    counts as that many pieces (see evidence.saturate).
    """
    grouped: dict[str, list[WeightedEvidence]] = {}
    for piece in evidence:
        if piece.observed_on <= as_of:
            grouped.setdefault(piece.competency_id, []).append(weigh(piece, as_of, half_life_days))
    for competency, pieces in grouped.items():
        grouped[competency] = sorted(saturate(pieces), key=_heaviest_first)
    return grouped


def _heaviest_first(w: WeightedEvidence) -> tuple[float, int, str, str]:
    # Ties (the same weight) fall back to newest first, then a fixed text order, so the
    # explanation reads the same on every run.
    e = w.evidence
    return (-w.weight, -e.observed_on.toordinal(), e.source.value, e.text)


@dataclass(frozen=True)
class Explanation:
    """Every piece of evidence behind a competency's score, and the sum that makes it."""

    score: CompetencyScore
    prior_alpha: float
    prior_beta: float
    half_life_days: int
    as_of: date
    pieces: tuple[WeightedEvidence, ...]

    @property
    def in_words(self) -> str:
        """How the score comes about, for a job seeker rather than a statistician."""
        s = self.score
        against = (
            f"what counts against it {s.gap_weight:.2f}"
            if s.gap_weight >= 0.005
            else "nothing counts against it"
        )
        start = f"{self.prior_alpha:g}" if self.prior_alpha == self.prior_beta else "a little"
        return (
            f"What counts for it weighs {s.strength_weight:.2f} and {against} (each piece "
            "weighed by who said it, how recent it is and whether you have reviewed it). The "
            f"score, {s.mean:.2f}, is the share of that weight saying strength, starting from "
            f"an even {start} on each side so that a little evidence cannot say much: 0.50 is "
            "even, 1 a clear strength and 0 a clear gap."
        )

    @property
    def formula(self) -> str:
        """The sum behind the score, shown under the words for anyone who wants to check it."""
        s, a, b = self.score, self.prior_alpha, self.prior_beta
        return (
            f"Score = ({a:g} + for) ÷ ({a + b:g} + for + against) = ({a:g} + "
            f"{s.strength_weight:.3f}) ÷ ({a + b:g} + {s.strength_weight:.3f} + "
            f"{s.gap_weight:.3f}) = {s.mean:.3f}"
        )

    def to_json(self) -> dict[str, Any]:
        """The score, the prior and each piece with its weight and contribution."""
        return {
            "score": self.score.to_json(),
            "prior": {"alpha": self.prior_alpha, "beta": self.prior_beta},
            "half_life_days": self.half_life_days,
            "as_of": self.as_of.isoformat(),
            "evidence": [w.to_json() for w in self.pieces],
        }


def explain(
    evidence: Sequence[Evidence],
    competency: Competency,
    today: date,
    half_life_days: int = DEFAULT_HALF_LIFE_DAYS,
) -> Explanation:
    """The score of one competency with every piece of evidence behind it, heaviest first.

    alpha = prior_alpha + sum(to_alpha), beta = prior_beta + sum(to_beta) and
    mean = alpha / (alpha + beta): the profile's numbers can be redone from this alone.
    """
    pieces = weigh_all(
        (e for e in evidence if e.competency_id == competency.id), today, half_life_days
    ).get(competency.id, [])
    return Explanation(
        score=score(competency, pieces),
        prior_alpha=PRIOR_ALPHA,
        prior_beta=PRIOR_BETA,
        half_life_days=half_life_days,
        as_of=today,
        pieces=tuple(pieces),
    )

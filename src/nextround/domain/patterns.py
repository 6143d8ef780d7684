"""Patterns across evidence: spikes and recurring gaps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from nextround.domain.competency import Polarity
from nextround.domain.evidence import WeightedEvidence
from nextround.domain.feedback import FeedbackSource
from nextround.domain.scoring import CompetencyScore, beta_interval

# A spike is a strength the evidence is sure about: even the pessimistic end of the 80%
# interval sits above 0.6 (with the Beta(1, 1) prior that takes at least ~3.5 fresh,
# confirmed interviewer statements with nothing against). It must also be seen more than
# once, by two independent sources other than the candidate: as for gaps, a high rating of
# yourself may agree, but it is no second witness.
SPIKE_MIN_LOW = 0.6
SPIKE_MIN_PIECES = 2
SPIKE_MIN_SOURCES = 2

# A witness to a pattern is a source with a statement the person has reviewed (confirmed or
# corrected its mapping). A mapping nobody checked, however confident, is the mapper's
# reading: it moves the score (at a discount) and is shown beside the pattern it would
# complete, but a spike or a recurring gap never rests on it, since two mis-mapped
# sentences would otherwise make a "recurring gap" out of nothing.
REVIEW_RULE = (
    "Only statements you have reviewed count as witnesses: one you have not reviewed yet "
    "moves the score, at a discount, but makes no spike or recurring gap until you confirm it"
)

# How a statement nobody has reviewed yet is marked wherever it is quoted.
NOT_REVIEWED = "not reviewed yet"

# The rule in words, made from the constants, so every page that explains it states the
# rule the code applies.
SPIKE_RULE = (
    f"A spike needs the cautious end of its 80% range above {SPIKE_MIN_LOW:.2f}, and strength "
    f"evidence from at least {SPIKE_MIN_SOURCES} independent sources other than you (your own "
    "ratings may agree, but do not count as one), each in a statement you have reviewed"
)

# A gap recurs when two independent sources other than the person saw it (see
# Evidence.independence_key) in statements the person reviewed (see REVIEW_RULE). The
# person's own low self-rating may agree, and is shown as agreeing, but never counts as one
# of the two: rating yourself low after hearing the criticism is an echo of it, not a
# second witness.
GAP_MIN_SOURCES = 2
GAP_RULE = (
    f"A recurring gap needs gap evidence from at least {GAP_MIN_SOURCES} independent sources "
    "other than you, each in a statement you have reviewed"
)

# What the watch list of gaps heard once is for, said beside it on every surface.
# A recurring gap is improving when the independent sources heard since its last gap statement
# from someone else, at least this many of them, all call it a strength, in statements the
# person reviewed: "the last two panels praised exactly that" must show beside the old gap
# quotes. It stays a recurring gap (the witnesses still said it, and its score may still be
# low); the page says it is improving, and the plan shifts from drills to keeping it up.
IMPROVING_MIN_SOURCES = 2
# Like IMPROVING_RULE for others' view: one generous rating since is no change of mind, so
# the person's own view has moved only when their ratings and notes since all say strength.
OWN_VIEW_MOVED_RULE = (
    f"Your own view of a gap has moved when your last {IMPROVING_MIN_SOURCES} or more ratings "
    "or notes since you last named it a gap all call it a strength"
)
IMPROVING_RULE = (
    f"A recurring gap is improving when at least {IMPROVING_MIN_SOURCES} independent sources "
    "besides you, heard after the last time someone named the gap, all call it a strength in "
    "statements you have reviewed"
)

HEARD_ONCE_HINT = (
    "one more independent source besides you makes it recurring; until then, ask for "
    "specifics and watch for it"
)


# A gap that does not recur yet still gets one provisional action in the plan when the person
# has checked it: a statement naming it that they reviewed, or their own low rating of it.
# Two mis-read sentences must not make a recurring gap, but a rejection whose feedback the
# person agrees with must not leave the plan empty either.
def below_bar(value: float, bar: float) -> tuple[str, str]:
    """A score under a bar as every page words it: its figure, and "short" or "just short".

    Scores show two decimals, but 0.598 written "0.60" would read as "0.60 is short of the
    0.60 a spike needs": when two decimals round the two alike, the figure gets the digits
    that tell them apart (up to three) and the shortfall is "just short".
    """
    if f"{value:.2f}" != f"{bar:.2f}":
        return f"{value:.2f}", "short"
    return f"{value:.3f}", "just short"


def is_provisional_gap(gap: RecurringGap) -> bool:
    """Whether a gap heard so far (not recurring) is checked enough to act on provisionally.

    Checked: a reviewed statement from someone else names it, or the person's own low rating
    agrees with what someone else said.
    """
    return bool(gap.outside_sources) and (bool(gap.witnesses) or gap.own_view_agrees)


# How many quotes every surface (terminal, web page, report) shows at least under a spike and
# under a gap (more when more witnesses back it: see `quoted`), taken in `by_source_first`
# order so that the sources a pattern claims can be seen in its quotes: three quotes from one
# e-mail would undercut "3 independent sources".
SPIKE_QUOTES = 2
GAP_QUOTES = 3


def by_source_first(pieces: Sequence[WeightedEvidence]) -> tuple[WeightedEvidence, ...]:
    """The pieces reordered: one per independent outside source first, then the rest.

    Each witness (a source with a reviewed statement) comes first with its loudest reviewed
    piece, then each source not reviewed yet with its loudest; the other pieces follow in
    their own order (the person's own ratings among them).
    """
    first: list[int] = []
    seen: set[tuple[int | None, FeedbackSource]] = set()
    for reviewed_only in (True, False):
        for i, w in enumerate(pieces):
            e = w.evidence
            if not e.is_external or e.independence_key in seen:
                continue
            if reviewed_only and not e.confirmed:
                continue
            seen.add(e.independence_key)
            first.append(i)
    chosen = set(first)
    return tuple(pieces[i] for i in first) + tuple(
        w for i, w in enumerate(pieces) if i not in chosen
    )


def quoted(pieces: Sequence[WeightedEvidence], at_least: int) -> tuple[WeightedEvidence, ...]:
    """The pieces a surface quotes: ``at_least`` of them, and never fewer than one per witness.

    A pattern says how many independent sources with a reviewed statement back it ("3
    independent sources besides you call it a strength"); a fixed number of quotes would
    leave the third unseen, so each of them gets its quote, in `by_source_first` order.
    """
    witnesses = {
        w.evidence.independence_key
        for w in pieces
        if w.evidence.is_external and w.evidence.confirmed
    }
    return by_source_first(pieces)[: max(at_least, len(witnesses))]


@dataclass(frozen=True)
class Spike:
    """A clear strength, with the evidence that shows it."""

    score: CompetencyScore
    # Independent sources other than the person with a reviewed statement: the witnesses.
    sources: int
    evidence: tuple[WeightedEvidence, ...]
    # Further sources other than the person whose statements nobody has reviewed yet.
    unreviewed_sources: int = 0

    @property
    def competency_id(self) -> str:
        """The competency this spike is about."""
        return self.score.competency_id

    @property
    def quotes(self) -> tuple[WeightedEvidence, ...]:
        """The strength evidence every surface quotes: one per independent source first."""
        return quoted(self.evidence, SPIKE_QUOTES)

    def to_json(self) -> dict[str, Any]:
        """The spike with its score, source counts and strength evidence."""
        return {
            "competency_id": self.competency_id,
            "name": self.score.name,
            "mean": round(self.score.mean, 4),
            "low": round(self.score.low, 4),
            "high": round(self.score.high, 4),
            "sources": self.sources,
            "unreviewed_sources": self.unreviewed_sources,
            "evidence": [w.to_json() for w in self.evidence],
        }


# A likely spike meets every condition of the spike rule but the cautious end: enough
# reviewed witnesses, all saying strength, yet with source and recency weights below 1 the
# 0.60 bar takes four or five of them, more than a two-month search usually yields. A coach
# would already tell the person to lean on it, provisionally; the rule stays as it is, and
# the page says what would confirm it. Its cautious end must still be near the bar (two
# fresh interviewer statements with nothing against give 0.46), so a strength two friendly
# voices mention in passing is not one.
LIKELY_SPIKE_MIN_LOW = 0.45
# Or it is counted in sources: three or more independent reviewed sources besides the person,
# all saying strength and nothing at all against it, make a likely spike whatever the cautious
# end says. With source and recency weights a year-long search's praise (a manager review, a
# 360, one hiring manager: 0.74, range 0.45–0.96) stays "thin" by weight, yet a coach would
# already call it an emerging strength and have the person lean on it, provisionally. Their
# weight together must still match one fresh interviewer statement, so that three faded
# mentions from years ago are not one.
LIKELY_SPIKE_MIN_SOURCES = 3
LIKELY_SPIKE_MIN_WEIGHT = 1.0
# How much one further statement is assumed to weigh when saying what would confirm it: a
# reviewed, fresh one from an interviewer or hiring manager (SOURCE_WEIGHTS' top).
_CONFIRMING_WEIGHT = 1.0
# Beyond this many further statements, "it would take many more" is the honest answer.
_CONFIRMING_MAX = 4
_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four"}


@dataclass(frozen=True)
class NearSpike:
    """A competency that reads as a strength but is not a spike, and what it lacks.

    A likely spike (``likely``) lacks only the cautious end of its range: the profile shows
    it with what would confirm it, and the plan leans on it, provisionally.
    """

    score: CompetencyScore
    shortfall: str
    # Statements not reviewed yet that would make it a spike once confirmed; empty when
    # reviewing would not be enough.
    awaiting_review: tuple[WeightedEvidence, ...] = ()
    # Outside sources with a reviewed strength statement: its witnesses so far.
    reviewed_sources: int = 0
    likely: bool = False
    # Its trusted strength evidence, heaviest first (quoted under a likely spike).
    evidence: tuple[WeightedEvidence, ...] = ()
    # Further fresh, reviewed interviewer statements with nothing against that would make a
    # likely spike a spike (0 when more than _CONFIRMING_MAX would be needed).
    more_needed: int = 0

    @property
    def competency_id(self) -> str:
        """The competency this is about."""
        return self.score.competency_id

    @property
    def quotes(self) -> tuple[WeightedEvidence, ...]:
        """The strength evidence every surface quotes: one per independent source first."""
        return quoted(self.evidence, SPIKE_QUOTES)

    @property
    def to_confirm(self) -> str:
        """What would confirm a likely spike, in words ('' for any other near spike)."""
        if not self.likely:
            return ""
        if not self.more_needed:
            return "it would take several more reviewed strength statements to confirm it"
        n = self.more_needed
        return (
            f"{_COUNT_WORDS[n]} more reviewed strength statement{'' if n == 1 else 's'} "
            f"from an interviewer or hiring manager, with nothing against, would confirm it"
        )

    @property
    def likely_text(self) -> str:
        """Why it is a likely spike, to follow "likely spike: " ('' if it is none)."""
        if not self.likely:
            return ""
        against = "" if self.score.gap_count else ", nothing against it"
        low, short = below_bar(self.score.low, SPIKE_MIN_LOW)
        return (
            f"{self.reviewed_sources} independent sources besides you call it a strength, in "
            f"statements you have reviewed{against}; only the cautious end of its 80% range, "
            f"{low}, is {short} of the {SPIKE_MIN_LOW:.2f} a spike needs. "
            f"{self.to_confirm[0].upper()}{self.to_confirm[1:]}"
        )

    @property
    def why(self) -> str:
        """Why it is no spike, to follow the competency's name on any page."""
        if self.likely:
            return f"is a likely spike: {self.likely_text}"
        return f"reads as a strength but is not a spike yet: {self.shortfall}"

    def likely_json(self) -> dict[str, Any] | None:
        """A likely spike's figures and what would confirm it; None for any other."""
        if not self.likely:
            return None
        return {
            "reviewed_sources": self.reviewed_sources,
            "cautious_end": round(self.score.low, 4),
            "needed": SPIKE_MIN_LOW,
            "more_statements_needed": self.more_needed or None,
            "to_confirm": self.to_confirm,
        }


def _more_needed(score: CompetencyScore) -> int:
    """How many fresh, reviewed interviewer statements would lift the cautious end over the bar.

    0 when more than _CONFIRMING_MAX would be needed.
    """
    for n in range(1, _CONFIRMING_MAX + 1):
        if beta_interval(score.alpha + n * _CONFIRMING_WEIGHT, score.beta)[0] > SPIKE_MIN_LOW:
            return n
    return 0


@dataclass(frozen=True)
class GapSource:
    """One independent source of gap evidence: one kind of source within one application."""

    application_id: int | None
    source: FeedbackSource
    pieces: int
    latest_on: date
    # Whether the person reviewed at least one of its statements: only then is it a witness.
    reviewed: bool = True

    def to_json(self) -> dict[str, Any]:
        """The source's application, kind, piece count, latest date and review state."""
        return {
            "application_id": self.application_id,
            "source": self.source.value,
            "pieces": self.pieces,
            "latest_on": self.latest_on.isoformat(),
            "reviewed": self.reviewed,
        }


@dataclass(frozen=True)
class RecurringGap:
    """Gap evidence about one competency, by independent source, with every piece of it.

    The profile's recurring gaps are the ones with two or more witnesses; the same shape
    holds a gap heard once so far, or one that waits for the person's review.
    """

    score: CompetencyScore
    sources: tuple[GapSource, ...]
    evidence: tuple[WeightedEvidence, ...]
    # Reviewed strength statements from others, dated after the last gap statement from
    # someone else, oldest first: what says it is improving (see IMPROVING_MIN_SOURCES).
    since: tuple[WeightedEvidence, ...] = ()
    # The person's own ratings and notes dated after their last own gap piece, oldest
    # first: where they all call it a strength, "your own view agrees" would be stale.
    own_since: tuple[WeightedEvidence, ...] = ()

    @property
    def competency_id(self) -> str:
        """The competency this gap is about."""
        return self.score.competency_id

    @property
    def improving_sources(self) -> tuple[tuple[str, date], ...]:
        """The independent sources praising it since the gap, oldest first: (label, latest)."""
        return _latest_by_source(self.since)

    @property
    def improving(self) -> bool:
        """Whether the sources heard since the gap all call it a strength (see IMPROVING_RULE)."""
        return len(self.improving_sources) >= IMPROVING_MIN_SOURCES

    @property
    def trajectory(self) -> str:
        """'improving', or 'recurring' while nobody has said otherwise since."""
        return "improving" if self.improving else "recurring"

    @property
    def improving_text(self) -> str:
        """'improving: the last 2 sources say strength — Geodis, Jun 2026; …' ('' if not)."""
        if not self.improving:
            return ""
        heard = self.improving_sources
        named = "; ".join(f"{label}, {on:%b %Y}" for label, on in heard)
        return f"improving: the last {len(heard)} sources say strength — {named}"

    @property
    def named_by(self) -> tuple[tuple[str, date], ...]:
        """The outside sources that named the gap, oldest first: (label, latest)."""
        return _latest_by_source(w for w in self.evidence if w.evidence.is_external)

    @property
    def closed_text(self) -> str:
        """'closed since Apr 2025: named a gap by A and B (Apr 2025); improving: …' ('' if not).

        Said of an improving gap the strength evidence now outweighs: the same improving
        words as a recurring one, led by when the gap was last heard and who named it.
        """
        if not self.improving:
            return ""
        named = self.named_by
        names = [label for label, _ in named]
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        first, last = named[0][1], named[-1][1]
        when = (
            f"{first:%b %Y}"
            if (first.year, first.month) == (last.year, last.month)
            else (f"{first:%b %Y}–{last:%b %Y}")
        )
        return f"closed since {last:%b %Y}: named a gap by {who} ({when}); {self.improving_text}"

    @property
    def recent_quotes(self) -> tuple[WeightedEvidence, ...]:
        """The praise since the gap every surface quotes beside it, newest first."""
        if not self.improving:
            return ()
        newest = sorted(self.since, key=lambda w: w.evidence.observed_on, reverse=True)
        return quoted(newest, SPIKE_QUOTES)

    @property
    def quotes(self) -> tuple[WeightedEvidence, ...]:
        """The gap evidence every surface quotes: one per independent source first."""
        return quoted(self.evidence, GAP_QUOTES)

    @property
    def gap_weight(self) -> float:
        """The decayed weight of the gap evidence: how loud and how recent the gap is."""
        return sum(w.to_beta for w in self.evidence)

    @property
    def outside_sources(self) -> tuple[GapSource, ...]:
        """The independent sources other than the person, reviewed or not."""
        return tuple(s for s in self.sources if s.source is not FeedbackSource.SELF)

    @property
    def witnesses(self) -> tuple[GapSource, ...]:
        """The outside sources with a reviewed statement: the ones that make a gap recur."""
        return tuple(s for s in self.outside_sources if s.reviewed)

    @property
    def unreviewed_sources(self) -> tuple[GapSource, ...]:
        """The outside sources none of whose statements the person has reviewed yet."""
        return tuple(s for s in self.outside_sources if not s.reviewed)

    @property
    def awaiting_review(self) -> tuple[WeightedEvidence, ...]:
        """The statements of the unreviewed sources: reviewing them can make witnesses."""
        waiting = {(s.application_id, s.source) for s in self.unreviewed_sources}
        return tuple(w for w in self.evidence if w.evidence.independence_key in waiting)

    @property
    def self_only(self) -> bool:
        """Whether only the person themselves has seen this gap so far."""
        return not self.outside_sources

    @property
    def own_view_agrees(self) -> bool:
        """Whether the person's own ratings show the gap too."""
        return any(s.source is FeedbackSource.SELF for s in self.sources)

    @property
    def own_view_moved(self) -> bool:
        """Whether the person has rated it a strength since agreeing (see OWN_VIEW_MOVED_RULE)."""
        return len(self.own_since) >= IMPROVING_MIN_SOURCES and all(
            w.evidence.polarity is Polarity.STRENGTH for w in self.own_since
        )

    @property
    def own_view_agreeing(self) -> str:
        """'your own view agrees', 'your note of Apr 2025 agrees', or that it agreed then.

        A single sentence of a self debrief ("I felt I rambled on the stakeholder question")
        is no settled view of yourself: the page says what the agreement rests on and when.
        Where the person has rated it a strength since, their view is said to have moved.
        """
        if not self.own_view_agrees:
            return ""
        own = [w.evidence for w in self.evidence if not w.evidence.is_external]
        last = max(e.observed_on for e in own)
        one_note = len(own) == 1 and own[0].self_rating is None
        if self.own_view_moved:
            newest = self.own_since[-1].evidence
            now = (
                f"{newest.self_rating}/5 in {newest.observed_on:%b %Y}"
                if newest.self_rating is not None
                else f"a strength in your note of {newest.observed_on:%b %Y}"
            )
            if self.improving:
                # Others' latest evidence has turned as well: the two views still agree.
                return f"your own view agrees, and has moved with the recent evidence: {now}"
            then = (
                f"your note of {last:%b %Y} agreed, and your view has"
                if one_note
                else f"your own view agreed in {last:%b %Y} and has"
            )
            return f"{then} moved since: {now}"
        if one_note:
            return f"your note of {last:%b %Y} agrees"
        return "your own view agrees"

    @property
    def own_view(self) -> str:
        """The person's own view of the gap, in words ('' if they have not rated it low)."""
        if self.self_only:
            return "so far only in your own view"
        return self.own_view_agreeing

    @property
    def awaiting_text(self) -> str:
        """What a gap waiting for review lacks, to follow its name on any page."""
        reviewed = len(self.witnesses)
        return (
            f"awaits your review: {len(self.outside_sources)} independent sources besides you "
            f"speak to it as a gap, {reviewed or 'none'} in statements you have reviewed"
        )

    @property
    def latest_on(self) -> date:
        """When the gap was last seen."""
        return max(s.latest_on for s in self.sources)

    def to_json(self) -> dict[str, Any]:
        """The gap with its current score, independent sources and gap evidence."""
        return {
            "competency_id": self.competency_id,
            "name": self.score.name,
            "mean": round(self.score.mean, 4),
            "low": round(self.score.low, 4),
            "high": round(self.score.high, 4),
            "gap_weight": round(self.gap_weight, 4),
            "self_only": self.self_only,
            "reviewed_sources": len(self.witnesses),
            "unreviewed_sources": len(self.unreviewed_sources),
            "latest_on": self.latest_on.isoformat(),
            "trajectory": self.trajectory,
            "improving_sources": [
                {"source": label, "latest_on": on.isoformat()}
                for label, on in (self.improving_sources if self.improving else ())
            ],
            "sources": [s.to_json() for s in self.sources],
            "evidence": [w.to_json() for w in self.evidence],
            "since": [w.to_json() for w in self.since],
        }


def _source_label(piece: WeightedEvidence) -> str:
    """Who said it, for a list of sources: the company, else the kind ('mentor')."""
    e = piece.evidence
    if e.place is not None and e.place.company:
        return e.place.company
    return e.source.label


def find_spikes(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[Spike]:
    """Clear strengths, strongest first (by the low end of the interval, then the mean)."""
    spikes = []
    for s in scores:
        shown = _strength_evidence(weighted.get(s.competency_id, ()))
        if spike_shortfall(s, shown) is None:
            shown.sort(key=lambda w: -w.to_alpha)  # stable: ties keep the heaviest-first order
            reviewed, waiting = _outside_sources(shown)
            spikes.append(
                Spike(
                    score=s,
                    sources=len(reviewed),
                    evidence=tuple(shown),
                    unreviewed_sources=len(waiting),
                )
            )
    spikes.sort(key=lambda sp: (-sp.score.low, -sp.score.mean, sp.competency_id))
    return spikes


def find_near_spikes(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[NearSpike]:
    """Competencies that read as a strength yet are no spike, each with what it lacks.

    Without them a page saying "no spikes yet" above a row reading "strength" looks like a
    contradiction; with them it says which part of the rule is not met.
    """
    near = []
    for s in scores:
        # Thin evidence leaning to strength may be a likely spike (counted in sources).
        if not s.reads_as_strength:
            continue
        shown = _strength_evidence(weighted.get(s.competency_id, ()))
        missing = _spike_shortfall(s, shown)
        if missing is None:
            continue
        likely = _likely_spike(s, shown)
        # A lean alone is no contradiction of "no spikes yet": only a likely spike is shown.
        if s.verdict != "strength" and not likely:
            continue
        shortfall, review_would_do = missing
        reviewed, waiting = _outside_sources(shown)
        awaiting = tuple(
            w for w in shown if review_would_do and w.evidence.independence_key in waiting
        )
        shown.sort(key=lambda w: -w.to_alpha)  # stable: ties keep the heaviest-first order
        near.append(
            NearSpike(
                s,
                shortfall,
                awaiting,
                reviewed_sources=len(reviewed),
                likely=likely,
                evidence=tuple(shown),
                more_needed=_more_needed(s) if likely else 0,
            )
        )
    near.sort(key=lambda n: (-n.score.low, n.competency_id))
    return near


def find_likely_spikes(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[NearSpike]:
    """The near spikes only the cautious end keeps from being spikes, closest first."""
    return [n for n in find_near_spikes(scores, weighted) if n.likely]


def _likely_spike(score: CompetencyScore, shown: Sequence[WeightedEvidence]) -> bool:
    """Whether only the cautious end is short, and not by much or not against many voices.

    Not by much: the cautious end reaches LIKELY_SPIKE_MIN_LOW, on evidence past "thin".
    Many voices: at least LIKELY_SPIKE_MIN_SOURCES reviewed witnesses, nothing against it,
    and weight enough, however thin the weight still reads.
    """
    cautious, sources, review = spike_checklist(score, shown)
    if cautious.met or not (sources.met and review.met and score.reads_as_strength):
        return False
    near_the_bar = score.low >= LIKELY_SPIKE_MIN_LOW and not score.thin
    return near_the_bar or _unanimous_witnesses(score, shown)


def _unanimous_witnesses(score: CompetencyScore, shown: Sequence[WeightedEvidence]) -> bool:
    """Whether enough reviewed sources call it a strength, with nothing at all against it."""
    reviewed, _ = _outside_sources(shown)
    return (
        len(reviewed) >= LIKELY_SPIKE_MIN_SOURCES
        and score.gap_count == 0
        and score.strength_weight >= LIKELY_SPIKE_MIN_WEIGHT
    )


def _strength_evidence(pieces: Sequence[WeightedEvidence]) -> list[WeightedEvidence]:
    """The strength evidence a spike may rest on: trusted pieces only, heaviest first."""
    return [w for w in pieces if w.evidence.polarity is Polarity.STRENGTH and w.evidence.trusted]


@dataclass(frozen=True)
class SpikeCondition:
    """One part of the spike rule: what it asks, whether it holds, and the figures."""

    key: str  # "cautious_end", "outside_sources" or "reviewed_sources"
    rule: str
    met: bool
    # The figures as a reader checks them against the rule, e.g. "0.28 (range 0.28–0.69,
    # 0.41 wide)" or "1 (a spike needs 2)".
    figures: str
    value: float
    needed: float
    # Why it is unmet, in words that follow "not a spike yet: " ('' when it is met).
    shortfall: str = ""

    def to_json(self) -> dict[str, Any]:
        """The condition, whether it is met, the figure against what it needs, in words."""
        return {
            "condition": self.key,
            "met": self.met,
            "value": round(self.value, 4),
            "needed": self.needed,
            "rule": self.rule,
            "figures": self.figures,
        }


def spike_checklist(
    score: CompetencyScore, shown: Sequence[WeightedEvidence]
) -> tuple[SpikeCondition, ...]:
    """Every condition of SPIKE_RULE, in its order, each met or not, with its figures.

    ``shown`` is the competency's trusted strength evidence. A spike meets all three.
    """
    low, high = score.low, score.high
    thin = ": the evidence is still thin" if score.thin else ""
    # 0.603 is above 0.60 and 0.598 below it: neither is written "0.60".
    shown_low = below_bar(low, SPIKE_MIN_LOW)[0]
    cautious = SpikeCondition(
        key="cautious_end",
        rule=f"the cautious end of its 80% range above {SPIKE_MIN_LOW:.2f}",
        met=low > SPIKE_MIN_LOW,
        figures=f"{shown_low} (range {low:.2f}–{high:.2f}, {high - low:.2f} wide{thin})",
        value=low,
        needed=SPIKE_MIN_LOW,
        shortfall=(
            f"{'its evidence is still thin, so ' if score.thin else ''}its cautious end is "
            f"{shown_low} (a spike needs above {SPIKE_MIN_LOW:.2f})"
        ),
    )
    reviewed, waiting = _outside_sources(shown)
    total = len(reviewed) + len(waiting)
    only_yours = bool(shown) and total == 0
    sources = SpikeCondition(
        key="outside_sources",
        rule=(
            f"strength evidence from at least {SPIKE_MIN_SOURCES} independent sources other "
            "than you (your own ratings may agree, but do not count as one)"
        ),
        met=len(shown) >= SPIKE_MIN_PIECES and total >= SPIKE_MIN_SOURCES,
        figures=f"{total}{': only your own ratings show it' if only_yours else ''}",
        value=total,
        needed=SPIKE_MIN_SOURCES,
        shortfall=(
            f"only your own ratings show it (a spike needs {SPIKE_MIN_SOURCES} independent "
            "sources other than you)"
            if only_yours
            else f"its strength evidence comes from {total} independent source"
            f"{'' if total == 1 else 's'} other than you (a spike needs {SPIKE_MIN_SOURCES})"
        ),
    )
    review = SpikeCondition(
        key="reviewed_sources",
        rule=f"at least {SPIKE_MIN_SOURCES} of them in statements you have reviewed",
        met=len(reviewed) >= SPIKE_MIN_SOURCES,
        figures=f"{len(reviewed)} reviewed{more_not_reviewed(len(waiting))}",
        value=len(reviewed),
        needed=SPIKE_MIN_SOURCES,
        shortfall=(
            f"its strength evidence comes from {total} independent sources other than you, but "
            f"{'none' if not reviewed else f'only {len(reviewed)}'} in statements you have "
            f"reviewed (a spike needs {SPIKE_MIN_SOURCES})"
        ),
    )
    return (cautious, sources, review)


def spike_shortfall(score: CompetencyScore, shown: Sequence[WeightedEvidence]) -> str | None:
    """What keeps a competency from being a spike, in words; None when it is one.

    ``shown`` is its trusted strength evidence. Every unmet part of SPIKE_RULE is named, in
    the rule's order (see spike_checklist for all of them, met or not, with the figures).
    """
    missing = _spike_shortfall(score, shown)
    return None if missing is None else missing[0]


def _spike_shortfall(
    score: CompetencyScore, shown: Sequence[WeightedEvidence]
) -> tuple[str, bool] | None:
    """The shortfall in words, and whether reviewing statements is all that is missing."""
    cautious, sources, review = spike_checklist(score, shown)
    unmet = [c for c in (cautious, sources) if not c.met]
    # Too few sources already says there are too few reviewed ones: only name the review
    # when it is the missing part, as then reviewing the waiting statements settles it
    # (confirming only adds weight, so the cautious end stays above the line, unless a
    # review corrects them).
    if not unmet and not review.met:
        return review.shortfall, True
    if not unmet:
        return None
    return "; ".join(c.shortfall for c in unmet), False


def _outside_sources(
    shown: Sequence[WeightedEvidence],
) -> tuple[set[tuple[int | None, FeedbackSource]], set[tuple[int | None, FeedbackSource]]]:
    """Independent sources other than the person: witnesses, and those awaiting review.

    A witness has at least one statement the person reviewed; the others have none yet.
    """
    outside = {w.evidence.independence_key for w in shown if w.evidence.is_external}
    reviewed = {
        w.evidence.independence_key
        for w in shown
        if w.evidence.is_external and w.evidence.confirmed
    }
    return reviewed, outside - reviewed


def find_recurring_gaps(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[RecurringGap]:
    """Gaps from two or more independent witnesses, loudest first (by gap weight).

    A competency whose score reads as a strength is no recurring gap, whatever was said
    against it: it is an outweighed gap (see find_outweighed_gaps).
    """
    return [
        g
        for g in _gaps(scores, weighted)
        if len(g.witnesses) >= GAP_MIN_SOURCES and not g.score.reads_as_strength
    ]


@dataclass(frozen=True)
class OutweighedGap:
    """A gap two or more reviewed sources named, which the rest of the evidence outweighs.

    Listing it as a recurring gap beside a score of 0.8 would contradict itself; dropping it
    would hide what several people said. So it is shown as mixed, with what outweighs it.
    """

    gap: RecurringGap
    # The strength evidence from others, heaviest first.
    strengths: tuple[WeightedEvidence, ...]

    @property
    def competency_id(self) -> str:
        """The competency this is about."""
        return self.gap.competency_id

    @property
    def score(self) -> CompetencyScore:
        """The competency's score, which reads as a strength."""
        return self.gap.score

    @property
    def awaiting_review(self) -> tuple[WeightedEvidence, ...]:
        """The outweighing strength statements nobody has reviewed yet."""
        return tuple(w for w in self.strengths if not w.evidence.confirmed)

    @property
    def improving(self) -> bool:
        """Whether the sources heard since the gap call it a strength: a gap that closed."""
        return self.gap.improving

    @property
    def trajectory(self) -> str:
        """'improving' when it closed since (see IMPROVING_RULE), else 'mixed'."""
        return "improving" if self.improving else "mixed"

    @property
    def why(self) -> str:
        """Why it is listed apart, to follow the competency's name and score on any page.

        A gap that later sources contradict reads as closed, with the same improving words
        a recurring gap gets, whichever side of the line its score has reached.
        """
        waiting = len(statement_ids(self.awaiting_review))
        unreviewed = (
            f"; {waiting} of the strength statements {'is' if waiting == 1 else 'are'} "
            f"{NOT_REVIEWED}"
            if waiting
            else ""
        )
        if self.improving:
            return f"{self.gap.closed_text}{unreviewed}"
        return (
            f"mixed: a gap heard from {len(self.gap.witnesses)} independent sources besides "
            f"you, but the strength evidence outweighs it, so it is no recurring gap now"
            f"{unreviewed}"
        )

    def to_json(self) -> dict[str, Any]:
        """The gap's reviewed sources and the strength statements still to review."""
        return {
            "reviewed_sources": len(self.gap.witnesses),
            "sources": [s.to_json() for s in self.gap.sources],
            "statements_to_review": statement_ids(self.awaiting_review),
            # The same growth block a recurring gap carries: is it closing, and who says so.
            "trajectory": self.trajectory,
            "closed_since": self.gap.latest_on.isoformat() if self.improving else None,
            "improving_sources": [
                {"source": label, "latest_on": on.isoformat()}
                for label, on in (self.gap.improving_sources if self.improving else ())
            ],
            "since": [w.to_json() for w in self.gap.since],
        }


def find_outweighed_gaps(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[OutweighedGap]:
    """Gaps with two or more witnesses whose competency's score reads as a strength."""
    return [
        OutweighedGap(
            g,
            tuple(
                w
                for w in weighted.get(g.competency_id, ())
                if w.evidence.is_external and w.evidence.polarity is Polarity.STRENGTH
            ),
        )
        for g in _gaps(scores, weighted)
        if len(g.witnesses) >= GAP_MIN_SOURCES and g.score.reads_as_strength
    ]


def find_gaps_awaiting_review(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[RecurringGap]:
    """Gaps that two or more outside sources speak to, but fewer than two reviewed ones.

    Not a pattern yet: reviewing the waiting statements decides it, either way (a corrected
    mapping may show the sentence was about something else). Until then the plan acts on it
    provisionally at most (see is_provisional_gap).
    """
    return [
        g
        for g in _gaps(scores, weighted)
        if len(g.witnesses) < GAP_MIN_SOURCES <= len(g.outside_sources)
        and not g.score.reads_as_strength
    ]


def find_early_gaps(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[RecurringGap]:
    """Gaps heard from one source other than the person so far, loudest first.

    Not a pattern yet, even when the person's own rating agrees: one more independent
    outside source makes it recurring. Until then they are what to ask about and to watch
    for in the next process, and the plan gives a checked one a single provisional action
    (see is_provisional_gap). One dissenting voice on a competency whose
    score reads as a strength is no signal to watch.
    """
    return [
        g
        for g in _gaps(scores, weighted)
        if len(g.outside_sources) == 1 and not g.score.reads_as_strength
    ]


def _gaps(
    scores: Sequence[CompetencyScore], weighted: Mapping[str, Sequence[WeightedEvidence]]
) -> list[RecurringGap]:
    """The gap evidence of every competency that has any, by source, loudest first."""
    gaps = []
    for s in scores:
        shown = [
            w
            for w in weighted.get(s.competency_id, ())
            if w.evidence.polarity is Polarity.GAP and w.evidence.trusted
        ]
        by_source: dict[tuple[int | None, FeedbackSource], list[WeightedEvidence]] = {}
        for w in shown:
            by_source.setdefault(w.evidence.independence_key, []).append(w)
        if not by_source:
            continue
        sources = tuple(
            GapSource(
                application_id=app,
                source=kind,
                pieces=len(ws),
                latest_on=max(w.evidence.observed_on for w in ws),
                reviewed=any(w.evidence.confirmed for w in ws),
            )
            for (app, kind), ws in sorted(
                by_source.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or 0, kv[0][1])
            )
        )
        shown.sort(key=lambda w: -w.to_beta)  # stable: ties keep the heaviest-first order
        gaps.append(
            RecurringGap(
                score=s,
                sources=sources,
                evidence=tuple(shown),
                since=_praise_since(shown, weighted.get(s.competency_id, ())),
                own_since=_own_view_since(shown, weighted.get(s.competency_id, ())),
            )
        )
    gaps.sort(key=lambda g: (-g.gap_weight, g.competency_id))
    return gaps


def _own_view_since(
    gap: Sequence[WeightedEvidence], pieces: Sequence[WeightedEvidence]
) -> tuple[WeightedEvidence, ...]:
    """The person's own ratings and notes after their last own gap piece, oldest first."""
    own = [w.evidence.observed_on for w in gap if not w.evidence.is_external]
    if not own:
        return ()
    last = max(own)
    return tuple(
        sorted(
            (
                w
                for w in pieces
                if not w.evidence.is_external
                and w.evidence.strength_share is not None
                and w.evidence.observed_on > last
            ),
            key=lambda w: w.evidence.observed_on,
        )
    )


def _praise_since(
    gap: Sequence[WeightedEvidence], pieces: Sequence[WeightedEvidence]
) -> tuple[WeightedEvidence, ...]:
    """Others' reviewed strength statements after the last gap one from others, oldest first."""
    outside = [w.evidence.observed_on for w in gap if w.evidence.is_external]
    if not outside:
        return ()
    last = max(outside)
    return tuple(
        sorted(
            (
                w
                for w in pieces
                if w.evidence.is_external
                and w.evidence.confirmed
                and w.evidence.polarity is Polarity.STRENGTH
                and w.evidence.observed_on > last
            ),
            key=lambda w: w.evidence.observed_on,
        )
    )


@dataclass(frozen=True)
class CompetencyPatterns:
    """What the pattern rules make of one competency's evidence on one day."""

    spike: Spike | None
    near_spike: NearSpike | None
    recurring_gap: RecurringGap | None
    gap_awaiting_review: RecurringGap | None
    early_gap: RecurringGap | None
    outweighed_gap: OutweighedGap | None = None
    # Why it is no spike, for any competency with strength evidence and no spike (a near
    # spike's shortfall, or the same rule's unmet parts for one that is not a strength).
    not_a_spike: str | None = None
    # Every condition of the spike rule, met or not, with its figures.
    spike_checklist: tuple[SpikeCondition, ...] = ()

    @property
    def conditions_met(self) -> int:
        """How many of the spike rule's conditions hold."""
        return sum(c.met for c in self.spike_checklist)

    def to_json(self) -> dict[str, Any]:
        """Which patterns hold, why it is no spike if it has strength evidence, what waits."""
        return {
            "spike": self.spike is not None,
            "recurring_gap": self.recurring_gap is not None,
            "early_gap": self.early_gap is not None,
            "outweighed_gap": self.outweighed_gap is not None,
            "not_a_spike_because": self.not_a_spike,
            "spike_checklist": [c.to_json() for c in self.spike_checklist],
            "awaiting_review": awaiting_review_json(self.near_spike, self.gap_awaiting_review),
        }


def more_not_reviewed(count: int) -> str:
    """', and 1 more not reviewed yet' after a count of witnesses, or nothing."""
    return f", and {count} more {NOT_REVIEWED}" if count else ""


def statement_ids(pieces: Sequence[WeightedEvidence]) -> list[int]:
    """The ids of the statements behind these pieces not reviewed yet, once each, in order."""
    ids = (w.evidence.origin_id for w in pieces if not w.evidence.confirmed)
    return [i for i in dict.fromkeys(ids) if i is not None]


def awaiting_review_json(
    near: NearSpike | None, gap_awaiting_review: RecurringGap | None
) -> list[dict[str, Any]]:
    """The patterns only the person's review can decide, as JSON.

    Each names the pattern ("spike" or "recurring_gap"), how many outside sources are
    reviewed and how many wait, and the ids of the statements to review.
    """
    waiting = []
    if near is not None and near.awaiting_review:
        waiting.append(("spike", near.reviewed_sources, near.awaiting_review))
    if gap_awaiting_review is not None:
        gap = gap_awaiting_review
        waiting.append(("recurring_gap", len(gap.witnesses), gap.awaiting_review))
    return [
        {
            "pattern": pattern,
            "reviewed_sources": reviewed,
            "unreviewed_sources": len({w.evidence.independence_key for w in pieces}),
            "statements": statement_ids(pieces),
        }
        for pattern, reviewed, pieces in waiting
    ]


def patterns_of(score: CompetencyScore, pieces: Sequence[WeightedEvidence]) -> CompetencyPatterns:
    """The spike, near spike and gaps of one competency, by the profile's own rules.

    A page about one competency on a past day has its score and weighed pieces (an
    explanation), not a whole profile; this reads them exactly as the profile would.
    """
    scores, weighted = [score], {score.competency_id: pieces}
    spike = next(iter(find_spikes(scores, weighted)), None)
    shown = _strength_evidence(pieces)
    return CompetencyPatterns(
        spike=spike,
        near_spike=next(iter(find_near_spikes(scores, weighted)), None),
        recurring_gap=next(iter(find_recurring_gaps(scores, weighted)), None),
        gap_awaiting_review=next(iter(find_gaps_awaiting_review(scores, weighted)), None),
        early_gap=next(iter(find_early_gaps(scores, weighted)), None),
        outweighed_gap=next(iter(find_outweighed_gaps(scores, weighted)), None),
        # "Thin evidence" from two outside sources says nothing of spikes unless told why.
        not_a_spike=spike_shortfall(score, shown) if spike is None and shown else None,
        spike_checklist=spike_checklist(score, shown),
    )


def _latest_by_source(weighted: Iterable[WeightedEvidence]) -> tuple[tuple[str, date], ...]:
    """Each independent source once, with its latest day, oldest first: (label, latest)."""
    latest: dict[tuple[int | None, FeedbackSource], WeightedEvidence] = {}
    for w in weighted:
        key = w.evidence.independence_key
        if key not in latest or w.evidence.observed_on > latest[key].evidence.observed_on:
            latest[key] = w
    return tuple(
        sorted(
            ((_source_label(w), w.evidence.observed_on) for w in latest.values()),
            key=lambda pair: pair[1],
        )
    )

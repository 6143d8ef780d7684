"""How each kind of round went (passed, not passed, pending) and where processes end."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nextround.domain.journey import Outcome, RoundKind, RoundOutcome
from nextround.domain.labels import capitalised, words

if TYPE_CHECKING:
    from nextround.domain.pipeline import ApplicationFacts

#: How a kind of round reads after "end at": most kinds are a noun already ("the online
#: assessment", "the final loop"); an adjective or a catch-all needs its own words.
_AT_THE = {
    RoundKind.TECHNICAL: "the technical interview",
    RoundKind.OTHER: "a round of kind other",
}

#: The fewest processes ending at one kind of round before a sentence names it: two of
#: three is no pattern anyone should change their preparation for.
MIN_ENDED_AT = 3

#: A decision that ends a process where it stands. A withdrawal is the candidate's choice
#: and an offer no drop, so neither says where processes are lost.
_ENDINGS = frozenset({Outcome.REJECTION, Outcome.NO_RESPONSE})


@dataclass(frozen=True)
class RoundKindRate:
    """The rounds of one kind and how they ended, as their outcomes are recorded.

    ``pass_rate`` is passed out of passed and rejected: a round still pending, withdrawn
    from or called off (as a decision of no response calls the last round off) was neither.
    """

    kind: RoundKind
    label: str
    rounds: int
    passed: int
    rejected: int
    pending: int
    withdrawn: int
    cancelled: int
    pass_rate: float | None
    summary: str


def round_kind_rate(kind: RoundKind, outcomes: Counter[RoundOutcome]) -> RoundKindRate:
    """One kind's counts, its pass rate and the line that says them."""
    passed, rejected = outcomes[RoundOutcome.PASSED], outcomes[RoundOutcome.REJECTED]
    pending = outcomes[RoundOutcome.PENDING]
    ended_otherwise = outcomes[RoundOutcome.WITHDRAWN] + outcomes[RoundOutcome.CANCELLED]
    decided = passed + rejected
    rate = passed / decided if decided else None
    label = capitalised(words(kind))
    parts = [f"{passed} of {decided} passed ({rate:.0%})"] if rate is not None else []
    if pending:
        parts.append(f"{pending} pending")
    if ended_otherwise:
        parts.append(f"{ended_otherwise} withdrawn or called off")
    return RoundKindRate(
        kind=kind,
        label=label,
        rounds=sum(outcomes.values()),
        passed=passed,
        rejected=rejected,
        pending=pending,
        withdrawn=outcomes[RoundOutcome.WITHDRAWN],
        cancelled=outcomes[RoundOutcome.CANCELLED],
        pass_rate=rate,
        summary=f"{label}: {', '.join(parts)}",
    )


def round_kind_rates(facts: Sequence[ApplicationFacts]) -> list[RoundKindRate]:
    """Every kind of round on record, in the order of RoundKind, with how its rounds ended."""
    by_kind: dict[RoundKind, Counter[RoundOutcome]] = {}
    for fact in facts:
        for round_ in fact.rounds:
            by_kind.setdefault(round_.kind, Counter())[round_.outcome] += 1
    return [round_kind_rate(kind, by_kind[kind]) for kind in RoundKind if kind in by_kind]


@dataclass(frozen=True)
class DropOff:
    """The kind of round where most processes that got a response ended."""

    kind: RoundKind
    ended_here: int
    #: The processes that ended (rejected, or no response) after at least one round.
    ended_after_a_round: int
    sentence: str


def drop_off(facts: Sequence[ApplicationFacts]) -> DropOff | None:
    """Where processes end, when one kind of round clearly stands out; else None.

    A process ends at its last round when it was rejected there or heard no more. One kind
    stands out when it ends more than half of them, or at least twice as many as the next.
    Applications closed before any round are the funnel's first step, not a round's.
    """
    ends: Counter[RoundKind] = Counter()
    for fact in facts:
        decision = fact.current_decision
        if decision is None or decision.outcome not in _ENDINGS or not fact.rounds:
            continue
        ends[fact.rounds[-1].kind] += 1
    if not ends:
        return None
    total = sum(ends.values())
    (kind, count), *rest = ends.most_common()
    runner_up = rest[0][1] if rest else 0
    if count < MIN_ENDED_AT:
        return None
    at = _AT_THE.get(kind, f"the {words(kind)}")
    base = f"{count} of the {total} that ended after a round"
    if count * 2 > total:
        sentence = f"Most of your processes end at {at}: {base}."
    elif count >= 2 * runner_up:
        sentence = f"More of your processes end at {at} than at any other round: {base}."
    else:
        return None
    return DropOff(kind, count, total, sentence)

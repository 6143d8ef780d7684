"""Pass rates per kind of round and where processes end, against counts worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.journey import Outcome, RoundKind, RoundOutcome, Source
from nextround.domain.pipeline import ApplicationFacts, DecisionFact, RoundFact, pipeline_stats
from nextround.domain.round_pass_rates import drop_off, round_kind_rates

K = RoundKind
R = RoundOutcome
D = date(2026, 10, 1)


def app(ident, rounds=(), outcome=None):
    """An application with rounds given as (kind, outcome), all on one day."""
    return ApplicationFacts(
        id=ident,
        company=f"Company {ident}",
        role_title="Graduate software engineer",
        source=Source.CAREERS_PAGE,
        applied_on=D,
        rounds=[RoundFact(kind, D, result) for kind, result in rounds],
        decisions=[DecisionFact(outcome, D, None, True)] if outcome else [],
    )


def graduate_search():
    """A student's search: 10 OAs failed, 3 passed and on, 2 pending; ACs all rejected."""
    apps = [app(i, [(K.ASSESSMENT, R.REJECTED)], Outcome.REJECTION) for i in range(10)]
    apps += [
        app(20 + i, [(K.ASSESSMENT, R.PASSED), (K.OTHER, R.REJECTED)], Outcome.REJECTION)
        for i in range(3)
    ]
    apps += [app(30 + i, [(K.ASSESSMENT, R.PENDING)]) for i in range(2)]
    # Heard nothing after the screen: the decision called the round off.
    apps.append(app(40, [(K.SCREEN, R.CANCELLED)], Outcome.NO_RESPONSE))
    # Closed before any round: the funnel's first step, no round's.
    apps += [app(50 + i, [], Outcome.NO_RESPONSE) for i in range(5)]
    return apps


def test_each_kind_counts_passed_out_of_decided_with_pending_apart():
    rates = {rate.kind: rate for rate in round_kind_rates(graduate_search())}
    oa = rates[K.ASSESSMENT]
    assert (oa.rounds, oa.passed, oa.rejected, oa.pending) == (15, 3, 10, 2)
    assert oa.pass_rate == pytest.approx(3 / 13)
    assert oa.summary == "Online assessment: 3 of 13 passed (23%), 2 pending"
    assert rates[K.OTHER].summary == "Other: 0 of 3 passed (0%)"
    screen = rates[K.SCREEN]
    assert (screen.pass_rate, screen.cancelled) == (None, 1)
    assert screen.summary == "Screen: 1 withdrawn or called off"


def test_kinds_come_in_the_order_of_round_kind_and_only_those_on_record():
    kinds = [rate.kind for rate in round_kind_rates(graduate_search())]
    assert kinds == [k for k in RoundKind if k in {K.SCREEN, K.ASSESSMENT, K.OTHER}]
    assert round_kind_rates([app(1)]) == []


def test_the_round_where_most_processes_end_is_named_with_its_base():
    found = drop_off(graduate_search())
    assert found is not None
    # 10 ended at the OA, 3 at the other round, 1 at the screen; the 5 closed before any
    # round are not counted.
    assert (found.kind, found.ended_here, found.ended_after_a_round) == (K.ASSESSMENT, 10, 14)
    assert found.sentence == (
        "Most of your processes end at the online assessment: 10 of the 14 that ended after "
        "a round."
    )


def test_a_clear_lead_short_of_half_is_said_as_more_than_anywhere_else():
    apps = [app(i, [(K.ASSESSMENT, R.REJECTED)], Outcome.REJECTION) for i in range(4)]
    apps += [app(10 + i, [(K.TECHNICAL, R.REJECTED)], Outcome.REJECTION) for i in range(2)]
    apps += [app(20 + i, [(K.SCREEN, R.REJECTED)], Outcome.REJECTION) for i in range(2)]
    apps += [app(30 + i, [(K.CASE, R.REJECTED)], Outcome.REJECTION) for i in range(2)]
    found = drop_off(apps)
    assert found is not None
    assert found.sentence == (
        "More of your processes end at the online assessment than at any other round: "
        "4 of the 10 that ended after a round."
    )


def test_no_sentence_without_a_clear_one():
    # Too few to be a pattern.
    two = [app(i, [(K.ASSESSMENT, R.REJECTED)], Outcome.REJECTION) for i in range(2)]
    assert drop_off(two) is None
    # A tie, or a lead of less than twice the next.
    even = [app(i, [(K.ASSESSMENT, R.REJECTED)], Outcome.REJECTION) for i in range(3)]
    even += [app(10 + i, [(K.TECHNICAL, R.REJECTED)], Outcome.REJECTION) for i in range(2)]
    even += [app(20 + i, [(K.SCREEN, R.REJECTED)], Outcome.REJECTION) for i in range(2)]
    assert drop_off(even) is None
    # Withdrawals are the candidate's choice, open processes have not ended, offers are no drop.
    chosen = [app(i, [(K.ASSESSMENT, R.WITHDRAWN)], Outcome.WITHDRAWAL) for i in range(3)]
    chosen += [app(10 + i, [(K.ASSESSMENT, R.PENDING)]) for i in range(3)]
    chosen += [app(20 + i, [(K.FINAL_LOOP, R.PASSED)], Outcome.OFFER) for i in range(3)]
    assert drop_off(chosen) is None


def test_the_stats_carry_the_rates_and_the_sentence():
    stats = pipeline_stats(graduate_search())
    assert [r.kind for r in stats.round_kinds] == [K.SCREEN, K.ASSESSMENT, K.OTHER]
    assert stats.drop_off is not None and stats.drop_off.kind is K.ASSESSMENT
    assert [s.label for s in stats.funnel] == [
        "Applications",
        "First rounds",
        "Interviews",
        "Final rounds",
        "Offers",
    ]
    # The 3 who passed the OA reached an interview (the other round).
    assert [s.count for s in stats.funnel] == [21, 16, 3, 0, 0]

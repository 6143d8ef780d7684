"""The plan's practice for the kind of round where most processes end."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.drop_off_practice import drop_off_practice
from nextround.domain.journey import Outcome, RoundKind, RoundOutcome, Source
from nextround.domain.pipeline import ApplicationFacts, DecisionFact, RoundFact
from nextround.domain.plan import ActionKind, build_plan, mark_done
from nextround.domain.plan_groups import plan_groups
from nextround.domain.profile import build_profile
from nextround.domain.round_pass_rates import DropOff, drop_off
from tests.unit.growth_fixtures import FRAMEWORK, TODAY

K = RoundKind
R = RoundOutcome
D = date(2026, 10, 1)
SENTENCE = (
    "Most of your processes end at the online assessment: 10 of the 19 that ended after a round."
)


def app(ident, rounds, outcome):
    """An application with rounds given as (kind, outcome), all on one day, and a decision."""
    return ApplicationFacts(
        id=ident,
        company=f"Company {ident}",
        role_title="Graduate software engineer",
        source=Source.CAREERS_PAGE,
        applied_on=D,
        rounds=[RoundFact(kind, D, result) for kind, result in rounds],
        decisions=[DecisionFact(outcome, D, None, True)],
    )


def _drop(kind: RoundKind) -> DropOff:
    return DropOff(kind, 10, 19, SENTENCE)


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        (K.ASSESSMENT, "timed practice tests a week on the platform your applications use"),
        (K.ASSESSMENT_CENTRE, "mock group exercise and a timed presentation"),
        (K.SCREEN, "60-second pitch and your answer to “why this role”"),
        (K.TECHNICAL, "timed problems a week, talking them through aloud"),
        (K.CASE, "timed case a week"),
        (K.PRESENTATION, "presentation aloud with a timer"),
        (K.PANEL, "full mock interview"),
    ],
)
def test_each_kind_of_round_gets_its_own_practice_with_the_figure_as_its_reason(kind, says):
    practice = drop_off_practice(_drop(kind))
    assert practice is not None and practice.kind is kind
    assert says in practice.title
    assert practice.why == SENTENCE


def test_no_practice_when_nothing_stands_out_or_the_round_is_of_kind_other():
    assert drop_off_practice(None) is None
    # Nothing says what a round of kind "other" was: no practice can fit it.
    assert drop_off_practice(_drop(K.OTHER)) is None


def _students_record(failed_tests: int) -> list:
    """Online tests failed, and three other processes that ended at a technical interview."""
    apps = [app(i, [(K.ASSESSMENT, R.REJECTED)], Outcome.REJECTION) for i in range(failed_tests)]
    apps += [
        app(20 + i, [(K.ASSESSMENT, R.PASSED), (K.TECHNICAL, R.REJECTED)], Outcome.REJECTION)
        for i in range(3)
    ]
    return apps


def _plan(record, existing=()):
    profile = build_profile([], FRAMEWORK, TODAY)
    practice = drop_off_practice(drop_off(record))
    return build_plan(profile, FRAMEWORK, [], list(existing), TODAY, practice=practice)


def test_the_plan_holds_one_practice_action_while_the_drop_off_holds():
    (action,) = _plan(_students_record(failed_tests=7))
    assert action.id == "practice:drop-off:assessment"
    assert action.kind == ActionKind.PRACTICE and action.competency_id is None
    assert action.title.startswith("Do two timed practice tests a week")
    assert action.why == (
        "Most of your processes end at the online assessment: 7 of the 10 that ended after a round."
    )
    (group,) = plan_groups([action])
    assert group.title == "Get past the round where you stop"
    # Three failed tests and three technical interviews: no kind stands out, the action goes.
    assert _plan(_students_record(failed_tests=3), [action]) == []


def test_a_done_practice_action_is_kept_as_done():
    (action,) = _plan(_students_record(failed_tests=7))
    (done,) = mark_done([action], action.id, TODAY)
    assert _plan(_students_record(failed_tests=3), [done]) == [done]
    assert done.done_on == TODAY

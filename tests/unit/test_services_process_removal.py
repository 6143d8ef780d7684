"""Removing a round or an interview on the fake unit of work: what goes, what is kept."""

from datetime import UTC, date, datetime

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.errors import NotFoundError
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_feedback
from nextround.services.process import add_interview, add_round
from nextround.services.process_removal import (
    interview_removal,
    remove_interview,
    remove_round,
    round_removal,
)
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, seed_process
from tests.unit.growth_fixtures import FRAMEWORK

PAST = datetime(2026, 9, 10, 10, 0, tzinfo=UTC)


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


@pytest.fixture
def process(uow):
    """Three rounds; the first has two interviews, one debriefed, with feedback about each."""
    seeded = seed_process(
        uow, round_name="Screen", interviews=[("Recruiter call", PAST, []), ("Chat", None, [])]
    )
    app_id = seeded.application_id
    with uow:
        for name in ("Hiring manager", "Final loop"):
            add_round(
                uow,
                app_id,
                {"name": name, "kind": RoundKind.OTHER, "started_on": date(2026, 9, 20)},
                keep_pending=True,
            )
        later = add_interview(uow, app_id, 3, {"title": "Panel"})
        record_debrief(uow, seeded.interview_ids[0], 4, ratings={"communication": 4})
        for kwargs in (
            {"interview_id": seeded.interview_ids[0]},
            {"round_position": 1},
            {"round_position": 3},
            {},
        ):
            add_feedback(
                uow, "Clear and calm.", FeedbackSource.RECRUITER, application_id=app_id, **kwargs
            )
    return seeded, later.id


def _feedback_places(uow):
    return sorted((f.round_id or 0, f.interview_id or 0) for f in uow.stored.feedback.values())


def test_removing_a_round_takes_its_interviews_and_debriefs_and_keeps_its_feedback(uow, process):
    seeded, later_interview = process
    with uow:
        preview = round_removal(uow, seeded.round_id)
    assert preview.summary == "round 1 of Tempoline (Screen) with 2 interviews and 1 debrief"
    assert not uow.committed  # the preview changes nothing

    with uow:
        removed = remove_round(uow, seeded.round_id)
    assert uow.committed
    assert removed.kept == (
        "2 feedback items heard in it stay, about the whole application. "
        "Rounds 2-3 become rounds 1-2."
    )
    app = uow.stored.applications[seeded.application_id]
    assert [(r.position, r.name) for r in app.ordered_rounds] == [
        (1, "Hiring manager"),
        (2, "Final loop"),
    ]
    assert [i.id for r in app.rounds for i in r.interviews] == [later_interview]
    assert uow.stored.debriefs == {}
    # All four items survive: the two about round 1 now about the application, the round-3
    # item untouched, the whole-process one as it was.
    final_loop = app.ordered_rounds[1].id
    assert _feedback_places(uow) == [(0, 0), (0, 0), (0, 0), (final_loop, 0)]


def test_removing_the_last_round_moves_nothing_up(uow, process):
    seeded, _ = process
    with uow:
        last = uow.applications.get(seeded.application_id).ordered_rounds[-1]
        removed = remove_round(uow, last.id)
    assert removed.kept == "1 feedback item heard in it stays, about the whole application."
    assert removed.summary == "round 3 of Tempoline (Final loop) with 1 interview"
    app = uow.stored.applications[seeded.application_id]
    assert [r.position for r in app.ordered_rounds] == [1, 2]


def test_removing_an_interview_takes_its_debrief_and_files_its_feedback_under_the_round(
    uow, process
):
    seeded, _ = process
    debriefed, plain = seeded.interview_ids
    with uow:
        preview = interview_removal(uow, debriefed)
    assert preview.summary == (
        "interview 'Recruiter call' (Tempoline, round 1: Screen) and its debrief with 1 self-rating"
    )
    with uow:
        removed = remove_interview(uow, debriefed)
    assert removed.kept == "1 feedback item heard in it stays, about round 1."
    app = uow.stored.applications[seeded.application_id]
    assert [i.id for i in app.round_at(1).interviews] == [plain]
    assert uow.stored.debriefs == {}
    assert _feedback_places(uow).count((seeded.round_id, 0)) == 2


def test_an_interview_without_debrief_or_feedback_goes_alone(uow, process):
    seeded, _ = process
    with uow:
        removed = remove_interview(uow, seeded.interview_ids[1])
    assert removed.summary == "interview 'Chat' (Tempoline, round 1: Screen)"
    assert removed.kept == ""
    assert len(uow.stored.feedback) == 4
    assert len(uow.stored.debriefs) == 1


@pytest.mark.parametrize("remove", [remove_round, remove_interview])
def test_unknown_ids_are_refused_and_nothing_changes(uow, process, remove):
    before = uow.commits
    with uow, pytest.raises(NotFoundError, match="id 999") as caught:
        remove(uow, 999)
    assert "app show" in caught.value.for_cli()
    assert uow.commits == before


def test_removing_a_round_added_by_mistake_sets_back_the_rounds_it_passed(uow):
    """Only the rounds its adding passed, in that instant, and unchanged since."""
    from datetime import timedelta

    seeded = seed_process(uow, round_name="Screen", interviews=[("Call", PAST, [])])
    app_id = seeded.application_id
    with uow:
        add_round(uow, app_id, {"name": "HM", "kind": RoundKind.HIRING_MANAGER,
                                "started_on": date(2026, 9, 20)})  # fmt: skip
    uow.clock_now += timedelta(minutes=5)
    with uow:
        add_round(uow, app_id, {"name": "Case", "kind": RoundKind.CASE,
                                "started_on": date(2026, 9, 27)})  # fmt: skip
    uow.clock_now += timedelta(minutes=5)
    with uow:
        add_round(uow, app_id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2026, 10, 4)}, keep_pending=True)  # fmt: skip
    loop = uow.applications.get(app_id).ordered_rounds[-1]
    with uow:
        assert remove_round(uow, loop.id).kept == ""  # it passed nothing
    uow.clock_now += timedelta(minutes=5)
    case = uow.applications.get(app_id).ordered_rounds[-1]
    preview = round_removal(uow, case.id)
    assert [r.name for r in preview.reopened] == ["HM"]
    assert preview.kept == "Round 2 is pending again, as before this round was added."
    with uow:
        remove_round(uow, case.id)
    outcomes = [r.outcome.value for r in uow.applications.get(app_id).ordered_rounds]
    # The screen was passed by the hiring manager's round, not by the one removed.
    assert outcomes == ["passed", "pending"]

"""Feedback use cases on the in-memory fakes: links, dates and faithful text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.errors import DomainError, NotFoundError
from nextround.services.applications import add_application
from nextround.services.feedback import (
    FeedbackChanges,
    FeedbackLinks,
    add_feedback,
    edit_feedback,
    list_feedback,
)
from nextround.services.process import add_interview, add_round
from tests.unit.fakes import FAKE_NOW
from tests.unit.growth_fakes import FakeGrowthUnitOfWork


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    """With statements: feedback moved elsewhere files its statements there again."""
    return FakeGrowthUnitOfWork()


@pytest.fixture
def ids(uow):
    with uow:
        app = add_application(
            uow, {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2025, 5, 6)}
        )
        add_round(
            uow,
            app.id,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2025, 5, 14)},
        )
        add_round(
            uow,
            app.id,
            {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2025, 6, 10)},
        )
        interview = add_interview(
            uow,
            app.id,
            2,
            {"title": "Whiteboard", "scheduled_at": datetime(2025, 6, 10, 9, tzinfo=UTC)},
        )
    return app.id, interview.id


def test_feedback_on_an_interview_links_round_and_application(uow, ids):
    app_id, interview_id = ids
    with uow:
        item = add_feedback(
            uow,
            "  Strong structure.\n",
            FeedbackSource.INTERVIEWER,
            received_on=date(2025, 6, 12),
            interview_id=interview_id,
            author="Inés",
        )
    stored = uow.stored.feedback[item.id]
    loop = uow.stored.applications[app_id].rounds[1]
    assert (stored.application_id, stored.round_id, stored.interview_id) == (
        app_id,
        loop.id,
        interview_id,
    )
    assert stored.text == "Strong structure."
    assert stored.author == "Inés"


def test_feedback_on_a_round_by_position(uow, ids):
    app_id, _ = ids
    with uow:
        item = add_feedback(
            uow,
            "ok",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 6, 1),
            application_id=app_id,
            round_position=1,
        )
    assert item.round_id == uow.stored.applications[app_id].rounds[0].id
    assert item.interview_id is None


def test_feedback_without_links_defaults_to_today(uow):
    with uow:
        item = add_feedback(
            uow, "Your risk thinking grew this year.", FeedbackSource.MANAGER_REVIEW
        )
    assert item.received_on == uow.now().astimezone().date()
    assert (item.application_id, item.round_id, item.interview_id) == (None, None, None)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"interview_id": 1, "application_id": 5},
            DomainError,
            "interview 1 belongs to application 1, not 5; drop one of the two",
        ),
        ({"interview_id": 1, "round_position": 1}, DomainError, "interview 1 is in round 2, not 1"),
        (
            {"round_position": 1},
            DomainError,
            r"a round number needs the application it belongs to \(--app\)",
        ),
        ({"application_id": 1, "round_position": 3}, DomainError, "application 1 has no round 3"),
        (
            {"received_on": date(2030, 1, 1)},
            DomainError,
            "feedback cannot be received on 2030-01-01, in the future; give a date on or before",
        ),
        (
            {"application_id": 1, "received_on": date(2025, 5, 1)},
            DomainError,
            "received on 2025-05-01 predates the application on 2025-05-06; check the date",
        ),
        (
            {"interview_id": 1, "received_on": date(2025, 6, 9)},
            DomainError,
            "received on 2025-06-09 predates the interview “.+” on 2025-06-10 .*; check the "
            "date, or link the feedback to an earlier interview",
        ),
        (
            {"application_id": 1, "round_position": 2, "received_on": date(2025, 6, 1)},
            DomainError,
            r"received on 2025-06-01 predates round 2 \(Loop\), which started on 2025-06-10",
        ),
        ({"interview_id": 42}, NotFoundError, "no interview with id 42"),
        ({"application_id": 42}, NotFoundError, "no application with id 42"),
    ],
)
def test_refused_feedback_writes_nothing(uow, ids, kwargs, error, message):
    kwargs.setdefault("received_on", date(2025, 6, 20))
    with uow, pytest.raises(error, match=message):
        add_feedback(uow, "text", FeedbackSource.RECRUITER, **kwargs)
    assert not uow.committed
    assert uow.stored.feedback == {}


def test_empty_text_is_refused(uow):
    with uow, pytest.raises(DomainError, match="feedback text is required"):
        add_feedback(uow, " \n ", FeedbackSource.MENTOR)
    assert uow.stored.feedback == {}


def test_list_feedback_oldest_first_and_per_application(uow, ids):
    app_id, _ = ids
    with uow:
        add_feedback(
            uow,
            "late",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 7, 1),
            application_id=app_id,
        )
        add_feedback(uow, "mentor", FeedbackSource.MENTOR, received_on=date(2025, 1, 1))
        add_feedback(
            uow,
            "early",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 6, 1),
            application_id=app_id,
        )
    with uow:
        assert [f.text for f in list_feedback(uow)] == ["mentor", "early", "late"]
        assert [f.text for f in list_feedback(uow, app_id)] == ["early", "late"]
        with pytest.raises(NotFoundError):
            list_feedback(uow, 99)


def _stored(uow, ids):
    _, interview_id = ids
    with uow:
        item = add_feedback(
            uow, "Clear, but thin on risks.", FeedbackSource.RECRUITER,
            received_on=date(2025, 6, 20), author="Maya", interview_id=interview_id,
        )  # fmt: skip
    return item.id


def test_edit_feedback_corrects_source_date_author_and_keeps_the_text(uow, ids):
    feedback_id = _stored(uow, ids)
    changes = FeedbackChanges(
        source=FeedbackSource.HIRING_MANAGER, received_on=date(2025, 6, 21), author=""
    )
    assert changes.names == ["source", "received_on", "author"]
    with uow:
        edit_feedback(uow, feedback_id, changes)
    stored = uow.stored.feedback[feedback_id]
    assert (stored.source, stored.received_on, stored.author) == (
        FeedbackSource.HIRING_MANAGER,
        date(2025, 6, 21),
        None,
    )
    assert stored.text == "Clear, but thin on risks." and stored.interview_id == ids[1]


def test_edit_feedback_moves_or_detaches_it(uow, ids):
    app_id, interview_id = ids
    feedback_id = _stored(uow, ids)
    with uow:
        edit_feedback(uow, feedback_id, FeedbackChanges(links=FeedbackLinks(round_position=1)))
    moved = uow.stored.feedback[feedback_id]
    assert (moved.application_id, moved.interview_id) == (app_id, None)
    assert moved.round_id is not None
    with uow:
        edit_feedback(uow, feedback_id, FeedbackChanges(unlink=True))
    general = uow.stored.feedback[feedback_id]
    assert (general.application_id, general.round_id, general.interview_id) == (None, None, None)
    with uow:
        edit_feedback(
            uow, feedback_id, FeedbackChanges(links=FeedbackLinks(interview_id=interview_id))
        )
    assert uow.stored.feedback[feedback_id].interview_id == interview_id


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (FeedbackChanges(), "nothing to change; give at least one option"),
        (FeedbackChanges(received_on=date(2030, 1, 1)), "in the future"),
        (FeedbackChanges(received_on=date(2025, 5, 1)), "predates the application"),
        (
            FeedbackChanges(received_on=date(2025, 6, 9)),
            "predates the interview “.+” on 2025-06-10",
        ),
        (FeedbackChanges(links=FeedbackLinks(round_position=9)), "has no round 9"),
        (
            FeedbackChanges(unlink=True, links=FeedbackLinks(application_id=1)),
            "give new links or detach the feedback, not both",
        ),
    ],
)
def test_a_refused_edit_changes_nothing(uow, ids, changes, message):
    feedback_id = _stored(uow, ids)
    before = vars(uow.stored.feedback[feedback_id]).copy()
    with uow, pytest.raises(DomainError, match=message):
        edit_feedback(uow, feedback_id, changes)
    assert vars(uow.stored.feedback[feedback_id]) == before


def test_editing_unknown_feedback_is_not_found(uow):
    with uow, pytest.raises(NotFoundError, match="no feedback with id 7"):
        edit_feedback(uow, 7, FeedbackChanges(author="X"))


def test_feedback_on_an_interview_yet_to_happen_is_refused(uow, ids):
    # As a debrief is: "great system design" cannot be heard of an interview on 3 Dec.
    app_id, _ = ids
    with uow:
        later = add_interview(
            uow, app_id, 2, {"title": "Loop", "scheduled_at": FAKE_NOW + timedelta(days=8)}
        )
    before = dict(uow.stored.feedback)
    with (
        uow,
        pytest.raises(
            DomainError,
            match=r"^the interview “Loop” on 2026-12-03 .*has not happened yet; add its feedback",
        ),
    ):
        add_feedback(uow, "great system design", FeedbackSource.INTERVIEWER, interview_id=later.id)
    assert uow.stored.feedback == before

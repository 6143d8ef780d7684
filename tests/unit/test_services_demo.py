"""The demo journey loads through the use cases alone, so it runs on the fakes too."""

from __future__ import annotations

from datetime import date, timedelta

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import InterviewFormat, Outcome, RoundKind, Source, Status
from nextround.services.demo import load_demo, read_demo, week_shift


def test_week_shift_moves_the_anchor_into_the_last_week_keeping_weekdays():
    anchor = date(2025, 6, 18)
    for today in (date(2025, 6, 18), date(2026, 11, 25), date(2027, 1, 3)):
        moved = anchor + week_shift(anchor, today)
        assert moved.weekday() == anchor.weekday()
        assert timedelta(0) <= today - moved < timedelta(days=7)


def test_demo_tells_the_story_in_the_brief(uow):
    with uow:
        loaded = load_demo(uow)
    apps = uow.stored.applications
    assert len(apps) >= 6
    main = apps[loaded.main_application]
    assert main.source is Source.LINKEDIN
    assert [r.kind for r in main.ordered_rounds] == [
        RoundKind.SCREEN,
        RoundKind.HIRING_MANAGER,
        RoundKind.FINAL_LOOP,
    ]
    loop = main.ordered_rounds[-1]
    assert len(loop.interviews) == 5
    assert {i.duration_minutes for i in loop.interviews} == {45}
    assert [i.format for i in loop.interviews].count(InterviewFormat.PRACTICAL_EXERCISE) == 1
    decision = main.current_decision
    assert decision is not None
    assert (decision.outcome, decision.finalists) == (Outcome.REJECTION, 4)
    last_interview = max(i.scheduled_at for i in loop.interviews).date()
    assert timedelta(days=5) <= decision.decided_on - last_interview <= timedelta(days=9)
    statuses = {a.status for a in apps.values()}
    assert {Status.DECLINED, Status.NO_RESPONSE, Status.WITHDRAWN, Status.REJECTED} <= statuses
    sources = {f.source for f in uow.stored.feedback.values()}
    assert {FeedbackSource.MANAGER_REVIEW, FeedbackSource.MENTOR} <= sources
    for app in apps.values():
        app.check()  # everything the demo created obeys every rule


def test_demo_dates_end_in_the_past(uow):
    with uow:
        load_demo(uow)
    today = uow.today()
    days = [a.applied_on for a in uow.stored.applications.values()]
    days += [f.received_on for f in uow.stored.feedback.values()]
    assert max(days) <= today
    assert (max(days) - min(days)).days > 365  # about 18 months of searching


def test_demo_file_is_in_the_expected_format():
    doc = read_demo()
    keys = [a["key"] for a in doc["applications"]]
    assert len(keys) == len(set(keys))

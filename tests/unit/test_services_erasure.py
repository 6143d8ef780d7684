"""Removing feedback or a story: every framework's plan and the embedding cache forget it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from nextround.analysis.embedding_cache import text_key
from nextround.domain.feedback import FeedbackSource
from nextround.domain.plan import PlanAction
from nextround.domain.plan_erasure import ERASED_WHY
from nextround.domain.statements import FeedbackStatement
from nextround.domain.stories import Story
from nextround.services.erasure import embedded_forms
from nextround.services.feedback import add_feedback, remove_feedback
from nextround.services.stories import remove_story
from tests.unit.growth_fakes import FakeGrowthUnitOfWork

GONE = "You rarely plan for what can go wrong."
SHARED = "Your SQL is excellent."
DAY = date(2026, 11, 20)


def _statement(feedback_id: int, position: int, text: str) -> FeedbackStatement:
    return FeedbackStatement(
        feedback_id=feedback_id,
        position=position,
        text=text,
        start=0,
        end=len(text),
        framework_id="nextround-core",
    )


def _cache(uow, *texts: str) -> None:
    vector = np.ones(4, dtype=np.float32)
    for text in texts:
        uow.embeddings.put_many("m", {text_key(f): vector for f in embedded_forms(text)})


def _action(ident: str, ref: str, *, done: bool) -> PlanAction:
    return PlanAction(
        ident, "mitigate", "risk-management", "Write a pre-mortem", f"They said “{GONE}”",
        "A gap.", DAY, DAY if done else None, evidence_refs=(ref,),
    )  # fmt: skip


def test_removing_feedback_forgets_it_in_every_plan_and_drops_only_its_own_vectors():
    uow = FakeGrowthUnitOfWork()
    with uow:
        item = add_feedback(uow, f"{GONE} {SHARED}", FeedbackSource.MENTOR)
        other = add_feedback(uow, SHARED, FeedbackSource.PEER)
        for s in (_statement(item.id, 1, GONE), _statement(item.id, 2, SHARED)):
            uow.statements.add(s)
        uow.statements.add(_statement(other.id, 1, SHARED))
        uow.flush()
        gone_id = uow.statements.for_feedback(item.id)[0].id
        _cache(uow, GONE, SHARED, "Unrelated text kept by nobody.")
        ref = f"feedback:{gone_id}"
        uow.plan.replace_on("nextround-core", [_action("mitigate:r:p-1", ref, done=False)])
        uow.plan.replace_on("acme", [_action("mitigate:r:p-2", ref, done=True)])
        uow.commit()
    before = len(uow.stored.embeddings)
    with uow:
        removed = remove_feedback(uow, item.id)
    assert (removed.erasure.dropped, removed.erasure.emptied) == (1, 1)
    with uow:
        assert uow.plan.on_framework("nextround-core") == []
        (history,) = uow.plan.on_framework("acme")
        assert (history.why, history.detail, history.done_on) == (ERASED_WHY, "", DAY)
        left = uow.embeddings.get_many("m", [text_key(f) for f in embedded_forms(SHARED)])
        assert left  # still said in the other feedback item
        assert not uow.embeddings.get_many("m", [text_key(f) for f in embedded_forms(GONE)])
    assert len(uow.stored.embeddings) == before - removed.erasure.vectors > 0


def test_removing_a_story_drops_the_open_actions_about_it_and_its_vectors():
    uow = FakeGrowthUnitOfWork()
    with uow:
        story = Story(
            title="Schema change incident", situation="An upstream team renamed a column.",
            task="Restore pipelines.", action="We rolled back and added contract tests.",
            result="No repeat incidents.",
        )  # fmt: skip
        uow.stories.add(story)
        uow.flush()
        _cache(uow, story.action)
        sharpen = replace(
            _action(f"story:risk-management:sharpen-{story.id}", "x", done=False), kind="story"
        )
        uow.plan.replace_all([sharpen])
        uow.commit()
    with uow:
        remove_story(uow, story.id)
    with uow:
        assert uow.plan.all() == []
        assert len(uow.embeddings) == 0

"""Forgetting deleted records in the growth plan: open actions go, done ones lose the words."""

from __future__ import annotations

from datetime import date

from nextround.domain.plan import PlanAction
from nextround.domain.plan_erasure import ERASED_WHY, Erased, forget, rests_on

DAY = date(2026, 11, 20)
QUOTE = "they felt risk management did not come through: you did not discuss rollback."


def action(ident: str, *, done: bool = False, refs: tuple[str, ...] = (), **words: str):
    return PlanAction(
        id=ident,
        kind=ident.split(":", maxsplit=1)[0],
        competency_id="risk-management",
        title=words.get("title", "Write a pre-mortem"),
        detail=words.get("detail", "Practise it."),
        why=words.get("why", "A recurring gap."),
        created_on=DAY,
        done_on=DAY if done else None,
        evidence_refs=refs,
    )


def test_an_action_rests_on_its_refs_its_round_or_story_id_or_a_quote():
    erased = Erased(
        refs=frozenset({"feedback:2"}),
        rounds=frozenset({5}),
        stories=frozenset({1}),
        texts=("Chose a candidate with more risk-management experience",),
    )
    assert rests_on(action("mitigate:risk:practice-1", refs=("feedback:2",)), erased)
    assert rests_on(action("prepare:round-5:format-technical"), erased)
    assert rests_on(action("prepare:risk:round-7-story-1"), erased)
    assert rests_on(action("story:risk:sharpen-1"), erased)
    said = "the decision at Snowflake said “Chose a candidate with more risk-management experience”"
    assert rests_on(action("position:experience:pitch", why=said), erased)
    # Other records with numbers alike are not taken for them.
    assert not rests_on(action("prepare:round-15:format-technical"), erased)
    assert not rests_on(action("story:risk:sharpen-11"), erased)
    assert not rests_on(action("mitigate:risk:practice-2", refs=("feedback:12",)), erased)


def test_open_actions_go_and_done_ones_stay_without_the_deleted_words():
    erased = Erased(refs=frozenset({"feedback:2"}), texts=(QUOTE, "Schema change incident"))
    quoted = f"Your recruiter said “{QUOTE}” Practise: write a pre-mortem."
    plan = [
        action("mitigate:risk:practice-1", refs=("feedback:2", "feedback:9"), detail=quoted),
        action("mitigate:risk:practice-2", done=True, refs=("feedback:2",), detail=quoted),
        action(
            "story:risk:sharpen-3", done=True, title="Sharpen the story “Schema change incident”"
        ),
        action("lean_in:sql:practice-1", done=True),
    ]
    outcome = forget(plan, erased)
    assert (outcome.dropped, outcome.emptied) == (1, 2)
    kept = {a.id: a for a in outcome.actions}
    assert set(kept) == {
        "mitigate:risk:practice-2",
        "story:risk:sharpen-3",
        "lean_in:sql:practice-1",
    }
    history = kept["mitigate:risk:practice-2"]
    assert (history.title, history.detail, history.why) == ("Write a pre-mortem", "", ERASED_WHY)
    assert history.evidence_refs == () and history.done_on == DAY
    assert kept["story:risk:sharpen-3"].title == "Sharpen the story “…”"
    assert kept["lean_in:sql:practice-1"] == plan[3]


def test_a_quote_is_found_with_its_case_and_spacing_changed_but_not_a_short_word():
    erased = Erased(texts=("Rambled", "  Forgot   idempotency and rollback. "))
    assert rests_on(
        action("prepare:round-1:went-badly-2", why="You noted: forgot idempotency and rollback"),
        erased,
    )
    assert not rests_on(action("prepare:round-1:answer", why="You rambled a bit."), erased)
    assert not forget([action("x:y")], Erased()).changed

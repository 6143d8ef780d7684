"""Reading feedback on another framework, on the fake unit of work with a keyword mapper."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nextround.domain.competency import Competency, Framework, Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.errors import DomainError
from nextround.services.feedback import add_feedback, add_mapped_feedback, map_stored_feedback
from nextround.services.framework_reading import read_elsewhere, read_feedback_on
from nextround.services.frameworks import import_framework, mapped_elsewhere, use_framework
from nextround.services.profile import current_profile
from nextround.services.review import pending_review, review_again, review_statement
from tests.unit.fakes import FAKE_NOW
from tests.unit.growth_fakes import (
    FakeGrowthUnitOfWork,
    KeywordMapper,
    growth_uow,
    keyword_mapper,
    seed_process,
)
from tests.unit.growth_fixtures import FRAMEWORK

#: A target company's principles; "communication" is an id the test framework has too.
VALUES = Framework(
    id="values",
    name="Values",
    competencies=(
        Competency("own-the-outcome", "Own the outcome", "Owns results and their risks."),
        Competency("say-the-hard-thing", "Say the hard thing", "Pushes back with evidence."),
        Competency("communication", "Communication", "Headline first, short and clear."),
    ),
)
VALUES_RULES = (
    ("risk", "own-the-outcome", 0.8),
    ("push", "say-the-hard-thing", 0.8),
    ("clear", "communication", 0.7),
    ("communicat", "communication", 0.6),
)

FIRST = "Strong communicator, but the whiteboard flow lacked structure."
SECOND = "Risk management was weak. She did not push back when challenged."


def values_mapper() -> KeywordMapper:
    return KeywordMapper(VALUES_RULES)


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    """Two pieces of feedback mapped on the test framework, one statement confirmed."""
    uow = growth_uow(FRAMEWORK)
    with uow:
        import_framework(uow, VALUES)
        add_mapped_feedback(uow, FIRST, FeedbackSource.INTERVIEWER, keyword_mapper, "test")
        _, second = add_mapped_feedback(
            uow, SECOND, FeedbackSource.RECRUITER, keyword_mapper, "test"
        )
        # The user's verdict: about risk management, and a gap.
        review_statement(uow, second[0].id, ["risk-management"], Polarity.GAP)
    return uow


def _profile(uow: FakeGrowthUnitOfWork, framework_id: str) -> dict:
    with uow:
        return current_profile(uow, 365, framework_id).profile.to_json()


def test_reading_on_another_framework_keeps_the_first_reading_exactly(uow):
    before = _profile(uow, "test")
    with uow:
        use_framework(uow, "values")
    assert _profile(uow, "values")["competencies"][0]["evidence_count"] == 0
    with uow:
        read = read_feedback_on(uow, "values", values_mapper)
    assert (read.reread, read.split, read.left) == (2, 0, 0)
    assert len(read.statements) == 4
    with uow:
        on_values = [s for s in uow.statements.all_readings() if s.framework_id == "values"]
        assert [s.id for s in on_values] == sorted(s.id for s in read.statements)
        # Suggestions to review on the new framework: nothing is confirmed for the user.
        assert not any(s.confirmed for s in on_values)
        assert {s.mapper for s in on_values} == {"keywords"}
        risk = next(s for s in on_values if s.text == "Risk management was weak.")
        assert risk.competencies == ["own-the-outcome"]
        assert risk.polarity is Polarity.GAP  # the verdict on the words carries over
        assert len(uow.statements.all_readings()) == 8
    assert any(c["evidence_count"] for c in _profile(uow, "values")["competencies"])
    # Choosing the first framework back gives its profile exactly as it was.
    with uow:
        use_framework(uow, "test")
    assert _profile(uow, "test") == before


def test_reading_again_does_nothing_and_loads_no_model(uow):
    with uow:
        read_feedback_on(uow, "values", values_mapper)

    def no_model() -> KeywordMapper:
        raise AssertionError("nothing to read, so no mapper is needed")

    with uow:
        again = read_feedback_on(uow, "values", no_model)
        assert (again.reread, again.split, again.statements) == (0, 0, [])
        assert len(uow.statements.all_readings()) == 8


def test_each_item_shows_and_reviews_its_reading_on_the_framework_in_use(uow):
    with uow:
        item_ids = [f.id for f in uow.feedback.list()]
        assert len(pending_review(uow)) == 3  # one of four confirmed on "test"
        read_feedback_on(uow, "values", values_mapper)
        # Not in use yet: the items still show their reading on the test framework.
        assert {s.framework_id for s in uow.statements.for_feedback(item_ids[0])} == {"test"}
        assert uow.statements.count_unconfirmed() == 3
        use_framework(uow, "values")
        assert {s.framework_id for s in uow.statements.for_feedback(item_ids[0])} == {"values"}
        waiting = pending_review(uow)
        assert [i.statement.framework_id for i in waiting] == ["values"] * 4
        assert uow.statements.count_unconfirmed() == 4
        shown = uow.statements.for_feedback_items(item_ids)
        assert [len(shown[i]) for i in item_ids] == [2, 2]


def test_an_item_read_nowhere_yet_is_split_and_an_item_can_be_read_alone(uow):
    with uow:
        unsplit = add_feedback(uow, "Clear and calm under pressure.", FeedbackSource.MENTOR)
        use_framework(uow, "values")
        first = uow.feedback.list()[0]
        # One item: `feedback map ID` reads it again on the framework in use.
        item, statements = map_stored_feedback(uow, first.id, values_mapper, "values")
    assert item.id == first.id
    assert [s.framework_id for s in statements] == ["values", "values"]
    with uow, pytest.raises(DomainError, match=r"already split into 2 statements") as refused:
        map_stored_feedback(uow, first.id, values_mapper, "values")
    assert refused.value.cli_hint == f"see them with `nextround feedback show {first.id}`"
    with uow:
        read = read_feedback_on(uow, "values", values_mapper)
        assert (read.reread, read.split) == (1, 1)
        assert [s.text for s in uow.statements.for_feedback(unsplit.id)] == [
            "Clear and calm under pressure."
        ]
    with uow:
        use_framework(uow, "test")
        # Split on "values" only: on the test framework it shows that reading, to be read.
        assert read_elsewhere(uow).statements == {"values": 1}


def test_a_budget_reads_whole_items_and_says_what_is_left(uow):
    seen: list[tuple[int, int]] = []
    with uow:
        read = read_feedback_on(
            uow, "values", values_mapper, budget=1, progress=lambda d, t: seen.append((d, t))
        )
    assert (read.reread, len(read.statements), read.left) == (1, 2, 2)
    assert seen == [(2, 4)]  # a whole item, even over the budget
    with uow:
        rest = read_feedback_on(uow, "values", values_mapper, budget=1)
    assert (rest.reread, rest.left) == (1, 0)


def test_nothing_is_kept_when_reading_fails_half_way(uow, monkeypatch):
    calls = []

    def failing() -> KeywordMapper:
        mapper = values_mapper()
        original = mapper.map

        def map_(texts, k=3):  # type: ignore[no-untyped-def]
            calls.append(len(texts))
            if len(calls) > 1:
                raise RuntimeError("the model went away")
            return original(texts, k)

        mapper.map = map_  # type: ignore[method-assign]
        return mapper

    monkeypatch.setattr("nextround.services.framework_reading.CHUNK", 2)
    with uow, pytest.raises(RuntimeError):
        read_feedback_on(uow, "values", failing)
    assert calls == [2, 2]
    with uow:
        assert len(uow.statements.all_readings()) == 4


def test_what_is_left_out_names_the_command_worth_running(uow):
    with uow:
        seed = seed_process(uow, interviews=[("Case", datetime(2026, 11, 2, tzinfo=UTC), [])])
    from nextround.services.debriefs import record_debrief

    with uow:
        record_debrief(uow, seed.interview_ids[0], 3, ratings={"communication": 4})
        elsewhere = read_elsewhere(uow, "values")
        assert (elsewhere.statements, elsewhere.items, elsewhere.rated) == (
            {"test": 4},
            2,
            {"test": 1},
        )
        assert mapped_elsewhere(uow, "values") == (
            "your profile, plan and story coverage leave out 4 feedback statements and the "
            "self-ratings of 1 debrief on Test framework (test): they are on another "
            "framework, and choosing it back brings them back"
        )
        read_feedback_on(uow, "values", values_mapper)
        after = read_elsewhere(uow, "values")
        assert (after.to_read, after.items) == (0, 0)
        # Self-ratings are the person's own numbers on one framework: they stay there.
        assert after.words() == (
            "your profile, plan and story coverage leave out the self-ratings of 1 debrief on "
            "Test framework (test): they are on another framework, and choosing it back "
            "brings them back"
        )
        assert "does not carry over" in (after.rated_words() or "")


def test_a_verdict_of_no_competency_carries_over_and_can_be_undone(uow):
    with uow:
        noise = next(s for s in pending_review(uow) if s.statement.text.startswith("Strong"))
        review_statement(uow, noise.statement.id, [])  # about no competency, on "test"
    uow.clock_now += timedelta(days=1)
    with uow:
        read = read_feedback_on(uow, "values", values_mapper)
    [kept] = read.about_none
    assert kept.text == noise.statement.text
    with uow:
        on_values = uow.statements.get(kept.id)
        assert on_values.confirmed and on_values.competencies == [] and on_values.verdict_carried
        # Its suggestions on this framework stay, for a review that maps it after all.
        assert on_values.suggestions[0].competency_id == "communication"
        use_framework(uow, "values")
        assert kept.id not in {i.statement.id for i in pending_review(uow)}
        review_again(uow, kept.id)
    with uow:
        again = uow.statements.get(kept.id)
        assert not again.confirmed and not again.verdict_carried
        assert again.competencies == ["communication"]  # the confident pick, pre-selected
        assert kept.id in {i.statement.id for i in pending_review(uow)}


def test_the_latest_verdict_on_the_words_is_the_one_carried(uow):
    """Mapped after all on one framework, a statement is no longer 'about none' anywhere new."""
    third = Framework("third", "Third", VALUES.competencies)
    with uow:
        import_framework(uow, third)
        noise = next(s for s in pending_review(uow) if s.statement.text.startswith("Strong"))
        review_statement(uow, noise.statement.id, [])
    with uow:
        [kept] = read_feedback_on(uow, "values", values_mapper).about_none
        review_statement(uow, kept.id, ["communication"])
    with uow:
        read = read_feedback_on(uow, "third", values_mapper)
    assert read.about_none == []
    assert not any(s.confirmed for s in read.statements if s.text == noise.statement.text)


def test_interviews_to_come_tagged_on_another_framework_are_named_among_what_is_left_out(uow):
    # QA20 F11: the panel was tagged on the person's framework before the switch.
    from nextround.services.upcoming import upcoming_round

    soon = FAKE_NOW + timedelta(days=3)
    seed_process(
        uow,
        interviews=[
            ("Panel", soon, ["systems-thinking", "risk-management"]),
            ("Screen", FAKE_NOW - timedelta(days=20), ["risk-management"]),
        ],
    )
    with uow:
        use_framework(uow, "values")
        elsewhere = read_elsewhere(uow)
        assert elsewhere.interviews == {"test": 1}  # the one to come: the past one prepares nothing
        assert "the competencies noted on 1 interview to come on Test framework (test)" in (
            elsewhere.words() or ""
        )
        upcoming = upcoming_round(uow)
        assert upcoming is not None and upcoming.noted_elsewhere is not None
        assert upcoming.noted_elsewhere.framework_id == "test"
        assert upcoming.noted_elsewhere.competencies == ("Systems thinking", "Risk management")
        use_framework(uow, "test")
        assert read_elsewhere(uow).interviews == {}
        back = upcoming_round(uow)
        assert back is not None and back.noted_elsewhere is None

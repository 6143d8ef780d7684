"""Stories' tags and logged questions after a switch of framework: said, never mixed, kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nextround.services.debriefs import record_debrief
from nextround.services.framework_reading import read_elsewhere, read_feedback_on
from nextround.services.frameworks import import_framework, use_framework
from nextround.services.mapping import confirmed_examples
from nextround.services.profile import current_profile
from nextround.services.stories import add_story, edit_story, list_stories, story_coverage
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK
from tests.unit.test_services_framework_reading import VALUES, values_mapper

QUESTION = "How do you communicate a risk to a VP who will not hear it?"


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    """A story and a debrief with a question, both on the test framework; then "values"."""
    uow = growth_uow(FRAMEWORK)
    seeded = seed_process(uow, interviews=[("Case", datetime(2026, 11, 2, tzinfo=UTC), [])])
    with uow:
        import_framework(uow, VALUES)
        # "communication" is an id both frameworks have: on "values" it must not count.
        add_story(
            uow,
            {
                "title": "Carrier outage",
                "action": "I wrote the risk register and briefed the VP daily.",
                "competencies": ["communication", "risk-management"],
            },
        )
        record_debrief(
            uow, seeded.interview_ids[0], 3, questions=[QUESTION], mapper=keyword_mapper()
        )
        use_framework(uow, "values")
    return uow


def _coverage(uow: FakeGrowthUnitOfWork):  # type: ignore[no-untyped-def]
    with uow:
        return story_coverage(uow, current_profile(uow, 365).profile)


def test_after_a_switch_the_tags_on_the_other_framework_are_said_and_never_counted(uow):
    matrix = _coverage(uow)
    assert not any(any(row.cells) for row in matrix.rows)  # "communication" is not counted
    assert matrix.elsewhere == (1,)
    with uow:
        (listed,) = list_stories(uow, 120)
        elsewhere = read_elsewhere(uow)
    assert listed.elsewhere and listed.tags.empty
    assert (elsewhere.stories, elsewhere.questions) == ({"test": 1}, {"test": 1})
    assert elsewhere.words() == (
        "your profile, plan and story coverage leave out the tags of 1 story and what 1 "
        "question logged in debriefs probed on Test framework (test): they are on another "
        "framework, and choosing it back brings them back"
    )


def test_tagging_a_story_on_the_new_framework_keeps_its_tags_on_the_first(uow):
    with uow:
        edit_story(uow, 1, {}, mapper=values_mapper(), accept_suggestions=True)
    assert [r.competency_id for r in _coverage(uow).rows if any(r.cells)] == ["own-the-outcome"]
    with uow:
        use_framework(uow, "test")
    assert [r.competency_id for r in _coverage(uow).rows if any(r.cells)] == [
        "risk-management",
        "communication",
    ]


def test_reading_all_feedback_maps_the_logged_questions_and_keeps_their_first_mapping(uow):
    with uow:
        (debrief,) = uow.debriefs.all()
        before = debrief.questions[0].tags_on("test")
        read = read_feedback_on(uow, "values", values_mapper)
    assert (read.questions, read.left) == (1, 0)
    with uow:
        (debrief,) = uow.debriefs.all()
        (question,) = debrief.questions
        assert question.tags_on("values").competencies == ("own-the-outcome",)
        assert not question.tags_on("values").confirmed  # a suggestion to review
        assert question.tags_on("test") == before  # the first mapping, as it was
        assert read_elsewhere(uow).questions == {}
        # Read again: nothing left to map, and no mapper is loaded for it.
        assert read_feedback_on(uow, "values", _no_mapper).questions == 0


def test_a_question_confirmed_on_one_framework_teaches_only_that_framework(uow):
    with uow:
        (debrief,) = uow.debriefs.all()
        debrief.questions[0].confirmed = True  # confirmed on "test", about communication
        read_feedback_on(uow, "values", values_mapper)
        on_test = confirmed_examples(uow, FRAMEWORK)
        on_values = confirmed_examples(uow, VALUES)
    assert [(e.text, e.competency_id) for e in on_test] == [(QUESTION, "risk-management")]
    assert on_values == []  # same id "communication" elsewhere, but never confirmed there


def _no_mapper():  # type: ignore[no-untyped-def]
    raise AssertionError("nothing to map, so no mapper should be loaded")

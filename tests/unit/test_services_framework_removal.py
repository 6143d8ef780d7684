"""Deleting an imported framework, on the fake unit of work: what goes, and what stays."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nextround.domain.competency import CompetencyMatch, Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.plan import PlanAction
from nextround.domain.stories import Story
from nextround.domain.tagging import Tagging
from nextround.errors import DomainError, NotFoundError
from nextround.frameworks.files import BUILTIN_ID
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_mapped_feedback
from nextround.services.framework_reading import read_elsewhere, read_feedback_on
from nextround.services.framework_removal import framework_removal, remove_framework
from nextround.services.frameworks import import_framework, use_framework
from nextround.services.review import review_statement
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK
from tests.unit.test_services_framework_reading import VALUES, values_mapper


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    """Feedback read on both frameworks, and work done on "values" before going back."""
    uow = growth_uow(FRAMEWORK)
    seeded = seed_process(uow, interviews=[("Case", datetime(2026, 11, 2, tzinfo=UTC), [])])
    with uow:
        import_framework(uow, VALUES, use=True)
        # Read on "values" only, then on both.
        add_mapped_feedback(
            uow, "She did not push back.", FeedbackSource.PEER, values_mapper, "values"
        )
        use_framework(uow, "test")
        add_mapped_feedback(
            uow, "Risk management was weak.", FeedbackSource.RECRUITER, keyword_mapper, "test"
        )
        use_framework(uow, "values")
        read_feedback_on(uow, "values", values_mapper)
        risk = next(s for s in uow.statements.for_feedback(2))
        review_statement(uow, risk.id, ["own-the-outcome"], Polarity.GAP)
        record_debrief(
            uow,
            seeded.interview_ids[0],
            3,
            ratings={"own-the-outcome": 2},
            questions=["How do you push back on a VP?"],
            mapper=values_mapper(),
        )
        story = Story("Carrier outage")
        # Tagged on both frameworks: its tags on one are its own there.
        story.tag_on("test", Tagging(("communication", "risk-management"), (), True))
        story.tag_on(
            "values",
            Tagging(("own-the-outcome",), (CompetencyMatch("say-the-hard-thing", 0.4),), True),
        )
        uow.stories.add(story)
        uow.plan.replace_all(
            [PlanAction("mitigate:own-the-outcome:practice-1", "mitigate", "own-the-outcome",
                        "Write a pre-mortem", "", "", date(2026, 11, 2), date(2026, 11, 3))]
        )  # fmt: skip
        use_framework(uow, "test")
        uow.commit()
    return uow


def test_the_question_says_what_goes_and_what_stays(uow):
    with uow:
        removal = framework_removal(uow, "values")
    assert removal.summary == (
        "Values (values) with its mappings of 2 feedback statements (1 of them confirmed), "
        "the self-ratings of 1 debrief rated on it, its competencies as tags of 1 story, "
        "its competencies as tags of 1 debrief question and its growth plan of 1 action "
        "(1 done)"
    )
    assert removal.kept("`map --all`") == (
        "Your feedback stays exactly as given, and so do your debriefs and stories. 1 piece "
        "of feedback read on this framework only is left unsplit; `map --all` reads it on "
        "the framework in use."
    )


def test_deleting_takes_only_what_means_something_on_it(uow):
    with uow:
        test_statements = [
            (s.id, s.text, s.competencies, s.confirmed)
            for s in uow.statements.all_readings()
            if s.framework_id == "test"
        ]
        remove_framework(uow, "values")
    with uow:
        assert uow.frameworks.ids() == [BUILTIN_ID, "test"]
        # Feedback text is never deleted; the other framework's reading is untouched.
        assert [f.text for f in uow.feedback.list()] == [
            "She did not push back.",
            "Risk management was weak.",
        ]
        assert [
            (s.id, s.text, s.competencies, s.confirmed) for s in uow.statements.all_readings()
        ] == test_statements
        assert uow.statements.for_feedback(1) == []  # read on "values" only: unsplit now
        assert read_elsewhere(uow).unsplit == 1
        (debrief,) = uow.debriefs.all()
        assert debrief.ratings == {}
        assert debrief.overall == 3
        (question,) = debrief.questions
        assert question.text == "How do you push back on a VP?"
        assert question.competencies == [] and question.suggestions == []
        (story,) = uow.stories.all()
        # Its tags on the other framework stay, as they were.
        assert story.tagged_on() == {"test"}
        assert story.tags_on("test").competencies == ("communication", "risk-management")
        assert story.tags_on("values").empty
        assert uow.plan.on_framework("values") == []


def test_the_built_in_framework_and_the_one_in_use_cannot_be_deleted(uow):
    with uow, pytest.raises(DomainError, match="is the built-in framework"):
        remove_framework(uow, BUILTIN_ID)
    with uow, pytest.raises(DomainError, match="is the framework in use") as refused:
        remove_framework(uow, "test")
    assert "`nextround framework use ID`" in refused.value.for_cli()
    with uow, pytest.raises(NotFoundError):
        remove_framework(uow, "nope")
    with uow:
        assert uow.frameworks.ids() == [BUILTIN_ID, "test", "values"]

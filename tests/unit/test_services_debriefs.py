"""Debrief use cases on the fake unit of work."""

from datetime import UTC, datetime

import pytest

from nextround.domain.competency import Competency, Framework
from nextround.domain.debrief import Debrief
from nextround.errors import DomainError, NotFoundError
from nextround.services.debriefs import (
    amend_debrief,
    confirm_questions,
    get_debrief,
    record_debrief,
    remove_questions,
)
from nextround.services.frameworks import import_framework
from tests.unit.growth_fakes import FakeGrowthUnitOfWork, growth_uow, keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK

PAST = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
FUTURE = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # the fixed clock says 2026-11-25 12:00


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return growth_uow(FRAMEWORK)


@pytest.fixture
def interviews(uow):
    seeded = seed_process(
        uow,
        interviews=[
            ("Whiteboard case", PAST, ["systems-thinking"]),
            ("Team lunch", FUTURE, []),
            ("Unscheduled chat", None, []),
        ],
    )
    return seeded.interview_ids


def test_a_debrief_is_stored_with_ratings_and_mapped_questions(uow, interviews):
    mapper = keyword_mapper()
    with uow:
        saved = record_debrief(
            uow,
            interviews[0],
            2,
            went_well="Opened with the goal",
            went_badly="Lost the thread",
            ratings={"systems-thinking": 2, "communication": 4},
            questions=["How would this flow fail?", "  ", "Tell me about a risk you took."],
            mapper=mapper,
        ).debrief
    assert mapper.calls == [["How would this flow fail?", "Tell me about a risk you took."]]
    with uow:
        stored = get_debrief(uow, interviews[0])
    assert stored is not None and stored.id == saved.id
    assert stored.overall == 2
    assert stored.ratings == {"systems-thinking": 2, "communication": 4}
    assert [q.text for q in stored.questions] == [
        "How would this flow fail?",
        "Tell me about a risk you took.",
    ]
    assert [q.position for q in stored.questions] == [1, 2]
    assert [q.competencies for q in stored.questions] == [
        ["systems-thinking"],
        ["risk-management"],
    ]
    assert stored.questions[0].suggestions[0].confidence == pytest.approx(0.7)
    assert not any(q.confirmed for q in stored.questions)


def test_without_a_mapper_questions_are_kept_unmapped(uow, interviews):
    with uow:
        saved = record_debrief(uow, interviews[0], 3, questions=["Why this role?"]).debrief
    assert saved.questions[0].suggestions == []
    assert saved.questions[0].competencies == []


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_a_rating_outside_1_to_5_is_refused(uow, interviews, rating):
    message = f"self-rating for communication must be 1-5, not {rating}"
    with uow, pytest.raises(DomainError, match=message):
        record_debrief(uow, interviews[0], 3, ratings={"communication": rating})
    with uow:
        assert get_debrief(uow, interviews[0]) is None


@pytest.mark.parametrize("overall", [0, 6])
def test_an_overall_outside_1_to_5_is_refused(uow, interviews, overall):
    with uow, pytest.raises(DomainError, match="overall must be 1-5"):
        record_debrief(uow, interviews[0], overall)
    with uow:
        assert uow.debriefs.all() == []


def test_a_rating_can_name_its_competency(uow, interviews):
    with uow:
        debrief = record_debrief(uow, interviews[0], 3, ratings={"Risk Management": 2}).debrief
    assert debrief.ratings == {"risk-management": 2}


def test_a_rating_for_a_competency_outside_the_framework_is_refused(uow, interviews):
    with uow, pytest.raises(DomainError, match="'ownership' is not a competency of “Test"):
        record_debrief(uow, interviews[0], 3, ratings={"communication": 4, "ownership": 4})
    with uow:
        assert uow.debriefs.all() == []


def test_a_second_debrief_needs_replace(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 2, went_well="first", questions=["Q one?", "Q two?"])
    with uow, pytest.raises(DomainError, match="already has a debrief") as caught:
        record_debrief(uow, interviews[0], 5, went_well="second")
    assert "already has a debrief; pass --replace" in caught.value.for_cli()
    with uow:
        kept = get_debrief(uow, interviews[0])
        assert kept is not None and kept.went_well == "first" and kept.overall == 2


def test_replace_rewrites_the_debrief_in_place(uow, interviews):
    with uow:
        first = record_debrief(
            uow, interviews[0], 2, went_well="first", ratings={"communication": 2},
            questions=["Q one?", "Q two?"],
        ).debrief  # fmt: skip
    with uow:
        second = record_debrief(
            uow, interviews[0], 4, went_badly="timing", ratings={"systems-thinking": 3},
            questions=["Q three?"], replace=True,
        ).debrief  # fmt: skip
    with uow:
        debriefs = uow.debriefs.all()
    assert len(debriefs) == 1
    assert second.id == first.id
    stored = debriefs[0]
    assert stored.overall == 4
    assert stored.went_well is None
    assert stored.went_badly == "timing"
    assert stored.ratings == {"systems-thinking": 3}
    assert [q.text for q in stored.questions] == ["Q three?"]


def test_replace_without_an_earlier_debrief_just_writes_one(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 4, replace=True)
    with uow:
        assert len(uow.debriefs.all()) == 1


def test_an_interview_that_has_not_happened_cannot_be_debriefed(uow, interviews):
    with uow, pytest.raises(DomainError, match="has not happened yet; debrief it afterwards"):
        record_debrief(uow, interviews[1], 4)
    with uow:
        assert uow.debriefs.all() == []


def test_an_unscheduled_interview_can_be_debriefed(uow, interviews):
    with uow:
        record_debrief(uow, interviews[2], 4)
    with uow:
        assert get_debrief(uow, interviews[2]) is not None


def test_an_unknown_interview_is_not_found(uow, interviews):
    with uow, pytest.raises(NotFoundError, match="no interview with id 99"):
        record_debrief(uow, 99, 3)
    with uow, pytest.raises(NotFoundError):
        get_debrief(uow, 99)


def test_amending_changes_what_is_given_and_keeps_the_rest(uow, interviews):
    with uow:
        record_debrief(
            uow, interviews[0], 2, went_well="Opened with the goal", went_badly="Rushed",
            ratings={"systems-thinking": 2, "communication": 4}, questions=["Why this role?"],
        )  # fmt: skip
    with uow:
        amend_debrief(uow, interviews[0], ratings={"Systems thinking": 3}, went_badly="")
    with uow:
        stored = get_debrief(uow, interviews[0])
    assert stored is not None and stored.overall == 2
    assert stored.went_well == "Opened with the goal" and stored.went_badly is None
    assert stored.ratings == {"systems-thinking": 3, "communication": 4}
    assert [q.text for q in stored.questions] == ["Why this role?"]
    with uow, pytest.raises(DomainError, match="must be 1-5"):
        amend_debrief(uow, interviews[0], overall=9)
    with uow:
        assert get_debrief(uow, interviews[0]).overall == 2  # a refused change changes nothing


def test_amending_needs_a_debrief_to_change(uow, interviews):
    with uow, pytest.raises(DomainError, match="has no debrief to change yet"):
        amend_debrief(uow, interviews[2], overall=3)


def test_amending_removes_a_rating_named_by_id_or_name(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 2, ratings={"systems-thinking": 2, "communication": 4})
    with uow:
        amend_debrief(uow, interviews[0], ratings={"Systems thinking": None})
    with uow:
        assert get_debrief(uow, interviews[0]).ratings == {"communication": 4}
    with uow, pytest.raises(DomainError, match="no self-rating for systems-thinking to remove"):
        amend_debrief(uow, interviews[0], ratings={"systems-thinking": None})
    with uow, pytest.raises(DomainError, match="'ownershipp' is not a competency"):
        amend_debrief(uow, interviews[0], ratings={"ownershipp": None})
    with uow:
        assert get_debrief(uow, interviews[0]).ratings == {"communication": 4}


def test_a_rating_from_another_framework_can_still_be_removed_by_its_id(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 2, ratings={"communication": 4})
        # As if rated under a framework no longer in use: its id is not one of this one's.
        get_debrief(uow, interviews[0]).ratings["customer-obsession"] = 3
        uow.commit()
    with uow:
        amend_debrief(uow, interviews[0], ratings={"customer-obsession": None})
    with uow:
        assert get_debrief(uow, interviews[0]).ratings == {"communication": 4}


# -- the framework a debrief is rated on -----------------------------------------------------

# Same competency id, another meaning: a framework of its own defines it differently.
OTHER = Framework(
    id="other",
    name="Other framework",
    competencies=(Competency(id="communication", name="Written briefs", description="Memos."),),
)


def _switch(uow, framework):
    with uow:
        import_framework(uow, framework, use=True)


def test_a_debrief_records_the_framework_its_ratings_are_on(uow, interviews):
    with uow:
        saved = record_debrief(uow, interviews[0], 3, ratings={"communication": 4}).debrief
    assert saved.framework_id == "test"
    assert saved.rated_on("test") and not saved.rated_on("other")
    _switch(uow, OTHER)
    with uow:  # rewriting it rates it on the framework in use now
        rewritten = record_debrief(
            uow, interviews[0], 3, ratings={"communication": 2}, replace=True
        ).debrief
    assert rewritten.framework_id == "other"


def test_new_ratings_are_not_mixed_into_a_debrief_rated_on_another_framework(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 3, ratings={"communication": 4})
    _switch(uow, OTHER)
    with uow, pytest.raises(DomainError) as refused:
        amend_debrief(uow, interviews[0], ratings={"communication": 2})
    assert "are on “Test framework” (test), not on “Other framework”" in str(refused.value)
    assert "`nextround framework use test`" in refused.value.for_cli()
    assert "nextround" not in refused.value.for_web()
    with uow:
        stored = get_debrief(uow, interviews[0])
        assert stored.ratings == {"communication": 4} and stored.framework_id == "test"
    with uow:  # the texts can still change, and a rating can still be removed
        amend_debrief(uow, interviews[0], went_well="Calm")
        amend_debrief(uow, interviews[0], ratings={"communication": None})
    with uow:  # with none left, the next rating is on the framework in use
        amend_debrief(uow, interviews[0], ratings={"communication": 2})
        stored = get_debrief(uow, interviews[0])
        assert (stored.went_well, stored.ratings, stored.framework_id) == (
            "Calm",
            {"communication": 2},
            "other",
        )


def test_a_debrief_from_an_old_backup_is_read_on_any_framework():
    old = Debrief(interview_id=1, overall=3, ratings={"communication": 4}, framework_id=None)
    assert old.rated_on("test") and old.rated_on("other")


def test_a_question_ending_in_a_competency_is_confirmed_as_said(uow, interviews):
    with uow:
        saved = record_debrief(
            uow,
            interviews[0],
            3,
            questions=[
                "How would this flow fail? = risk management, Communication",
                "Why us? = none",
                "Tell me about a risk you took.",
                "Is 2+2=4?",
            ],
            mapper=keyword_mapper(),
        ).debrief
    first, second, third, fourth = saved.questions
    assert first.text == "How would this flow fail?"
    assert first.confirmed and first.competencies == ["risk-management", "communication"]
    assert first.suggestions  # the mapper's view stays on record beside the verdict
    assert second.text == "Why us?" and second.confirmed and second.competencies == []
    assert not third.confirmed and third.competencies == ["risk-management"]
    assert fourth.text == "Is 2+2=4?" and not fourth.confirmed


def test_a_misspelt_competency_after_equals_is_refused_with_a_suggestion(uow, interviews):
    with uow, pytest.raises(DomainError, match="did you mean 'systems-thinking'"):
        record_debrief(uow, interviews[0], 3, questions=["How does it fail? = systems thinkng"])
    with uow:
        assert get_debrief(uow, interviews[0]) is None  # nothing half-written
    with uow, pytest.raises(DomainError, match="nothing after '='"):
        record_debrief(uow, interviews[0], 3, questions=["How does it fail? ="])


def test_logged_questions_are_confirmed_or_corrected_by_number(uow, interviews):
    with uow:
        record_debrief(
            uow,
            interviews[0],
            3,
            questions=["How would this flow fail?", "Why us?", "Who did you convince?"],
            mapper=keyword_mapper(),
        )
    with uow:
        saved = confirm_questions(
            uow, interviews[0], {1: None, 2: [], 3: ["stakeholder management"]}
        ).debrief
    assert [q.confirmed for q in saved.questions] == [True, True, True]
    assert [q.competencies for q in saved.questions] == [
        ["systems-thinking"],  # as it was mapped ("flow")
        [],
        ["stakeholder-management"],
    ]
    with uow, pytest.raises(DomainError, match="has no question 4: its questions are 1-3"):
        confirm_questions(uow, interviews[0], {4: []})
    with uow, pytest.raises(DomainError, match="has no debrief yet"):
        confirm_questions(uow, interviews[1], {1: []})


def test_a_rewritten_debrief_keeps_the_verdict_on_a_question_logged_again(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 3, questions=["Why us? = none"], mapper=keyword_mapper())
    with uow:
        amended = amend_debrief(
            uow, interviews[0], questions=["Why us?", "How would it fail?"], mapper=keyword_mapper()
        ).debrief
    assert amended.questions[0].confirmed and amended.questions[0].competencies == []
    assert not amended.questions[1].confirmed
    with uow:
        again = record_debrief(
            uow, interviews[0], 2, questions=["why us?"], mapper=keyword_mapper(), replace=True
        ).debrief
    assert again.questions[0].confirmed and again.questions[0].competencies == []


def test_a_question_is_confirmed_on_the_framework_in_use_and_keeps_its_other_readings(
    uow, interviews
):
    with uow:
        record_debrief(
            uow, interviews[0], 3, questions=["How would this flow fail?"], mapper=keyword_mapper()
        )
        confirm_questions(uow, interviews[0], {1: ["risk management"]})
    _switch(uow, OTHER)
    # Mapped on "test" only: confirming it "as it is" on "other" would confirm nothing.
    with uow, pytest.raises(DomainError, match="mapped on another framework only"):
        confirm_questions(uow, interviews[0], {1: None})
    with uow:
        saved = confirm_questions(uow, interviews[0], {1: ["Written briefs"]}).debrief
    (question,) = saved.questions
    here = question.tags_on("other")
    assert here.confirmed and here.competencies == ("communication",)
    before = question.tags_on("test")
    assert before.confirmed and before.competencies == ("risk-management",)
    with uow:  # rewritten word for word on "other", the reading on "test" stays
        again = amend_debrief(
            uow, interviews[0], questions=["How would this flow fail?"], mapper=keyword_mapper()
        ).debrief
    assert again.questions[0].tags_on("test").competencies == ("risk-management",)
    assert again.questions[0].tags_on("other").confirmed


def test_questions_given_to_a_written_debrief_are_added_and_the_logged_ones_kept(uow, interviews):
    with uow:
        record_debrief(
            uow, interviews[0], 3, mapper=keyword_mapper(),
            questions=["How would this flow fail?", "Why us?", "Who did you convince?"],
        )  # fmt: skip
        confirm_questions(uow, interviews[0], {1: ["communication"], 2: []})
    with uow:
        saved = amend_debrief(
            uow, interviews[0], mapper=keyword_mapper(),
            questions=["How do you mitigate a P0? = systems thinking", "why us?", "Why us?"],
        )  # fmt: skip
    # One new question, after the others; "why us?" was logged already, and is not twice.
    assert saved.questions.added == (4,) and saved.questions.again == (2,)
    assert saved.questions.removed == ()
    questions = saved.debrief.questions
    assert [q.text for q in questions] == [
        "How would this flow fail?",
        "Why us?",
        "Who did you convince?",
        "How do you mitigate a P0?",
    ]
    # The verdicts given before stay, the new one is as said.
    assert [(q.confirmed, q.competencies) for q in questions] == [
        (True, ["communication"]),
        (True, []),
        (False, []),
        (True, ["systems-thinking"]),
    ]
    assert [q.position for q in questions] == [1, 2, 3, 4]
    assert saved.debrief.overall == 3  # nothing else changes


def test_a_question_logged_again_with_a_verdict_takes_that_verdict(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 3, questions=["Why us?"], mapper=keyword_mapper())
    with uow:
        saved = amend_debrief(uow, interviews[0], questions=["Why us? = communication"])
    assert saved.questions.added == () and saved.questions.again == (1,)
    (question,) = saved.debrief.questions
    assert question.confirmed and question.competencies == ["communication"]


def _three_questions(uow, interview_id):
    """A debrief logging three questions: the second confirmed as about no competency."""
    with uow:
        record_debrief(
            uow, interview_id, 3, mapper=keyword_mapper(),
            questions=["How would this flow fail?", "Why us? = none", "Who did you convince?"],
        )  # fmt: skip


def test_questions_replace_the_list_only_when_asked_and_say_what_went(uow, interviews):
    _three_questions(uow, interviews[0])
    with uow:
        saved = amend_debrief(
            uow, interviews[0], questions=["Who did you convince?", "What would you cut?"],
            mapper=keyword_mapper(), replace_questions=True,
        )  # fmt: skip
    assert [q.text for q in saved.debrief.questions] == [
        "Who did you convince?",
        "What would you cut?",
    ]
    logged = saved.questions
    assert logged.added == (2,) and logged.again == (1,)
    assert logged.removed == ("How would this flow fail?", "Why us?")
    assert logged.removed_confirmed == 1
    with uow:  # none at all: the list is emptied
        emptied = amend_debrief(uow, interviews[0], replace_questions=True)
    assert emptied.debrief.questions == [] and emptied.questions.removed_confirmed == 0
    assert len(emptied.questions.removed) == 2


def test_a_rewrite_can_keep_the_logged_questions_and_add_those_given(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 2, questions=["Why us? = none"])
    with uow:
        saved = record_debrief(
            uow, interviews[0], 4, questions=["What would you cut?"], replace=True,
            keep_questions=True,
        )  # fmt: skip
    assert [q.text for q in saved.debrief.questions] == ["Why us?", "What would you cut?"]
    assert saved.debrief.questions[0].confirmed and saved.questions.added == (2,)


def test_too_many_questions_added_are_refused_and_nothing_is_added(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 3, questions=[f"Question {n}?" for n in range(49)])
    with uow, pytest.raises(DomainError, match="at most 50 questions per debrief"):
        amend_debrief(uow, interviews[0], questions=["One more?", "And another?"])
    with uow:
        kept = get_debrief(uow, interviews[0])
        assert kept is not None and len(kept.questions) == 49


def test_the_refusal_of_a_second_debrief_points_to_adding_questions_too(uow, interviews):
    with uow:
        record_debrief(uow, interviews[0], 3)
    with uow, pytest.raises(DomainError) as refused:
        record_debrief(uow, interviews[0], 4)
    said = refused.value.for_cli()
    assert "pass --replace to change the parts you give and keep the rest" in said
    assert "-q alone adds questions to those logged" in said
    assert "--" not in refused.value.for_web()


def test_confirming_what_is_confirmed_already_changes_nothing_and_says_so(uow, interviews):
    _three_questions(uow, interviews[0])
    with uow:
        done = confirm_questions(uow, interviews[0], {1: None, 2: None, 3: None})
    assert done.changed == (1, 3) and done.unchanged == (2,)
    with uow:
        again = confirm_questions(uow, interviews[0], {1: None, 2: [], 3: None})
    assert again.changed == () and again.unchanged == (1, 2, 3)
    with uow:  # a correction to something else is a change
        corrected = confirm_questions(uow, interviews[0], {1: ["risk management"]})
    assert corrected.changed == (1,)
    assert corrected.debrief.questions[0].competencies == ["risk-management"]


def test_questions_are_removed_by_number_and_the_rest_keep_their_verdicts(uow, interviews):
    _three_questions(uow, interviews[0])
    with uow:
        confirm_questions(uow, interviews[0], {3: ["stakeholder-management"]})
    with uow:
        done = remove_questions(uow, interviews[0], [2, 2, 1])  # as listed; once each
    assert [(n, q.text) for n, q in done.removed] == [
        (1, "How would this flow fail?"),
        (2, "Why us?"),
    ]
    (left,) = get_debrief(uow, interviews[0]).questions
    assert left.text == "Who did you convince?" and left.confirmed
    assert left.competencies == ["stakeholder-management"]


def test_removing_a_question_the_list_lacks_names_the_numbers_it_has(uow, interviews):
    _three_questions(uow, interviews[0])
    for wrong in ([4], [0], [1, 9]):
        with uow, pytest.raises(DomainError, match=r"has no question .*: its questions are 1-3"):
            remove_questions(uow, interviews[0], wrong)
    assert len(get_debrief(uow, interviews[0]).questions) == 3  # none went, not even 1
    with uow, pytest.raises(DomainError, match="has no debrief yet"):
        remove_questions(uow, interviews[2], [1])


def test_a_question_is_removed_only_if_it_still_has_the_words_shown(uow, interviews):
    _three_questions(uow, interviews[0])
    with uow, pytest.raises(DomainError, match="is no longer “Why us\\?”"):
        remove_questions(uow, interviews[0], [3], text="Why us?")
    with uow:
        done = remove_questions(uow, interviews[0], [2], text="Why us?")
    assert [q.text for _, q in done.removed] == ["Why us?"]


def test_the_confirmed_questions_a_replacement_would_drop_are_named(uow, interviews):
    _three_questions(uow, interviews[0])
    with uow:
        confirm_questions(uow, interviews[0], {1: None})
    debrief = get_debrief(uow, interviews[0])
    assert debrief.confirmed_dropped(["Who did you convince?"]) == (1, 2)
    # Given again word for word (case aside, a verdict of its own aside), it is kept.
    assert debrief.confirmed_dropped(["how would this flow fail? = none", "Why us?"]) == ()
    assert debrief.confirmed_dropped([]) == (1, 2)

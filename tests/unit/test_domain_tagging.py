"""Tags per framework: a story's or a logged question's, each framework's reading kept."""

from __future__ import annotations

from nextround.domain.competency import CompetencyMatch
from nextround.domain.debrief import DebriefQuestion
from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE
from nextround.domain.stories import Story
from nextround.domain.tagging import (
    Tagging,
    left_note,
    left_to_decide,
    split_by_framework,
    to_accept,
)

CORE = Tagging(("ownership", "communication"), (CompetencyMatch("ownership", 0.7),), True)
ACME = Tagging(("big-picture",), (CompetencyMatch("big-picture", 0.5),), True)


def test_tagging_on_another_framework_keeps_the_first_reading_for_switching_back():
    story = Story("Carrier outage")
    story.tag_on("core", CORE)
    story.tag_on("acme", ACME)
    assert story.tags_on("acme") == ACME
    assert story.tags_on("core") == CORE  # as it was
    assert story.tagged_on() == {"core", "acme"}
    # Tagged again on the first framework: the other reading stays too.
    story.tag_on("core", Tagging(("communication",), (), True))
    assert story.tags_on("core").competencies == ("communication",)
    assert story.tags_on("acme") == ACME
    assert story.tags_on("nowhere").empty


def test_an_id_two_frameworks_share_is_never_read_across_them():
    story = Story("Carrier outage")
    story.tag_on("core", CORE)  # "ownership" on the built-in framework
    assert story.tags_on("acme", known={"ownership", "big-picture"}).empty


def test_a_question_keeps_whether_its_mapping_was_confirmed_on_each_framework():
    question = DebriefQuestion("How do you push back on a VP?")
    question.tag_on("core", Tagging(("influence",), (), confirmed=True))
    question.tag_on("acme", Tagging(("earn-trust",), (CompetencyMatch("earn-trust", 0.4),)))
    assert not question.confirmed and question.framework_id == "acme"
    assert question.tags_on("core").confirmed
    assert question.untag_on("acme") and question.tags_on("acme").empty
    assert question.tagged_on() == {"core"}
    assert not question.untag_on("acme")


def test_tags_kept_before_they_had_a_framework_are_read_as_the_ids_each_has():
    legacy = Story("Old", competencies=["ownership", "big-picture"])  # no framework recorded
    assert legacy.tags_on("acme", known={"big-picture"}).competencies == ("big-picture",)
    assert legacy.tagged_on() == set()


def test_split_by_framework_puts_each_id_on_the_framework_that_has_it():
    frameworks = {"core": {"ownership", "communication"}, "acme": {"ownership", "big-picture"}}
    suggestions = [CompetencyMatch("big-picture", 0.6), CompetencyMatch("communication", 0.2)]
    own, readings = split_by_framework(
        ["ownership", "big-picture", "gone-framework-id"], suggestions, True, frameworks, "acme"
    )
    # "ownership" is on both: the one in use has it; an id no framework has stays there too.
    assert own == "acme"
    assert readings == {
        "acme": Tagging(("ownership", "big-picture", "gone-framework-id"), (suggestions[0],), True),
        "core": Tagging((), (suggestions[1],), True),
    }
    own, readings = split_by_framework(["communication"], [], False, frameworks, "acme")
    assert (own, readings) == ("core", {"core": Tagging(("communication",), (), False)})
    assert split_by_framework([], [], True, frameworks, "acme") == ("acme", {})


def test_accepting_suggestions_takes_those_at_the_pre_select_bar_and_says_what_it_left():
    bar = EVIDENCE_MIN_CONFIDENCE
    suggestions = (
        CompetencyMatch("ownership", bar),
        CompetencyMatch("communication", 0.3487),
        CompetencyMatch("risk-management", 0.12),
    )
    assert to_accept(suggestions) == ["ownership"]  # at the bar counts, just under it not
    left = left_to_decide(suggestions)
    assert [m.competency_id for m in left] == ["communication", "risk-management"]
    note = left_note(left, {"communication": "Communication"}, took_any=True)
    # Named, with a share that never reads as the bar it falls short of; a guess under 15%
    # is not named at all (it would read as advice).
    assert note.startswith("Left for you to decide: Communication 34.9%.")
    assert "only at 35% or more, the bar feedback uses to pre-select" in note
    assert left_note(left[1:], {}, took_any=False) == (
        "No suggestion taken: no clear match (every guess is under 15%)."
    )
    assert left_note(left[1:], {}, took_any=True) == (
        "Nothing else was taken: no other clear match (the rest are under 15%)."
    )
    assert left_note((CompetencyMatch("ownership", 0.15),), {}, took_any=False).startswith(
        "No suggestion taken, as none is sure enough: ownership 15%."
    )
    assert to_accept((CompetencyMatch("ownership", 0.2),)) == []  # not even the top one

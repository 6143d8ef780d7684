"""A debrief: self-ratings changed one competency at a time; questions naming what they probed."""

import pytest

from nextround.domain.debrief import Debrief, question_and_competencies
from nextround.errors import DomainError


def _rated() -> Debrief:
    return Debrief(7, 3, ratings={"systems-thinking": 2, "communication": 4})


def test_rerating_sets_and_replaces_only_the_competencies_given():
    debrief = _rated()
    debrief.rerate({"communication": 5, "ownership": 3})
    assert debrief.ratings == {"systems-thinking": 2, "communication": 5, "ownership": 3}


def test_none_removes_a_rating_and_keeps_the_others():
    debrief = _rated()
    debrief.rerate({"systems-thinking": None})
    assert debrief.ratings == {"communication": 4}


def test_changes_apply_in_order_so_a_removed_rating_can_be_given_again():
    debrief = _rated()
    debrief.rerate({"systems-thinking": None, "ownership": 2})
    assert debrief.ratings == {"communication": 4, "ownership": 2}


@pytest.mark.parametrize(
    ("ratings", "message"),
    [
        (
            {"systems-thinking": 2, "communication": 4},
            "the debrief of interview 7 has no self-rating for ownership to remove; "
            "it rates systems-thinking, communication",
        ),
        ({}, "the debrief of interview 7 has no self-rating for ownership to remove; "
         "it has no self-ratings"),
    ],
)  # fmt: skip
def test_removing_a_rating_it_does_not_have_is_refused_and_changes_nothing(ratings, message):
    # Usually a slip for another competency: quietly doing nothing would leave the wrong one.
    debrief = Debrief(7, 3, ratings=dict(ratings))
    with pytest.raises(DomainError) as refused:
        debrief.rerate({"communication": 1, "ownership": None})
    assert str(refused.value) == message
    assert debrief.ratings == ratings


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Why us?", ("Why us?", None)),
        ("Why us? = none", ("Why us?", [])),
        ("Why us?=None", ("Why us?", [])),
        (
            "Roll it out? = risk management, technical-depth",
            ("Roll it out?", ["risk management", "technical-depth"]),
        ),
        ("Is 2+2=4?", ("Is 2+2=4?", None)),
        ("<img src=x onerror=alert(1)>", ("<img src=x onerror=alert(1)>", None)),
        ("Lead? = Communication: clarity", ("Lead?", ["Communication: clarity"])),
    ],
)
def test_a_question_may_name_what_it_probed_after_its_last_equals(raw, expected):
    assert question_and_competencies(raw) == expected


def test_an_equals_with_nothing_after_it_is_refused():
    with pytest.raises(DomainError, match="nothing after '='"):
        question_and_competencies("Why us? = ")
    with pytest.raises(DomainError, match="no question before"):
        question_and_competencies("= risk")

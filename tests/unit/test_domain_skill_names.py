"""Competency names as they read in a sentence."""

import pytest

from nextround.domain.skill_names import skill_phrase, skills_phrase


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        # The plain words after the colon are the skill itself.
        ("Communication: clarity and concision", "clarity and concision"),
        # A tagline in title case, or one word, is no name: the heading is said.
        ("Leadership: Hire and Develop the Best", "leadership"),
        ("Risk management: overall", "risk management"),
        ("Delivery: ships what it promised to customers on time", "delivery"),
        ("Risk management", "risk management"),
        ("Stakeholder Management", "stakeholder management"),
        ("SQL depth", "SQL depth"),
        ("  Systems   thinking ", "systems thinking"),
    ],
)
def test_a_heading_becomes_a_phrase(name, phrase):
    assert skill_phrase(name) == phrase


def test_two_names_are_joined_only_when_the_join_is_unambiguous():
    assert skills_phrase(["Risk management", "Systems thinking"]) == (
        "risk management and systems thinking"
    )
    # "systems thinking and process design and improvement" would leave the reader guessing.
    assert skills_phrase(["Systems thinking", "Process design and improvement"]) == (
        "systems thinking"
    )
    assert skills_phrase(["Process design and improvement", "Risk"]) == (
        "process design and improvement"
    )
    assert skills_phrase(["Communication: clarity and concision", "Risk"]) == (
        "communication and risk"
    )
    assert skills_phrase(["Risk management", "Risk management: overall"]) == "risk management"
    assert skills_phrase(["Communication: clarity and concision"]) == "clarity and concision"
    assert skills_phrase([]) == ""

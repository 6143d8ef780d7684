"""A job title one is to win round is mapped as the stakeholder it is, not as its field."""

import pytest

from nextround.analysis.text_normalise import generic_counterpart


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "You found it hard to persuade the engineering manager who pushed back.",
            "You found it hard to persuade the stakeholder who pushed back.",
        ),
        (
            "She convinced two sceptical sales directors to fund the pilot.",
            "She convinced two sceptical stakeholders to fund the pilot.",
        ),
        (
            "How would you influence a product owner who disagrees with you?",
            "How would you influence a stakeholder who disagrees with you?",
        ),
    ],
)
def test_a_title_to_win_round_is_said_as_stakeholder(text, said):
    assert generic_counterpart(text) == said


@pytest.mark.parametrize(
    "text",
    [
        # The title is no one to win round: its field may be the skill.
        "You worked well with the product manager on the roadmap.",
        "As a product manager, you defined clear metrics.",
        "You influenced the design of the onboarding flow.",
        "She persuaded the team to adopt code review.",
    ],
)
def test_other_titles_and_objects_are_left_as_they_are(text):
    assert generic_counterpart(text) == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # QA21 F5: the title's field (data) drew it to data-informed decision making.
        (
            "My answer on growing senior data scientists was thoughtful.",
            "My answer on growing people was thoughtful.",
        ),
        ("She has been mentoring two junior engineers.", "She has been mentoring people."),
        ("You coached the new hires well.", "You coached people well."),
    ],
)
def test_people_one_grows_are_said_as_people(text, said):
    assert generic_counterpart(text) == said


@pytest.mark.parametrize(
    "text",
    [
        # What is grown or trained is no person: its field may be the skill.
        "You grew revenue by 20% in a year.",
        "You trained a model on the clickstream data.",
        "You were developing the data pipeline alone.",
        "You are growing the team's test coverage.",
    ],
)
def test_things_grown_are_left_as_they_are(text):
    assert generic_counterpart(text) == text

"""Gaps worded as what the role needs, or as leaning on others, read as gaps."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


@pytest.mark.parametrize(
    "text",
    [
        "Where we landed is that for this role we need someone who has owned an infra product "
        "end to end, including on-call and incident reviews, and I didn't hear that.",
        "We were looking for someone with deep, hands-on Kubernetes experience and we didn't "
        "see that in the interviews.",
        "The role requires strong executive presence, and that didn't come through.",
        "The team wanted to see real ownership of outcomes; it was missing.",
        "We need a leader who has scaled a team past 50 people and we saw little of that.",
        # One interviewer's requirement, passed on by the recruiter: the praise words name
        # what she looked for, not what she heard.
        "she was looking for how you identify and track risks before they become incidents, "
        "and she didn't hear a system for that.",
        "He wanted to see how you build alignment across orgs, and he didn't really hear it.",
        "Marta was hoping to see clear, data-driven prioritisation; she couldn't find it.",
        "The interviewer asked how you would scale the on-call rotation and didn't hear a plan.",
        "The hiring manager probed on your budgeting experience and never heard a concrete number.",
    ],
)
def test_an_unmet_requirement_is_a_gap(text):
    reading = read_polarity(text)
    assert reading.polarity is Polarity.GAP
    assert reading.cues[0].startswith("unmet requirement:")


@pytest.mark.parametrize(
    "text",
    [
        "Relies on the tech lead for architecture calls.",
        "She leans heavily on her manager to make the hard decisions.",
        "Defers to the architects on every design question.",
        "He depends on others for the technical detail.",
    ],
)
def test_leaning_on_others_for_ones_own_calls_is_a_gap(text):
    assert read_polarity(text).polarity is Polarity.GAP


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("We need someone who has owned an infra product, and you clearly have.", None),
        ("Relies on data to make decisions and explains the trade-offs well.", None),
        ("She doesn't rely on others for the technical detail.", None),
        ("She relied on the team for pricing and it worked.", None),
        ("We were looking for strong ownership and saw it in every answer.", None),
        # Looking for trouble and finding none; waiting to hear from someone.
        ("She was looking for gaps in your design and didn't see any real issues.", None),
        ("We wanted to hear from every interviewer and haven't heard back from Sam.", None),
        ("You wanted a remote role and we didn't hear any concerns about that.", None),
    ],
)
def test_requirements_met_and_reliance_on_evidence_are_not_these_gaps(text, polarity):
    reading = read_polarity(text)
    assert not any(c.startswith(("unmet requirement", "leans on others")) for c in reading.cues)


@pytest.mark.parametrize(
    "text",
    [
        # The wanted thing is said not to show, in words of its own.
        "We wanted to see how you moved from the data to a decision, and the reasoning "
        "between your findings and the roadmap was not clear.",
        "The panel hoped to see a rollout plan, and the risks were unclear.",
    ],
)
def test_a_requirement_whose_subject_was_not_clear_is_one_gap(text):
    [statement] = split_statements(text)
    reading = read_polarity(statement.text, feedback=True)
    assert reading.polarity is Polarity.GAP
    assert reading.cues[0].startswith("unmet requirement:")


def test_a_requirement_with_nothing_unclear_is_no_unmet_requirement():
    reading = read_polarity("We wanted a clear plan and nothing was unclear in yours.")
    assert not any(c.startswith("unmet requirement") for c in reading.cues)


@pytest.mark.parametrize(
    "text",
    [
        "Tom was looking for a clear rollback plan, and he didn't hear one.",
        "She wanted a clear, measurable rollout plan, and she didn't see it.",
        "We hoped to see strong stakeholder alignment, but we didn't see that.",
    ],
)
def test_a_requirement_and_its_absence_stay_one_statement(text):
    [statement] = split_statements(text)
    assert read_polarity(statement.text, feedback=True).polarity is Polarity.GAP


@pytest.mark.parametrize(
    "text",
    [
        "Your coaching examples were strong, and your risk answers were weak.",
        "We were looking for a strong operator and I didn't see that, but your coaching "
        "stories were excellent.",
    ],
)
def test_what_turns_outside_the_requirement_is_still_split(text):
    first, second = split_statements(text)
    assert read_polarity(first.text, feedback=True).polarity is Polarity.STRENGTH or (
        read_polarity(second.text, feedback=True).polarity is Polarity.STRENGTH
    )


@pytest.mark.parametrize(
    "text",
    [
        # An expectation named with nothing after it: it was not met.
        "We wanted to see how you turned survey responses into a recommendation.",
        "We were hoping to hear how you would plan the first ninety days.",
        "The panel had hoped to see a clear link between your metrics and the outcome.",
        "Dev wanted to understand how you decide what to test first.",
        "In the case exercise we wanted to see how you would frame the problem.",
        "We were looking for a structured approach to the estimate.",
    ],
)
def test_an_expectation_alone_is_a_gap(text):
    [statement] = split_statements(text)
    reading = read_polarity(statement.text, feedback=True)
    assert reading.polarity is Polarity.GAP
    assert reading.cues[0].startswith("unmet expectation:")


@pytest.mark.parametrize(
    "text",
    [
        "We wanted to see how you turned survey responses into a recommendation, and you "
        "showed it clearly.",
        "We wanted to see how you handle a difficult stakeholder, which you did really well.",
        "We were hoping to hear how you would plan the first ninety days. You walked us "
        "through it confidently.",
        "We wanted to see how you make trade-offs. That came through clearly in the case study.",
    ],
)
def test_an_expectation_said_to_be_met_is_one_strength(text):
    [statement] = split_statements(text)
    reading = read_polarity(statement.text, feedback=True)
    assert reading.polarity is Polarity.STRENGTH
    assert not any(c.startswith("unmet") for c in reading.cues)


def test_an_expectation_followed_by_other_praise_stays_a_gap():
    first, second = split_statements(
        "We wanted to see how you prioritise a backlog. Your energy was great throughout."
    )
    assert read_polarity(first.text, feedback=True).polarity is Polarity.GAP
    assert read_polarity(second.text, feedback=True).polarity is Polarity.STRENGTH


@pytest.mark.parametrize(
    "text",
    [
        "We wanted to see you in person before deciding.",
        "They were looking for a more senior candidate.",
        "We want to see evidence of stakeholder management in every application.",
    ],
)
def test_a_meeting_a_person_wanted_or_a_present_wish_is_no_unmet_expectation(text):
    reading = read_polarity(text, feedback=True)
    assert not any(c.startswith("unmet expectation") for c in reading.cues)

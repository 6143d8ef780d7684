"""Absence read right: what the reviewer did not hear is a gap, a lack denied is praise."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL
# Sure enough that the embedding probe, consulted below this, stays out.
SURE = 0.7


@pytest.mark.parametrize(
    "text",
    [
        # A deficit word denied, next to it or across the clause.
        "Your technical depth wasn't lacking, that part was fine.",
        "It wasn't that your technical depth was lacking — that part was fine.",
        "It's not that your stakeholder management was weak.",
        "It isn't that you lacked ideas.",
        "Not that your communication was poor — it was clear.",
        "Technical depth was not lacking at all.",
        "Your system design has never been lacking.",
        "There was no shortage of technical depth in your answers.",
        "There was never a lack of structure in how you presented.",
        "You were never short on ideas.",
        "Your answers weren't short on detail.",
        "Examples were not in short supply.",
        "Confidence was never in short supply.",
    ],
)
def test_a_deficit_denied_is_a_strength(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH, reading
    assert reading.confidence >= SURE, reading


@pytest.mark.parametrize(
    "text",
    [
        "Your technical depth was lacking.",
        "Lacking in structure.",
        "Your answers were lacking detail.",
        "Your answers lacked depth.",
        "There was a shortage of concrete examples.",
        "Concrete examples were in short supply.",
        "Your answers were short on detail.",
        "There was a lack of structure.",
        # What is denied is praise: a gap stays a gap.
        "It wasn't that your answers were convincing.",
    ],
)
def test_a_deficit_stated_is_still_a_gap(text):
    assert read_polarity(text, feedback=True).polarity is GAP


@pytest.mark.parametrize(
    "text",
    [
        "That part was fine.",
        "The coding exercise was perfectly fine.",
        "Your written summary seemed fine.",
    ],
)
def test_fine_approves(text):
    assert read_polarity(text, feedback=True).polarity is STRENGTH


@pytest.mark.parametrize(
    "text",
    [
        "It's fine to ask clarifying questions.",
        "She walked a fine line between the teams.",
    ],
)
def test_fine_as_permission_or_idiom_is_no_praise(text):
    assert not any("fine" in cue for cue in read_polarity(text, feedback=True).cues)


@pytest.mark.parametrize(
    "text",
    [
        "She didn't hear a system for that.",
        "Karin didn't see a clear framework for prioritising the roadmap.",
        "I didn't hear how you would measure success.",
        "We never heard a concrete example of you driving the roadmap.",
        "The panel didn't see evidence of cross-team influence.",
        "He couldn't see a clear plan for the migration.",
        "I didn't get a sense of how you make trade-offs.",
        "The interviewer did not hear a structured approach to incidents.",
        "We didn't really see how you would roll it back.",
        # The praise words before it name what was asked for, not what was shown.
        "Karin asked how you identify and track risks, and she didn't hear a system for that.",
    ],
)
def test_what_the_reviewer_did_not_hear_or_see_is_a_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, reading
    assert reading.confidence >= SURE, reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The reviewer looked for trouble and found none.
        ("We didn't hear any concerns from the team.", STRENGTH),
        ("I didn't see any red flags.", STRENGTH),
        ("We didn't see any issues with your coding.", STRENGTH),
        ("The panel never heard a single complaint about your style.", STRENGTH),
        # Not seeing a flaw in the person is praise.
        ("I never saw you lose your temper.", STRENGTH),
        ("We didn't see any sign of arrogance.", STRENGTH),
        ("I haven't seen anyone explain it better.", STRENGTH),
        # Not hearing from someone is about the process.
        ("We haven't heard back from the hiring manager yet.", NEUTRAL),
        ("We didn't hear from the other interviewers until Friday.", NEUTRAL),
    ],
)
def test_not_hearing_of_trouble_or_from_someone_is_no_gap(text, expected):
    assert read_polarity(text, feedback=True).polarity is expected


def test_not_hearing_from_the_person_is_still_a_gap():
    assert read_polarity("We didn't hear from you how you'd measure it.").polarity is GAP


def test_a_denial_leaves_the_rest_of_the_sentence_to_be_read():
    reading = read_polarity(
        "It isn't that you lacked ideas, but they were never prioritised.", feedback=True
    )
    assert reading.polarity is GAP
    assert any(cue.startswith("contrast:") for cue in reading.cues)

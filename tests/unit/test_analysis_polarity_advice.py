"""Advice directed at the person reads as a development point, not as praise of its topic."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def _cue_kinds(text: str) -> set[str]:
    return {cue.split(":", 1)[0] for cue in read_polarity(text).cues}


@pytest.mark.parametrize(
    "text",
    [
        "She suggested I look at systems thinking more.",
        "He recommended that you try a written pre-read next time.",
        "He advised me to delegate earlier.",
        "One suggestion: lead with the outcome.",
        "My main suggestion would be to quantify the impact.",
        "It would be great to see more structure in how you prioritise.",
        "It'd be good to hear a bit more about the commercial side.",
        "They were looking for more examples of anticipating issues.",
        "I think you could push yourself on data-driven decisions.",
        "She should stretch herself further on strategy.",
        "Keep answers a little tighter.",
        "Try to keep your updates shorter and more focused.",
        "Maybe spend more time on the risks.",
        "Perhaps lead with the recommendation.",
        "I'd like to see you build buffers and a pre-agreed decision point first.",
        "We would love to see her take on a bigger team.",
        "I'd like to see more evidence of planning for failure.",
    ],
)
def test_advice_reads_as_a_gap_with_an_advice_cue(text):
    reading = read_polarity(text)
    assert reading.polarity is GAP, (text, reading)
    assert "advice" in _cue_kinds(text), reading.cues
    # Confident enough that an embedding probe, which sees only the good topic, stays out.
    assert reading.confidence >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Your answers were a little long.",
        "The demo felt slightly rushed.",
        "Her summary was somewhat wordy.",
    ],
)
def test_hedged_excess_reads_as_a_gap(text):
    assert read_polarity(text).polarity is GAP, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not advice: an idiom of seeing, a praised suggestion, a third person's idea.
        ("You could see she had done her homework.", NEUTRAL),
        ("He suggested a great fix for the outage.", STRENGTH),
        ("She suggested they adopt a clear weekly cadence.", STRENGTH),
        ("Her suggestions were excellent.", STRENGTH),
        ("My suggestions were adopted by the whole team, a great result.", STRENGTH),
        # No comparative: the good practice an indicator describes.
        ("Keep meetings short and focused.", STRENGTH),
        ("Keeps stakeholders informed.", STRENGTH),
        # Present tense and aimed at nobody in particular: not a missed expectation.
        ("She pushes herself hard and it shows in the results.", STRENGTH),
        ("A long, detailed and excellent answer.", STRENGTH),
        ("Maybe the strongest candidate we have seen.", STRENGTH),
    ],
)
def test_near_misses_keep_their_reading(text, expected):
    reading = read_polarity(text)
    assert reading.polarity is expected, (text, reading)
    assert "advice" not in _cue_kinds(text)


def test_advice_swallows_its_topic_to_the_end_of_the_clause():
    reading = read_polarity("It would be great to see more rigour, structure and clarity.")
    assert reading.polarity is GAP
    assert not any(c.startswith("praise:") for c in reading.cues), reading.cues


def test_advice_after_praise_splits_into_a_strength_and_a_gap():
    statements = split_statements("comms were good, maybe keep answers a little tighter")
    assert [s.text for s in statements] == [
        "comms were good",
        "maybe keep answers a little tighter",
    ]
    readings = [read_polarity(s.text).polarity for s in statements]
    assert readings == [STRENGTH, GAP]


@pytest.mark.parametrize(
    "text",
    [
        "the panel really values crisp, structured answers",
        "Our interviewers look for clear, structured thinking.",
        "We care about ownership and excellent communication.",
    ],
)
def test_what_assessors_value_in_general_is_neutral(text):
    assert read_polarity(text).polarity is NEUTRAL, read_polarity(text)


@pytest.mark.parametrize(
    "text",
    ["The team values your calm, clear leadership.", "The panel valued her crisp answers."],
)
def test_what_assessors_value_in_the_person_is_still_read(text):
    assert read_polarity(text).polarity is STRENGTH, read_polarity(text)


def test_an_aside_ends_where_a_conjunction_may_bring_the_person_back():
    reading = read_polarity("The panel values ownership, and you showed excellent ownership.")
    assert reading.polarity is STRENGTH, reading


def test_a_wish_to_see_the_person_again_is_a_pleasantry_not_advice():
    assert read_polarity("It would be great to see you again at the final.").polarity is NEUTRAL
    reading = read_polarity("It would be great to see you take more ownership.")
    assert reading.polarity is GAP, reading


@pytest.mark.parametrize(
    "text",
    [
        "We'd love to see you apply again for a future role.",
        "We would love to see you apply for other roles.",
        "I'd like to see you again soon.",
    ],
)
def test_a_wish_to_meet_again_is_no_advice(text):
    assert "advice" not in _cue_kinds(text)
    assert read_polarity(text).polarity is not GAP


@pytest.mark.parametrize(
    "text",
    [
        # QA16 Q3: the manager-review register, no "you" in sight.
        "Could delegate more of the reporting work to free time for strategy.",
        "She could involve the team earlier in the planning.",
        "Occasionally over-plans: some milestones had more detail than needed.",
        "Some milestones had more detail than needed.",
    ],
)
def test_a_review_development_point_is_a_gap(text):
    assert read_polarity(text, feedback=True).polarity is Polarity.GAP


@pytest.mark.parametrize(
    "text", ["She could easily take on more scope.", "Delivered more than required."]
)
def test_readiness_for_more_and_going_beyond_are_no_development_point(text):
    assert read_polarity(text, feedback=True).polarity is not Polarity.GAP

"""Lines of reviews and debriefs: list labels, hunches, alignment kept, work done, greetings."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_suggestion import suggested_readings
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity
from nextround.services.mapping import analyse
from tests.unit.growth_fakes import keyword_mapper

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


@pytest.mark.parametrize(
    "text",
    [
        "The second area was data-informed decisions: your prioritisation relied on "
        "intuition and you did not name the metrics you would use to judge success.",
        "Another area was evidence-based planning: the estimates relied on gut feel.",
        "The next point is customer-focused design - you did not mention a single user.",
    ],
)
def test_a_list_label_names_the_topic_and_what_follows_it_judges(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    label = text.split(":")[0].split(" - ")[0]
    # The label's praise-like words ("informed", "evidence-based") are the topic, no cue.
    assert not any(
        cue.startswith("praise:") and cue.split("'")[1] in label for cue in reading.cues
    ), reading.cues


def test_a_list_label_followed_by_praise_stays_praise():
    reading = read_polarity(
        "The other area was stakeholder management: you kept everyone informed.", feedback=True
    )
    assert reading.polarity is STRENGTH, reading


@pytest.mark.parametrize(
    "text",
    [
        "Your prioritisation relied on intuition.",
        "She relied heavily on her instincts rather than the numbers.",
        "The roadmap relies mostly on gut feel.",
        "He leaned on anecdotes to justify the launch.",
    ],
)
def test_deciding_on_a_hunch_is_a_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("criticism:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "He ran the pricing change with finance, sales and legal and kept all three aligned "
        "through two difficult escalations without surprises for leadership.",
        "She kept the three teams aligned through the reorganisation.",
        "You got the directors on board before the launch.",
        "The migration landed with no surprises for the customers.",
        "Stakeholder handling was solid, he described aligning three directors with "
        "competing goals.",
    ],
)
def test_keeping_people_aligned_and_sparing_surprises_is_praise(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH, (text, reading)


@pytest.mark.parametrize(
    "text",
    [
        "He described aligning three directors with competing goals.",
        "The team juggled competing priorities all quarter.",
    ],
)
def test_competing_goals_are_the_situation_not_a_flaw(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is not GAP, (text, reading)
    assert not any("competing" in cue for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "This half Sam set up the product metrics framework for the whole growth area and "
        "defined the north-star metric with the data team.",
        "She launched the partner portal in Q3.",
        "In the last quarter he rolled out the new onboarding flow.",
    ],
)
def test_a_plain_account_of_work_done_reads_as_a_weak_strength(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH, (text, reading)
    assert any(cue.startswith("work done:") for cue in reading.cues), reading.cues
    # Weak: an embedding probe, when given, may still decide.
    assert reading.confidence < 0.7, reading


@pytest.mark.parametrize(
    "text",
    [
        # Someone else, how an answer opened, or a framework's indicator: no account.
        "In the end we went with a candidate who had more experience in payments.",
        "You led with features rather than the customer problem.",
        "Set up the product metrics framework.",
    ],
)
def test_what_is_no_account_of_the_persons_work_is_not_read_as_one(text):
    reading = read_polarity(text, feedback=True)
    assert not any(cue.startswith("work done:") for cue in reading.cues), reading.cues


def test_an_account_of_work_is_no_indicator_reading():
    # Without ``feedback`` the text may be a framework's, where the rule does not apply.
    reading = read_polarity("She launched the partner portal.")
    assert not any(cue.startswith("work done:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text", ["Your main growth area is stakeholder management.", "One growth area is pace."]
)
def test_a_growth_area_of_the_person_is_still_a_gap(text):
    assert read_polarity(text, feedback=True).polarity is GAP


@pytest.mark.parametrize(
    "text",
    [
        "Sam, it was good to see you again.",
        "Great to see you again!",
        "It was really nice seeing you in person.",
    ],
)
def test_a_greeting_is_set_aside(text):
    assert split_statements(text, []) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was good to see you lead the room.",
        "Sam, your answers were too long.",
    ],
)
def test_what_follows_a_name_or_seeing_you_is_still_feedback(text):
    assert [s.text for s in split_statements(text, [])] == [text]


def test_a_greeting_before_feedback_leaves_the_feedback():
    statements = split_statements(
        "Sam, it was good to see you again. The panel was impressed by your stakeholder map.",
        [],
    )
    assert [s.text for s in statements] == ["The panel was impressed by your stakeholder map."]


@pytest.mark.parametrize(
    "text", ["It ran well over time.", "We ran out of time.", "They hired another applicant."]
)
def test_an_account_needs_the_person_as_its_subject(text):
    reading = read_polarity(text, feedback=True)
    assert not any(cue.startswith("work done:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text", ["Never lose the room.", "Don't lose the thread of your argument when challenged."]
)
def test_never_lose_the_room_said_to_the_person_is_advice(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("advice:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text", ["Don't lose heart.", "Never lose your confidence.", "She never loses the room."]
)
def test_losing_heart_denied_or_a_habit_described_is_no_advice(text):
    reading = read_polarity(text, feedback=True)
    assert not any(cue.startswith("advice:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "Your CV undersold your leadership.",
        "You tend to undersell your impact.",
        "He downplayed his part in the launch.",
    ],
)
def test_underselling_is_a_gap_and_swallows_what_it_undersold(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    assert not any(cue.startswith("praise:") for cue in reading.cues), reading.cues


SHORTFALLS = (
    "Where it fell short was stakeholder management: your answer stayed vague. "
    "The second area was pricing: your plan came from last year's numbers."
)


def test_the_next_point_on_a_list_of_shortfalls_is_suggested_as_one():
    statements = split_statements(SHORTFALLS, [])
    readings = [read_polarity(s.text, feedback=True) for s in statements]
    assert [r.polarity for r in readings] == [GAP, NEUTRAL]  # its own words say nothing
    suggested = suggested_readings(statements, readings)
    assert [r.polarity for r in suggested] == [GAP, GAP]
    assert suggested[1].cues[0].startswith("list:"), suggested[1].cues


def test_a_list_point_that_praises_keeps_its_reading():
    text = (
        "Where it fell short was stakeholder management: your answer stayed vague. "
        "The other area was pricing: your plan was excellent."
    )
    statements = split_statements(text, [])
    readings = [read_polarity(s.text, feedback=True) for s in statements]
    assert [r.polarity for r in suggested_readings(statements, readings)] == [GAP, STRENGTH]


def test_a_list_point_follows_only_a_shortfall_of_its_own_text():
    # The first text ends on a gap; the second opens a list of its own, judged by nothing.
    first, second = analyse(
        ["Your answer stayed too vague.", "The second area was pricing: your plan came first."],
        keyword_mapper(),
    )
    assert [s.polarity for s in first.statements] == [GAP]
    assert [s.polarity for s in second.statements] == [NEUTRAL]

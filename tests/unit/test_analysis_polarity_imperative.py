"""In feedback an imperative asks for change (a gap); in a framework it names good practice."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_imperative import imperative_span
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity
from nextround.services.mapping import analyse
from tests.unit.growth_fakes import keyword_mapper

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL

ADVICE = [
    "Quantify impact more.",
    "Push back earlier on scope.",
    "Delegate more of the routine reporting.",
    "Ask for help sooner.",
    "Practise the 2-minute version of your story.",
    "Consider trade-offs earlier.",
    "Focus on the outcome, not the process.",
    "Bring more recent data into your stories.",
    "Rehearse the tough questions.",
    "Next time, lead with the recommendation.",
    "Don't undersell your own role.",
    "Never assume the brief is complete.",
    "- involve the wider team before deciding",
    # "Keep" asks when it holds something within bounds.
    "Keep your stories short.",
    "Keep it simple.",
    "Keep your answers under two minutes.",
]


@pytest.mark.parametrize("text", ADVICE)
def test_an_imperative_in_feedback_is_advice_and_a_sure_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("advice:") for cue in reading.cues), reading.cues
    # Sure enough that an embedding probe, which sees only the good practice, stays out.
    assert reading.confidence >= 0.7


@pytest.mark.parametrize(
    "text",
    ["Quantify impact more.", "Push back earlier on scope.", "Consider trade-offs earlier."],
)
def test_the_same_imperative_in_a_framework_still_names_good_practice(text):
    assert read_polarity(text).polarity is STRENGTH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Encouragement to go on.
        ("Keep doing the weekly demos.", STRENGTH),
        ("Continue to mentor the new joiners.", STRENGTH),
        ("Keep it up!", STRENGTH),
        # A strengths list in noun phrases, some opening with a word that is also a verb.
        ("Clear written communication", STRENGTH),
        ("Focus on outcomes", STRENGTH),
        ("Work ethic", STRENGTH),
        ("Design thinking", STRENGTH),
        ("Support for junior colleagues", STRENGTH),
        ("Lead by example", STRENGTH),
        ("Calm under pressure", STRENGTH),
        # The opening word is the subject of the sentence.
        ("Focus on delivery was excellent.", STRENGTH),
        ("Research skills are strong.", STRENGTH),
        ("Plan quality has improved.", STRENGTH),
    ],
)
def test_encouragement_and_noun_phrases_are_no_advice(text, expected):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is expected, (text, reading)
    assert not any(cue.startswith("advice:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "Give me a call if you want to talk it through.",
        "Take care",
        "Get in touch with any questions",
        "Don't hesitate to reach out.",
        "Apply again in six months.",
        "Thanks for your time.",
    ],
)
def test_courtesy_in_the_imperative_asks_for_no_change(text):
    assert imperative_span(text) is None


@pytest.mark.parametrize("heading", ["Strengths", "Keep doing", "What went well"])
def test_under_a_heading_that_praises_or_encourages_an_imperative_is_what_to_go_on_doing(
    heading,
):
    reading = read_polarity("Lead with the recommendation", heading=heading, feedback=True)
    assert reading.polarity is STRENGTH, reading


@pytest.mark.parametrize("heading", ["Next steps", "Mentor notes", "Coach feedback", "Summary"])
def test_under_a_heading_that_names_no_strength_an_imperative_stays_a_gap(heading):
    # "Mentor" and "Coach" name who wrote the notes; they praise nobody.
    reading = read_polarity("Push back earlier", heading=heading, feedback=True)
    assert reading.polarity is GAP, reading


def test_advice_after_praise_in_one_sentence_is_its_own_gap_statement():
    text = "Your answers were well structured - quantify impact more next time."
    readings = [
        (s.text, read_polarity(s.text, feedback=True).polarity) for s in split_statements(text)
    ]
    assert readings == [
        ("Your answers were well structured", STRENGTH),
        ("quantify impact more next time.", GAP),
    ]


def test_feedback_mapping_reads_imperatives_as_advice_and_noun_phrases_as_strengths():
    text = (
        "Strengths:\n- Clear written communication\n- Focus on outcomes\n\n"
        "Mentor notes:\nQuantify impact more. Keep doing the weekly demos."
    )
    (mapped,) = analyse([text], keyword_mapper())
    polarity = {s.text: s.polarity for s in mapped.statements}
    assert polarity == {
        "Clear written communication": STRENGTH,
        "Focus on outcomes": STRENGTH,
        "Quantify impact more.": GAP,
        "Keep doing the weekly demos.": STRENGTH,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Never missed a beat.",
        "Never hesitated to ask for help.",
        "Never failing to follow up with the client.",
        # A past form that is no bare verb describes as "-ed" does.
        "Never had any concerns about your delivery.",
        "Never lost the room, even under pressure.",
    ],
)
def test_never_before_a_described_habit_is_praise_not_advice(text):
    assert imperative_span(text) is None
    assert read_polarity(text, feedback=True).polarity is STRENGTH


@pytest.mark.parametrize(
    "text",
    [
        "Keep doing the weekly demos.",
        "Keep it up!",
        "Keep up the clear stakeholder updates.",
        "Continue doing what you did with the roadmap review.",
    ],
)
def test_encouragement_is_a_sure_strength_so_it_is_suggested_as_one(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH
    assert reading.confidence >= 0.6  # the suggestion leaves a reading below 0.6 neutral


@pytest.mark.parametrize(
    "text",
    [
        "Fix the late reporting before the next quarter",
        "Fix late reporting.",
        "Tackle the gaps in your test plan.",
        "Sort out the late reporting.",
        "Correct the errors in the forecast.",
        "Drop the jargon.",
        "Stop over-explaining.",
        "Stop interrupting people.",
        "Revisit your pricing assumptions.",
        "Maybe fix the late reporting.",
        "Perhaps tighten your answers.",
        "Next time, cut the filler words.",
    ],
)
def test_an_imperative_to_remedy_a_fault_is_a_gap_not_praise_of_the_remedy(text):
    # "Fixed the late reporting" praises; told to the person, "fix" asks for the change.
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("advice:") for cue in reading.cues), reading.cues
    assert reading.confidence >= 0.7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the person did, or does, to remedy a fault is praise.
        ("You fixed the late reporting.", STRENGTH),
        ("Fixes late reporting quickly.", STRENGTH),
        ("Great job fixing the late reporting.", STRENGTH),
        # Encouragement to go on remedying faults, or to use what the person has.
        ("Keep doing what you did in the case study.", STRENGTH),
        ("Keep fixing problems the way you did.", STRENGTH),
        ("Lead with your migration story.", STRENGTH),
    ],
)
def test_remedy_said_of_the_person_or_encouraged_is_no_request(text, expected):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is expected, (text, reading)
    assert not any(cue.startswith("advice:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "Correct use of the framework throughout.",
        "Drop in energy towards the end.",
        "Sort of rushed at the end.",
        "Design thinking",
        "Change management",
    ],
)
def test_a_word_of_remedy_or_change_opening_a_noun_phrase_is_no_imperative(text):
    assert imperative_span(text) is None


def test_a_remedy_in_a_framework_indicator_still_names_good_practice():
    assert read_polarity("Fixes late reporting quickly.").polarity is STRENGTH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fix was quick and clean.", None),
        ("Review is thorough and fair.", STRENGTH),
        ("Rework was sloppy.", GAP),
    ],
)
def test_a_bare_noun_before_was_or_is_describes_rather_than_asks(text, expected):
    # No imperative is followed by "was": "Fix" here is what was done, not a request.
    assert imperative_span(text) is None
    reading = read_polarity(text, feedback=True)
    assert not any(cue.startswith("advice:") for cue in reading.cues), reading.cues
    if expected is not None:
        assert reading.polarity is expected, (text, reading)


@pytest.mark.parametrize(
    "text", ["Keep your energy up.", "Keep doing the weekly demos.", "Keep going with the demos."]
)
def test_keep_without_bounds_still_encourages(text):
    assert imperative_span(text) is None
    assert read_polarity(text, feedback=True).polarity is STRENGTH

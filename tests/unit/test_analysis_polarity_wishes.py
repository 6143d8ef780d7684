"""A wish for more and advice to say it differently read as gaps; using a strength does not.

"We wanted more evidence of X" is one of the commonest ways a rejection names a gap, and
its topic ("evidence", "using data to drive decisions") reads as praise word by word.
"""

import pytest

from nextround.analysis.polarity import PolarityReading, read_polarity
from nextround.analysis.polarity_suggestion import settle_unsure
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def _read(text: str) -> Polarity:
    return read_polarity(text, feedback=True).polarity


@pytest.mark.parametrize(
    "text",
    [
        "We also wanted more evidence of using data to drive decisions",
        "We wanted more evidence of stakeholder management.",
        "The panel wanted to hear more about how you use data.",
        "We wanted more depth on how you prioritised the backlog.",
        "The interviewers wanted more detail about your budget responsibility.",
        "They expected more examples of leading through ambiguity.",
        "The panel had hoped to see more of your strategic thinking.",
        "I wanted to hear more about how you measured success.",
        "We expected more from you on stakeholder management.",
        "The hiring manager wanted to see more ownership of outcomes.",
        "Ideally we wanted a bit more evidence of coaching others.",
        "Karin wanted more examples of delivery under pressure.",
        "We hoped for more depth on the technical side.",
        "They wanted more of a sense of how you made trade-offs.",
        "We were expecting more examples from outside nursing.",
        "What we wanted was more evidence of commercial thinking.",
        "We were after more evidence of ownership.",
        "Sue hoped to hear more about your rota redesign.",
        "Honestly, we expected more.",
    ],
)
def test_a_wish_for_more_after_the_interview_reads_as_a_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP
    assert any(cue.startswith("advice:") for cue in reading.cues)


@pytest.mark.parametrize(
    "text",
    [
        "More evidence of influencing would have helped.",
        "A clearer structure would have been good.",
        "Better examples of leading change would have strengthened your case.",
        "A bit more detail on the budget would have made a big difference.",
    ],
)
def test_what_would_have_helped_names_what_was_missing(text):
    assert _read(text) is GAP


@pytest.mark.parametrize(
    "text",
    [
        "you tell it as a nursing story: translate it into the language of cost, capacity "
        "and operational performance",
        "Reframe the rota story in terms of cost and capacity.",
        "Your example was good: put it in commercial terms next time.",
        "You could translate the outcomes into financial terms.",
        "Going forward, translate your impact into pounds and hours.",
        "In future, put the numbers first.",
        "Next time, lead with the numbers.",
        "Don't lead with the apology.",
    ],
)
def test_advice_to_say_it_differently_reads_as_a_gap(text):
    assert _read(text) is GAP


@pytest.mark.parametrize(
    "text",
    [
        "You should lead with it.",
        "Make more of it in your next interview.",
        "That example is your best one, so play it up.",
        "Do more of that in the final round.",
        "Lead with your strengths.",
        "Build on that in your next interview.",
        "You should make more of your budget experience.",
    ],
)
def test_advice_to_use_a_strength_is_no_gap(text):
    assert _read(text) is STRENGTH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A wish of one's own, not the panel's: no gap named.
        ("She wanted more responsibility, so she moved to operations.", NEUTRAL),
        # The bare verb with a subject describes what the person does.
        ("You translate complex data into plain language very well.", STRENGTH),
        ("Your answers showed more evidence of planning than last time.", STRENGTH),
        # A pronoun points back to a strength; a noun names what to put first instead.
        ("Lead with your recommendation, then the detail.", GAP),
        # A wish to hear of the person, the place or anything but an answer is no shortfall.
        ("We wanted to hear more about your experience.", NEUTRAL),
        ("The panel wanted to see more of you and has invited you back.", NEUTRAL),
        ("I wanted to see more of the team before accepting.", NEUTRAL),
        ("We wanted more candidates from operations backgrounds this year.", NEUTRAL),
        ("We expected more applications than usual for this role.", NEUTRAL),
    ],
)
def test_near_misses_keep_their_reading(text, expected):
    assert _read(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Some concrete numbers would have made a big difference.",
        "A worked example would have helped.",
        "One or two figures on the savings would have been good.",
    ],
)
def test_what_would_have_helped_without_a_comparative(text):
    # Something indefinite that would have helped names what was missing, as "more X" does.
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP
    assert any(cue.startswith("advice:") for cue in reading.cues), reading.cues


def test_the_mentors_encouragement_and_advice_split_the_right_way():
    text = (
        "Amara, your people leadership is genuinely exceptional and you should lead with it. "
        "The rota redesign is your best story, but you tell it as a nursing story: translate "
        "it into the language of cost, capacity and operational performance."
    )
    readings = {s.text: _read(s.text) for s in split_statements(text)}
    assert [p for t, p in readings.items() if "lead with it" in t] == [STRENGTH]
    assert [p for t, p in readings.items() if "translate" in t] == [GAP]


def test_a_strength_its_own_words_argue_against_is_suggested_as_neutral():
    contested = PolarityReading(
        STRENGTH, 0.7, ("meaning: reads as good practice", "advice: 'wanted more evidence'")
    )
    settled = settle_unsure(contested)
    assert settled.polarity is NEUTRAL
    assert "also ask for more" in settled.cues[0]
    # As sure, with nothing in its words against it, a strength is kept.
    plain = PolarityReading(STRENGTH, 0.7, ("praise: 'great'",))
    assert settle_unsure(plain) is plain
    firm = PolarityReading(STRENGTH, 0.85, ("praise: 'well'", "gap area: 'was a growth area'"))
    assert settle_unsure(firm) is firm

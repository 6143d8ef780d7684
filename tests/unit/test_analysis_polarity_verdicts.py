"""Verdicts, obligations and requests for change read as gaps, not as praise of their topic."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def _kinds(text: str) -> set[str]:
    return {cue.split(":", 1)[0] for cue in read_polarity(text).cues}


@pytest.mark.parametrize(
    "text",
    [
        # Compared with others, and losing, with the person named in the comparison.
        "The panel thought others were stronger than you on commercial negotiation.",
        "Other candidates had more hands-on experience with vendor contracts than you.",
        "The successful candidate brought deeper experience in forecasting than you did.",
        # Too much of it.
        "Your answers in the panel were quite long.",
        "The case write-up was a bit long-winded.",
        "Some of his explanations ran very long.",
        "Her status e-mails are long.",
        # The topic named, then judged.
        "Forecasting skills need work.",
        "His stakeholder updates need more polish.",
        "The risk section of your case is still thin.",
        "Honestly, SQL is a blocker for the senior roles.",
        "Her confidence in front of executives remains a weakness.",
    ],
)
def test_verdicts_read_as_confident_gaps(text):
    reading = read_polarity(text)
    assert reading.polarity is GAP, (text, reading)
    assert "verdict" in _kinds(text), reading.cues
    # Sure enough that an embedding probe, which sees only the good topic, stays out.
    assert reading.confidence >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Your written updates should lead with the ask.",
        "He should also build more confidence presenting numbers.",
        "You must quantify the impact of your launches.",
        "bring one example where you disagreed with a director and changed their mind.",
        "Frame your answers around the customer outcome.",
        "Take a short course on SQL, it will open doors.",
        "Try an online class in financial modelling before the next round.",
        "Spend less time on the company background.",
        "Don't be afraid to challenge the sponsor's dates.",
        "Would recommend brushing up on pricing models before the final.",
    ],
)
def test_obligations_and_requests_for_change_read_as_advice(text):
    reading = read_polarity(text)
    assert reading.polarity is GAP, (text, reading)
    assert "advice" in _kinds(text), reading.cues
    assert reading.confidence >= 0.7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Winning a comparison, or a strong field, is no verdict on the person.
        ("You were stronger than the other candidates on pricing.", STRENGTH),
        ("She was clearly better prepared than others.", STRENGTH),
        # A long record, a long answer praised: not excess.
        ("She has a very long track record of delivering on time.", STRENGTH),
        ("A long, detailed and excellent answer.", STRENGTH),
        # What a relative clause says of a thing, praise, keeping on: no obligation.
        ("Knows which decisions should be escalated.", STRENGTH),
        ("You should be really proud of the launch.", NEUTRAL),
        ("Keep doing what you're doing with the roadmap.", STRENGTH),
        # Framework indicators in the imperative name nobody: still good practice.
        ("Plan ahead and prioritise the work.", STRENGTH),
        # A behaviour that suggests something, and a recommendation to hire, are no advice.
        ("Suggests organising a weekly review with the sponsors.", STRENGTH),
        ("I would recommend hiring him without hesitation.", STRENGTH),
        # A negated verdict praises.
        ("Nothing was missing from the plan.", STRENGTH),
    ],
)
def test_near_misses_keep_their_reading(text, expected):
    reading = read_polarity(text)
    assert reading.polarity is expected, (text, reading)
    assert not _kinds(text) & {"verdict", "advice"}


@pytest.mark.parametrize("text", ["Be more concise in your answers.", "Be a bit less wordy."])
def test_asking_to_be_more_or_less_of_something_is_a_gap(text):
    assert read_polarity(text).polarity is GAP, read_polarity(text)


@pytest.mark.parametrize(
    "text",
    [
        "To be more precise, she led the migration well.",
        "You must be tired after such a long day.",
        "Be proud of yourself.",
    ],
)
def test_idioms_of_being_are_no_request_for_change(text):
    assert read_polarity(text).polarity is not GAP, read_polarity(text)


def test_praise_before_a_verdict_is_only_its_topic():
    reading = read_polarity("Her excellent analytical skills still need development.")
    assert reading.polarity is GAP, reading


def test_an_excess_and_its_consequence_stay_one_gap():
    text = (
        "Jo said that in the strategy round your answers were quite long and she lost "
        "track of the main point."
    )
    statements = split_statements(text)
    assert [s.text for s in statements] == [text]
    assert read_polarity(text).polarity is GAP


@pytest.mark.parametrize(
    "text",
    [
        # The topic's own words ("handle", "management", "lead") are only what it is about.
        "We had concerns about how you handle performance management.",
        "We also had concerns about how you handle performance management",
        "The panel had some concerns about your stakeholder management.",
        "There were concerns around how you manage conflict.",
        "Our main concern with your application was how you lead teams.",
        "We have some reservations regarding how you coach engineers.",
    ],
)
def test_the_reviewers_concerns_about_any_topic_are_a_confident_gap(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is GAP, reading
    assert "verdict" in _kinds(text), reading.cues
    assert reading.confidence >= 0.7, reading


@pytest.mark.parametrize(
    "text",
    [
        "We had no concerns about how you handle performance management.",
        "We had no real concerns about your stakeholder management.",
        "We didn't have any concerns about your leadership.",
        # The person's own dealing with concerns is no concern about them.
        "You addressed the concerns about the rollout calmly.",
    ],
)
def test_no_concerns_or_concerns_handled_are_praise(text):
    reading = read_polarity(text, feedback=True)
    assert reading.polarity is STRENGTH, reading


@pytest.mark.parametrize(
    "text",
    [
        "She listened to concerns about the roadmap and acted on them.",
        "You raised concerns about the timeline early, which was great.",
    ],
)
def test_concerns_the_person_dealt_with_are_no_verdict(text):
    assert "verdict" not in _kinds(text), read_polarity(text)

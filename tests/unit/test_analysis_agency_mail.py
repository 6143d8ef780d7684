"""A recruitment agency relaying the client's decision: what is feedback, what is set aside."""

import pytest

from nextround.analysis.decision_talk import states_the_decision
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity
from nextround.domain.positioning import is_about_experience


def _texts(text: str) -> list[str]:
    return [s.text for s in split_statements(text)]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # QA11 F3: regret before the client's choice hid its reason; read as without it.
        (
            "Unfortunately the client went with someone with more enterprise SaaS experience.",
            "the client went with someone with more enterprise SaaS experience.",
        ),
        (
            "Unfortunately, the hiring manager chose someone with more fintech experience.",
            "the hiring manager chose someone with more fintech experience.",
        ),
        (
            "Sadly they hired another candidate with more B2B marketplace experience.",
            "they hired another candidate with more B2B marketplace experience.",
        ),
        (
            "Unfortunately the client has chosen to go with a candidate who has more "
            "agency-side experience.",
            "the client has chosen to go with a candidate who has more agency-side experience.",
        ),
    ],
)
def test_the_clients_choice_with_its_reason_is_kept_as_a_decision_about_experience(sentence, kept):
    assert _texts(sentence) == [kept]
    assert states_the_decision(kept) and is_about_experience(kept)


def test_another_candidates_background_as_the_reason_states_the_decision():
    said = "The hiring manager felt another candidate's background in logistics was closer."
    assert _texts(said) == [said]
    assert states_the_decision(said) and is_about_experience(said)


@pytest.mark.parametrize(
    "sentence",
    [
        # Lead-ins: where the feedback came from (QA11 F7).
        "I've now had feedback from the client.",
        "I have now heard back from the hiring manager.",
        "I've had some feedback from the client which I wanted to pass on.",
        # What the decision came down to, and a hire paused (QA11 F7).
        "In the end it came down to timing: the client has decided to put the hire on hold "
        "until Q2.",
        "The client has put the role on hold for now.",
        "The role has been put on hold due to budget.",
        # Not going on, chosen elsewhere, close: the decision without a reason.
        "Unfortunately the client has decided not to take your application further.",
        "Unfortunately the client has decided to proceed with other candidates.",
        "It was very close between you and one other candidate.",
        "The hiring manager said it was a close call.",
        # Courtesy from the agency (QA11 F7): keeping in touch, chasing, passing on thanks.
        "We'd be happy to put you forward again.",
        "I'll be in touch if anything similar comes up.",
        "I will let you know if I get any more feedback.",
        "I've chased them for more detail.",
        "I've chased them for more detail and will let you know as soon as I hear.",
        "I'm still waiting on more detailed feedback from the hiring manager.",
        "The client has asked me to pass on their thanks.",
        "Unfortunately it's not good news this time.",
    ],
)
def test_agency_process_talk_is_set_aside(sentence):
    assert _texts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "They felt you were a little light on stakeholder management at board level.",
        "The client was really impressed with your presentation.",
        "Apply again once you have more experience running a renewals team with a quota.",
        "Unfortunately your renewals forecast was too optimistic.",
    ],
)
def test_feedback_relayed_by_the_agency_is_still_read(sentence):
    assert len(_texts(sentence)) == 1


@pytest.mark.parametrize(
    "said",
    [
        "The client decided to promote internally.",
        "They decided to promote someone from within.",
    ],
)
def test_promoting_internally_is_decision_talk(said):
    # Promoting from within is whom the company chose, no praise of the person.
    assert _texts(said) == []


@pytest.mark.parametrize(
    "said",
    [
        "Unfortunately the hiring manager is on leave this week so I don't have more detail.",
        "Unfortunately the panel is still meeting, so we haven't had any feedback yet.",
    ],
)
def test_no_detail_yet_is_set_aside(said):
    # That the recruiter has nothing more to pass on is their news, no shortfall of the
    # person, wherever in the sentence it comes.
    assert _texts(said) == []


def test_a_persons_own_note_that_they_lacked_detail_is_still_a_gap():
    reading = read_polarity("I didn't have more detail on the budget.", feedback=True)
    assert reading.polarity is Polarity.GAP

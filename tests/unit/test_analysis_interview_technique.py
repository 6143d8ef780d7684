"""Tips on interview technique are set aside and listed; advice on the work stays feedback."""

import pytest

from nextround.analysis.document_remarks import DOCUMENT_REMARK
from nextround.analysis.interview_technique import INTERVIEW_TECHNIQUE, is_interview_technique
from nextround.analysis.not_feedback import left_out_kinds, read_around
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

# QA17 F8: a careers adviser's notes, as a student pastes them.
ADVISER = (
    "Careers adviser notes: CV is solid. In interviews use STAR and quantify results. "
    "Prepare 5-6 stories covering teamwork, leadership, failure. Research the company's "
    "values before strengths interviews."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "In interviews use STAR and quantify results.",
        "Prepare 5-6 stories covering teamwork, leadership, failure.",
        "Research the company's values before strengths interviews.",
        "Practise your answers out loud.",
        "Tailor your CV to each role.",
        "Prepare questions to ask at the end",
        "Do a couple of mock interviews before the assessment centre.",
        "It's worth researching the firm's recent deals before the superday.",
        "Before video interviews, test your camera and microphone.",
        "Make sure you have examples ready, e.g. a team project where things went wrong.",
        "- Always use the STAR method for competency questions.",
    ],
)
def test_a_tip_on_technique_is_recognised(sentence):
    assert is_interview_technique(sentence)
    assert split_statements(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        # Advice on the work is a development point on a competency.
        ("Next time spend more time on risk.", Polarity.GAP),
        ("Next time, quantify the impact of your projects.", Polarity.GAP),
        # A tip that comes with what was seen is about what was seen.
        ("Your answers lacked structure, so use STAR next time.", Polarity.GAP),
        ("Use STAR, and work on your stakeholder management.", Polarity.GAP),
        ("You should research the company more; you didn't know our products.", Polarity.GAP),
        # The person's own account of preparing, and praise of it, is no tip.
        ("You used STAR well and your examples were specific.", Polarity.STRENGTH),
        # How the stories were told, and a tip with what was seen after a semicolon.
        ("Keep your stories short; the returns one was far too long.", Polarity.GAP),
        ("Prepare more stories; the ones you told were all from one project.", Polarity.GAP),
        # How long the stories ran is a development point, as other advice on the work is.
        ("Keep your stories short.", Polarity.GAP),
    ],
)
def test_advice_on_the_work_or_with_an_observation_stays_a_statement(sentence, polarity):
    assert not is_interview_technique(sentence)
    statements = split_statements(sentence)
    # All of it is read: nothing is set aside, whether it splits at ";" or not.
    assert " ".join(s.text for s in statements).split() == sentence.replace(";", "").split()
    assert polarity in [read_polarity(s.text, feedback=True).polarity for s in statements]


def test_the_advisers_tips_are_listed_under_their_own_reason_and_the_rest_is_read():
    # "CV is solid." judges a document, not a skill: it is listed under its own reason.
    statements = split_statements(ADVISER)
    assert statements == []
    usual, asides = read_around(ADVISER, [])
    assert usual == []
    assert [(a.text, a.reason) for a in asides] == [
        ("Careers adviser notes: CV is solid.", DOCUMENT_REMARK),
        ("In interviews use STAR and quantify results.", INTERVIEW_TECHNIQUE),
        ("Prepare 5-6 stories covering teamwork, leadership, failure.", INTERVIEW_TECHNIQUE),
        ("Research the company's values before strengths interviews.", INTERVIEW_TECHNIQUE),
    ]
    assert left_out_kinds(usual, asides) == (
        "remark on the CV or cover letter, advice on interview technique"
    )


def test_tips_in_a_list_are_set_aside_one_by_one():
    notes = (
        "Tips from my mentor:\n"
        "- Prepare questions to ask at the end\n"
        "- Your presentation was rushed; slow down.\n"
        "- Tailor your CV to each role\n"
    )
    assert [s.text for s in split_statements(notes)] == [
        "Your presentation was rushed",
        "slow down.",
    ]
    _, asides = read_around(notes, [(s.start, s.end) for s in split_statements(notes)])
    assert [a.text for a in asides] == [
        "Prepare questions to ask at the end",
        "Tailor your CV to each role",
    ]

"""A remark on the CV or cover letter alone is set aside; what the CV shows stays feedback."""

import pytest

from nextround.analysis.document_remarks import DOCUMENT_REMARK, is_document_remark
from nextround.analysis.interview_technique import INTERVIEW_TECHNIQUE
from nextround.analysis.not_feedback import left_out_kinds, read_around
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


@pytest.mark.parametrize(
    "sentence",
    [
        "CV is solid.",
        "Your CV is strong.",
        "Your résumé looked a bit dense.",
        "The cover letter was very well written.",
        "Your CV and cover letter were clear and well structured.",
        "Strong CV.",
        "Solid CV and cover letter!",
        "- Personal statement reads well",
        "Mentor's notes: CV is fine overall.",
    ],
)
def test_a_remark_on_the_cv_alone_is_set_aside(sentence):
    assert is_document_remark(sentence)
    assert split_statements(sentence) == []
    _, asides = read_around(sentence, [])
    assert [a.reason for a in asides] == [DOCUMENT_REMARK]


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        # What the CV shows of the person is about their experience, a competency.
        ("Your CV shows little stakeholder management.", Polarity.GAP),
        ("Your CV was strong on delivery and ownership.", Polarity.STRENGTH),
        ("Your CV lacked detail on your leadership.", Polarity.GAP),
        # A portfolio holds the work itself: a remark on it judges the craft.
        ("Your portfolio was impressive.", Polarity.STRENGTH),
        # Not a document at all.
        ("Your presentation was strong.", Polarity.STRENGTH),
    ],
)
def test_what_the_papers_show_of_the_person_stays_a_statement(sentence, polarity):
    assert not is_document_remark(sentence)
    statements = split_statements(sentence)
    assert [s.text for s in statements] == [sentence]
    assert read_polarity(sentence, feedback=True).polarity is polarity


def test_a_remark_on_the_cv_is_listed_beside_the_tips_and_the_feedback_is_read():
    notes = (
        "CV is solid. Tailor your CV to each role.\n"
        "Your answers lacked numbers; quantify the impact next time."
    )
    statements = split_statements(notes)
    assert "CV is solid." not in [s.text for s in statements]
    assert any("lacked numbers" in s.text for s in statements)
    usual, asides = read_around(notes, [(s.start, s.end) for s in statements])
    assert [(a.text, a.reason) for a in asides] == [
        ("CV is solid.", DOCUMENT_REMARK),
        ("Tailor your CV to each role.", INTERVIEW_TECHNIQUE),
    ]
    assert left_out_kinds(usual, asides) == (
        "remark on the CV or cover letter, advice on interview technique"
    )

"""Template rejection e-mails: decision, applicant volume, reapplying, no feedback, thanks.

None of it judges a skill, so none of it becomes a statement to review (QA13 F1), while a
reason given with the decision stays feedback.
"""

import pytest

from nextround.analysis.polarity import Polarity, read_polarity
from nextround.analysis.statements import split_statements

FEEDBACK = "Your stakeholder map was excellent."


@pytest.mark.parametrize(
    "line",
    [
        # The decision, however it is introduced.
        "After reviewing your application, we have decided not to move forward at this time.",
        "After a careful review of your application, we have decided not to proceed.",
        "Upon review of your application, we won't be moving forward.",
        "We've reviewed your application and unfortunately we won't be moving forward at "
        "this time.",
        "We have looked over your resume and we will not be progressing your application.",
        "We regret to inform you that we will not be proceeding with your application.",
        "I'm sorry to tell you that we won't be moving forward.",
        # How hard it was.
        "We had many qualified applicants and the decision was not easy.",
        "It wasn't an easy decision.",
        "The decision was by no means an easy one.",
        # How many applied, the bar.
        "We had a very competitive applicant pool this cycle.",
        "It was a strong candidate pool this year.",
        "Our hiring bar is high and we received many qualified applicants.",
        "We received hundreds of applications for this role.",
        "We received a high volume of applications and unfortunately we will not be moving "
        "forward with your candidacy.",
        "Due to the large number of applications we are unable to provide individual feedback.",
        "Unfortunately we can't give detailed feedback at this stage.",
        # Not about the person.
        "This is not a reflection of your skills or experience.",
        # Applying again, keeping the application.
        "You may reapply in 12 months.",
        "You are welcome to apply again next year.",
        "We encourage you to apply to future openings.",
        "We'd encourage you to apply to other roles with us.",
        "We will keep your CV on file for future opportunities.",
        "Your details will be kept in our talent pool.",
        # Thanks in other words, well-wishes.
        "Hi Sam, we appreciate the time you invested in our process.",
        "We really appreciate your patience throughout the process.",
        "We wish you all the best in your search.",
    ],
)
def test_template_lines_are_not_statements(line):
    statements = split_statements(f"{FEEDBACK}\n{line}")
    assert [s.text for s in statements] == [FEEDBACK]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "We decided not to move forward because your system design was weak.",
            "your system design was weak.",
        ),
        (
            "After reviewing your application, we decided not to move forward because you "
            "needed several hints.",
            "you needed several hints.",
        ),
        (
            "We had many qualified applicants, and your answers on scaling were thin.",
            "We had many qualified applicants, and your answers on scaling were thin.",
        ),
        (
            "We appreciate your time, but your examples were thin.",
            "your examples were thin.",
        ),
        (
            "Please apply again once you have more hands-on experience with Kubernetes.",
            "Please apply again once you have more hands-on experience with Kubernetes.",
        ),
    ],
)
def test_a_reason_given_with_the_template_stays_a_gap(text, kept):
    statements = split_statements(text)
    assert [s.text for s in statements] == [kept]
    assert read_polarity(kept, feedback=True).polarity is Polarity.GAP


@pytest.mark.parametrize(
    "line",
    [
        "We had many qualified applicants and the decision was not easy.",
        "Due to the high number of applicants we are unable to provide individual feedback.",
        "We regret to inform you that we will not be proceeding with your application.",
        "We've reviewed your application and we won't be moving forward.",
    ],
)
def test_template_words_carry_no_polarity(line):
    # "not easy", "unable", "inform", "reviewed" judge nobody here.
    assert read_polarity(line, feedback=True).polarity is Polarity.NEUTRAL


def test_an_all_template_rejection_has_no_statements():
    text = (
        "Hello Sam,\nThanks for your interest in the Backend Engineer role. We received a "
        "large number of applications and sadly we won't be progressing your application. "
        "This is in no way a reflection of your abilities. We encourage you to apply to "
        "future openings.\nRegards, The Recruiting Team"
    )
    assert split_statements(text) == []

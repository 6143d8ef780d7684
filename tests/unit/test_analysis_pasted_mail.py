"""A pasted reply's quoted thread and legal disclaimers are no feedback: left out, with why."""

import pytest

from nextround.analysis.not_feedback import read_around, set_aside
from nextround.analysis.pasted_mail import DISCLAIMER, QUOTED
from nextround.analysis.statements import split_statements

REPLY = "Hi Priya,\n\nThe panel felt your system design answer lacked depth on capacity.\n\n"


def texts(source: str) -> list[str]:
    return [s.text for s in split_statements(source)]


def reasons(source: str) -> list[str]:
    return [a.reason for a in set_aside(source)]


@pytest.mark.parametrize(
    "thread",
    [
        "On Mon, Oct 13, 2026 at 9:02 AM Priya Raman <priya@example.com> wrote:\n"
        "> Hi Jana, just checking in on the final loop. I really enjoyed meeting the team.\n"
        "> Any update on timing?\n>\n> Thanks, Priya\n",
        # Gmail wraps a long attribution line.
        "On Mon, Oct 13, 2026 at 9:02 AM Priya Raman <\npriya.raman@example.com> wrote:\n\n"
        "> I really enjoyed meeting the team, especially the whiteboard session.\n",
        "On 13 Oct 2026, at 09:02, Priya Raman <priya@example.com> wrote:\n\n"
        "I really enjoyed meeting the team, especially the whiteboard session.\n",
        "-----Original Message-----\nFrom: Priya Raman\nSent: Monday, October 13, 2026 9:02 AM\n"
        "To: Jana Kowalski\nSubject: Final loop\n\nI really enjoyed meeting the team.\n",
        "From: Priya Raman <priya@example.com>\nSent: Monday, October 13, 2026 9:02 AM\n"
        "To: Jana Kowalski\n\nI really enjoyed meeting the team and the great questions.\n",
        "> I really enjoyed meeting the team, especially the whiteboard session.\n"
        "> Any update on timing?\n",
    ],
)
def test_a_replys_quoted_thread_is_left_out_and_listed_as_quoted(thread):
    source = REPLY + thread
    assert texts(source) == ["The panel felt your system design answer lacked depth on capacity."]
    assert reasons(source) == [QUOTED]
    usual, asides = read_around(source, [(s.start, s.end) for s in split_statements(source)])
    assert usual == [] and [a.reason for a in asides] == [QUOTED]
    assert "enjoyed meeting the team" in asides[0].text
    assert "wrote:" not in asides[0].text and "Original Message" not in asides[0].text


def test_a_reply_quoted_inline_keeps_the_answers_between_the_quotes():
    source = (
        "> How did I do on the pricing case?\n> Any thoughts welcome.\n\n"
        "Your pricing case was strong and well structured.\n\n"
        "> And the stakeholder round?\n> Just curious.\n\n"
        "The stakeholder answer lacked a concrete example.\n"
    )
    assert texts(source) == [
        "Your pricing case was strong and well structured.",
        "The stakeholder answer lacked a concrete example.",
    ]
    assert reasons(source) == [QUOTED, QUOTED]


@pytest.mark.parametrize(
    "source",
    [
        # All quote: the quote is the feedback (pasted from a reply, markers and all).
        "> Great answer on pricing\n> but weak on risk.\n",
        # A thanks-only reply on top of the recruiter's quoted feedback.
        "Thanks so much, Jana!\n\nOn Tue, Oct 14, 2026 at 10:00 AM Jana <jana@example.com> "
        "wrote:\n> The panel felt your risk examples were thin.\n> Your pricing case was strong.\n",
        # A forwarded message is the message passed on.
        "FYI, see the feedback below; it stings a bit.\n\n---------- Forwarded message ---------\n"
        "From: Jana Kowalski <jana@example.com>\nDate: Tue, Oct 14, 2026\nSubject: Feedback\n\n"
        "The panel felt your risk examples were thin.\n",
    ],
)
def test_a_quote_that_holds_the_only_feedback_is_read(source):
    assert any("risk" in text for text in texts(source))
    assert QUOTED not in reasons(source)


@pytest.mark.parametrize(
    "source",
    [
        "Dana wrote: your pricing case was strong and well structured.",
        "Here is what the interviewer wrote:\nYour pricing case was strong and well structured.",
        "The panel said you were thorough.\n> 90% of your answers were on point, which is rare.",
        "From what I saw, the stakeholder answer lacked a concrete example.",
        "You wrote clearly; the memo was > 3 pages but every page earned its place.",
    ],
)
def test_prose_about_writing_or_with_a_greater_than_sign_stays_feedback(source):
    assert reasons(source) == []
    assert texts(source)


def test_a_from_line_without_headers_under_it_opens_no_quoted_thread():
    source = "Your pricing case was strong.\n\nFrom: Dana, the panel's notes\nRisk was thin.\n"
    assert reasons(source) == []
    assert "Risk was thin." in texts(source)


@pytest.mark.parametrize(
    "notice",
    [
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and "
        "intended solely for the addressee.",
        "This message and any files transmitted with it are confidential and may be "
        "privileged. If you are not the intended recipient, please notify the sender.",
        "DISCLAIMER:\n\nThe information in this email is confidential. Any unauthorised use, "
        "disclosure or copying of it is strictly prohibited.",
        "Please consider the environment before printing this e-mail.",
        "If you have received this email in error, please delete it and tell us.",
    ],
)
def test_a_legal_disclaimer_is_left_out_and_listed_as_one(notice):
    source = f"Your pricing case was strong.\n\nBest,\nJana\n\n{notice}\n"
    assert texts(source) == ["Your pricing case was strong."]
    _, asides = read_around(source, [(s.start, s.end) for s in split_statements(source)])
    assert [a.reason for a in asides] == [DISCLAIMER]


def test_a_disclaimer_pasted_in_the_same_paragraph_leaves_the_feedback_before_it_read():
    source = (
        "Your answers ran long and the thread was hard to follow. The panel liked the pricing "
        "case! This e-mail and any attachments are confidential and intended solely for the "
        "addressee. If you are not the intended recipient, please delete it."
    )
    assert texts(source) == [
        "Your answers ran long and the thread was hard to follow.",
        "The panel liked the pricing case!",
    ]
    assert reasons(source) == [DISCLAIMER]


@pytest.mark.parametrize(
    "sentence",
    [
        "She kept the client data confidential and handled the audit well.",
        "Your message to the panel was clear and confident.",
        "The intended audience for your deck was unclear.",
        "Your notice period is fine with us; the case study was strong.",
    ],
)
def test_feedback_about_confidentiality_or_messages_is_no_disclaimer(sentence):
    assert reasons(sentence) == []
    assert texts(sentence)


def test_offsets_still_point_into_the_pasted_text():
    source = REPLY + "On Mon, Oct 13, 2026 at 9:02 AM Priya <p@example.com> wrote:\n> Hi!\n> Bye\n"
    (statement,) = split_statements(source)
    assert " ".join(source[statement.start : statement.end].split()) == statement.text

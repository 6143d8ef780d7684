"""Empathy, encouragement and keeping in touch in a hiring e-mail are not read as feedback."""

import pytest

from nextround.analysis.left_out import left_out
from nextround.analysis.statements import split_statements


@pytest.mark.parametrize(
    "line",
    [
        "I know waiting is never easy.",
        "We understand that the wait has been long.",
        "I can imagine this news must be disappointing.",
        "I know this isn't the news you hoped for.",
        "This must have been a tough one to hear.",
        "Apologies for the long delay in getting back to you.",
        "Please don't let this discourage you.",
        "Don't be too hard on yourself.",
        "I'm confident you'll find the right role soon.",
        "Keep going!",
        "I'd be happy to keep you in mind for future roles, and feel free to reach out.",
        "We will definitely keep you in mind for other openings.",
        "Do keep an eye on our careers page.",
        "We would encourage you to apply again in a year.",
        # Applying again, however it is put (QA8 F3).
        "We'd genuinely encourage you to apply again in 6-12 months.",
        "I'd strongly encourage you to reapply next year.",
        "Please do apply again.",
        "We'd love to see you reapply in the future.",
        "We'd be glad to see your application again.",
        "Don't hesitate to apply for future roles.",
        "Do feel free to apply for other openings with us.",
    ],
)
def test_a_courtesy_line_is_left_out_and_listed_as_such(line):
    text = f"Your stakeholder map was excellent.\n{line}"
    statements = split_statements(text)
    assert [s.text for s in statements] == ["Your stakeholder map was excellent."]
    assert left_out(text, [(s.start, s.end) for s in statements]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        # Courtesy that goes on to criticise is feedback.
        "I know this is hard to hear, but your risk answers lacked mitigations.",
        # The same words about the person's work, not their feelings.
        "I know you can structure your answers better.",
        "Don't give up on a stakeholder so early.",
        "Waiting for sign-off was never easy for you, and decisions stalled.",
        # Applying again once something is in place: the condition names what was missing.
        "I'd encourage you to reapply once you have led a team.",
        "Please do apply again when you have more hands-on experience with Kubernetes.",
        "We'd love to see you reapply with a bit more experience in people management.",
    ],
)
def test_feedback_in_courtesy_words_is_still_read(line):
    assert split_statements(line), line

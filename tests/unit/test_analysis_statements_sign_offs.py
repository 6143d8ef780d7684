"""Greetings, sign-offs, signatures and courtesy in German and English are not read as feedback."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statement_text import signature_kind
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


def texts(source: str) -> list[str]:
    return [s.text for s in split_statements(source)]


FEEDBACK = "Your case study was clear and well argued."


@pytest.mark.parametrize(
    "greeting",
    ["Hallo Jonas,", "Liebe Frau Weber,", "Sehr geehrter Herr Aydin,", "Guten Tag Jonas,"],
)
def test_a_german_greeting_line_is_dropped(greeting):
    assert texts(f"{greeting}\n\n{FEEDBACK}") == [FEEDBACK]


@pytest.mark.parametrize(
    "closing",
    [
        "Viele Grüße\nTobias",
        "Liebe Grüße,\nTobias",
        "Beste Grüße\nTobias Keller\nRecruiting",
        "Mit freundlichen Grüßen\nIhr Talent Team",
        "Herzliche Grüße, Tobias",
    ],
)
def test_a_german_sign_off_and_the_signature_under_it_are_dropped(closing):
    assert texts(f"{FEEDBACK}\n\n{closing}") == [FEEDBACK]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vielen Dank für Ihre Bewerbung.",
        "Danke für deine Zeit!",
        "We wish you all the best.",
        "I wish you every success in your search.",
        "Wir melden uns bis Ende nächster Woche mit einer Entscheidung.",
        "We'll get back to you by Friday with a decision.",
        "You'll hear from us early next week.",
        "The hiring manager chose to promote an internal candidate.",
        "They hired another applicant.",
    ],
)
def test_courtesy_promises_of_news_and_the_decision_are_set_aside(sentence):
    assert texts(f"{FEEDBACK} {sentence}") == [FEEDBACK]


@pytest.mark.parametrize(
    "signature", ["Lotte (Talent Acquisition)", "Jonas Berg, Recruiter", "Ada Kim | People Team"]
)
def test_a_name_with_a_hiring_role_ending_the_text_is_a_signature(signature):
    assert texts(f"{FEEDBACK}\n\n{signature}") == [FEEDBACK]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Lotte (Talent Acquisition)", "title"),
        ("Jonas Berg, Senior Technical Recruiter", "title"),
        ("Ada Kim, Head of Design", "title"),
        ("Strong Leadership, Great Team", "name"),
        ("Communication (Strong)", "name"),
    ],
)
def test_signature_kind_of_a_name_and_role(line, kind):
    assert signature_kind(line) == kind


def test_a_name_and_role_inside_a_sentence_is_still_feedback():
    source = f"{FEEDBACK}\n\nLotte (Talent Acquisition) was impressed by your answers."
    assert texts(source)[-1] == "Lotte (Talent Acquisition) was impressed by your answers."


def test_feedback_after_a_german_thanks_is_kept():
    assert texts("Danke für deine Zeit - your research plan lacked detail.") == [
        "your research plan lacked detail."
    ]


def test_what_the_role_wishes_for_is_no_praise_of_the_person():
    reading = read_polarity("We're looking for someone who can hit the ground running.")
    assert reading.polarity is not Polarity.STRENGTH
    # Praise of the person after the wish is still praise.
    got = read_polarity("We need someone who can lead a team, and you were excellent at that.")
    assert got.polarity is Polarity.STRENGTH

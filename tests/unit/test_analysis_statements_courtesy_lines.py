"""Greetings, who writes, notes gathered, keeping in touch and the decision are no statements."""

import pytest

from nextround.analysis.statements import split_statements


def texts(source: str) -> list[str]:
    return [s.text for s in split_statements(source)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hey Diego!",
        "Rachel here.",
        "Hi all, Sam here.",
        "Jo here from Acme Talent.",
        "I got detailed notes from Kevin and the team 🙏",
        "I've collected notes from the panel.",
        "We received some comments from the interviewers.",
        "Happy to stay in touch!",
        "Always happy to keep in touch.",
        "Here's the honest feedback from the mock pitch:",
        "Having read your application, we won't be taking it further.",
        "We are not taking your application further.",
        "Leider haben wir uns gegen Ihre Bewerbung entschieden.",
        "Wir haben uns für eine andere Kandidatin entschieden.",
        "Der Kunde hat sich leider für einen anderen Bewerber entschieden.",
    ],
)
def test_courtesy_and_decision_lines_are_set_aside(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Kevin here was impressed by your discovery.",
        "I got notes from Kevin that your discovery was thin.",
        "Wir haben uns für eine andere Kandidatin mit mehr Erfahrung in der Nutzerforschung "
        "entschieden.",
        "Having read your application, we won't be taking it further, as your pricing answer "
        "was thin.",
    ],
)
def test_a_line_that_judges_is_kept(sentence):
    assert texts(sentence) != []


def test_the_gmail_paste_keeps_only_the_feedback():
    paste = (
        "Hi Diego,\n\nThanks again for your patience. I got detailed notes from Kevin and the "
        "team 🙏\n\n- Built rapport quickly with the panel\n- Your MEDDICC qualification was "
        "thin\n\nHappy to stay in touch!\n\nBest,\nJane"
    )
    assert texts(paste) == [
        "Built rapport quickly with the panel",
        "Your MEDDICC qualification was thin",
    ]

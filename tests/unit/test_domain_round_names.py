"""Round and interview names as they read mid-sentence, whatever the user typed."""

import pytest

from nextround.domain.round_names import interview_phrase, round_phrase

ROUNDS = [
    # a noun phrase of its own: "the", ordinary words lowered, names and acronyms kept
    ("Final loop", "the final loop"),
    ("Hiring Manager Interview", "the hiring manager interview"),
    ("Phone screen with Sam", "the phone screen with Sam"),
    ("HM chat", "the HM chat"),
    ("Tempoline screen", "the Tempoline screen"),
    ("2nd round", "the 2nd round"),
    ("Final round", "the final round"),  # not "the final round round"
    ("Take-home", "the take-home"),
    # a modifier alone: the round it names
    ("Earlier", "the earlier round"),
    ("Final", "the final round"),
    # a number: no article, and "R2" said in full
    ("R2", "round 2"),
    ("Round 2", "round 2"),
    ("round #4", "round 4"),
    ("Rd. 3", "round 3"),
    ("Onsite #3", "onsite #3"),
    ("Interview 2", "interview 2"),
    # a name and a detail
    ("Round 2 - panel", "round 2 (panel)"),
    ("Final loop: day 1", "the final loop (day 1)"),
    ("Loop (day 2)", "the loop (day 2)"),
    # the user's own article or possessive
    ("The final loop", "the final loop"),
    ("My second chat", "my second chat"),
    # nothing to go on: quoted, as typed
    ("Sam", "the “Sam” round"),
    ("Kestrel", "the “Kestrel” round"),
    # spaces as typed do not show
    ("  Final   loop ", "the final loop"),
]


@pytest.mark.parametrize(("name", "phrase"), ROUNDS, ids=[n for n, _ in ROUNDS])
def test_round_names_read_naturally_after_a_preposition(name, phrase):
    assert round_phrase(name) == phrase
    assert " round round" not in f" {phrase} "


@pytest.mark.parametrize("name", [None, "", "   "])
def test_an_unnamed_round_has_no_phrase(name):
    assert round_phrase(name) is None


def test_a_name_the_record_knows_keeps_its_capital():
    assert round_phrase("Final Panel", proper={"Panel"}) == "the final Panel"


INTERVIEWS = [
    ("Whiteboard case", "the “Whiteboard case” interview"),
    ("Metrics and trade-offs", "the “Metrics and trade-offs” interview"),
    ("Risk deep dive", "the “Risk deep dive” interview"),
    ("Technical interview", "the “Technical interview”"),  # not "… interview” interview"
    ("HM chat", "the “HM chat”"),
    ("Recruiter call", "the “Recruiter call”"),
]


@pytest.mark.parametrize(("title", "phrase"), INTERVIEWS, ids=[t for t, _ in INTERVIEWS])
def test_interview_titles_are_quoted_and_say_interview_once(title, phrase):
    assert interview_phrase(title) == phrase

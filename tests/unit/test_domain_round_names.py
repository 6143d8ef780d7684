"""Round and interview labels as notes and questions say them: natural, nothing lost."""

from __future__ import annotations

import pytest

from nextround.domain.round_names import (
    ends_in_a_meeting,
    interview_phrase,
    names_an_interview,
    round_phrase,
)

PROPER = {"Maya", "Acme"}


@pytest.mark.parametrize(
    ("label", "in_sentence", "title"),
    [
        # Ordinary names: "the", the first word lowered as in any sentence.
        ("Final loop", "the final loop", "Final loop"),
        ("Phone screen", "the phone screen", "Phone screen"),
        ("Technical round", "the technical round", "Technical round"),  # not "round round"
        ("2nd round", "the 2nd round", "2nd round"),
        ("Interview with CTO", "the interview with CTO", "Interview with CTO"),
        ("Chat with Maya", "the chat with Maya", "Chat with Maya"),
        ("Acme onsite", "the Acme onsite", "Acme onsite"),
        ("Whiteboard (45 min)", "the whiteboard (45 min)", "Whiteboard (45 min)"),
        # No word for an interview: a kind of round, not "the earlier" or "the hiring manager".
        ("Earlier", "the earlier round", "Earlier round"),
        ("Hiring manager", "the hiring manager round", "Hiring manager round"),
        ("HR", "the HR round", "HR round"),
        ("The final", "the final round", "Final round"),
        # Numbered: no article, as one says "in round 2"; codes written out.
        ("R2", "round 2", "Round 2"),
        ("  rd. 3 ", "round 3", "Round 3"),
        ("Round 2", "round 2", "Round 2"),
        ("#2", "round 2", "Round 2"),
        ("Onsite #3", "onsite #3", "Onsite #3"),
        ("Interview 4", "interview 4", "Interview 4"),
        ("Technical 2", "technical round 2", "Technical round 2"),
        # Detail after a dash or colon goes in one pair of brackets.
        ("round 2 - panel (video)", "round 2 (panel, video)", "Round 2 (panel, video)"),
        ("Tech screen – round 2", "the tech screen (round 2)", "Tech screen (round 2)"),
        ("Final: CEO", "the final round (CEO)", "Final round (CEO)"),
        # Title Case reads as the event's name and keeps its capitals.
        ("Final Round", "the Final Round", "Final Round"),
        ("System Design Interview", "the System Design Interview", "System Design Interview"),
    ],
)
def test_a_label_reads_naturally_in_a_sentence_and_a_subject(label, in_sentence, title):
    phrase = round_phrase(label, PROPER)
    assert str(phrase) == in_sentence
    assert phrase.title == title


def test_every_word_of_the_label_is_kept():
    for label in ("round 2 - panel (video)", "Onsite #3", "Chat with Maya", "Final: CEO"):
        said = str(round_phrase(label, PROPER)).casefold()
        for word in label.replace("(", " ").replace(")", " ").replace(":", " ").split():
            assert word.casefold().strip("-") in said, (label, word)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Whiteboard session", True),
        ("Risk deep dive", True),
        ("Take-home", True),
        ("Follow-up call", True),
        ("Interviews", True),
        ("Earlier", False),
        ("Design a playlist service", False),
        ("Hiring manager", False),
    ],
)
def test_what_names_an_interview(text, names):
    assert names_an_interview(text) is names


@pytest.mark.parametrize(
    ("title", "ends"),
    [
        ("Whiteboard session", True),
        ("Hiring manager interview", True),
        ("Follow-up call", True),
        ("Risk deep dive", False),  # "the “Risk deep dive” session" reads well
        ("Whiteboard", False),
        ("Screen with Tom", False),
        ("", False),
    ],
)
def test_what_ends_in_a_meeting(title, ends):
    assert ends_in_a_meeting(title) is ends


@pytest.mark.parametrize(
    ("label", "in_sentence"),
    [
        # A word nextround does not know may be a name: quoted as typed, never lowered.
        ("Sam", "the “Sam” round"),
        ("Kestrel", "the “Kestrel” round"),
        ("Tempoline screen", "the Tempoline screen"),  # the record knows the company
        ("Phone screen with Sam", "the phone screen with Sam"),
        ("HM chat", "the HM chat"),
        ("Take-home", "the take-home"),
        ("My second chat", "my second chat"),
        ("  Final   loop ", "the final loop"),
    ],
)
def test_names_and_words_nextround_does_not_know_keep_their_capitals(label, in_sentence):
    assert str(round_phrase(label, {"Tempoline"})) == in_sentence


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        ("Whiteboard case", "the “Whiteboard case” interview"),
        ("Metrics and trade-offs", "the “Metrics and trade-offs” interview"),
        ("Risk deep dive", "the “Risk deep dive” interview"),
        ("Competency panel", "the “Competency panel”"),  # not "… panel” interview"
        ("Coffee with Sam", "the “Coffee with Sam” interview"),
    ],
)
def test_interview_titles_are_quoted_and_say_interview_once(title, phrase):
    assert interview_phrase(title) == phrase


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        # A title that only says what kind of meeting it was is nobody's phrase: no quotes.
        ("Panel", "the panel"),
        ("Technical interview", "the technical interview"),
        ("HM chat", "the HM chat"),
        ("Recruiter call", "the recruiter call"),
        ("Final  panel interview", "the final panel interview"),
    ],
)
def test_titles_naming_only_the_kind_of_meeting_are_said_plainly(title, phrase):
    assert interview_phrase(title) == phrase

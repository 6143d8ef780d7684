"""Nouns that name a role, a meeting or a topic are not praise ("Mid-year review")."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def _praised(text: str) -> list[str]:
    return [c for c in read_polarity(text).cues if c.startswith("praise:")]


@pytest.mark.parametrize(
    "text",
    [
        "Mid-year review, June 2026 (manager: Oliver Grant)",
        "Coffee with Helen (mentor), 18 Nov",
        "Senior Program Manager role",
        "Sam is the delivery lead on the migration.",
        "The plan is due on Friday.",
        "Team Leader interview, round two",
        "We talked about systems thinking and data platforms.",
        "She asked me about my notice period.",
    ],
)
def test_nouns_and_reports_are_not_praise(text):
    assert _praised(text) == [], read_polarity(text).cues
    assert read_polarity(text).polarity is NEUTRAL, read_polarity(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # The same words as verbs still count: imperatives, after "to", a modal or a subject.
        ("Plan ahead and review progress weekly.", "plan"),
        ("Plan ahead and review progress weekly.", "review"),
        ("Able to plan a complex rollout.", "plan"),
        ("We regularly review the risks together.", "review"),
        ("Mentors junior staff.", "mentors"),
        ("Will lead the team through change.", "lead"),
        ("Leads by example.", "leads by example"),
    ],
)
def test_the_same_words_as_verbs_still_count(text, word):
    assert any(word in c.lower() for c in _praised(text)), read_polarity(text).cues


def test_a_role_noun_does_not_dilute_advice():
    reading = read_polarity("My mentor advised me to delegate earlier.")
    assert reading.polarity is GAP
    assert reading.confidence >= 0.7
    assert _praised("My mentor advised me to delegate earlier.") == []


def test_praise_words_around_a_noun_still_judge():
    assert read_polarity("Sam continues to be a dependable delivery lead.").polarity is STRENGTH
    assert read_polarity("The plan was ambitious and clear.").polarity is STRENGTH


@pytest.mark.parametrize(
    "text",
    ["She is a natural mentor to junior staff.", "She was a great lead on the programme."],
)
def test_a_role_the_person_is_called_still_praises(text):
    assert read_polarity(text).polarity is STRENGTH, read_polarity(text)


def test_others_described_as_junior_are_not_a_criticism():
    assert not any(c.startswith("criticism") for c in read_polarity("Coaches junior staff.").cues)
    assert read_polarity("Came across as junior for the role.").polarity is GAP


def test_well_before_a_word_that_merely_starts_like_a_preposition_is_praise():
    assert read_polarity("The review went well overall.").polarity is STRENGTH
    assert read_polarity("The project ran well over budget.").polarity is GAP

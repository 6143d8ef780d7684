"""Splitting at "and": between clauses it may cut, inside a noun phrase it may not."""

import pytest

from nextround.analysis.coordination import joins_clauses, starts_a_clause
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


def readings(source: str) -> list[tuple[str, Polarity]]:
    return [
        (s.text, read_polarity(s.text, feedback=True).polarity) for s in split_statements(source)
    ]


@pytest.mark.parametrize(
    "source",
    [
        "The jury liked your typography but wanted more evidence of discovery and testing "
        "with customers.",
        "Your deck lacked benchmarks and testing with real traders.",
        "We expected more detail on rollout and monitoring of the migration.",
    ],
)
def test_a_coordinated_object_stays_with_the_head_that_finds_it_missing(source):
    got = readings(source)
    last_text, last_polarity = got[-1]
    assert last_polarity is Polarity.GAP
    assert last_text.endswith(source.rsplit(" and ", 1)[1])
    assert all(p is not Polarity.STRENGTH for _, p in got[1:])


@pytest.mark.parametrize(
    ("source", "praise", "gap"),
    [
        (
            "Tom said you came across as very user-centred and your demo was a bit long.",
            "Tom said you came across as very user-centred",
            "your demo was a bit long.",
        ),
        (
            "She felt you were well prepared and your pricing answer lacked depth.",
            "She felt you were well prepared",
            "your pricing answer lacked depth.",
        ),
    ],
)
def test_an_and_before_a_new_subject_and_verb_splits_praise_from_gap(source, praise, gap):
    assert readings(source) == [(praise, Polarity.STRENGTH), (gap, Polarity.GAP)]


def test_a_noun_phrase_with_a_relative_clause_after_and_is_not_cut_off():
    source = (
        "She confidently walked us through the design and the slides that went with it far "
        "too quickly."
    )
    assert [s.text for s in split_statements(source)] == [source]


def test_a_label_of_news_before_the_feedback_is_no_part_of_it():
    got = readings("Short note after the panel: Mia said your research plan was excellent.")
    assert got == [("Mia said your research plan was excellent.", Polarity.STRENGTH)]


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("wanted more evidence of research", "testing with users", False),
        ("lacked structure", "depth", False),
        ("strong storytelling", "the testing with users", False),
        ("came across as very calm", "your presentation was long", True),
        ("structured the answer well", "rushed the close", True),
        ("strong on data", "weak on pricing", True),
        ("wanted more evidence of research", "you never tested with users", True),
        # A verb inside a relative clause is no verb of the phrase's own.
        ("walked us through the design", "the slides that went with it", False),
        ("walked us through the design", "the slides which she made", False),
        ("walked us through the design", "the slides that were attached", False),
        ("walked us through the design", "the slides that went with it were thin", True),
        ("walked us through the design", "the slides which she made were clear", True),
        ("walked us through the design", "the team who built it was strong", True),
        # "between X and Y", "both X and Y": the "and" completes the pair.
        ("the gap between the data", "your conclusions was wide", False),
        ("both the interviews", "the survey were well run", False),
        ("you chose between two options", "you explained why", True),
        # A second gerund shares the head of the first.
        ("had few examples of leading workshops with senior staff", "running a budget", False),
        ("was great at leading workshops", "running a budget was harder", True),
        ("strong on research", "struggling with statistics", True),
    ],
)
def test_joins_clauses(before, after, joined):
    assert joins_clauses(before, after) is joined


@pytest.mark.parametrize(
    "source",
    [
        "Your CV lacked evidence of managing suppliers on contract and negotiating renewals "
        "with a vendor.",
        "Your answers missed examples of coaching new starters and handling complaints "
        "from customers.",
    ],
)
def test_a_second_gerund_object_stays_with_the_gap_that_finds_it_missing(source):
    got = readings(source)
    assert got == [(source, Polarity.GAP)]


def test_an_and_between_two_things_linked_is_no_cut():
    source = (
        "Your plan was thorough, but the connection between the survey results and your "
        "proposals was weak."
    )
    got = readings(source)
    assert got[-1][0] == "the connection between the survey results and your proposals was weak."
    assert got[-1][1] is Polarity.GAP
    assert all(" and your proposals" not in text for text, _ in got[:-1])


@pytest.mark.parametrize(
    ("words", "clause"),
    [
        ("also your answers were short", True),
        ("she asked good questions", True),
        ("then rushed the close", True),
        ("the testing with users", False),
        ("depth", False),
        ("", False),
    ],
)
def test_starts_a_clause(words, clause):
    assert starts_a_clause(words.split()) is clause


@pytest.mark.parametrize(
    "word", ["user-centred", "human-centered", "detail-oriented", "client-focused"]
)
def test_compound_praise_adjectives_read_as_praise(word):
    assert read_polarity(f"She is very {word}.", feedback=True).polarity is Polarity.STRENGTH

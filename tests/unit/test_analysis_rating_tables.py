"""Rated rows (a 360 table, "Label: 2/5 - ..."): rating as polarity, label as topic."""

import pytest

from nextround.analysis.not_feedback import set_aside
from nextround.analysis.polarity import PolarityReading
from nextround.analysis.rating_tables import TABLE_HEADER, Rating, rated_reading, rated_rows
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

NAMES = ["Technical depth", "Stakeholder management", "Ownership", "Communication"]

TABLE = (
    "Competency\tRating (1-5)\tComment\n"
    "Technical depth\t2\tRelies on the tech lead for architecture calls.\n"
    "Stakeholder mgmt\t5\tBest I've worked with at getting exec buy-in.\n"
    "Delegation\t3\tStill reviews every ticket herself.\n"
)


def test_a_table_rows_comment_is_the_statement_its_label_the_topic_its_number_the_rating():
    statements = split_statements(TABLE, NAMES)
    assert [(s.text, s.topic, str(s.rating)) for s in statements] == [
        ("Relies on the tech lead for architecture calls.", "Technical depth", "2 of 5"),
        ("Best I've worked with at getting exec buy-in.", "Stakeholder management", "5 of 5"),
        ("Still reviews every ticket herself.", None, "3 of 5"),
    ]
    # A label naming no competency still says what the row is about.
    assert statements[2].heading == "Delegation"
    assert [(TABLE[a.start : a.end], a.reason) for a in set_aside(TABLE, NAMES)] == [
        ("Competency\tRating (1-5)\tComment", TABLE_HEADER)
    ]


def test_a_markdown_table_and_a_scale_out_of_ten():
    source = (
        "| Area | Score (1-10) | Notes |\n|---|:---:|---|\n"
        "| Ownership | 9 | Follows through on every commitment. |\n"
        "| Communication | 3 | Updates ramble. |\n"
    )
    statements = split_statements(source, NAMES)
    assert [(s.text, s.topic) for s in statements] == [
        ("Follows through on every commitment.", "Ownership"),
        ("Updates ramble.", "Communication"),
    ]
    assert [s.rating.polarity for s in statements if s.rating] == [
        Polarity.STRENGTH,
        Polarity.GAP,
    ]
    assert [a.reason for a in set_aside(source, NAMES)] == [TABLE_HEADER, TABLE_HEADER]


@pytest.mark.parametrize(
    ("line", "text", "value"),
    [
        ("Technical depth: 2/5 - relies on others for design.", "relies on others for design.", 2),
        ("- Ownership (4/5): follows through.", "follows through.", 4),
        ("Communication — 1 out of 5. Rambles.", "Rambles.", 1),
        ("Stakeholder management 5/5", "Stakeholder management", 5),
    ],
)
def test_a_rating_written_inline(line, text, value):
    (statement,) = split_statements(line, NAMES)
    assert statement.text == text and statement.rating is not None
    assert statement.rating.value == value and statement.rating.high == 5
    assert statement.topic is not None


@pytest.mark.parametrize(
    "line",
    [
        "Delivered 3/5 milestones on time, which was a stretch.",
        "She led 2 teams and 5 projects with great care.",
        "Scored 4 of the 5 cases correctly.",
        "Name\tTeam",  # one row, no rating: not a rated table
    ],
)
def test_counts_and_prose_are_no_ratings(line):
    rows, headers = rated_rows(line)
    assert rows == {} and headers == []


def test_a_table_without_ratings_keeps_its_rows_as_text():
    source = "Strengths\tGrowth areas\nClear writer\tRisk planning\n"
    assert rated_rows(source) == ({}, [])


def _reading(polarity: Polarity, confidence: float) -> PolarityReading:
    return PolarityReading(polarity, confidence, ("words",))


LOW, MID, HIGH = (Rating(v, 1, 5, 0) for v in (2, 3, 5))


@pytest.mark.parametrize(
    ("rating", "words", "alone", "expected"),
    [
        (LOW, _reading(Polarity.STRENGTH, 0.55), True, Polarity.GAP),  # weak words: rating
        (LOW, _reading(Polarity.NEUTRAL, 0.7), True, Polarity.GAP),
        (HIGH, _reading(Polarity.STRENGTH, 0.75), True, Polarity.STRENGTH),
        (MID, _reading(Polarity.GAP, 0.8), True, Polarity.GAP),  # 3: the words decide
        (MID, _reading(Polarity.NEUTRAL, 0.7), True, Polarity.NEUTRAL),
        (HIGH, _reading(Polarity.GAP, 0.85), False, Polarity.GAP),  # the rater's caveat
        (HIGH, _reading(Polarity.GAP, 0.85), True, Polarity.NEUTRAL),  # they disagree
    ],
)
def test_the_rating_and_the_words_together(rating, words, alone, expected):
    reading = rated_reading(words, rating, alone=alone)
    assert reading.polarity is expected
    assert any(cue.startswith("rating: ") for cue in reading.cues)


def test_a_rating_in_agreement_makes_the_reading_surer():
    assert rated_reading(_reading(Polarity.GAP, 0.6), LOW, alone=True).confidence >= 0.85


def test_columns_lined_up_with_spaces_read_as_a_table():
    # A scorecard copied out of a PDF: its tabs became runs of spaces.
    spaced = (
        "Competency        Rating    Comment\n"
        "Technical depth   2         Relies on the tech lead for architecture calls.\n"
        "Stakeholder mgmt  5         Best I've worked with at getting exec buy-in.\n"
    )
    statements = split_statements(spaced, NAMES)
    assert [(s.text, s.topic, str(s.rating)) for s in statements] == [
        ("Relies on the tech lead for architecture calls.", "Technical depth", "2 of 5"),
        ("Best I've worked with at getting exec buy-in.", "Stakeholder management", "5 of 5"),
    ]
    assert [a.reason for a in set_aside(spaced, NAMES)] == [TABLE_HEADER]


@pytest.mark.parametrize(
    "text",
    [
        # Two spaces after a full stop are prose, not columns.
        "She led the launch well.  Her updates were clear.",
        "We spoke about 3 projects.  Two of them shipped late.",
        # A header-like line with nothing rated under it is not a table.
        "Strengths    Areas to develop\nClear writing    Depth on pricing",
    ],
)
def test_prose_with_double_spaces_is_no_table(text):
    rows, headers = rated_rows(text)
    assert rows == {} and headers == []

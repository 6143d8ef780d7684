"""Messages start with a capital, except where they start by naming a file or an id."""

from __future__ import annotations

import pytest

from nextround.domain.labels import capitalised, words


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("line 2: a quoted cell is never closed", "Line 2: a quoted cell is never closed"),
        ("bad2.csv: line 2: a quoted cell", "bad2.csv: line 2: a quoted cell"),
        ("acme_lp is not a framework", "acme_lp is not a framework"),
        ("must-have 'well paid' uses pay", "Must-have 'well paid' uses pay"),
        ("feedback_2026.txt is empty", "feedback_2026.txt is empty"),
        ("`nextround plan` first", "`nextround plan` first"),
        ("", ""),
    ],
)
def test_only_words_are_capitalised(message, shown):
    assert capitalised(message) == shown


def test_a_panel_reads_as_a_panel_interview_wherever_it_is_shown():
    from nextround.domain.journey import RoundKind, Source
    from nextround.web.rendering import label

    assert words(RoundKind.PANEL) == "panel interview"
    assert label(RoundKind.PANEL) == "Panel interview"
    assert (words(Source.JOB_BOARD), label(Source.JOB_BOARD)) == ("job board", "Job board")


def test_a_presentation_round_reads_as_a_portfolio_review_and_the_interview_format_does_not():
    # QA12 F8: a designer's portfolio review; the interview format of the same code is a talk.
    from nextround.domain.journey import InterviewFormat, RoundKind
    from nextround.web.rendering import label

    assert words(RoundKind.PRESENTATION) == "presentation / portfolio review"
    assert label(RoundKind.PRESENTATION) == "Presentation / portfolio review"
    assert (words(InterviewFormat.PRESENTATION), label(InterviewFormat.PRESENTATION)) == (
        "presentation",
        "Presentation",
    )


def test_an_assessment_round_reads_as_an_online_assessment():
    # QA13 F8: the code is short, the words say what it is wherever it is shown.
    from nextround.domain.journey import RoundKind
    from nextround.web.rendering import label

    assert words(RoundKind.ASSESSMENT) == "online assessment"
    assert label(RoundKind.ASSESSMENT) == "Online assessment"


def test_a_case_round_reads_as_a_role_play_too_and_the_interview_format_does_not():
    # QA14 F8: a salesperson's negotiation role play or mock discovery call has a kind.
    from nextround.domain.journey import InterviewFormat, RoundKind
    from nextround.web.rendering import label

    assert words(RoundKind.CASE) == "case / role play"
    assert label(RoundKind.CASE) == "Case / role play"
    assert words(InterviewFormat.CASE) == "case"


def test_an_assessment_centre_and_a_group_exercise_read_as_words():
    # QA17 F4: the CSV's stage history and the web's labels say what they are.
    from nextround.domain.journey import InterviewFormat, RoundKind
    from nextround.web.rendering import label

    assert words(RoundKind.ASSESSMENT_CENTRE) == "assessment centre"
    assert label(RoundKind.ASSESSMENT_CENTRE) == "Assessment centre"
    assert words(InterviewFormat.GROUP_EXERCISE) == "group exercise"
    assert label(InterviewFormat.GROUP_EXERCISE) == "Group exercise"

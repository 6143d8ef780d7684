"""Grading words ("strong", "great") say how well, not which skill: mapping leaves them out."""

import pytest

from nextround.analysis.mapper import SemanticMapper
from nextround.analysis.reference import reference_corpus
from nextround.analysis.text_normalise import normalise_statement, strip_grades, strip_lead_in
from nextround.domain.competency import Competency, Framework

from .fake_embedder import FakeEmbedder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("strong on execution", "on execution"),
        ("You were strong on execution.", "on execution."),
        ("She is a very strong communicator", "She is a communicator"),
        ("Really strong on execution and delivery.", "on execution and delivery."),
        ("Poor time management", "time management"),
        ("He came across as genuinely impressive in the case study", "in the case study"),
        ("Builds strong relationships with stakeholders", "Builds relationships with stakeholders"),
        # "thin" grades an amount as "weak" does; alone it sits nearest to resilience.
        ("Your MEDDICC qualification was thin.", "Your MEDDICC qualification was ."),
        ("The evidence was patchy and sparse", "The evidence was and"),
    ],
)
def test_grades_and_the_graded_subject_are_dropped(text, expected):
    assert strip_grades(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Trait words name the skill itself.
        "Clear and concise in the final presentation",
        "Calm and confident when challenged",
        # "Better" and "best" are what improvement and practice are about.
        "Looks for better ways of working",
        "Shares best practice with the team",
        # The subject stays when no grade follows: "you were" is part of what happened.
        "You were asked to cut the budget by a third",
        # Too little would be left to map.
        "Great work",
    ],
)
def test_trait_words_and_ungraded_text_are_kept(text):
    assert strip_grades(text) == text


def test_statements_lose_their_grades_but_the_reference_corpus_keeps_them():
    assert normalise_statement("Does not show strong ownership.") == "show ownership."
    framework = Framework(
        "f", "F", (Competency("r", "Resilience", "Stays strong under pressure."),)
    )
    assert reference_corpus(framework).sentences == ("Stays strong under pressure",)


def test_a_grade_no_longer_pulls_a_statement_to_the_skill_described_with_it():
    framework = Framework(
        "tiny",
        "Tiny",
        (
            Competency(
                "resilience",
                "Resilience",
                "Stays strong under pressure. Strong and steady when things go wrong.",
            ),
            Competency(
                "execution", "Planning and execution", "Plans the work and drives execution."
            ),
        ),
    )
    [matches] = SemanticMapper(framework, FakeEmbedder()).map(["You were strong on execution."])
    assert matches[0].competency_id == "execution"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Feedback from the panel: solid coding, clean and well tested.",
            "solid coding, clean and well tested.",
        ),
        ("Overall feedback from the hiring team: too slow to start.", "too slow to start."),
        ("The panel said: weak on trade-offs.", "weak on trade-offs."),
        # A colon that is part of what was said stays.
        ("System design was shallow on trade-offs: a token bucket only.", None),
        ("Feedback: you were slow.", None),
        # QA21 F5: a note's heading left on its first statement.
        (
            "Call with Hays recruiter (Dan), 30 Oct. They liked your stakeholder stories.",
            "They liked your stakeholder stories.",
        ),
        ("Notes from the debrief: strong on coding.", "strong on coding."),
        # A call that is itself what was said about stays.
        ("Meeting with the CTO went well and she liked the design.", None),
        ("Call with Dan. then he said it was all fine.", None),
    ],
)
def test_who_the_feedback_is_from_is_not_mapped(text, kept):
    # QA9 F5: "Feedback from the panel:" pulled "solid coding" towards presenting.
    assert strip_lead_in(text) == (kept or text)

"""Generic interview questions ("why us?", "any questions?") probe no skill: the mapper abstains."""

from nextround.analysis.background import GENERIC_QUESTIONS
from nextround.analysis.mapper import SemanticMapper
from nextround.analysis.text_normalise import is_question
from nextround.domain.competency import Competency, Framework

from .fake_embedder import FakeEmbedder

FRAMEWORK = Framework(
    "tiny",
    "Tiny",
    (
        Competency("risk", "Risk management", "Identifies risks early and plans mitigation."),
        Competency("delivery", "Delivery", "Ships projects on time and meets deadlines."),
        Competency("onboarding", "Onboarding", "Agrees the notice period and start date early."),
    ),
)


def test_a_generic_question_is_left_unmapped():
    mapper = SemanticMapper(FRAMEWORK, FakeEmbedder())
    assert mapper.map(["What notice period would you have?"]) == [[]]


def test_a_statement_is_not_measured_against_the_generic_questions():
    mapper = SemanticMapper(FRAMEWORK, FakeEmbedder())
    asked, told = mapper.map(["What is your notice period?", "What is your notice period."])
    assert asked == []
    assert told[0].competency_id == "onboarding"


def test_a_question_that_probes_a_skill_is_still_mapped():
    mapper = SemanticMapper(FRAMEWORK, FakeEmbedder())
    [matches] = mapper.map(["Tell me about a time you identified a risk early."])
    assert matches[0].competency_id == "risk"


def test_generic_questions_read_as_questions():
    assert all(is_question(q) for q in GENERIC_QUESTIONS)


def test_a_little_about_is_a_question_stem():
    assert is_question("Tell me a little about yourself.")
    assert is_question("Tell us a bit more about the migration you led.")
    assert not is_question("She told me a little about the migration.")

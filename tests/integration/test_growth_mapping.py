"""Mapping feedback with the real model, and learning from the user's corrections."""

from datetime import UTC, date, datetime

import pytest

from nextround.bootstrap import Nextround
from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.frameworks.files import BUILTIN_ID
from nextround.services.debriefs import confirm_questions, record_debrief
from nextround.services.feedback import add_mapped_feedback
from nextround.services.frameworks import get_framework
from nextround.services.mapping import analyse, confirmed_examples
from nextround.services.review import review_statement
from tests.unit.growth_fakes import seed_process

pytestmark = pytest.mark.model


def _map(app: Nextround, texts: list[str], framework_id: str | None = None):
    with app.uow() as uow:
        framework = get_framework(uow, framework_id)
        mapper = app.mapper(uow, framework)
        return mapper, analyse(texts, mapper)


def test_an_obvious_risk_statement_maps_to_risk_management_as_a_gap(sqlite_model_app):
    mapper, (mapped,) = _map(
        sqlite_model_app,
        ["She never identified the risks in the migration plan and had no mitigation ready."],
    )
    assert mapper.name == "semantic"
    assert not mapper.is_fallback
    (statement,) = mapped.statements
    top = statement.matches[0]
    assert top.competency_id == "risk-management"
    assert top.confidence > 0.3
    assert top.confidence > 2 * statement.matches[1].confidence
    assert statement.polarity is Polarity.GAP
    assert statement.polarity_confidence > 0.5


def test_a_but_clause_gives_two_statements_with_opposite_polarity(sqlite_model_app):
    text = "strong communicator, but the whiteboard flow lacked structure"
    _, (mapped,) = _map(sqlite_model_app, [text])
    first, second = mapped.statements
    assert (first.text, second.text) == (
        "strong communicator",
        "the whiteboard flow lacked structure",
    )
    assert text[first.start : first.end] == first.text
    assert text[second.start : second.end] == second.text
    assert (first.polarity, second.polarity) == (Polarity.STRENGTH, Polarity.GAP)
    assert first.matches[0].competency_id == "communication"
    assert second.matches[0].competency_id != "communication"
    assert {m.competency_id for m in second.matches} & {"systems-thinking", "process-design"}


def test_small_talk_maps_to_nothing(sqlite_model_app):
    _, (mapped,) = _map(sqlite_model_app, ["Thanks again for coming in on a Friday."])
    assert all(s.matches == [] for s in mapped.statements)


def _correct_and_remap(app: Nextround, statement_text: str, near_duplicate: str, to: str):
    with app.uow() as uow:
        framework = get_framework(uow)
        mapper = app.mapper(uow, framework)
        _, statements = add_mapped_feedback(
            uow, statement_text, FeedbackSource.INTERVIEWER, lambda: mapper, framework.id,
            received_on=date(2026, 11, 20),
        )  # fmt: skip
    (statement,) = statements
    before = statement.suggestions[0].competency_id
    with app.uow() as uow:
        review_statement(uow, statement.id, [to])
    with app.uow() as uow:
        framework = get_framework(uow)
        assert [(e.text, e.competency_id) for e in confirmed_examples(uow, framework)] == [
            (statement.text, to)
        ]
        fresh = app.mapper(uow, framework)  # what the next command builds
        (after,) = analyse([near_duplicate], fresh)
    return before, after.statements[0].matches


def test_a_corrected_statement_teaches_the_mapper_its_near_duplicates(model_app):
    # The mapper reads "whiteboard flow" as process design or systems thinking; this user's
    # panel meant the way the answer was told, and says so by correcting it.
    before, after = _correct_and_remap(
        model_app,
        "The whiteboard flow lacked structure.",
        "the whiteboard flow lacked a clear structure",
        to="communication",
    )
    assert before != "communication"
    assert after[0].competency_id == "communication"
    assert after[0].confidence > 0.5


def test_a_correction_does_not_capture_unrelated_statements(sqlite_model_app):
    _, (unrelated_before,) = _map(sqlite_model_app, ["Never identified the migration risks."])
    _correct_and_remap(
        sqlite_model_app,
        "The whiteboard flow lacked structure.",
        "the whiteboard flow lacked a clear structure",
        to="communication",
    )
    _, (unrelated_after,) = _map(sqlite_model_app, ["Never identified the migration risks."])
    assert unrelated_before.statements[0].matches[0].competency_id == "risk-management"
    assert unrelated_after.statements[0].matches[0].competency_id == "risk-management"


def test_corrections_on_another_framework_do_not_teach_this_one(sqlite_model_app, tmp_path):
    from nextround.frameworks.files import read_framework_file
    from nextround.services.frameworks import import_framework

    path = tmp_path / "tiny.yaml"
    path.write_text(
        "name: Tiny\ncompetencies:\n"
        "  - {name: Storytelling, description: Tells a clear and structured story.}\n"
        "  - {name: Risk, description: Sees what can go wrong and prepares for it.}\n",
        encoding="utf-8",
    )
    with sqlite_model_app.uow() as uow:
        import_framework(uow, read_framework_file(path).framework)
    _correct_and_remap(
        sqlite_model_app,
        "The whiteboard flow lacked structure.",
        "the whiteboard flow lacked a clear structure",
        to="communication",
    )
    with sqlite_model_app.uow() as uow:
        assert confirmed_examples(uow, uow.frameworks.get("tiny")) == []
        assert len(confirmed_examples(uow, uow.frameworks.get(BUILTIN_ID))) == 1


def test_a_confirmed_debrief_question_teaches_the_mapper_like_reviewed_feedback(
    sqlite_model_app,
):
    # Mapped alone, a build-or-buy question reads as planning; this user's panel was
    # probing technical depth, and the debrief says so.
    near_duplicate = "How do you decide build versus buy for a scheduler?"
    _, (before,) = _map(sqlite_model_app, [near_duplicate])
    seeded = seed_process(
        sqlite_model_app.uow(),
        interviews=[("System design", datetime(2026, 10, 6, 10, 0, tzinfo=UTC), [])],
    )
    with sqlite_model_app.uow() as uow:
        framework = get_framework(uow, None)
        record_debrief(
            uow,
            seeded.interview_ids[0],
            2,
            questions=["How do you decide build vs buy for a scheduler?"],
            mapper=sqlite_model_app.mapper(uow, framework),
        )
    _, (unconfirmed,) = _map(sqlite_model_app, [near_duplicate])
    with sqlite_model_app.uow() as uow:
        confirm_questions(uow, seeded.interview_ids[0], {1: ["technical depth"]})
        assert [e.competency_id for e in confirmed_examples(uow, framework)] == ["technical-depth"]
    _, (after,) = _map(sqlite_model_app, [near_duplicate])
    assert before.statements[0].matches[0].competency_id != "technical-depth"
    # Only the confirmation teaches: a merely logged question does not.
    assert unconfirmed.statements[0].matches == before.statements[0].matches
    assert after.statements[0].matches[0].competency_id == "technical-depth"


# QA9 F5: an engineer's interview words went to presenting, resilience or communication.
ENGINEERING_WORDS = [
    ("Feedback from the panel: solid coding, clean and well tested.", "technical-depth"),
    ("How would you make it thread-safe?", "technical-depth"),
    ("Implement an LRU cache with per-key TTL", "technical-depth"),
    ("What happens when Redis goes down?", "risk-management"),
    ("Tell me about a time you disagreed with a tech lead", "conflict-resolution"),
]


@pytest.mark.parametrize(("text", "expected"), ENGINEERING_WORDS)
def test_engineering_interview_words_map_to_engineering_competencies(
    sqlite_model_app, text, expected
):
    _, (mapped,) = _map(sqlite_model_app, [text])
    top = mapped.statements[0].matches[0]
    assert top.competency_id == expected, mapped.statements[0].matches[:3]

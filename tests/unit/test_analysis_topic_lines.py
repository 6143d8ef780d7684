"""Competency names as headings and line labels: found, cut off, and counted in the mapping."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.analysis.topic_lines import TOPIC_SHARE, Topics, lean_on_topic
from nextround.domain.competency import CompetencyMatch, Polarity

NAMES = [
    "Risk management",
    "Systems thinking",
    "Stakeholder management",
    "Communication: clarity and concision",
    "Process design and improvement",
]


@pytest.mark.parametrize(
    "text",
    [
        "Risk management",
        "**Systems thinking**:",
        "Systemic thinking",
        "communication",
        "Process design and improvement",
        "Risk management and systems thinking",
    ],
)
def test_a_line_of_names_alone_names_topics(text):
    assert Topics(NAMES).only_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Summary",
        "Overall",
        "Strengths",
        "Risk management was weak",
        "Risk Manager",  # who speaks, not the skill
        "Clarity and concision",  # a description, not the name
        "",
    ],
)
def test_anything_more_or_else_names_no_topic(text):
    assert not Topics(NAMES).only_names(text)


def test_no_names_find_no_topic():
    assert not Topics([])
    assert not Topics([]).only_names("Risk management")
    assert split_statements("Risk management: missed the vendor.")[0].topic is None


def _split(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.text, s.heading, s.topic) for s in split_statements(text, NAMES)]


def test_a_name_that_labels_a_line_is_cut_off_and_kept_as_its_topic():
    source = "Risk management: tracked risks well, but missed the vendor dependency."
    statements = split_statements(source, NAMES)
    assert _split(source) == [
        ("tracked risks well", None, "Risk management"),
        ("missed the vendor dependency.", None, "Risk management"),
    ]
    for s in statements:
        assert " ".join(source[s.start : s.end].split()) == s.text


@pytest.mark.parametrize("mark", [" - ", " – ", " — ", ": "])
def test_a_dash_labels_a_line_as_a_colon_does(mark):
    source = f"Systems thinking{mark}didn't see the second-order effects"
    assert _split(source) == [("didn't see the second-order effects", None, "Systems thinking")]


def test_a_name_on_its_own_line_heads_the_sentences_under_it():
    source = (
        "Systems thinking\nDidn't see the second-order effects. Fixed the first symptom only.\n\n"
        "Communication\n\nCrisp answers throughout."
    )
    assert _split(source) == [
        ("Didn't see the second-order effects.", None, "Systems thinking"),
        ("Fixed the first symptom only.", None, "Systems thinking"),
        ("Crisp answers throughout.", None, "Communication"),
    ]


def test_a_name_under_a_section_keeps_the_section():
    source = "Areas for development:\n\nRisk management\n- missed the vendor dependency\n"
    assert _split(source) == [
        ("missed the vendor dependency", "Areas for development", "Risk management"),
    ]


def test_names_listed_under_a_section_are_statements_not_headings():
    source = "Strengths\nCommunication\nStakeholder management\n\nAreas to improve\nRisk management"
    texts = [text for text, _, topic in _split(source)]
    assert "Communication" in texts and "Stakeholder management" in texts
    assert "Risk management" in texts


def test_a_heading_that_names_no_competency_is_no_topic():
    assert _split("Summary: strong overall, but thin on risk.") == [
        ("strong overall", "Summary", None),
        ("thin on risk.", "Summary", None),
    ]
    assert _split("Risk management was weak - no plan.") == [
        ("Risk management was weak - no plan.", None, None)
    ]


@pytest.mark.parametrize(
    "source", ["Systems thinking\nMissed the knock-on effects.", "Systems thinking:\nMissed them."]
)
def test_a_topic_does_not_colour_the_polarity_under_it(source):
    # "Systems thinking" has a behaviour indicator's shape, yet it praises nothing.
    ((text, heading, topic),) = _split(source)
    assert (heading, topic) == (None, "Systems thinking")
    assert read_polarity(text, heading=heading).polarity is Polarity.GAP
    assert read_polarity(text, heading=topic).polarity is Polarity.GAP  # no names known


def _ids(matches):
    return [(m.competency_id, round(m.confidence, 3)) for m in matches]


def test_the_named_competency_takes_the_topic_share_and_the_rest_shrink():
    words = [CompetencyMatch("systems", 0.5), CompetencyMatch("risk", 0.2)]
    leaned = lean_on_topic(words, ["risk"])
    assert _ids(leaned) == [("risk", TOPIC_SHARE), ("systems", round(1 - TOPIC_SHARE, 3))]
    assert sum(m.confidence for m in leaned) <= 1.0 + 1e-9


def test_a_named_competency_the_words_missed_still_comes_first():
    leaned = lean_on_topic([CompetencyMatch("systems", 0.9)], ["risk"], k=3)
    assert _ids(leaned) == [("risk", TOPIC_SHARE), ("systems", round(1 - TOPIC_SHARE, 3))]
    assert _ids(lean_on_topic([], ["risk"])) == [("risk", TOPIC_SHARE)]


def test_a_surer_reading_of_the_words_is_kept_and_no_topic_changes_nothing():
    words = [CompetencyMatch("risk", 0.9), CompetencyMatch("systems", 0.05)]
    assert _ids(lean_on_topic(words, ["risk"])) == _ids(words)
    assert lean_on_topic(words, []) == words


def test_two_named_competencies_share_the_topic_share_as_the_words_say():
    words = [
        CompetencyMatch("other", 0.6),
        CompetencyMatch("risk", 0.2),
        CompetencyMatch("sys", 0.1),
    ]
    leaned = dict(_ids(lean_on_topic(words, ["risk", "sys"])))
    assert leaned["risk"] == pytest.approx(0.4, abs=1e-3)
    assert leaned["sys"] == pytest.approx(0.2, abs=1e-3)
    assert leaned["other"] == pytest.approx(0.4, abs=1e-3)

"""A label that names what to work on ("Where it fell short:", "one thing to work on:")."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_areas import area_label
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


def _readings(text: str) -> list[tuple[str, str | None, Polarity]]:
    return [
        (s.text, s.heading, read_polarity(s.text, heading=s.heading, feedback=True).polarity)
        for s in split_statements(text)
    ]


@pytest.mark.parametrize(
    ("text", "first", "label", "point"),
    [
        (
            "He'd like to hear more about how you'd prioritise a roadmap when every team "
            "wants something, and one thing to work on: keep answers a bit shorter, a couple "
            "ran long.",
            "He'd like to hear more about how you'd prioritise a roadmap when every team "
            "wants something",
            "one thing to work on",
            "keep answers a bit shorter, a couple ran long.",
        ),
        (
            "Your market sizing was sharp; one area to develop: your answers ran long.",
            "Your market sizing was sharp",
            "one area to develop",
            "your answers ran long.",
        ),
        (
            "The panel liked your energy, but something to improve: the metrics were vague.",
            "The panel liked your energy",
            "something to improve",
            "the metrics were vague.",
        ),
        (
            "Great storytelling overall — a tip: lead with the number next time.",
            "Great storytelling overall",
            "a tip",
            "lead with the number next time.",
        ),
    ],
)
def test_a_label_inside_a_sentence_opens_a_point_of_its_own(text, first, label, point):
    readings = _readings(text)
    assert [(t, h) for t, h, _ in readings] == [(first, None), (point, label)]
    assert readings[-1][2] is Polarity.GAP


@pytest.mark.parametrize(
    "label",
    ["Where it fell short", "What could have gone better", "Areas to develop", "Even better if"],
)
def test_a_label_carries_its_gap_to_the_rest_of_its_paragraph_only(label):
    text = (
        f"The panel liked your analysis.\n\n{label}: Daniel didn't see you influence senior "
        "stakeholders; your examples were mostly about working with other analysts. Maya "
        "mentioned the competitive landscape.\n\nLena said your empathy for users came through."
    )
    readings = _readings(text)
    assert [(h, p) for _, h, p in readings] == [
        (None, Polarity.STRENGTH),
        (label, Polarity.GAP),
        (label, Polarity.GAP),
        (label, Polarity.GAP),
        (None, Polarity.STRENGTH),
    ], readings
    assert readings[2][0] == "your examples were mostly about working with other analysts."


@pytest.mark.parametrize(
    "text",
    [
        # A colon after a clause that is no label explains; it opens no point.
        "Raj said your example was the strongest he'd heard: you defined the metrics yourself.",
        "She was clear on one thing: the data story landed.",
        "The main growth area is risk management: risks are tracked, but mitigations come late.",
        "Your answers covered three things, and the best part: your clear recommendation.",
    ],
)
def test_a_colon_after_no_label_keeps_the_sentence_as_it_was(text):
    assert all(heading is None for _, heading, _ in _readings(text))


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Where it fell short", "area"),
        ("Where you could improve", "area"),
        ("What didn't go so well", "area"),
        ("Room for improvement", "area"),
        ("One small tip for next time", "area"),
        ("A quick suggestion", "area"),
        ("What went well", None),
        ("Where it shone", None),
        ("What you did well", None),
        ("The best part", None),
    ],
)
def test_a_shortfall_label_names_a_development_area(label, expected):
    assert area_label(label) == expected


def test_a_sentence_that_praises_on_its_own_ends_the_label():
    text = (
        "Where it fell short: Karin didn't see a proactive approach to risk; she was looking "
        "for how you track risks. It wasn't that your technical depth was lacking — that part "
        "was fine. Your stakeholder updates were also clear."
    )
    readings = _readings(text)
    assert [(h, p) for _, h, p in readings] == [
        ("Where it fell short", Polarity.GAP),
        ("Where it fell short", Polarity.GAP),
        (None, Polarity.STRENGTH),
        (None, Polarity.STRENGTH),
    ], readings

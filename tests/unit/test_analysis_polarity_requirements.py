"""Gaps worded as what the role needs, or as leaning on others, read as gaps."""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.domain.competency import Polarity


@pytest.mark.parametrize(
    "text",
    [
        "Where we landed is that for this role we need someone who has owned an infra product "
        "end to end, including on-call and incident reviews, and I didn't hear that.",
        "We were looking for someone with deep, hands-on Kubernetes experience and we didn't "
        "see that in the interviews.",
        "The role requires strong executive presence, and that didn't come through.",
        "The team wanted to see real ownership of outcomes; it was missing.",
        "We need a leader who has scaled a team past 50 people and we saw little of that.",
    ],
)
def test_an_unmet_requirement_is_a_gap(text):
    reading = read_polarity(text)
    assert reading.polarity is Polarity.GAP
    assert reading.cues[0].startswith("unmet requirement:")


@pytest.mark.parametrize(
    "text",
    [
        "Relies on the tech lead for architecture calls.",
        "She leans heavily on her manager to make the hard decisions.",
        "Defers to the architects on every design question.",
        "He depends on others for the technical detail.",
    ],
)
def test_leaning_on_others_for_ones_own_calls_is_a_gap(text):
    assert read_polarity(text).polarity is Polarity.GAP


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("We need someone who has owned an infra product, and you clearly have.", None),
        ("Relies on data to make decisions and explains the trade-offs well.", None),
        ("She doesn't rely on others for the technical detail.", None),
        ("She relied on the team for pricing and it worked.", None),
        ("We were looking for strong ownership and saw it in every answer.", None),
    ],
)
def test_requirements_met_and_reliance_on_evidence_are_not_these_gaps(text, polarity):
    reading = read_polarity(text)
    assert not any(c.startswith(("unmet requirement", "leans on others")) for c in reading.cues)

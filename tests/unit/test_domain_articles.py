"""The article before a role goes by how its first word sounds, not by its first letter."""

from __future__ import annotations

import pytest

from nextround.domain.articles import indefinite


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        # QA20: "If an User Researcher role opens up again" was in a rejection note.
        ("User Researcher", "a User Researcher"),
        ("UX Designer", "a UX Designer"),
        ("Usability lead", "a Usability lead"),
        ("European sales lead", "a European sales lead"),
        ("One-off contract", "a One-off contract"),
        ("Operations Lead", "an Operations Lead"),
        ("Associate User Researcher", "an Associate User Researcher"),
        ("Underwriter", "an Underwriter"),
        ("SRE", "an SRE"),
        ("HR Business Partner", "an HR Business Partner"),
        ("QA Engineer", "a QA Engineer"),
        ("Hourly supervisor", "an Hourly supervisor"),
        ("Head of Data", "a Head of Data"),
    ],
)
def test_the_article_goes_by_the_sound(phrase, said):
    assert indefinite(phrase) == said

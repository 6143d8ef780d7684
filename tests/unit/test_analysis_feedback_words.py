"""The feedback's own words for what it judged, lifted verbatim, or nothing."""

from __future__ import annotations

import pytest

from nextround.analysis.feedback_words import own_words, without_frame


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        (
            "Where the panel felt others were stronger was in data and experimentation.",
            "data and experimentation",
        ),
        ("No clear view on org design / operating model", "org design / operating model"),
        ("She should also build more confidence with data", "data"),
        ("Your stakeholder management really stood out.", "my stakeholder management"),
        (
            "Priya in particular said your example of aligning sales and support on the new "
            "SLA was the best answer she heard all week.",
            "my example of aligning sales and support on the new SLA",
        ),
        ("Strong on execution and cost discipline", "execution and cost discipline"),
        (
            "Tom felt you weren't yet comfortable designing an experiment or reasoning about "
            "whether a result was significant.",
            "designing an experiment",
        ),
        (
            "The one area to tighten is the stakeholder communication plan: it was thin",
            "the stakeholder communication plan",
        ),
    ],
)
def test_the_words_the_feedback_used_are_lifted(statement, words):
    assert own_words(statement) == words


@pytest.mark.parametrize(
    "statement",
    [
        "Too tactical for a Head of role",  # a judgement, no area named
        # About the person: "the process you designed" would read wrong in her own note.
        "There was also a sense that you could have gone deeper on what might go wrong with "
        "the process you designed, e.g. failure modes.",
        "Elena mentioned that in the leadership conversation some of your answers were long",
        "Some of your answers were quite long",  # form, not an area
        "Good culture fit",
    ],
)
def test_nothing_is_lifted_when_no_known_shape_names_an_area(statement):
    assert own_words(statement) is None


def test_who_held_the_view_is_not_the_view():
    assert without_frame("Tom felt that you rushed the close") == "you rushed the close"
    assert without_frame("Priya in particular said the map was clear") == "the map was clear"
    assert without_frame("There was also a sense that it ran long") == "it ran long"
    assert without_frame("Too tactical") == "Too tactical"

"""Which moment a piece of praise speaks of, and what praise names by itself."""

from __future__ import annotations

import pytest

from nextround.domain.note_moments import praise_speaker, praised_in, praised_thing

RAJ = (
    "Raj said your fraud-dashboard example was the strongest data story he'd heard this "
    "cycle: you defined the metrics yourself and could explain every trade-off."
)


def test_two_shared_words_out_of_five_are_no_clear_match():
    # QA8 F2: "metrics" and "dashboard" alone tied this praise to the wrong question.
    assert not praised_in("Which metrics would you put on a payments health dashboard?", RAJ)


def test_praise_naming_most_of_a_moment_speaks_of_it():
    praise = "Priya said your example of aligning sales and support on the new SLA was the best."
    assert praised_in("aligning sales and support on the new SLA", praise)
    assert praised_in("the wave plan", "The wave plan was the highlight.")


@pytest.mark.parametrize(
    ("praise", "thing"),
    [
        # The note is in the person's voice: "your" example is "my" example (QA20 F8),
        # with the praise's own preposition ("my answer on", not "the answer of").
        (RAJ, "my fraud-dashboard example"),
        ("Your SQL funnel analysis was great.", "my SQL funnel analysis"),
        (
            "Priya said your example of aligning sales and support on the new SLA was the best.",
            "my example of aligning sales and support on the new SLA",
        ),
        (
            "Your answer on including users with access needs was excellent and specific.",
            "my answer on including users with access needs",
        ),
        (
            "Your presentation about the churn model was clear.",
            "my presentation about the churn model",
        ),
        ("The panel was genuinely impressed by your analytical depth.", None),
        ("Your presentation was well structured and easy to follow.", None),
    ],
)
def test_what_praise_names_is_a_thing_the_person_brought(praise, thing):
    assert praised_thing(praise) == thing


def test_the_speaker_is_someone_the_record_knows():
    people = {"raj": "Raj Patel"}
    assert praise_speaker(RAJ, people) == "Raj Patel"
    assert praise_speaker("In the design session, Raj noted your demo was sharp.", people) == (
        "Raj Patel"
    )
    assert praise_speaker("Priya said your demo was sharp.", people) is None
    assert praise_speaker("The panel said your demo was sharp.", people) is None

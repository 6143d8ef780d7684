"""The words of the question asked before an application is deleted."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from nextround.domain.journey import Application
from nextround.services.application_removal import ApplicationRemoval

NOTHING = ApplicationRemoval(
    Application("Acme", "PM", date(2026, 1, 5)),
    rounds=0, interviews=0, debriefs=0, decisions=0, feedback=0, statements=0, confirmed=0,
    notes=0, sent_notes=0, rated=False, plan_actions=0, contacts=0,
)  # fmt: skip


def test_an_empty_application_is_named_alone() -> None:
    assert (NOTHING.summary, NOTHING.kept) == ("PM at Acme", "")


def test_each_kind_is_counted_in_the_singular_or_plural() -> None:
    full = replace(
        NOTHING, rounds=3, interviews=1, debriefs=2, decisions=1, feedback=1, statements=4,
        confirmed=4, notes=2, sent_notes=1, rated=True, contacts=1,
    )  # fmt: skip
    assert full.summary == (
        "PM at Acme with 3 rounds, 1 interview, 2 debriefs, 1 decision, 1 feedback item with "
        "4 statements (4 confirmed), 2 thank-you notes (1 sent) and its Option A rating"
    )
    # Evidence with no open plan action resting on it still leaves the profile.
    assert full.kept == (
        "1 person on it stays in your contacts. Your profile and growth plan no longer count "
        "its evidence."
    )
    assert replace(full, plan_actions=6, contacts=0).kept == (
        "6 open plan actions built from it go."
    )
    # Done actions are the person's work: kept, but the prompt says they lose its words.
    assert replace(full, plan_actions=1, done_actions=2, contacts=0).kept == (
        "1 open plan action built from it goes; 2 done actions stay as history, without "
        "their quotes of it."
    )


def test_a_feedback_request_among_the_notes_makes_them_notes() -> None:
    kept = replace(NOTHING, notes=2, sent_notes=1, any_request=True)
    assert kept.summary == "PM at Acme with 2 notes (1 sent)"
    assert replace(kept, any_request=False).summary == "PM at Acme with 2 thank-you notes (1 sent)"

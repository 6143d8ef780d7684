"""An invite's words: the title, format and people they give and the company they name."""

from __future__ import annotations

import pytest

from nextround.domain.invite_words import (
    clean_title,
    exported_people,
    guess_format,
    invite_title,
    names_company,
)
from nextround.domain.journey import Interviewer
from nextround.domain.journey import InterviewFormat as F


@pytest.mark.parametrize(
    ("summary", "expected", "cue"),
    [
        ("Zentrofy - System Design Interview", F.SYSTEM_DESIGN, "system design"),
        ("Live coding with Priya", F.CODING, "coding"),
        ("Technical interview", F.TECHNICAL, "technical"),
        ("Case study: market entry", F.CASE, "case study"),
        ("Assessment centre: group exercise", F.GROUP_EXERCISE, "group exercise"),
        ("Final presentation", F.PRESENTATION, "presentation"),
        ("Behavioral interview", F.BEHAVIOURAL, "behavioral"),
        ("Behavioural round", F.BEHAVIOURAL, "behavioural"),
        ("Chat with the hiring manager", F.BEHAVIOURAL, "hiring manager"),
        ("Recruiter screen", F.BEHAVIOURAL, "screen"),
        ("Showcase of past work", F.BEHAVIOURAL, None),  # "case" inside a word is no case
        ("Catch-up", F.BEHAVIOURAL, None),
    ],
)
def test_the_format_comes_from_the_summarys_words(
    summary: str, expected: F, cue: str | None
) -> None:
    assert guess_format(summary) == (expected, cue)


def test_the_summary_speaks_before_the_description_and_an_export_says_it_outright() -> None:
    assert guess_format("Coding", "We will discuss system design too")[0] is F.CODING
    assert guess_format("Catch-up", "A technical chat")[0] is F.TECHNICAL
    exported = "TPM at Acme\nRound 2: Onsite\nFormat: practical exercise"
    assert guess_format("Whiteboard", exported) == (
        F.PRACTICAL_EXERCISE,
        "Format: practical exercise",
    )


def test_a_company_is_named_by_the_summary_or_a_senders_domain() -> None:
    assert names_company("Zentrofy", "Zentrofy - System Design", [])
    assert names_company("Kornblum GmbH", "Interview", ["kornblum.example"])
    assert names_company("Acme, Inc.", "Interview with ACME", [])
    assert not names_company("Acme", "Interview with Acmeology", ["mail.example"])
    assert not names_company("Lumen", "Interview", ["goodtime.example", "lumenhall.example"])


@pytest.mark.parametrize(
    ("summary", "company", "expected"),
    [
        ("Tidewater Labs | Case study with CFO", "Tidewater Labs", "Case study with CFO"),
        (
            "Tidewater Labs: Tidewater Labs | Case study with CFO",
            "Tidewater Labs",
            "Case study with CFO",
        ),
        (
            "Interview: Tom Becker <> Jana Hoffmann (Aurora Analytics)",
            "Aurora Analytics GmbH",
            "Interview with Jana Hoffmann",
        ),
        (
            "Final interview - Presentation (Tom Becker)",
            "Tidewater Labs",
            "Final interview - Presentation",
        ),
        ("Onsite — Kornblum", "Kornblum GmbH", "Onsite"),
        ("Kornblum: System design", "Kornblum GmbH", "System design"),
        ("Case study at Kornblum", "Kornblum GmbH", "Case study"),
        ("Kornblum x Tom Becker", "Kornblum GmbH", ""),
        ("Tom Becker / Jana Hoffmann", "Kornblum GmbH", "Interview with Jana Hoffmann"),
        # Nothing of the company or you: left as written, separators and all.
        (
            "Backend Engineer - Technical interview",
            "Zentrofy",
            "Backend Engineer - Technical interview",
        ),
        ("Ada / Li pairing", "Zentrofy", "Ada / Li pairing"),
    ],
)
def test_a_title_loses_the_company_and_your_own_name_in_any_position(
    summary: str, company: str, expected: str
) -> None:
    assert clean_title(summary, [company], ["Tom Becker"]) == expected


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("Updated invitation: Acme | Case study", "Case study"),
        ("Cancelled event with note: Onsite\n  – Acme", "Onsite"),
        ("Invitation: Acme", "Interview"),
    ],
)
def test_an_invite_title_loses_the_calendar_s_prefix_and_is_one_line(
    summary: str, expected: str
) -> None:
    assert invite_title(summary, "Acme Inc.", []) == expected


def test_the_people_of_nextround_s_own_export_are_read_from_its_with_line() -> None:
    description = "Format: Coding\nWith: Ada Park (Engineering Manager), Li Chen\n"
    assert exported_people(description) == [
        Interviewer(name="Ada Park", title="Engineering Manager"),
        Interviewer(name="Li Chen"),
    ]
    assert exported_people("no one named") == []


def test_an_invite_title_loses_every_company_it_is_given() -> None:
    summary = "Interview: Tom Becker <> Jana Hoffmann (Aurora Analytics)"
    assert invite_title(summary, "Tidewater Labs", ["Tom Becker"]) == (
        "Interview with Jana Hoffmann (Aurora Analytics)"
    )
    both = ["Tidewater Labs", "Aurora Analytics GmbH"]
    assert invite_title(summary, both, ["Tom Becker"]) == "Interview with Jana Hoffmann"

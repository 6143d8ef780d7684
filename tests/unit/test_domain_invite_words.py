"""An invite's words: the interview format they suggest and the company they name."""

from __future__ import annotations

import pytest

from nextround.domain.invite_words import guess_format, names_company
from nextround.domain.journey import InterviewFormat as F


@pytest.mark.parametrize(
    ("summary", "expected", "cue"),
    [
        ("Zentrofy - System Design Interview", F.SYSTEM_DESIGN, "system design"),
        ("Live coding with Priya", F.CODING, "coding"),
        ("Technical interview", F.TECHNICAL, "technical"),
        ("Case study: market entry", F.CASE, "case study"),
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

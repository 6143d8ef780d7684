"""A sheet's Stage reached cell, and a Status's "after OA", as the rounds they name."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nextround.domain.journey import RoundKind, RoundMode
from nextround.domain.sheet_stages import StageRound, dated_by_import, stage_rounds, status_stage


@pytest.mark.parametrize(
    ("said", "kind", "mode"),
    [
        ("OA", RoundKind.ASSESSMENT, None),
        ("HackerRank OA", RoundKind.ASSESSMENT, None),
        ("Online test", RoundKind.ASSESSMENT, None),
        ("Phone screen", RoundKind.SCREEN, RoundMode.PHONE),
        ("Video interview", RoundKind.SCREEN, RoundMode.VIDEO),
        ("First interview", RoundKind.OTHER, None),
        ("Technical interview", RoundKind.TECHNICAL, None),
        ("Assessment centre", RoundKind.ASSESSMENT_CENTRE, None),
        ("AC", RoundKind.ASSESSMENT_CENTRE, None),
        ("Final", RoundKind.FINAL_LOOP, None),
        ("Final round", RoundKind.FINAL_LOOP, None),
        ("Take home", RoundKind.TAKE_HOME, None),
        ("Hiring manager", RoundKind.HIRING_MANAGER, None),
    ],
)
def test_a_stage_is_a_round_of_its_kind_named_as_written(
    said: str, kind: RoundKind, mode: RoundMode | None
) -> None:
    assert stage_rounds(said) == (StageRound(said, kind, mode),)


def test_stages_written_one_after_another_are_rounds_in_that_order() -> None:
    assert [(r.name, r.kind) for r in stage_rounds("OA, phone screen > AC") or ()] == [
        ("OA", RoundKind.ASSESSMENT),
        ("Phone screen", RoundKind.SCREEN),
        ("AC", RoundKind.ASSESSMENT_CENTRE),
    ]


@pytest.mark.parametrize("said", ["", "Applied", "N/A", "-", "none"])
def test_no_stage_past_applying_is_no_round(said: str) -> None:
    assert stage_rounds(said) == ()


@pytest.mark.parametrize("said", ["Spoke to Bob", "OA, coffee with Sam"])
def test_words_not_known_are_not_half_read(said: str) -> None:
    assert stage_rounds(said) is None


@pytest.mark.parametrize(
    ("status", "named"),
    [
        ("rejected after OA", [("OA", RoundKind.ASSESSMENT)]),
        ("Rejected at assessment centre", [("Assessment centre", RoundKind.ASSESSMENT_CENTRE)]),
        ("rejected after the final interview", [("Final interview", RoundKind.FINAL_LOOP)]),
        ("rejected after 2 weeks", []),
        ("In progress", []),
        ("rejected", []),
    ],
)
def test_a_status_names_the_stage_it_ended_at(status: str, named: list[tuple[str, RoundKind]]):
    assert [(r.name, r.kind) for r in status_stage(status)] == named


def test_a_round_is_dated_by_the_import_only_when_made_with_its_application_that_day() -> None:
    made = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
    applied = date(2026, 8, 4)
    assert dated_by_import(applied, applied, made, made)
    # Re-dated since, or added later by hand (on the day applied or not): its own day.
    assert not dated_by_import(date(2026, 8, 10), applied, made, made)
    assert not dated_by_import(applied, applied, made + timedelta(minutes=3), made)
    assert not dated_by_import(applied, applied, None, None)

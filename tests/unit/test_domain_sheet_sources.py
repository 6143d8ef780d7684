"""A sheet's Source cell: a choice, a job board by name, or another channel, never refused."""

from __future__ import annotations

import pytest

from nextround.domain.journey import Source
from nextround.domain.sheet_sources import sheet_source


@pytest.mark.parametrize(
    "board",
    ["Indeed", "Reed", "Totaljobs", "Gradcracker", "Milkround", "Bright Network", "Prospects",
     "TargetJobs", "Glassdoor", "Monster", "StepStone", "Otta", "Welcome to the Jungle",
     "Wellfound", "AngelList"],
)  # fmt: skip
def test_a_job_board_by_name_is_a_job_board_and_its_name_goes_to_the_notes(board: str) -> None:
    read = sheet_source(board)
    assert read.source is Source.JOB_BOARD
    assert read.via == f"via {board}" and read.mapped


def test_a_choice_itself_is_read_as_it_is_with_nothing_for_the_notes() -> None:
    read = sheet_source("Careers page")
    assert read.source is Source.CAREERS_PAGE and read.via is None and not read.mapped


def test_a_word_for_another_channel_is_that_channel_and_says_it_all() -> None:
    read = sheet_source("company website")
    assert read.source is Source.CAREERS_PAGE and read.mapped and read.via is None


def test_anything_else_is_other_named_in_the_notes() -> None:
    read = sheet_source(" Xing ")
    assert read.source is Source.OTHER and read.via == "via Xing"

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


@pytest.mark.parametrize(
    "board", ["ZipRecruiter", "CareerBuilder", "Dice", "SimplyHired", "USAJobs", "Handshake"]
)
def test_the_us_boards_a_work_search_log_names_are_job_boards_kept_by_name(board: str) -> None:
    read = sheet_source(board)
    assert read.source is Source.JOB_BOARD and read.via == f"via {board}"


@pytest.mark.parametrize(
    "bank", ["OhioMeansJobs", "CalJOBS", "IllinoisJobLink", "jobs.ac.uk", "CharityJob"]
)
def test_a_job_bank_named_for_the_jobs_it_lists_is_a_job_board_though_no_list_names_it(
    bank: str,
) -> None:
    read = sheet_source(bank)
    assert read.source is Source.JOB_BOARD and read.via == f"via {bank}"


@pytest.mark.parametrize("event", ["Job fair", "Job club", "Jobs page"])
def test_a_job_fair_or_club_is_no_board_and_a_jobs_page_is_the_careers_page(event: str) -> None:
    assert sheet_source(event).source is not Source.JOB_BOARD

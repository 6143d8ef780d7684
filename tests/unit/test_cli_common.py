"""Parsing what users type on the command line: dates, moments, choices, interviewers."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from nextround.cli.common import parse_choice, parse_choice_or_blank, parse_date, parse_datetime
from nextround.cli.process import parse_interviewer
from nextround.domain.counts import confirmed_of, counted, it_or_them
from nextround.domain.journey import Interviewer, InterviewFormat, RoundKind, Source, WorkMode
from nextround.errors import InvalidInputError


def test_parse_date():
    assert parse_date(" 2025-05-14 ", "--on") == date(2025, 5, 14)
    assert parse_date("today", "--on") == date.today()
    assert parse_date("Yesterday", "--on") == date.today() - timedelta(days=1)
    assert parse_date(None, "--on") is None
    # QA17 F2: a slashed day with one reading is read; one with two is refused, naming both.
    assert parse_date("14/05/2025", "--on") == date(2025, 5, 14)
    assert parse_date("5 Aug 2025", "--on") == date(2025, 8, 5)
    with pytest.raises(InvalidInputError, match="--on '04/05/2025' could be 5 April"):
        parse_date("04/05/2025", "--on")


def test_parse_datetime_keeps_a_given_offset_and_assumes_the_local_zone_otherwise():
    assert parse_datetime("2025-05-14T10:00+02:00", "--at") == datetime(
        2025, 5, 14, 10, tzinfo=timezone(timedelta(hours=2))
    )
    local = parse_datetime("2025-05-14 10:00", "--at")
    assert local is not None and local.tzinfo is not None
    assert local.replace(tzinfo=None) == datetime(2025, 5, 14, 10)
    with pytest.raises(InvalidInputError, match="--at '2025-05-14T25:00' has no hour 25; hours"):
        parse_datetime("2025-05-14T25:00", "--at")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        # QA8 F10: these said only "is not a date and time", where --applied is precise.
        ("2026-12-32T13:00", "'2026-12-32T13:00' is not a day: December 2026 has 31 days"),
        ("2026-02-30 13:00", "is not a day: February 2026 has 28 days"),
        ("2026-13-01T10:00", "has no month 13; months go from 01 to 12"),
        ("2026-12-10T13:61", "has no minute 61; minutes go from 00 to 59"),
        ("2026-12-10T10:00+25:00", "has an offset, +25:00, that is not valid; write it as +HH:MM"),
        ("2026-12-10T10:5", "write the hour and minute with two digits, e.g. 09:05"),
        ("next tuesday", "is not a date and time; use e.g. 2025-05-14T10:00 or"),
        # A typo for 2025, caught as it is for a date.
        ("1925-05-14T10:00", "is before 1950; check the year, e.g. 2025-05-14T10:00"),
    ],
)
def test_a_bad_date_and_time_says_which_part_is_wrong(typed: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_datetime(typed, "--at")
    assert caught.value.message.startswith(f"--at {typed!r} ")
    assert message in caught.value.message


def test_an_hour_of_one_digit_is_read_as_a_clock_shows_it() -> None:
    moment = parse_datetime("2026-12-10T9:00", "--at")
    assert moment is not None and (moment.hour, moment.minute) == (9, 0)


def test_parse_choice_accepts_hyphens_and_names_the_allowed_values():
    assert parse_choice(RoundKind, "Final-Loop", "--kind") is RoundKind.FINAL_LOOP
    assert parse_choice(RoundKind, "take home", "--kind") is RoundKind.TAKE_HOME
    with pytest.raises(InvalidInputError) as caught:
        parse_choice(RoundKind, "lunch", "--kind")
    assert str(caught.value) == (
        "--kind 'lunch' is not one of: screen, assessment, hiring-manager, technical, case, "
        "take-home, final-loop, panel, presentation, assessment-centre, other"
    )
    # Outside tech the last interview is a panel: its own kind, no longer read as a final loop.
    assert parse_choice(RoundKind, "Panel", "--kind") is RoundKind.PANEL
    with pytest.raises(InvalidInputError, match=r"; did you mean 'panel'\?$"):
        parse_choice(RoundKind, "interview panel", "--kind")
    # QA12 F8: a designer's portfolio review (or a case presentation) is a presentation.
    for typed in ("portfolio review", "Portfolio", "case presentation"):
        with pytest.raises(InvalidInputError, match=r"; did you mean 'presentation'\?$"):
            parse_choice(RoundKind, typed, "--kind")
    with pytest.raises(InvalidInputError, match=r"; did you mean 'take-home'\?$"):
        parse_choice(RoundKind, "design challenge", "--kind")
    # QA14 F8: a sales role play or mock call is a case, a mock pitch a presentation.
    sales = (("role play", "case"), ("mock call", "case"), ("mock pitch", "presentation"))
    for typed, kind in sales:
        with pytest.raises(InvalidInputError, match=rf"; did you mean '{kind}'\?$"):
            parse_choice(RoundKind, typed, "--kind")
    # QA13 F8: a new graduate's first stage, however they name it, is an online assessment.
    for typed in ("OA", "online test", "HackerRank", "coding test", "Codility", "aptitude test"):
        with pytest.raises(InvalidInputError, match=r"; did you mean 'assessment'\?$"):
            parse_choice(RoundKind, typed, "--kind")
    assert parse_choice(RoundKind, "Assessment", "--kind") is RoundKind.ASSESSMENT


def test_an_empty_choice_empties_the_field_and_a_missing_one_changes_nothing():
    assert parse_choice_or_blank(WorkMode, "", "--work-mode", None) == (True, None)
    assert parse_choice_or_blank(Source, "  ", "--source", Source.OTHER) == (True, Source.OTHER)
    assert parse_choice_or_blank(WorkMode, "Remote", "--work-mode", None) == (
        True,
        WorkMode.REMOTE,
    )
    assert parse_choice_or_blank(WorkMode, None, "--work-mode", None) == (False, None)
    with pytest.raises(InvalidInputError, match=r"^--work-mode 'moon' is not one of: onsite"):
        parse_choice_or_blank(WorkMode, "moon", "--work-mode", None)


def test_parse_interviewer():
    assert parse_interviewer("Maya Lindgren") == Interviewer("Maya Lindgren")
    assert parse_interviewer(" Jonas , Director, Operations ") == Interviewer(
        "Jonas", "Director, Operations"
    )
    # --with "Name (Title)" as the web reads it (domain.interviewer_names).
    assert parse_interviewer("Ana Silva (Engineering Manager)") == Interviewer(
        "Ana Silva", "Engineering Manager"
    )
    assert parse_interviewer("Li (Lily) Wang") == Interviewer("Li (Lily) Wang")


def test_paragraph_keeps_its_indent_on_wrapped_lines(monkeypatch):
    import io

    from rich.console import Console

    from nextround.cli import common

    buffer = io.StringIO()
    monkeypatch.setattr(common, "_console", Console(file=buffer, width=30, highlight=False))
    common.paragraph("• [bold]Which[/] moment gave the panel that impression of me?", 4, 2)
    common.paragraph("short", 2)
    # The first line takes the full width; a line break in the text is kept.
    common.paragraph("Notes     one two three four five six\nseven eight", 2, 10)
    common.paragraph("• a\tb c d e f g h i j k l m", 4, 2)  # a tab is a tab stop
    assert buffer.getvalue().splitlines() == [
        "    • Which moment gave the",
        "      panel that impression of",
        "      me?",
        "  short",
        "  Notes     one two three four",
        "            five six",
        "            seven eight",
        "    • a     b c d e f g h i j",
        "      k l m",
    ]


def test_counted_agrees_with_its_number():
    assert counted(1, "competency", "competencies") == "1 competency"
    assert counted(0, "competency", "competencies") == "0 competencies"
    assert counted(2, "story", "stories") == "2 stories"


def test_a_count_is_taken_up_again_by_the_pronoun_that_agrees_with_it():
    assert f"1 statement; review {it_or_them(1)}" == "1 statement; review it"
    assert it_or_them(2) == "them"
    assert it_or_them(0) == "them"
    assert confirmed_of(1, 1) == "confirmed"
    assert confirmed_of(1, 0) == "not confirmed"
    assert confirmed_of(3, 2) == "2 of them confirmed"


def test_a_gap_heard_once_is_named_with_where_and_when_it_was_heard():
    from nextround.cli.profile import heard_once
    from nextround.domain.competency import Polarity
    from nextround.domain.feedback import FeedbackSource
    from nextround.domain.profile import build_profile
    from tests.unit.growth_fixtures import FRAMEWORK, TODAY, ev

    evidence = [
        ev("risk-management", Polarity.GAP, FeedbackSource.INTERVIEWER, app=1, context="Acme"),
        ev("systems-thinking", Polarity.GAP, FeedbackSource.MENTOR),
    ]
    early = build_profile(evidence, FRAMEWORK, TODAY).early_gaps
    # Loudest first: an interviewer weighs more than a mentor.
    assert heard_once(early) == (
        f"Risk management (Acme, interviewer, {TODAY}); Systems thinking (mentor, {TODAY})"
    )


def test_a_profile_without_calibration_says_notes_about_yourself_count(capsys) -> None:
    from nextround.cli.profile import _render_calibration
    from nextround.domain.calibration import Calibration
    from nextround.domain.calibration_text import CALIBRATION_NEEDS

    _render_calibration(Calibration(()))
    said = " ".join(capsys.readouterr().out.split())
    # The same needs as `profile explain calibration` and the web page: a note counts too.
    assert f"Not enough yet: calibration needs {CALIBRATION_NEEDS}." in said
    assert "notes you wrote about yourself" in said


@pytest.mark.parametrize("bare", ["2026-11-22", " 2026-11-22 "])
def test_a_date_without_a_time_is_not_read_as_midnight(bare: str) -> None:
    from nextround.cli.common import parse_wall_time

    with pytest.raises(
        InvalidInputError, match=r"has no time of day; add one, e\.g\. 2026-11-22T10:00"
    ):
        parse_wall_time(bare, "--at")
    assert parse_wall_time("2026-11-22 09:30", "--at") == datetime(2026, 11, 22, 9, 30)


def test_a_review_answer_may_name_competencies_as_well_as_number_them() -> None:
    from nextround.cli.prompts import _choice
    from nextround.domain.competency import CompetencyMatch

    names = {"customer-focus": "Customer focus", "ownership": "Ownership"}
    suggestions = [CompetencyMatch("ownership", 0.6)]
    assert _choice("customer focus, 1", suggestions, names) == ["customer-focus", "ownership"]
    assert _choice("Customer Focus", suggestions, names) == ["customer-focus"]
    assert _choice("9", suggestions, names) is None  # no ninth suggestion


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfStrong communicator.\r\nNo structure.\r\n",  # Windows Notepad
        b"Strong communicator.\rNo structure.\r",  # old Mac line ends
        b"Strong communicator.\nNo structure.\n",
    ],
)
def test_a_file_is_read_as_stdin_is_without_a_byte_order_mark(tmp_path, monkeypatch, data):
    import io
    import sys

    from nextround.cli.common import read_stdin, read_text_input

    path = tmp_path / "texts.txt"
    path.write_bytes(data)
    from_file = read_text_input(None, path, "texts")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert from_file == read_stdin("texts") == "Strong communicator.\nNo structure.\n"


def test_a_file_that_is_not_utf8_is_refused_with_its_name(tmp_path):
    from nextround.cli.common import read_text_input

    path = tmp_path / "notes.txt"
    path.write_bytes(b"caf\xe9\n")
    with pytest.raises(InvalidInputError, match=r"notes\.txt is not UTF-8 text"):
        read_text_input(None, path, "texts")


def test_a_near_miss_among_choices_is_named():
    from nextround.domain.journey import Outcome

    with pytest.raises(InvalidInputError) as refused:
        parse_choice(Outcome, "rejected", "--outcome")
    assert refused.value.message == (
        "--outcome 'rejected' is not one of: offer, rejection, withdrawal, no-response; "
        "did you mean 'rejection'?"
    )
    with pytest.raises(InvalidInputError) as refused:
        parse_choice(Outcome, "nope", "--outcome")
    assert "did you mean" not in refused.value.message


@pytest.mark.parametrize(
    ("enum_name", "typed", "meant"),
    [
        ("Source", "website", "careers-page"),
        ("Source", "Company Website", "careers-page"),
        ("Source", "headhunter", "recruiter-outreach"),
        ("Source", "friend", "referral"),
        ("WorkMode", "WFH", "remote"),
        ("RoundKind", "homework", "take-home"),
        ("RoundMode", "zoom", "video"),
        ("InterviewFormat", "behavioral", "behavioural"),
        ("Outcome", "ghosted", "no-response"),
    ],
)
def test_a_natural_word_for_a_choice_is_suggested(enum_name: str, typed: str, meant: str):
    from nextround.domain import journey

    with pytest.raises(InvalidInputError) as refused:
        parse_choice(getattr(journey, enum_name), typed, "--option")
    assert refused.value.message.endswith(f"; did you mean {meant!r}?")


def test_every_synonym_names_a_real_choice_and_shadows_none():
    from nextround.domain.choice_words import SYNONYMS
    from nextround.domain.near_miss import word_key

    for enum, words in SYNONYMS.items():
        values = {m.value for m in enum}
        for word, choice in words.items():
            assert choice in values, (enum.__name__, word, choice)
            # A word that is a choice itself is accepted as typed, never "corrected".
            assert word not in values and word == word_key(word), (enum.__name__, word)


def test_a_synonym_outside_the_allowed_choices_is_not_offered():
    from nextround.domain.journey import Outcome

    endings = [Outcome.REJECTION, Outcome.WITHDRAWAL, Outcome.NO_RESPONSE]
    with pytest.raises(InvalidInputError) as refused:
        parse_choice(Outcome, "offered", "--as", among=endings)
    assert "did you mean" not in refused.value.message


def test_system_design_and_coding_are_interview_formats_of_their_own():
    # QA9 F4: `--format system-design` was refused and offered "technical".
    assert (
        parse_choice(InterviewFormat, "system-design", "--format") is InterviewFormat.SYSTEM_DESIGN
    )
    assert parse_choice(InterviewFormat, "Coding", "--format") is InterviewFormat.CODING
    with pytest.raises(
        InvalidInputError, match=r"technical, case, system-design, coding, group-exercise$"
    ):
        parse_choice(InterviewFormat, "lunch", "--format")


def test_an_assessment_centre_is_a_round_kind_never_read_as_the_online_assessment():
    # QA17 F4: "assessment centre" was offered 'assessment', the online test that screens.
    for typed in ("assessment centre", "Assessment-Centre", "assessment_centre"):
        assert parse_choice(RoundKind, typed, "--kind") is RoundKind.ASSESSMENT_CENTRE
    for typed in ("assessment center", "AC", "assessment day", "virtual assessment centre"):
        with pytest.raises(InvalidInputError, match=r"; did you mean 'assessment-centre'\?$"):
            parse_choice(RoundKind, typed, "--kind")


def test_a_group_exercise_is_an_interview_format_and_strengths_are_behavioural():
    assert parse_choice(InterviewFormat, "group exercise", "--format") is (
        InterviewFormat.GROUP_EXERCISE
    )
    for typed, meant in (
        ("group task", "group-exercise"),
        ("group discussion", "group-exercise"),
        ("strengths-based", "behavioural"),
        ("strengths interview", "behavioural"),
    ):
        with pytest.raises(InvalidInputError, match=rf"; did you mean '{meant}'\?$"):
            parse_choice(InterviewFormat, typed, "--format")


def test_a_job_board_is_a_source_and_its_names_lead_to_it():
    # QA10 F9: NHS Jobs, Indeed and Reed were "other".
    assert parse_choice(Source, "job-board", "--source") is Source.JOB_BOARD
    for typed in ("NHS Jobs", "Indeed", "reed"):
        with pytest.raises(InvalidInputError, match=r"; did you mean 'job-board'\?$"):
            parse_choice(Source, typed, "--source")


def test_a_source_not_in_the_list_is_sent_to_other_and_the_notes():
    # QA12 F8: Xing (and a meetup, a newsletter) has no choice; StepStone is a job board.
    with pytest.raises(InvalidInputError) as caught:
        parse_choice(Source, "Xing", "--source")
    assert str(caught.value).endswith(
        "; if none fits, use other and say where in --notes, e.g. --notes 'via Xing'"
    )
    with pytest.raises(InvalidInputError, match=r"; did you mean 'job-board'\?$"):
        parse_choice(Source, "StepStone", "--source")
    with pytest.raises(InvalidInputError, match=r"is not one of: screen, .*, other$"):
        parse_choice(RoundKind, "Xing", "--kind")

"""Reading a sheet of applications: columns by name, cells by the CLI's rules, every problem."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextround.domain.journey import Outcome, RoundKind, Source, WorkMode
from nextround.domain.sheet_stages import StageRound
from nextround.errors import InvalidInputError
from nextround.io.application_csv import MAX_SHEET_BYTES, SheetStage, read_sheet
from nextround.io.job_search_csv import COLUMNS as EXPORT_COLUMNS


def sheet(text: str, encoding: str = "utf-8"):
    return read_sheet(text.encode(encoding), "apps.csv")


def test_columns_are_found_by_name_case_and_spacing_aside() -> None:
    read = sheet(
        " Company ,Job Title,Date Applied,SOURCE,Work-Mode,Link,Tags,Notes,Level,Location\n"
        "Stripe,Software Engineer,2026-10-01,careers page,Remote,https://x.example/1,"
        '"python, go",via a friend,New Grad,Toronto\n'
    )
    assert read.problems == () and read.notes == ()
    (row,) = read.rows
    assert row.line == 2
    assert row.fields == {
        "company": "Stripe",
        "role_title": "Software Engineer",
        "applied_on": date(2026, 10, 1),
        "source": Source.CAREERS_PAGE,
        "work_mode": WorkMode.REMOTE,
        "posting_url": "https://x.example/1",
        "tags": ["python", "go"],
        "notes": "via a friend",
        "level": "New Grad",
        "location": "Toronto",
    }


def test_the_export_with_semicolons_and_a_byte_order_mark_is_read_with_one_note() -> None:
    header = ";".join(EXPORT_COLUMNS)
    cells = dict.fromkeys(EXPORT_COLUMNS, "")
    cells.update(
        id="7", company="Müller & Söhne", role_title="Entwickler", source="job board",
        status="rejected", applied_on="2026-09-30", stage_history="2026-09-30 applied",
        notes="'=not a formula", work_mode="hybrid", rounds="2",
    )  # fmt: skip
    text = "\ufeff" + header + "\r\n" + ";".join(cells.values()) + "\r\n"
    read = sheet(text)
    (row,) = read.rows
    assert row.fields["company"] == "Müller & Söhne"
    assert row.fields["source"] is Source.JOB_BOARD
    assert row.fields["work_mode"] is WorkMode.HYBRID
    # The export guards a cell starting with "=" from spreadsheets; the import takes it back.
    assert row.fields["notes"] == "=not a formula"
    (note,) = read.notes  # the stage columns, in one note; no "unknown column" note
    assert note.startswith("not imported: the export's columns on what happened after applying")
    assert "stage_history" in note and "id" in note and "added as applied" in note


def test_dates_are_read_as_the_command_line_reads_them() -> None:
    read = sheet("company,role,applied\nA,B,27.11.2026\nC,D,2026-11-02\n")
    assert [r.fields["applied_on"] for r in read.rows] == [date(2026, 11, 27), date(2026, 11, 2)]


def test_unknown_columns_are_named_in_one_note() -> None:
    read = sheet("company,role,applied,Salary,Recruiter\nA,B,2026-10-01,100k,Jo\n")
    (note,) = read.notes
    assert note.startswith("ignored the columns Salary, Recruiter: the columns read are company")
    assert len(read.rows) == 1


def test_the_ignored_columns_note_names_the_columns_read_as_the_sheet_heads_them() -> None:
    read = sheet("Company,Job title,Date applied,Work mode,Salary\nA,B,2026-10-01,remote,1\n")
    (note,) = read.notes
    assert note.startswith(
        "ignored the column Salary: the columns read are Company, Job title, Date applied, "
        "Work mode; it can also read level, location, source, method, link, posting text, tags, "
        "notes, status, decision date and stage reached (put anything else in notes)"
    )
    # Never the internal names of the fields.
    assert "role_title" not in note and "work_mode" not in note and "decided_on" not in note


def test_missing_columns_are_named_with_the_names_accepted() -> None:
    with pytest.raises(InvalidInputError) as raised:
        sheet("Employer,Salary\nA,1\n")
    said = raised.value.message
    assert "needs a column for the role and applied date" in said
    assert "found 'Employer', 'Salary'" in said
    assert "role: role, role_title, title, job_title" in said
    assert "applied date: applied, applied_on, date_applied" in said


def test_every_bad_row_is_reported_with_its_line_and_nothing_else_is_lost() -> None:
    read = sheet(
        "company,role,applied,source,work mode\n"
        "A,B,2026-10-01,,\n"
        "\n"
        ",B,31.02.2026,xing,\n"
        '"Multi\nline",B,2026-10-01,,\n'
        "C,,,linkdin,garden\n"
    )
    assert [r.line for r in read.rows] == [2, 5]  # a blank line is skipped, counted
    assert "source" not in read.rows[0].fields  # blank: other, as app add leaves it
    bad = {p.line: p.message for p in read.problems}
    assert set(bad) == {4, 7}  # the row after a two-line cell starts on line 7
    assert bad[4].startswith("company is empty; applied date '31.02.2026' is not a day")
    # QA17 F6: a channel the list lacks is no longer a problem: other, named in the notes.
    assert "source" not in bad[4] and "source" not in bad[7]
    assert bad[7].startswith("role is empty; applied date is empty; give the day you applied")
    assert "work mode 'garden' is not one of: onsite, hybrid, remote" in bad[7]


def test_a_column_given_twice_is_refused_and_a_synonym_gives_way() -> None:
    with pytest.raises(InvalidInputError, match="the columns 'company' and 'Company' both give"):
        sheet("company,role,applied,Company\nA,B,2026-10-01,C\n")
    # "role" and "title": the field's own name is read, the other is reported as ignored.
    read = sheet("title,role,applied,company\nX,Y,2026-10-01,Z\n")
    assert read.rows[0].fields["role_title"] == "Y"
    assert read.notes and "ignored the column title" in read.notes[0]


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b"%PDF-1.7 ...", "apps.csv is a PDF document, not a CSV file"),
        (b"company,role,applied\nA\x81,B,2026-10-01\n", "neither UTF-8 nor Windows-1252"),
        (b"company,role,applied\nA\xe9\x01,B,2026-10-01\n", "holds binary data"),
        (b"company,role,applied\nA\x00,B,2026-10-01\n", "holds binary data"),
        (b"x" * (MAX_SHEET_BYTES + 1), "may be at most 5 MB"),
        (b'company,role,applied\n"A,B,2026-10-01\n', "line 2: a quoted cell is never closed"),
    ],
)
def test_what_is_no_sheet_is_refused_with_what_to_do(raw: bytes, said: str) -> None:
    with pytest.raises(InvalidInputError, match=said):
        read_sheet(raw, "apps.csv")


def test_tags_are_split_on_commas_or_semicolons() -> None:
    read = sheet('company;role;applied;tags\nA;B;2026-10-01;"remote, python; dream job"\n')
    assert read.rows[0].fields["tags"] == ["remote", "python", "dream job"]


def test_a_sheet_excel_saved_in_windows_1252_is_read_and_says_so() -> None:
    text = (
        "Company;Role;Applied;Location;Notes\r\n"
        "Société Générale;Analyst – Risk;2026-10-01;Zürich;“dream” job\r\n"
    )
    read = sheet(text, "cp1252")
    assert read.encoding == "cp1252"
    fields = read.rows[0].fields
    assert fields["company"] == "Société Générale" and fields["role_title"] == "Analyst – Risk"
    assert fields["location"] == "Zürich" and fields["notes"] == "“dream” job"
    assert read.notes[0].startswith("read as Windows-1252 (not UTF-8)")
    assert "save the sheet as CSV UTF-8" in read.notes[0]
    utf8 = sheet(text)
    assert utf8.encoding == "utf-8" and utf8.notes == ()
    assert utf8.rows[0].fields == fields


def test_today_and_yesterday_are_read_as_the_date_options_read_them() -> None:
    read = sheet("company,role,applied\nA,B,today\nC,D, Yesterday \n")
    today = date.today()
    assert [r.fields["applied_on"] for r in read.rows] == [today, today - timedelta(days=1)]


def test_each_problem_has_its_column_as_headed_and_what_to_fix() -> None:
    read = sheet("Company,Job title,Date applied,Work mode\n,B,2026-13-01,garden\n")
    (row,) = read.problems
    assert [(c.column, c.problem) for c in row.cells] == [
        ("Company", "company is empty"),
        ("Date applied", "applied date '2026-13-01' has no month 13"),
        ("Work mode", "work mode 'garden' is not one of: onsite, hybrid, remote"),
    ]  # fmt: skip
    assert row.cells[0].fix is None
    assert row.cells[1].fix == "months go from 01 to 12 (YYYY-MM-DD)"
    assert row.message.startswith("company is empty; applied date '2026-13-01' has no month 13;")


def test_a_uk_sheet_is_read_its_dates_day_first_its_boards_kept_in_notes() -> None:
    # QA17 F2, F6: the shapes of Tomás's sheet, as UK Excel saves it.
    read = sheet(
        "Company,Role,Date applied,Source,Notes\n"
        "Arm,Graduate SWE,02/08/2026,Careers page,\n"
        "Sky,Graduate Scheme,5 Aug 2026,Gradcracker,OA 90 mins\n"
        "THG,Graduate SWE,8/8/26,Indeed,\n"
        "Deloitte,Technology Graduate,16/08/2026,Xing,\n"
        "JP Morgan,SWE Programme,12.08.2026,job board,\n"
    )
    assert read.problems == ()
    assert [r.fields["applied_on"] for r in read.rows] == [
        date(2026, 8, 2), date(2026, 8, 5), date(2026, 8, 8), date(2026, 8, 16), date(2026, 8, 12)
    ]  # fmt: skip
    assert [r.fields["source"] for r in read.rows] == [
        Source.CAREERS_PAGE, Source.JOB_BOARD, Source.JOB_BOARD, Source.OTHER, Source.JOB_BOARD
    ]  # fmt: skip
    assert [r.fields.get("notes") for r in read.rows] == [
        None, "via Gradcracker; OA 90 mins", "via Indeed", "via Xing", None
    ]  # fmt: skip
    assert read.notes == (
        "read the dates of the column Date applied such as 02/08/2026 day first (2 August "
        "2026), as line 5's 16/08/2026 can only be",
        "read the names in the column Source as channels: Gradcracker, Indeed as job board; "
        "Xing as other (each name kept in the notes, e.g. 'via Gradcracker')",
    )


def test_a_persons_status_column_and_its_decision_dates_are_read() -> None:
    read = sheet(
        "Company,Role,Applied,Status,Closed on\n"
        "A,B,02/08/2026,rejected after OA,20/08/2026\n"
        "C,D,2026-08-04,ghosted,\n"
        "E,F,2026-08-05,OA sent,2026-09-01\n"
        "G,H,2026-08-06,on hold,\n"
    )
    assert read.problems == () and read.column("status") == "Status"
    statuses = [r.status for r in read.rows]
    assert all(s is not None for s in statuses)
    first, ghosted, live, unknown = (s for s in statuses if s is not None)
    assert first.said == "rejected after OA" and first.decided_on == date(2026, 8, 20)
    assert first.meaning is not None and first.meaning.outcome is Outcome.REJECTION
    assert ghosted.meaning is not None and ghosted.meaning.outcome is Outcome.NO_RESPONSE
    assert ghosted.decided_on is None
    # An open process's date is not a decision's.
    assert live.meaning is not None and live.meaning.outcome is None and live.decided_on is None
    assert unknown.meaning is None
    # "your column" is no export's: no note says "the export's columns".
    assert not any("export" in n for n in read.notes)


def test_a_bad_decision_date_is_a_problem_of_its_column() -> None:
    read = sheet("Company,Role,Applied,Status,Closed on\nA,B,2026-08-02,rejected,soon\n")
    (problem,) = read.problems
    assert problem.cells[0].column == "Closed on"
    assert problem.cells[0].problem == "decision date 'soon' is not a date"


def test_an_exports_status_and_decision_are_not_read_as_before() -> None:
    read = sheet(
        "company,role_title,applied_on,status,decided_on,outcome,stage_history\n"
        "A,B,2026-08-02,rejected,2026-08-20,rejection,applied 2026-08-02\n"
    )
    (row,) = read.rows
    assert row.status is None and read.column("status") is None
    assert read.notes[0].startswith(
        "not imported: the export's columns on what happened after applying (status, "
        "decided_on, outcome, stage_history)"
    )


def test_a_stage_reached_column_is_read_with_the_rounds_it_names() -> None:
    read = sheet("Company,Role,Applied,Stage reached\nA,B,2026-10-01,OA\nC,D,2026-10-01,Chat\n")
    assert read.notes == ()  # the column is read, not ignored
    assert [r.stage for r in read.rows] == [
        SheetStage("OA", (StageRound("OA", RoundKind.ASSESSMENT),)),
        SheetStage("Chat", None),
    ]


def test_how_applied_is_read_from_a_method_column_in_the_words_a_work_search_log_uses() -> None:
    from nextround.domain.journey import ApplyMethod

    read = sheet(
        "Company,Role,Applied,Contact method\n"
        "Kettleby,CSM,2026-10-01,In person\n"
        "Tessellate,CSM,2026-10-02,e-mail\n"
        "Corvid,CSM,2026-10-03,\n"
    )
    assert read.problems == ()
    assert [r.fields.get("method") for r in read.rows] == [
        ApplyMethod.IN_PERSON,
        ApplyMethod.EMAIL,
        None,
    ]


def test_a_method_it_does_not_know_is_refused_naming_its_line() -> None:
    read = sheet("Company,Role,Applied,Method\nKettleby,CSM,2026-10-01,carrier pigeon\n")
    assert read.problems and "carrier pigeon" in str(read.problems[0])

"""`nextround app import`: a spreadsheet of applications in one go, safe to run again."""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import date

from nextround.domain.calendar_days import MONTH_NAMES
from tests.e2e.conftest import Cli, cli_env, full_dump

#: The fields an import reads from the export, which a round trip must keep.
KEPT = ("company", "role_title", "level", "location", "work_mode", "source", "applied_on",
        "posting_url", "notes", "tags")  # fmt: skip

SHEET = (
    "Company,Role,Applied,Source,Location,Salary\n"
    "Stripe,Software Engineer New Grad,2026-10-01,careers-page,Toronto,120k\n"
    "Shopify,Backend Developer,01.10.2026,referral,Remote,\n"
    "Stripe,Software Engineer New Grad,2026-10-01,careers-page,Toronto,120k\n"
)


def _rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def test_export_csv_imports_into_a_fresh_database(seeded, tmp_path) -> None:
    cli, _ = seeded
    exported = tmp_path / "search.csv"
    cli.ok("export", "csv", "-o", str(exported))
    fresh = Cli(str(tmp_path / "fresh.sqlite3"), cli_env(tmp_path / "fresh"), tmp_path)
    out = " ".join(fresh.ok("app", "import", str(exported)).split())
    before = _rows(exported.read_text(encoding="utf-8-sig"))
    assert f"Added {len(before)} applications (ids 1 to {len(before)})." in out
    assert out.startswith("Note: not imported: the export's columns on what happened")
    after = _rows(fresh.ok("export", "csv"))
    assert [{k: r[k] for k in KEPT} for r in after] == [{k: r[k] for k in KEPT} for r in before]
    # The semicolon export for German Excel, with its byte-order mark, on standard input:
    # the same applications, all on record now.
    semicolons = cli.ok("export", "csv", "--semicolon")
    again = json.loads(fresh.ok("app", "import", "-", "--json", stdin=semicolons))
    assert again["added"] == [] and len(again["skipped"]) == len(before)
    assert [s["same_as"] for s in again["skipped"]] == list(range(1, len(before) + 1))


def test_dry_run_then_import_then_run_again(cli: Cli, tmp_path) -> None:
    sheet = tmp_path / "apps.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    cli.ok("init")
    before = full_dump(cli.db)
    dry = " ".join(cli.ok("app", "import", str(sheet), "--dry-run").split())
    assert "Dry run, nothing was added: would add 2 applications; would skip 1 (repeated in " \
        "the file: 1)." in dry  # fmt: skip
    assert "add line 3: Shopify, Backend Developer (applied 2026-10-01)" in dry
    assert "Note: ignored the column Salary" in dry
    assert full_dump(cli.db) == before
    done = " ".join(cli.ok("app", "import", str(sheet)).split())
    assert "Added 2 applications (ids 1 to 2), skipped 1 (repeated in the file: 1)." in done
    assert "skip line 4: Stripe, Software Engineer New Grad (applied 2026-10-01): repeats " \
        "line 2" in done  # fmt: skip
    after = full_dump(cli.db)
    rerun = " ".join(cli.ok("app", "import", str(sheet)).split())
    assert "Added nothing, skipped 3 (already tracked: 3)." in rerun
    assert "already tracked as application 1" in rerun
    assert full_dump(cli.db) == after


def test_json_gives_the_added_applications_as_app_add_does(cli: Cli) -> None:
    result = cli("app", "import", "-", "--json", stdin=SHEET)
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert set(doc) == {"added", "skipped", "notes", "dry_run", "encoding"}
    assert doc["encoding"] == "utf-8"
    first = doc["added"][0]
    shown = json.loads(cli.ok("app", "show", str(first["id"]), "--json"))
    assert {k: shown[k] for k in ("company", "role_title", "applied_on", "source", "status")} == {
        k: first[k] for k in ("company", "role_title", "applied_on", "source", "status")
    }
    assert (first["line"], first["source"], first["status"]) == (2, "careers_page", "applied")
    assert doc["skipped"] == [
        {"line": 4, "company": "Stripe", "role_title": "Software Engineer New Grad",
         "applied_on": "2026-10-01", "same_as": None, "repeats_line": 2},
    ]  # fmt: skip
    assert doc["dry_run"] is False and "Salary" in doc["notes"][0]


def test_bad_rows_add_nothing_and_are_listed_by_line(cli: Cli, tmp_path) -> None:
    sheet = tmp_path / "apps.csv"
    sheet.write_text(SHEET + "Acme,Engineer,2026-13-01,xing,,\n,Ops,2026-10-01,,,\n", "utf-8")
    cli.ok("init")
    before = full_dump(cli.db)
    result = cli("app", "import", str(sheet))
    assert result.code == 2 and result.out == ""
    lines = result.err.splitlines()
    assert lines[0] == f"error: {sheet}: 2 rows to fix; nothing was added. Fix them and import " \
        "the file again:"  # fmt: skip
    assert lines[1].startswith("  line 5: applied date '2026-13-01' has no month 13")
    assert "source" not in lines[1]  # QA17 F6: 'xing' is read as other, named in the notes
    assert lines[2] == "  line 6: company is empty"
    assert full_dump(cli.db) == before
    as_json = cli("app", "import", str(sheet), "--json")
    said = json.loads(as_json.err)
    assert as_json.code == 2 and said["code"] == 2 and said["error"].startswith(str(sheet))
    assert [(r["line"], r["column"]) for r in said["rows"]] == [(5, "Applied"), (6, "Company")]
    assert said["rows"][0] == {
        "line": 5,
        "column": "Applied",
        "problem": "applied date '2026-13-01' has no month 13",
        "fix": "months go from 01 to 12 (YYYY-MM-DD)",
    }


def test_a_missing_file_a_missing_column_and_a_binary_file(cli: Cli, tmp_path) -> None:
    missing = cli("app", "import", str(tmp_path / "nope.csv"))
    assert missing.code == 3 and "no such file" in missing.err
    header = cli("app", "import", "-", stdin="name,when\nx,y\n")
    assert header.code == 2
    assert "the header row needs a column for the company, role and applied date" in header.err
    picture = tmp_path / "apps.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    binary = cli("app", "import", str(picture))
    assert binary.code == 2 and "is a PNG image, not a CSV file" in binary.err


def test_five_hundred_rows_are_quick_and_load_no_model(cli: Cli, tmp_path) -> None:
    sheet = tmp_path / "many.csv"
    rows = [f"Company {n},Engineer,2026-10-{1 + n % 28:02d},linkedin" for n in range(500)]
    sheet.write_text("company,role,applied,source\n" + "\n".join(rows) + "\n", "utf-8")
    started = time.perf_counter()
    out = cli.ok("app", "import", str(sheet))
    # Well under the 23 s of 26 `app add` calls; generous for a loaded 2-core machine.
    assert time.perf_counter() - started < 6
    assert "Added 500 applications (ids 1 to 500)." in out
    modules = cli.imported("app", "import", str(sheet))
    assert not {"onnxruntime", "tokenizers", "torch", "numpy"} & modules


def test_the_help_has_an_example_and_the_columns(cli: Cli) -> None:
    shown = " ".join(cli.ok("app", "import", "--help").split())
    assert "nextround app import applications.csv --dry-run" in shown
    assert "company, role, applied" in shown and "--json" in shown


def test_a_sheet_excel_saved_on_windows_is_read_as_windows_1252(cli: Cli, tmp_path) -> None:
    sheet = tmp_path / "apps.csv"
    row = "Société Générale;Analyst – Risk;yesterday;Zürich"
    sheet.write_bytes(f"Company;Role;Applied;Location\r\n{row}\r\n".encode("cp1252"))
    out = " ".join(cli.ok("app", "import", str(sheet)).split())
    assert out.startswith("Note: read as Windows-1252 (not UTF-8)")
    assert "Added 1 application (id 1)." in out
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert (shown["company"], shown["role_title"]) == ("Société Générale", "Analyst – Risk")
    assert shown["location"] == "Zürich"
    doc = json.loads(cli.ok("app", "import", str(sheet), "--json", "--dry-run"))
    assert doc["encoding"] == "cp1252" and doc["notes"][0].startswith("read as Windows-1252")


#: QA17: a student's sheet as UK Excel saves it: dates day first, his own statuses, boards.
STUDENT_SHEET = (
    "Company,Role,Date applied,Location,Source,Status,Stage reached,Notes\n"
    "Arm,Graduate Software Engineer,02/08/2026,Manchester,Careers page,ghosted,,\n"
    "Sky,Graduate Scheme,2026-08-04,Leeds,Gradcracker,OA sent,HackerRank OA,OA 90 mins\n"
    "BAE Systems,Graduate Software Engineer,5 Aug 2026,Manchester,careers page,"
    "rejected after AC,Assessment centre,Group exercise\n"
    "The Hut Group,Graduate Software Engineer,8/8/26,Manchester,Indeed,ghosted,,\n"
    "Deloitte,Technology Graduate,16/08/2026,Manchester,job board,no response,,\n"
    "Unilever,Future Leaders,2026-10-05,London,Careers page,withdrawn,,\n"
    "Startup XYZ,Full Stack Developer,2026-10-20,Remote,Hackernews,interviewing,Take home,\n"
    "Arm,Graduate Software Engineer,02/08/2026,Manchester,Careers page,ghosted,,duplicate\n"
)


def test_a_students_uk_sheet_is_checked_then_imported_with_its_endings(cli: Cli, tmp_path):
    sheet = tmp_path / "tomas.csv"
    sheet.write_text(STUDENT_SHEET, encoding="utf-8")
    cli.ok("init")
    before = full_dump(cli.db)
    dry = " ".join(cli.ok("app", "import", str(sheet), "--dry-run").split())
    assert full_dump(cli.db) == before
    assert "Note: read the dates of the column Date applied such as 02/08/2026 day first " \
        "(2 August 2026), as line 6's 16/08/2026 can only be." in dry  # fmt: skip
    assert "Note: read the names in the column Source as channels: Gradcracker, Indeed as " \
        "job board; Hackernews as other (each name kept in the notes" in dry  # fmt: skip
    assert "Note: read your Status column as how each application ended: closed 3 as no " \
        "response, 1 as rejection, 1 as withdrawal; 2 applications stay open (5 decisions " \
        "kept with their day not known" in dry  # fmt: skip
    assert "the export's columns" not in dry and "ignored the column" not in dry
    assert "Note: added 3 rounds to 3 applications from your Stage reached column" in dry
    assert "Dry run, nothing was added: would add 7 applications; would skip 1" in dry
    assert "add line 4: BAE Systems, Graduate Software Engineer (applied 2026-08-05); round " \
        "Assessment centre (assessment centre, rejected); closed as rejection, day not known " \
        "(rejected after AC)" in dry  # fmt: skip
    assert "add line 5: The Hut Group, Graduate Software Engineer (applied 2026-08-08); " \
        "closed as no response, day not known" in dry  # fmt: skip
    done = json.loads(cli.ok("app", "import", str(sheet), "--json"))
    statuses = {a["company"]: a["status"] for a in done["added"]}
    assert statuses == {
        "Arm": "no_response", "Sky": "screening", "BAE Systems": "rejected",
        "The Hut Group": "no_response", "Deloitte": "no_response", "Unilever": "withdrawn",
        "Startup XYZ": "interviewing",  # their Stage reached: an OA, a take-home
    }  # fmt: skip
    hut = json.loads(cli.ok("app", "show", "4", "--json"))
    assert hut["source"] == "job_board" and hut["notes"] == "via Indeed"
    assert hut["applied_on"] == "2026-08-08"
    # The day applied stands in for the order only: JSON gives no made-up day.
    assert [(d["outcome"], d["decided_on"], d["day_known"]) for d in hut["decisions"]] == [
        ("no_response", None, False)
    ]
    events = json.loads(cli.ok("timeline", "4", "--json"))["events"]
    assert [(e["on"], e["day_known"]) for e in events if e["kind"] == "decision"] == [(None, False)]
    # QA21 F9: shown, exported and counted as a day not known, until given one.
    assert "Decision no response (day not known)" in " ".join(cli.ok("app", "show", "4").split())
    rows = {r["company"]: r for r in csv.DictReader(io.StringIO(cli.ok("export", "csv")))}
    assert (rows["The Hut Group"]["outcome"], rows["The Hut Group"]["decided_on"]) == (
        "no response",
        "",
    )
    assert rows["The Hut Group"]["stage_history"].endswith("decision no response (day not known)")
    kept = cli.ok("decision", "edit", "4", "--reason", "never heard back")  # still unknown
    assert "Application 4: no response (day not known)" in " ".join(kept.split())
    backup = json.loads(cli.ok("export", "json"))
    # The backup keeps the stand-in beside day_known false: a restore orders it the same.
    [row] = [d for d in backup["tables"]["decisions"] if d["application_id"] == 4]
    assert (row["decided_on"], row["day_known"]) == ("2026-08-08", False)
    assert json.loads(cli.ok("app", "show", "4", "--json"))["decisions"][0]["day_known"] is False
    # QA22 F5: a round after the stand-in day asks for the decision's day, not a reopening.
    late = cli("round", "add", "4", "Phone screen", "--on", "2026-08-20")
    assert late.code == 2
    said = " ".join(late.err.split())
    assert "the day of the no response that closed application 4 is not known" in said
    assert "`nextround decision edit 4 --on DATE`" in said and "reopen" not in said
    cli.ok("decision", "edit", "4", "--on", "2026-09-30")
    assert "Round 1 marked" in " ".join(
        cli.ok("round", "add", "4", "Phone screen", "--on", "2026-08-20").split()
    )
    [given] = json.loads(cli.ok("app", "show", "4", "--json"))["decisions"]
    assert (given["decided_on"], given["day_known"]) == ("2026-09-30", True)


def test_stats_leave_the_imported_stages_out_of_the_median_days_and_say_so(cli: Cli, tmp_path):
    sheet = tmp_path / "tomas.csv"
    sheet.write_text(STUDENT_SHEET, encoding="utf-8")
    cli.ok("init")
    cli.ok("app", "import", str(sheet))
    # Monzo, added by hand with its screen on its own day: 14 days after applying.
    cli.ok("app", "add", "Monzo", "Graduate Engineer", "--applied", "2026-08-02")
    cli.ok("round", "add", "8", "Phone screen", "--kind", "screen", "--on", "2026-08-16")
    shown = " ".join(cli.ok("stats").split())
    # Sky's OA, BAE's assessment centre and Startup XYZ's take-home: no day in the sheet.
    assert "Left out of the median days: 3 applications whose rounds came from a " \
        "spreadsheet's stage column, dated the day applied" in shown  # fmt: skip
    gaps = json.loads(cli.ok("stats", "--json"))["stage_gaps"]
    assert (gaps[0]["median_days"], gaps[0]["samples"], gaps[0]["left_out"]) == (14, 1, 3)
    # Given its real day, Sky's OA counts: 20 Aug is 16 days after 4 Aug.
    assert json.loads(cli.ok("app", "show", "2", "--json"))["company"] == "Sky"
    cli.ok("round", "edit", "2", "1", "--on", "2026-08-20")
    gaps = json.loads(cli.ok("stats", "--json"))["stage_gaps"]
    assert (gaps[0]["median_days"], gaps[0]["samples"], gaps[0]["left_out"]) == (15, 2, 2)
    assert "Left out of the median days: 2 applications" in " ".join(cli.ok("stats").split())


def test_a_sheet_whose_dates_could_be_either_order_asks_and_dates_answers(cli: Cli, tmp_path):
    sheet = tmp_path / "us.csv"
    sheet.write_text("Company,Role,Applied\nA,B,02/08/2026\nC,D,8/9/26\n", encoding="utf-8")
    cli.ok("init")
    asked = cli("app", "import", str(sheet))
    assert asked.code == 2
    said = " ".join(asked.err.split())
    assert "the column 'Applied' has dates such as 02/08/2026 (line 2: 02/08/2026, line 3: " \
        "8/9/26) that could have the day or the month first" in said  # fmt: skip
    assert "add --dates day-first (UK, Europe: 02/08/2026 is 2 August) or --dates month-first" \
        in said  # fmt: skip
    done = json.loads(cli.ok("app", "import", str(sheet), "--dates", "month-first", "--json"))
    assert [a["applied_on"] for a in done["added"]] == ["2026-02-08", "2026-08-09"]
    assert "as you chose" in done["notes"][0]
    wrong = cli("app", "import", str(sheet), "--dates", "sideways")
    assert wrong.code == 2 and "--dates 'sideways' is not one of: day-first, month-first" in (
        wrong.err
    )


def test_a_column_with_both_orders_is_refused_naming_its_lines(cli: Cli, tmp_path) -> None:
    sheet = tmp_path / "mixed.csv"
    sheet.write_text("Company,Role,Applied\nA,B,16/08/2026\nC,D,08/17/2026\n", encoding="utf-8")
    cli.ok("init")
    mixed = cli("app", "import", str(sheet), "--dry-run")
    assert mixed.code == 2
    assert "the column 'Applied' has dates with the day first (line 2: 16/08/2026) and dates " \
        "with the month first (line 3: 08/17/2026)" in " ".join(mixed.err.split())  # fmt: skip


def test_dates_with_a_time_are_read_the_time_kept_only_for_an_interview(cli: Cli, tmp_path):
    sheet = tmp_path / "timed.csv"
    sheet.write_text(
        "Company,Role,Date applied\nA,B,05/08/2026 10:00\nC,D,16/08/2026 09:30\n"
        "E,F,5 Aug 2026 10:00\nG,H,2026-08-05 10:00\n",
        encoding="utf-8",
    )
    cli.ok("init")
    done = json.loads(cli.ok("app", "import", str(sheet), "--json"))
    assert [a["applied_on"] for a in done["added"]] == [
        "2026-08-05", "2026-08-16", "2026-08-05", "2026-08-05",
    ]  # fmt: skip
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "5 Aug 2026 10:00")
    assert json.loads(cli.ok("app", "show", "1", "--json"))["rounds"][0]["started_on"] == (
        "2026-08-05"
    )
    at = ("--at", "5 Aug 2026 10:00", "--tz", "Europe/London")
    added = json.loads(cli.ok("interview", "add", "1", "Call", *at, "--json"))
    assert added["scheduled_at"] == "2026-08-05T09:00:00+00:00"  # 10:00 in London (BST)


def test_the_stage_reached_and_a_status_naming_one_add_the_rounds(cli: Cli, tmp_path) -> None:
    sheet = tmp_path / "stages.csv"
    sheet.write_text(
        "Company,Role,Applied,Status,Stage reached\n"
        'A,B,2026-08-04,in progress,"OA, phone screen"\n'
        "C,D,2026-08-05,Rejected at assessment centre,\n"
        "E,F,2026-08-06,rejected after OA,Final round\n"
        "G,H,2026-08-07,ghosted,Spoke to Bob\n"
        "I,J,2026-08-08,rejected after 2 weeks,\n",
        encoding="utf-8",
    )
    cli.ok("init")
    before = full_dump(cli.db)
    dry = " ".join(cli.ok("app", "import", str(sheet), "--dry-run").split())
    assert full_dump(cli.db) == before
    assert "add line 2: A, B (applied 2026-08-04); rounds OA (online assessment, passed), " \
        "Phone screen (screen, pending)" in dry  # fmt: skip
    assert "add line 3: C, D (applied 2026-08-05); round Assessment centre (assessment " \
        "centre, rejected); closed as rejection" in dry  # fmt: skip
    # The stage column says more than the status: its round, not the status's.
    assert "add line 4: E, F (applied 2026-08-06); round Final round (final loop, rejected)" \
        in dry  # fmt: skip
    assert "add line 6: I, J (applied 2026-08-08); closed as rejection" in dry
    assert "Note: added 4 rounds to 3 applications" in dry
    assert "each dated the day applied, the earliest it can have been" in dry
    assert "Note: stages not recognised, so no round was added for them: 'Spoke to Bob' " \
        "(line 5)" in dry  # fmt: skip
    cli.ok("app", "import", str(sheet))
    first = json.loads(cli.ok("app", "show", "1", "--json"))
    assert [(r["name"], r["kind"], r["mode"], r["started_on"], r["outcome"])
            for r in first["rounds"]] == [
        ("OA", "assessment", None, "2026-08-04", "passed"),
        ("Phone screen", "screen", "phone", "2026-08-04", "pending"),
    ]  # fmt: skip
    assert json.loads(cli.ok("app", "show", "4", "--json"))["rounds"] == []


def test_a_cell_that_is_no_date_is_told_the_forms_the_sheet_reads(cli: Cli, tmp_path) -> None:
    """QA21 F13: 'use YYYY-MM-DD, e.g. 2025-05-14' named one form of many, a year old."""
    today = date.today()
    said = f"{today.day} {MONTH_NAMES[today.month - 1][:3]} {today.year}"
    sheet = tmp_path / "apps.csv"
    sheet.write_text(
        "Company,Role,Applied\nMonzo,Staff DS,next week\n"
        "Sky,Lead DS,16/10/2026\nWise,Lead DS,sometime\n",
        "utf-8",
    )
    cli.ok("init")
    result = cli("app", "import", str(sheet))
    assert result.code == 2
    lines = result.err.splitlines()
    # A column of day-first dates: its order is offered first, and today works there too.
    day_first = f"{today.day:02d}/{today.month:02d}/{today.year}"
    assert lines[1] == f"  line 2: applied date 'next week' is not a date; write it as " \
        f"{day_first}, {today.isoformat()}, {said}, today or yesterday"  # fmt: skip
    assert "2025" not in result.err
    plain = tmp_path / "iso.csv"
    plain.write_text("Company,Role,Applied\nMonzo,Staff DS,next week\n", "utf-8")
    result = cli("app", "import", str(plain), "--json")
    (row,) = json.loads(result.err)["rows"]
    assert row["fix"] == f"write it as {today.isoformat()}, {said}, today or yesterday"

"""--json for scripts: what a saving command prints, and errors as exit codes and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import dump


def _json(cli, *args: str) -> dict:
    return json.loads(cli.ok(*args, "--json"))


def test_every_saving_command_prints_what_it_saved_as_show_json_does(seeded):
    """A script gets each new id from --json, in the shape `show --json` gives the object."""
    cli, _ = seeded
    app = _json(cli, "app", "add", "Kestrel", "Analyst", "--applied", "2025-09-01")
    app_id = str(app["id"])
    round_ = _json(cli, "round", "add", app_id, "Screen", "--on", "2025-09-03")
    interview = _json(cli, "interview", "add", app_id, "Call", "--at", "2025-09-03T10:00")
    contact = _json(cli, "contact", "add", "Maya", "--app", app_id, "--role", "recruiter")
    shown = _json(cli, "app", "show", app_id)
    assert round_["application_id"] == app["id"] and interview["round_id"] == round_["id"]
    # The round as added, its interview since added (which touched its updated_at).
    touched = shown["rounds"][0]["updated_at"]
    assert shown["rounds"] == [{**round_, "interviews": [interview], "updated_at": touched}]
    assert contact == _json(cli, "contact", "show", str(contact["id"]))

    edited_round = _json(cli, "round", "edit", app_id, "1", "--outcome", "passed")
    assert edited_round["outcome"] == "passed"
    assert _json(cli, "app", "show", app_id)["rounds"] == [edited_round]
    edited_interview = _json(cli, "interview", "edit", str(interview["id"]), "--minutes", "30")
    assert edited_interview["duration_minutes"] == 30
    assert _json(cli, "app", "show", app_id)["rounds"][0]["interviews"] == [edited_interview]
    edited_app = _json(cli, "app", "edit", app_id, "--level", "Senior")
    shown = _json(cli, "app", "show", app_id)
    # app show --json is app add's object with what is attached to it.
    assert {k: shown[k] for k in edited_app} == edited_app and edited_app["level"] == "Senior"

    closed = _json(cli, "app", "close", app_id, "--as", "no-response", "--on", "2025-10-01")
    assert closed["status"] == "no_response"  # the stored spelling; --as takes both
    assert closed["decisions"][-1]["outcome"] == "no_response"
    assert closed == {k: v for k, v in _json(cli, "app", "show", app_id).items() if k in closed}


def test_not_found_exits_3_and_a_bad_value_2(seeded, tmp_path):
    cli, _ = seeded
    before = dump(cli.db)
    for args in (["app", "show", "999"], ["feedback", "show", "999"], ["round", "edit", "999"]):
        gone = cli(*args, "--name", "x") if args[0] == "round" else cli(*args)
        assert gone.code == 3 and gone.out == "", gone
        assert gone.err.startswith("error: no ") and gone.err.count("\n") == 1, gone.err
    missing = cli("feedback", "add", "--file", str(tmp_path / "nope.txt"))
    assert missing.code == 3 and "no such file" in missing.err, missing
    for args in (["app", "show", "abc"], ["app", "add", "X", "Y", "--applied", "2026-13-01"]):
        bad = cli(*args)
        assert bad.code == 2 and bad.err.startswith("error: "), bad
    assert dump(cli.db) == before


def test_under_json_an_error_is_one_json_object_on_stderr(seeded):
    cli, _ = seeded
    gone = cli("app", "show", "999", "--json")
    assert gone.code == 3 and gone.out == ""
    assert json.loads(gone.err) == {
        "error": "no application with id 999; see `nextround app list`",
        "code": 3,
    }
    bad = cli("app", "show", "abc", "--json")
    error = json.loads(bad.err)
    assert bad.code == 2 == error["code"] and "Invalid value for 'APP_ID'" in error["error"]
    refused = cli("app", "add", "X", "Y", "--applied", "2026-13-01", "--json")
    assert refused.code == 2 and json.loads(refused.err)["error"].startswith("--applied ")
    # Without --json, the same line as ever.
    assert cli("app", "show", "999").err.startswith("error: no application with id 999")


def test_help_lists_the_exit_codes(cli):
    said = " ".join(cli.ok("--help").split())
    assert "Exit codes: 0 done; 1 aborted" in said
    assert "3 not found (no such id or file)" in said
    assert "4 the database could not be reached (server down or network; try again later)" in said


def test_under_json_the_notes_text_would_give_go_to_stderr(seeded):
    """A script's stdout stays one JSON document; the person running it is still told."""
    cli, _ = seeded
    app_id = str(_json(cli, "app", "add", "Kestrel", "Analyst", "--applied", "2025-09-01")["id"])
    cli.ok("contact", "add", "Maya Berg", "--app", app_id)
    twice = cli("contact", "add", "Maya Berg", "--app", app_id, "--json")
    assert twice.code == 0 and json.loads(twice.out)["name"] == "Maya Berg"
    assert "Maya Berg was on application" in " ".join(twice.err.split()), twice.err

    cli.ok("round", "add", app_id, "Screen", "--on", "2025-09-03")
    went_on = cli("round", "add", app_id, "Hiring manager", "--on", "2025-09-10", "--json")
    assert json.loads(went_on.out)["position"] == 2
    assert "passed" in went_on.err and "Screen" in went_on.err, went_on.err

    met = cli("interview", "add", app_id, "Call", "--at", "2025-09-10T10:00", "--with",
              "Ola Nordmann, Engineer", "--json")  # fmt: skip
    assert json.loads(met.out)["title"] == "Call"
    assert "as interviewer: Ola Nordmann" in " ".join(met.err.split()), met.err


def test_import_json_and_import_resume_print_what_they_stored(seeded, cli, tmp_path):
    source, _ = seeded
    backup = tmp_path / "backup.json"
    source.ok("export", "json", "-o", str(backup))
    restored = json.loads(cli.ok("import", "json", str(backup), "--json"))
    assert restored["restored"]["applications"] == len(
        json.loads(source.ok("app", "list", "--json"))
    )
    assert restored["replaced"] == {} and restored["kept"] is None
    again = json.loads(cli.ok("import", "json", str(backup), "--replace", "--yes", "--json"))
    assert again["replaced"] == restored["restored"] and Path(again["kept"]).is_file()
    bad = cli("import", "json", str(tmp_path / "nope.json"), "--json")
    assert bad.code == 3 and json.loads(bad.err)["code"] == 3 and bad.out == ""

    resume = tmp_path / "cv.md"
    resume.write_text(
        "# Priya Raman\n\n## Experience\n\n### Product Manager at Contoso\n2017 – 2020\n"
        "- Reduced churn by 12% with a risk review of every renewal.\n\n## Projects\n- A toy\n",
        encoding="utf-8",
    )
    done = cli("import", "resume", str(resume), "--json")
    stored = json.loads(done.out)
    assert stored["replaced"] is None and stored["name"] == "Priya Raman"
    shown = json.loads(cli.ok("resume", "show", "--json"))
    assert [h["id"] for r in stored["roles"] for h in r["highlights"]] == [
        h["id"] for r in shown["roles"] for h in r["highlights"]
    ]
    assert "Projects" in done.err  # what was not read, said on stderr as in text

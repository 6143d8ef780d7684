"""`round rm` and `interview rm` through the real command line, on the seeded journey."""

from __future__ import annotations

import json
import re


def _rounds(cli, app_id: int) -> list[tuple[int, str, list[str]]]:
    shown = json.loads(cli.ok("app", "show", str(app_id), "--json"))
    return [
        (r["position"], r["name"], [i["title"] for i in r["interviews"]]) for r in shown["rounds"]
    ]


def test_round_rm_asks_first_and_changes_nothing_on_no(seeded):
    cli, journey = seeded
    before = _rounds(cli, journey.main)
    result = cli("round", "rm", "1", stdin="n\n")
    assert result.code == 1
    assert "Delete round 1 of Tempoline (Screen) with 1 interview?" in result.out
    assert "Round 2 becomes round 1." in result.out
    assert result.err.strip() == "Aborted; nothing was changed."
    assert _rounds(cli, journey.main) == before


def test_round_rm_keeps_the_feedback_heard_in_it_and_renumbers(seeded):
    cli, journey = seeded
    cli.ok(
        "feedback", "add", "The screen went smoothly.", "--app", str(journey.main),
        "--round", "1", "--no-map", "--on", "2025-05-15",
    )  # fmt: skip
    out = cli.ok("round", "rm", "1", "--yes")
    assert "Deleted round 1 of Tempoline (Screen) with 1 interview." in out
    assert "1 feedback item heard in it stays, about the whole application." in out
    assert "Round 2 becomes round 1." in out
    assert re.search(
        r"To file it under another round: `nextround feedback edit \d+ --round N`\.",
        " ".join(out.split()),
    )
    assert _rounds(cli, journey.main) == [
        (1, "Final loop", ["Process-flow whiteboard", "Risk deep dive"])
    ]
    items = json.loads(cli.ok("feedback", "list", "--app", str(journey.main), "--json"))
    kept = [f for f in items if f["text"] == "The screen went smoothly."]
    assert [(f["round_id"], f["interview_id"]) for f in kept] == [(None, None)]


def test_interview_rm_takes_the_debrief_and_files_feedback_under_the_round(seeded):
    cli, journey = seeded
    interview = str(journey.whiteboard)
    cli.ok("debrief", interview, "--overall", "2", "--rate", "systems-thinking=2")
    cli.ok(
        "feedback", "add", "Clear whiteboard.", "--app", str(journey.main),
        "--interview", interview, "--no-map", "--on", "2025-06-12",
    )  # fmt: skip
    out = cli.ok("interview", "rm", interview, "-y")
    assert (
        "Deleted interview 'Process-flow whiteboard' (Tempoline, round 2: Final loop) and its "
        "debrief with 1 self-rating." in " ".join(out.split())
    )
    assert "1 feedback item heard in it stays, about round 2." in " ".join(out.split())
    assert _rounds(cli, journey.main)[1] == (2, "Final loop", ["Risk deep dive"])
    items = json.loads(cli.ok("feedback", "list", "--app", str(journey.main), "--json"))
    kept = [f for f in items if f["text"] == "Clear whiteboard."]
    assert [(f["round_id"], f["interview_id"]) for f in kept] == [(journey.loop_round, None)]
    # The list says where each item was heard, not only which application.
    listed = " ".join(cli.ok("feedback", "list", "--app", str(journey.main)).split())
    assert f"application {journey.main} (Tempoline · Final loop)" in listed


def test_unknown_ids_get_one_line_pointing_to_app_show(seeded):
    cli, _ = seeded
    for args in (("round", "rm", "99", "-y"), ("interview", "rm", "99", "-y")):
        result = cli(*args)
        assert result.code != 0
        assert "see `nextround app show APP`" in result.err
        assert "Traceback" not in result.err


def test_a_decision_recorded_on_the_wrong_application_can_be_deleted(seeded):
    cli, journey = seeded
    silent = str(journey.silent)
    cli.ok("round", "add", silent, "Screen", "--kind", "screen", "--on", "2025-10-10")
    cli.ok("decision", "set", silent, "--outcome", "rejection", "--on", "2025-10-20")
    assert _rounds_outcomes(cli, journey.silent) == ["rejected"]  # the decision closed it
    asked = cli("decision", "rm", silent, stdin="n\n")
    assert asked.code == 1
    assert "Delete the rejection of 2025-10-20 from application" in asked.out
    out = " ".join(cli.ok("decision", "rm", silent, "--yes").split())
    assert out == (
        f"Deleted the rejection of 2025-10-20 from application {silent}; its status is "
        "screening. Round 1 is pending again."
    )
    shown = json.loads(cli.ok("app", "show", silent, "--json"))
    assert shown["decisions"] == [] and shown["status"] == "screening"
    assert _rounds_outcomes(cli, journey.silent) == ["pending"]
    # Reopened after the mistake: deleting takes the decision and its reopening away.
    cli.ok("decision", "set", silent, "--outcome", "rejection", "--on", "2025-10-20")
    cli.ok("app", "reopen", silent, "--on", "2025-10-21")
    cli.ok("decision", "rm", silent, "-y")
    history = cli.ok("export", "csv")
    assert "decision" not in next(line for line in history.splitlines() if "Quiet Co" in line)
    refused = cli("decision", "rm", silent, "-y")
    assert refused.code == 2 and "has no decision to remove" in refused.err


def _rounds_outcomes(cli, app_id: int) -> list[str]:
    shown = json.loads(cli.ok("app", "show", str(app_id), "--json"))
    return [r["outcome"] for r in shown["rounds"]]


def test_edits_clear_optional_fields_with_an_empty_value(seeded):
    cli, journey = seeded
    interview = str(journey.whiteboard)
    out = cli.ok("interview", "edit", interview, "--at", "", "--minutes", "", "--with", "")
    assert "Updated interview" in out
    shown = json.loads(cli.ok("app", "show", str(journey.main), "--json"))
    (board,) = [i for r in shown["rounds"] for i in r["interviews"] if str(i["id"]) == interview]
    assert (board["scheduled_at"], board["duration_minutes"], board["interviewers"]) == (
        None,
        None,
        [],
    )
    bad = cli("interview", "edit", interview, "--minutes", "ninety")
    assert bad.code == 2 and "is not a whole number of minutes" in bad.err
    cli.ok("round", "edit", str(journey.loop_round), "--ended", "", "--mode", "")
    shown = json.loads(cli.ok("app", "show", str(journey.main), "--json"))
    loop = next(r for r in shown["rounds"] if r["id"] == journey.loop_round)
    assert (loop["ended_on"], loop["mode"]) == (None, None)


def test_app_rm_counts_the_sent_note_and_the_rating_before_it_asks(cli):
    import json

    cli.ok("app", "add", "Tempoline", "TPM", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "2026-09-10")
    cli.ok("interview", "add", "1", "Call", "--at", "2026-09-10 10:00")
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", "2026-10-01")
    cli.ok("contact", "add", "Maya Lindgren", "--app", "1", "--role", "recruiter",
           "--email", "maya@x.example")  # fmt: skip
    cli.ok("note", "thank-you", "1", "--variant", "1", "--sent", "2026-10-02")
    cli.ok("options", "rate", "1", "scope=4")
    goes = (
        "TPM at Tempoline with 1 round, 1 interview, 1 decision, 1 thank-you note (1 sent) "
        "and its Option A rating"
    )
    kept = cli("app", "rm", "1", stdin="n\n")
    asked = " ".join(kept.out.split())
    assert f"Delete application 1, {goes}? 1 person on it stays in your contacts." in asked
    assert len(json.loads(cli.ok("note", "list", "--json"))) == 1
    said = " ".join(cli.ok("app", "rm", "1", "--yes").split())
    assert said == f"Deleted application 1, {goes}. 1 person on it stays in your contacts."


def test_every_group_deletes_with_rm_and_remove_or_delete_run_it(cli):
    from tests.e2e.conftest import open_app

    listed = " ".join(cli.ok("--help").split())
    assert "close, reopen, rm." in listed  # the command's real name, not "remove"
    missing = cli("app", "remove", "99", "-y")
    assert "No such command" not in missing.err
    assert "no application with id 99" in missing.err.lower()
    app = open_app(cli)
    try:
        from nextround.services.stories import add_story

        with app.uow() as uow:
            add_story(uow, {"title": "Schema change incident", "competencies": []})
    finally:
        app.close()
    asked = cli("story", "delete", "1", stdin="n\n")
    assert asked.code == 1
    assert "Delete story 1 (Schema change incident)?" in asked.out
    # The aliases run, but the help lists each command once, by its name.
    assert not re.search(r"│ (delete|remove) ", cli.ok("story", "--help"))


MOMENT = "Ana's follow-ups on re-baselining after the conveyor slip: clear answers."


def _draft_quoting_the_moment(cli, tmp_path, app_id: int) -> int:
    """A thank-you note kept unsent whose words recall the debrief's moment; its id."""
    import sys

    from tests.e2e.conftest import Cli

    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "pathlib.Path(sys.argv[1]).write_text('Subject: Thank you\\n\\nDear Ana, I enjoyed our "
        "talk about re-baselining after the conveyor slip.\\n')\n",
        "utf-8",
    )
    with_editor = Cli(cli.db, {**cli.env, "EDITOR": f"{sys.executable} {editor}"}, cli.cwd)
    with_editor.ok("note", "thank-you", str(app_id), "--edit", "--save")
    return json.loads(cli.ok("note", "list", "--json"))[0]["id"]


def test_interview_rm_names_the_draft_quoting_its_debrief_and_an_edit_keeps_it(seeded, tmp_path):
    """Removing the interview would take the draft; editing the moment out only names it."""
    cli, journey = seeded
    interview = str(journey.whiteboard)
    cli.ok("debrief", interview, "--overall", "4", "--went-well", MOMENT)
    note = _draft_quoting_the_moment(cli, tmp_path, journey.main)

    asked = cli("interview", "rm", interview, stdin="n\n")
    assert asked.code == 1
    assert f"Thank-you note {note} (“Thank you”) quotes it and is not sent: deleted with it." in (
        " ".join(asked.out.split())
    )

    out = " ".join(cli.ok("debrief", interview, "--replace", "--went-well", "Fine.").split())
    assert (
        f"Thank-you note {note} (draft) still quotes “re-baselining after the conveyor slip”: "
        f"remove it with `nextround note rm {note}` (and draft another with "
        f"`nextround note thank-you {journey.main}`)" in out
    )
    assert [n["id"] for n in json.loads(cli.ok("note", "list", "--json"))] == [note]
    # Under --json the same words go to standard error; the document stays one.
    again = cli("debrief", interview, "--replace", "--went-well", "Fine.", "--json")
    assert again.code == 0 and "still quotes" not in again.err  # nothing more taken out
    json.loads(again.out)

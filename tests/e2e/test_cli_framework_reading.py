"""Reading feedback on an imported framework, its own plan, and deleting it: with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import full_dump

pytestmark = pytest.mark.model

VALUES = """\
name: Values
competencies:
  - {name: Customer first, description: Starts from what customers need.}
  - {name: Frugality, description: Does more with a small budget.}
  - {name: Ownership, description: Owns the outcome and the risks nobody else is watching.}
"""


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def record(growth_cli, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A recurring risk-management gap on the built-in framework, one plan action done."""
    cli = growth_cli
    cli.ok("app", "add", "Tempoline", "TPM", "--applied", "2026-09-01")
    cli.ok("app", "add", "Orbitra", "TPM", "--applied", "2026-09-01")
    cli.ok("feedback", "add", "Risk management did not come through.", "--app", "1")
    cli.ok(
        "feedback", "add", "She never mitigated the obvious risks.", "--app", "2",
        "--source", "hiring_manager",
    )  # fmt: skip
    cli.ok(
        "feedback", "add", "We reused old servers to save money, well done.", "--source", "mentor"
    )
    for statement in ("1", "2"):
        cli.ok("feedback", "review", "--statement", statement, "--competency", "risk-management")
    cli.ok("plan")
    cli.ok("plan", "done", "mitigate:risk-management:practice-1")
    path = tmp_path / "values.yaml"
    path.write_text(VALUES, encoding="utf-8")
    return cli, path


def test_an_imported_framework_reads_the_feedback_and_the_first_one_comes_back_exactly(record):
    cli, path = record
    profile = cli.ok("profile", "--json")
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    used = _flat(cli.ok("framework", "import", str(path), "--use"))
    assert "leave out 3 feedback statements on nextround core interview competencies" in used
    assert "read it on this one too (its mappings there stay): `nextround feedback map --all`" in (
        used
    )
    empty = _flat(cli.ok("profile"))
    assert "0 pieces of evidence" in empty and "No evidence yet" not in empty
    assert (
        "3 statements of your feedback are mapped on nextround core interview competencies, "
        "not on this framework, so this profile leaves them out. Read them on it too (your "
        "mappings there stay): `nextround feedback map --all`."
    ) in empty
    # The plan is the framework's own: none of the other one's actions, open or done.
    assert json.loads(cli.ok("plan", "--json"))["actions"] == []

    read = _flat(cli.ok("feedback", "map", "--all"))
    assert read.startswith(
        "Reading on Values: 3 statements of 3 pieces of feedback mapped on nextround core "
        "interview competencies. Read 3 pieces of feedback again on Values: 3 statements, "
        "mapped onto its competencies as suggestions;"
    )
    assert "choosing it again (`nextround framework use nextround-core`)" in read
    pending = {
        p["statement"]["text"]: p["statement"]
        for p in json.loads(cli.ok("feedback", "review", "--json"))
    }
    assert {s["framework_id"] for s in pending.values()} == {"values"}
    risk = pending["Risk management did not come through."]
    # The best suggestion on three competencies, not confident enough to pre-select.
    assert (risk["suggestions"][0]["competency_id"], risk["polarity"]) == ("ownership", "gap")
    frugal = pending["We reused old servers to save money, well done."]
    assert frugal["suggestions"][0]["competency_id"] == "frugality"
    cli.ok("feedback", "review", "--statement", str(risk["id"]), "--competency", "Ownership")
    assert "0 pieces of evidence" not in cli.ok("profile")
    again = _flat(cli.ok("feedback", "map", "--all"))
    assert again == "Every piece of feedback is already read on Values; nothing to do."

    back = _flat(cli.ok("framework", "use", "nextround-core"))
    assert back == "Now using nextround core interview competencies (nextround-core)."
    assert cli.ok("profile", "--json") == profile
    assert json.loads(cli.ok("plan", "--json"))["actions"] == plan


def test_one_item_is_read_on_the_framework_in_use_and_shown_there(record):
    cli, path = record
    cli.ok("framework", "import", str(path), "--use")
    shown = _flat(cli.ok("feedback", "show", "1"))
    assert (
        "Read on nextround core interview competencies, not on Values in use: "
        "`nextround feedback map 1` reads it on that one too."
    ) in shown
    mapped = _flat(cli.ok("feedback", "map", "1"))
    assert mapped.startswith(
        "Read feedback 1 on Values; its mappings on nextround core interview competencies stay."
    )
    assert "Risk management did not come through. → Ownership" in mapped
    refused = cli("feedback", "map", "1")
    assert refused.code == 2
    assert "feedback 1 is already split into 1 statement;" in refused.err
    assert cli("feedback", "map").code == 2
    both = cli("feedback", "map", "1", "--all")
    assert both.code == 2 and "give a feedback id or --all, not both" in both.err


def test_deleting_an_imported_framework_asks_first_and_keeps_the_feedback(record):
    cli, path = record
    cli.ok("framework", "import", str(path), "--use")
    cli.ok("feedback", "map", "--all")
    cli.ok("feedback", "review", "--statement", "4", "--competency", "ownership")
    refused = cli("framework", "rm", "values")
    assert refused.code == 2
    assert "is the framework in use, so it cannot be deleted; choose another first" in refused.err
    builtin = cli("framework", "rm", "nextround-core")
    assert builtin.code == 2 and "is the built-in framework" in builtin.err
    cli.ok("framework", "use", "nextround-core")
    before = full_dump(cli.db)
    kept = cli("framework", "rm", "values", stdin="n\n")
    assert kept.code == 1
    assert "Delete Values (values) with its mappings of 3 feedback statements (1 of them " in (
        _flat(kept.out)
    )
    assert full_dump(cli.db) == before
    gone = _flat(cli.ok("framework", "rm", "values", "--yes"))
    assert gone == (
        "Deleted Values (values) with its mappings of 3 feedback statements (1 of them "
        "confirmed). Your feedback stays exactly as given, and so do your debriefs and stories."
    )
    assert [f["text"] for f in json.loads(cli.ok("feedback", "list", "--json"))] == [
        "Risk management did not come through.",
        "She never mitigated the obvious risks.",
        "We reused old servers to save money, well done.",
    ]
    assert [r["id"] for r in json.loads(cli.ok("framework", "list", "--json"))] == [
        "nextround-core"
    ]


def test_a_statement_reviewed_as_about_no_competency_is_not_reviewed_again(record):
    cli, path = record
    cli.ok("feedback", "add", "The panel met in the small room on the third floor.", "--no-map")
    cli.ok("feedback", "map", "4")
    [noise] = json.loads(cli.ok("feedback", "show", "4", "--json"))["statements"]
    cli.ok("feedback", "review", "--statement", str(noise["id"]), "--none")
    cli.ok("framework", "import", str(path), "--use")
    said = _flat(cli.ok("feedback", "map", "--all"))
    assert "1 more statement you had reviewed as about no competency on nextround core" in said
    assert "stay so here" in said and "--statement ID --competency NAME" in said
    data = json.loads(cli.ok("feedback", "show", "4", "--json"))
    [kept] = data["statements"]
    assert (kept["framework_id"], kept["confirmed"], kept["competencies"]) == ("values", True, [])
    shown = _flat(cli.ok("feedback", "show", "4"))
    assert "no competency (your verdict on another framework)" in shown
    # Undone by naming a competency after all.
    cli.ok("feedback", "review", "--statement", str(kept["id"]), "--competency", "Ownership")
    [mapped] = json.loads(cli.ok("feedback", "show", "4", "--json"))["statements"]
    assert mapped["competencies"] == ["ownership"]


def test_story_tags_self_ratings_and_logged_questions_stay_on_their_framework(record):
    """Ids of both frameworks ("ownership"): tagged on one, it never counts on the other."""
    cli, path = record
    cli.ok("round", "add", "1", "Loop", "--on", "2026-09-10")
    cli.ok("interview", "add", "1", "Panel", "--round", "1", "--at", "2026-09-10T10:00")
    cli.ok(
        "debrief", "1", "--overall", "3", "--rate", "risk-management=2",
        "-q", "How do you mitigate the risks nobody else is watching?",
    )  # fmt: skip
    cli.ok(
        "story", "add", "--title", "Outage", "--competency", "ownership",
        "--action", "I owned the risk register for forty sites and mitigated each risk.",
    )  # fmt: skip
    core = json.loads(cli.ok("story", "coverage", "--json"))
    used = _flat(cli.ok("framework", "import", str(path), "--use"))
    assert (
        "leave out 3 feedback statements, the self-ratings of 1 debrief, the tags of 1 story "
        "and what 1 question logged in debriefs probed on nextround core interview "
        "competencies (nextround-core)"
    ) in used
    assert "read them on this one too (their mappings there stay)" in used
    assert "Tag your stories on this one with `nextround story edit ID" in used
    coverage = json.loads(cli.ok("story", "coverage", "--json"))
    ownership = next(r for r in coverage["rows"] if r["competency_id"] == "ownership")
    assert not any(ownership["cells"]) and coverage["tagged_elsewhere"] == [1]

    read = _flat(cli.ok("feedback", "map", "--all"))
    assert (
        "Mapped 1 question you logged in debriefs on Values too, as suggestions; what they "
        "probed on nextround core interview competencies stays as it was."
    ) in read
    assert "Note: the tags of 1 story on nextround core interview competencies stay there" in read
    profile = _flat(cli.ok("profile"))
    assert (
        "Note: the self-ratings of 1 debrief on nextround core interview competencies stay "
        "there: a self-rating is your own number for one of that framework's competencies, so "
        "it does not carry over to another; calibration here leaves them out."
    ) in profile

    # Named, not accepted: the values framework's suggestions for it are all unsure guesses.
    tagged = _flat(cli.ok("story", "edit", "1", "--competency", "Ownership"))
    assert "Shows: Ownership" in tagged
    (listed,) = json.loads(cli.ok("story", "list", "--json"))
    assert listed["shows"] == ["ownership"] and listed["story"]["framework_id"] == "values"
    # Back on the built-in framework: its tags and coverage exactly as they were.
    cli.ok("framework", "use", "nextround-core")
    assert json.loads(cli.ok("story", "coverage", "--json")) == core
    (listed,) = json.loads(cli.ok("story", "list", "--json"))
    assert listed["shows"] == ["ownership"]
    assert listed["story"]["elsewhere"]["nextround-core"]["competencies"] == ["ownership"]

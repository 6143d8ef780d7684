"""`feedback add` of an email about the whole process: each statement filed under its round."""

import json

import pytest

pytestmark = pytest.mark.model

#: QA21 F11: Monzo's rejection, about round 3, praising round 2's take-home.
MAIL = (
    "Hi Adebayo, thank you for your time. The panel were impressed by your take-home: the "
    "churn model was rigorous and your write-up explained the trade-offs clearly. However, in "
    "the ML system design interview you struggled to reason about serving latency and "
    "monitoring at scale. Best wishes, Jess"
)


def test_the_take_home_praise_is_shown_under_the_take_home_and_can_be_filed_elsewhere(
    growth_cli,
):
    cli = growth_cli
    cli.ok("app", "add", "Monzo", "Senior Data Scientist", "--applied", "2026-09-01")
    for name, kind, day in (
        ("Recruiter screen", "screen", "2026-09-10"),
        ("Technical take-home", "take-home", "2026-09-20"),
        ("ML system design", "technical", "2026-10-05"),
    ):
        cli.ok("round", "add", "1", name, "--kind", kind, "--on", day)
    cli.ok("feedback", "add", MAIL, "--app", "1", "--round", "3", "--on", "2026-10-16")
    statements = json.loads(cli.ok("feedback", "show", "1", "--json"))["statements"]
    praise = next(s for s in statements if "take-home" in s["text"])
    concern = next(s for s in statements if "system design" in s["text"])
    assert (praise["round_id"], concern["round_id"]) == (2, None)
    shown = " ".join(cli.ok("feedback", "show", "1").split())
    assert "about round 2, Technical take-home" in shown
    assert shown.count("about round") == 1
    moved = cli.ok(
        "feedback", "review", "--statement", str(concern["id"]), "--round", "1",
        "--competency", "technical-depth",
    )  # fmt: skip
    assert f"Confirmed statement {concern['id']}" in moved
    shown = " ".join(cli.ok("feedback", "show", "1").split())
    assert "about round 1, Recruiter screen" in shown
    wrong = cli("feedback", "review", "--statement", str(praise["id"]), "--round", "9")
    assert wrong.code != 0 and "application 1 has no round 9; its rounds: 1 (Recruiter" in (
        " ".join(wrong.err.split())
    )
    alone = cli("feedback", "review", "--round", "2")
    assert alone.code != 0 and "go with --statement ID" in alone.err


def test_statements_naming_a_round_by_part_of_its_name_are_shown_under_that_round(growth_cli):
    """QA22 F8: "your QBR" is the mock QBR presentation, "the role-play" the role-play round."""
    cli = growth_cli
    cli.ok("app", "add", "Fernhill", "Customer Success Manager", "--applied", "2026-10-01")
    for name, kind in (
        ("Recruiter screen", "screen"),
        ("Mock QBR presentation", "presentation"),
        ("Difficult client role-play", "other"),
        ("Panel with Sales", "panel"),
    ):
        cli.ok("round", "add", "1", name, "--kind", kind, "--on", "2026-10-20")
    mail = (
        "Thank you for meeting the team. Everyone agreed your QBR deck was clear and well "
        "structured. During the role-play you listened well but conceded on price too early. "
        "The sales panel wanted more detail on expansion."
    )
    cli.ok("feedback", "add", mail, "--app", "1", "--round", "1", "--on", "2026-10-30")
    statements = json.loads(cli.ok("feedback", "show", "1", "--json"))["statements"]
    rounds = {s["text"].split()[1]: s["round_id"] for s in statements}
    assert rounds.get("agreed") == 2, statements
    assert rounds.get("the") == 3, statements
    shown = " ".join(cli.ok("feedback", "show", "1").split())
    assert "about round 2, Mock QBR presentation" in shown
    assert "about round 3, Difficult client role-play" in shown

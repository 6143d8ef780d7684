"""`feedback add` of an e-mail copied again: named as a copy, and the profile moves not at all."""

import json

import pytest

from tests.e2e.conftest import seed_application

pytestmark = pytest.mark.model

MAIL = """Hi Sam,

Thank you for your time on the final loop. The panel was impressed by your analytical depth.
Your risk register was the clearest the team had seen. Where it fell short: you did not show
how you would influence senior stakeholders. The system design session lacked structure.

Best wishes,
Ana

On Tue, 21 Oct 2026 at 09:12, Sam <sam@example.com> wrote:
> Hi Ana, any update?
"""

# The same e-mail copied again from the phone: another greeting, the quoted thread left off.
RECOPIED = MAIL.replace("Hi Sam,", "Dear Sam,").split("On Tue")[0]


def _scores(cli) -> dict[str, tuple[float, int]]:
    profile = json.loads(cli.ok("profile", "--json"))
    return {c["competency_id"]: (c["mean"], c["evidence_count"]) for c in profile["competencies"]}


def test_an_email_copied_again_says_which_statements_are_stored_and_leaves_the_profile(
    growth_cli,
):
    app = str(seed_application(growth_cli).application)
    first = growth_cli.ok("feedback", "add", MAIL, "--app", app, "--author", "Ana")
    assert "Note:" not in first
    before = _scores(growth_cli)
    stored = json.loads(growth_cli.ok("feedback", "show", "1", "--json"))
    count = len(stored["statements"])
    out = " ".join(growth_cli.ok("feedback", "add", RECOPIED, "--app", app).split())
    assert f"Note: {count} of its {count} statements are already in feedback 1 (received " in out
    assert "If you pasted it twice: `nextround feedback rm 2`." in out
    assert f"Until you review them, these {count} statements do not count in your profile." in out
    assert out.index("Note:") < out.index("Split into")  # said before a long list buries it
    assert _scores(growth_cli) == before
    # A partly new e-mail: the new statement counts at once, the repeated ones wait.
    more = RECOPIED.replace(
        "Best wishes", "Your stakeholder map for the launch was thorough.\n\nBest wishes"
    )
    added = json.loads(growth_cli.ok("feedback", "add", more, "--app", app, "--json"))
    assert len(added["said_before"]) == count
    (new,) = [s for s in added["statements"] if s["id"] not in added["said_before"]]
    assert "stakeholder map" in new["text"]
    about = {m["competency_id"] for m in new["suggestions"] if m["confidence"] >= 0.35}
    assert "stakeholder-management" in about
    after = _scores(growth_cli)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == about
    assert all(after[k][1] == before.get(k, (0, 0))[1] + 1 for k in about)


def test_an_email_copied_again_without_its_application_is_named_as_a_copy(growth_cli):
    app = str(seed_application(growth_cli).application)
    growth_cli.ok("feedback", "add", MAIL, "--app", app, "--author", "Ana")
    before = _scores(growth_cli)
    count = len(json.loads(growth_cli.ok("feedback", "show", "1", "--json"))["statements"])
    # Pasted again with no --app: compared with every stored feedback all the same.
    out = " ".join(growth_cli.ok("feedback", "add", RECOPIED, "--author", "ana").split())
    assert f"Note: {count} of its {count} statements are already in feedback 1 (received " in out
    assert _scores(growth_cli) == before


def test_a_copied_statement_reviewed_by_script_needs_yes_and_says_it_counts_twice(growth_cli):
    app = str(seed_application(growth_cli).application)
    growth_cli.ok("feedback", "add", MAIL, "--app", app, "--author", "Ana")
    added = json.loads(growth_cli.ok("feedback", "add", RECOPIED, "--app", app, "--json"))
    copied = next(s for s in added["statements"] if "stakeholders" in s["text"])
    pending = json.loads(growth_cli.ok("feedback", "review", "--json"))
    assert {p["statement"]["id"]: p["copy_of"] for p in pending}[copied["id"]] == 1
    before = _scores(growth_cli)
    args = ("feedback", "review", "--statement", str(copied["id"]), "--competency",
            "stakeholder-management")  # fmt: skip
    refused = growth_cli(*args)
    assert refused.code == 2 and "Traceback" not in refused.err
    said = " ".join(refused.err.split())
    assert f"statement {copied['id']} was not confirmed: this statement of feedback 2 is " in said
    assert "already in feedback 1 (received " in said
    assert "add --yes to count it all the same" in said and "`nextround feedback rm 2`" in said
    assert _scores(growth_cli) == before
    out = " ".join(growth_cli.ok(*args, "--yes").split())
    assert f"Confirmed statement {copied['id']}: gap, Stakeholder management." in out
    assert "Note: this statement of feedback 2 is already in feedback 1 (received " in out
    assert "confirmed, it counts a second time." in out
    after = _scores(growth_cli)
    assert after["stakeholder-management"][1] == before["stakeholder-management"][1] + 1


def test_feedback_stored_unmapped_is_named_as_a_copy_when_it_is_split(growth_cli):
    app = str(seed_application(growth_cli).application)
    growth_cli.ok("feedback", "add", MAIL, "--app", app, "--author", "Ana")
    growth_cli.ok("feedback", "add", MAIL, "--app", app, "--no-map")
    growth_cli.ok("feedback", "add", RECOPIED, "--app", app, "--no-map")
    out = " ".join(growth_cli.ok("feedback", "map", "2").split())
    assert "Note: this text is identical to feedback 1 (received " in out
    assert out.index("Note:") < out.index("Split into")
    near = json.loads(growth_cli.ok("feedback", "map", "3", "--json"))
    # Compared with what came before it, the copy of feedback 1 included.
    assert near["same_text_as"] == [] and near["said_before"]
    assert set(near["said_before"]) <= {s["id"] for s in near["statements"]}

"""Two offers at once on the command line: accept one, decline the other (QA11 F6)."""

from __future__ import annotations

import json

# Days from today, the label a person reads, and output on one line: as for one offer.
from tests.e2e.test_cli_offer_deadline import TODAY, _day, _flat, _label


def _two_offers(cli) -> None:
    cli.ok("app", "add", "Northwind Software", "PM", "--applied", _day(-60))
    cli.ok("app", "add", "Aurora Analytics", "PM", "--applied", _day(-50))
    cli.ok("app", "add", "Lumen Cloud", "PM", "--applied", _day(-45))  # gone quiet
    cli.ok("decision", "set", "1", "--outcome", "offer", "--on", _day(-9),
           "--answer-by", _day(-2))  # fmt: skip
    cli.ok("decision", "set", "2", "--outcome", "offer", "--on", _day(-3),
           "--answer-by", _day(3))  # fmt: skip


def test_accepting_one_offer_names_the_other_and_the_reminders_turn_to_declining(cli):
    _two_offers(cli)
    before = _flat(cli.ok("app", "list"))
    assert "Follow up once, or close it" in before
    said = _flat(cli.ok("decision", "set", "2", "--outcome", "offer", "--response", "accepted"))
    assert (
        f"You still have an offer from Northwind Software waiting (answer by {_label(-2)}, "
        "overdue by 2 days): decline it with `nextround decision edit 1 --response declined`."
    ) in said
    listed = _flat(cli.ok("app", "list"))
    declining = (
        "you have accepted Aurora Analytics's offer: decline it, or accept it instead: "
        "`nextround decision edit 1 --response declined` (or accepted)"
    )
    assert declining in listed
    assert "--outcome offer --response accepted` (or declined)" not in listed
    assert (
        "You have accepted an offer; this one is still open, withdraw from it to let them know: "
        "3 Lumen Cloud (quiet for 6 weeks): `nextround app close ID --as withdrawal`."
    ) in listed
    assert "Follow up once" not in listed
    assert declining in _flat(cli.ok("app", "show", "1"))
    week = _flat(cli.ok("plan", "week"))
    assert f"Decline Northwind Software's offer by {_label(-2)}" in week
    assert declining in week
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["offer_answer_by"]["accepted_elsewhere"] == "Aurora Analytics"


def test_a_second_acceptance_asks_first_and_yes_skips_the_question(cli):
    _two_offers(cli)
    cli.ok("decision", "set", "2", "--outcome", "offer", "--response", "accepted")
    warning = f"You have already accepted Aurora Analytics's offer ({TODAY.day} {TODAY:%b})."
    refused = cli("decision", "set", "1", "--outcome", "offer", "--response", "accepted",
                  stdin="n\n")  # fmt: skip
    assert refused.code != 0
    assert warning in _flat(refused.err)
    assert "Record the acceptance anyway?" in refused.err
    assert json.loads(cli.ok("app", "show", "1", "--json"))["status"] == "offer"  # unchanged
    # Correcting the accepted offer itself is not a second acceptance.
    fixed = cli("decision", "edit", "2", "--response", "accepted", "--reason", "best team")
    assert fixed.code == 0 and "already accepted" not in fixed.err
    accepted = cli("decision", "edit", "1", "--response", "accepted", "--yes")
    assert accepted.code == 0, accepted.err
    assert warning in _flat(accepted.err)
    assert json.loads(cli.ok("app", "show", "1", "--json"))["status"] == "accepted"


def test_decision_json_lists_the_offers_still_waiting_as_the_plain_output_says(cli):
    _two_offers(cli)
    pending = json.loads(cli.ok("decision", "set", "2", "--outcome", "offer", "--json"))
    assert pending["offers_waiting"] == []  # only an acceptance leaves others to decline
    accepted = json.loads(
        cli.ok("decision", "set", "2", "--outcome", "offer", "--response", "accepted", "--json")
    )
    assert accepted["offer_response"] == "accepted"
    [northwind] = accepted["offers_waiting"]
    assert northwind["application_id"] == 1 and northwind["company"] == "Northwind Software"
    assert northwind["answer_by"] == {"answer_by": _day(-2), "days_left": -2, "overdue": True}
    assert northwind["note"].startswith("You still have an offer from Northwind Software waiting")
    # Editing the accepted decision says it as well.
    edited = json.loads(cli.ok("decision", "edit", "2", "--reason", "best team", "--json"))
    assert [w["application_id"] for w in edited["offers_waiting"]] == [1]


def test_with_several_accepted_the_reminder_names_the_latest_accepted_and_says_so(cli):
    _two_offers(cli)
    cli.ok("app", "add", "Kite Labs", "PM", "--applied", _day(-40))
    # Kite Labs (id 4) is accepted first, Aurora Analytics (id 2) later: the later yes counts.
    cli.ok("decision", "set", "4", "--outcome", "offer", "--response", "accepted",
           "--on", _day(-5))  # fmt: skip
    cli.ok("decision", "set", "2", "--outcome", "offer", "--response", "accepted",
           "--on", _day(-1), "--yes")  # fmt: skip
    declining = (
        "you have accepted 2 offers, the latest Aurora Analytics's: decline it, or accept it "
        "instead: `nextround decision edit 1 --response declined` (or accepted)"
    )
    assert declining in _flat(cli.ok("app", "show", "1"))
    assert declining in _flat(cli.ok("app", "list"))
    shown = json.loads(cli.ok("app", "show", "1", "--json"))["offer_answer_by"]
    assert shown["accepted_elsewhere"] == "Aurora Analytics"
    assert shown["accepted_offers"] == 2


def test_accepting_says_which_open_process_ranks_higher_and_lists_every_one_to_withdraw(cli):
    cli.ok("app", "add", "Snowflake", "AE", "--applied", _day(-40))
    cli.ok("app", "add", "Datadog", "AE", "--applied", _day(-35))
    cli.ok("app", "add", "Lumen Labs", "AE", "--applied", _day(-5))
    cli.ok("round", "add", "2", "Final panel", "--kind", "panel", "--on", _day(4))
    cli.ok("interview", "add", "2", "Panel", "--at", f"{_day(4)}T10:00")
    cli.ok("decision", "set", "1", "--outcome", "offer", "--on", _day(-2))
    cli.ok("options", "define", "--threshold", "2")
    cli.ok("options", "rate", "1", "scope=3", "mission=3", "compensation=4")
    cli.ok("options", "rate", "2", "scope=5", "mission=5", "compensation=5")
    refused = cli("decision", "set", "1", "--outcome", "offer", "--response", "accepted",
                  stdin="n\n")  # fmt: skip
    assert refused.code != 0
    said = _flat(refused.err)
    assert f"Datadog (5.00, interview on {_label(4)}) ranks higher on your Option A than " in said
    assert "Record the acceptance anyway?" in said
    accepted = cli("decision", "set", "1", "--outcome", "offer", "--response", "accepted", "--yes")
    assert accepted.code == 0, accepted.err
    note = (
        "You have accepted an offer; these are still open, withdraw from them to let them know: "
        f"2 Datadog (interview on {_label(4)}); 3 Lumen Labs: "
        "`nextround app close ID --as withdrawal`."
    )
    assert note in _flat(accepted.out)
    assert note in _flat(cli.ok("app", "list"))

"""An offer's answer-by date through the CLI: set, shown, changed, cleared, and refused."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta

import pytest

from tests.e2e.conftest import full_dump, today_clear_of_midnight

#: The day the running test counts from (set as each test starts, clear of midnight).
TODAY = date.today()


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every message counts days from today ("in 5 days"): taken once at import, TODAY was
    # a day behind the commands for any test run after a midnight in a long run.
    monkeypatch.setattr(sys.modules[__name__], "TODAY", today_clear_of_midnight())


def _day(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def _label(days: int) -> str:
    day = TODAY + timedelta(days=days)
    return f"{day:%a} {day.day} {day:%b}" + ("" if day.year == TODAY.year else f" {day.year}")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _offer(cli) -> None:
    cli.ok("app", "add", "Orbital Pay", "TPM", "--applied", _day(-40))
    said = cli.ok("decision", "set", "1", "--outcome", "offer", "--on", _day(-2),
                  "--answer-by", _day(5))  # fmt: skip
    assert f"Offer: answer by {_label(5)} (in 5 days)." in _flat(said)


def test_a_pending_offer_reminds_in_list_show_and_the_week_until_answered(cli):
    _offer(cli)
    reminder = f"Offer: answer by {_label(5)} (in 5 days)"
    assert reminder in _flat(cli.ok("app", "list"))
    assert reminder in _flat(cli.ok("app", "show", "1"))
    week = _flat(cli.ok("plan", "week"))
    assert week.startswith(f"Answer first ! Answer Orbital Pay's offer by {_label(5)} (in 5 days)")
    listed = json.loads(cli.ok("app", "list", "--json"))
    assert listed[0]["offer_answer_by"] == {
        "answer_by": _day(5), "days_left": 5, "overdue": False,
    }  # fmt: skip
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["decisions"][0]["answer_by"] == _day(5)
    assert shown["offer_answer_by"]["days_left"] == 5
    planned = json.loads(cli.ok("plan", "week", "--json"))
    assert [o["title"] for o in planned["offers_to_answer"]] == [
        f"Answer Orbital Pay's offer by {_label(5)}"
    ]
    # Answered: every reminder goes; the date stays on record.
    cli.ok("decision", "set", "1", "--outcome", "offer", "--response", "declined")
    assert "answer by" not in cli.ok("app", "list")
    assert "answer by" not in cli.ok("app", "show", "1")
    assert "Answer first" not in cli.ok("plan", "week")
    assert json.loads(cli.ok("app", "list", "--json"))[0]["offer_answer_by"] is None
    assert json.loads(cli.ok("app", "show", "1", "--json"))["decisions"][0]["answer_by"] == _day(5)


def test_the_timeline_shows_the_answer_by_day_as_app_show_words_it(cli):
    _offer(cli)
    reminder = f"Offer: answer by {_label(5)} (in 5 days)"
    assert reminder in _flat(cli.ok("app", "show", "1"))
    shown = _flat(cli.ok("timeline", "1"))
    assert f"{_day(5)} {reminder}" in shown
    events = json.loads(cli.ok("timeline", "1", "--json"))["events"]
    assert events[-1]["kind"] == "answer_by" and events[-1]["on"] == _day(5)
    assert events[-1]["title"] == reminder and events[-1]["overdue"] is False
    cli.ok("decision", "edit", "1", "--answer-by", _day(-1))
    assert f"Offer: answer by {_label(-1)} (overdue by 1 day)" in _flat(cli.ok("timeline", "1"))
    cli.ok("decision", "edit", "1", "--response", "accepted", "--yes")
    assert "answer by" not in cli.ok("timeline", "1")


def test_edit_changes_and_clears_it_and_a_passed_day_is_overdue(cli):
    _offer(cli)
    cli.ok("decision", "edit", "1", "--answer-by", _day(-2))
    assert f"Offer: answer by {_label(-2)} (overdue by 2 days)" in _flat(cli.ok("app", "list"))
    cli.ok("decision", "edit", "1", "--answer-by", "")
    assert json.loads(cli.ok("app", "show", "1", "--json"))["decisions"][0]["answer_by"] is None
    assert "answer by" not in cli.ok("app", "show", "1")


def test_bad_deadlines_are_refused_with_what_to_fix_and_change_nothing(cli):
    _offer(cli)
    before = full_dump(cli.db)
    early = cli("decision", "edit", "1", "--answer-by", _day(-3))
    assert early.code != 0
    assert _flat(early.err) == (
        f"error: the answer-by date {_day(-3)} is before the offer came, on {_day(-2)}; give "
        f"the day the company wants your answer, on or after {_day(-2)}"
    )
    typo = cli("decision", "edit", "1", "--answer-by", "2026-02-30")
    assert typo.code != 0
    assert "--answer-by '2026-02-30' is not a day: February 2026 has 28 days" in _flat(typo.err)
    words = cli("decision", "edit", "1", "--answer-by", "end of next week")
    assert "--answer-by 'end of next week' is not a date; write it as " in _flat(words.err)
    rejection = cli("decision", "set", "1", "--outcome", "rejection", "--answer-by", _day(3))
    assert rejection.code != 0
    assert "an answer-by date only applies to an offer" in _flat(rejection.err)
    assert full_dump(cli.db) == before


def test_the_option_is_in_the_help(cli):
    assert "--answer-by" in cli.ok("decision", "set", "--help")
    assert "--answer-by" in cli.ok("decision", "edit", "--help")


def test_the_answer_is_the_next_step_in_the_list_and_said_before_another_interview(cli):
    # QA17 F11: the Next column was empty for the offer, and nothing said that the answer
    # was due before the assessment centre at another company.
    _offer(cli)
    cli.ok("app", "add", "GCHQ", "Graduate Software Developer", "--applied", _day(-60))
    cli.ok("round", "add", "2", "Assessment centre", "--on", _day(6))
    cli.ok("interview", "add", "2", "Group exercise", "--at", f"{_day(6)}T10:00")
    rows = [line for line in cli.ok("app", "list").splitlines() if "│" in line]
    assert any(f"answer by {_label(5)}" in line for line in rows), rows
    clash = (
        f"You answer Orbital Pay by {_label(5)}, before your assessment centre at GCHQ on "
        f"{_label(6)}: you could ask Orbital Pay for more time."
    )
    shown = _flat(cli.ok("app", "show", "1"))
    assert shown.count(clash) == 1
    assert clash not in _flat(cli.ok("app", "show", "2"))
    cli.ok("options", "rate", "1", "scope=4")
    ranked = _flat(cli.ok("options", "rank"))
    assert ranked.count(clash) == 1
    # Only the open application still to rate is counted (GCHQ), not the offer rated.
    assert "1 open application not rated yet" in ranked
    assert json.loads(cli.ok("options", "rank", "--json"))["answer_before_interviews"] == [clash]
    assert json.loads(cli.ok("app", "show", "1", "--json"))["offer_answer_before_interview"] == (
        clash
    )
    # Given until after the interview: nothing to ask for.
    cli.ok("decision", "edit", "1", "--answer-by", _day(7))
    assert "you could ask" not in cli.ok("app", "show", "1")
    assert "you could ask" not in cli.ok("options", "rank")


def test_a_closed_application_is_not_invited_to_a_rating(cli):
    # QA17 F16: "38 more applications not rated yet" counted the rejected ones.
    cli.ok("app", "add", "Arm", "Graduate", "--applied", _day(-40))
    cli.ok("app", "add", "Sky", "Graduate", "--applied", _day(-30))
    cli.ok("app", "close", "1", "--as", "no-response")
    cli.ok("options", "rate", "2", "scope=4")
    cli.ok("app", "add", "Monzo", "Graduate", "--applied", _day(-20))
    ranked = _flat(cli.ok("options", "rank"))
    assert "1 open application not rated yet" in ranked
    assert json.loads(cli.ok("options", "rank", "--json"))["unrated"] == 1

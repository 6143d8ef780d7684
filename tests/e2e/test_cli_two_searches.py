"""Two job searches a year apart: the first one's accepted offer leaves the second alone (QA19)."""

from __future__ import annotations

import json

from tests.e2e.test_cli_offer_deadline import _day, _flat


def _two_searches(cli) -> None:
    # Search 1: two applications, a rejection at the screen and an accepted offer.
    cli.ok("app", "add", "Larkspur Bank", "PM", "--applied", _day(-600), "--tag", "search1")
    cli.ok("round", "add", "1", "Recruiter screen", "--kind", "screen", "--on", _day(-590))
    cli.ok("decision", "set", "1", "--outcome", "rejection", "--on", _day(-580))
    cli.ok("app", "add", "Brambleway", "PM", "--applied", _day(-598), "--tag", "search1")
    cli.ok("decision", "set", "2", "--outcome", "offer", "--response", "accepted",
           "--on", _day(-560), "--yes")  # fmt: skip
    # Search 2, after the acceptance: one still running, quiet for weeks, one rejected.
    cli.ok("app", "add", "Ridgeway Tech", "PM", "--applied", _day(-60), "--tag", "search2")
    cli.ok("app", "add", "Otterline", "PM", "--applied", _day(-50), "--tag", "search2")
    cli.ok("round", "add", "4", "Hiring manager", "--kind", "hiring-manager", "--on", _day(-40))
    cli.ok("decision", "set", "4", "--outcome", "rejection", "--on", _day(-30))


def test_an_old_acceptance_does_not_ask_to_withdraw_from_a_new_search(cli):
    _two_searches(cli)
    for args in (("app", "list"), ("app", "list", "--tag", "search2"),
                 ("app", "list", "--tag", "search1")):  # fmt: skip
        listed = _flat(cli.ok(*args))
        assert "withdraw" not in listed, args
    # Ridgeway has gone quiet: the advice is the usual one, not a withdrawal.
    assert "Follow up once, or close it" in _flat(cli.ok("app", "list"))


def test_an_acceptance_still_asks_to_withdraw_from_what_was_open_then(cli):
    cli.ok("app", "add", "Quillo", "PM", "--applied", _day(-60))
    cli.ok("app", "add", "Brambleway", "PM", "--applied", _day(-59))
    cli.ok("decision", "set", "2", "--outcome", "offer", "--response", "accepted", "--on",
           _day(-10))  # fmt: skip
    listed = _flat(cli.ok("app", "list"))
    assert "this one is still open, withdraw from it" in listed
    assert "1 Quillo" in listed
    # The note follows the filter: none of the rows under --company Brambleway is open.
    assert "withdraw" not in _flat(cli.ok("app", "list", "--company", "Brambleway"))


def test_app_list_folds_the_earlier_search_and_all_shows_it(cli):
    _two_searches(cli)
    listed = _flat(cli.ok("app", "list"))
    assert "Ridgeway Tech" in listed and "Larkspur Bank" not in listed
    assert (
        f"2 closed applications from an earlier search (applied by {_day(-560)}, when you "
        "accepted Brambleway's offer) folded away; --all shows them."
    ) in listed
    every = _flat(cli.ok("app", "list", "--all"))
    assert "Larkspur Bank" in every and "folded away" not in every
    tagged = _flat(cli.ok("app", "list", "--tag", "search1"))
    assert "Larkspur Bank" in tagged and "folded away" not in tagged
    assert len(json.loads(cli.ok("app", "list", "--json"))) == 4  # a script gets everything


def test_stats_counts_one_search_by_tag_or_dates(cli):
    _two_searches(cli)
    pooled = json.loads(cli.ok("stats", "--json"))
    assert pooled["funnel"][0]["count"] == 4
    second = json.loads(cli.ok("stats", "--json", "--tag", "search2"))
    assert second["funnel"][0]["count"] == 2
    first = json.loads(cli.ok("stats", "--json", "--until", _day(-500)))
    assert first["funnel"][0]["count"] == 2
    since = json.loads(cli.ok("stats", "--json", "--since", _day(-100)))
    assert [f["count"] for f in since["funnel"]] == [f["count"] for f in second["funnel"]]
    said = _flat(cli.ok("stats", "--tag", "search2"))
    assert said.startswith("Only applications tagged search2.")
    wrong = cli("stats", "--since", "spring")
    assert wrong.code != 0 and "--since 'spring' is not a date" in _flat(wrong.err)


def test_since_after_until_is_refused_naming_both_dates(cli):
    _two_searches(cli)
    for command in (("stats",), ("app", "list")):
        wrong = cli(*command, "--since", _day(-10), "--until", _day(-100))
        assert wrong.code == 2, command
        assert (
            f"--since {_day(-10)} is after --until {_day(-100)}; give the earlier date to --since"
        ) in _flat(wrong.err)
    # The same day at both ends is one day's applications, not an error.
    assert "Ridgeway Tech" in _flat(
        cli.ok("app", "list", "--since", _day(-60), "--until", _day(-60))
    )


def test_stats_and_the_profile_report_say_how_their_funnel_divides_between_searches(cli, tmp_path):
    _two_searches(cli)
    counted = (
        f"All 4 applications, earlier searches included: 2 made by {_day(-560)}, when you "
        "accepted Brambleway's offer, and 2 in your current search since."
    )
    assert counted in _flat(cli.ok("stats"))
    assert counted not in _flat(cli.ok("stats", "--tag", "search2"))
    out = tmp_path / "profile.html"
    cli.ok("report", "profile", "-o", str(out))
    assert counted.replace("'", "&#39;") in " ".join(out.read_text().split())

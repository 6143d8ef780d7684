"""`nextround profile`, `profile explain` and `plan`, `plan week`, `plan done` (`--on`)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest

from nextround.domain.plan import iso_week
from tests.e2e.conftest import PROFILE_FEEDBACK, error_code, full_dump, seed_profile


@pytest.fixture(scope="module")
def profile_template(tmp_path_factory):
    """A database with the seeded profile, built once for the module."""
    from tests.e2e.conftest import Cli, cli_env

    folder = tmp_path_factory.mktemp("profile")
    cli = Cli(str(folder / "profile.sqlite3"), cli_env(folder / "data"), folder)
    seed_profile(cli)
    return folder / "profile.sqlite3"


@pytest.fixture
def pcli(cli, profile_template):
    shutil.copyfile(profile_template, cli.db)
    return cli


def test_profile_json_has_exactly_the_documented_keys(pcli):
    data = json.loads(pcli.ok("profile", "--json"))
    assert set(data) == {"competencies", "spikes", "recurring_gaps", "calibration", "trend"}
    gaps = sorted(g["competency_id"] for g in data["recurring_gaps"])
    assert gaps == ["risk-management", "systems-thinking"]
    assert [s["competency_id"] for s in data["spikes"]] == ["stakeholder-management"]
    risk = next(c for c in data["competencies"] if c["competency_id"] == "risk-management")
    assert risk["evidence_count"] == 3
    assert risk["mean"] < 0.5
    assert set(data["calibration"]) >= {"agreement", "items"}
    assert {t["competency_id"] for t in data["trend"]} == {
        "risk-management",
        "systems-thinking",
        "stakeholder-management",
    }


def test_profile_reads_as_spikes_gaps_and_calibration(pcli):
    out = " ".join(pcli.ok("profile").split())
    assert "Spikes (clear strengths) Stakeholder management 0.8" in out
    gaps = out[out.index("Recurring gaps") : out.index("Calibration")]
    assert "Risk management" in gaps and "Systems thinking" in gaps
    assert '"She never mitigated the obvious risks." — Orbitra, hiring manager' in gaps
    calibration = json.loads(pcli.ok("profile", "--json"))["calibration"]
    figure = round(calibration["agreement"] * 100)
    points = calibration["mean_difference"] / 0.25
    # The figure says what it measures, so "all agree" below it cannot read as a contradiction.
    assert (
        f"Agreement {figure}% over 3 competencies. On average your own view is "
        f"{points:.1f} of a rating point from what others' evidence says; 100% would mean no "
        "difference at all."
    ) in out, out
    assert (
        "You and others agree (less than a rating point apart) on all 3: Risk management, "
        "Systems thinking"
    ) in out
    assert "How the figure is worked out: nextround profile explain calibration" in out
    assert "Explain any number: nextround profile explain COMPETENCY" in out


def test_the_competency_table_keeps_its_names_on_a_narrow_terminal(pcli):
    from dataclasses import replace

    out = replace(pcli, env={**pcli.env, "COLUMNS": "60"}).ok("profile")
    table = out[out.index("Competencies") :]
    rows = [line for line in table.splitlines() if line.startswith("│")]
    assert rows and all(len(line) <= 60 and line.endswith("│") for line in rows), table
    named = " ".join(row.split("│")[1] for row in rows)
    assert "Stakeholder" in named and "Risk" in named  # the names, not only the numbers


def test_explain_lists_the_statements_and_its_numbers_reproduce_the_score(pcli):
    text = " ".join(pcli.ok("profile", "explain", "risk-management").split())
    for _, _, _, statement in PROFILE_FEEDBACK:
        if "risk" in statement.lower():
            assert statement[:25] in text
    assert "Self-rating 2/5" in text
    assert "from 3 pieces" in text
    # A competency can be named as it reads, not only by its id.
    assert " ".join(pcli.ok("profile", "explain", "Risk Management").split()) == text
    # Feedback about no application says its source once, not again as where it was heard.
    stakeholders = pcli.ok("profile", "explain", "stakeholder-management")
    review = stakeholders[stakeholders.index("Great with stakeholders") :]
    assert review.splitlines()[1].strip() != "manager review", review
    # Plain words lead; the sum follows, to check.
    words = re.search(
        r"What counts for it weighs (\S+) and (?:nothing counts against it|what counts against "
        r"it (\S+)) \(each piece weighed by who said it.*?The score, (\S+), is the share",
        text,
    )
    assert words and text.index(words.group(0)) < text.index("Score = "), text
    formula = re.search(
        r"Score = \((\S+) \+ for\) ÷ \((\S+) \+ for \+ against\) = \((\S+) \+ (\S+)\) ÷ "
        r"\((\S+) \+ (\S+) \+ (\S+)\) = (\S+)",
        text,
    )
    assert formula, text
    prior_a, priors, prior_a2, for_, priors2, for2, against, mean = map(float, formula.groups())
    assert prior_a == prior_a2 and priors == priors2 and for_ == for2
    assert float(words.group(1)) == pytest.approx(for_, abs=6e-3)
    assert float(words.group(2) or 0) == pytest.approx(against, abs=6e-3)
    assert mean == pytest.approx((prior_a + for_) / (priors + for_ + against), abs=2e-3)
    assert float(words.group(3)) == pytest.approx(mean, abs=6e-3)

    why = json.loads(pcli.ok("profile", "explain", "risk-management", "--json"))
    score = why["score"]
    pieces = why["evidence"]
    assert len(pieces) == score["evidence_count"] == 3
    assert {p["text"] for p in pieces} >= {
        "Risk management did not come through.",
        "She never mitigated the obvious risks.",
    }
    for piece in pieces:
        expected = piece["source_weight"] * piece["recency"] * piece["confirmation"]
        assert piece["weight"] == pytest.approx(expected, abs=1e-5)
        assert piece["to_alpha"] + piece["to_beta"] == pytest.approx(piece["weight"], abs=1e-5)
        # the printed list shows the same arithmetic, one line per piece
        arithmetic = (
            f"weight {piece['source_weight']:.2f}×{piece['recency']:.2f}×"
            f"{piece['confirmation']:.2f}={piece['weight']:.3f} → "
        )
        assert arithmetic in text, text
    alpha = why["prior"]["alpha"] + sum(p["to_alpha"] for p in pieces)
    beta = why["prior"]["beta"] + sum(p["to_beta"] for p in pieces)
    assert score["alpha"] == pytest.approx(alpha, abs=1e-4)
    assert score["mean"] == pytest.approx(alpha / (alpha + beta), abs=1e-4)
    # the same number the profile shows
    profile = json.loads(pcli.ok("profile", "--json"))
    shown = next(c for c in profile["competencies"] if c["competency_id"] == "risk-management")
    assert shown["mean"] == score["mean"]


def test_explain_a_competency_without_evidence_says_what_would_give_it_one(pcli):
    profile = json.loads(pcli.ok("profile", "--json"))
    unseen = next(c for c in profile["competencies"] if c["evidence_count"] == 0)
    out = " ".join(pcli.ok("profile", "explain", unseen["competency_id"]).split())
    assert out.startswith(f"{unseen['name']}: no evidence yet. It reads the even 0.50 until")
    assert "`nextround debrief`" in out and "`nextround feedback add`" in out
    assert "Beta(" not in out  # a sum of nothing explains nothing
    seen = next(c for c in profile["competencies"] if c["evidence_count"])
    before = " ".join(
        pcli.ok("profile", "explain", seen["competency_id"], "--as-of", "2000-01-01").split()
    )
    assert before == f"{seen['name']}: no evidence by 2000-01-01, so it read the even 0.50 then."


def test_explain_calibration_shows_how_the_agreement_figure_is_worked_out(pcli):
    calibration = json.loads(pcli.ok("profile", "--json"))["calibration"]
    text = " ".join(pcli.ok("profile", "explain", "calibration").split())
    figure = round(calibration["agreement"] * 100)
    assert text.startswith(f"Calibration: agreement {figure}% over 3 competencies"), text
    for item in calibration["items"]:
        assert re.search(
            rf"{item['name']}: you {item['self']:.2f} \(\d+ ratings?\), others "
            rf"{item['others']:.2f} \(\d+ pieces?\), difference [+-]\d\.\d\d → agreed",
            text,
        ), text
    # The arithmetic reproduces the figure from the differences listed.
    mean = sum(abs(i["difference"]) for i in calibration["items"]) / len(calibration["items"])
    assert mean == pytest.approx(calibration["mean_difference"], abs=1e-3)
    assert (
        f"Agreement = 1 − mean |you − others| = 1 − {mean:.2f} = {1 - mean:.2f} ({figure}%)."
    ) in text
    assert "less than one rating point apart (on the 1–5 scale) counts as agreeing" in text
    # "agreement" asks the same; --json gives the profile's calibration.
    assert " ".join(pcli.ok("profile", "explain", "Agreement").split()) == text
    by_quarter = calibration.pop("by_quarter")
    assert by_quarter and by_quarter[-1]["agreement"] == calibration["agreement"]
    assert json.loads(pcli.ok("profile", "explain", "calibration", "--json")) == calibration
    usage = " ".join(pcli.ok("profile", "explain", "--help").replace("│", " ").split())
    assert "'calibration' for the agreement figure" in usage, usage


def test_explain_calibration_as_of_a_quarter_shows_then_beside_today(pcli):
    """QA19 F4: calibration has a history, read from the ratings and evidence known then."""
    today = json.loads(pcli.ok("profile", "--json"))["calibration"]
    first = today["by_quarter"][0]["quarter"]
    text = " ".join(pcli.ok("profile", "explain", "calibration", "--as-of", first).split())
    assert text.startswith("Calibration as of "), text
    assert f"Since then (today: agreement {round(today['agreement'] * 100)}%" in text, text
    past = json.loads(pcli.ok("profile", "explain", "calibration", "--as-of", first, "--json"))
    assert set(past) == {"as_of", "then", "today", "changes"}
    assert past["as_of"] == today["by_quarter"][0]["as_of"]
    assert past["today"]["agreement"] == today["agreement"]
    compared = {i["competency_id"] for i in today["items"]}
    assert {c["competency_id"] for c in past["changes"]} >= compared


def test_the_half_life_is_an_option_of_profile_explain_and_report(pcli, tmp_path):
    """QA19 F10: --half-life beside the environment variable, checked like it."""
    out = " ".join(pcli.ok("profile", "--half-life", "180").split())
    assert "half-life 180 days (--half-life DAYS, or set NEXTROUND_HALF_LIFE_DAYS)" in out
    assert " ".join(pcli.ok("profile").split()) != out
    explained = " ".join(
        pcli.ok("profile", "explain", "risk-management", "--half-life", "90").split()
    )
    assert "half-life 90 days" in explained
    report = tmp_path / "p.html"
    pcli.ok("report", "profile", "-o", str(report), "--half-life", "120")
    assert "half-life 120 days" in report.read_text(encoding="utf-8")
    for bad, said in (("6mo", "'6mo' is not a whole number of days"), ("0", "above 0, not 0")):
        refused = pcli("profile", "--half-life", bad)
        assert refused.code == 2 and said in refused.err, refused.err


def test_plan_week_done_and_momentum(pcli):
    out = " ".join(pcli.ok("plan").split())
    assert re.search(r"Growth plan · \d+ open, 0 done", out)
    assert "Momentum:" in out and "streak 0 weeks" in out
    plan = json.loads(pcli.ok("plan", "--json"))
    kinds = {a["kind"] for a in plan["actions"]}
    assert {"mitigate", "lean_in", "story"} <= kinds
    gaps = {a["competency_id"] for a in plan["actions"] if a["kind"] == "mitigate"}
    assert gaps == {"risk-management", "systems-thinking"}
    assert len(plan["actions"]) > 5

    week = json.loads(pcli.ok("plan", "week", "--json"))
    assert 1 <= len(week["actions"]) <= 5
    picked = [a["id"] for a in week["actions"]]
    assert len({a["week"] for a in week["actions"]}) == 1
    text = pcli.ok("plan", "week")
    assert text.startswith("This week (")
    assert all(action_id in text for action_id in picked)

    first = picked[0]
    out = " ".join(pcli.ok("plan", "done", first).split())
    assert out.startswith("Done today: ") and not out.endswith("..")
    assert "streak 1 week" in out
    again = json.loads(pcli.ok("plan", "--json"))
    done = [a for a in again["actions"] if a["done_on"]]
    assert [a["id"] for a in done] == [first]
    assert again["momentum"]["current_streak"] == 1
    assert again["momentum"]["done_per_week"][-1]["done"] == 1
    assert re.search(r"Growth plan · \d+ open, 1 done", " ".join(pcli.ok("plan").split()))
    # the week keeps its pick, the done action included
    assert [a["id"] for a in json.loads(pcli.ok("plan", "week", "--json"))["actions"]] == picked

    # The number shown names an action as well as its id, the same in `plan` and the week.
    second = week["actions"][1]
    number = str(second["number"])
    assert re.search(rf"(?m)^ *{number} ☐ .*{re.escape(second['id'])}", pcli.ok("plan", "week"))
    assert second["title"][:30] in " ".join(pcli.ok("plan", "done", number).split())
    assert [a["id"] for a in json.loads(pcli.ok("plan", "week", "--json"))["actions"]] == picked
    assert pcli.ok("plan", "undo", number).startswith("Back on the list: ")
    # A typo in an id gets the nearest one, with its number.
    typo = pcli("plan", "done", first.replace("management", "managment").replace("-", "_", 1))
    assert typo.code == 3 and f"did you mean {first!r} (number " in typo.err  # not found
    # Picked again, the week keeps what was done and may change the rest.
    repicked = json.loads(pcli.ok("plan", "week", "--repick", "--json"))
    assert first in [a["id"] for a in repicked["actions"]]

    undone = " ".join(pcli.ok("plan", "undo", first).split())
    assert undone.startswith("Back on the list: ") and "streak 0 weeks" in undone
    assert not any(a["done_on"] for a in json.loads(pcli.ok("plan", "--json"))["actions"])
    again = " ".join(pcli.ok("plan", "undo", first).split())
    assert again.startswith("Not marked done, so nothing to undo: ")


def test_plan_done_json_gives_the_action_as_plan_json_does(pcli):
    """A script ticking an action off gets the action back, numbered, and the momentum."""
    first = json.loads(pcli.ok("plan", "--json"))["actions"][0]
    done = json.loads(pcli.ok("plan", "done", first["id"], "--json"))
    assert set(done) == {"action", "momentum", "previous_done_on"}
    assert done["previous_done_on"] is None and done["action"]["done_on"]
    ticked = {k: done["action"][k] for k in ("done_on", "week")}  # done, it joins its week
    assert done["action"] == {**first, **ticked}
    again = json.loads(pcli.ok("plan", "--json"))
    assert done["momentum"] == again["momentum"]
    assert [a for a in again["actions"] if a["id"] == first["id"]] == [done["action"]]
    twice = json.loads(pcli.ok("plan", "done", first["id"], "--json"))
    assert twice["previous_done_on"] == done["action"]["done_on"]


def test_plan_lists_what_is_done_and_a_story_says_which_action_it_completes(pcli):
    plan = json.loads(pcli.ok("plan", "--json"))
    first = plan["actions"][0]
    pcli.ok("plan", "done", first["id"])
    out = " ".join(pcli.ok("plan").split())
    done = out[out.index("Done (1, most recent first") :]
    today = datetime.now(UTC).date()
    # Its number (what `plan undo` takes), its title, its day and its id.
    when = f"{today.day} {today:%b %Y}"
    assert re.search(rf"{first['number']} ✓ \S+ {re.escape(first['title'][:25])}", done), done
    assert f"done {when}" in done and first["id"] in done
    assert "`nextround plan undo N` puts one back on the list" in done
    # `--done` lists only what is done; with --json too.
    only = " ".join(pcli.ok("plan", "--done").split())
    assert first["id"] in only and "☐" not in only
    assert [a["id"] for a in json.loads(pcli.ok("plan", "--done", "--json"))["actions"]] == [
        first["id"]
    ]
    # A story showing systems thinking completes its story action, and says so there and then
    # (under --json on stderr, as the text output says it: a script's output stays JSON).
    story = next(a for a in plan["actions"] if a["id"] == "story:systems-thinking:story-1")
    # A story the checker calls not ready yet leaves it open, and says what it lacks (Q13).
    draft = " ".join(
        pcli.ok(
            "story", "add", "--title", "Order flow draft", "--action",
            "We drew the order flow.", "--competency", "systems-thinking",
        ).split()
    )  # fmt: skip
    assert "“Order flow draft” shows systems thinking but is not ready yet: " in draft
    assert "This completes plan action" not in draft
    opened = {a["id"]: a for a in json.loads(pcli.ok("plan", "--json"))["actions"]}
    assert opened[story["id"]]["done_on"] is None
    added = pcli(
        "story", "add", "--title", "Mapping the order flow",
        "--situation", "In 2025 orders at Tempoline were lost between 5 teams.",
        "--task", "I had to find where the flow broke within 4 weeks.",
        "--action",
        "I drew the whole order flow across 5 teams and found 2 loops. I interviewed 12 "
        "people on each hand-off and chose to name one owner per hand-off, because nobody "
        "owned the gaps. The sales lead pushed back, so I showed him the 40 lost orders and "
        "we agreed a 2-week pilot. I ran the pilot with the warehouse lead and checked every "
        "lost order daily.",
        "--result",
        "Lost orders fell from 40 to 6 a month within 3 months, and the flow map became the "
        "onboarding guide.",
        "--competency", "systems-thinking", "--json",
    )  # fmt: skip
    assert json.loads(added.out)["story"]["title"] == "Mapping the order flow"
    said = " ".join(added.err.split())
    after = {a["id"]: a for a in json.loads(pcli.ok("plan", "--json"))["actions"]}
    assert after[story["id"]]["done_on"] == today.isoformat()
    # The number is the plan's as it stands now (the story brought a preparation action).
    number = after[story["id"]]["number"]
    assert f"This completes plan action {number}, “{story['title']}”: ticked" in said
    # Undoing it cannot stick while the story answers it: it says so rather than pretend.
    again = " ".join(pcli.ok("plan", "undo", story["id"]).split())
    assert again.startswith("Still done: ") and "`nextround story edit`" in again


def _plan_built_on(cli, day):
    """Date every action's joining the plan back to ``day``, as a plan kept for a while is."""
    with closing(sqlite3.connect(cli.db)) as conn, conn:
        conn.execute("UPDATE plan_actions SET created_on = ?", (day.isoformat(),))


def test_plan_done_on_an_earlier_day_counts_in_that_week_and_can_be_corrected(pcli):
    today = datetime.now(UTC).date()  # the CLI's own day: it runs with TZ=UTC
    pcli.ok("plan")
    _plan_built_on(pcli, today - timedelta(days=21))
    first, second = [a["id"] for a in json.loads(pcli.ok("plan", "week", "--json"))["actions"]][:2]
    last_week = today - timedelta(days=7)

    out = " ".join(pcli.ok("plan", "done", first, "--on", last_week.isoformat()).split())
    assert out.startswith(f"Done on {last_week}: "), out
    assert "streak 1 week" in out  # last week's action keeps the streak alive this week
    plan = json.loads(pcli.ok("plan", "--json"))
    assert {a["id"]: a["done_on"] for a in plan["actions"] if a["done_on"]} == {
        first: last_week.isoformat()
    }
    weeks = {w["week"]: w["done"] for w in plan["momentum"]["done_per_week"]}
    assert weeks[iso_week(last_week)] == 1 and weeks[iso_week(today)] == 0

    # Two weeks in a row with the one done today.
    assert "streak 2 weeks" in " ".join(pcli.ok("plan", "done", second).split())
    # A wrong day is corrected by giving the right one; ticking again keeps it.
    earlier = today - timedelta(days=14)
    out = " ".join(pcli.ok("plan", "done", first, "--on", earlier.isoformat()).split())
    assert out.startswith(f"Done on {earlier} (corrected from {last_week}): "), out
    out = " ".join(pcli.ok("plan", "done", first).split())
    assert out.startswith(f"Already done on {earlier}; nothing changed: "), out
    assert "To correct the day: `nextround plan done " in out and "--on DATE`" in out
    # A day before anything was said about its competency is refused, and says why.
    result = pcli("plan", "done", first, "--on", "2020-01-01")
    assert result.code == 2, result.err
    message = " ".join(result.err.split())
    assert "done on 2020-01-01 is before the first evidence about" in message, message
    assert "which this action answers; give a day from " in message
    # ...and undone as any other.
    assert pcli.ok("plan", "undo", first).startswith("Back on the list: ")
    done = [a["id"] for a in json.loads(pcli.ok("plan", "--json"))["actions"] if a["done_on"]]
    assert done == [second]


@pytest.mark.parametrize(
    ("on", "message"),
    [
        ("2999-01-01", r"done on 2999-01-01 is in the future; record it once it is done"),
        ("ages ago", r"--on 'ages ago' is not a date; write it as "),
    ],
)  # fmt: skip
def test_plan_done_refuses_a_day_it_cannot_have_been_done_on(pcli, on, message):
    today = datetime.now(UTC).date()
    built = today - timedelta(days=3)
    pcli.ok("plan")
    _plan_built_on(pcli, built)
    action = json.loads(pcli.ok("plan", "--json"))["actions"][0]["id"]
    before = full_dump(pcli.db)
    result = pcli("plan", "done", action, "--on", on)
    assert result.code == 2 and result.out == "", result
    assert re.search(message.format(built=built, today=today), result.err), result.err
    assert full_dump(pcli.db) == before


def test_undoing_an_action_the_plan_no_longer_suggests_says_it_leaves_the_list(pcli):
    plan = json.loads(pcli.ok("plan", "--json"))
    action = next(
        a["id"]
        for a in plan["actions"]
        if a["kind"] == "mitigate" and a["competency_id"] == "systems-thinking"
    )
    pcli.ok("plan", "done", action)
    # The feedback behind the systems-thinking gap goes: it no longer recurs.
    items = json.loads(pcli.ok("feedback", "list", "--json"))
    for item in [f["id"] for f in items if "system" in f["text"]]:
        pcli.ok("feedback", "rm", str(item), "--yes")
    out = " ".join(pcli.ok("plan", "undo", action).split())
    assert out.startswith("No longer marked done: ")
    assert "Your plan no longer suggests it" in out and "leaves the list" in out
    assert action not in [a["id"] for a in json.loads(pcli.ok("plan", "--json"))["actions"]]


def test_an_empty_profile_and_plan_say_what_to_do(cli):
    assert "No evidence yet." in cli.ok("profile")
    # QA7: `plan` and `plan week` sent the user to each other while both were empty.
    plan = " ".join(cli.ok("plan").split())
    week = " ".join(cli.ok("plan", "week").split())
    for said in (plan, week):
        assert "Nothing to plan yet. Actions appear when feedback names a gap and you review" in (
            said
        ), said
        assert "an interview is coming up within 7 days" in said
    assert "plan week" not in plan
    assert "`nextround plan`" not in week


def test_plan_week_before_the_plan_is_built_says_how_to_build_it(pcli):
    said = " ".join(pcli.ok("plan", "week").split())
    built = len(json.loads(pcli.ok("plan", "--json"))["actions"])
    assert f"Your plan is not built yet: `nextround plan` builds it, with {built} open " in said
    assert "This week" in pcli.ok("plan", "week")


def test_plan_done_on_a_day_before_the_plan_was_built(pcli):
    # A new user logs Monday's work on the plan built today (the README's example).
    monday = datetime.now(UTC).date() - timedelta(days=3)
    pcli.ok("plan")
    action = json.loads(pcli.ok("plan", "--json"))["actions"][0]["id"]
    out = " ".join(pcli.ok("plan", "done", action, "--on", monday.isoformat()).split())
    assert out.startswith(f"Done on {monday}: "), out


BAD = [
    (["profile", "explain", "nope"], r"no competency with id nope; see `nextround framework show"),
    (
        ["profile", "explain", "risk managment"],
        r"no competency with id risk managment; did you mean 'risk-management' \(Risk manage",
    ),
    (["profile", "explain", "risk"], r"no competency with id risk; did you mean 'risk-management"),
    (["profile", "explain"], r"Missing argument 'COMPETENCY'"),
    (["profile", "--bogus"], r"No such option '--bogus'"),
    (["plan", "done", "nope"], r"no plan action with id nope; run `nextround plan`"),
    (["plan", "done"], r"Missing argument 'N_OR_ID'"),
    (
        ["plan", "undo", "nope"],
        r"no plan action with id nope; run `nextround plan` to see the numbers",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(b[0]) for b in BAD])
def test_bad_input_fails_with_one_line_and_writes_nothing(pcli, args, message):
    pcli.ok("plan")
    before = full_dump(pcli.db)
    result = pcli(*args)
    assert result.code == error_code(message), result
    assert result.out == ""
    assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    assert re.search(message, result.err), result.err
    assert full_dump(pcli.db) == before


def test_one_outside_source_and_your_own_rating_is_no_recurring_gap(cli):
    """One recruiter sentence plus the person's self-rating of the same interview."""
    from datetime import date, timedelta

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from tests.e2e.conftest import open_app, seed_application
    from tests.unit.growth_fakes import KeywordMapper

    seeded = seed_application(cli, "Zeta")
    cli.ok("debrief", str(seeded.interview), "--overall", "2", "--rate", "stakeholder-management=2")
    app = open_app(cli)
    try:
        with app.uow() as uow:
            add_mapped_feedback(
                uow,
                "Your stakeholder management did not come through.",
                FeedbackSource.RECRUITER,
                lambda: KeywordMapper([("stakeholder", "stakeholder-management", 0.9)]),
                "nextround-core",
                received_on=date.today() - timedelta(days=1),
                links=FeedbackLinks(application_id=seeded.application),
            )
    finally:
        app.close()
    out = " ".join(cli.ok("profile").split())
    gaps = out[out.index("Recurring gaps") : out.index("Calibration")]
    assert "None: no gap has come up from two independent sources besides you." in gaps
    assert re.search(
        r"Heard once so far \(one more independent source besides you makes it recurring; "
        r"until then, ask for specifics and watch for it\): Stakeholder management "
        r"\(Zeta[^)]*recruiter, [\d-]+, not reviewed yet, and your own view agrees\)",
        gaps,
    ), gaps
    assert not json.loads(cli.ok("profile", "--json"))["recurring_gaps"]
    # Not a recurring gap, but her own rating agrees: one action, said to be provisional.
    # (The seeded process has a lunch a week ahead: the gap's story prepares for it.)
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    mitigations = [a for a in plan if a["kind"] == "mitigate"]
    assert [a["competency_id"] for a in mitigations] == ["stakeholder-management"]
    # ...and the story the Stories page says it needs (QA17 F14).
    assert {a["kind"] for a in plan} == {"mitigate", "story"}
    assert mitigations[0]["title"].endswith("(provisional: heard once)")
    assert mitigations[0]["why"].startswith(
        "Stakeholder management was heard once so far (the recruiter, Zeta), not reviewed yet, "
        "and your own view agrees. A provisional action, not a recurring gap yet: one more "
        "independent source besides you makes it one."
    ), mitigations[0]["why"]


def test_no_spike_explains_the_rule_and_why_a_strength_misses_it(cli):
    from datetime import date

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.e2e.conftest import open_app, seed_application
    from tests.unit.growth_fakes import KeywordMapper

    apps = [seed_application(cli, name).application for name in ("Zeta", "Eta")]
    app = open_app(cli)
    try:
        # Three confirmed, fresh interviewer strengths: Beta(4, 1), cautious end 0.56.
        for app_id in (apps[0], apps[1], apps[1]):
            with app.uow() as uow:
                _, statements = add_mapped_feedback(
                    uow,
                    "Excellent stakeholder management.",
                    FeedbackSource.INTERVIEWER,
                    lambda: KeywordMapper([("stakeholder", "stakeholder-management", 0.9)]),
                    "nextround-core",
                    received_on=date.today(),
                    links=FeedbackLinks(application_id=app_id),
                )
            with app.uow() as uow:
                review_statement(uow, statements[0].id or 0)
    finally:
        app.close()
    out = " ".join(cli.ok("profile").split())
    spikes = out[out.index("Spikes (clear strengths)") : out.index("Recurring gaps")]
    assert "None yet. A spike needs the cautious end of its 80% range above 0.60" in spikes
    # Only the cautious end is short: a likely spike, with what would confirm it.
    assert (
        "Likely spike Stakeholder management 0.80 (0.56–0.97): 2 independent sources besides "
        "you call it a strength, in statements you have reviewed, nothing against it; only the "
        "cautious end of its 80% range, 0.56, is short of the 0.60 a spike needs. One more "
        "reviewed strength statement from an interviewer or hiring manager, with nothing "
        "against, would confirm it. Lean on it provisionally" in spikes
    ), spikes
    assert '"Excellent stakeholder management." — ' in spikes
    profile = json.loads(cli.ok("profile", "--json"))
    verdicts = {c["competency_id"]: c["verdict"] for c in profile["competencies"]}
    assert verdicts["stakeholder-management"] == "strength" and profile["spikes"] == []
    likely = next(
        c["likely_spike"]
        for c in profile["competencies"]
        if c["competency_id"] == "stakeholder-management"
    )
    assert likely["reviewed_sources"] == 2 and likely["more_statements_needed"] == 1
    # The plan leans on it, and says it is provisional.
    plan = " ".join(cli.ok("plan").split())
    assert "Put stakeholder management into your pitch (provisionally: a likely spike)" in plan
    # `profile explain` gives the whole checklist: each condition, met or not, with figures.
    explained = cli.ok("profile", "explain", "stakeholder-management")
    rule = explained[explained.index("Not a spike yet") :].split("\n")
    assert rule[0] == "Not a spike yet: 2 of the 3 conditions are met."
    checks = " ".join(" ".join(rule[1:6]).split())
    assert re.search(
        r"✗ The cautious end of its 80% range above 0\.60: 0\.56 \(range 0\.56–\d\.\d\d, "
        r"0\.\d\d wide\) ✓ Strength evidence from at least 2 independent sources other than you "
        r"\(your own ratings may agree, but do not count as one\): 2 ✓ At least 2 of them in "
        r"statements you have reviewed: 2 reviewed",
        checks,
    ), checks
    listed = json.loads(cli.ok("profile", "explain", "stakeholder-management", "--json"))
    checklist = listed["patterns"]["spike_checklist"]
    assert [(c["condition"], c["met"], c["needed"]) for c in checklist] == [
        ("cautious_end", False, 0.6),
        ("outside_sources", True, 2),
        ("reviewed_sources", True, 2),
    ]
    assert checklist[0]["value"] == round(listed["score"]["low"], 4)
    assert "Likely spike: only the cautious end is short; one more reviewed strength" in (
        " ".join(explained.split())
    )


def test_three_unanimous_reviewed_sources_thin_by_weight_show_as_a_likely_spike(cli, tmp_path):
    """QA16 Q10: a year's praise from three sources, nothing against, was "None yet"."""
    from datetime import date, timedelta

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.e2e.conftest import open_app
    from tests.unit.growth_fakes import KeywordMapper

    applied = (date.today() - timedelta(days=200)).isoformat()
    cli.ok("app", "add", "Geodis", "Head of Transformation PMO", "--applied", applied)
    geodis = 1
    app = open_app(cli)
    # Last year's manager review, a 360 a month later, one hiring manager half a year ago:
    # 0.71 (0.39–0.96), "thin evidence" by weight, well under the 0.45 a likely spike used
    # to need.
    said = (
        (FeedbackSource.MANAGER_REVIEW, 347, None, "Her planning is excellent."),
        (FeedbackSource.PEER, 326, None, "Extremely organised: her planning never slips."),
        (FeedbackSource.HIRING_MANAGER, 175, geodis, "Great planning and delivery record."),
    )
    try:
        for source, days, app_id, text in said:
            with app.uow() as uow:
                _, statements = add_mapped_feedback(
                    uow,
                    text,
                    source,
                    lambda: KeywordMapper([("planning", "planning-execution", 0.9)]),
                    "nextround-core",
                    received_on=date.today() - timedelta(days=days),
                    links=FeedbackLinks(application_id=app_id),
                )
            with app.uow() as uow:
                review_statement(uow, statements[0].id or 0)
    finally:
        app.close()
    out = " ".join(cli.ok("profile").split())
    spikes = out[out.index("Spikes (clear strengths)") : out.index("Recurring gaps")]
    assert re.search(
        r"Likely spike Planning and execution 0\.\d\d \(0\.3\d–0\.\d\d\): 3 independent "
        r"sources besides you call it a strength, in statements you have reviewed, nothing "
        r"against it; only the cautious end of its 80% range, 0\.3\d, is short of the 0\.60 a "
        r"spike needs\. (Two|Three) more reviewed strength statements from an interviewer or "
        r"hiring manager, with nothing against, would confirm it\. Lean on it provisionally",
        spikes,
    ), spikes
    # QA20 F9: the three sources it claims are each quoted, the faded review too.
    for _, _, _, text in said:
        assert f'"{text}"' in spikes, text
    report = tmp_path / "p.html"
    cli.ok("report", "profile", "-o", str(report))
    page = report.read_text(encoding="utf-8")
    likely = page[page.index("Planning and execution") :]
    assert all(text in likely for _, _, _, text in said)
    profile = json.loads(cli.ok("profile", "--json"))
    row = next(c for c in profile["competencies"] if c["competency_id"] == "planning-execution")
    assert row["verdict"] == "thin evidence" and profile["spikes"] == []
    assert row["likely_spike"]["reviewed_sources"] == 3
    plan = " ".join(cli.ok("plan").split())
    assert "Put planning and execution into your pitch (provisionally: a likely spike)" in plan
    assert "No lean-in yet" not in plan


def test_the_trend_does_not_move_in_a_quarter_without_new_evidence(cli):
    from datetime import date, timedelta

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.e2e.conftest import open_app, seed_application
    from tests.unit.growth_fakes import KeywordMapper

    seeded = seed_application(cli, "Zeta")
    app = open_app(cli)
    try:
        # ~7 months apart: at least one whole quarter in between hears nothing. Both are
        # reviewed, so the two make a recurring gap and its trend is shown.
        for source, days in ((FeedbackSource.RECRUITER, 210), (FeedbackSource.HIRING_MANAGER, 5)):
            with app.uow() as uow:
                _, statements = add_mapped_feedback(
                    uow,
                    "Risk management did not come through.",
                    source,
                    lambda: KeywordMapper([("risk", "risk-management", 0.9)]),
                    "nextround-core",
                    received_on=date.today() - timedelta(days=days),
                    # The old one predates the application: heard outside it.
                    links=FeedbackLinks(application_id=seeded.application) if days < 60 else None,
                )
            for statement in statements:
                with app.uow() as uow:
                    review_statement(uow, statement.id or 0)
    finally:
        app.close()
    out = " ".join(cli.ok("profile").split())
    trend = out[out.index("Trend (score at each quarter's end, today last") :]
    line = re.split("“|Explain any number", trend[trend.index("Risk management:") :])[0]
    steps = [step.strip() for step in line.removeprefix("Risk management:").split("→")]
    assert any(step.endswith("no new evidence") for step in steps[1:-1]), steps
    # The last point is today's score, said to be fading if this quarter heard nothing new.
    assert re.fullmatch(r"\d{4}Q\d \d\.\d\d", steps[0]) and re.fullmatch(
        r"\d{4}Q\d \d\.\d\d( \(no new evidence: older evidence fading\))?", steps[-1]
    ), steps
    points = json.loads(cli.ok("profile", "--json"))["trend"][0]["points"]
    quiet = [p for p in points if p["carried_forward"]]
    assert quiet and all(p["new_evidence"] == 0 and p["mean"] == points[0]["mean"] for p in quiet)
    assert "trend moves only in quarters where new evidence arrived" in " ".join(
        cli.ok("profile", "--help").split()
    )


def test_a_past_point_moved_mostly_by_fading_is_marked_and_explained(cli):
    from datetime import date, timedelta

    from nextround.domain.feedback import FeedbackSource
    from nextround.domain.profile import quarter_label
    from nextround.services.feedback import add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.e2e.conftest import open_app
    from tests.unit.growth_fakes import KeywordMapper

    today = date.today()
    heard = [
        # Two reviewed gaps over a year ago: a recurring gap, so its trend is shown.
        ("Risk management did not come through.", FeedbackSource.RECRUITER, 400),
        ("Risk management did not come through.", FeedbackSource.HIRING_MANAGER, 395),
        # Then, in a past quarter, a mention that reads neither way: it moves nothing, so
        # that point's change is all fading of the old gaps.
        ("We talked about your risk management approach.", FeedbackSource.MENTOR, 150),
    ]
    app = open_app(cli)
    try:
        for text, source, days in heard:
            with app.uow() as uow:
                _, statements = add_mapped_feedback(
                    uow,
                    text,
                    source,
                    lambda: KeywordMapper([("risk", "risk-management", 0.9)]),
                    "nextround-core",
                    received_on=today - timedelta(days=days),
                )
            for statement in statements:
                with app.uow() as uow:
                    review_statement(uow, statement.id or 0)
    finally:
        app.close()
    quarter = quarter_label(today - timedelta(days=150))
    points = json.loads(cli.ok("profile", "--json"))["trend"][0]["points"]
    moved = next(p for p in points if p["quarter"] == quarter)
    assert (moved["new_evidence"], moved["change_from_new_evidence"]) == (1, 0)
    assert moved["faded"] and moved["change_from_fading"] > 0 and not moved["carried_forward"]
    assert points[-1]["faded"] and points[-1]["new_evidence"] == 0
    assert [p["quarter"] for p in points if p["faded"]] == [quarter, points[-1]["quarter"]]

    out = " ".join(cli.ok("profile").split())
    trend = out[out.index("Trend (score at each quarter's end") : out.index("Explain any number")]
    assert re.search(rf"{quarter} \d\.\d\d \(mostly older evidence fading\) →", trend), trend
    assert trend.count("(mostly older evidence fading)") == 1
    assert "(no new evidence: older evidence fading)" in trend
    # What the mark means, and where to see what moved the point.
    assert "“older evidence fading”: it moved more because older evidence" in trend
    assert f"nextround profile explain risk-management --as-of {quarter}" in trend

    explained = " ".join(
        cli.ok("profile", "explain", "risk-management", "--as-of", quarter).split()
    )
    assert re.search(
        rf"Trend point {quarter}: \d\.\d{{3}}, \+\d\.\d{{3}} since \d{{4}}Q\d \(\d\.\d{{3}}\): "
        r"±0\.000 from 1 new piece of evidence, \+\d\.\d{3} from older evidence fading; "
        r"mostly older evidence fading\.",
        explained,
    ), explained
    point = json.loads(
        cli.ok("profile", "explain", "risk-management", "--as-of", quarter, "--json")
    )
    assert point["trend_point"] == moved
    now = " ".join(cli.ok("profile", "explain", "risk-management").split())
    assert "Trend: " in now and f"{quarter} " in now
    assert (
        f"What moved an earlier point: nextround profile explain risk-management --as-of {quarter}"
        in now
    )


def test_plan_week_prepares_for_the_interview_coming_up(pcli):
    from datetime import date, timedelta

    pcli.ok("plan")
    on = date.today() + timedelta(days=2)
    pcli.ok(
        "interview", "add", "2", "Risk deep dive", "--at", f"{on} 10:00",
        "--with", "Mei Tan, Director", "--competency", "risk-management",
    )  # fmt: skip
    reason = f"For your final loop at Orbitra with Mei Tan on {on:%A}: "
    week = json.loads(pcli.ok("plan", "week", "--json"))["actions"]
    assert 1 <= len(week) <= 5
    # The gap the round is set to probe comes first, and each pick says why in words.
    assert week[0]["competency_id"] == "risk-management"
    assert week[0]["why"].startswith(f"{reason}risk management is expected to come up.")
    # The round takes the first three places; the rest of the week keeps the plan's turns.
    assert all(a["why"].startswith("For your final loop at ") for a in week[:3])
    text = " ".join(pcli.ok("plan", "week").split())
    assert reason in text and "·" not in text.split("This week", 1)[1].split("Momentum")[0]
    # The reason is worked out each time, never stored: the plan keeps its own words.
    stored = {a["id"]: a for a in json.loads(pcli.ok("plan", "--json"))["actions"]}
    assert not stored[week[0]["id"]]["why"].startswith("For your")
    assert [a["id"] for a in json.loads(pcli.ok("plan", "week", "--json"))["actions"]] == [
        a["id"] for a in week
    ]


def test_a_calibration_on_one_outside_piece_is_called_provisional(cli, data_dir):
    from nextround.bootstrap import Nextround
    from nextround.config import Settings
    from tests.integration.thin_calibration import seed_thin_calibration

    app = Nextround(Settings(data_dir=data_dir, database_url=f"sqlite:///{cli.db}"))
    seed_thin_calibration(app)
    app.close()
    caveat = (
        "Based on 1 outside piece of evidence per competency, which is thin everywhere: treat "
        "this figure as provisional until more feedback arrives."
    )
    assert caveat in " ".join(cli.ok("profile").split())
    assert caveat in " ".join(cli.ok("profile", "explain", "calibration").split())
    assert json.loads(cli.ok("profile", "--json"))["calibration"]["provisional"] is True


def test_a_rejection_with_gaps_you_agree_with_gives_a_plan_and_preparation(cli):
    """QA7 F4: reviewed gaps heard once, your own low rating, and a round in six days."""
    from datetime import date, timedelta

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.e2e.conftest import open_app, seed_application
    from tests.unit.growth_fakes import KeywordMapper

    rejected = seed_application(cli, "Brightwave")
    cli.ok("debrief", str(rejected.interview), "--overall", "2", "--rate", "risk-management=2")
    app = open_app(cli)
    try:
        with app.uow() as uow:
            _, statements = add_mapped_feedback(
                uow,
                "She didn't hear a system for tracking risks. The wider impact on other orgs "
                "was missing.",
                FeedbackSource.RECRUITER,
                lambda: KeywordMapper(
                    [("risk", "risk-management", 0.9), ("impact", "systems-thinking", 0.9)]
                ),
                "nextround-core",
                received_on=date.today() - timedelta(days=3),
                links=FeedbackLinks(application_id=rejected.application),
            )
        for statement in statements:
            with app.uow() as uow:
                review_statement(uow, statement.id, statement.competencies, statement.polarity)
    finally:
        app.close()
    profile = json.loads(cli.ok("profile", "--json"))
    assert profile["recurring_gaps"] == []  # the rule stays: one source is no recurring gap
    # The other process has a system design round in six days, nothing tagged on it.
    upcoming = seed_application(cli, "Halcyon")
    on = date.today() + timedelta(days=6)
    cli.ok("interview", "add", str(upcoming.application), "System design", "--at", f"{on} 10:00",
           "--format", "technical", "--with", "Ravi Patel")  # fmt: skip
    plan = json.loads(cli.ok("plan", "--json"))["actions"]
    mitigations = {a["competency_id"]: a for a in plan if a["kind"] == "mitigate"}
    assert set(mitigations) == {"risk-management", "systems-thinking"}
    assert all("(provisional: heard once)" in a["title"] for a in mitigations.values())
    assert (
        "in a statement you reviewed, and your own view agrees"
        in (mitigations["risk-management"]["why"])
    )
    prepared = [a for a in plan if a["kind"] == "prepare"]
    # Each gap heard once has its story to write (QA17 F14), which prepares for it too.
    stories = {a["competency_id"] for a in plan if a["kind"] == "story"}
    assert stories == {"risk-management", "systems-thinking"}
    assert any(a["title"] == "Rehearse walking through a system you designed" for a in prepared)
    week = " ".join(cli.ok("plan", "week").split())
    assert "This week" in week and "For your final loop at Halcyon with Ravi Patel" in week
    assert "Nothing to plan yet" not in week


def _plan_words(cli) -> str:
    return " ".join(
        f"{a['title']} {a['detail']} {a['why']}"
        for a in json.loads(cli.ok("plan", "--json"))["actions"]
    )


def test_deleting_an_application_and_feedback_leaves_none_of_their_words(pcli):
    """Erasure: no open action, done action or export keeps a quote of what was deleted."""
    plan = json.loads(pcli.ok("plan", "--json"))["actions"]
    quoting = [a for a in plan if "Risk management did not come through" in a["detail"]]
    assert quoting, "the seeded plan quotes the Tempoline recruiter"
    pcli.ok("plan", "done", quoting[0]["id"])
    items = json.loads(pcli.ok("feedback", "list", "--json"))
    mitigated = next(f for f in items if f["text"].startswith("She never mitigated"))
    asked = pcli("app", "rm", "1", stdin="n\n").out
    assert "1 done action stays as history, without its quotes of it." in " ".join(asked.split())
    pcli.ok("app", "rm", "1", "-y")
    pcli.ok("feedback", "rm", str(mitigated["id"]), "-y")
    export = pcli.cwd / "after.json"
    pcli.ok("export", "json", "-o", str(export))
    saved = export.read_text(encoding="utf-8")
    for gone in ("Risk management did not come through", "She never mitigated"):
        assert gone not in saved
        assert gone not in _plan_words(pcli)
    done = [
        a for a in json.loads(pcli.ok("plan", "--json"))["actions"] if a["id"] == quoting[0]["id"]
    ]
    assert [a["done_on"] is not None for a in done] == [True]  # kept as work done


def test_a_gap_one_self_note_agrees_with_and_the_calibration_heading_name_notes(cli):
    """QA16: one self-debrief sentence is "your one note", and the heading counts notes."""
    from datetime import date, timedelta

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.e2e.conftest import open_app
    from tests.unit.growth_fakes import KeywordMapper

    applied = (date.today() - timedelta(days=90)).isoformat()
    for company in ("DHL", "Kuehne"):
        cli.ok("app", "add", company, "Programme manager", "--applied", applied)
    said = (
        (FeedbackSource.RECRUITER, 1, "Your stakeholder answers were vague."),
        (FeedbackSource.INTERVIEWER, 2, "Stakeholder communication lacked crispness."),
        (FeedbackSource.SELF, 1, "I felt I rambled on the stakeholder question."),
    )
    app = open_app(cli)
    try:
        for source, app_id, text in said:
            with app.uow() as uow:
                _, statements = add_mapped_feedback(
                    uow,
                    text,
                    source,
                    lambda: KeywordMapper([("stakeholder", "stakeholder-management", 0.9)]),
                    "nextround-core",
                    received_on=date.today() - timedelta(days=30),
                    links=FeedbackLinks(application_id=app_id),
                )
            with app.uow() as uow:
                review_statement(uow, statements[0].id or 0)
    finally:
        app.close()
    out = " ".join(cli.ok("profile").split())
    gaps = out[out.index("Recurring gaps") : out.index("Calibration")]
    assert "Stakeholder management" in gaps and "· your note of " in gaps, gaps
    assert "your own view agrees" not in gaps
    assert "Calibration (your self-ratings and notes against what others' evidence says)" in out, (
        out
    )
    assert "your self-ratings against" not in out


def test_only_the_commands_that_score_import_scipy(pcli):
    # scipy.special (the Beta intervals) costs ~0.25 s with numpy, which nothing else on these
    # commands imports: a command that shows no score must not pay for it.
    assert "scipy.special" in pcli.imported("plan")  # builds the plan: scores every gap
    number = str(json.loads(pcli.ok("plan", "week", "--json"))["actions"][0]["number"])
    for args in (["plan", "week"], ["plan", "done", number], ["story", "list"], ["app", "list"]):
        assert "scipy.special" not in pcli.imported(*args), args

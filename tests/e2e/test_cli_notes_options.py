"""`nextround note` and `nextround options` as subprocesses: each command, its JSON, bad input."""

from __future__ import annotations

import email
import json
import re
import subprocess
import sys
from dataclasses import replace
from email import policy

import pytest

from tests.e2e.conftest import dump
from tests.e2e.test_cli_errors import assert_clean_failure


def test_thank_you_drafts_three_variants_from_the_record(seeded):
    cli, journey = seeded
    out = " ".join(cli.ok("note", "thank-you", str(journey.main)).split())
    assert "Thank-you note for Technical Program Manager at Tempoline" in out
    assert "after rejection · to Maya Lindgren" in out
    for variant in ("Variant 1 · classic", "Variant 2 · moment first", "Variant 3 · brief"):
        assert variant in out
    assert "Dear Maya," in out and "Hi Maya," in out and "Hello Maya," in out
    assert "Keep one: nextround note thank-you 1 --variant N --save" in out
    # Nothing confirmed yet: the note names no learning, and says how to get one.
    assert (
        "learning: none (1 piece of feedback still waits for your review; confirm its "
        "statements to add one; `nextround feedback review` goes through them)"
    ) in out
    data = json.loads(cli.ok("note", "thank-you", str(journey.main), "--json"))
    assert [d["variant"] for d in data["drafts"]] == [1, 2, 3]
    assert data["tone"] == "after_rejection" and data["saved_note_id"] is None
    assert all(d["words"] <= 150 for d in data["drafts"])


@pytest.mark.parametrize(
    ("label", "heading", "said"),
    [
        ("R2 - panel (video)", "Tempoline · R2 - panel (video) · after", "round 2 (panel, video)"),
        ("Earlier", "Tempoline · Earlier (round 2) · after", "the earlier round"),
        ("Round 2", "Tempoline · Round 2 · after", "round 2"),
    ],
)
def test_the_round_label_reads_naturally_in_the_note_and_its_heading(seeded, label, heading, said):
    cli, journey = seeded
    cli.ok("round", "edit", str(journey.loop_round), "--name", label)
    out = " ".join(cli.ok("note", "thank-you", str(journey.main)).split())
    assert heading in out and f"right up to {said}." in out


def test_keep_mark_sent_list_show_and_export(seeded, tmp_path):
    cli, journey = seeded
    before = dump(cli.db)
    cli.ok("note", "thank-you", str(journey.main), "--variant", "2")
    assert dump(cli.db) == before  # drafting alone writes nothing
    out = cli.ok("note", "thank-you", str(journey.main), "--variant", "2", "--save")
    assert "Saved as note 1 (not sent yet). When it is out: nextround note sent 1" in out
    out = cli.ok("note", "thank-you", "1", "--tone", "after-interview", "--sent", "2025-06-19")
    assert "Saved as note 2 (sent on 2025-06-19)." in out
    assert "Sent on 2025-06-20" not in cli.ok("note", "sent", "1", "--on", "2025-06-20")
    listed = json.loads(cli.ok("note", "list", "--json"))
    assert [(n["id"], n["sent_on"], n["variant"], n["tone"]) for n in listed] == [
        (1, "2025-06-20", 2, "after_rejection"),
        (2, "2025-06-19", 1, "after_interview"),
    ]
    assert {n["kind"] for n in listed} == {"thank_you"}
    table = cli.ok("note", "list", "--app", "1")
    assert "Kind" in table and "thank-you" in table
    shown = cli.ok("note", "show", "1")
    assert "Note 1 · thank-you · Technical Program Manager at Tempoline" in shown
    assert "To: Maya Lindgren <maya@tempoline.example>" in shown
    assert "sent on 2025-06-20" in shown
    assert "Notes are signed by Zoë Ångström" in cli.ok(
        "note", "sender", "Zoë Ångström <zoe@example.test>"
    )
    target = tmp_path / "thanks.eml"
    out = cli.ok("note", "show", "1", "--eml", str(target))
    assert f"Wrote {target}" in " ".join(out.split())
    assert "Not in its To line" not in out  # Maya has an email on record
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["To"].addresses[0].display_name == "Maya Lindgren"
    # Someone with no email on record cannot be addressed: the command says so.
    cli.ok("contact", "add", "Jonas Ekström", "--app", "1", "--role", "hiring-manager")
    both = tmp_path / "both.eml"
    out = cli.ok(
        "note", "thank-you", "1", "--to", "Maya Lindgren", "--to", "Jonas Ekström",
        "--eml", str(both),
    )  # fmt: skip
    assert "Not in its To line, having no email on record: Jonas Ekström." in " ".join(out.split())
    # Two contacts of the same name: the ids tell them apart.
    cli.ok("contact", "add", "Jonas Ekström", "--app", "1", "--role", "interviewer")
    twice = cli("note", "thank-you", "1", "--to", "Jonas Ekström")
    assert twice.code == 2
    assert re.search(
        r"could be Jonas Ekström \(contact \d+\), Jonas Ekström \(contact \d+\)", twice.err
    )
    # Emoji shortcodes in the user's own words are shown as typed, not as emoji.
    cli.ok("app", "add", "Acme :x:", "PM :smile:", "--applied", "2026-10-01")
    assert "Acme :x:" in cli.ok("app", "list") and "❌" not in cli.ok("app", "list")
    assert message["From"].addresses[0].display_name == "Zoë Ångström"
    assert message["X-Unsent"] is None  # it went out: not a draft any more
    # Dated the day it went out, not the day it was exported.
    assert message["Date"].datetime.date().isoformat() == "2025-06-20"
    # Kept before a sender was set, it ended with the blank to fill: the sender fills it.
    content = message.get_content().replace("\r\n", "\n").rstrip()
    assert content.endswith("Warm wishes,\nZoë Ångström")
    assert "[Your name]" in cli.ok("note", "show", "1")  # the kept note stays as kept


def test_eml_keeps_an_existing_file_unless_forced_and_saves_nothing_first(seeded, tmp_path):
    cli, journey = seeded
    cli.ok("note", "sender", "Zoë Ångström <zoe@example.test>")
    cli.ok("note", "thank-you", str(journey.main), "--save")
    target = tmp_path / "mine.eml"
    target.write_text("the person's own file", "utf-8")
    for args in (
        ["note", "show", "1", "--eml", str(target)],
        ["note", "thank-you", str(journey.main), "--sent", "2025-06-19", "--eml", str(target)],
    ):
        assert_clean_failure(
            cli, args, r"mine\.eml already exists; give another file name, or add --force"
        )
        assert target.read_text("utf-8") == "the person's own file"
    out = cli.ok("note", "show", "1", "--eml", str(target), "--force")
    assert f"Wrote {target}" in " ".join(out.split())
    assert email.message_from_bytes(target.read_bytes(), policy=policy.default)["Subject"]
    cli.ok("note", "thank-you", "1", "--variant", "3", "--eml", str(target), "--force")
    assert "Hello Maya," in target.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.glob("*.eml*")) == ["mine.eml"]  # no temp file left
    help_text = " ".join(cli.ok("note", "show", "--help").replace("│", " ").split())
    assert "an existing file is kept unless you add --force" in help_text


def test_rm_asks_first_then_deletes_only_that_note(seeded):
    cli, journey = seeded
    app = str(journey.main)
    cli.ok("note", "thank-you", app, "--save")
    cli.ok("note", "thank-you", app, "--variant", "3", "--sent", "2025-06-19")
    before = dump(cli.db)
    refused = cli("note", "rm", "2", stdin="n\n")
    assert refused.code == 1 and refused.err.strip() == "Aborted; nothing was changed."
    assert (
        "Delete note 2 to Maya Lindgren (Technical Program Manager at Tempoline, sent on "
        "2025-06-19)? It cannot be undone" in " ".join(refused.out.split())
    )
    assert dump(cli.db) == before
    out = cli.ok("note", "rm", "2", stdin="y\n")
    assert "Deleted note 2 to Maya Lindgren (Technical Program Manager at Tempoline" in " ".join(
        out.split()
    )
    assert [n["id"] for n in json.loads(cli.ok("note", "list", "--json"))] == [1]
    assert "Deleted note 1" in cli.ok("note", "rm", "1", "--yes")
    assert "No notes yet." in cli.ok("note", "list")


def test_edit_opens_the_editor_and_keeps_the_changed_words(seeded, tmp_path):
    cli, _ = seeded
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text('Subject: My own subject\\n\\nDear Maya, thank you — my own words.\\n')\n",
        "utf-8",
    )
    env = {**cli.env, "EDITOR": f"{sys.executable} {editor}"}
    done = subprocess.run(
        [sys.executable, "-m", "nextround", "--db", cli.db, "note", "thank-you", "1", "--edit",
         "--save"],
        env=env, cwd=cli.cwd, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    note = json.loads(cli.ok("note", "list", "--json"))[0]
    assert note["subject"] == "My own subject"
    assert note["body"] == "Dear Maya, thank you — my own words."
    # An editor that fails (or is not there) gets one line, and nothing is saved.
    for broken in ("false", str(tmp_path / "no-such-editor")):
        failed = subprocess.run(
            [sys.executable, "-m", "nextround", "--db", cli.db, "note", "thank-you", "1",
             "--edit", "--save"],
            env={**cli.env, "EDITOR": broken}, cwd=cli.cwd, capture_output=True, text=True,
            check=False, timeout=60,
        )  # fmt: skip
        assert failed.returncode == 2 and "Traceback" not in failed.stderr, failed.stderr
        assert "nothing was saved. Set EDITOR to an editor that works" in failed.stderr
    assert len(json.loads(cli.ok("note", "list", "--json"))) == 1


def test_option_a_criteria_define_rate_and_rank(seeded):
    cli, journey = seeded
    assert "Defaults, all weight 1" in cli.ok("options", "criteria")
    cli.ok("options", "criteria", "set", "scope=3", "growth=2", "--target", "compensation=3")
    cli.ok("options", "criteria", "add", "work-life", "--weight", "2")
    # Words in place of an id, as the web's form takes them: the id is made from the name.
    added = cli.ok("options", "criteria", "add", "Data/fintech domain")
    assert re.search(r"│ data-fintech-domain +│ Data/fintech domain +│", added)
    cli.ok("options", "criteria", "remove", "data-fintech-domain")
    cli.ok("options", "criteria", "remove", "learning")
    out = cli.ok(
        "options", "define", "--description", "A TPM role in Amsterdam",
        "--must", "no relocation [location~amsterdam,remote]", "--must", "a mission I care about",
        "--threshold", "3.5",
    )  # fmt: skip
    assert "no relocation (no-relocation)" in " ".join(out.split())
    # Weights 3, 2, 1, 1, 1, 1, 2 of 11: one by one 27 + 18 + 9 * 4 + 18 = 99%; the point
    # left over goes to the largest remainder, scope's 27.27.
    shares = re.findall(r"│ +(\d+)% │", cli.ok("options", "criteria"))
    assert shares == ["28", "18", "9", "9", "9", "9", "18"]
    shown = json.loads(cli.ok("options", "show", "--json"))
    assert [c["id"] for c in shown["criteria"]][-1] == "work-life"
    assert shown["criteria"][4] == {"id": "compensation", "name": "Compensation", "weight": 1.0,
                                    "target": 3}  # fmt: skip
    rated = json.loads(
        cli.ok("options", "rate", str(journey.main), "scope=4", "growth=4", "mission=5", "team=4",
               "compensation=3", "work-life=4", "a-mission-i-care-about=yes", "--json")
    )  # fmt: skip
    # Weights scope 3, growth 2, mission 1, team 1, compensation 1, location 1, work-life 2
    # (11); location is derived: the main application is remote, so 5.
    # (3*4 + 2*4 + 5 + 4 + 3 + 5 + 2*4) / 11 = 45 / 11
    assert rated["complete"] and rated["score"] == pytest.approx(45 / 11, abs=1e-4)
    # 4 against a target of 5 is close, not a gain; compensation 3 meets its target of 3.
    assert rated["gains"] == ["location", "mission"]
    assert rated["close"] == ["scope", "growth", "work-life", "team"]
    shown = " ".join(cli.ok("options", "rate", str(journey.main)).split())
    assert "gains: location and remote 5 (from the record), mission 5" in shown
    assert "close: scope and impact 4 (target 5), growth 4 (target 5)" in shown
    # QA9 F11: what the gap means is said once per command, not once per opportunity.
    assert shown.count("a surplus never offsets a shortfall") == 1
    cli.ok("options", "rate", str(journey.offer), "scope=2", "growth=2", "mission=1", "team=3",
           "compensation=5", "location=1", "work-life=2", "a-mission-i-care-about=no")  # fmt: skip
    ranked = json.loads(cli.ok("options", "rank", "--json"))
    assert [r["application_id"] for r in ranked["ranking"]] == [journey.main, journey.offer]
    assert ranked["sensitivity"] == {
        "stable": True,
        "order_stable": True,
        "step": 0.2,
        "changes": [],
    }
    assert ranked["unrated"] == 1
    out = " ".join(cli.ok("options", "rank").split())
    assert "Option A ranking · threshold 3.5" in out
    assert "Trade-offs Northwind Audio (declined, application 2)" in out
    assert "misses: a mission I care about" in out
    assert "Sensitivity: stable" in out
    assert out.count("a surplus never offsets a shortfall") == 1
    # On 60 columns the figures stay whole; the company names wrap instead.
    phone = replace(cli, env={**cli.env, "COLUMNS": "60"}).ok("options", "rank")
    rows = [line for line in phone.splitlines() if line.startswith("│")]
    assert rows and all(len(line) <= 60 for line in rows), phone
    assert re.search(r"│ +\d\.\d\d", phone) and "…" not in phone
    # Against a 4.08 bar, 45 / 11 = 4.0909 clears it only while the lower ratings keep their
    # weight: three single moves take it under, all others keep it above (4.0741 to 4.1111).
    #   mission (5) -20%: (45 - 1) / 10.8 = 4.0741; location (5) -20%: the same;
    #   compensation (3) +20%: (45 + 0.6) / 11.2 = 4.0714.
    # The offer, 24 / 11 = 2.18, is far below whatever the weights.
    cli.ok("options", "define", "--threshold", "4.08")
    ranked = json.loads(cli.ok("options", "rank", "--json"))["sensitivity"]
    assert not ranked["stable"] and ranked["order_stable"]
    crossings = {(c["criterion"], c["change"]): c["threshold_crossings"] for c in ranked["changes"]}
    below = [{"application_id": journey.main, "below_threshold": True}]
    assert {k: v for k, v in crossings.items() if v} == {
        ("mission", "-20%"): below,
        ("compensation", "+20%"): below,
        ("location", "-20%"): below,
    }
    out = " ".join(cli.ok("options", "rank").split())
    assert "Sensitivity: who clears your threshold depends on the weights" in out
    assert "Compensation +20%: Tempoline falls below your threshold" in out


def test_opportunities_rated_only_on_removed_criteria_are_not_ranked(seeded):
    cli, journey = seeded
    cli.ok("options", "rate", str(journey.main), "scope=4", "growth=3")
    cli.ok("options", "rate", str(journey.offer), "scope=2", "growth=2")
    cli.ok("options", "criteria", "add", "culture")
    for criterion in ("scope", "growth", "mission", "team", "compensation", "location", "learning"):
        cli.ok("options", "criteria", "remove", criterion)
    out = " ".join(cli.ok("options", "rank").split())
    assert out.startswith(
        f"Not ranked yet, as none of your current criteria is rated: Tempoline (application "
        f"{journey.main}), Northwind Audio (application {journey.offer}). Rate them: "
        "`nextround options rate APP culture=1-5`"
    )
    # No table of dashes, and no claim about a ranking that does not exist.
    assert "Option A ranking" not in out and "(partial)" not in out
    assert "Sensitivity" not in out
    ranked = json.loads(cli.ok("options", "rank", "--json"))
    assert ranked["ranking"] == [] and ranked["sensitivity"] is None
    assert [a["application_id"] for a in ranked["not_ranked"]] == [journey.main, journey.offer]
    # The hint names the criteria there are now, not the ones removed.
    shown = " ".join(cli.ok("options", "rate", str(journey.main)).split())
    assert shown.endswith(
        f"Not rated on your current criteria yet: `nextround options rate {journey.main} "
        "culture=1-5`"
    )
    assert "scope" not in shown and "growth" not in shown
    cli.ok("options", "rate", str(journey.offer), "culture=4")
    out = " ".join(cli.ok("options", "rank").split())
    assert "Option A ranking" in out and "Sensitivity: stable" in out
    assert (
        f"Not ranked yet, as none of your current criteria is rated: Tempoline (application "
        f"{journey.main}). Rate it: `nextround options rate {journey.main} culture=1-5`" in out
    )


def test_recording_a_low_offer_warns_on_stderr_and_still_succeeds(seeded):
    cli, journey = seeded
    cli.ok("options", "define", "--must", "remote [work_mode=remote]", "--threshold", "3.5")
    cli.ok("app", "edit", str(journey.silent), "--work-mode", "onsite")
    cli.ok("options", "rate", str(journey.silent), "scope=2", "mission=2", "compensation=5")
    result = cli("decision", "set", str(journey.silent), "--outcome", "offer", "--on",
                 "2025-11-01", "--json")  # fmt: skip
    assert result.code == 0, result.err
    assert json.loads(result.out)["outcome"] == "offer"  # stdout stays clean JSON
    err = " ".join(result.err.split())
    # Only recording that an offer came: advice before an answer, not "saying yes".
    assert "Before you answer the offer from Quiet Co:" in err
    assert "Saying yes" not in err
    # scope 2, mission 2, compensation 5 (weight 1 each) and location 2, derived from
    # "onsite" with no place known: (2 + 2 + 5 + 2) / 4 = 2.75
    # 4 of the 7 weight points are rated: the warning says so first, and how to complete it.
    assert (
        "on the 57% of the weight rated so far, it scores 2.75 against your Option A, below "
        "your threshold of 3.5" in err
    )
    assert (
        f"Complete the score: `nextround options rate {journey.silent} growth=1-5 learning=1-5 "
        "team=1-5`" in err
    )
    assert "it misses the must-have “remote”" in err
    assert "gains: compensation 5" in err
    # Accepting it shows the trade-offs first and asks: "no" (or no answer) records nothing.
    accept = ("decision", "set", str(journey.silent), "--outcome", "offer", "--on",
              "2025-11-01", "--response", "accepted")  # fmt: skip
    before = dump(cli.db)
    asked = cli(*accept, stdin="n\n")
    assert asked.code == 1 and "Saying yes to the wrong thing?" in asked.err
    assert "Record the acceptance anyway? [y/N]" in asked.err
    assert dump(cli.db) == before
    # With no answer to read, the trade-offs are shown and it says how to go ahead.
    asked = cli(*accept)
    assert asked.code == 2 and "Saying yes to the wrong thing?" in asked.err
    assert "to “Record the acceptance anyway?”. To go ahead without being asked, add --yes" in (
        " ".join(asked.err.split())
    )
    assert dump(cli.db) == before
    said_yes = cli(*accept, stdin="y\n")
    assert said_yes.code == 0 and said_yes.out.strip().endswith("accepted.")
    assert said_yes.err.count("Saying yes to the wrong thing?") == 1  # not again once recorded
    # --yes records it without asking; the trade-offs are still shown.
    narrow = replace(cli, env={**cli.env, "COLUMNS": "60"})
    accepted = narrow(*accept, "--yes")
    assert accepted.code == 0 and "Saying yes to the wrong thing?" in accepted.err
    # On a narrow terminal each concern wraps under its own text, inside the warning.
    lines = accepted.err.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert any(line.startswith("    ") for line in lines)  # a wrapped bullet, hanging
    assert all(line.startswith("  ") for line in lines[1:]), lines
    declined = cli("decision", "set", str(journey.silent), "--outcome", "offer", "--on",
                   "2025-11-01", "--response", "declined")  # fmt: skip
    assert declined.code == 0 and declined.err == ""


def test_the_brief_note_after_declining_an_offer_says_so(seeded):
    cli, journey = seeded
    cli.ok("contact", "add", "Ines Vidal", "--app", str(journey.offer), "--role", "hiring-manager")
    for tone in ((), ("--tone", "after-decline")):
        out = " ".join(
            cli.ok("note", "thank-you", str(journey.offer), "--variant", "3", *tone).split()
        )
        # Read alone, a brief thanks for an offer could pass for a yes.
        assert "after declining the offer · to Ines Vidal" in out
        assert (
            "Thank you for the offer. After a lot of thought, I have decided to decline it." in out
        )


def test_a_kept_note_lists_with_the_tone_it_was_written_in(seeded):
    cli, journey = seeded
    app = str(journey.offer)
    cli.ok("contact", "add", "Ines Vidal", "--app", app, "--role", "hiring-manager")
    cli.ok("decision", "edit", app, "--response", "pending")
    cli.ok("note", "thank-you", app, "--variant", "1", "--save")  # thanks for an offer
    cli.ok("decision", "edit", app, "--response", "declined")
    cli.ok("note", "thank-you", app, "--variant", "3", "--tone", "after-decline", "--save")
    kept = [
        (n["id"], n["tone"], n["offer_answer"])
        for n in json.loads(cli.ok("note", "list", "--json"))
    ]
    assert kept == [(1, "after_offer", None), (2, "after_offer", "declined")]
    # Declining later does not turn the thanks for the offer into a note after declining it.
    rows = {
        line.split("│")[1].strip(): line.split("│")[6].strip()
        for line in cli.ok("note", "list").splitlines()
        if line.startswith("│")
    }
    assert rows == {"1": "after offer", "2": "after declining the offer"}
    assert "· after declining the offer ·" in cli.ok("note", "show", "2")
    assert "· after offer ·" in cli.ok("note", "show", "1")


def test_the_offer_warning_never_runs_into_the_line_before_it_on_a_terminal(seeded):
    """stdout and stderr on one terminal (a pty): the recorded line, then the warning."""
    import os
    import pty

    cli, journey = seeded
    cli.ok("options", "define", "--must", "remote [work_mode=remote]", "--threshold", "3.5")
    cli.ok("app", "edit", str(journey.silent), "--work-mode", "onsite")
    cli.ok("options", "rate", str(journey.silent), "scope=2")
    argv = [sys.executable, "-m", "nextround", "--db", cli.db, "decision", "set",
            str(journey.silent), "--outcome", "offer", "--on", "2025-11-01"]  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI, with both streams on the terminal
        os.execvpe(argv[0], argv, {**cli.env, "COLUMNS": "100"})
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    text = re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode()).replace("\r", "")
    lines = [line for line in text.splitlines() if line.strip()]
    recorded = next(i for i, line in enumerate(lines) if line.startswith("Application "))
    assert lines[recorded].endswith("offer on 2025-11-01."), lines
    assert lines[recorded + 1] == "Before you answer the offer from Quiet Co:", lines
    # 2 of 7 weight points rated (scope 2 and location 2 from "onsite"): no score is named.
    assert "too little for a score" in text and "2.00" not in text


def test_the_ranking_puts_live_processes_first_and_explains_a_rating_from_the_record(seeded):
    cli, journey = seeded
    cli.ok("options", "define", "--must", "no relocation [location~berlin,remote]")
    cli.ok("app", "edit", str(journey.silent), "--work-mode", "hybrid", "--location", "Berlin")
    cli.ok("options", "rate", str(journey.main), "scope=5", "mission=5", "growth=5")
    cli.ok("options", "rate", str(journey.silent), "scope=3", "mission=3", "growth=3")
    out = cli.ok("options", "rank")
    flat = " ".join(out.split())
    # Tempoline scores higher, but its process is over: it follows, dimmed and unnumbered.
    assert re.search(r"│ 1 │ +\d+ │ Quiet Co", out), out
    assert re.search(r"│ · │ +\d+ │ Tempoline", out), out
    assert (
        "Under the line, dimmed and not numbered: processes that are over, for comparison" in flat
    )
    assert "Tempoline" not in cli.ok("options", "rank", "--open")
    # The location the record gave says its rule, and how to give your own instead.
    rated = " ".join(cli.ok("options", "rate", str(journey.silent)).split())
    assert (
        "4/5 (from the record: hybrid in Berlin, a place your must-haves name: hybrid counts 4 "
        f"there, only remote 5; your own rating replaces it: nextround options rate "
        f"{journey.silent} location=N)" in rated
    )
    assert "close: location and remote 4 (target 5, from the record)" in rated


def test_a_must_have_on_the_level_is_answered_from_the_application(seeded):
    cli, journey = seeded
    cli.ok("options", "define", "--must", "Staff level or above [level~staff,principal]")
    cli.ok("app", "edit", str(journey.main), "--level", "Principal")
    cli.ok("options", "rate", str(journey.main), "scope=4")
    cli.ok("options", "rate", str(journey.silent), "scope=4")
    ranked = {
        row["application_id"]: row
        for row in json.loads(cli.ok("options", "rank", "--json"))["ranking"]
    }
    (main,) = ranked[journey.main]["must_haves"]
    assert (main["met"], main["why"]) == (True, "Principal")
    # No level on record: unknown, not missed.
    assert ranked[journey.silent]["must_haves"][0]["met"] is None


def test_a_must_have_on_the_offers_base_is_answered_from_the_terms_on_record(seeded):
    cli, journey = seeded
    cli.ok("options", "define", "--must", "$110k+ base [base>=110k]")
    cli.ok("options", "rate", str(journey.silent), "scope=4")
    (waiting,) = json.loads(cli.ok("options", "rate", str(journey.silent), "--json"))["must_haves"]
    # No offer yet: unknown, not missed.
    assert waiting["met"] is None
    added = json.loads(cli.ok("app", "add", "Corvid Cloud", "Senior CSM", "--json"))["id"]
    cli.ok("decision", "set", str(added), "--outcome", "offer", "--base", "118000",
           "--currency", "USD")  # fmt: skip
    cli.ok("options", "rate", str(added), "scope=4")
    ranked = {
        row["application_id"]: row
        for row in json.loads(cli.ok("options", "rank", "--json"))["ranking"]
    }
    (met,) = ranked[added]["must_haves"]
    assert (met["met"], met["why"]) == (True, "base salary 118,000 USD")
    cli.ok("decision", "edit", str(added), "--base", "105000")
    text = " ".join(cli.ok("options", "rate", str(added)).split())
    assert "must-have: $110k+ base — ✗ missed (base salary 105,000 USD)" in text, text


def test_a_partial_offer_above_the_bar_names_what_could_still_sink_it(seeded):
    cli, journey = seeded
    cli.ok("options", "define", "--must", "remote [work_mode=remote]", "--threshold", "3.5")
    cli.ok("app", "edit", str(journey.silent), "--work-mode", "remote")
    cli.ok("options", "rate", str(journey.silent), "scope=5", "mission=5", "compensation=5")
    # With location 5 from "remote": 5.00 on 4 of the 7 weight points. The other three
    # must average (3.5 * 7 - 20) / 3 = 1.5 to keep the 3.5 bar.
    note = (
        "growth, learning and team and manager are not rated yet: unless they average at "
        "least 1.5, the score of 5.00 falls below your threshold of 3.5"
    )
    result = cli("decision", "set", str(journey.silent), "--outcome", "offer", "--on",
                 "2025-11-01")  # fmt: skip
    assert result.code == 0, result.err
    err = " ".join(result.err.split())
    assert f"Before you answer the offer from Quiet Co: • {note}" in err
    assert (
        f"Complete the score: `nextround options rate {journey.silent} growth=1-5 learning=1-5 "
        "team=1-5`" in err
    )
    ranked = " ".join(cli.ok("options", "rank").split())
    assert "5.00 ?" in ranked
    assert f"? Quiet Co: {note}. Rate: `nextround options rate {journey.silent}" in ranked
    [quiet] = [
        a
        for a in json.loads(cli.ok("options", "rank", "--json"))["ranking"]
        if a["application_id"] == journey.silent
    ]
    assert (quiet["at_risk"], quiet["rating_needed"]) == (True, 1.5)

    # Rated 1 on all three, it would score (20 + 3) / 7 = 3.29: so rate them.
    cli.ok("options", "rate", str(journey.silent), "growth=4", "learning=4", "team=4")
    quiet_now = cli("decision", "set", str(journey.silent), "--outcome", "offer", "--on",
                    "2025-11-01")  # fmt: skip
    assert "Saying yes to the wrong thing?" not in quiet_now.err
    assert "?" not in cli.ok("options", "rank")


def test_a_nearly_rated_better_offer_ranks_above_a_rated_one_that_misses_a_must_have(seeded):
    cli, journey = seeded
    cli.ok("options", "define", "--must", "remote or hybrid [work_mode=remote,hybrid]",
           "--threshold", "3.5")  # fmt: skip
    cli.ok("app", "edit", str(journey.offer), "--work-mode", "onsite")
    # Every criterion (weight 1 each) rated: 21 / 7 = 3.00, under the bar, and onsite.
    cli.ok("options", "rate", str(journey.offer), "scope=3", "growth=3", "mission=2", "team=4",
           "compensation=4", "location=2", "learning=3")  # fmt: skip
    # Remote (location 5 from the record), learning unrated: 25 / 6 = 4.17 on 6 of 7 points;
    # at least (25 + 1) / 7 = 3.71 whatever learning gets.
    rated = cli.ok("options", "rate", str(journey.main), "scope=5", "growth=4", "mission=3",
                   "team=4", "compensation=4")  # fmt: skip
    rated = " ".join(rated.split())
    assert "(partial: 86% of the weight rated; at least 3.71 whatever the rest is rated)" in rated
    # Growth, team and compensation 1 short of 5, mission 2: sqrt((1 + 1 + 1 + 4) / 6) = 1.08
    assert (
        "Gap to Option A 1.08, short of your targets on mission 3 (target 5), compensation 4 "
        "(target 5), growth 4 (target 5), and 1 more" in rated
    )
    assert "and 1 more: how far the ratings fall short of your targets" in rated

    ranked = json.loads(cli.ok("options", "rank", "--json"))["ranking"]
    assert [(r["application_id"], r["complete"], r["floor"]) for r in ranked] == [
        (journey.main, False, pytest.approx(26 / 7, abs=1e-4)),
        (journey.offer, True, 3.0),
    ]
    out = " ".join(cli.ok("options", "rank").split())
    assert re.search(r"│ 1 │ +\d+ │ Tempoline .*│ 4\.17 │", out), out
    assert "≥3.71" in out
    assert "ranks by the “≥” figure under it: the least it can end at, if every unrated " in out
    assert "✗ misses a must-have: ranked after every opportunity that does not" in out
    assert "▼ below your threshold of 3.5." in out
    assert "Gap to Option A: how far the ratings fall short of your targets, in rating" in out
    # Rated in full, nothing is partial: no "≥" and no word about it.
    cli.ok("options", "rate", str(journey.main), "learning=4")
    out = " ".join(cli.ok("options", "rank").split())
    assert "≥" not in out and "partial" not in out and "Gap to Option A: how far" in out


def test_the_ranking_names_the_targets_and_the_must_haves_to_answer(seeded):
    """QA21 F8: the gap is measured against targets the person can see and set, and a
    must-have nobody answered comes with the command that answers it."""
    cli, journey = seeded
    cli.ok("options", "define", "--must", "Base salary at least 85k", "--threshold", "3.5")
    cli.ok("options", "rate", str(journey.main), "scope=5", "growth=4", "mission=3", "team=4",
           "compensation=5", "location=2", "learning=4")  # fmt: skip
    out = " ".join(cli.ok("options", "rank").split())
    assert "every target is 5, the default" in out and "not against your threshold of 3.5" in out
    assert "`nextround options criteria set --target ID=1-5`" in out
    assert "?/N: must-haves nobody has answered yet" in out
    answer = f"`nextround options rate {journey.main} base-salary-at-least-85k=yes|no`"
    assert f"1 must-have not answered. Answer: {answer}" in out
    cli.ok("options", "criteria", "set", "--target", "location=2", "--target", "mission=3")
    out = " ".join(cli.ok("options", "rank").split())
    assert (
        "targets: scope and impact 5, growth 5, mission 3" in out and "location and remote 2" in out
    )
    cli.ok("options", "rate", str(journey.main), "base-salary-at-least-85k=yes")
    out = " ".join(cli.ok("options", "rank").split())
    assert "not answered" not in out and "?/N" not in out


BAD = [
    (["note", "thank-you", "42"], r"no application with id 42"),
    (["note", "thank-you", "1", "--tone", "cheerful"], r"--tone 'cheerful' is not one of"),
    (["note", "thank-you", "1", "--tone", "after-declne"], r"did you mean 'after-decline'\?"),
    (["note", "thank-you", "1", "--tone", "after-decline"], r"and the record holds no offer"),
    (["note", "thank-you", "1", "--variant", "4", "--save"], r"--variant must be 1, 2 or 3"),
    (["note", "thank-you", "1", "--words", "10"], r"word limit of at least 40"),
    (["note", "thank-you", "1", "--to", "Nobody"], r"nobody called 'Nobody'"),
    (["note", "thank-you", "1", "--to", "99"], r"no contact with id 99"),
    (["note", "thank-you", "1", "--round", "9"], r"has no round 9"),
    (["note", "thank-you", "1", "--sent", "2099-01-01"], r"2099-01-01 is in the future"),
    (["note", "thank-you", "1", "--sent", "someday"], r"--sent 'someday' is not a date"),
    (["note", "thank-you", "1", "--eml", "{tmp}/x.txt"], r"should end in \.eml"),
    (["note", "thank-you", "1", "--save", "--eml", "{tmp}/x.eml"], r"an \.eml needs your own"),
    (["note", "thank-you", "1", "--save", "--eml", "{tmp}/no/x.eml"], r"folder \S+ does not exist"),
    (["note", "sent", "42"], r"no note with id 42; see `nextround note list`"),
    (["note", "show", "42"], r"no note with id 42"),
    (["note", "rm", "42", "--yes"], r"no note with id 42; see `nextround note list`"),
    (["note", "sender", "Zoë <zoe@@example>"], r"is not a name with an email address"),
    (["options", "criteria", "set", "scope=abc"], r"scope='abc': the value must be a number"),
    (["options", "criteria", "set", "salary=3"], r"no criterion 'salary'; yours are: scope"),
    (["options", "criteria", "set", "scope=0"], r"weight of Scope and impact \(scope\) must be"),
    (["options", "criteria", "set", "scope=500"], r"at most 100, not 500; weights count only"),
    (["options", "criteria", "set", "scope=inf"], r"must be a number above 0 and at most 100"),
    (["options", "criteria", "set", "scope=nan"], r"not nan; give a plain number such as 2"),
    (["options", "criteria", "set"], r"nothing to change"),
    (
        ["options", "criteria", "add", "Bad Id", "--name", "X"],
        r"criterion id 'Bad Id' is not valid",
    ),
    (
        ["options", "criteria", "add", "Team and manager"],
        r"a criterion named 'Team and manager' exists already \(team\)",
    ),
    (["options", "criteria", "remove", "nope"], r"no criterion 'nope'"),
    (["options", "define"], r"nothing to change; give --description"),
    (["options", "define", "--must", "x [salary>3]"], r"rule 'salary>3' is not understood"),
    (["options", "define", "--must", "x [mission>=4"], r"has an unclosed or stray bracket"),
    (["options", "define", "--threshold", "7"], r"threshold is a score between 1 and 5"),
    (["options", "define", "--must", "[mission>=4]"], r"has a rule but no name; write the name"),
    (["options", "define", "--must", " "], r"a must-have needs a name, then optionally a rule"),
    (["options", "rate", "1", "scope=9"], r"rating for scope must be 1-5, not 9"),
    (["options", "rate", "1", "scope=four"], r"the value must be a whole number"),
    (["options", "rate", "1", "bogus=3"], r"'bogus' is neither a criterion nor a must-have"),
    (["options", "rate", "1", "scope"], r"'scope' is not CRITERION=1-5"),
    (["options", "rate", "42", "scope=3"], r"no application with id 42"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a[:3]) for a, _ in BAD])
def test_bad_input_is_one_line_and_writes_nothing(seeded, tmp_path, args, message):
    cli, _ = seeded
    assert_clean_failure(cli, [a.replace("{tmp}", str(tmp_path)) for a in args], message)
    assert not (tmp_path / "x.eml").exists()


def test_every_must_have_example_in_the_help_is_accepted(seeded):
    cli, _ = seeded
    help_text = " ".join(cli.ok("options", "define", "--help").replace("│", " ").split())
    examples = re.findall(r"'([^']*\[[^\]]+\])'", help_text)
    # One per field a rule can use: a rating, the work mode, the location, level and role,
    # the offer's terms.
    assert len(examples) == 6, help_text
    for example in examples:
        cli.ok("options", "define", "--must", example)
        (must,) = json.loads(cli.ok("options", "show", "--json"))["must_haves"]
        assert f"{must['text']} [{must['rule']}]" == example


@pytest.mark.parametrize(
    "args", [["--help"], ["note", "list"], ["options", "rank"], ["decision", "--help"]]
)
def test_commands_other_than_reports_never_import_jinja2_or_weasyprint(seeded, args):
    cli, _ = seeded
    imported = {name.split(".")[0] for name in cli.imported(*args)}
    assert not imported & {"jinja2", "weasyprint"}


def test_an_offer_is_not_questioned_against_an_option_a_nobody_defined(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-10-01", "--work-mode", "onsite")
    result = cli("decision", "set", "1", "--outcome", "offer", "--on", "2026-10-20")
    assert result.code == 0, result.err
    assert "Saying yes to the wrong thing?" not in result.err
    assert "Hold offers against what you want: `nextround options define`" in result.err


def test_a_check_in_after_no_response_is_kept_listed_and_shown_as_one(cli):
    cli.ok("app", "add", "Brightwave", "Operations Lead", "--applied", "2025-02-03")
    cli.ok("contact", "add", "Marta Silva", "--role", "recruiter", "--app", "1")
    cli.ok("app", "close", "1", "--as", "no-response", "--on", "2025-03-01")
    drafted = " ".join(cli.ok("note", "thank-you", "1", "--variant", "1", "--save").split())
    assert "Operations Lead at Brightwave · check-in · to Marta Silva" in drafted
    (listed,) = json.loads(cli.ok("note", "list", "--json"))
    assert listed["tone"] == "check_in"
    assert "check-in" in cli.ok("note", "list")
    shown = " ".join(cli.ok("note", "show", "1").split())
    assert "(application 1) · check-in · not sent yet" in shown
    # A closed process has no next steps to look forward to.
    refused = cli("note", "thank-you", "1", "--tone", "after-interview")
    assert refused.code != 0 and "choose the check-in tone" in refused.err


def test_someone_named_with_to_who_was_not_in_the_round_is_questioned_on_stderr(cli):
    cli.ok("app", "add", "Acme", "PM", "--applied", "2026-09-01")
    cli.ok("contact", "add", "Marta Silva", "--role", "recruiter", "--app", "1")
    cli.ok("round", "add", "1", "Hiring manager", "--kind", "hiring-manager", "--on", "2026-09-10")
    cli.ok("interview", "add", "1", "HM chat", "--at", "2026-09-10T10:00", "--with", "Jordan Lee")
    # The interview is long past: the tone is asked for, so no lateness caution joins in.
    late = ("--tone", "after-interview")
    done = cli("note", "thank-you", "1", "--to", "Marta", "--variant", "1", *late)
    assert done.code == 0, done.err
    assert "Dear Marta," in done.out  # drafted all the same
    said = " ".join(done.err.split())
    assert said == (
        "Note: Marta Silva was not in the hiring manager round (round 1), which this note "
        "thanks them for; in it on record: Jordan Lee; check --to, or pick the round they were "
        "in with --round N."
    )
    # --json stays clean; with who was there, nothing to question.
    quiet = cli("note", "thank-you", "1", "--to", "Jordan", "--json", *late)
    assert quiet.code == 0 and quiet.err == ""
    assert json.loads(quiet.out)["recipients"][0]["name"] == "Jordan Lee"


def test_with_no_sender_the_drafts_end_with_a_blank_to_fill_and_say_how_to_sign(seeded):
    # QA10 F9: the drafts ended "Best regards," with no name, and nothing said so.
    cli, journey = seeded
    out = cli.ok("note", "thank-you", str(journey.main))
    assert "Best regards,\n[Your name]" in out
    said = " ".join(out.split())
    assert (
        'The drafts end "[Your name]": replace it, or sign every note: nextround note sender '
        '"Your Name <you@example.com>"'
    ) in said
    cli.ok("note", "sender", "Amara Okafor <amara@example.com>")
    out = cli.ok("note", "thank-you", str(journey.main))
    assert "Best regards,\nAmara Okafor" in out and "[Your name]" not in out

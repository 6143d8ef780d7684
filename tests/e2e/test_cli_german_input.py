"""Lena in Berlin through the real command line: portfolio reviews, German dates and numbers,
a proof of search German Excel opens in columns."""

from __future__ import annotations

import json


def _said(out: str) -> str:
    return " ".join(out.split())


def test_a_portfolio_review_is_a_presentation_round_not_a_final_round(cli):
    # QA12 F8: the designer's key round could only be "other".
    cli.ok("app", "add", "Zalando", "Product Designer", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "2026-09-10")
    cli.ok("round", "add", "1", "Portfolio review", "--kind", "presentation", "--on", "2026-09-28")
    shown = _said(cli.ok("app", "show", "1"))
    assert "Status interviewing" in shown
    assert "Portfolio review — presentation / portfolio review, 2026-09-28" in shown
    kinds = [r["kind"] for r in json.loads(cli.ok("app", "show", "1", "--json"))["rounds"]]
    assert kinds == ["screen", "presentation"]
    assert "round 2 Portfolio review (presentation / portfolio review, pending)" in cli.ok(
        "export", "csv"
    )
    help_text = _said(cli.ok("round", "add", "--help").replace("│", ""))
    assert "panel, presentation, assessment-centre, other" in help_text
    assert "[default: other]" in help_text
    wrong = cli("round", "add", "1", "Case presentation", "--kind", "portfolio review")
    assert wrong.code != 0 and "did you mean 'presentation'?" in wrong.err


def test_german_dates_and_numbers_are_read_or_answered_with_the_form_to_use(cli):
    # QA12 F8: every one of these was refused with an error that did not suggest the form.
    cli.ok("app", "add", "Personio", "Product Designer", "--applied", "1.10.2026")
    cli.ok("round", "add", "1", "Panel", "--kind", "panel", "--on", "20.10.2026")
    cli.ok("decision", "set", "1", "--outcome", "offer", "--on", "27.10.2026",
           "--answer-by", "4.12.2026")  # fmt: skip
    shown = json.loads(cli.ok("app", "show", "1", "--json"))
    assert shown["applied_on"] == "2026-10-01"
    assert shown["rounds"][0]["started_on"] == "2026-10-20"
    assert "2026-12-04" in cli.ok("export", "csv")
    wrong = cli("round", "add", "1", "Late", "--on", "27.11.26")
    assert "did you mean 2026-11-27?" in wrong.err
    assert "Threshold: 3.5" in cli.ok("options", "define", "--threshold", "3,5")
    cli.ok("options", "criteria", "set", "growth=1,5")
    weights = {c["id"]: c["weight"] for c in json.loads(cli.ok("options", "criteria", "--json"))}
    assert weights["growth"] == 1.5
    for typed in ("65k", "65.000 €"):
        refused = cli("options", "rate", "1", f"compensation={typed}")
        assert refused.code != 0
        assert "compensation is rated 1–5 for how well it meets your target, not an amount" in (
            refused.err
        )
    xing = cli("app", "add", "N26", "Product Designer", "--source", "Xing")
    assert "use other and say where in --notes, e.g. --notes 'via Xing'" in _said(xing.err)


def test_the_proof_of_search_for_german_excel_is_semicolon_separated_with_the_mark(cli, tmp_path):
    # QA12 F4: German Excel opened the comma CSV in one column, and the stdout version had no
    # byte-order mark ("MÃ¼nchen"); "via Xing" was nowhere in the proof.
    import csv
    import io
    import subprocess
    import sys

    cli.ok("app", "add", "Ömer Yıldız GmbH", "Product Designer", "--applied", "2026-10-01",
           "--location", "München", "--notes", "via Xing; Bewerbung für UX")  # fmt: skip
    plain = cli.ok("export", "csv")
    assert plain.startswith("id,company,") and not plain.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(plain)))
    assert rows[0]["notes"] == "via Xing; Bewerbung für UX"
    # Standard output as bytes: the mark and UTF-8, as a redirect to a file keeps them.
    raw = subprocess.run(
        [sys.executable, "-m", "nextround", "--db", cli.db, "export", "csv", "--semicolon"],
        env=cli.env, cwd=cli.cwd, capture_output=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    assert raw.startswith(b"\xef\xbb\xbfid;company;role_title;")
    german = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    # The notes and tags, then the offer's terms (blank here: no offer), added after them.
    notes_at = german[0].index("notes")
    assert german[0][notes_at : notes_at + 3] == ["notes", "tags", "offer_currency"]
    assert len(german[0]) == len(rows[0])
    assert german[1][1:5] == ["Ömer Yıldız GmbH", "Product Designer", "", "München"]
    assert german[1][notes_at] == "via Xing; Bewerbung für UX"
    cli.ok("export", "csv", "--semicolon", "-o", str(tmp_path / "nachweis.csv"))
    assert (tmp_path / "nachweis.csv").read_bytes() == raw
    assert "--semicolon" in cli.ok("export", "csv", "--help")


def test_german_feedback_reads_its_praise_and_gap_and_the_note_says_what_is_read(cli):
    cli.ok("app", "add", "Zalando", "Product Designer", "--applied", "2026-09-01")
    added = cli("feedback", "add", "--app", "1",
                "Danke für deine Zeit – leider war dein Portfolio für diese Rolle zu wenig auf "
                "Forschung ausgerichtet. Sehr gute Präsentation, klar strukturiert.")  # fmt: skip
    assert added.code == 0
    said = _said(added.out)
    assert "gap Leider war dein Portfolio für diese Rolle zu wenig auf Forschung" in said
    assert "strength Sehr gute Präsentation, klar strukturiert." in said
    assert "Danke für deine Zeit" in said  # listed as not read as feedback
    assert _said(added.err).startswith(
        "note: this feedback looks like German; nextround reads only common German words of "
        "praise and criticism and maps English only, so its statements may be read as neutral"
    )

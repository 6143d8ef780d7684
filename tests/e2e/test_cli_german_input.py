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
    assert "panel, presentation, other" in help_text and "[default: other]" in help_text
    wrong = cli("round", "add", "1", "Case presentation", "--kind", "portfolio review")
    assert wrong.code != 0 and "did you mean 'presentation'?" in wrong.err

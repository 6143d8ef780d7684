"""`nextround demo` ends by telling the story: the profile, the plan and the questions."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.model


def _section(out: str, start: str, end: str) -> str:
    return out[out.index(start) : out.index(end, out.index(start))]


def test_demo_ends_with_the_profile_summary(growth_cli):
    from dataclasses import replace

    printed = replace(growth_cli, env={**growth_cli.env, "COLUMNS": "80"}).ok("demo")
    # On an 80-column terminal, quotes and plan details wrap inside their indent, so each
    # section reads as one block; only the thank-you note keeps whole lines, for copying.
    summary = printed[printed.index("Spikes (clear strengths)") : printed.index("Thank-you note")]
    for line in summary.splitlines():
        assert len(line) <= 80, line
        assert (
            not line
            or line.startswith((" ", "☐", "✓", "┏", "┃", "┡", "│", "└"))
            or (line[0].isupper())
        ), line
    gaps = summary[summary.index("Recurring gaps") : summary.index("Calibration")]
    assert all(line.startswith("  ") for line in gaps.splitlines()[1:] if line), gaps
    out = " ".join(printed.split())
    # the summary comes after the timeline and the funnel
    assert out.index("Funnel") < out.index("Profile on") < out.index("Recurring gaps")
    gaps = _section(out, "Recurring gaps", "Calibration")
    for name in ("Risk management", "Systems thinking"):
        # Counted without her own ratings, which are said to agree, not counted as a source.
        shown = rf"{name} \d\.\d\d \(\d\.\d\d–\d\.\d\d\) · \d+ independent sources · your own view"
        assert re.search(rf"{shown} agrees", gaps), gaps
    # each gap with the statements behind it, quoted with their source and date
    assert len(re.findall(r'"[^"]+" — [^"]+, \d{4}-\d\d-\d\d, weight \d\.\d\d', gaps)) >= 4
    calibration = _section(out, "Calibration", "Competencies")
    agreed = calibration[calibration.index("You and others agree (less than a rating point") :]
    assert "Risk management" in agreed and "Systems thinking" in agreed
    plan = _section(out, "Growth plan", "Clarifying questions")
    assert "mitigate:risk-management:" in plan and "mitigate:systems-thinking:" in plan
    questions = out[out.index("Clarifying questions to send") :]
    assert len(re.findall(r"About \"", questions)) == 2
    # Each header quotes the sentence its questions quote (QA20 F6).
    flat = " ".join(questions.split("Thank-you note")[0].split())
    for block in flat.split('About "')[1:]:
        header = block.split('"', 1)[0].casefold()
        for quote in re.findall(r"You mentioned “([^”…]{25})", block):
            assert quote.casefold() in header, (quote, header)
    assert out.rstrip().endswith("app list")
    # The two newest feedback items wait in the inbox, and the profile says so.
    assert re.search(r"Still to review: \d+ statements of feedback, counted fully once", out)

    # the stored profile agrees with what was printed
    profile = json.loads(growth_cli.ok("profile", "--json"))
    assert {"risk-management", "systems-thinking"} <= {
        g["competency_id"] for g in profile["recurring_gaps"]
    }

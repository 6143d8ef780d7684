"""`plan` and `plan week` on an imported framework with sample questions and no practice ideas."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import Cli

PANEL_SKILLS = """\
name: Panel skills
id: panel-skills
competencies:
  - name: Stakeholder engagement
    id: stakeholder-engagement
    description: Brings product, policy and delivery colleagues into research, manages expectations and influences decisions with evidence.
    questions:
      - Tell me about a time a stakeholder disagreed with your findings.
  - name: Service thinking
    id: service-thinking
    description: Sees the end-to-end service across channels, front and back stage.
"""  # noqa: E501


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def panel(cli: Cli, tmp_path: Path) -> Cli:
    """A recurring stakeholder gap on the imported framework and a panel tagged with it."""
    path = tmp_path / "panel.yaml"
    path.write_text(PANEL_SKILLS, encoding="utf-8")
    cli.ok("framework", "import", str(path), "--use")
    cli.ok("app", "add", "DWP Digital", "User Researcher", "--applied", "2026-09-01")
    cli.ok("app", "add", "Halden Bank", "UX Researcher", "--applied", "2026-09-01")
    said = "You struggled to influence a product manager who disagreed with your findings."
    cli.ok("feedback", "add", "--app", "1", "--source", "interviewer", said)
    cli.ok("feedback", "add", "--app", "2", "--source", "recruiter",
           "We missed examples of handling pushback from stakeholders.")  # fmt: skip
    for item in json.loads(cli.ok("feedback", "review", "--json")):
        cli.ok("feedback", "review", "--statement", str(item["statement"]["id"]),
               "--competency", "stakeholder-engagement", "--polarity", "gap")  # fmt: skip
    on = date.today() + timedelta(days=3)
    cli.ok("app", "add", "Manchester City Council", "Service Designer", "--applied", "2026-10-01")
    cli.ok("round", "add", "3", "Panel with case study", "--kind", "panel", "--on", str(on))
    tags = ["--competency", "service-thinking", "--competency", "stakeholder-engagement"]
    cli.ok("interview", "add", "3", "Service blueprint", "--at", f"{on}T10:00", *tags)
    return cli


def test_the_plan_rehearses_the_imported_question_and_names_the_interview_heard_in(panel):
    plan = _flat(panel.ok("plan"))
    # The imported sample question is the mock to rehearse, ahead of the definition.
    assert (
        "Practise: Ask a mentor or a peer to put this question to you as a 15-minute mock: "
        "“Tell me about a time a stakeholder disagreed with your findings.” Then ask them what "
        "they did not hear."
    ) in plan
    assert plan.index("15-minute mock") < plan.index("Write what a strong answer")
    # The definition is quoted whole, never stopping at "decisions with…".
    assert "influences decisions with evidence.'), then compare" in plan
    # The interview the gap was heard in, not "your last interview".
    assert "Go back to your interview at DWP Digital, where stakeholder engagement came up" in plan
    assert "your last interview" not in plan
    week = _flat(panel.ok("plan", "week"))
    assert (
        "“Tell me about a time a stakeholder disagreed with your findings.” Then ask them what "
        "they did not hear. why: For your panel with case study at Manchester City Council"
    ) in week


def test_on_another_framework_the_panels_competencies_are_said_to_be_noted_on_the_first(panel):
    switched = _flat(panel.ok("framework", "use", "nextround-core"))
    assert "the competencies noted on 1 interview to come on Panel skills (panel-skills)" in (
        switched
    )
    plan = _flat(panel.ok("plan"))
    assert "nothing on record says which competencies it will probe" not in plan
    assert (
        "the competencies it will probe are noted on “Panel skills” (service thinking and "
        "stakeholder engagement), not on this framework, so prepare for its format; choosing "
        "that framework back (`nextround framework use panel-skills`) prepares your stories "
        "for them."
    ) in plan
    back = _flat(panel.ok("framework", "use", "panel-skills"))
    assert "interview to come" not in back

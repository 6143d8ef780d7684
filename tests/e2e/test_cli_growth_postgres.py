"""The growth commands as subprocesses on PostgreSQL: the same answers as on SQLite."""

from __future__ import annotations

import json

import pytest

from nextround.bootstrap import Nextround
from nextround.config import Settings
from nextround.services.frameworks import get_framework
from tests.e2e.conftest import Cli, cli_env

pytestmark = [pytest.mark.model, pytest.mark.postgres]


@pytest.fixture
def pg_cli(postgres_base_url, real_embedder, data_dir, tmp_path) -> Cli:
    from tests.postgres_server import create_database

    url = create_database(postgres_base_url)
    app = Nextround(Settings(data_dir=data_dir, database_url=url))
    app.__dict__["embedder"] = real_embedder
    with app.uow() as uow:  # warm the cache, as after a first use
        app.mapper(uow, get_framework(uow))
        uow.commit()
    app.close()
    return Cli(url, cli_env(data_dir), tmp_path)


def test_feedback_review_profile_and_plan_on_postgresql(pg_cli):
    out = pg_cli.ok(
        "feedback", "add", "She never identified the risks in the migration plan.",
        "--source", "interviewer", "--json",
    )  # fmt: skip
    (statement,) = json.loads(out)["statements"]
    assert statement["competencies"] == ["risk-management"]
    pg_cli.ok("feedback", "add", "Risk management did not come through.", "--source", "mentor")
    for pending in json.loads(pg_cli.ok("feedback", "review", "--json")):
        pg_cli.ok(
            "feedback", "review", "--statement", str(pending["statement"]["id"]),
            "--competency", "risk-management", "--polarity", "gap",
        )  # fmt: skip
    profile = json.loads(pg_cli.ok("profile", "--json"))
    assert [g["competency_id"] for g in profile["recurring_gaps"]] == ["risk-management"]
    why = json.loads(pg_cli.ok("profile", "explain", "risk-management", "--json"))
    assert why["score"]["evidence_count"] == 2
    plan = json.loads(pg_cli.ok("plan", "--json"))
    assert {a["competency_id"] for a in plan["actions"] if a["kind"] == "mitigate"} == {
        "risk-management"
    }
    (line,) = [
        json.loads(x) for x in pg_cli.ok("map", stdin="Great stakeholder updates.\n").splitlines()
    ]
    assert line["statements"][0]["competencies"][0]["id"] == "stakeholder-management"

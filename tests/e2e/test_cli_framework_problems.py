"""`nextround framework import` of a file with several problems: each named, one a line."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.e2e.conftest import full_dump

CSV = """\
name,description,id
Customer Obsession,Leaders start with the customer.,
Ownership,Leaders think long term.,ownership
Dive Deep,Leaders stay connected to the details.,
Invent and Simplify,,
Own It,Acts on behalf of the company.,ownership
"""


def test_every_problem_of_a_csv_is_named_by_its_row_and_nothing_is_written(
    cli, empty_template, tmp_path: Path
):
    path = tmp_path / "hyperscale_principles.csv"
    path.write_text(CSV, encoding="utf-8")
    shutil.copyfile(empty_template, cli.db)
    before = full_dump(cli.db)
    result = cli("framework", "import", str(path))
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [
        f"error: {path} has 2 problems; fix them and import it again:",
        "  row 5 (Invent and Simplify): description is empty; fill it in",
        "  row 6 (Own It): id 'ownership' appears twice (also row 3); give each competency "
        "its own id",
    ]
    assert full_dump(cli.db) == before


def test_a_yaml_file_reports_all_its_problems_too(cli, tmp_path: Path):
    path = tmp_path / "values.yaml"
    path.write_text(
        "name: Values\ncompetencies:\n  - {name: A, description: no}\n  - {name: B}\n",
        encoding="utf-8",
    )
    result = cli("framework", "import", str(path))
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0] == f"error: {path} has 2 problems; fix them and import it again:"
    assert lines[1].startswith("  $.competencies[0].description: should be text, but YAML reads")
    assert lines[2] == "  $.competencies[1]: 'description' is missing"


def test_an_unquoted_colon_in_an_item_is_a_clear_error_not_a_traceback(cli, tmp_path: Path):
    path = tmp_path / "team.yaml"
    path.write_text(
        "name: Team\ncompetencies:\n  - name: Communication\n    description: Talks clearly\n"
        "    indicators:\n      - Raises risks early: before they become issues\n",
        encoding="utf-8",
    )
    result = cli("framework", "import", str(path))
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.strip() == (
        f"error: {path}: $.competencies[0].indicators[0]: item 1 of Communication's "
        'indicators has an unquoted ": ", so YAML read it as "key: value", not as text; put '
        'the item in quotes, as in - "Raises risks early: before they become issues"'
    )
    path.write_text(
        path.read_text().replace("- Raises", '- "Raises').replace("issues\n", 'issues"\n')
    )
    assert cli("framework", "import", str(path)).code == 0
    shown = cli("framework", "show", "team", "--full")
    assert "Raises risks early: before they become issues" in shown.out

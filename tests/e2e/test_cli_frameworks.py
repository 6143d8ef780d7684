"""`nextround framework list|show|import|use` as a user runs them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import error_code, full_dump

EVAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "competency-eval" / "frameworks"

PRINCIPLES = """\
name: Zoë's principles
source: https://example.com/principles
competencies:
  - name: Customer first
    description: Starts from what the customer needs.
    indicators: [Talks to customers every week]
    practice: [Spend an hour on the support queue.]
  - name: Frugality
    description: Does more with less.
"""


@pytest.fixture
def principles(tmp_path: Path) -> Path:
    path = tmp_path / "zoes-principles.yaml"
    path.write_text(PRINCIPLES, encoding="utf-8")
    return path


def _listing(cli) -> dict[str, dict]:
    return {row["id"]: row for row in json.loads(cli.ok("framework", "list", "--json"))}


def test_list_and_show_the_builtin_framework(cli):
    out = cli.ok("framework", "list")
    assert "Competency frameworks" in out
    assert re.search(r"✓ .*nextround-core", out)
    rows = _listing(cli)
    assert list(rows) == ["nextround-core"]
    assert rows["nextround-core"]["active"] and rows["nextround-core"]["builtin"]
    shown = cli.ok("framework", "show")
    assert "Risk management risk-management" in " ".join(shown.split())
    assert "Systems thinking" in shown
    assert "Practice" not in shown
    assert " ".join(shown.split()).endswith(
        "Behaviours, questions and practice ideas are not shown: "
        "`nextround framework show nextround-core --full`."
    )
    full = cli.ok("framework", "show", "nextround-core", "--full")
    for label in ("Shows it", "Missing when", "Questions", "Practice"):
        assert label in full
    assert "are not shown" not in full
    data = json.loads(cli.ok("framework", "show", "--json"))
    assert data["id"] == "nextround-core"
    assert {c["id"] for c in data["competencies"]} >= {"risk-management", "systems-thinking"}
    assert set(data["competencies"][0]) == {
        "id", "name", "description", "indicators", "missing_signs", "questions", "practice",
    }  # fmt: skip


def test_import_use_and_show_a_framework(cli, principles):
    out = cli.ok("framework", "import", str(principles))
    assert " ".join(out.split()) == (
        "Imported Zoë's principles (zoes-principles): 2 competencies; use it with "
        "`nextround framework use zoes-principles`."
    )
    rows = _listing(cli)
    assert list(rows) == ["nextround-core", "zoes-principles"]
    assert rows["zoes-principles"]["competencies"] == 2
    assert not rows["zoes-principles"]["active"]
    assert rows["zoes-principles"]["source"] == "https://example.com/principles"

    assert cli.ok("framework", "use", "zoes-principles").strip() == (
        "Now using Zoë's principles (zoes-principles)."
    )
    assert _listing(cli)["zoes-principles"]["active"]
    assert not _listing(cli)["nextround-core"]["active"]
    shown = cli.ok("framework", "show", "--full")
    assert shown.startswith("Zoë's principles (zoes-principles)")
    assert "Customer first customer-first" in " ".join(shown.split())
    assert "Spend an hour on the support queue." in shown
    # Feedback mapped onto the framework left behind stops counting: `use` says so.
    cli.ok("framework", "use", "nextround-core")
    cli.ok("feedback", "add", "--source", "mentor", "Clear, calm stakeholder updates.")
    out = " ".join(cli.ok("framework", "use", "zoes-principles").split())
    assert (
        "Note: your profile, plan and story coverage leave out 1 feedback statement on "
        "nextround core interview competencies (nextround-core): they are on another framework"
    ) in out


@pytest.mark.parametrize("command", ["rm", "use", "show"])
def test_a_mistyped_framework_id_gets_a_did_you_mean(cli, principles, command):
    cli.ok("framework", "import", str(principles))
    result = cli("framework", command, "zoes-principle")
    assert result.code == 3 and result.out == ""  # not found
    assert result.err.strip() == (
        "error: no framework with id zoes-principle; did you mean 'zoes-principles' "
        "(Zoë's principles)? see `nextround framework list`"
    )
    assert list(_listing(cli)) == ["nextround-core", "zoes-principles"]  # nothing removed


def test_import_replace_id_and_use_flags(cli, principles, tmp_path):
    cli.ok("framework", "import", str(principles))
    smaller = tmp_path / "smaller.json"
    smaller.write_text(
        json.dumps(
            {"name": "Smaller", "competencies": [{"name": "Grit", "description": "Keeps going."}]}
        ),
        encoding="utf-8",
    )
    before = full_dump(cli.db)
    refused = cli("framework", "import", str(smaller), "--id", "zoes-principles")
    assert refused.code == 2
    assert refused.err.count("\n") == 1
    assert "already imported; pass --replace" in refused.err
    assert full_dump(cli.db) == before

    # A verdict on a competency the new version drops: the import names it and its statement.
    cli.ok("framework", "use", "zoes-principles")
    cli.ok("feedback", "add", "--source", "mentor", "Always puts the customer first.")
    (statement,) = json.loads(cli.ok("feedback", "show", "1", "--json"))["statements"]
    cli.ok("feedback", "review", "--statement", str(statement["id"]), "--competency",
           "customer-first")  # fmt: skip
    out = cli.ok("framework", "import", str(smaller), "--id", "zoes-principles", "--replace")
    assert "Imported Smaller (zoes-principles): 1 competency" in " ".join(out.split())
    assert (
        f"no longer has: customer-first (statement {statement['id']}). Those verdicts leave"
    ) in " ".join(out.split())
    assert _listing(cli)["zoes-principles"]["name"] == "Smaller"

    out = cli.ok("framework", "import", str(principles), "--id", "second", "--use")
    assert "Imported Zoë's principles (second): 2 competencies and in use." in " ".join(out.split())
    rows = _listing(cli)
    assert list(rows) == ["nextround-core", "second", "zoes-principles"]
    assert rows["second"]["active"]


def test_use_on_import_says_what_the_profile_leaves_out_as_use_does(cli, principles):
    cli.ok("feedback", "add", "--source", "mentor", "Clear, calm stakeholder updates.")
    out = " ".join(cli.ok("framework", "import", str(principles), "--use").split())
    assert "2 competencies and in use." in out
    assert (
        "Note: your profile, plan and story coverage leave out 1 feedback statement on "
        "nextround core interview competencies (nextround-core)"
    ) in out


def test_replacing_the_framework_in_use_says_it_stays_in_use(cli, principles):
    cli.ok("framework", "import", str(principles), "--use")
    out = " ".join(cli.ok("framework", "import", str(principles), "--replace").split())
    assert out == "Imported Zoë's principles (zoes-principles): 2 competencies; it stays in use."


def test_ids_made_from_names_beyond_a_z_are_named_on_import(cli, tmp_path):
    path = tmp_path / "führung.yaml"
    path.write_text(
        "name: Führung\ncompetencies:\n  - {name: Über Führung, description: a}\n"
        "  - {name: 领导力, description: b}\n  - {name: Лидерство, description: c}\n",
        encoding="utf-8",
    )
    out = " ".join(cli.ok("framework", "import", str(path)).split())
    assert out.startswith("Imported Führung (fuhrung): 3 competencies;")
    assert (
        "Note: ids made from names beyond a-z: uber-fuhrung (Über Führung), competency-2 "
        "(领导力), competency-3 (Лидерство); commands take the id or the name."
    ) in out
    ids = [
        c["id"]
        for c in json.loads(cli.ok("framework", "show", "fuhrung", "--json"))["competencies"]
    ]
    assert ids == ["uber-fuhrung", "competency-2", "competency-3"]


def test_a_semicolon_csv_with_a_name_and_an_unknown_column(cli, tmp_path):
    path = tmp_path / "amz.csv"
    path.write_text("name;description;owner\nFrugality;Does more with less;x\n", "utf-8")
    out = " ".join(cli.ok("framework", "import", str(path), "--name", "Amazon LP").split())
    assert out.startswith("Imported Amazon LP (amz): 1 competency;")
    assert "Note: ignored the column owner: the columns read are name, description" in out


def test_a_yaml_key_misspelt_or_cut_by_a_comment_is_named_at_import(cli, tmp_path):
    path = tmp_path / "team.yaml"
    path.write_text(
        "name: Team\ncompetencies:\n  - name: Ownership\n    description: Owns it #always\n"
        "    indicator:\n      - Follows through\n",
        "utf-8",
    )
    out = " ".join(cli.ok("framework", "import", str(path)).split())
    assert out.startswith("Imported Team (team): 1 competency;")
    assert (
        "Note: 'indicator' in Ownership is not read: did you mean 'indicators'? Rename it and "
        "import the file again; until then, what it holds is left out." in out
    )
    assert (
        "Note: line 4 reads “description: Owns it #always”: the text after ' #' was read as a "
        "YAML comment, so the value read is “Owns it”; if the text belongs to it, put the "
        'value in quotes, as in description: "Owns it #always".' in out
    )


def test_import_help_documents_the_format(cli):
    out = " ".join(cli.ok("framework", "import", "--help").split())
    for words in ("missing_signs, questions and practice", "id, source and description",
                  "separated by | or line breaks", "semicolons", "--name"):  # fmt: skip
        assert words in out


@pytest.mark.skipif(not EVAL.is_dir(), reason="the shared competency-eval data is not here")
@pytest.mark.parametrize("name", ["amazon-lp", "ibcos", "uk-cs-2012"])
def test_the_eval_frameworks_import_exactly_as_they_are(cli, name):
    path = EVAL / f"{name}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = cli.ok("framework", "import", str(path))
    assert f"({name}): {len(doc['competencies'])} competencies" in " ".join(out.split())
    shown = json.loads(cli.ok("framework", "show", name, "--json"))
    assert [c["id"] for c in shown["competencies"]] == [c["id"] for c in doc["competencies"]]
    assert shown["source"] == doc["source"]


BAD = [
    (["framework", "show", "nope"], r"no framework with id nope; see `nextround framework list`"),
    (["framework", "use", "nope"], r"no framework with id nope"),
    (["framework", "import", "{tmp}/absent.yaml"], r"no such file: .*absent\.yaml"),
    (["framework", "import", "{tmp}"], r"files is a folder, not a file"),
    (["framework", "import", "{tmp}/d.yaml"], r"d\.yaml is a folder, not a file"),
    (
        ["framework", "import", "{tmp}/bad.yaml"],
        r"bad\.yaml is not valid YAML: .* \(line 3, column \d+\)",
    ),
    (
        ["framework", "import", "{tmp}/bad.json"],
        r"bad\.json is not valid JSON: .* \(line 1, column \d+\)",
    ),
    (["framework", "import", "{tmp}/latin1.csv"], r"latin1\.csv is not UTF-8 text"),
    (["framework", "import", "{tmp}/nodesc.yaml"], r"\$\.competencies\[0\]: 'description' is"),
    (["framework", "import", "{tmp}/framework.txt"], r"use a \.yaml, \.yml, \.json or \.csv"),
    (["framework", "import", "{tmp}/noheader.csv"], r"the CSV needs a header row"),
    (["framework", "import", "{tmp}/empty.yaml"], r"\$\.competencies: is empty; list at least one"),
    (["framework", "import", "{tmp}/dup.yaml"], r"\$\.competencies\[1\]\.id: 'a' appears twice"),
    (["framework", "import", "{tmp}/ok.yaml", "--id", "Bad Id"], r"framework id 'Bad Id' must"),
    (
        ["framework", "import", "{tmp}/ok.yaml", "--id", "nextround-core"],
        r"'nextround-core' is the built-in framework's id",
    ),
    (["framework", "import", "{tmp}/alias.yaml"], r"alias\.yaml repeats .* YAML alias"),
    (
        ["framework", "import", "{tmp}/nul.json"],
        r"nul\.json: \$\.competencies\[0\]\.name: contains the control character '\\x00'",
    ),
    (["framework", "import", "{tmp}/no.yaml"], r'put the text in quotes, e\.g\. "no"$'),
    (["framework", "import", "{tmp}/many.json"], r"many\.json: \$\.competencies: 501 compet"),
    (["framework", "list", "--bogus"], r"No such option '--bogus'"),
    # QA20 F10: each malformed file says how to fix it, quoting the line to change.
    (
        ["framework", "import", "{tmp}/colon.yaml"],
        r"line 4 reads “description: Frames questions: picks methods”: a value containing "
        r'": " must be in quotes, as in description: "Frames questions: picks methods"$',
    ),
    (
        ["framework", "import", "{tmp}/indicators.csv"],
        r"found 'name', 'indicators': add a 'description' column$",
    ),
    (
        ["framework", "import", "{tmp}/trailing.json"],
        r"line 3 reads “\{\"name\": \"A\", \"description\": \"d\",\}”: remove the comma before "
        r"'\}'; JSON allows none after the last item$",
    ),
    (
        ["framework", "import", "{tmp}/desc.yaml"],
        r"\$\.competencies\[0\]: 'description' is missing; rename 'desc' to 'description'$",
    ),
]


@pytest.fixture
def bad_files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    files: dict[str, str | bytes] = {
        "bad.yaml": "name: X\ncompetencies:\n  - {name: A, description: [a}\n",
        "bad.json": '{"name": "X", }',
        "latin1.csv": "name,description\nCaf\xe9,x\n".encode("latin-1"),
        "nodesc.yaml": "name: X\ncompetencies:\n  - {name: A}\n",
        "framework.txt": "name: X\n",
        "noheader.csv": "Risk,Sees risks\n",
        "empty.yaml": "name: X\ncompetencies: []\n",
        "dup.yaml": "name: X\ncompetencies:\n  - {name: A, description: a}\n"
        "  - {name: a, description: b}\n",
        "ok.yaml": "name: X\ncompetencies:\n  - {name: A, description: a}\n",
        "nul.json": '{"name": "X", "competencies": [{"name": "A\\u0000b", "description": "d"}]}',
        "no.yaml": "name: X\ncompetencies:\n  - {name: A, description: no}\n",
        "many.json": json.dumps(
            {
                "name": "X",
                "competencies": [{"name": f"C{i}", "description": "d"} for i in range(501)],
            }
        ),
        "alias.yaml": "name: X\ncompetencies:\n  - &a {name: A, description: a}\n  - *a\n",
        "colon.yaml": "name: X\ncompetencies:\n  - name: Research planning\n"
        "    description: Frames questions: picks methods\n",
        "indicators.csv": "name,indicators\nResearch planning,Writes questions first\n",
        "trailing.json": '{"name": "X",\n "competencies": [\n'
        '  {"name": "A", "description": "d",}\n]}',
        "desc.yaml": "name: X\ncompetencies:\n  - name: A\n    desc: Frames questions.\n",
    }
    (folder / "d.yaml").mkdir()
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(b[0][1:3]) for b in BAD])
def test_bad_input_fails_with_one_line_and_writes_nothing(
    cli, empty_template, bad_files, args, message
):
    shutil.copyfile(empty_template, cli.db)  # an existing database, to see nothing is written
    before = full_dump(cli.db)
    result = cli(*[a.replace("{tmp}", str(bad_files)) for a in args])
    assert result.code == error_code(message), result
    assert result.out == ""
    assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    assert re.search(message, result.err), result.err
    assert "Traceback" not in result.err
    assert full_dump(cli.db) == before

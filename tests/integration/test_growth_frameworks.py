"""Importing competency frameworks from YAML, JSON and CSV files, and storing them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextround.errors import DomainError, InvalidInputError
from nextround.frameworks.files import MAX_FRAMEWORK_BYTES, read_framework_file
from nextround.services.frameworks import (
    active_framework_id,
    get_framework,
    import_framework,
    list_frameworks,
)
from nextround.services.mapping import analyse

EVAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "competency-eval" / "frameworks"
EVAL_FILES = sorted(EVAL.glob("*.json")) if EVAL.is_dir() else []

YAML = """\
# A target company's principles, in the user's own file
name: Zoë's principles
source: https://example.com/principles
description: What Zoë's Café looks for.
competencies:
  - name: Customer first
    description: >
      Starts from what the customer needs
      and works backwards.
    indicators: [Talks to customers every week, Knows the top three complaints]
  - id: frugal
    name: Frugality
    description: Does more with less.
    questions:
      - Tell me about a time you saved money.
"""

CSV = """\
\ufeffName,Description,Indicators,Practice
Customer first,Starts from what the customer needs.,Talks to customers|Knows complaints,
Frugality,"Does more with less, and says so.",,"Cut one cost
Reuse one tool"
,,,
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_yaml_with_names_and_descriptions_only_where_it_likes(tmp_path):
    framework = read_framework_file(write(tmp_path, "zoes-principles.yml", YAML)).framework
    assert framework.id == "zoes-principles"  # from the file name
    assert framework.name == "Zoë's principles"
    assert framework.source == "https://example.com/principles"
    first, second = framework.competencies
    assert (first.id, first.name) == ("customer-first", "Customer first")
    assert first.description == "Starts from what the customer needs and works backwards."
    assert first.indicators == ("Talks to customers every week", "Knows the top three complaints")
    assert first.questions == () and first.practice == ()
    assert (second.id, second.questions) == ("frugal", ("Tell me about a time you saved money.",))


def test_json_with_the_same_content(tmp_path):
    doc = {
        "id": "zoe",
        "name": "Zoë's principles",
        "competencies": [
            {"name": "Customer first", "description": "Starts from what the customer needs."},
            {"id": "frugal", "name": "Frugality", "description": "Does more with less."},
        ],
    }
    framework = read_framework_file(write(tmp_path, "x.json", json.dumps(doc))).framework
    assert framework.id == "zoe"
    assert [c.id for c in framework.competencies] == ["customer-first", "frugal"]


def test_csv_with_a_byte_order_mark_lists_and_blank_rows(tmp_path):
    framework = read_framework_file(write(tmp_path, "company_values.csv", CSV)).framework
    assert framework.id == "company-values"
    assert framework.name == "Company Values"
    first, second = framework.competencies
    assert first.indicators == ("Talks to customers", "Knows complaints")
    assert second.description == "Does more with less, and says so."
    assert second.practice == ("Cut one cost", "Reuse one tool")


def test_id_option_overrides_the_files_id(tmp_path):
    framework = read_framework_file(write(tmp_path, "x.yaml", YAML), "mine").framework
    assert framework.id == "mine"
    with pytest.raises(InvalidInputError, match="framework id 'Not Mine' must be lower-case"):
        read_framework_file(write(tmp_path, "y.yaml", YAML), "Not Mine")


@pytest.mark.skipif(not EVAL_FILES, reason="the shared competency-eval data is not here")
@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.stem)
def test_the_eval_frameworks_import_exactly_as_they_are(app, path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    framework = read_framework_file(path).framework
    with app.uow() as uow:
        import_framework(uow, framework)
    with app.uow() as uow:
        stored = uow.frameworks.get(doc["id"])
    assert stored == framework
    assert stored.name == doc["name"]
    assert stored.source == doc["source"]
    assert [c.id for c in stored.competencies] == [c["id"] for c in doc["competencies"]]
    assert [c.name for c in stored.competencies] == [c["name"] for c in doc["competencies"]]
    assert all(c.description for c in stored.competencies)


def test_a_stored_framework_reads_back_exactly_on_each_backend(app, tmp_path):
    framework = read_framework_file(write(tmp_path, "zoes-principles.yaml", YAML)).framework
    with app.uow() as uow:
        import_framework(uow, framework, use=True)
    with app.uow() as uow:
        assert get_framework(uow) == framework
        assert active_framework_id(uow) == "zoes-principles"
        listed = {row.id: row for row in list_frameworks(uow)}
    assert listed["zoes-principles"].competencies == 2
    assert listed["zoes-principles"].active


def test_replace_keeps_one_copy_and_refusal_keeps_the_old_one(app, tmp_path):
    first = read_framework_file(write(tmp_path, "p.yaml", YAML)).framework
    smaller = read_framework_file(
        write(tmp_path, "q.yaml", "name: Smaller\ncompetencies:\n  - {name: A, description: a}\n"),
        "p",
    ).framework
    with app.uow() as uow:
        import_framework(uow, first)
    with app.uow() as uow, pytest.raises(DomainError, match="already imported"):
        import_framework(uow, smaller)
    with app.uow() as uow:
        assert uow.frameworks.get("p") == first
    with app.uow() as uow:
        import_framework(uow, smaller, replace=True)
    with app.uow() as uow:
        assert uow.frameworks.get("p") == smaller
        assert uow.frameworks.ids().count("p") == 1


# -- bad files: one clear line that says what to fix ---------------------------------------------

BAD = [
    ("latin1.yaml", "name: Caf\xe9\n".encode("latin-1"), r"latin1\.yaml is not UTF-8 text"),
    (
        "broken.json",
        '{\n "name": "X",\n "competencies": [,]\n}\n',
        r"broken\.json is not valid JSON: Expecting value \(line 3, column 19\)",
    ),
    (
        "broken.yaml",
        "name: X\ncompetencies:\n  - name: A\n    description: [unclosed\n  - name: B\n",
        r"broken\.yaml is not valid YAML: .* \(line 5, column 9\)",
    ),
    (
        "noname.yaml",
        "name: X\ncompetencies:\n  - {name: A, description: a}\n  - {description: b}\n",
        r"noname\.yaml: \$\.competencies\[1\]: 'name' is missing",
    ),
    (
        "nodesc.json",
        '{"name": "X", "competencies": [{"name": "A"}]}',
        r"nodesc\.json: \$\.competencies\[0\]: 'description' is missing",
    ),
    (
        "noframeworkname.yaml",
        "competencies:\n  - {name: A, description: a}\n",
        r"\$: 'name' is missing",
    ),
    (
        "dup.yaml",
        "name: X\ncompetencies:\n  - {name: A b, description: a}\n"
        "  - {name: a-b, description: b}\n",
        r"dup\.yaml: \$\.competencies\[1\]\.id: 'a-b' appears twice",
    ),
    ("framework.txt", "name: X\n", r"framework\.txt: use a \.yaml, \.yml, \.json or \.csv file"),
    ("empty.yaml", "name: X\ncompetencies: []\n", r"\$\.competencies: is empty; list at least"),
    ("headonly.csv", "name,description\n", r"\$\.competencies: is empty; list at least"),
    ("noheader.csv", "Risk,Sees risks\n", r"needs a header row with at least 'name' and 'desc"),
    ("list.yaml", "- a\n- b\n", r"\$: should be a mapping \(key: value pairs\), not a list"),
    ("blank.json", "", r"blank\.json is not valid JSON"),
    (
        "blankname.yaml",
        "name: X\ncompetencies:\n  - {name: A, description: a}\n  - {name: '  ', description: b}\n",
        r"\$\.competencies\[1\]\.name: is blank",
    ),
    (
        "blankdesc.yaml",
        "name: X\ncompetencies:\n  - {name: A, description: '   '}\n",
        r"\$\.competencies\[0\]\.description: is blank",
    ),
    (
        "commaid.yaml",
        "name: X\ncompetencies:\n  - {id: 'Risk, and more', name: A, description: a}\n",
        r"\$\.competencies\[0\]\.id: 'Risk, and more' must be lower-case letters",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_is_refused_with_a_clear_message(tmp_path, name, content, message):
    with pytest.raises(InvalidInputError, match=message) as caught:
        read_framework_file(write(tmp_path, name, content))
    assert "<unicode string>" not in str(caught.value)


def test_a_file_over_5_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(MAX_FRAMEWORK_BYTES + 1)
    with pytest.raises(InvalidInputError, match=r"huge\.json is 5,242,881 bytes; .* at most 5 MB"):
        read_framework_file(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(InvalidInputError, match="no such file"):
        read_framework_file(tmp_path / "absent.yaml")


# -- zero-shot mapping on an imported framework ---------------------------------------------------


@pytest.mark.model
@pytest.mark.skipif(not EVAL_FILES, reason="the shared competency-eval data is not here")
def test_an_imported_framework_maps_zero_shot_from_names_and_descriptions(sqlite_model_app):
    framework = read_framework_file(EVAL / "amazon-lp.json").framework
    with sqlite_model_app.uow() as uow:
        import_framework(uow, framework)
    texts = [
        "He spent a week on support calls to hear what our users actually struggled with.",
        "She shipped a reversible decision within a day instead of waiting for more data.",
        "We ran the pilot on a shoestring budget, reusing the servers we already had.",
    ]
    with sqlite_model_app.uow() as uow:
        mapper = sqlite_model_app.mapper(uow, uow.frameworks.get("amazon-lp"))
        mapped = analyse(texts, mapper)
    tops = [m.statements[0].matches[0].competency_id for m in mapped]
    assert tops == ["customer-obsession", "bias-for-action", "frugality"]
    for item in mapped:
        first, second, *_ = item.statements[0].matches
        assert first.confidence > 1.3 * second.confidence

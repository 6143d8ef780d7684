"""Reading framework files from bytes: ids from any name, bad text refused, clear messages."""

from __future__ import annotations

import json

import pytest

from nextround.errors import InvalidInputError
from nextround.frameworks.files import name_from_file, read_framework_bytes
from nextround.frameworks.ids import slug
from nextround.frameworks.problems import MAX_LISTED, FileProblemsError


def _yaml(*names: str) -> bytes:
    lines = ["name: X", "competencies:"] + [f"  - {{name: {n}, description: d}}" for n in names]
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bias for Action", "bias-for-action"),
        ("Über Führung", "uber-fuhrung"),
        ("Straße & Œuvre", "strasse-oeuvre"),
        ("领导力 (Leadership)", "leadership"),
        ("领导力", ""),
        ("Лидерство", ""),
    ],
)
def test_slug_folds_accents_and_leaves_nothing_for_other_scripts(name, expected):
    assert slug(name) == expected


def test_names_beyond_a_z_get_numbered_ids_and_a_note_naming_them():
    read = read_framework_bytes(_yaml("Über Führung", "领导力", "Лидерство", "Plain"), "x.yaml")
    assert [c.id for c in read.framework.competencies] == [
        "uber-fuhrung", "competency-2", "competency-3", "plain",
    ]  # fmt: skip
    (note,) = read.notes
    assert note.startswith(
        "ids made from names beyond a-z: uber-fuhrung (Über Führung), competency-2 (领导力), "
        "competency-3 (Лидерство);"
    )


def test_plain_names_need_no_note():
    assert read_framework_bytes(_yaml("Customer first"), "x.yaml").notes == ()


@pytest.mark.parametrize(
    ("filename", "name", "expected"),
    [("Führung.csv", None, "fuhrung"), ("日本.csv", "Japan", "japan")],
)
def test_a_framework_id_comes_from_the_file_name_folded_or_else_the_name(filename, name, expected):
    read = read_framework_bytes(b"name,description\nA,b\n", filename, name=name)
    assert read.framework.id == expected


def test_a_file_name_with_no_letters_a_z_gives_a_stable_id_and_says_so():
    first = read_framework_bytes(b"name,description\nA,b\n", "日本.csv")
    again = read_framework_bytes(b"name,description\nA,b\n", "日本.csv")
    assert first.framework.id == again.framework.id
    assert first.framework.id.startswith("framework-")
    assert first.notes == (
        "a CSV file holds no framework name, so it is named after the file: '日本'; pass "
        "--name to choose another",
        f"the framework's id is {first.framework.id}, as its file name has no letters a-z",
    )


@pytest.mark.parametrize(
    ("filename", "raw", "where"),
    [
        ("c.json", '{"name": "X", "competencies": [{"name": "A\\u0000b", "description": "d"}]}',
         r"\$\.competencies\[0\]\.name: contains the control character '\\x00' at position 1"),
        ("c.yaml", 'name: X\ncompetencies:\n  - {name: A, description: "\\x01"}\n',
         r"\$\.competencies\[0\]\.description: contains the control character '\\x01'"),
        ("c.yaml", 'name: X\nsource: "a\\x1b"\ncompetencies:\n  - {name: A, description: d}\n',
         r"\$\.source: contains the control character"),
        ("c.yaml", 'name: X\ncompetencies:\n  - {name: A, description: d, questions: [ok, "\\0"]}',
         r"\$\.competencies\[0\]\.questions\[1\]: contains the control character '\\x00'"),
        ("c.json", '{"name": "X", "competencies": [{"name": "A\\ud800", "description": "d"}]}',
         r"\$\.competencies\[0\]\.name: contains '\\ud800', half of a character"),
    ],
)  # fmt: skip
def test_control_characters_are_refused_naming_where(filename, raw, where):
    with pytest.raises(InvalidInputError, match=rf"^{filename.replace('.', '[.]')}: {where}"):
        read_framework_bytes(raw.encode(), filename)


def test_a_semicolon_csv_is_read_and_unknown_columns_are_named():
    raw = "Name;Description;Missing signs;Owner\nGrit;Keeps going;Gives up|Blames\n"
    read = read_framework_bytes(raw.encode(), "values.csv")
    (competency,) = read.framework.competencies
    assert (competency.name, competency.missing_signs) == ("Grit", ("Gives up", "Blames"))
    assert read.framework.name == "Values"
    assert read.notes == (
        "ignored the column Owner: the columns read are name, description, id, "
        "indicators, missing_signs, questions, practice",
        "a CSV file holds no framework name, so it is named after the file: 'Values'; pass "
        "--name to choose another",
    )


def test_the_headers_people_write_in_their_own_spreadsheets_are_read():
    raw = (
        " Competency Name ,Description / What good looks like,Example Question(s),Behaviours\n"
        "Compassion,Cares for people,Tell me about a hard day|And another,Listens\n"
    )
    read = read_framework_bytes(raw.encode(), "nhs_values.csv")
    (competency,) = read.framework.competencies
    assert (competency.name, competency.description) == ("Compassion", "Cares for people")
    assert competency.questions == ("Tell me about a hard day", "And another")
    assert competency.indicators == ("Listens",)
    assert read.notes[:-1] == ()  # nothing ignored; the last note is about the file's name


def test_a_csv_without_a_name_column_quotes_its_headers_as_written():
    raw = "Area of focus,What it means\nGrit,Keeps going\n"
    with pytest.raises(InvalidInputError) as caught:
        read_framework_bytes(raw.encode(), "values.csv")
    assert caught.value.message == (
        "values.csv: the CSV needs a header row with at least 'name' and 'description' columns; "
        "found 'Area of focus', 'What it means': add a 'name' column (or, if 'Area of focus' "
        "holds the names, rename it to 'name')"
    )


def _csv_error(raw: str) -> str:
    with pytest.raises(InvalidInputError) as caught:
        read_framework_bytes(raw.encode(), "f.csv")
    return caught.value.message.split("; found ", 1)[1]


def test_a_csv_missing_a_column_is_told_to_add_it_and_to_rename_only_a_slip_for_it():
    # QA20 F10: told to rename her indicators column, she would have lost her indicators.
    assert _csv_error("name,indicators\nA,b\n") == (
        "'name', 'indicators': add a 'description' column"
    )
    assert _csv_error("name,descripton,indicators\nA,b,c\n") == (
        "'name', 'descripton', 'indicators': rename 'descripton' to 'description'"
    )
    assert _csv_error("Names;Descr.;questions\nA;b;c\n") == (
        "'Names', 'Descr.', 'questions': rename 'Names' to 'name' and rename 'Descr.' to "
        "'description'"
    )
    assert _csv_error("indicators,questions\na,b\n") == (
        "'indicators', 'questions': add a 'name' column and a 'description' column"
    )
    # A first row that names no column is a competency with no header above it.
    assert _csv_error("Risk;Sees risks\nGrit;Keeps going\n") == (
        "'Risk', 'Sees risks', which name none of the columns read: if row 1 is a competency, "
        "add a header row above it, such as name;description; if it is the header, rename its "
        "columns to 'name' and 'description'"
    )


def test_a_missing_key_in_yaml_or_json_names_the_key_given_for_it():
    with pytest.raises(FileProblemsError) as caught:
        read_framework_bytes(
            b'{"name": "X", "competencies": [{"name": "A", "definition": "d"}, '
            b'{"title": "B", "description": "x"}, {"name": "C", "indicators": ["i"]}]}',
            "f.json",
        )
    assert caught.value.problems == (
        "$.competencies[0]: 'description' is missing; rename 'definition' to 'description'",
        "$.competencies[1]: 'name' is missing; rename 'title' to 'name'",
        "$.competencies[2]: 'description' is missing",  # "indicators" is read as itself
    )
    with pytest.raises(InvalidInputError, match=r"rename 'competency' to 'competencies'$"):
        read_framework_bytes(b"name: X\ncompetency:\n  - {name: A, description: a}\n", "f.yaml")


def test_name_replaces_the_file_name_title():
    read = read_framework_bytes(b"name,description\nA,b\n", "acme_lp.csv", name="Acme LP")
    assert (read.framework.id, read.framework.name) == ("acme-lp", "Acme LP")
    assert read.notes == ()


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("pm-bootcamp", "PM Bootcamp"),
        ("hr_values", "HR Values"),
        ("crm-ladder 2024", "CRM Ladder 2024"),
        ("AcmeHR-principles", "AcmeHR Principles"),
        ("leadership", "Leadership"),
        ("my", "My"),
    ],
)
def test_a_csv_is_named_after_its_file_keeping_abbreviations(stem, name):
    assert name_from_file(stem) == name
    assert read_framework_bytes(b"name,description\nA,b\n", f"{stem}.csv").framework.name == name


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("name: X\ncompetencies:\n  - {name: A, description: no}\n",
         r'^c\.yaml: \$\.competencies\[0\]\.description: should be text, but YAML reads an '
         r'unquoted yes, no, .* as false; put the text in quotes, e\.g\. "no"$'),
        ("name: 2024\ncompetencies:\n  - {name: A, description: d}\n",
         r'^c\.yaml: \$\.name: should be text, not the number 2024; put it in quotes: "2024"$'),
        ("name: X\ncompetencies:\n  - {name: A, description: " + "x" * 6000 + "}\n",
         r"^c\.yaml: \$\.competencies\[0\]\.description: is 6,000 characters long; at most "
         r"5,000$"),
    ],
)  # fmt: skip
def test_schema_errors_are_short_and_say_what_to_do(raw, message):
    with pytest.raises(InvalidInputError, match=message):
        read_framework_bytes(raw.encode(), "c.yaml")


def test_too_many_competencies_are_counted_not_listed():
    doc = {"name": "X", "competencies": [{"name": f"C{i}", "description": "d"} for i in range(501)]}
    with pytest.raises(InvalidInputError) as caught:
        read_framework_bytes(json.dumps(doc).encode(), "big.json")
    assert str(caught.value) == "big.json: $.competencies: 501 competencies; at most 500"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        # The row after it would be swallowed into the open cell.
        ('name,description\nCustomer obsession,"Starts with customer\nFrugality,Thrift\n',
         r'^fw\.csv: line 2: a quoted cell is never closed, so every line after it would be '
         r'read into it; close it with " \(a quote inside a cell is written twice: ""\)$'),
        # A closed multi-line cell before it, and a doubled quote inside the open one.
        ('name,description\nA,"two\nlines"\r\nB,"says ""hi\n\nC,d\n',
         r"^fw\.csv: line 4: a quoted cell is never closed"),
        ('name,description\nA,"Starts" with customers\n',
         r"^fw\.csv: line 2: text follows the closing quote of a cell; put the whole cell in "
         r'quotes and write each quote inside it twice \(""\)$'),
    ],
)  # fmt: skip
def test_a_quoting_slip_in_a_csv_is_refused_with_its_line(raw, message):
    with pytest.raises(InvalidInputError, match=message):
        read_framework_bytes(raw.encode(), "fw.csv")


def test_a_csv_cell_may_span_lines_and_hold_quotes():
    raw = (
        '\nname,description,indicators\nA,"Says ""no""\nwhen it counts",One|Two\n'
        'B,Plain "quoted" words,,extra cell\n'
    )
    competencies = read_framework_bytes(raw.encode(), "fw.csv").framework.competencies
    assert [(c.name, c.description) for c in competencies] == [
        ("A", 'Says "no" when it counts'),  # one paragraph, as descriptions are
        ("B", 'Plain "quoted" words'),
    ]
    assert competencies[0].indicators == ("One", "Two")


def test_csv_problems_name_the_row_and_come_all_at_once():
    raw = (
        "name,description,id\n"
        "Customer Obsession,Starts with the customer.,\n"
        "Ownership,Thinks long term.,ownership\n"
        "\n"  # a blank row still counts as a row in a spreadsheet
        "Invent and Simplify,,\n"
        "Own it,Acts for the company.,ownership\n"
        '"Think\nBig",,\n'
        "Earn Trust,Listens.,Bad Id\n"
    )
    with pytest.raises(FileProblemsError) as caught:
        read_framework_bytes(raw.encode(), "hyperscale.csv")
    assert caught.value.problems == (
        "row 5 (Invent and Simplify): description is empty; fill it in",
        "row 6 (Own it): id 'ownership' appears twice (also row 3); give each competency its "
        "own id",
        "row 7 (Think Big): description is empty; fill it in",
        "row 8 (Earn Trust): id 'Bad Id' must be lower-case letters, digits, '-', '_' or '.'; "
        "leave it out to make one from the name",
    )
    assert str(caught.value).startswith("hyperscale.csv has 4 problems; fix them and import")


def test_one_csv_problem_is_one_line_naming_its_row():
    raw = "name,description\nCustomer Obsession,Starts with the customer.\n,Speed matters.\n"
    with pytest.raises(InvalidInputError) as caught:
        read_framework_bytes(raw.encode(), "values.csv")
    assert str(caught.value) == "values.csv: row 3: name is empty; fill it in"


def test_yaml_problems_come_all_at_once_by_path_up_to_a_cap():
    items = [{"name": f"C{i}", "description": ""} for i in range(MAX_LISTED + 5)]
    doc = {"name": "X", "competencies": [{"name": "A"}, {"name": 7, "description": "d"}, *items]}
    with pytest.raises(FileProblemsError) as caught:
        read_framework_bytes(json.dumps(doc).encode(), "x.json")
    listed = caught.value.problems
    assert listed[:3] == (
        "$.competencies[0]: 'description' is missing",
        '$.competencies[1].name: should be text, not the number 7; put it in quotes: "7"',
        "$.competencies[2].description: is empty; fill it in",
    )
    assert len(listed) == MAX_LISTED
    assert str(caught.value).endswith(f"… and {len(items) + 2 - MAX_LISTED} more")


def test_a_key_no_field_reads_is_named_with_the_key_it_likely_meant():
    raw = (
        b"name: X\ndescripton: mine\ncompetencies:\n"
        b"  - {name: Ownership, description: d, indicator: [a], question: [q], owner: me}\n"
        b"  - {name: Delivery, description: d, indicator: [b], sample_questions: [q]}\n"
    )
    read = read_framework_bytes(raw, "f.yaml")
    assert read.notes == (
        "'descripton' in the framework is not read: did you mean 'description'? Rename it "
        "and import the file again; until then, what it holds is left out",
        "'indicator' in 2 competencies (Ownership, Delivery) is not read: did you mean "
        "'indicators'? Rename it and import the file again; until then, what it holds is "
        "left out",
        "'question' in Ownership is not read: did you mean 'questions'? Rename it and import "
        "the file again; until then, what it holds is left out",
        "'sample_questions' in Delivery is not read: did you mean 'questions'? Rename it and "
        "import the file again; until then, what it holds is left out",
        "ignored 'owner' in Ownership: the keys read there are id, name, description, "
        "indicators, missing_signs, questions, practice",
    )
    # Harmless extra keys do not stop the import: the competencies are read as given.
    assert [c.name for c in read.framework.competencies] == ["Ownership", "Delivery"]
    assert read.framework.competencies[0].indicators == ()


def test_a_json_framework_names_its_unread_keys_too():
    raw = json.dumps(
        {"name": "X", "competencies": [{"name": "A", "description": "d", "Indicators": ["i"]}]}
    ).encode()
    (note,) = read_framework_bytes(raw, "f.json").notes
    assert note.startswith("'Indicators' in A is not read: did you mean 'indicators'?")


def test_a_value_cut_short_by_a_yaml_comment_is_said_with_how_to_quote_it():
    raw = (
        b"name: X\ncompetencies:\n  - name: A\n    description: Ships things #fast\n"
        b"    indicators:\n      - Led team #2 on call\n      - 'Quoted #3 is kept'\n"
    )
    read = read_framework_bytes(raw, "f.yaml")
    assert read.framework.competencies[0].description == "Ships things"
    assert read.notes == (
        "line 4 reads “description: Ships things #fast”: the text after ' #' was read as a "
        "YAML comment, so the value read is “Ships things”; if the text belongs to it, put "
        'the value in quotes, as in description: "Ships things #fast"',
        "line 6 reads “- Led team #2 on call”: the text after ' #' was read as a YAML "
        "comment, so the value read is “Led team”; if the text belongs to it, put the value "
        'in quotes, as in - "Led team #2 on call"',
    )


def test_a_comment_on_a_line_of_its_own_or_inside_quotes_is_no_note():
    raw = (
        b'# my framework\nname: "X #1"\ncompetencies:  # all of them\n'
        b"  - {name: A, description: d}\n"
    )
    assert read_framework_bytes(raw, "f.yaml").notes == ()


COLON_ITEM = (
    "name: X\ncompetencies:\n  - name: Communication\n    description: d\n    indicators:\n"
    "      - Plain one\n      - Raises risks early: before they become issues\n"
)


def test_an_item_with_an_unquoted_colon_is_named_with_how_to_quote_it():
    with pytest.raises(InvalidInputError) as caught:
        read_framework_bytes(COLON_ITEM.encode(), "f.yaml")
    assert str(caught.value) == (
        "f.yaml: $.competencies[0].indicators[1]: item 2 of Communication's indicators has "
        'an unquoted ": ", so YAML read it as "key: value", not as text; put the item in '
        'quotes, as in - "Raises risks early: before they become issues"'
    )


def test_the_same_item_quoted_is_read_as_written():
    quoted = COLON_ITEM.replace(
        "- Raises risks early: before they become issues",
        '- "Raises risks early: before they become issues"',
    )
    (competency,) = read_framework_bytes(quoted.encode(), "f.yaml").framework.competencies
    assert competency.indicators == ("Plain one", "Raises risks early: before they become issues")


def test_the_built_in_reading_names_an_unquoted_colon_item_rather_than_crashing():
    # The built-in framework is built without the schema check an import makes.
    from nextround.frameworks.files import build_framework
    from nextround.io.safe_yaml import load_yaml

    data = load_yaml(COLON_ITEM.replace("Plain one", "Ends with a colon:"), "builtin.yaml")
    data["competencies"][0]["questions"] = ["Tell me: why?", {"a": 1, "b": 2}]
    data["competencies"][0]["practice"] = [7]
    with pytest.raises(FileProblemsError) as caught:
        build_framework(data, "the built-in framework")
    assert caught.value.problems == (
        "$.competencies[0].indicators[0]: item 1 of Communication's indicators has an "
        'unquoted ": ", so YAML read it as "key: value", not as text; put the item in '
        'quotes, as in - "Ends with a colon:"',
        "$.competencies[0].indicators[1]: item 2 of Communication's indicators has an "
        'unquoted ": ", so YAML read it as "key: value", not as text; put the item in '
        'quotes, as in - "Raises risks early: before they become issues"',
        "$.competencies[0].questions[1]: item 2 of Communication's questions has an "
        'unquoted ": ", so YAML read it as "key: value", not as text; put the item in quotes',
        "$.competencies[0].practice[0]: should be text, not int",
    )

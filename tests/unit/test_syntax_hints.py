"""Hand-written YAML and JSON slips get a hint in plain words, quoting the line to change."""

from __future__ import annotations

import pytest

from nextround.errors import InvalidInputError
from nextround.frameworks.files import read_framework_bytes
from nextround.io.safe_yaml import load_yaml
from nextround.io.syntax_hints import json_hint, quoted_line

HEAD = "name: X\ncompetencies:\n  - name: A\n"


def _yaml_error(body: str) -> str:
    with pytest.raises(InvalidInputError) as caught:
        load_yaml(HEAD + body, "f.yaml")
    return caught.value.message


def test_an_unquoted_colon_in_a_value_is_told_to_go_in_quotes_with_the_line_fixed() -> None:
    # QA20 F10: PyYAML's "mapping values are not allowed in this context" alone.
    message = _yaml_error("    description: Frames questions: picks methods\n")
    assert message == (
        "f.yaml is not valid YAML: mapping values are not allowed in this context (line 4, "
        "column 34); line 4 reads “description: Frames questions: picks methods”: a value "
        'containing ": " must be in quotes, as in description: "Frames questions: picks methods"'
    )


@pytest.mark.parametrize(
    ("body", "hint"),
    [
        # A key indented further than its neighbours: the colon is the line's first.
        ("     description: more\n", "line 4 reads “description: more”; check its indentation"),
        ("    description: ok\n  - name: B\n   description: x\n", "line 6 reads “descr"),
        ("    description: ok\n\t- name: B\n", "indented with spaces, not tabs"),
        ('    description: "Frames\n', 'line 4 reads “description: "Frames”: the quote opened'),
        ('    description: "C:\\path"\n', "use single quotes around the text"),
        ("    description: @people\n", "starting with '@' as its own syntax, so it must be in"),
        ("    description: [Draft] plans\n", 'as in description: "[Draft] plans"'),
        ('    description: "Plans" and more\n', "as in description: '\"Plans\" and more'"),
        ("    description plans\n    id: a\n", "line 4 reads “description plans”: it has no ': '"),
    ],
)
def test_common_yaml_slips_get_a_plain_hint(body: str, hint: str) -> None:
    assert hint in _yaml_error(body)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ('{"a": [1, 2,]}', "remove the comma before ']'; JSON allows none after the last item"),
        ("{'a': 1}", 'JSON puts names and text in double quotes ("), not single ones'),
        ('{"a": True}', "JSON writes true, false and null in lower case"),
        ('{"a": "x "y" z"}', 'or a double quote inside a text is not written as \\"'),
        ('{"a": "C:\\path"}', "a backslash inside a text must be written twice"),
        ('{"a": 1}}', "the file goes on after its closing '}'"),
        ("  ", "the file is empty"),
        ('{"name": "X",', 'line 1 reads “{"name": "X",”: the file ends there; it is cut short'),
        ('{"name": "X",\n', "the file ends early; it is cut short, or a closing '}' or ']'"),
    ],
)
def test_common_json_slips_get_a_plain_hint(text: str, hint: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_framework_bytes(text.encode(), "f.json")
    assert hint in caught.value.message


def test_an_unknown_slip_gets_no_hint_and_a_long_line_is_quoted_where_it_stopped() -> None:
    assert json_hint("Something new", '{"a": 1}', 1, 3) is None
    line = '{"name": "X", "competencies": [' + '{"name": "A", "description": "d"}, ' * 5 + "]}"
    quoted = quoted_line([line], 1, len(line) - 2)
    assert quoted.startswith(f"line 1 reads, near column {len(line) - 2}, “…")
    assert quoted.endswith('"d"}, ]}”') and len(quoted) < 130

"""The shared YAML loader: plain documents load; aliases and syntax errors are one clear line."""

from __future__ import annotations

import time

import pytest

from nextround.errors import InvalidInputError
from nextround.io.safe_yaml import load_yaml


def test_a_plain_document_loads_and_an_anchor_alone_is_harmless() -> None:
    assert load_yaml("name: X\nlist: &a [1, 2]\n", "x.yaml") == {"name": "X", "list": [1, 2]}
    assert load_yaml("", "empty.yaml") is None


def test_an_alias_is_refused_naming_the_line_it_repeats() -> None:
    text = "base: &a\n  - one\nagain: *a\n"
    with pytest.raises(InvalidInputError, match=r"^x\.yaml repeats the part at line 1 with a YAML"):
        load_yaml(text, "x.yaml")


def test_an_alias_bomb_is_refused_at_once() -> None:
    # Nine levels of nine aliases: 387 million strings once expanded.
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    started = time.perf_counter()
    with pytest.raises(InvalidInputError, match="aliases are not accepted"):
        load_yaml("\n".join(lines), "bomb.yaml")
    assert time.perf_counter() - started < 1


def test_a_syntax_error_names_the_file_and_place_without_pyyaml_framing() -> None:
    with pytest.raises(
        InvalidInputError, match=r"^b\.yaml is not valid YAML: .*\(line 2, col"
    ) as e:
        load_yaml("a: [1, 2\n", "b.yaml")
    assert "<unicode string>" not in str(e.value)

"""Lines as an editor counts them: only LF, CRLF and CR end one."""

from __future__ import annotations

import pytest

from nextround.domain.text_lines import newline_ends, split_lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", []),
        ("one", ["one"]),
        ("one\n", ["one"]),
        ("one\n\ntwo", ["one", "", "two"]),
        ("one\r\ntwo\rthree\n", ["one", "two", "three"]),
        ("\n", [""]),
    ],
)
def test_lines_end_at_newlines_as_splitlines_would(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines


@pytest.mark.parametrize("inside", ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_characters_python_also_breaks_at_stay_inside_the_line(inside: str) -> None:
    # pdftotext separates pages with a form feed: the page's last line goes on after it.
    text = f"page one ends{inside}page two begins\nnext line\n"
    assert len(text.splitlines()) == 3  # what str.splitlines() would have made of it
    assert split_lines(text) == [f"page one ends{inside}page two begins", "next line"]


@pytest.mark.parametrize(
    ("text", "made"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\nb\x0cc", "a\nb\x0cc"),  # LF and a form feed stay as they are
    ],
)
def test_newline_ends_makes_every_line_end_lf(text: str, made: str) -> None:
    assert newline_ends(text) == made

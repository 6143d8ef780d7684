"""The pages' `statement` filter: a statement cut after "However," is shown as a sentence."""

from __future__ import annotations

from nextround.web.rendering import Renderer


def _render(source: str, **values: str) -> str:
    return Renderer(b"unit-test-secret").env.from_string(source).render(**values)


def test_a_cut_statement_opens_with_a_capital_and_stays_escaped() -> None:
    shown = _render("{{ s|statement }}", s="in the ML system design <b>interview</b>")
    assert shown == "In the ML system design &lt;b&gt;interview&lt;/b&gt;"


def test_a_word_cased_inside_is_kept_as_written() -> None:
    assert _render("{{ s|statement }}", s="iOS work was thin.") == "iOS work was thin."


def test_the_screen_reader_quote_of_a_statement_opens_with_a_capital() -> None:
    source = '{% import "_macros.html" as m %}{{ m.short_quote(s) }}'
    assert _render(source, s="in the ML system design interview you struggled") == (
        "“In the ML system design interview you…”"
    )
    assert _render(source, s="but it was brief.") == "“But it was brief.”"

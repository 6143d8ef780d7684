"""Errors carry one message for every surface and a remedy per surface."""

from __future__ import annotations

from nextround.errors import DomainError, NotFoundError


def test_each_surface_appends_its_own_hint_to_the_shared_message() -> None:
    error = DomainError("it is closed", cli_hint="use `nextround x`", web_hint="use the X form")
    assert str(error) == error.message == "it is closed"
    assert error.for_cli() == "it is closed; use `nextround x`"
    assert error.for_web() == "it is closed; use the X form"
    plain = DomainError("the name is required")
    assert plain.for_cli() == plain.for_web() == "the name is required"


def test_an_unknown_id_says_where_the_ids_are_on_the_command_line_only() -> None:
    error = NotFoundError("story", 4, "see `nextround story list`")
    assert (error.kind, error.ident) == ("story", 4)
    assert error.for_cli() == "no story with id 4; see `nextround story list`"
    assert error.for_web() == "no story with id 4"

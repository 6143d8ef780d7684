"""A statement quoted on its own opens with a capital, whatever it was cut from."""

import pytest

from nextround.domain.statements import shown_statement


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (
            "in the ML system design interview you struggled.",
            "In the ML system design interview you struggled.",
        ),
        ("not line-managed more than two people.", "Not line-managed more than two people."),
        ("Strong communicator", "Strong communicator"),
        ("iOS work was thin.", "iOS work was thin."),
        ("eBay-style listings were a good call.", "eBay-style listings were a good call."),
        ("2 of 5 answers ran long.", "2 of 5 answers ran long."),
        ("“quoted” words", "“quoted” words"),
        ("", ""),
    ],
)
def test_a_statement_opens_with_a_capital_unless_its_first_word_is_cased_inside(stored, shown):
    assert shown_statement(stored) == shown

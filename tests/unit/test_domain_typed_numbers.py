"""Numbers as people type them: decimal commas read, amounts for a 1-5 rating explained."""

from __future__ import annotations

import pytest

from nextround.domain.typed_numbers import UnreadNumberError, decimal, rating


@pytest.mark.parametrize(
    ("typed", "read"),
    [("3,5", 3.5), (" 1,25 ", 1.25), ("1.5", 1.5), ("2", 2.0), ("-2", -2.0), ("3,0", 3.0)],
)
def test_a_decimal_comma_or_point_is_read(typed: str, read: float) -> None:
    # QA12 F8: "3,5" for a threshold, "1,5" for a weight were "not a valid float".
    assert decimal(typed) == read


def test_a_grouped_number_is_not_guessed_and_words_are_refused_with_an_example() -> None:
    with pytest.raises(UnreadNumberError) as caught:
        decimal("1,500")
    assert caught.value.hint == "'1,500' reads two ways: write 1.5 or 1500"
    with pytest.raises(UnreadNumberError, match=r"use e\.g\. 2 or 1\.5 \(1,5 works too\)"):
        decimal("drei")


@pytest.mark.parametrize("typed", ["65k", "65.000 €", "€65,000", "65000", "65 Tsd", "70K EUR"])
def test_an_amount_for_a_rating_says_what_the_rating_is(typed: str) -> None:
    with pytest.raises(UnreadNumberError) as caught:
        rating(typed, "compensation")
    assert caught.value.hint == (
        "compensation is rated 1–5 for how well it meets your target, not an amount; "
        "e.g. 4 if it comes close"
    )


def test_a_rating_is_a_whole_number_and_a_slip_is_left_to_the_range_check() -> None:
    assert [rating(t, "scope") for t in ("4", " 1 ", "9", "0")] == [4, 1, 9, 0]
    with pytest.raises(UnreadNumberError, match=r"give 3 or 4$"):
        rating("3,5", "scope")
    with pytest.raises(UnreadNumberError, match="the value must be a whole number from 1 to 5"):
        rating("four", "scope")


@pytest.mark.parametrize(
    ("typed", "read"),
    [("15%", 15.0), (" 15 % ", 15.0), ("12,5 %", 12.5), ("12.5%", 12.5), ("120k", None),
     ("15", None), ("%", None), ("-15%", None)],
)  # fmt: skip
def test_a_percentage_is_read_with_a_point_or_a_comma(typed: str, read: float | None) -> None:
    from nextround.domain.typed_numbers import percentage

    assert percentage(typed) == read


@pytest.mark.parametrize(
    ("typed", "amount", "code"),
    [
        ("$118,000", 118_000, "USD"),
        ("$5k", 5_000, "USD"),
        ("118k", 118_000, None),
        ("€ 97.5k", 97_500, "EUR"),
        ("£45,000", 45_000, "GBP"),
        ("118,000 USD", 118_000, "USD"),
        ("CHF 120'000", 120_000, "CHF"),
    ],
)
def test_an_amount_typed_with_its_currency_names_it(typed, amount, code):
    from nextround.domain.typed_numbers import priced

    got, sign = priced(typed, "--base")
    assert got == amount
    assert (sign.code if sign else None) == code


def test_a_dollar_sign_fits_every_dollar_but_no_euro():
    from nextround.domain.typed_numbers import priced

    _, sign = priced("$5k", "--sign-on")
    assert sign is not None and sign.fits("CAD") and sign.fits("usd") and not sign.fits("EUR")


@pytest.mark.parametrize("typed", ["$-5", "$", "65 Tsd", "$5k EUR"])
def test_a_sign_does_not_make_a_non_amount_an_amount(typed):
    from nextround.domain.typed_numbers import UnreadNumberError, priced

    with pytest.raises(UnreadNumberError, match="is not an amount"):
        priced(typed, "--base")

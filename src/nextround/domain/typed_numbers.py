"""Numbers as people type them: a decimal comma (3,5) is read, an amount for a rating is not."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A decimal comma, as German, French or Dutch users write one and a half: 1,5 or 3,25.
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d{1,2}")
#: 1,500 is one and a half in Berlin and fifteen hundred in London: never guessed.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: What a salary looks like: 65k, 65.000 €, €65,000, 65000 EUR, 65 Tsd.
_AMOUNT = re.compile(r"[€$£]|\d\s*(?:k|tsd|eur|usd|gbp|chf)\b|\d[.,]\d{3}\b|\d{4,}", re.IGNORECASE)


class UnreadNumberError(ValueError):
    """A typed value that is not the number asked for; ``hint`` says what to type instead."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


def decimal(text: str) -> float:
    """A number: 2, 1.5, or 1,5 with a decimal comma (any form Python's float reads, too).

    Raises UnreadNumberError: "1,500" (one and a half, or fifteen hundred?) and words.
    """
    typed = text.strip()
    if _DECIMAL_COMMA.fullmatch(typed):
        return float(typed.replace(",", "."))
    if _GROUPED.fullmatch(typed):
        point = f"{float(typed.replace(',', '.', 1).replace(',', '')):g}"
        plain = typed.replace(",", "")
        raise UnreadNumberError(f"{typed!r} reads two ways: write {point} or {plain}")
    try:
        return float(typed)
    except ValueError:
        raise UnreadNumberError("use e.g. 2 or 1.5 (1,5 works too)") from None


def rating(text: str, criterion: str) -> int:
    """A whole number, to be checked as a 1-5 rating of ``criterion`` by the caller.

    Raises UnreadNumberError with what went wrong: an amount (65k for compensation is what the
    offer pays, not how well that meets the target) or a fraction (3,5).
    """
    typed = text.strip()
    try:
        value = int(typed)
    except ValueError:
        pass
    else:
        if value < 100:  # 0, 6 or 9 is a slip the 1-5 check names; 65000 is an amount
            return value
    if _AMOUNT.search(typed):
        raise UnreadNumberError(
            f"{criterion} is rated 1–5 for how well it meets your target, not an amount; "
            "e.g. 4 if it comes close"
        )
    try:
        fraction = decimal(typed)
    except UnreadNumberError:
        raise UnreadNumberError("the value must be a whole number from 1 to 5") from None
    low, high = int(fraction), int(fraction) + 1
    raise UnreadNumberError(f"ratings are whole numbers from 1 to 5: give {low} or {high}")


#: 120000, 120,000, 120.000, 120 000, 120'000 (one separator, groups of three).
_WHOLE_GROUPED = re.compile(r"\d{1,3}(?:(?P<sep>[,.' ])\d{3})(?:(?P=sep)\d{3})*|\d+")
#: 120k, 97.5k, 97,5k, 1.2m: thousands and millions as people say salaries.
_SCALED = re.compile(r"(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>k|m)", re.IGNORECASE)
_SCALE = {"k": 1_000, "m": 1_000_000}


#: 15%, 15 %, 12.5% or 12,5 %: a share, as German offers state a bonus ("Zielbonus 15 %").
_PERCENT = re.compile(r"(?P<number>\d+(?:[.,]\d+)?)\s*%")


def percentage(text: str) -> float | None:
    """The number of a typed percentage (15 for "15%", 12.5 for "12,5 %"); None if none."""
    typed = _PERCENT.fullmatch(text.strip())
    return float(typed["number"].replace(",", ".")) if typed else None


def money(text: str, option: str) -> int:
    """A sum of money in whole units: 120000, 120,000, 120.000, 120k, 97.5k or 1.2m.

    Raises UnreadNumberError naming ``option`` for a currency sign or code, a negative sign,
    cents or words: the currency is given on its own, and sums are whole units.
    """
    typed = text.strip()
    if _WHOLE_GROUPED.fullmatch(typed):
        return int(re.sub(r"[,.' ]", "", typed))
    scaled = _SCALED.fullmatch(typed)
    if scaled:
        number = float(scaled["number"].replace(",", "."))
        return round(number * _SCALE[scaled["unit"].lower()])
    hint = "give e.g. 120000, 120,000 or 120k"
    if _AMOUNT.search(typed) and re.search(r"[€$£]|[a-z]{3}", typed, re.IGNORECASE):
        hint += " (the currency goes in --currency)"
    elif typed.startswith("-"):
        hint = "it cannot be negative; " + hint
    raise UnreadNumberError(f"{option} {typed!r} is not an amount; {hint}")


@dataclass(frozen=True)
class CurrencyNamed:
    """The currency an amount was typed with: "$118,000" names dollars, "118k EUR" euros."""

    #: As typed: "$", "€", "£" or a three-letter code.
    typed: str
    #: The code it stands for when nothing else says: USD for "$".
    code: str
    #: Every code it may stand for: "$" is the dollar of the US, Canada, Australia…
    codes: frozenset[str]

    def fits(self, code: str) -> bool:
        """Whether an offer in ``code`` may be written with this sign."""
        return code.upper() in self.codes


_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD"})
_SIGNS = {
    "$": ("USD", _DOLLARS),
    "€": ("EUR", frozenset({"EUR"})),
    "£": ("GBP", frozenset({"GBP"})),
}
#: A sign or an ISO code before or after the amount: $118,000, 118,000 USD, € 5k.
_PRICED = re.compile(
    r"(?P<before>[$€£]|[a-z]{3}(?=[\s\d]))?\s*(?P<amount>[\d.,' ]*\d\s*[km]?)\s*"
    r"(?P<after>[$€£]|[a-z]{3})?",
    re.IGNORECASE,
)
#: Words after an amount that are no currency ("65 Tsd", German for thousand).
_NOT_CODES = {"TSD"}


def priced(text: str, option: str) -> tuple[int, CurrencyNamed | None]:
    """An amount as money() reads it, with the currency sign or code typed with it, if any.

    "$118,000" is (118000, dollars), "$5k" (5000, dollars), "118k" (118000, None): people
    write salaries with their sign, and the sign then says the currency (QA22 F6).
    """
    typed = text.strip()
    match = _PRICED.fullmatch(typed)
    if match is None or (match["before"] and match["after"]):
        return money(typed, option), None
    sign = match["before"] or match["after"]
    if sign is None or sign.upper() in _NOT_CODES:
        return money(typed, option), None
    amount = money(match["amount"].strip(), option)
    if sign in _SIGNS:
        code, codes = _SIGNS[sign]
        return amount, CurrencyNamed(sign, code, codes)
    return amount, CurrencyNamed(sign.upper(), sign.upper(), frozenset({sign.upper()}))

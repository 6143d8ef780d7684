"""An offer's terms as numbers (base, variable, equity, sign-on): checked, totalled, compared."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from nextround.domain import values
from nextround.errors import DomainError

#: Whole units of any currency; a billion is past any salary in EUR, USD, GBP or CHF and still
#: leaves room for currencies counted in thousands (JPY, INR), while a slipped key is caught.
AMOUNT_MAX = 1_000_000_000
EQUITY_TEXT_MAX = 500
_CURRENCY = re.compile(r"[A-Z]{3}")

#: Each term's field on the decision and the name a person knows it by (errors, labels).
TERM_LABELS: dict[str, str] = {
    "currency": "currency",
    "base_salary": "base salary",
    "variable_pay": "variable pay",
    "equity": "equity",
    "equity_value": "yearly equity value",
    "sign_on": "sign-on bonus",
    "starts_on": "start date",
}
AMOUNT_FIELDS = ("base_salary", "variable_pay", "equity_value", "sign_on")


def currency(value: str | None) -> str | None:
    """An ISO 4217 code such as EUR: three letters, upper-cased; '' or None for none."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise DomainError(
            f"currency {value.strip()!r} is not a three-letter ISO code; give e.g. EUR, USD or GBP"
        )
    return code


def amount(value: int | None, field: str) -> int | None:
    """A yearly or one-off sum in whole units: not negative, at most AMOUNT_MAX."""
    if value is None:
        return None
    label = TERM_LABELS.get(field, field)
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(f"{label} must be a whole amount, such as 120000")
    if value < 0:
        raise DomainError(f"{label} cannot be negative ({value}); give 0 or more")
    if value > AMOUNT_MAX:
        raise DomainError(
            f"{label} {value:,} is more than {AMOUNT_MAX:,}; give the yearly amount in whole "
            "units (120000, not cents)"
        )
    return value


def _amount_rule(name: str) -> Callable[[Mapping[str, Any]], int | None]:
    return lambda f: amount(f[name], name)


#: The decision's term fields, each checked on its own (see values.FieldRules).
TERM_FIELDS: values.FieldRules = {
    "currency": lambda f: currency(f["currency"]),
    **{name: _amount_rule(name) for name in AMOUNT_FIELDS},
    "equity": lambda f: values.text(f["equity"], "equity", limit=EQUITY_TEXT_MAX),
}


@dataclass(frozen=True)
class OfferTerms:
    """What an offer pays: yearly base and variable target, equity, a one-off sign-on."""

    currency: str | None = None
    base_salary: int | None = None
    #: The yearly bonus or commission at target (OTE minus base), not a guaranteed sum.
    variable_pay: int | None = None
    #: As the offer words it ("0.1% over 4 years", "4,000 RSUs"); never read as a number.
    equity: str | None = None
    #: What the person counts the equity as worth per year, if they put a figure on it.
    equity_value: int | None = None
    sign_on: int | None = None
    starts_on: date | None = None

    @classmethod
    def of(cls, source: object) -> OfferTerms | None:
        """The terms held in ``source``'s fields (a decision), or None when it holds none."""
        terms = cls(**{name: getattr(source, name) for name in TERM_LABELS})
        return None if terms.empty else terms

    @classmethod
    def from_fields(cls, given: Mapping[str, Any]) -> OfferTerms | None:
        """The terms among ``given`` (any other key is ignored), or None when there are none."""
        terms = cls(**{name: given.get(name) for name in TERM_LABELS})
        return None if terms.empty else terms

    @property
    def empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def items(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def parts(self) -> list[tuple[str, int]]:
        """The first year's sums given, in the order they are added: (label, amount)."""
        named = (
            ("base", self.base_salary),
            ("variable target", self.variable_pay),
            ("sign-on", self.sign_on),
            ("equity per year", self.equity_value),
        )
        return [(label, value) for label, value in named if value is not None]

    @property
    def first_year(self) -> int | None:
        """Base + variable at target + sign-on + the equity's yearly value, as far as given."""
        parts = self.parts()
        return sum(value for _, value in parts) if parts else None

    def money(self, value: int) -> str:
        """'120,000 EUR', or '120,000' when the offer has no currency."""
        return f"{value:,} {self.currency}" if self.currency else f"{value:,}"

    def total_line(self) -> str | None:
        """'First year: 175,000 EUR (base + variable target + sign-on)', saying what is in it."""
        total = self.first_year
        if total is None:
            return None
        included = " + ".join(label for label, _ in self.parts())
        line = f"First year: {self.money(total)} ({included})"
        if self.equity and self.equity_value is None:
            line += "; equity not counted: no yearly value given"
        return line

    def lines(self) -> list[str]:
        """Each term given, as a person reads it, then the first-year total."""
        shown: list[str] = []
        if self.base_salary is not None:
            shown.append(f"Base: {self.money(self.base_salary)} a year")
        if self.variable_pay is not None:
            shown.append(f"Variable at target: {self.money(self.variable_pay)} a year")
        if self.equity or self.equity_value is not None:
            worth = (
                f"worth {self.money(self.equity_value)} a year"
                if self.equity_value is not None
                else ""
            )
            shown.append("Equity: " + ", ".join(p for p in (self.equity or "", worth) if p))
        if self.sign_on is not None:
            shown.append(f"Sign-on: {self.money(self.sign_on)}")
        if self.starts_on is not None:
            shown.append(f"Starts on {self.starts_on}")
        if self.currency and not shown:
            shown.append(f"Currency: {self.currency}")
        total = self.total_line()
        return [*shown, total] if total else shown

    def to_json(self) -> dict[str, Any]:
        data = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.items().items()}
        data["first_year_total"] = self.first_year
        data["first_year_includes"] = [label for label, _ in self.parts()]
        return data


@dataclass(frozen=True)
class ShareOfBase:
    """Variable pay typed as a share of the base ("15%"), worked out once the base is known."""

    percent: float
    #: How it was asked for, for the error: "--variable" on the command line.
    option: str = "--variable"

    def of(self, base: int | None) -> int:
        """The yearly amount at target: the share of ``base``, to the whole unit."""
        if base is None:
            raise DomainError(
                f"{self.option} {self.percent:g}% is a share of the base salary, and no base "
                "is known",
                cli_hint=f"give the base too (--base 98k {self.option} {self.percent:g}%), or "
                "the variable as an amount (--variable 15k)",
                web_hint="fill in the base salary too, or give the variable pay as an amount (15k)",
            )
        return round(base * self.percent / 100)

    def said(self, terms: OfferTerms) -> str:
        """'Variable 15% of base: 14,700 EUR.', from the terms it was worked out into."""
        assert terms.variable_pay is not None
        return f"Variable {self.percent:g}% of base: {terms.money(terms.variable_pay)}."


def check_terms(is_offer: bool, decided_on: date, terms: OfferTerms | None) -> None:
    """Refuse terms on anything but an offer, or a start before the offer came."""
    if terms is None:
        return
    if not is_offer:
        raise DomainError(
            "offer terms (base, variable, equity, sign-on, currency, start date) only apply to "
            "an offer; drop them, or record the decision as an offer"
        )
    if terms.starts_on is not None and terms.starts_on < decided_on:
        raise DomainError(
            f"the start date {terms.starts_on} is before the offer came, on {decided_on}; give "
            f"the day you would start, on or after {decided_on}"
        )


def last_currency(offers: Iterable[tuple[date, str | None]]) -> str | None:
    """The currency of the latest offer that named one: the default for the next."""
    named = [(day, code) for day, code in offers if code]
    return max(named)[1] if named else None


@dataclass(frozen=True)
class OfferSide:
    """One offer with terms, for a side-by-side comparison."""

    company: str
    terms: OfferTerms
    application_id: int | None = None


def side_by_side(offers: Iterable[OfferSide]) -> list[list[OfferSide]]:
    """Offers with a first-year figure grouped by currency (never converted), biggest first.

    Only groups of two or more are comparable; a lone currency is still returned, so that
    each offer is shown in its own currency. Offers with no currency form their own group.
    """
    groups: dict[str | None, list[OfferSide]] = {}
    for offer in offers:
        if offer.terms.first_year is not None:
            groups.setdefault(offer.terms.currency, []).append(offer)
    ordered = [sorted(group, key=lambda o: -(o.terms.first_year or 0)) for group in groups.values()]
    return sorted(ordered, key=lambda g: (-len(g), g[0].terms.currency or "~"))


#: The heading of the comparison, wherever it is shown.
SIDE_BY_SIDE = "Your offers side by side (first year; each in its own currency, never converted):"


def comparison_lines(offers: Iterable[OfferSide]) -> list[str]:
    """Offers side by side per currency: first-year total and its parts; [] with fewer than two."""
    groups = side_by_side(offers)
    if sum(len(g) for g in groups) < 2:
        return []
    lines: list[str] = [SIDE_BY_SIDE]
    for group in groups:
        head = group[0].terms.currency or "no currency given"
        lines.append(f"Offers in {head}:" if len(group) > 1 else f"Only offer in {head}:")
        for offer in group:
            terms = offer.terms
            assert terms.first_year is not None
            parts = " + ".join(f"{label} {value:,}" for label, value in terms.parts())
            lines.append(f"  {offer.company}: {terms.money(terms.first_year)} first year ({parts})")
    return lines


def side_by_side_json(offers: Iterable[OfferSide]) -> list[dict[str, Any]]:
    """``side_by_side`` for --json: each currency with its offers' terms; [] under two."""
    groups = side_by_side(offers)
    if sum(len(g) for g in groups) < 2:
        return []
    return [
        {
            "currency": group[0].terms.currency,
            "offers": [
                {"application_id": o.application_id, "company": o.company, **o.terms.to_json()}
                for o in group
            ],
        }
        for group in groups
    ]

"""Field rules: a record's check applies them in order; a form applies each on its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from starlette.datastructures import ImmutableMultiDict

from nextround.domain import values
from nextround.domain.journey import Decision, Outcome
from nextround.errors import DomainError
from nextround.web.forms import FormReader

RULES: values.FieldRules = {
    "name": lambda f: values.name(f["name"], "name"),
    "link": lambda f: values.url(f["link"], "link"),
    "size": lambda f: f["size"] if f["size"] > 0 else _refuse(f"size {f['size']} is too small"),
}


def _refuse(message: str) -> Any:
    raise DomainError(message)


@dataclass
class Thing:
    name: str
    link: str | None
    size: int


def test_a_records_check_keeps_each_checked_value_and_stops_at_the_first_bad_one() -> None:
    thing = Thing("  Acme ", None, 3)
    values.apply_rules(thing, RULES)
    assert thing == Thing("Acme", None, 3)
    with pytest.raises(DomainError, match="name is required"):
        values.apply_rules(Thing("", "nope", 0), RULES)


def test_a_form_reports_every_field_that_breaks_its_rule() -> None:
    reader = FormReader("thing", ImmutableMultiDict({"name": "", "link": "nope"}))
    reader.fail("size", "'x' is not a number")  # already refused while reading: kept as is
    reader.check_fields({"name": "", "link": "nope", "size": None}, RULES)
    assert reader.state.errors == {
        "name": "Name is required; give a non-empty value",
        "link": "Link 'nope' is not a web address; start it with https://",
        "size": "'x' is not a number",
    }


def test_a_form_applies_only_the_rules_of_the_fields_it_sends() -> None:
    reader = FormReader("thing", ImmutableMultiDict())
    reader.check_fields({"link": "https://example.com"}, RULES)
    assert reader.ok


def test_a_decision_keeps_its_rules_an_offer_answer_is_pending_until_given() -> None:
    offer = Decision(Outcome.OFFER, decided_on=date(2026, 10, 1))
    offer.check()
    assert offer.offer_response is not None and offer.offer_response.value == "pending"

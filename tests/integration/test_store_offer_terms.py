"""An offer's terms as numbers on the real database: stored, migrated, backed up, defaulted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, select

from nextround.domain.journey import OfferResponse, Outcome
from nextround.domain.offer_terms import OfferTerms
from nextround.errors import DomainError, InvalidInputError
from nextround.io import backup
from nextround.services import applications, process
from nextround.services.data import export_backup, parse_backup, restore_backup
from nextround.store import tables as t
from tests.conftest import Clock
from tests.integration.migration_steps import downgrade

TERMS = OfferTerms(
    currency="EUR", base_salary=120_000, variable_pay=30_000, equity="0.1% over 4 years",
    equity_value=15_000, sign_on=10_000,
)  # fmt: skip


def _offers(app, clock: Clock) -> tuple[int, int, int]:
    """An offer with terms, one without, and a rejection."""
    today = clock.now.astimezone().date()
    ids = []
    with app.uow() as uow:
        for company in ("Orbital Pay", "Kestrelgate", "Fernhill"):
            created = applications.add_application(
                uow,
                {"company": company, "role_title": "TPM", "applied_on": today - timedelta(40)},
            )
            assert created.id is not None
            ids.append(created.id)
    orbital, kestrel, fernhill = ids
    with app.uow() as uow:
        process.set_decision(
            uow, orbital, Outcome.OFFER, today - timedelta(2), 4, "Strong loop",
            OfferResponse.PENDING, terms=TERMS,
        )  # fmt: skip
        process.set_decision(uow, kestrel, Outcome.OFFER, today - timedelta(3))
        process.set_decision(uow, fernhill, Outcome.REJECTION, today - timedelta(1), 3)
    return orbital, kestrel, fernhill


def _decisions(app) -> list[tuple]:
    d = t.decisions.c
    with app.engine.connect() as conn:
        query = select(d.application_id, d.outcome, d.decided_on, d.finalists, d.reason)
        return [tuple(row) for row in conn.execute(query.order_by(d.id))]


def test_the_terms_are_stored_kept_when_answering_and_totalled(app, clock: Clock):
    orbital, _, _ = _offers(app, clock)
    with app.uow() as uow:
        offer = uow.applications.get(orbital).current_decision
        assert offer.terms == TERMS
        assert offer.terms.first_year == 175_000
    with app.uow() as uow:  # answering the offer, as `decision set --response accepted` does
        process.set_decision(uow, orbital, Outcome.OFFER, None, process.KEEP, process.KEEP,
                             OfferResponse.ACCEPTED)  # fmt: skip
    with app.uow() as uow:
        offer = uow.applications.get(orbital).current_decision
    assert (offer.offer_response, offer.terms, offer.reason) == (
        OfferResponse.ACCEPTED, TERMS, "Strong loop",
    )  # fmt: skip


def test_editing_one_term_keeps_the_others_and_a_new_offer_takes_the_last_currency(
    app, clock: Clock
):
    orbital, kestrel, _ = _offers(app, clock)
    with app.uow() as uow:
        process.edit_decision(uow, orbital, {"base_salary": 125_000, "sign_on": None})
        process.edit_decision(uow, kestrel, {"base_salary": 110_000})
    with app.uow() as uow:
        edited = uow.applications.get(orbital).current_decision.terms
        other = uow.applications.get(kestrel).current_decision.terms
    assert edited == OfferTerms(**{**TERMS.items(), "base_salary": 125_000, "sign_on": None})
    assert other == OfferTerms(currency="EUR", base_salary=110_000)
    with app.uow() as uow:  # cleared on purpose: stays cleared
        process.edit_decision(uow, kestrel, {"currency": None})
    with app.uow() as uow:
        assert uow.applications.get(kestrel).current_decision.currency is None


def test_terms_are_refused_on_a_rejection_and_dropped_when_an_offer_becomes_one(app, clock: Clock):
    orbital, _, fernhill = _offers(app, clock)
    with app.uow() as uow, pytest.raises(DomainError, match="only apply to an offer"):
        process.edit_decision(uow, fernhill, {"base_salary": 1})
    with app.uow() as uow:
        process.edit_decision(uow, orbital, {"outcome": Outcome.REJECTION})
    with app.uow() as uow:
        assert uow.applications.get(orbital).current_decision.terms is None


def test_downgrading_drops_only_the_terms_and_upgrading_again_keeps_every_decision(
    app, clock: Clock
):
    from nextround.store.database import current_revision, upgrade

    orbital, _, _ = _offers(app, clock)
    before = _decisions(app)
    downgrade(app.engine, "0018")
    assert current_revision(app.engine) == "0018"
    columns = {c["name"] for c in inspect(app.engine).get_columns("decisions")}
    assert not columns & set(TERMS.items()) and "answer_by" in columns
    assert _decisions(app) == before
    upgrade(app.engine)
    assert _decisions(app) == before
    with app.uow() as uow:
        # Existing rows come back with no terms (never read from the reason); new ones can be set.
        assert uow.applications.get(orbital).current_decision.terms is None
        process.edit_decision(uow, orbital, {"base_salary": 99_000, "currency": "GBP"})
    with app.uow() as uow:
        assert uow.applications.get(orbital).current_decision.terms == OfferTerms(
            currency="GBP", base_salary=99_000
        )


def test_a_backup_keeps_the_terms_and_one_from_before_them_restores(
    app, make_app, second_url, clock: Clock
):
    _offers(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    rows = doc["tables"]["decisions"]
    assert [(r["currency"], r["base_salary"], r["equity"]) for r in rows] == [
        ("EUR", 120_000, "0.1% over 4 years"), (None, None, None), (None, None, None),
    ]  # fmt: skip
    target = make_app(second_url)
    with target.uow() as uow:
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))
    with target.uow() as uow:
        again = export_backup(uow)
        assert uow.applications.get(rows[0]["application_id"]).current_decision.terms == TERMS
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in doc.items() if k != "exported_at"
    }
    # A backup written at 0018 has no terms: it restores, with none, the reason as it was.
    old = {**doc, "revision": "0018"}
    old["tables"] = {
        **doc["tables"],
        "decisions": [{k: v for k, v in r.items() if k not in TERMS.items()} for r in rows],
    }
    with target.uow() as uow:
        restore_backup(uow, parse_backup(backup.dumps(old).encode("utf-8")), replace=True)
    with target.uow() as uow:
        restored = export_backup(uow)["tables"]["decisions"]
    assert [row["base_salary"] for row in restored] == [None, None, None]
    assert [row["reason"] for row in restored] == ["Strong loop", None, None]


def test_a_backup_with_a_bad_currency_is_refused_naming_the_field(
    app, make_app, second_url, clock: Clock
):
    _offers(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    doc["tables"]["decisions"][0]["currency"] = "EURO"
    doc["tables"]["decisions"][0]["sign_on"] = -5
    target = make_app(second_url)
    with target.uow() as uow, pytest.raises(Exception, match="currency"):
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))
    doc["tables"]["decisions"][0]["currency"] = "GBP"
    with target.uow() as uow, pytest.raises(Exception, match="sign-on bonus cannot be negative"):
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))


def test_the_start_date_survives_as_a_date_on_both_backends(app, clock: Clock):
    orbital, _, _ = _offers(app, clock)
    start = clock.now.astimezone().date() + timedelta(30)
    with app.uow() as uow:
        process.edit_decision(uow, orbital, {"starts_on": start})
    with app.engine.connect() as conn:
        stored = conn.execute(
            select(t.decisions.c.starts_on).where(t.decisions.c.application_id == orbital)
        ).scalar_one()
    assert isinstance(stored, date) and stored == start


def test_accepting_on_the_board_keeps_the_terms(app, clock: Clock):
    from nextround.services.board import Move, move_application

    orbital, _, _ = _offers(app, clock)
    with app.uow() as uow:
        move_application(uow, orbital, Move.ACCEPT)
    with app.uow() as uow:
        offer = uow.applications.get(orbital).current_decision
    assert (offer.offer_response, offer.terms) == (OfferResponse.ACCEPTED, TERMS)


def test_a_backup_with_a_lower_case_currency_restores_it_upper_case_as_the_cli_stores_it(
    app, make_app, second_url, clock: Clock
):
    orbital, _, _ = _offers(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    doc["tables"]["decisions"][0]["currency"] = "eur"
    target = make_app(second_url)
    with target.uow() as uow:
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))
    with target.uow() as uow:
        assert uow.applications.get(orbital).current_decision.terms == TERMS
    with target.engine.connect() as conn:
        stored = conn.execute(select(t.decisions.c.currency).order_by(t.decisions.c.id))
        assert [row[0] for row in stored] == ["EUR", None, None]


def test_a_backup_whose_currency_is_no_code_is_refused_with_its_path_and_nothing_written(
    app, make_app, second_url, clock: Clock
):
    _offers(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    doc["tables"]["decisions"][0]["currency"] = "e1r"
    target = make_app(second_url)
    with target.uow() as uow, pytest.raises(InvalidInputError) as refused:
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))
    assert refused.value.message == (
        "$.tables.decisions[0].currency: currency 'e1r' is not a three-letter ISO code; give "
        "e.g. EUR, USD or GBP"
    )
    # The applications went in before the decisions; the refusal takes them back out too.
    with target.engine.connect() as conn:
        assert not any(backup.row_counts(conn).values())

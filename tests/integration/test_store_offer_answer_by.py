"""An offer's answer-by date on the real database: stored, read, migrated, backed up."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import inspect, select

from nextround.domain.journey import OfferResponse, Outcome
from nextround.io import backup
from nextround.services import applications, process
from nextround.services.data import export_backup, parse_backup, restore_backup
from nextround.services.plan_week import offers_to_answer
from nextround.store import tables as t
from tests.conftest import Clock
from tests.integration.migration_steps import downgrade


def _offers(app, clock: Clock) -> tuple[int, int, int]:
    """A pending offer with a deadline, one without, and a rejection."""
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
            OfferResponse.PENDING, answer_by=today + timedelta(5),
        )  # fmt: skip
        process.set_decision(uow, kestrel, Outcome.OFFER, today - timedelta(3))
        process.set_decision(uow, fernhill, Outcome.REJECTION, today - timedelta(1), 3)
    return orbital, kestrel, fernhill


def _decisions(app) -> list[tuple]:
    d = t.decisions.c
    with app.engine.connect() as conn:
        query = select(d.application_id, d.outcome, d.decided_on, d.finalists, d.reason)
        return [tuple(row) for row in conn.execute(query.order_by(d.id))]


def test_the_deadline_is_stored_and_read_back_by_the_list_and_the_week(app, clock: Clock):
    orbital, kestrel, _ = _offers(app, clock)
    today = clock.now.astimezone().date()
    with app.uow() as uow:
        assert uow.applications.get(orbital).current_decision.answer_by == today + timedelta(5)
        listed = {f.id: f.answer_due(today) for f in uow.applications.facts()}
        week = offers_to_answer(uow)
    assert listed[kestrel] is None
    due = listed[orbital]
    assert due is not None and due.reminder().endswith("(in 5 days)")
    assert [(d.company, d.days_left) for d in week] == [("Orbital Pay", 5)]
    with app.uow() as uow:  # answered: the reminder goes, the date stays on record
        process.set_decision(uow, orbital, Outcome.OFFER, None, None, None, OfferResponse.DECLINED)
    with app.uow() as uow:
        assert offers_to_answer(uow) == []
        assert uow.applications.get(orbital).current_decision.answer_by == today + timedelta(5)


def test_downgrading_drops_only_the_column_and_upgrading_again_keeps_every_decision(
    app, clock: Clock
):
    from nextround.store.database import current_revision, upgrade

    orbital, _, _ = _offers(app, clock)
    before = _decisions(app)
    downgrade(app.engine, "0014")
    assert current_revision(app.engine) == "0014"
    columns = {c["name"] for c in inspect(app.engine).get_columns("decisions")}
    assert "answer_by" not in columns and "responded_on" in columns
    assert _decisions(app) == before
    upgrade(app.engine)
    assert _decisions(app) == before
    with app.uow() as uow:
        # Existing rows come back with no deadline, and a new one can be set.
        assert uow.applications.get(orbital).current_decision.answer_by is None
        process.edit_decision(uow, orbital, {"answer_by": clock.now.date() + timedelta(9)})
    with app.uow() as uow:
        assert uow.applications.get(orbital).current_decision.answer_by is not None


def test_a_backup_keeps_the_deadline_and_one_from_before_it_restores(
    app, make_app, second_url, clock: Clock
):
    _offers(app, clock)
    with app.uow() as uow:
        doc = export_backup(uow)
    deadlines = [row["answer_by"] for row in doc["tables"]["decisions"]]
    today = clock.now.astimezone().date()
    assert deadlines == [(today + timedelta(5)).isoformat(), None, None]
    target = make_app(second_url)
    with target.uow() as uow:
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))
    with target.uow() as uow:
        again = export_backup(uow)
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in doc.items() if k != "exported_at"
    }
    # A backup written at 0014 has no answer_by: it restores, with no deadlines.
    old = {**doc, "revision": "0014"}
    old["tables"] = {
        **doc["tables"],
        "decisions": [
            {k: v for k, v in row.items() if k != "answer_by"} for row in doc["tables"]["decisions"]
        ],
    }
    with target.uow() as uow:
        restore_backup(uow, parse_backup(backup.dumps(old).encode("utf-8")), replace=True)
    with target.uow() as uow:
        restored = export_backup(uow)["tables"]["decisions"]
    assert [row["answer_by"] for row in restored] == [None, None, None]
    assert [row["reason"] for row in restored] == ["Strong loop", None, None]


def test_the_day_given_survives_as_a_date_on_both_backends(app, clock: Clock):
    orbital, _, _ = _offers(app, clock)
    with app.engine.connect() as conn:
        stored = conn.execute(
            select(t.decisions.c.answer_by).where(t.decisions.c.application_id == orbital)
        ).scalar_one()
    assert isinstance(stored, date)


def test_an_answered_offer_keeps_its_terms_through_a_backup(
    app, make_app, second_url, clock: Clock
):
    orbital, _, _ = _offers(app, clock)
    with app.uow() as uow:  # answered as `decision set --response accepted` does it
        process.set_decision(uow, orbital, Outcome.OFFER, None, process.KEEP, process.KEEP,
                             OfferResponse.ACCEPTED)  # fmt: skip
    with app.uow() as uow:
        doc = export_backup(uow)
    target = make_app(second_url)
    with target.uow() as uow:
        restore_backup(uow, parse_backup(backup.dumps(doc).encode("utf-8")))
    with target.uow() as uow:
        offer = uow.applications.get(orbital).current_decision
    assert (offer.offer_response, offer.reason, offer.finalists) == (
        OfferResponse.ACCEPTED,
        "Strong loop",
        4,
    )

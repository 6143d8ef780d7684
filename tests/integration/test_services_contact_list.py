"""The People list on a real database: order, last contact, filters and the count."""

from __future__ import annotations

from datetime import UTC, date, datetime

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.services.contact_list import PeopleOrder, PeopleQuery, people_list
from tests.integration.people_seed import seed_people


def _names(app: Nextround, query: PeopleQuery | None = None, order=PeopleOrder.COMPANY):
    with app.uow() as uow:
        return [r.contact.name for r in people_list(uow, query, order).rows]


def test_by_company_recruiters_first_and_nobody_without_a_company_lost(app: Nextround) -> None:
    seed_people(app)
    # Cobalt, then Orbital Pay with its recruiter before its interviewer; Sam (no company) last.
    assert _names(app) == ["Élodie Marchand", "Zoe Park", "Ravi Menon", "Sam Okafor"]
    with app.uow() as uow:
        listed = people_list(uow)
    assert listed.summary == "4 people at 2 companies"
    assert listed.companies == ["Cobalt", "Orbital Pay"]
    assert [(c, len(rows)) for c, rows in listed.groups()] == [
        ("Cobalt", 1),
        ("Orbital Pay", 2),
        ("No company", 1),
    ]


def test_the_last_contact_is_the_latest_interview_held_or_note_sent(app: Nextround) -> None:
    ids = seed_people(app)
    with app.uow() as uow:
        rows = {r.contact.id: r for r in people_list(uow).rows}
    ravi, zoe = rows[ids.ravi], rows[ids.zoe]
    # The called-off panel (20 Oct) and the draft note do not count; the coming one is next.
    assert (ravi.last_interview, ravi.last_note, ravi.last_contact) == (
        date(2026, 10, 2),
        None,
        date(2026, 10, 2),
    )
    assert ravi.last_contact_how == "interview"
    assert ravi.next_interview == datetime(2026, 12, 2, 9, tzinfo=UTC)
    assert (zoe.last_contact, zoe.last_contact_how) == (date(2026, 10, 10), "note")
    assert (zoe.application_company, zoe.application_role) == ("Orbital Pay", "TPM")
    assert rows[ids.elodie].last_contact is None and rows[ids.sam].application_company is None


def test_most_recent_first_keeps_the_company_order_among_the_never_met(app: Nextround) -> None:
    seed_people(app)
    recent = _names(app, order=PeopleOrder.RECENT)
    assert recent == ["Zoe Park", "Ravi Menon", "Élodie Marchand", "Sam Okafor"]


def test_filters_by_company_role_and_words(app: Nextround) -> None:
    seed_people(app)
    assert _names(app, PeopleQuery(company="orbital")) == ["Zoe Park", "Ravi Menon"]
    assert _names(app, PeopleQuery(role=ContactRole.INTERVIEWER)) == ["Ravi Menon"]
    # Words anywhere, case and accents aside; every word must be found.
    assert _names(app, PeopleQuery(text="ELODIE meetup")) == ["Élodie Marchand"]
    assert _names(app, PeopleQuery(text="staff engineer")) == ["Ravi Menon"]
    assert _names(app, PeopleQuery(text="zoe cobalt")) == []
    with app.uow() as uow:
        some = people_list(uow, PeopleQuery(company="orbital"))
    assert (some.summary, some.total) == ("2 people at 1 company", 4)

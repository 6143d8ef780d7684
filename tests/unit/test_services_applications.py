"""Application use cases on the in-memory fakes: add, edit, list, close, reopen, remove."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest

from nextround.domain.contacts import ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    Outcome,
    Round,
    RoundKind,
    RoundOutcome,
    Source,
    Status,
)
from nextround.errors import DomainError, NotFoundError
from nextround.services.applications import (
    add_application,
    close_application,
    edit_application,
    get_application,
    list_applications,
    redate_reopening,
    remove_application,
    reopen_application,
    same_role_applications,
)
from nextround.services.contacts import add_contact
from nextround.services.feedback import add_feedback
from nextround.services.ports import ApplicationQuery
from nextround.services.process import add_interview, add_round, set_decision
from tests.unit.fakes import FAKE_NOW, FakeUnitOfWork


def new_app(uow: FakeUnitOfWork, **fields):
    values = {"company": "Tempoline", "role_title": "TPM", "applied_on": date(2025, 5, 6)}
    values.update(fields)
    with uow:
        return add_application(uow, values)


def test_add_stores_commits_and_stamps(uow):
    created = new_app(uow, tags=["TPM", "tpm"], source=Source.LINKEDIN)
    assert created.id == 1
    assert uow.committed and uow.commits == 1
    stored = uow.stored.applications[1]
    assert stored.company == "Tempoline"
    assert stored.tags == ["tpm"]
    assert stored.created_at == stored.updated_at == FAKE_NOW


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"company": "Acme", "role_title": "PM"}, "an application needs applied_on"),
        ({"role_title": "PM"}, "an application needs company, applied_on"),
        (
            {
                "company": "Acme",
                "role_title": "PM",
                "applied_on": date(2025, 1, 1),
                "tags": ["a b!"],
            },
            "tag 'a b!' is not valid",
        ),
        (
            {"company": "Acme", "role_title": "PM", "applied_on": date(2062, 1, 1)},
            "applied on 2062-01-01 is in the future",
        ),
    ],
)
def test_a_refused_add_writes_nothing(uow, fields, message):
    with uow, pytest.raises(DomainError, match=message):
        add_application(uow, fields)
    assert not uow.committed
    assert uow.stored.applications == {}


def test_edit_rechecks_the_whole_application(uow):
    created = new_app(uow)
    with uow:
        add_round(
            uow,
            created.id,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2025, 5, 14)},
        )
    before = copy.deepcopy(uow.stored)
    with (
        uow,
        pytest.raises(
            DomainError, match="starts on 2025-05-14, before the application on 2025-06-01"
        ),
    ):
        edit_application(uow, created.id, {"applied_on": date(2025, 6, 1)})
    assert not uow.committed
    assert uow.stored.applications[1].applied_on == before.applications[1].applied_on


def test_edit_refuses_fields_that_are_not_editable(uow):
    created = new_app(uow)
    with uow, pytest.raises(DomainError, match="cannot edit id, rounds"):
        edit_application(uow, created.id, {"id": 5, "rounds": []})  # type: ignore[typeddict-unknown-key]
    assert uow.stored.applications[1].id == 1


def test_edit_changes_and_restamps(uow):
    created = new_app(uow)
    uow.clock_now = datetime(2026, 12, 1, 8, 30, 15, 123456, tzinfo=UTC)
    with uow:
        edit_application(uow, created.id, {"notes": "  referral via Sam ", "posting_url": None})
    stored = uow.stored.applications[1]
    assert stored.notes == "referral via Sam"
    assert stored.created_at == FAKE_NOW
    assert stored.updated_at == uow.clock_now


def test_unknown_application(uow):
    with uow, pytest.raises(NotFoundError, match=r"^no application with id 7$") as caught:
        get_application(uow, 7)
    assert caught.value.for_cli() == "no application with id 7; see `nextround app list`"


def test_list_filters_and_next_interview(uow):
    a = new_app(uow, company="Tempoline", tags=["music"], applied_on=date(2025, 5, 6))
    b = new_app(uow, company="Northwind", applied_on=date(2025, 7, 1), notes="100% remote")
    new_app(uow, company="Tempo Labs", applied_on=date(2025, 8, 1))
    with uow:
        add_round(
            uow,
            a.id,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2026, 11, 20)},
        )
        add_interview(
            uow,
            a.id,
            None,
            {"title": "Past", "scheduled_at": datetime(2026, 11, 20, 9, tzinfo=UTC)},
        )
        add_interview(
            uow,
            a.id,
            None,
            {"title": "Soon", "scheduled_at": datetime(2026, 11, 26, 9, tzinfo=UTC)},
        )
        add_interview(
            uow,
            a.id,
            None,
            {"title": "Later", "scheduled_at": datetime(2026, 11, 27, 9, tzinfo=UTC)},
        )
    with uow:
        rows = list_applications(uow)
        assert [r.facts.company for r in rows] == ["Tempo Labs", "Northwind", "Tempoline"]
        assert [r.next_interview for r in rows] == [
            None,
            None,
            datetime(2026, 11, 26, 9, tzinfo=UTC),
        ]

        def companies(**query):
            return [r.facts.company for r in list_applications(uow, ApplicationQuery(**query))]

        assert companies(company="TEMPO") == ["Tempo Labs", "Tempoline"]
        assert companies(tag="Music") == ["Tempoline"]
        assert companies(statuses=(Status.SCREENING,)) == ["Tempoline"]
        assert companies(statuses=(Status.APPLIED,)) == ["Tempo Labs", "Northwind"]
        assert companies(applied_from=date(2025, 7, 1), applied_to=date(2025, 7, 31)) == [
            "Northwind"
        ]
        assert companies(text="100%") == ["Northwind"]
        assert b.id == 2


def test_close_records_a_decision_and_closes_pending_rounds(uow):
    created = new_app(uow)
    with uow:
        add_round(
            uow,
            created.id,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2025, 5, 14)},
        )
    uow.clock_now = datetime(2026, 11, 30, 10, tzinfo=UTC)
    with uow:
        closed = close_application(uow, created.id, Outcome.WITHDRAWAL, reason="took another")
    assert closed.status is Status.WITHDRAWN
    stored = uow.stored.applications[1]
    decision = stored.current_decision
    assert decision is not None and decision.id == 1
    assert decision.decided_on == uow.clock_now.astimezone().date()
    assert decision.created_at == uow.clock_now
    assert stored.rounds[0].outcome is RoundOutcome.WITHDRAWN
    assert stored.rounds[0].updated_at == uow.clock_now


def test_close_refuses_an_offer_and_a_closed_application(uow):
    created = new_app(uow)
    with uow, pytest.raises(DomainError, match="an offer is not a way to close") as caught:
        close_application(uow, created.id, Outcome.OFFER)
    assert "use `nextround decision set APP --outcome offer`" in caught.value.for_cli()
    assert "“Record the decision”" in caught.value.for_web()
    with uow:
        close_application(uow, created.id, Outcome.NO_RESPONSE, on=date(2025, 6, 1))
    with uow, pytest.raises(DomainError, match=r"already closed \(no response\)$") as caught:
        close_application(uow, created.id, Outcome.REJECTION, on=date(2025, 6, 2))
    assert caught.value.for_cli().endswith("; use `nextround decision set` to change the decision")
    assert uow.stored.applications[1].status is Status.NO_RESPONSE


def test_reopen_keeps_the_decision(uow):
    created = new_app(uow)
    with uow:
        close_application(uow, created.id, Outcome.NO_RESPONSE, on=date(2025, 6, 1))
    with uow:
        reopened = reopen_application(uow, created.id, date(2025, 9, 1))
    assert reopened.status is Status.APPLIED
    decisions = uow.stored.applications[1].decisions
    assert [(d.outcome, d.reopened_on) for d in decisions] == [
        (Outcome.NO_RESPONSE, date(2025, 9, 1))
    ]


def test_reopen_an_open_application_is_refused_and_writes_nothing(uow):
    created = new_app(uow)
    commits = uow.commits
    with uow, pytest.raises(DomainError, match="no decision to reopen"):
        reopen_application(uow, created.id)
    assert uow.commits == commits


def test_a_reopening_dated_wrongly_can_be_corrected_within_its_bounds(uow):
    # Backfilling an old process: closed in February, reopened "today" by mistake, then a
    # round in February and a decision that the wrong reopening date refused.
    created = new_app(uow)
    with uow:
        close_application(uow, created.id, Outcome.NO_RESPONSE, on=date(2025, 6, 1))
    with uow:
        reopen_application(uow, created.id)
    hm = {"name": "HM", "kind": RoundKind.HIRING_MANAGER, "started_on": date(2025, 6, 10)}
    # A round cannot start before the reopening on record; the message says how to fix that.
    with uow, pytest.raises(DomainError, match=r"before the application was reopened on "):
        add_round(uow, created.id, hm)
    with uow, pytest.raises(DomainError, match=r"date it on or after 2026-11-25$") as caught:
        set_decision(uow, created.id, Outcome.REJECTION, date(2025, 6, 12))
    assert f"app reopen {created.id} --on DATE" in caught.value.for_cli()
    # The web has no form to correct a reopening, so it only says which dates fit.
    assert caught.value.for_web() == str(caught.value)
    for wrong, message in (
        (date(2025, 5, 30), "before the decision on 2025-06-01"),
        (date(2026, 12, 1), "in the future"),
    ):
        with uow, pytest.raises(DomainError, match=message):
            redate_reopening(uow, created.id, wrong)
    with uow:
        app, old = redate_reopening(uow, created.id, date(2025, 6, 8))
    assert old == uow.today()
    assert [d.reopened_on for d in app.decisions] == [date(2025, 6, 8)]
    with uow:
        add_round(uow, created.id, hm)
    # The reopening cannot move past a round held since.
    with (
        uow,
        pytest.raises(DomainError, match=r"round 1 \(HM\) starts on 2025-06-10.*to 2025-06-10"),
    ):
        redate_reopening(uow, created.id, date(2025, 6, 11))
    with uow:
        set_decision(uow, created.id, Outcome.REJECTION, date(2025, 6, 12))
    assert uow.stored.applications[created.id].status is Status.REJECTED


def test_an_application_never_reopened_has_no_reopening_to_correct(uow):
    created = new_app(uow)
    with uow, pytest.raises(DomainError, match="was never reopened"):
        redate_reopening(uow, created.id, date(2025, 6, 8))
    with uow, pytest.raises(DomainError, match=r"no decision to reopen; it is still open$"):
        reopen_application(uow, created.id)


def test_remove_takes_feedback_and_leaves_people(uow):
    keep = new_app(uow, company="Keep")
    gone = new_app(uow, company="Gone")
    with uow:
        add_feedback(
            uow,
            "about gone",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 6, 1),
            application_id=gone.id,
        )
        add_feedback(
            uow,
            "about keep",
            FeedbackSource.RECRUITER,
            received_on=date(2025, 6, 1),
            application_id=keep.id,
        )
        add_contact(uow, "Maya", ContactRole.RECRUITER, application_id=gone.id)
    with uow:
        remove_application(uow, gone.id)
    assert list(uow.stored.applications) == [keep.id]
    assert [f.text for f in uow.stored.feedback.values()] == ["about keep"]
    (maya,) = uow.stored.contacts.values()
    assert maya.application_id is None
    assert maya.company == "Gone"


def test_fake_uow_keeps_nothing_without_commit(uow):
    created = new_app(uow)
    with uow:
        app = uow.applications.get(created.id)
        app.add_round(Round("Screen", RoundKind.SCREEN, date(2025, 5, 14)))
        app.notes = "changed"
    assert uow.stored.applications[created.id].rounds == []
    assert uow.stored.applications[created.id].notes is None


def test_another_application_for_the_same_role_is_found_not_refused(uow):
    first = new_app(uow, company="Tempoline", role_title="Technical Program Manager")
    with uow:
        set_decision(uow, first.id, Outcome.REJECTION, date(2025, 6, 18))
    new_app(uow, company="Tempoline", role_title="Program Manager")  # another role
    new_app(uow, company="Tempoline Labs", role_title="Technical Program Manager")
    # Typed again a year later, spelled a little differently: a re-application, kept.
    again = new_app(
        uow,
        company="tempoline",
        role_title="technical  program manager",
        applied_on=date(2026, 5, 1),
    )
    assert again.id in uow.stored.applications
    with uow:
        [earlier] = same_role_applications(uow, again.id)
        assert (earlier.id, earlier.status) == (first.id, Status.REJECTED)
        # And the other way round, for the first: the later one.
        assert [f.id for f in same_role_applications(uow, first.id)] == [again.id]

"""The read queries behind `app list` and `stats`: facts with every filter, next interviews."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nextround.domain.journey import Outcome, RoundKind, Status
from nextround.services.applications import (
    add_application,
    close_application,
    reopen_application,
)
from nextround.services.ports import ApplicationQuery
from nextround.services.process import add_interview, add_round


@pytest.fixture
def companies(app, journey):
    """The company names `facts` returns for a query, newest application first."""

    def run(**query):
        with app.uow() as uow:
            return [f.company for f in uow.applications.facts(ApplicationQuery(**query))]

    return run


def test_facts_without_filters_match_the_aggregates(app, journey):
    with app.uow() as uow:
        facts = uow.applications.facts()
        assert [f.id for f in facts] == [journey.silent, journey.offer, journey.main]
        for fact in facts:
            aggregate = uow.applications.get(fact.id)
            assert fact.status is aggregate.status
            assert fact.stages == type(fact).of(aggregate).stages
            assert fact.tags == aggregate.tags


def test_status_filter(companies):
    assert companies(statuses=(Status.REJECTED,)) == ["Tempoline"]
    assert companies(statuses=(Status.DECLINED, Status.APPLIED)) == ["Quiet Co", "Northwind Audio"]
    assert companies(statuses=(Status.OFFER,)) == []


def test_company_filter_is_a_case_insensitive_substring(companies):
    assert companies(company="north") == ["Northwind Audio"]
    assert companies(company="O") == ["Quiet Co", "Northwind Audio", "Tempoline"]


def test_tag_filter(companies):
    assert companies(tag="TPM") == ["Northwind Audio", "Tempoline"]
    assert companies(tag="music") == ["Tempoline"]
    assert companies(tag="mus") == []  # a tag is matched whole


def test_date_filters_are_inclusive(companies):
    assert companies(applied_from=date(2025, 9, 1)) == ["Quiet Co", "Northwind Audio"]
    assert companies(applied_to=date(2025, 9, 1)) == ["Northwind Audio", "Tempoline"]
    assert companies(applied_from=date(2025, 9, 2), applied_to=date(2025, 10, 5)) == ["Quiet Co"]


def test_text_search_covers_company_role_notes_posting_and_tags(companies):
    assert companies(text="senior") == ["Northwind Audio"]
    assert companies(text="TUESDAY") == ["Tempoline"]
    assert companies(text="music") == ["Tempoline"]


def test_filters_combine(companies):
    assert companies(tag="tpm", statuses=(Status.DECLINED,), text="audio") == ["Northwind Audio"]
    assert companies(tag="tpm", company="quiet") == []


def test_like_wildcards_are_literal(app):
    with app.uow() as uow:
        for company, notes in [
            ("Hundred Percent", "100% remote"),
            ("Ten Percent", "10 percent travel"),
            ("Snake_Case Ltd", None),
            ("SnakeXCase Ltd", None),
            ("Back\\slash", None),
        ]:
            add_application(
                uow,
                {
                    "company": company,
                    "role_title": "PM",
                    "applied_on": date(2025, 1, 1),
                    "notes": notes,
                },
            )

    def found(**query):
        with app.uow() as uow:
            return sorted(f.company for f in uow.applications.facts(ApplicationQuery(**query)))

    assert found(text="100%") == ["Hundred Percent"]
    assert found(text="%") == ["Hundred Percent"]
    assert found(text="0%") == ["Hundred Percent"]
    assert found(company="snake_") == ["Snake_Case Ltd"]
    assert found(text="_") == ["Snake_Case Ltd"]
    assert found(company="k\\s") == ["Back\\slash"]


def test_search_is_case_insensitive_beyond_ascii_on_every_backend(app):
    with app.uow() as uow:
        for company in ["Zoë Café", "ŁÓDŹ Systems", "Ελληνική"]:
            add_application(
                uow, {"company": company, "role_title": "PM", "applied_on": date(2025, 1, 1)}
            )

    def found(**query):
        with app.uow() as uow:
            return [f.company for f in uow.applications.facts(ApplicationQuery(**query))]

    assert found(company="ZOË") == ["Zoë Café"]
    assert found(text="café") == ["Zoë Café"]
    assert found(company="łódź") == ["ŁÓDŹ Systems"]
    assert found(text="ελλην") == ["Ελληνική"]


def test_search_finds_non_ascii_tags(app):
    with app.uow() as uow:
        add_application(
            uow,
            {
                "company": "Brasil",
                "role_title": "PM",
                "applied_on": date(2025, 1, 1),
                "tags": ["são-paulo", "日本"],
            },
        )
    with app.uow() as uow:
        assert [f.tags for f in uow.applications.facts(ApplicationQuery(text="são"))] == [
            ["são-paulo", "日本"]
        ]
        assert len(uow.applications.facts(ApplicationQuery(text="日本"))) == 1
        assert len(uow.applications.facts(ApplicationQuery(tag="日本"))) == 1


def test_next_interviews(app, journey, clock):
    with app.uow() as uow:
        add_round(
            uow,
            journey.silent,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2025, 12, 1)},
        )
        for hour in (15, 9, 12):
            add_interview(
                uow,
                journey.silent,
                None,
                {"title": f"at {hour}", "scheduled_at": datetime(2025, 12, 1, hour, tzinfo=UTC)},
            )
        add_interview(uow, journey.silent, None, {"title": "unscheduled"})
    with app.uow() as uow:
        upcoming = uow.applications.next_interviews(datetime(2025, 12, 1, 9, 30, tzinfo=UTC))
        assert upcoming == {journey.silent: datetime(2025, 12, 1, 12, tzinfo=UTC)}
        when = upcoming[journey.silent]
        assert when.tzinfo is not None and when.utcoffset().total_seconds() == 0
        everything = uow.applications.next_interviews(datetime(2025, 1, 1, tzinfo=UTC))
        # The main process was rejected: its interviews are not coming, whatever their dates.
        assert journey.main not in everything and journey.offer not in everything
        assert uow.applications.next_interviews(datetime(2030, 1, 1, tzinfo=UTC)) == {}
        reopen_application(uow, journey.main, date(2025, 6, 20))
    with app.uow() as uow:
        everything = uow.applications.next_interviews(datetime(2025, 1, 1, tzinfo=UTC))
        # Reopened, it runs again. Its first interview is 2025-05-14 10:00+02:00.
        assert everything[journey.main] == datetime(2025, 5, 14, 8, tzinfo=UTC)
        close_application(uow, journey.silent, Outcome.WITHDRAWAL, on=date(2025, 12, 1))
    with app.uow() as uow:
        later = uow.applications.next_interviews(datetime(2025, 12, 1, 9, 30, tzinfo=UTC))
        assert journey.silent not in later
        agenda = uow.applications.upcoming_interviews(datetime(2025, 1, 1, tzinfo=UTC), 20)
        assert {item.application_id for item in agenda} == {journey.main}


def test_tag_filter_matches_however_the_tag_was_typed(app):
    with app.uow() as uow:
        add_application(
            uow,
            {
                "company": "Bosphorus",
                "role_title": "PM",
                "applied_on": date(2025, 1, 1),
                "tags": ["İstanbul", "zoe\u0308"],  # capital dotted I; e + combining diaeresis
            },
        )
    with app.uow() as uow:
        for typed in ("İSTANBUL", "i\u0307stanbul", "zoë", "ZOE\u0308"):
            found = uow.applications.facts(ApplicationQuery(tag=typed))
            assert [f.company for f in found] == ["Bosphorus"], typed

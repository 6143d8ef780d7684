"""CSV proof of search and the .ics calendar of interviews, from a real database."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from nextround.domain.journey import OfferResponse, Outcome, RoundKind
from nextround.errors import InvalidInputError
from nextround.io.job_search_csv import COLUMNS, OFFER_COLUMNS
from nextround.services.applications import add_application, reopen_application
from nextround.services.data import (
    CALENDAR_KEY,
    export_backup,
    export_csv,
    export_ics,
    restore_backup,
)
from nextround.services.process import add_interview, add_round, set_decision
from tests.integration.conftest import load_journey, snapshot


def csv_rows(app) -> list[dict[str, str]]:
    with app.uow() as uow:
        text = export_csv(uow)
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_application_with_stage_dates(app):
    journey = load_journey(app)
    rows = csv_rows(app)
    assert [int(r["id"]) for r in rows] == [journey.main, journey.offer, journey.silent]
    main = rows[0]
    assert {k: main[k] for k in COLUMNS if k not in ("stage_history",)} == {
        "id": str(journey.main),
        "company": "Tempoline",
        "role_title": "Technical Program Manager",
        "level": "",
        "location": "",
        "work_mode": "remote",
        "source": "LinkedIn",
        "status": "rejected",
        "applied_on": "2025-05-06",
        "screen_on": "2025-05-14",
        "interviews_on": "2025-06-10",
        "final_round_on": "2025-06-10",
        "offer_on": "",
        "decided_on": "2025-06-18",
        "outcome": "rejection",
        "finalists": "4",
        "reason": "Chose another of the four finalists.",
        "rounds": "2",
        "posting_url": "https://jobs.tempoline.example/tpm",
        "offer_answered_on": "",
        # The recruiter, not the interviewers the whiteboard made people of.
        "contact_person": "Maya Lindgren (talent acquisition, maya@tempoline.example)",
        "offer_answer_by": "",
        # Where a channel not among the sources is named ("via Xing"), after 0017's session.
        "notes": "Applied on a Tuesday.",
        "tags": "tpm, music",
        # An offer's terms (after 0019): blank on a rejection.
        **dict.fromkeys(OFFER_COLUMNS, ""),
        # How it was sent (after 0023): blank when not said.
        "method": "",
    }
    assert main["stage_history"] == (
        "2025-05-06 applied; 2025-05-14 round 1 Screen (screen, passed); "
        "2025-06-10 round 2 Final loop (final loop, rejected); 2025-06-18 decision rejection"
    )
    offer = rows[1]
    assert (offer["status"], offer["offer_on"], offer["final_round_on"], offer["screen_on"]) == (
        "declined",
        "2025-10-01",
        "2025-09-20",
        "2025-09-20",
    )
    assert offer["offer_answered_on"] == "2025-10-01"  # declined the day it was recorded
    silent = rows[2]
    assert (silent["status"], silent["screen_on"], silent["decided_on"], silent["rounds"]) == (
        "applied",
        "",
        "",
        "0",
    )


def test_csv_shows_reopened_decisions_in_the_history(app):
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Again", "role_title": "PM", "applied_on": date(2025, 1, 1)}
        )
        set_decision(uow, created.id, Outcome.NO_RESPONSE, date(2025, 2, 1))
    with app.uow() as uow:
        reopen_application(uow, created.id, date(2025, 3, 1))
    (row,) = csv_rows(app)
    assert row["stage_history"] == (
        "2025-01-01 applied; 2025-02-01 decision no response; 2025-03-01 reopened"
    )
    assert (row["status"], row["decided_on"], row["outcome"]) == ("applied", "", "")
    # A round after the reopening comes after it: the history is proof of search, in order.
    with app.uow() as uow:
        add_round(
            uow,
            created.id,
            {"name": "HM", "kind": RoundKind.HIRING_MANAGER, "started_on": date(2025, 3, 10)},
        )
    (row,) = csv_rows(app)
    assert row["stage_history"] == (
        "2025-01-01 applied; 2025-02-01 decision no response; 2025-03-01 reopened; "
        "2025-03-10 round 1 HM (hiring manager, pending)"
    )


@pytest.mark.parametrize(
    "dangerous",
    ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)"],
)
def test_csv_neutralises_formulas(app, dangerous):
    with app.uow() as uow:
        add_application(
            uow,
            {
                "company": dangerous,
                "role_title": dangerous,
                "level": dangerous,
                "location": dangerous,
                "notes": dangerous,
                "applied_on": date(2025, 1, 1),
            },
        )
    (row,) = csv_rows(app)
    for column in ("company", "role_title", "level", "location"):
        assert row[column] == "'" + dangerous
    assert row["stage_history"] == "2025-01-01 applied"


def test_csv_keeps_harmless_text_as_is(app):
    text = 'Quotes "x", commas, semi;colons, A=B, Zoë 🎧'
    with app.uow() as uow:
        add_application(
            uow, {"company": text, "role_title": "Line\u2028sep", "applied_on": date(2025, 1, 1)}
        )
    (row,) = csv_rows(app)
    assert row["company"] == text
    assert row["role_title"] == "Line\u2028sep"


def ics(app) -> Calendar:
    with app.uow() as uow:
        return Calendar.from_ical(export_ics(uow))


def test_ics_has_one_event_per_scheduled_interview(app, clock):
    journey = load_journey(app)
    with app.uow() as uow:
        add_round(
            uow,
            journey.silent,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2025, 12, 1)},
        )
        add_interview(uow, journey.silent, None, {"title": "Not yet scheduled"})
    calendar = ics(app)
    assert str(calendar["prodid"]) == "-//nextround//interviews//EN"
    assert str(calendar["version"]) == "2.0"
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    (board,) = [e for e in events if str(e["summary"]).startswith("Process-flow")]
    assert re.fullmatch(rf"interview-{journey.whiteboard}-[0-9a-f]{{16}}@nextround", board["uid"])
    start = board.decoded("dtstart")
    assert start == datetime(2025, 6, 10, 9, tzinfo=UTC)
    assert start.utcoffset() == timedelta(0)
    assert board.decoded("dtend") - start == timedelta(minutes=45)
    assert str(board["summary"]) == "Process-flow whiteboard - Tempoline"
    assert str(board["description"]).split("\n") == [
        "Technical Program Manager at Tempoline",
        "Round 2: Final loop",
        "Format: practical exercise",
        "With: Inés Carvalho (Lead, Process Excellence), Kwame Asante",
        "Competencies: Systems thinking, Communication: clarity and concision",
    ]
    assert str(board["location"]) == "video"
    assert board.decoded("dtstamp") == clock.now
    assert len({str(e["uid"]) for e in events}) == 3


def test_ics_event_without_duration_has_no_end(app):
    with app.uow() as uow:
        created = add_application(
            uow,
            {
                "company": "Comma, Semi; Colon \\ 日本",
                "role_title": "PM",
                "applied_on": date(2025, 1, 1),
            },
        )
        add_round(
            uow,
            created.id,
            {"name": "Screen", "kind": RoundKind.SCREEN, "started_on": date(2025, 1, 2)},
        )
        add_interview(
            uow,
            created.id,
            None,
            {
                "title": "Open-ended 🎧",
                "scheduled_at": datetime(2025, 1, 2, 23, 59, 59, 123456, tzinfo=UTC),
            },
        )
    (event,) = ics(app).walk("VEVENT")
    assert "dtend" not in event
    assert str(event["summary"]) == "Open-ended 🎧 - Comma, Semi; Colon \\ 日本"
    # iCalendar times have whole seconds.
    assert event.decoded("dtstart") == datetime(2025, 1, 2, 23, 59, 59, tzinfo=UTC)
    assert "location" not in event


def test_empty_calendar_still_parses(app):
    calendar = ics(app)
    assert calendar.walk("VEVENT") == []
    # No calendar id is stored for it: the database still counts as empty for a restore.
    with app.uow() as uow:
        assert uow.preferences.get(CALENDAR_KEY) is None


def _uids(app) -> set[str]:
    return {str(e["uid"]) for e in ics(app).walk("VEVENT")}


def test_ics_uids_are_stable_per_database_and_unique_across_databases(
    app, make_app, tmp_path, clock
):
    """Interview ids start at 1 everywhere: the UID carries when the interview was recorded."""
    load_journey(app)
    # A backup taken before any export (QA15 F11): nothing about the calendar is in it.
    with app.uow() as uow:
        doc = export_backup(uow)
    before = snapshot(app)
    first = _uids(app)
    assert first == _uids(app)  # a second export updates the same events
    assert snapshot(app) == before  # exporting writes nothing
    clock.now += timedelta(seconds=1)
    other = make_app(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    load_journey(other)
    theirs = _uids(other)
    assert len(theirs) == len(first) and not theirs & first
    # The restored journey's calendar updates the same events, on this backend or another.
    restored = make_app(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    with restored.uow() as uow:
        restore_backup(uow, doc)
    assert _uids(restored) == first


def test_a_calendar_id_stored_by_an_earlier_export_keeps_its_uids(app):
    """Calendars already holding UIDs made with the stored id go on matching them."""
    journey = load_journey(app)
    with app.uow() as uow:
        uow.preferences.set(CALENDAR_KEY, "0123456789abcdef", uow.now())
        uow.commit()
    assert f"interview-{journey.whiteboard}-0123456789abcdef@nextround" in _uids(app)


def test_a_stored_calendar_id_travels_in_the_backup(app, make_app, second_url):
    """Each copy restored from a backup taken since the id was made makes the same UIDs."""
    load_journey(app)
    with app.uow() as uow:
        uow.preferences.set(CALENDAR_KEY, "0123456789abcdef", uow.now())
        uow.commit()
        doc = export_backup(uow)
    restored = make_app(second_url)
    with restored.uow() as uow:
        restore_backup(uow, doc)
        uow.commit()
    assert _uids(restored) == _uids(app)


def test_a_backup_with_a_broken_calendar_id_is_refused(app, make_app, tmp_path):
    load_journey(app)
    with app.uow() as uow:
        uow.preferences.set(CALENDAR_KEY, "0123456789abcdef", uow.now())
        uow.commit()
        doc = export_backup(uow)
    for row in doc["tables"]["preferences"]:
        if row["key"] == CALENDAR_KEY:
            row["value"] = "x@y"
    fresh = make_app(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    with fresh.uow() as uow, pytest.raises(InvalidInputError, match="calendar id in the backup"):
        restore_backup(uow, doc)


def _interview_in_new_york(app, at: datetime) -> None:
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Harbor", "role_title": "PM", "applied_on": date(2025, 10, 1)}
        )
        add_round(
            uow,
            created.id,
            {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": date(2025, 11, 1)},
        )
        add_interview(
            uow,
            created.id,
            None,
            {
                "title": "Night owl panel",
                "scheduled_at": at,
                "duration_minutes": 60,
                "time_zone": "America/New_York",
            },
        )


def export_ics_bytes(app) -> bytes:
    with app.uow() as uow:
        return export_ics(uow)


def test_ics_keeps_the_interview_zone_with_its_rules(app):
    # 01:30 New York time, the first time round on the night the clocks go back.
    _interview_in_new_york(app, datetime(2025, 11, 2, 5, 30, tzinfo=UTC))
    raw = export_ics_bytes(app)
    assert b"DTSTART;TZID=America/New_York:20251102T013000" in raw
    calendar = Calendar.from_ical(raw)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "America/New_York"
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.astimezone(UTC) == datetime(2025, 11, 2, 5, 30, tzinfo=UTC)
    # An end on New York's clock would read 01:30 again; the duration is exact.
    assert "dtend" not in event
    assert event.decoded("duration") == timedelta(hours=1)


def test_ics_writes_the_second_pass_of_a_repeated_hour_in_utc(app):
    # 01:30 New York time the second time round: on that clock a reader would take the first.
    _interview_in_new_york(app, datetime(2025, 11, 2, 6, 30, tzinfo=UTC))
    calendar = Calendar.from_ical(export_ics_bytes(app))
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2025, 11, 2, 6, 30, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2025, 11, 2, 7, 30, tzinfo=UTC)


def test_ics_writes_a_zone_that_is_no_place_in_utc():
    # Saved before "Factory" and "localtime" were refused: no TZID a calendar cannot place.
    from nextround.domain.journey import Application, Interview, Round
    from nextround.io.calendar import write_ics

    at = datetime(2026, 11, 3, 10, tzinfo=UTC)
    interviews = [
        Interview(title=zone, scheduled_at=at, time_zone=zone, id=n)
        for n, zone in enumerate(["Factory", "localtime", "Europe/Paris"], 1)
    ]
    screen = Round("Screen", RoundKind.SCREEN, date(2026, 11, 1), interviews=interviews)
    app = Application("Harbor", "PM", date(2026, 10, 1), rounds=[screen])
    raw = write_ics([app], at)
    assert b"TZID=Factory" not in raw and b"TZID=localtime" not in raw
    assert b"DTSTART;TZID=Europe/Paris:20261103T110000" in raw
    starts = [e.decoded("dtstart") for e in Calendar.from_ical(raw).walk("VEVENT")]
    assert starts[:2] == [at, at]


def test_an_offer_answered_later_keeps_both_days(app):
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Brightlane", "role_title": "PM", "applied_on": date(2025, 9, 8)}
        )
        set_decision(uow, created.id, Outcome.OFFER, date(2025, 10, 21), None, None,
                     OfferResponse.PENDING, answer_by=date(2025, 10, 28))  # fmt: skip
    with app.uow() as uow:
        set_decision(uow, created.id, Outcome.OFFER, None, None, None, OfferResponse.ACCEPTED,
                     responded_on=date(2025, 10, 25))  # fmt: skip
    (row,) = csv_rows(app)
    # Answering keeps the deadline the offer came with, as history.
    assert (
        row["offer_on"], row["decided_on"], row["offer_answered_on"], row["offer_answer_by"]
    ) == ("2025-10-21", "2025-10-21", "2025-10-25", "2025-10-28")  # fmt: skip
    assert row["stage_history"] == (
        "2025-09-08 applied; 2025-10-21 decision offer; 2025-10-25 offer accepted"
    )


def test_csv_reads_in_words_and_names_a_person_to_ask(app):
    """A caseworker reads it: no codes, and the person to ask about each application."""
    from nextround.domain.contacts import ContactRole
    from nextround.domain.journey import Interviewer, Source, WorkMode
    from nextround.services.contacts import add_contact

    with app.uow() as uow:
        quiet = add_application(
            uow,
            {"company": "Kestrel", "role_title": "Ops", "applied_on": date(2026, 8, 3),
             "source": Source.CAREERS_PAGE, "work_mode": WorkMode.HYBRID},
        )  # fmt: skip
        set_decision(uow, quiet.id, Outcome.NO_RESPONSE, date(2026, 9, 30))
        met = add_application(
            uow,
            {"company": "Fernhill", "role_title": "Ops", "applied_on": date(2026, 8, 5),
             "source": Source.RECRUITER_OUTREACH},
        )  # fmt: skip
        add_round(uow, met.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2026, 9, 1)})  # fmt: skip
        add_interview(uow, met.id, None, {"title": "Panel",
                                          "interviewers": [Interviewer("Ravi Menon")]})  # fmt: skip
        led = add_application(
            uow, {"company": "Lumora", "role_title": "Ops", "applied_on": date(2026, 8, 7)}
        )
        add_contact(uow, "Anja Weber", ContactRole.HIRING_MANAGER, application_id=led.id)
        add_contact(uow, "=Sophie Brandt", ContactRole.RECRUITER, application_id=led.id,
                    email="sophie@lumora.example")  # fmt: skip
    kestrel, fernhill, lumora = csv_rows(app)
    assert (kestrel["source"], kestrel["work_mode"], kestrel["status"], kestrel["outcome"]) == (
        "careers page",
        "hybrid",
        "no response",
        "no response",
    )
    assert kestrel["contact_person"] == ""
    assert fernhill["source"] == "recruiter outreach"
    assert fernhill["status"] == "final round"
    # No recruiter or hiring manager on record: whoever was met.
    assert fernhill["contact_person"] == "Ravi Menon (interviewer)"
    # The recruiter first; a cell never starts as a formula.
    assert lumora["contact_person"] == (
        "'=Sophie Brandt (recruiter, sophie@lumora.example); Anja Weber (hiring manager)"
    )


def test_ics_names_competencies_of_any_framework_and_keeps_a_tag_as_typed(app):
    """Built-in and imported competencies by name; a tag no framework has stays as typed."""
    from nextround.domain.competency import Competency, Framework
    from nextround.services.frameworks import import_framework

    acme = Framework(
        "acme", "Acme values", (Competency("customer-first", "Customer first", "Starts there."),)
    )
    with app.uow() as uow:
        import_framework(uow, acme)  # imported, not in use
        created = add_application(
            uow, {"company": "Kestrel", "role_title": "Ops", "applied_on": date(2026, 8, 3)}
        )
        add_round(uow, created.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                    "started_on": date(2026, 9, 1)})  # fmt: skip
        add_interview(
            uow,
            created.id,
            None,
            {
                "title": "Panel",
                "scheduled_at": datetime(2026, 9, 1, 10, tzinfo=UTC),
                "competencies": ["process-design", "customer-first", "vendor-negotiation"],
            },
        )
    (event,) = ics(app).walk("VEVENT")
    assert str(event["description"]).split("\n")[-1] == (
        "Competencies: Process design and improvement, Customer first, vendor-negotiation"
    )

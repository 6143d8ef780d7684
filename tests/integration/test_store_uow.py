"""The unit of work on a real database: all or nothing, exact times, faithful text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Application, Interview, Interviewer, RoundKind
from nextround.errors import DomainError
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.feedback import add_feedback
from nextround.services.process import add_interview, add_round, edit_round
from tests.integration.conftest import snapshot


def test_nothing_is_kept_without_commit(app):
    with app.uow() as uow:
        uow.applications.add(
            Application(
                "Ghost",
                "PM",
                date(2025, 1, 1),
                created_at=datetime.now(UTC),
                updated_at=datetime.now(UTC),
            )
        )
        uow.flush()  # the INSERT has run inside the transaction...
        assert uow.applications.count() == 1
    with app.uow() as uow:  # ...and was rolled back when the block ended
        assert uow.applications.count() == 0


def test_a_use_case_that_fails_after_changes_leaves_nothing_written(app, journey):
    before = snapshot(app)

    def rename_then_fail(uow):
        # A use case that changes several things and then hits a rule.
        main = uow.applications.get(journey.main)
        main.company = "Renamed"
        main.rounds[0].name = "Renamed round"
        uow.flush()
        raise DomainError("something the user must fix")

    with pytest.raises(DomainError), app.uow() as uow:
        rename_then_fail(uow)
    assert snapshot(app) == before


def test_a_refused_edit_leaves_nothing_written(app, journey):
    before = snapshot(app)
    with pytest.raises(DomainError, match="before it starts"), app.uow() as uow:
        edit_round(uow, journey.loop_round, {"notes": "changed", "ended_on": date(2025, 1, 1)})
    assert snapshot(app) == before


def test_an_error_after_commit_keeps_what_was_committed(app):
    with pytest.raises(RuntimeError), app.uow() as uow:
        add_application(
            uow, {"company": "Kept", "role_title": "PM", "applied_on": date(2025, 1, 1)}
        )
        raise RuntimeError("after the commit")
    with app.uow() as uow:
        assert [a.company for a in uow.applications.all()] == ["Kept"]


def test_integrity_errors_become_domain_errors_and_roll_back(app, journey):
    before = snapshot(app)
    with app.uow() as uow:
        main = uow.applications.get(journey.main)
        main.rounds[1].position = 1  # two rounds at position 1
        with pytest.raises(DomainError, match="the database refused the change"):
            uow.commit()
    assert snapshot(app) == before


def test_objects_stay_readable_after_the_block(app):
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Readable", "role_title": "PM", "applied_on": date(2025, 1, 1)}
        )
    assert (created.id, created.company, created.rounds) == (1, "Readable", [])


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 25, 13, 14, 15, 123456, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(2026, 1, 1, 0, 0, 0, 1, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
        datetime(2026, 6, 30, 23, 59, 59, 999999, tzinfo=UTC),
    ],
)
def test_timestamps_are_exact_to_the_microsecond_and_aware(app, clock, moment):
    clock.now = moment
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Clockwork", "role_title": "PM", "applied_on": date(2025, 1, 1)}
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
                "title": "Call",
                "scheduled_at": datetime(
                    2025, 1, 2, 10, 11, 12, 654321, tzinfo=timezone(timedelta(hours=-3))
                ),
            },
        )
    with app.uow() as uow:
        loaded = uow.applications.get(created.id)
        interview = loaded.rounds[0].interviews[0]
        for stamp in (
            loaded.created_at,
            loaded.updated_at,
            loaded.rounds[0].created_at,
            interview.created_at,
        ):
            assert stamp == moment
            assert stamp.microsecond == moment.astimezone(UTC).microsecond
            assert stamp.utcoffset() == timedelta(0)
        assert interview.scheduled_at == datetime(2025, 1, 2, 13, 11, 12, 654321, tzinfo=UTC)
        assert interview.scheduled_at.utcoffset() == timedelta(0)


def test_naive_datetimes_never_reach_the_database(app):
    with app.uow() as uow:
        created = add_application(
            uow, {"company": "Naive", "role_title": "PM", "applied_on": date(2025, 1, 1)}
        )
        add_round(
            uow, created.id, {"name": "S", "kind": RoundKind.SCREEN, "started_on": date(2025, 1, 2)}
        )
    with app.uow() as uow:
        loaded = uow.applications.get(created.id)
        loaded.rounds[0].interviews.append(
            Interview(
                "Sneaky",
                scheduled_at=datetime(2025, 1, 2, 10),
                created_at=datetime.now(UTC),
                updated_at=datetime.now(UTC),
            )
        )
        with pytest.raises(Exception, match="naive datetime"):
            uow.commit()


TEXTS = [
    "Emoji 🎧🥁 and a family 👩‍👩‍👧 and flags 🇳🇬🇸🇪",
    "中文 日本語 한국어",
    "עברית ومرحبا بالعالم",  # right to left
    "e\u0301 combining, Å vs A\u030a, ﬁ ligature",
    "Zero\u200bwidth, non\u00a0breaking, line\u2028separator",
    "tabs\tand\r\nnewlines\nkept",
    "Quotes ' \" ` and backslash \\ and 100% _under_",
    "Astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀",
]


@pytest.mark.parametrize("text", TEXTS)
def test_unicode_round_trips(app, text):
    one_line = text.replace("\r\n", " ").replace("\n", " ")
    with app.uow() as uow:
        created = add_application(
            uow,
            {
                "company": one_line[:200],
                "role_title": one_line[:200],
                "applied_on": date(2025, 1, 1),
                "notes": text,
                "posting_text": text,
            },
        )
        add_round(
            uow,
            created.id,
            {
                "name": one_line[:200],
                "kind": RoundKind.OTHER,
                "started_on": date(2025, 1, 2),
                "notes": text,
            },
        )
        add_interview(
            uow,
            created.id,
            None,
            {
                "title": one_line[:200],
                "notes": text,
                "interviewers": [Interviewer(one_line[:200], one_line[:200])],
            },
        )
        add_contact(uow, one_line[:200], notes=text, title=one_line[:200])
        add_feedback(
            uow, text, FeedbackSource.MENTOR, received_on=date(2025, 1, 3), author=one_line[:200]
        )
    with app.uow() as uow:
        loaded = uow.applications.get(created.id)
        assert loaded.company == loaded.role_title == one_line
        assert loaded.notes == loaded.posting_text == text
        assert loaded.rounds[0].name == one_line and loaded.rounds[0].notes == text
        interview = loaded.rounds[0].interviews[0]
        assert interview.notes == text
        # The interviewer is a contact of the application too, by the same name.
        (met,) = uow.contacts.list(created.id)
        assert (met.name, met.title) == (one_line, one_line)
        assert interview.interviewers == [Interviewer(one_line, one_line, met.id)]
        (person,) = [c for c in uow.contacts.list() if c.application_id is None]
        assert (person.name, person.notes, person.title) == (one_line, text, one_line)
        (item,) = uow.feedback.list()
        assert (item.text, item.author) == (text, one_line)


def test_long_names_fit_on_every_backend(app):
    # String(200) is 200 characters, not bytes: 200 four-byte characters must fit.
    name = "🎧" * 200
    with app.uow() as uow:
        created = add_application(
            uow, {"company": name, "role_title": "e\u0301" * 100, "applied_on": date(2025, 1, 1)}
        )
    with app.uow() as uow:
        loaded = uow.applications.get(created.id)
        assert loaded.company == name
        assert loaded.role_title == "e\u0301" * 100

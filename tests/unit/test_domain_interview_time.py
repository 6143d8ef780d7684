"""An interview's own time zone: checked names, placing a wall-clock time, both clocks shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from nextround.domain.interview_time import (
    describe,
    describe_at_offset,
    place,
    time_zone,
    wall_clock,
    zone_names,
)
from nextround.domain.journey import Interview
from nextround.errors import DomainError
from nextround.web.rendering import local_input, moment


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Europe/London", "Europe/London"),
        ("america/new york", "America/New_York"),
        ("  Asia/Kolkata ", "Asia/Kolkata"),
        ("utc", "UTC"),
        ("local", None),
        # The machine's own setting, not a place: it means the user's own time, as "local".
        ("localtime", None),
        (" LocalTime ", None),
        ("", None),
        (None, None),
    ],
)
def test_zone_names_are_checked_and_spelled_as_the_tz_database_does(typed, stored):
    assert time_zone(typed) == stored


@pytest.mark.parametrize("typed", ["Mars/Base", "../../etc/passwd", "x" * 500])
def test_an_unknown_zone_is_refused_with_examples(typed):
    with pytest.raises(DomainError, match="not a known time zone; use an IANA name such as"):
        time_zone(typed)


@pytest.mark.parametrize("typed", ["Factory", "factory", "posixrules"])
def test_a_placeholder_of_the_tz_database_is_no_place_to_meet(typed):
    with pytest.raises(
        DomainError, match=rf"{typed}' is a placeholder .* not the clock of a place"
    ):
        time_zone(typed)


def test_the_suggested_zones_are_places_only():
    names = zone_names()
    assert "Europe/London" in names and "UTC" in names
    assert not {"localtime", "Factory", "posixrules"} & set(names)


def test_the_interview_check_canonicalises_its_zone():
    interview = Interview("Panel", time_zone="europe/paris")
    interview.check()
    assert interview.time_zone == "Europe/Paris"
    with pytest.raises(DomainError, match="interview time zone 'Paris' is not a known"):
        Interview("Panel", time_zone="Paris").check()


def test_a_wall_clock_time_is_placed_in_its_zone_with_daylight_saving(local_zone):
    local_zone("Europe/Amsterdam")
    assert place(datetime(2026, 1, 20, 9), "America/New_York") == datetime(
        2026, 1, 20, 14, tzinfo=UTC
    )
    assert place(datetime(2026, 7, 20, 9), "America/New_York") == datetime(
        2026, 7, 20, 13, tzinfo=UTC
    )
    # No zone: the user's own time. An offset already given is kept.
    assert place(datetime(2026, 1, 20, 9), None) == datetime(2026, 1, 20, 8, tzinfo=UTC)
    given = datetime.fromisoformat("2026-01-20T09:00+05:30")
    assert place(given, "America/New_York") is given


def test_both_clocks_are_shown_when_they_differ(local_zone):
    local_zone("Europe/Amsterdam")
    at = datetime(2026, 12, 1, 14, tzinfo=UTC)
    assert describe(at, "America/New_York") == "2026-12-01 09:00 New York time (15:00 here)"
    assert describe(at, None) == "2026-12-01 15:00"
    assert describe(at, "Europe/Paris") == "2026-12-01 15:00"  # same clock as here
    # Different days on the two clocks: the user's own time gets its date too.
    late = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    assert describe(late, "Asia/Tokyo") == "2026-12-02 08:30 Tokyo time (00:30 here)"
    assert describe(late, "America/Los_Angeles") == (
        "2026-12-01 15:30 Los Angeles time (2026-12-02 00:30 here)"
    )
    assert wall_clock(at, "UTC").hour == 14


def test_a_time_typed_with_an_offset_is_answered_on_that_clock_and_here(local_zone):
    local_zone("Europe/London")  # UTC+01:00 in September
    at = datetime(2026, 9, 24, 11, tzinfo=UTC)
    plus_two = timezone(timedelta(hours=2))
    assert describe_at_offset(at, plus_two) == "2026-09-24 13:00 UTC+02:00 (12:00 here)"
    minus_five = timezone(timedelta(hours=-5))
    late = datetime(2026, 9, 24, 23, 30, tzinfo=UTC)
    assert describe_at_offset(late, minus_five) == (
        "2026-09-24 18:30 UTC-05:00 (2026-09-25 00:30 here)"
    )
    # The user's own offset needs no second clock.
    assert describe_at_offset(at, timezone(timedelta(hours=1))) is None


def test_the_web_shows_the_interviews_clock_and_edits_on_it(local_zone):
    local_zone("Europe/Amsterdam")
    at = datetime(2026, 12, 1, 14, tzinfo=UTC)
    assert moment(at, "America/New_York") == "Tue 1 Dec 2026, 15:00 (09:00 New York time)"
    assert moment(at, "Asia/Tokyo") == "Tue 1 Dec 2026, 15:00 (23:00 Tokyo time)"
    late = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    assert moment(late, "America/Los_Angeles") == (
        "Wed 2 Dec 2026, 00:30 (Tue 1 Dec, 15:30 Los Angeles time)"
    )
    assert moment(at, "UTC") == "Tue 1 Dec 2026, 15:00 (14:00 UTC)"
    assert moment(at) == "Tue 1 Dec 2026, 15:00"
    assert local_input(at, "America/New_York") == "2026-12-01T09:00"
    assert local_input(at) == "2026-12-01T15:00"


def test_a_time_the_clocks_skip_is_refused(local_zone):
    local_zone("Europe/Amsterdam")
    with pytest.raises(DomainError, match="2026-03-29 01:30 does not exist in Europe/London"):
        place(datetime(2026, 3, 29, 1, 30), "Europe/London")
    with pytest.raises(DomainError, match="02:30 does not exist in your local time"):
        place(datetime(2026, 3, 29, 2, 30), None)
    # The hour the clocks go back happens twice: the first (still summer time) is taken.
    twice = place(datetime(2026, 10, 25, 1, 30), "Europe/London")
    assert twice.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("Berlin", "'Europe/Berlin'"),
        ("new york", "'America/New_York'"),
        ("Kolkata", "'Asia/Kolkata'"),
        ("Europe/Berln", "'Europe/Berlin'"),
        ("Europe/Berlin\x00", "'Europe/Berlin'"),  # a stray byte is not taken as the name
    ],
)
def test_a_city_alone_or_a_typo_is_refused_with_the_zone_it_likely_meant(given, meant):
    with pytest.raises(DomainError) as refused:
        time_zone(given)
    assert refused.value.message.endswith(f"is not a known time zone; did you mean {meant}?")


def test_a_name_like_no_zone_gets_the_examples():
    with pytest.raises(DomainError, match="use an IANA name such as Europe/London"):
        time_zone("Springfield")

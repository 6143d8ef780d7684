"""Reading calendar invites: Google, Outlook (Windows zone names) and UTC, and every refusal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from nextround.errors import InvalidInputError
from nextround.io.invites import MAX_INVITE_BYTES, read_invite

INVITES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"


def invite(name: str):  # type: ignore[no-untyped-def]
    return read_invite((INVITES / name).read_bytes(), name)


def event_of(text: str, name: str = "x.ics"):  # type: ignore[no-untyped-def]
    body = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
    body += text.strip().replace("\n", "\r\n") + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    return read_invite(body.encode(), name)


def test_a_google_invite_keeps_its_zone_people_and_plain_text() -> None:
    read = invite("google.ics")
    (event,) = read.events
    assert (event.start, event.zone, event.minutes) == (
        datetime(2027, 1, 14, 10, 0),
        "America/New_York",
        60,
    )
    assert event.uid == "7kq2example0001@google.com"
    assert event.organizer is not None and event.organizer.name == "Riley Recruiter"
    # The meeting room is no person; folded CN lines are joined.
    assert [p.name for p in event.attendees] == [
        "Riley Recruiter",
        "Sam Candidate",
        "Dana Architect",
    ]
    # Google's HTML description is kept as the words it shows.
    assert "<" not in event.description
    assert "This is your system design interview." in event.description
    assert event.location == "https://meet.example/abc-defg-hij"
    assert not event.cancelled and read.method == "REQUEST"


def test_an_outlook_invite_with_a_windows_zone_name_is_on_that_zones_clock() -> None:
    (event,) = invite("outlook.ics").events
    assert (event.start, event.zone, event.minutes) == (
        datetime(2027, 3, 10, 14, 0),
        "Europe/Berlin",
        45,
    )
    # A CN that is an address is named from the address; the shared mailbox is left out.
    assert [p.name for p in event.attendees] == ["Sam Candidate", "Jonas Einhorn"]
    assert event.organizer is None
    assert event.description == "Conversation with the hiring manager.\n\nPlease bring questions."


def test_a_utc_invite_is_an_aware_moment_without_a_zone_and_drops_no_reply() -> None:
    (event,) = invite("utc.ics").events
    assert event.start == datetime(2027, 2, 5, 16, 0, tzinfo=UTC)
    assert event.zone is None and event.minutes == 45
    assert event.organizer is None  # no-reply@ is a robot
    assert event.url == "https://video.example/room/123"


def test_a_cancellation_says_so() -> None:
    read = invite("utc-cancel.ics")
    assert read.method == "CANCEL" and read.events[0].cancelled
    assert read.events[0].sequence == 1


def test_a_floating_time_is_the_users_own_and_says_so() -> None:
    (event,) = event_of("DTSTART:20270301T090000\nSUMMARY:Coding").events
    assert event.start == datetime(2027, 3, 1, 9, 0) and event.zone is None
    assert any("floating" in note for note in event.notes)


def test_a_recurring_event_takes_the_first_session_with_a_note() -> None:
    (event,) = invite("weekly.ics").events
    assert event.start == datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    assert any("repeats" in note and "first" in note for note in event.notes)


def test_hostile_html_is_kept_as_text_without_its_tags() -> None:
    (event,) = invite("hostile.ics").events
    assert "script" not in event.description and "onerror" not in event.description
    assert "alert" not in event.description
    # An escaped tag is text the sender wrote: kept as text, for the web to escape.
    assert event.description == "Bring a calculator <b>please</b>"


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b"%PDF-1.4 \x00\xff\xfe", "not text"),
        (b"Subject: hello\r\n\r\nsee you", "no BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\r\nthis is not ical\r\n", "damaged calendar file"),
        ((INVITES / "no-event.ics").read_bytes(), "no event (VEVENT)"),
        ((INVITES / "all-day.ics").read_bytes(), "all-day event on 2027-03-01"),
        (b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_INVITE_BYTES + 1), "at most 1024 KB"),
    ],
)
def test_what_is_no_invite_is_refused_saying_what_to_fix(raw: bytes, said: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        read_invite(raw, "invite.ics")
    assert said in refused.value.message
    assert refused.value.message.startswith("invite.ics")


def test_an_event_without_start_or_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="no start time"):
        event_of("SUMMARY:Coding")
    with pytest.raises(InvalidInputError, match="ends before it starts"):
        event_of("DTSTART:20270301T090000Z\nDTEND:20270301T080000Z\nSUMMARY:Coding")


def test_a_zone_nobody_knows_keeps_its_moment_in_utc() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTIMEZONE\r\n"
        "TZID:Customized Time Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:z\r\nDTSTART;TZID=Customized Time Zone:20270301T120000\r\n"
        "SUMMARY:Screen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = read_invite(text.encode(), "z.ics").events
    assert event.start == datetime(2027, 3, 1, 9, 0, tzinfo=UTC) and event.zone is None
    assert any("not one nextround knows" in note for note in event.notes)

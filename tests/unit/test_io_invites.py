"""Reading calendar invites: Google, Outlook (Windows zone names) and UTC, and every refusal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from nextround.errors import InvalidInputError
from nextround.io.invites import MAX_INVITE_BYTES, Person, person_name, read_invite

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
        (b"BEGIN:VCALENDAR\r\nthis is not ical\r\n", "line 2 is not a calendar line"),
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


def test_outlook_names_are_read_as_first_last_with_the_title_apart() -> None:
    (event,) = invite("outlook-final.ics").events
    assert event.organizer == Person("Sabine Roth", "sabine.roth@tidewaterlabs.com")
    assert [(p.name, p.email, p.title) for p in event.attendees] == [
        ("Tom Becker", "tom.becker@posteo.de", None),
        ("Markus Engel", "markus.engel@tidewaterlabs.com", "CCO"),
        ("Priya Nair", "priya.nair@tidewaterlabs.com", None),
        ("Sabine Roth", "sabine.roth@tidewaterlabs.com", None),
    ]


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ('"Roth, Sabine"', ("Sabine Roth", None)),
        ("Engel, Markus (CCO)", ("Markus Engel", "CCO")),
        ("van der Berg, Anna Maria", ("Anna Maria van der Berg", None)),
        ("Acme, Inc.", ("Acme, Inc.", None)),
        ("Smith, Jr.", ("Smith, Jr.", None)),
        ("Jane Doe", ("Jane Doe", None)),
    ],
)
def test_a_shown_name_is_a_name_and_a_title(shown: str, expected: tuple[str, str | None]) -> None:
    assert person_name(shown) == expected


def test_each_copy_of_an_invite_says_its_sequence_and_when_it_was_written() -> None:
    (first,) = invite("outlook-final.ics").events
    (moved,) = invite("outlook-final-moved.ics").events
    assert (first.sequence, first.stamp) == (0, datetime(2026, 11, 20, 9, 30, 12, tzinfo=UTC))
    assert (moved.sequence, moved.stamp) == (1, datetime(2026, 11, 24, 8, 15, tzinfo=UTC))
    # LAST-MODIFIED later than DTSTAMP: the later one says when the copy was written.
    (later,) = event_of(
        "DTSTART:20270101T100000Z\nDTSTAMP:20261101T000000Z\nLAST-MODIFIED:20261102T000000Z"
    ).events
    assert later.stamp == datetime(2026, 11, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (
            (INVITES / "damaged-cut-short.ics").read_bytes(),
            "line 7 ends VCALENDAR where END:VEVENT",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270101T100000Z\r\n",
            "ends before END:VEVENT",
        ),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n<html>oops</html>\r\n",
            "line 3 is not a calendar line (“<html>oops</html>”)",
        ),
    ],
)
def test_a_damaged_invite_is_explained_in_plain_words_not_the_parsers(
    raw: bytes, said: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        read_invite(raw, "invite.ics")
    message = refused.value.message
    assert said in message and "export the invite again from your calendar" in message
    assert "component" not in message.lower()  # the parser's own words stay out

"""Whether an invite's organiser is an interviewer: only as a required guest, not declined."""

from __future__ import annotations

from pathlib import Path

from nextround.io.invites import read_invite
from nextround.services.invite_people import (
    invite_interviewers,
    left_out_why,
    organiser_left_out,
)

INVITES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"
TOM = {"tom.becker@posteo.de"}


def invite(name: str, *changes: tuple[bytes, bytes]):  # type: ignore[no-untyped-def]
    raw = (INVITES / name).read_bytes()
    for old, new in changes:
        assert old in raw
        raw = raw.replace(old, new)
    return read_invite(raw, name)


def names(name: str, *changes: tuple[bytes, bytes]) -> tuple[list[str], str | None]:
    read = invite(name, *changes)
    (event,) = read.events
    people, _ = invite_interviewers(read, event, TOM)
    return [p.name for p in people], organiser_left_out(event)


def test_an_organiser_not_on_the_guest_list_is_left_out() -> None:
    # A recruiter booking the interviewers' time: ORGANIZER, never ATTENDEE.
    assert names("outlook-recruiter.ics") == (["Markus Engel", "Priya Nair"], "not an attendee")


def test_an_organiser_who_is_also_a_required_guest_is_an_interviewer() -> None:
    # Outlook lists her again as "Roth, Sabine", accepted: she takes part.
    assert names("outlook-final.ics") == (["Sabine Roth", "Markus Engel", "Priya Nair"], None)
    # Google lists every organiser as a guest: nothing tells more, so Riley counts.
    read = invite("google.ics")
    assert organiser_left_out(read.events[0]) is None


def test_an_organiser_who_declined_or_is_optional_is_left_out() -> None:
    declined = (
        b"PARTSTAT=ACCEPTED;CN=Riley R",
        b"PARTSTAT=DECLINED;CN=Riley R",
    )
    read = invite("google.ics", declined)
    (event,) = read.events
    people, _ = invite_interviewers(read, event, {"sam.candidate@mail.example"})
    assert [p.name for p in people] == ["Dana Architect"]
    assert organiser_left_out(event) == "declined the invite"
    optional = (
        b'ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="Roth, Sabine"',
        b'ROLE=OPT-PARTICIPANT;PARTSTAT=ACCEPTED;CN="Roth, Sabine"',
    )
    assert names("outlook-final.ics", optional) == (
        ["Markus Engel", "Priya Nair"],
        "an optional attendee",
    )


def test_every_guest_is_judged_as_the_organiser_is() -> None:
    # Dana copied in as optional, Markus who declined, a guest only for information:
    # none of them is met, so none becomes an interviewer.
    optional = (
        b"ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dana Ar",
        b"ROLE=OPT-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dana Ar",
    )
    read = invite("google.ics", optional)
    (event,) = read.events
    people, _ = invite_interviewers(read, event, {"sam.candidate@mail.example"})
    assert [p.name for p in people] == ["Riley Recruiter"]
    dana = next(a for a in event.attendees if a.name == "Dana Architect")
    assert left_out_why(event, dana) == "an optional attendee"
    informed = (optional[0], b"ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dana Ar")
    assert left_out_why(invite("google.ics", informed).events[0], dana) == "not a participant"
    declined = (optional[0], b"ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=Dana Ar")
    read = invite("google.ics", declined)
    (event,) = read.events
    people, _ = invite_interviewers(read, event, {"sam.candidate@mail.example"})
    assert [p.name for p in people] == ["Riley Recruiter"]
    assert left_out_why(event, dana) == "declined the invite"

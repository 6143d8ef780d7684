"""Reading a calendar invite (.ics): its events as times, people, places and words, or a refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from nextround.errors import DomainError, InvalidInputError
from nextround.io.user_files import read_limited

#: An invite is a few kilobytes; scheduling tools add a logo or an agenda, rarely more.
#: A bigger file is a whole calendar export or not an invite at all, refused unread.
MAX_INVITE_BYTES = 1024 * 1024
#: An invite holds one or a few sessions (an onsite loop); more is a calendar export.
MAX_INVITE_EVENTS = 20
#: Organisers that are scheduling robots or shared mailboxes, not people met.
_ROBOT = re.compile(r"(^|[._-])(no-?reply|do-?not-?reply|calendar|notifications?|scheduling)@")
_NOT_A_PERSON = re.compile(
    r"\b(team|scheduling|scheduler|no.?reply|calendar|careers|recruiting|talent acquisition)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Person:
    """Someone on an invite: the name shown (CN) and the address."""

    name: str
    email: str | None = None
    #: The job title written after the name, as Outlook shows it: "Markus Engel (CCO)".
    title: str | None = None
    #: An attendee's ROLE (REQ-PARTICIPANT when not given, RFC 5545); None for the organiser.
    role: str | None = None
    #: An attendee's answer (PARTSTAT: ACCEPTED, DECLINED, NEEDS-ACTION, ...), if given.
    answer: str | None = None


@dataclass(frozen=True)
class InviteEvent:
    """One VEVENT of an invite, as read: nothing checked against the journey yet."""

    uid: str | None
    summary: str
    description: str
    #: Wall-clock start; with ``zone`` it is that zone's clock, without it an aware UTC time
    #: (a "Z" time or a zone nextround does not know) or the user's own time (floating).
    start: datetime
    zone: str | None
    minutes: int | None
    location: str | None
    url: str | None
    organizer: Person | None
    attendees: list[Person]
    #: The event or the whole invite says the meeting is cancelled (METHOD:CANCEL, STATUS).
    cancelled: bool
    #: SEQUENCE above 0: the organiser changed the invite after sending it.
    sequence: int
    #: When this copy was written (DTSTAMP, or LAST-MODIFIED if later), in UTC: of two
    #: copies with one SEQUENCE, the later one stands (RFC 5545, 3.8.7.2).
    stamp: datetime | None = None
    #: Things the reading had to decide, said to the user ("repeats weekly: the first ...").
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Invite:
    """A calendar invite file: the program that wrote it and its events."""

    file_name: str
    producer: str
    method: str
    events: list[InviteEvent]

    @property
    def from_nextround(self) -> bool:
        """Whether nextround's own calendar export wrote it."""
        return "//nextround//" in self.producer


def read_invite_file(path: Path) -> Invite:
    """The invite in a file on disk."""
    raw = read_limited(path, MAX_INVITE_BYTES, lambda size: _too_big(str(path), size))
    return read_invite(raw, path.name)


def read_invite(raw: bytes, file_name: str) -> Invite:
    """The invite in a file's bytes: every VEVENT read, or one clear refusal."""
    if len(raw) > MAX_INVITE_BYTES:
        raise InvalidInputError(_too_big(file_name, len(raw)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{file_name} is not a calendar invite: it is not text. Save the invite (.ics) "
            "attached to the e-mail and import that"
        ) from None
    if "BEGIN:VCALENDAR" not in text.upper():
        raise InvalidInputError(
            f"{file_name} is not a calendar invite (.ics): it has no BEGIN:VCALENDAR. Save "
            "the invite attached to the e-mail (often invite.ics) and import that"
        )
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError, TypeError):
        # The parser's own message ("Found no components where exactly one is required")
        # means nothing to the user: say what is wrong with the file in its terms.
        raise InvalidInputError(
            f"{file_name} {damage(text)}; export the invite again from your calendar (or "
            "save it from the e-mail again) and import that"
        ) from None
    method = str(calendar.get("method", "")).upper()
    vevents = calendar.walk("VEVENT")
    if not vevents:
        raise InvalidInputError(
            f"{file_name} holds no event (VEVENT): it may be a to-do or a free/busy reply; "
            "import the invite that has the interview's time"
        )
    if len(vevents) > MAX_INVITE_EVENTS:
        raise InvalidInputError(
            f"{file_name} holds {len(vevents)} events; an invite holds a few at most "
            f"({MAX_INVITE_EVENTS}). Export the interview's own invite, not a whole calendar"
        )
    events = [_event(e, method, file_name, n) for n, e in enumerate(vevents, 1)]
    return Invite(file_name, str(calendar.get("prodid", "")), method, events)


_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")


def _too_big(name: str, size: int) -> str:
    """Why a file of ``size`` bytes is refused as an invite, and what to import instead."""
    return (
        f"{name} is {size / 1e6:.1f} MB; a calendar invite may be at most "
        f"{MAX_INVITE_BYTES // 1024} KB (save the single invite from the e-mail, not a "
        "whole calendar)"
    )


def damage(text: str) -> str:
    """What is wrong with a calendar file the parser refused, in plain words.

    A block opened and never closed (the file cut short), a line that is not a calendar
    line (mangled by a mail program), or, failing both, a value that cannot be read.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    open_blocks: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line[0] in " \t":
            continue  # a folded line goes on the one before it
        head = line.split(":", 1)
        key = head[0].upper()
        if key in {"BEGIN", "END"} and len(head) == 2:
            block = head[1].strip().upper()
            if key == "BEGIN":
                open_blocks.append(block)
            elif open_blocks and open_blocks[-1] == block:
                open_blocks.pop()
            else:
                missing = f"END:{open_blocks[-1]}" if open_blocks else f"BEGIN:{block}"
                return (
                    f"is not a complete calendar invite: line {number} ends {block} where "
                    f"{missing} belongs (lines are missing)"
                )
            continue
        if not _LINE.match(line):
            return f"is damaged: line {number} is not a calendar line (“{line.strip()[:60]}”)"
    if open_blocks:
        return (
            f"is not a complete calendar invite: it ends before END:{open_blocks[-1]} (the "
            "file was cut short)"
        )
    return "is damaged: a value in it cannot be read as a calendar would write it"


def _event(event: Any, method: str, file_name: str, number: int) -> InviteEvent:
    summary = _text(event.get("summary"))
    where = f"{file_name}, event {number}" + (f" “{summary[:60]}”" if summary else "")
    notes: list[str] = []
    try:
        start = event.decoded("dtstart")
    except KeyError:
        raise InvalidInputError(f"{where} has no start time (DTSTART)") from None
    except (ValueError, TypeError):
        said = str(getattr(event.get("dtstart"), "to_ical", lambda: b"")() or b"", "utf-8")
        raise InvalidInputError(
            f"{where} has a start time that cannot be read"
            + (f" (“{said[:40]}”, where a time like 20261201T140000 belongs)" if said else "")
            + "; export the invite again from your calendar"
        ) from None
    if not isinstance(start, datetime):
        assert isinstance(start, date)
        raise InvalidInputError(
            f"{where} is an all-day event on {start}, with no time of day; an interview "
            "needs one: add it by hand with its time",
            cli_hint="`nextround interview add APP TITLE --at WHEN`",
            web_hint="under “Add an interview”",
        )
    wall, zone = _clock(start, event.get("dtstart").params.get("TZID"), notes)
    if event.get("rrule") is not None:
        notes.append(
            "it repeats (RRULE): only its first session is imported; add the others by hand"
        )
    return InviteEvent(
        uid=_text(event.get("uid")) or None,
        summary=summary,
        description=_plain(_text(event.get("description"))),
        start=wall,
        zone=zone,
        minutes=_minutes(event, start, where),
        location=_text(event.get("location")) or None,
        url=_text(event.get("url")) or None,
        organizer=_person(event.get("organizer")),
        attendees=[
            p for p in (_person(a, attendee=True) for a in _listed(event.get("attendee"))) if p
        ],
        cancelled=method == "CANCEL" or _text(event.get("status")).upper() == "CANCELLED",
        sequence=_sequence(event.get("sequence")),
        stamp=_stamp(event),
        notes=notes,
    )


def _clock(start: datetime, tzid: Any, notes: list[str]) -> tuple[datetime, str | None]:
    """The start as wall-clock time and an IANA zone, or an aware UTC time without one.

    Outlook names zones the Windows way ("W. Europe Standard Time"): mapped to the IANA
    name, so the interview keeps its clock. A zone known to neither is kept as the moment
    its own VTIMEZONE says, shown in the user's time.
    """
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    from nextround.domain.interview_time import time_zone

    if start.tzinfo is None:
        notes.append("its time has no zone (floating): read as your own time")
        return start, None
    key = getattr(start.tzinfo, "key", None)
    candidates = [key, WINDOWS_TO_OLSON.get(str(tzid)) if tzid else None, tzid]
    for candidate in candidates:
        if not candidate or str(candidate).upper() in {"UTC", "Z", "ETC/UTC", "GMT"}:
            continue
        try:
            zone = time_zone(str(candidate))
        except DomainError:
            continue
        if zone is not None:
            return start.replace(tzinfo=None), zone
    if start.utcoffset() != timedelta(0):
        notes.append(f"time zone {str(tzid)[:64]!r} is not one nextround knows: shown in your time")
    return start.astimezone(UTC), None


def _minutes(event: Any, start: datetime, where: str) -> int | None:
    try:
        if event.get("dtend") is not None:
            length = event.decoded("dtend") - start
        elif event.get("duration") is not None:
            length = event.decoded("duration")
        else:
            return None
    except (ValueError, TypeError):
        raise InvalidInputError(f"{where} has an end time (DTEND) that cannot be read") from None
    minutes = round(length.total_seconds() / 60)
    if not isinstance(minutes, int) or minutes <= 0:
        raise InvalidInputError(f"{where} ends before it starts; fix the invite's end time")
    return minutes


def _person(value: Any, *, attendee: bool = False) -> Person | None:
    if value is None:
        return None
    params = getattr(value, "params", {})
    if str(params.get("CUTYPE", "")).upper() in {"ROOM", "RESOURCE"}:
        return None  # a meeting room booked with the invite, not a person met
    address = str(value)
    address = address[7:] if address.lower().startswith("mailto:") else address
    email = address.strip() or None
    if email is not None and _ROBOT.search(email.lower()):
        return None
    name, title = person_name(_text(params.get("CN")))
    if not name or "@" in name:
        if email is None:
            return None
        name, title = _name_from_address(email), None
    if _NOT_A_PERSON.search(name):
        return None
    if not attendee:
        return Person(name=name[:200], email=email, title=title)
    role = str(params.get("ROLE", "")).upper() or "REQ-PARTICIPANT"
    answer = str(params.get("PARTSTAT", "")).upper() or None
    return Person(name=name[:200], email=email, title=title, role=role, answer=answer)


_TITLED = re.compile(r"^(.+?)\s*\(([^()]{1,80})\)$")
_LAST_FIRST = re.compile(r"^([^,]+),\s*([^,]+)$")


def person_name(shown: str) -> tuple[str, str | None]:
    """A name as an invite shows it, as a name and a title.

    Outlook writes a colleague as "Roth, Sabine" and lets people add their title:
    "Markus Engel (CCO)" is Markus Engel, CCO.
    """
    name = " ".join(shown.strip().strip("\"'").split())
    title = None
    titled = _TITLED.match(name)
    if titled:
        name, title = titled.group(1).strip(), titled.group(2).strip() or None
    last_first = _LAST_FIRST.match(name)
    # Only a name on each side: "Smith, Jr." or "Acme, Inc." stay as written.
    if last_first and all(
        1 <= len(part.split()) <= 3 and part.rstrip(".").lower() not in _NOT_FIRST_NAMES
        for part in last_first.groups()
    ):
        name = f"{last_first.group(2).strip()} {last_first.group(1).strip()}"
    return name, title


_NOT_FIRST_NAMES = frozenset({"jr", "sr", "ii", "iii", "phd", "md", "inc", "ltd", "llc", "gmbh"})


def _name_from_address(email: str) -> str:
    """'jane.doe@acme.example' -> 'Jane Doe': what an invite without names shows."""
    local = email.split("@", 1)[0]
    return " ".join(part.capitalize() for part in re.split(r"[._-]+", local) if part)


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _stamp(event: Any) -> datetime | None:
    """When this copy of the event was written, in UTC: the later of DTSTAMP and LAST-MODIFIED."""
    found = []
    for key in ("dtstamp", "last-modified"):
        try:
            value = event.decoded(key) if event.get(key) is not None else None
        except (ValueError, TypeError, KeyError):
            continue
        if isinstance(value, datetime):
            found.append(value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC))
    return max(found, default=None)


def _sequence(value: Any) -> int:
    try:
        return max(0, int(value)) if value is not None else 0
    except (TypeError, ValueError):
        return 0


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: Any) -> str:
    """A property as text: Windows line ends made plain, control characters dropped.

    An invite is someone else's text: a stray control character (pasted from a PDF) would
    have the whole import refused by the rule that keeps them out of notes and names.
    """
    if value is None:
        return ""
    return _CONTROL.sub("", str(value).replace("\r\n", "\n")).strip()


class _Text(HTMLParser):
    """HTML as the words it shows: scripts and styles dropped, breaks kept as new lines."""

    _SKIP = frozenset({"script", "style", "head", "title"})
    _BREAK = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def _plain(text: str) -> str:
    """A description as plain text: Google writes HTML into DESCRIPTION, others plain text.

    Kept as text either way (the web escapes it); tags are taken off so notes read well.
    """
    if not _TAG.search(text):
        return text
    parser = _Text()
    parser.feed(text)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

"""What the database remembers of imported invites: each event's UID, its interview, its copy."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from nextround.domain.journey import Application, Interview
from nextround.io.calendar import event_uid
from nextround.io.invites import InviteEvent
from nextround.services.ports import GrowthUnitOfWork

#: The preference that remembers which interview each imported event's UID made.
INVITES_KEY = "calendar.invites"
_OWN_UID = re.compile(r"^interview-(\d+)-([0-9A-Za-z-]+)@nextround$")


@dataclass(frozen=True)
class Remembered:
    """What is on record of one imported event: its interview and the copy last applied."""

    interview_id: int
    #: None for a record made before the sequence was kept: no copy is then called older.
    sequence: int | None = None
    stamp: datetime | None = None
    #: Which interview exactly: its own calendar UID, made from its id and the moment it
    #: was recorded (io.calendar.event_uid). An id alone can come back: a restore starts
    #: the numbering after the highest id in the backup, so a new interview may take the id
    #: of one deleted before the backup, whose invite is still on record. None for records
    #: made before this was kept: they are trusted as they are.
    recorded: str | None = None

    def stored(self) -> dict[str, object]:
        """As kept in the preferences (JSON)."""
        return {
            "interview": self.interview_id,
            "sequence": self.sequence,
            "stamp": self.stamp.isoformat() if self.stamp else None,
            "recorded": self.recorded,
        }

    def is_for(self, interview: Interview) -> bool:
        """Whether this record is of ``interview``, not of another that had its id before."""
        return interview.id == self.interview_id and (
            self.recorded is None or self.recorded == event_uid(interview)
        )

    def newer_than_this(self, event: InviteEvent) -> bool:
        """Whether the copy on record is newer than ``event`` (RFC 5545: SEQUENCE, then DTSTAMP)."""
        if self.sequence is None:
            return False
        if event.sequence != self.sequence:
            return event.sequence < self.sequence
        return self.stamp is not None and event.stamp is not None and event.stamp < self.stamp

    def behind(self, event: InviteEvent) -> bool:
        """Whether ``event`` is a newer copy than the one on record."""
        if self.sequence is None:
            return False
        if event.sequence != self.sequence:
            return event.sequence > self.sequence
        return self.stamp is not None and event.stamp is not None and event.stamp > self.stamp

    def why_newer(self, event: InviteEvent) -> str:
        """Why ``event`` is an older copy: the lower sequence, or the earlier stamp."""
        if event.sequence != self.sequence:
            return f"sequence {event.sequence} < {self.sequence}"
        assert event.stamp is not None and self.stamp is not None
        return f"written {event.stamp:%Y-%m-%d %H:%M} UTC, before {self.stamp:%Y-%m-%d %H:%M}"


def uid_key(event: InviteEvent) -> str | None:
    """The event's UID as remembered (cut short: a UID has no length limit), None without one."""
    return event.uid[:400] if event.uid else None


def recalled(remembered: dict[str, Remembered], event: InviteEvent) -> Remembered | None:
    """What is on record of ``event`` (None: nothing, or it has no UID)."""
    key = uid_key(event)
    return remembered.get(key) if key is not None else None


def remembered_events(uow: GrowthUnitOfWork) -> dict[str, Remembered]:
    """The imported events on record, by UID; a record from before SEQUENCE was kept is an id."""
    stored = uow.preferences.get(INVITES_KEY, {})
    if not isinstance(stored, dict):
        return {}
    out: dict[str, Remembered] = {}
    for uid, value in stored.items():
        if isinstance(value, int) and not isinstance(value, bool):
            out[str(uid)] = Remembered(value)
        elif isinstance(value, dict) and isinstance(value.get("interview"), int):
            sequence = value.get("sequence")
            try:
                stamp = datetime.fromisoformat(value["stamp"]) if value.get("stamp") else None
            except (TypeError, ValueError):
                stamp = None
            recorded = value.get("recorded")
            out[str(uid)] = Remembered(
                value["interview"],
                sequence if isinstance(sequence, int) else None,
                stamp,
                recorded if isinstance(recorded, str) else None,
            )
    return out


def interview_on_record(
    app: Application,
    event: InviteEvent,
    moment: datetime,
    remembered: dict[str, Remembered],
    own_calendar: object,
) -> Interview | None:
    """The interview this event is, if already on record: by its UID, else by its time."""
    interviews = {i.id: i for r in app.rounds for i in r.interviews}
    if event.uid:
        known = recalled(remembered, event)
        mine = interviews.get(known.interview_id) if known is not None else None
        if known is not None and mine is not None and known.is_for(mine):
            return mine
        own = _OWN_UID.match(event.uid)
        if own and int(own.group(1)) in interviews:
            # Exported by this database: with its stored calendar id, or made from the
            # interview itself (see io.calendar.event_uid).
            mine = interviews[int(own.group(1))]
            if event.uid == event_uid(mine) or (
                own.group(2) == own_calendar and not _written_before(event, mine)
            ):
                return mine
    for interview in interviews.values():
        if interview.scheduled_at is not None and interview.scheduled_at == moment.astimezone(UTC):
            return interview
    return None


def _written_before(event: InviteEvent, interview: Interview) -> bool:
    """Whether ``event`` was written before ``interview`` was recorded: it is of another.

    A UID made with the stored calendar id names the interview by its id alone, and a
    restore may give that id to a new interview (see Remembered.recorded). The export
    stamps every event with the moment it was written: an event older than the interview
    was exported for the one that had its id before. Without a stamp, it is trusted.
    """
    if event.stamp is None or interview.created_at is None:
        return False
    recorded = interview.created_at
    if recorded.tzinfo is None:  # stored in UTC (SQLite keeps no zone)
        recorded = recorded.replace(tzinfo=UTC)
    return event.stamp < recorded


def forget_interviews(uow: GrowthUnitOfWork, interview_ids: Iterable[int]) -> int:
    """Drop the invites on record of deleted interviews; how many were dropped.

    Nothing should point at an interview that is gone, and the same invite imported later
    is then new, not an update of a deleted interview (or of one that took its id).
    """
    gone = set(interview_ids)
    remembered = remembered_events(uow)
    kept = {uid: r for uid, r in remembered.items() if r.interview_id not in gone}
    if len(kept) == len(remembered):
        return 0
    keep_remembered(uow, kept)
    return len(remembered) - len(kept)


def remember(remembered: dict[str, Remembered], event: InviteEvent, interview: Interview) -> bool:
    """Put ``event`` on record as ``interview_id``'s copy; whether that changed anything.

    The copy just applied, or seen on record, is kept unless a newer one of the same
    interview is: an older copy opened later loses.
    """
    key = uid_key(event)
    assert key is not None and interview.id is not None
    known = remembered.get(key)
    if known is not None and known.is_for(interview) and known.newer_than_this(event):
        return False
    record = Remembered(interview.id, event.sequence, event.stamp, event_uid(interview))
    remembered[key] = record
    return known != record


def keep_remembered(uow: GrowthUnitOfWork, remembered: dict[str, Remembered]) -> None:
    """Write the imported events on record to the preferences."""
    stored = {uid: record.stored() for uid, record in remembered.items()}
    uow.preferences.set(INVITES_KEY, stored, uow.now())

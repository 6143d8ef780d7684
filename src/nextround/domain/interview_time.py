"""When an interview happens: in the time zone it is held in, and in the user's own time."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from functools import cache
from typing import TYPE_CHECKING

from nextround.errors import DomainError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

#: What a user types to mean "my own time zone" (no zone of its own is kept). "localtime"
#: is the tz database's name for whatever zone the machine reading it is set to: kept as an
#: interview's zone it would follow the data to another machine, so it means "mine" too.
LOCAL_WORDS = frozenset({"", "local", "here", "mine", "localtime"})
#: Names in the tz database that are no place's clock: "Factory" is a placeholder for
#: machines not yet set up, "posixrules" the rules behind POSIX TZ strings. An interview
#: held there has no time a calendar could show.
NOT_A_PLACE = frozenset({"factory", "posixrules"})
_NAME_MAX = 64
_EXAMPLES = (
    "use an IANA name such as Europe/London, America/New_York or Asia/Singapore "
    "(or 'local' for your own)"
)


@cache
def _zones_by_key() -> dict[str, str]:
    """Every IANA zone by a forgiving key: lower case, spaces as underscores."""
    from zoneinfo import available_timezones  # imported here: most commands need no zone

    keys = {_key(name): name for name in available_timezones()}
    return {key: name for key, name in keys.items() if key not in NOT_A_PLACE | LOCAL_WORDS}


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name of a place, sorted: what a time zone field suggests."""
    return tuple(sorted(_zones_by_key().values()))


def _key(value: str) -> str:
    return value.strip().lower().replace(" ", "_")


def time_zone(value: str | None, field: str = "interview time zone") -> str | None:
    """An IANA zone name in its canonical spelling, or None for the user's own zone.

    "europe/berlin" and "America/New York" are accepted and spelled as the database does.
    """
    if value is None or _key(value) in LOCAL_WORDS:
        return None
    name = value.strip()
    if _key(name) in NOT_A_PLACE:
        raise DomainError(
            f"{field} {name!r} is a placeholder in the tz database, not the clock of a place; "
            f"{_EXAMPLES}"
        )
    if len(name) <= _NAME_MAX:
        found = _zones_by_key().get(_key(name))
        if found is not None:
            return found
    guess = _guess_zone(name) if len(name) <= _NAME_MAX else None
    raise DomainError(
        f"{field} {value[:_NAME_MAX]!r} is not a known time zone; "
        + (f"did you mean {guess}?" if guess else _EXAMPLES)
    )


def _guess_zone(name: str) -> str | None:
    """The zones a slip most likely meant: 'Berlin' is Europe/Berlin, a typo the nearest name.

    The tz database names places by region and city, and people give the city alone.
    """
    from difflib import get_close_matches

    zones = _zones_by_key()
    key = _key(name)
    cities = sorted(zone for k, zone in zones.items() if k.rsplit("/", 1)[-1] == key)
    if not cities:
        cities = [zones[k] for k in get_close_matches(key, list(zones), n=1, cutoff=0.8)]
    if not cities:
        return None
    return " or ".join(repr(zone) for zone in cities[:3])


def is_a_place(zone: str) -> bool:
    """Whether a stored zone is a place's clock (one saved before placeholders were refused)."""
    return _key(zone) not in NOT_A_PLACE | LOCAL_WORDS


def zone_info(name: str) -> ZoneInfo:
    """The tz database entry of a name time_zone() accepted."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DomainError(f"time zone {name!r} is not in this machine's tz database") from exc


def place(moment: datetime, zone: str | None) -> datetime:
    """The moment a time means: without an offset, it is wall-clock time in ``zone``.

    Without a zone it is the user's own time; the result is in UTC, as the store keeps it.
    A moment that already has an offset is kept. A time the clocks skip (the hour they go
    forward) is refused rather than quietly moved.
    """
    if moment.tzinfo is not None:
        return moment
    there = moment.replace(tzinfo=zone_info(zone)) if zone else moment.astimezone()
    # UTC also spares callers PEP 495: an aware time in the hour the clocks go back never
    # compares equal to a time in another zone.
    placed = there.astimezone(UTC)
    if wall_clock(placed, zone).replace(tzinfo=None) != moment:
        raise DomainError(
            f"the interview time {moment:%Y-%m-%d %H:%M} does not exist in "
            f"{zone or 'your local time'}: the clocks go forward at that hour; "
            "give the time after the change"
        )
    return placed


def wall_clock(moment: datetime, zone: str | None) -> datetime:
    """The moment as a clock shows it where the interview is held (else here)."""
    return moment.astimezone(zone_info(zone)) if zone else moment.astimezone()


def clock_there(moment: datetime, zone: str | None) -> datetime | None:
    """The interview's own clock at that moment, or None when it shows the user's time."""
    if zone is None:
        return None
    there = wall_clock(moment, zone)
    return there if there.utcoffset() != moment.astimezone().utcoffset() else None


def zone_label(there: datetime) -> str:
    """'New York time' for a time in America/New_York; 'UTC' stays 'UTC'."""
    zone = getattr(there.tzinfo, "key", None) or there.tzname() or "UTC"
    if "/" not in zone:
        return zone
    return f"{zone.rsplit('/', 1)[-1].replace('_', ' ')} time"


def describe(moment: datetime, zone: str | None) -> str:
    """'2026-12-01 09:00 New York time (15:00 here)', or the local time alone.

    The user's own time gets its date too when the two clocks are on different days.
    """
    here = moment.astimezone()
    there = clock_there(moment, zone)
    if there is None:
        return f"{here:%Y-%m-%d %H:%M}"
    mine = f"{here:%H:%M}" if here.date() == there.date() else f"{here:%Y-%m-%d %H:%M}"
    return f"{there:%Y-%m-%d %H:%M} {zone_label(there)} ({mine} here)"


def describe_at_offset(moment: datetime, offset: tzinfo) -> str | None:
    """'2026-09-24 13:00 UTC+02:00 (11:00 here)': a time typed with an offset, on that clock.

    An offset names no place, so only the moment is kept: this answers what was typed, and
    is None when the offset is the user's own (the local time alone says it all).
    """
    here, there = moment.astimezone(), moment.astimezone(offset)
    if there.utcoffset() == here.utcoffset():
        return None
    mine = f"{here:%H:%M}" if here.date() == there.date() else f"{here:%Y-%m-%d %H:%M}"
    return f"{there:%Y-%m-%d %H:%M} {there.tzname()} ({mine} here)"

"""Use cases for the user's data as a whole: backup, restore and exports."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nextround.domain.contacts import Contact
from nextround.domain.feedback import Feedback
from nextround.domain.journey import Application
from nextround.errors import DomainError, InvalidInputError
from nextround.io import backup
from nextround.io.calendar import write_ics
from nextround.io.job_search_csv import write_csv
from nextround.io.user_files import private_folder, read_limited, write_private_new
from nextround.services.frameworks import competency_names
from nextround.store.uow import SqlUnitOfWork

#: A backup larger than this is refused before it is parsed.
MAX_BACKUP_BYTES = 512 * 1024 * 1024


def export_backup(uow: SqlUnitOfWork) -> dict[str, Any]:
    """Every record, exactly as stored."""
    assert uow.session is not None
    return backup.export(uow.session.connection(), uow.now())


def keep_current(uow: SqlUnitOfWork, data_dir: Path) -> Path:
    """Back up what the database holds before a restore replaces it; the copy's path.

    Written (and synced) before the restore, so a failure here stops the import with
    nothing changed; in ``data_dir``/backups, under a name no earlier copy has.
    """
    payload = backup.dumps(export_backup(uow)).encode("utf-8")
    # Everything the user has entered: for their eyes only, as the database is.
    folder = private_folder(data_dir / "backups")
    stamp = uow.now().astimezone().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 100):
        target = folder / f"before-import-{stamp}{'' if n == 1 else f'-{n}'}.json"
        try:
            write_private_new(target, payload)
        except FileExistsError:
            continue
        return target
    raise InvalidInputError(f"too many backups named before-import-{stamp} in {folder}")


def export_csv(uow: SqlUnitOfWork, delimiter: str = ",") -> str:
    """One row per application with the date each stage was entered; ";" for German Excel."""
    return write_csv(uow.applications.all(), uow.contacts.list(), delimiter)


#: The preference holding the database's calendar id, part of every interview's UID.
CALENDAR_KEY = "calendar.id"
_CALENDAR_ID = re.compile(r"^[0-9A-Za-z-]{8,64}$")


def calendar_id(uow: SqlUnitOfWork) -> str:
    """The calendar id an earlier version stored on its first .ics export ("" if none).

    Its events' UIDs carry it, so a database that has one keeps it: the calendars it was
    imported into go on updating those events. Nothing makes a new one any more: an
    export only reads, and each interview's UID comes from the interview itself (see
    io.calendar.event_uid), which every backup carries.
    """
    stored = uow.preferences.get(CALENDAR_KEY)
    return stored if isinstance(stored, str) and _CALENDAR_ID.match(stored) else ""


def export_ics(uow: SqlUnitOfWork) -> bytes:
    """One calendar event per scheduled interview; writes nothing."""
    return write_ics(uow.applications.all(), uow.now(), competency_names(uow), calendar_id(uow))


def read_backup_file(path: Path) -> Any:
    """Parse a backup file, with a clear error for anything that is not JSON."""
    raw = read_limited(
        path,
        MAX_BACKUP_BYTES,
        lambda size: (
            f"{path} is {size / 1e6:.0f} MB; a backup may be at most {MAX_BACKUP_BYTES // 10**6} MB"
        ),
    )
    return parse_backup(raw, str(path))


def parse_backup(raw: bytes, name: str = "backup") -> Any:
    """Parse backup bytes as UTF-8 JSON.

    A leading byte-order mark is allowed: editors such as Windows Notepad add one when a
    hand-checked backup is saved again.
    """
    if len(raw) > MAX_BACKUP_BYTES:
        raise InvalidInputError(
            f"{name} is {len(raw) / 1e6:.0f} MB; a backup may be at most "
            f"{MAX_BACKUP_BYTES // 10**6} MB"
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _not_text(raw, name) from None
    except json.JSONDecodeError as exc:
        from nextround.io.syntax_hints import unparsable_json

        raise unparsable_json(name, exc) from None


def _not_text(raw: bytes, name: str) -> InvalidInputError:
    """The error for bytes that are no text: what the file is, when its first bytes say."""
    from nextround.io.file_kinds import RESUME_KINDS, binary_kind

    kind = binary_kind(raw)
    if kind is None:
        return InvalidInputError(f"{name} is not UTF-8 text; is it a nextround backup?")
    said = f"{name} is {kind}, not a nextround backup"
    if kind in RESUME_KINDS:
        return InvalidInputError(
            said,
            cli_hint="if it is your resume, import it with `nextround import resume FILE`",
            web_hint="if it is your resume, upload it under “Import your resume” on this page",
        )
    return InvalidInputError(
        said,
        cli_hint="create a backup with `nextround export json`",
        web_hint="download one under Export on the Data page",
    )


def _check_growth(uow: SqlUnitOfWork) -> None:
    """Refuse growth records that would only fail later: commands reading them would break."""
    from nextround.domain.option_a import OptionA
    from nextround.frameworks.files import BUILTIN_ID
    from nextround.services.options import OPTION_A_KEY
    from nextround.store import tables as t

    assert uow.session is not None
    for debrief in uow.debriefs.all():
        try:
            debrief.check()
        except DomainError as exc:
            raise InvalidInputError(f"debrief {debrief.id} in the backup: {exc}") from None
    _check_feedback_links(uow)
    from nextround.domain.resume import Resume

    for resume in uow.session.scalars(select(Resume)):
        try:
            resume.check()
        except DomainError as exc:
            raise InvalidInputError(f"resume {resume.id} in the backup: {exc}") from None
    known = {BUILTIN_ID, *uow.frameworks.ids()}
    used = uow.session.scalars(select(t.statements.c.framework_id).distinct())
    unknown = sorted(set(used) - known)
    if unknown:
        raise InvalidInputError(
            f"feedback statements in the backup are mapped onto framework {unknown[0]!r}, "
            "which the backup does not hold; restore a backup with its frameworks"
        )
    stored_id = uow.preferences.get(CALENDAR_KEY)
    if stored_id is not None and not (isinstance(stored_id, str) and _CALENDAR_ID.match(stored_id)):
        raise InvalidInputError(
            f"the calendar id in the backup ({stored_id!r}) is not 8 to 64 letters, digits "
            "or dashes; remove that setting and a new one is made"
        )
    stored = uow.preferences.get(OPTION_A_KEY)
    if stored is not None:
        try:
            if not isinstance(stored, dict):
                raise DomainError("it is not an object")
            OptionA.from_json(stored)
        except DomainError as exc:
            raise InvalidInputError(f"the Option A in the backup is not valid: {exc}") from None


def _check_feedback_links(uow: SqlUnitOfWork) -> None:
    """Feedback filed under a round or interview of its own application, as the app files it."""
    from nextround.store import tables as t

    assert uow.session is not None
    f, r, i = t.feedback.c, t.rounds.c, t.interviews.c
    # Comprehensions, not dict(result): a Result has keys(), so dict() misreads it.
    rounds = {row[0]: row[1] for row in uow.session.execute(select(r.id, r.application_id))}
    interviews = {row[0]: row[1] for row in uow.session.execute(select(i.id, i.round_id))}
    rows = uow.session.execute(select(f.id, f.application_id, f.round_id, f.interview_id))
    for feedback_id, app_id, round_id, interview_id in rows:
        if (
            interview_id is not None
            and round_id is not None
            and interviews[interview_id] != round_id
        ):
            problem = f"interview {interview_id} is not part of its round {round_id}"
        elif interview_id is not None and rounds[interviews[interview_id]] != app_id:
            problem = f"interview {interview_id} belongs to another application"
        elif round_id is not None and rounds[round_id] != app_id:
            problem = f"round {round_id} belongs to another application"
        else:
            continue
        raise InvalidInputError(
            f"feedback {feedback_id} in the backup is about application {app_id}, but {problem}"
        )


def restore_backup(uow: SqlUnitOfWork, doc: Any, *, replace: bool = False) -> dict[str, int]:
    """Load a backup; on any problem nothing at all is written."""
    assert uow.session is not None
    counts = backup.restore(uow.session.connection(), doc, replace=replace)
    # The schema checks the shape; the domain checks the meaning (dates in order, etc.).
    restored: list[tuple[str, Application | Contact | Feedback]] = [
        *(("application", a) for a in uow.session.scalars(select(Application))),
        *(("contact", c) for c in uow.session.scalars(select(Contact))),
        *(("feedback", f) for f in uow.session.scalars(select(Feedback))),
    ]
    for kind, item in restored:
        try:
            item.check()
        except DomainError as exc:
            raise InvalidInputError(f"{kind} {item.id} in the backup: {exc}") from None
    _check_growth(uow)
    # check() may normalise values in memory; the backup's own values are what we keep.
    uow.session.expunge_all()
    uow.commit()
    return counts

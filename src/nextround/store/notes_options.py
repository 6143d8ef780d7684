"""SQL repositories for thank-you notes and the Option A ratings of opportunities."""

from __future__ import annotations

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from nextround.domain.notes import Note
from nextround.domain.option_a import OptionRating
from nextround.errors import NotFoundError
from nextround.store import tables as t
from nextround.store.repositories import _can_exist


class SqlNoteRepository:
    """Saved thank-you notes."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, note: Note) -> None:
        self.session.add(note)

    def get(self, note_id: int) -> Note:
        found = self.session.get(Note, note_id) if _can_exist(note_id) else None
        if found is None:
            raise NotFoundError("note", note_id, "see `nextround note list`")
        return found

    def delete(self, note: Note) -> None:
        self.session.delete(note)

    def addressed_to(self, contact_id: int) -> list[Note]:
        """Notes with this contact among their recipients, oldest first."""
        # As for interviewers: the digits narrow the rows on any backend, Python matches.
        stmt = (
            select(Note)
            .where(cast(t.notes.c.recipients, String).contains(str(contact_id)))
            .order_by(t.notes.c.created_at, t.notes.c.id)
        )
        return [
            note
            for note in self.session.scalars(stmt)
            if any(r.contact_id == contact_id for r in note.recipients)
        ]

    def list(self, application_id: int | None = None) -> list[Note]:
        stmt = select(Note).order_by(t.notes.c.created_at, t.notes.c.id)
        if application_id is not None:
            stmt = stmt.where(t.notes.c.application_id == application_id)
        return list(self.session.scalars(stmt))


class SqlOptionRatingRepository:
    """Each opportunity's ratings against Option A (one row per application)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, rating: OptionRating) -> None:
        self.session.add(rating)

    def get(self, application_id: int) -> OptionRating | None:
        if not _can_exist(application_id):
            return None
        return self.session.get(OptionRating, application_id)

    def all(self) -> list[OptionRating]:
        return list(
            self.session.scalars(select(OptionRating).order_by(t.option_ratings.c.application_id))
        )

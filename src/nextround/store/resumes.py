"""The SQL repository of the person's resume: at most one, its roles and highlights with it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextround.domain.resume import Highlight, Resume, ResumeRole
from nextround.errors import NotFoundError
from nextround.store import tables as t


class SqlResumeRepository:
    """The resume imported last."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def current(self) -> Resume | None:
        return self.session.scalars(select(Resume).order_by(t.resumes.c.id.desc())).first()

    def add(self, resume: Resume) -> None:
        self.session.add(resume)

    def delete(self, resume: Resume) -> None:
        self.session.delete(resume)
        # Flushed now: a replacing resume's roles must not meet the old ones' positions.
        self.session.flush()

    def highlight(self, highlight_id: int) -> tuple[Highlight, ResumeRole]:
        found = self.session.get(Highlight, highlight_id)
        if found is None:
            raise NotFoundError("resume highlight", highlight_id, "see `nextround resume show`")
        role = self.session.get(ResumeRole, found.role_id)
        assert role is not None  # a highlight's role is a foreign key
        return found, role

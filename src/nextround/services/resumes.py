"""Use cases for the person's resume: import (replacing the last one), show, story seeds.

A resume is the person's own claim about their past: its highlights are mapped to
competencies only to suggest stories to write. Nothing here touches the profile's evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nextround.domain.resume import Resume, StorySeed, story_draft, story_seeds, unmatched_targets
from nextround.errors import InvalidInputError
from nextround.services.frameworks import active_framework
from nextround.services.stamps import touch

if TYPE_CHECKING:
    from collections.abc import Callable

    from nextround.analysis.mapper import Mapper
    from nextround.domain.competency import Framework
    from nextround.domain.profile import Profile
    from nextround.domain.stories import CoverageMatrix, Story
    from nextround.services.stories import StoryFields
    from nextround.store.uow import SqlUnitOfWork

    MapperFor = Callable[[Framework], Mapper]


@dataclass(frozen=True)
class Imported:
    """A resume just stored, and a summary of the one it replaced (None if there was none)."""

    resume: Resume
    replaced: str | None


def describe(resume: Resume) -> str:
    """'cv.pdf (PDF, imported 2026-11-20): 4 roles, 17 highlights', for messages."""
    day = resume.created_at.date().isoformat() if resume.created_at else "earlier"
    roles, highlights = len(resume.roles), len(resume.highlights)
    return (
        f"{resume.file_name} ({resume.kind.label}, imported {day}): {roles} "
        f"role{'s' * (roles != 1)}, {highlights} highlight{'s' * (highlights != 1)}"
    )


def _already_held(held: Resume) -> InvalidInputError:
    return InvalidInputError(
        f"a resume is already stored: {describe(held)}",
        cli_hint="pass --replace to replace it with this one (stories written from it stay)",
        web_hint="tick “Replace the stored resume” to replace it (stories written from it stay)",
    )


def check_replace(uow: SqlUnitOfWork, replace: bool) -> Resume | None:
    """The stored resume; refused before any mapping unless it may be replaced."""
    held = uow.resumes.current()
    if held is not None and not replace:
        raise _already_held(held)
    return held


def import_resume(
    uow: SqlUnitOfWork, resume: Resume, mapper: Mapper, *, replace: bool = False
) -> Imported:
    """Store a resume read from a file, its highlights mapped.

    The stored one goes if ``replace``: a new import is the person's current resume, and
    versions side by side would only compete for the same stories.
    """
    held = check_replace(uow, replace)
    resume.check()
    _map(resume, mapper)
    replaced = describe(held) if held is not None else None
    if held is not None:
        uow.resumes.delete(held)
    touch(uow.now(), resume)
    uow.resumes.add(resume)
    uow.commit()
    return Imported(resume, replaced)


def _map(resume: Resume, mapper: Mapper) -> None:
    """Each highlight's competencies, read clause by clause (see analysis.achievements)."""
    from nextround.analysis.achievements import map_each

    highlights = resume.highlights
    if highlights:
        found = map_each(mapper, [h.text for h in highlights], k=3)
        for highlight, matches in zip(highlights, found, strict=True):
            highlight.suggestions = matches
    resume.framework_id = mapper.framework.id
    resume.mapper = mapper.name


def current(uow: SqlUnitOfWork) -> Resume:
    """The stored resume, or a clear error saying how to import one."""
    resume = uow.resumes.current()
    if resume is None:
        raise InvalidInputError(
            "no resume is stored yet",
            cli_hint="import one with `nextround import resume FILE` (.json, .md, .docx, .pdf)",
            web_hint="upload one under “Import your resume” on the Data page",
        )
    return resume


def mapped_on_framework_in_use(
    uow: SqlUnitOfWork, mapper_for: MapperFor, *, save: bool = True
) -> tuple[Resume, Mapper | None]:
    """The stored resume, its highlights mapped again if another framework is now in use.

    Returns the mapper used when one was needed (to say when it is the lexical fallback).
    ``save=False`` (a database that can only be read) maps them without storing the result.
    """
    resume = current(uow)
    if not needs_mapping(uow, resume):
        return resume, None
    mapper = mapper_for(active_framework(uow))
    _map(resume, mapper)
    if save:
        touch(uow.now(), resume)
        uow.commit()
    return resume, mapper


def needs_mapping(uow: SqlUnitOfWork, resume: Resume) -> bool:
    """Whether the resume's highlights were mapped on another framework than the one in use."""
    return resume.framework_id != active_framework(uow).id


@dataclass(frozen=True)
class Seeds:
    """Highlights that could become STAR stories, and the spikes and gaps none would cover."""

    seeds: list[StorySeed]
    unmatched: list[str]
    matrix: CoverageMatrix


def seeds(uow: SqlUnitOfWork, resume: Resume, profile: Profile) -> Seeds:
    """The story seeds of the stored resume, against the stories the profile still needs."""
    from nextround.services.stories import story_coverage

    matrix = story_coverage(uow, profile)
    found = story_seeds(resume, matrix)
    return Seeds(found, unmatched_targets(found, matrix), matrix)


def draft_from_highlight(uow: SqlUnitOfWork, highlight_id: int) -> StoryFields:
    """A story's fields pre-filled from a highlight, for the person to complete."""
    highlight, role = uow.resumes.highlight(highlight_id)
    draft = story_draft(highlight, role)
    return {"title": draft["title"], "situation": draft["situation"], "action": draft["action"]}


def add_story_from_highlight(
    uow: SqlUnitOfWork,
    highlight_id: int,
    given: StoryFields,
    mapper: Mapper | None,
    *,
    accept_suggestions: bool = False,
) -> Story:
    """A story pre-filled from a highlight (what the person gave wins), linked to it.

    Linked, the highlight is no longer offered as a seed. Its checks say what it still
    lacks: a draft with no task or result is never ready.
    """
    from nextround.services.stories import add_story

    fields: StoryFields = {**draft_from_highlight(uow, highlight_id), **given}
    story = add_story(uow, fields, mapper=mapper, accept_suggestions=accept_suggestions)
    link_story(uow, highlight_id, story.id)
    return story


def link_story(uow: SqlUnitOfWork, highlight_id: int, story_id: int | None) -> None:
    """Remember which story a highlight became, so it is no longer offered as a seed."""
    highlight, _ = uow.resumes.highlight(highlight_id)
    highlight.story_id = story_id
    uow.commit()


def remove_resume(uow: SqlUnitOfWork) -> Resume:
    """Delete the stored resume; stories written from it stay."""
    resume = current(uow)
    uow.resumes.delete(resume)
    uow.commit()
    return resume

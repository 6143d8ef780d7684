"""Saving a story from the editor: checked first, so a bad draft never waits for the mapper."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from nextround.domain.competency import Framework
from nextround.domain.stories import Story
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stories import StoryFields, add_story, edit_story

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper


def save_story(
    uow: GrowthUnitOfWork,
    story_id: int | None,
    fields: StoryFields,
    mapper_for: Callable[[Framework], Mapper],
) -> Story:
    """Add a story (``story_id`` None) or change one; the mapper suggests its competencies."""
    Story(**fields).check()
    mapper = mapper_for(active_framework(uow))
    if story_id is None:
        return add_story(uow, fields, mapper=mapper)
    return edit_story(uow, story_id, fields, mapper=mapper)

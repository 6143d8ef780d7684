"""Use cases for the story bank: STAR stories, their precision checks and coverage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE
from nextround.domain.stories import CoverageMatrix, Story, coverage
from nextround.domain.story_checks import StoryCheck, check_story
from nextround.errors import DomainError
from nextround.services.frameworks import active_framework, competency_ids
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper
    from nextround.domain.profile import Profile


class StoryFields(TypedDict, total=False):
    """The editable fields of a story."""

    title: str
    situation: str
    task: str
    action: str
    result: str
    competencies: list[str]


@dataclass(frozen=True)
class CheckedStory:
    """A story with the result of its precision checks."""

    story: Story
    check: StoryCheck


def _known(uow: GrowthUnitOfWork, competencies: list[str]) -> list[str]:
    return competency_ids(active_framework(uow), competencies)


def _named(uow: GrowthUnitOfWork, fields: StoryFields) -> StoryFields:
    """The fields with the competencies the user named (by id or name) as ids."""
    if "competencies" not in fields:
        return fields
    return {**fields, "competencies": _known(uow, fields["competencies"])}


def _suggest(story: Story, mapper: Mapper | None) -> None:
    if mapper is not None and story.text.strip():
        story.suggestions = mapper.map([story.text], k=3)[0]


def _likely(story: Story) -> list[str]:
    """The suggestions worth accepting: the top one, and others as likely as evidence needs.

    A story tagged with a 2% guess would count as "a story that shows it" in the coverage
    and the plan.
    """
    return [
        m.competency_id
        for rank, m in enumerate(story.suggestions)
        if rank == 0 or m.confidence >= EVIDENCE_MIN_CONFIDENCE
    ]


def add_story(
    uow: GrowthUnitOfWork,
    fields: StoryFields,
    *,
    mapper: Mapper | None = None,
    accept_suggestions: bool = False,
) -> Story:
    """Add a story; the mapper suggests competencies, which the user confirms."""
    if "title" not in fields:
        raise DomainError("a story needs a title")
    story = Story(**_named(uow, fields))
    story.check()
    _suggest(story, mapper)
    if accept_suggestions and not story.competencies:
        story.competencies = _likely(story)
    story.competencies = _known(uow, story.competencies)
    touch(uow.now(), story)
    uow.stories.add(story)
    uow.commit()
    return story


def edit_story(
    uow: GrowthUnitOfWork,
    story_id: int,
    changes: StoryFields,
    *,
    mapper: Mapper | None = None,
    accept_suggestions: bool = False,
) -> Story:
    """Change a story; its suggestions are refreshed when its text changes."""
    story = uow.stories.get(story_id)
    before = story.text
    for key, value in _named(uow, changes).items():
        setattr(story, key, value)
    story.check()
    if story.text != before:
        _suggest(story, mapper)
    if accept_suggestions:
        known = {c.id for c in active_framework(uow).competencies}
        if any(m.competency_id not in known for m in story.suggestions):
            # Suggested on a framework no longer in use: suggest again on this one.
            story.suggestions = []
            _suggest(story, mapper)
        story.competencies = _known(uow, _likely(story))
    # The tags kept as they were are not checked again: after a switch of framework they
    # may be another framework's, and a story must stay editable.
    touch(uow.now(), story)
    uow.commit()
    return story


def remove_story(uow: GrowthUnitOfWork, story_id: int) -> Story:
    """Delete a story."""
    story = uow.stories.get(story_id)
    uow.stories.delete(story)
    uow.commit()
    return story


def list_stories(uow: GrowthUnitOfWork, budget_seconds: int) -> list[CheckedStory]:
    """Every story with its checks."""
    return [CheckedStory(s, check_story(s, budget_seconds)) for s in uow.stories.all()]


def check(uow: GrowthUnitOfWork, story_id: int, budget_seconds: int) -> CheckedStory:
    """One story's precision checks."""
    story = uow.stories.get(story_id)
    return CheckedStory(story, check_story(story, budget_seconds))


def preview_check(fields: dict[str, Any], budget_seconds: int) -> StoryCheck:
    """Checks on a draft that is not saved, e.g. while the user types in the web editor."""
    draft = Story(**{k: v for k, v in fields.items() if k in StoryFields.__annotations__})
    return check_story(draft, budget_seconds)


def story_coverage(uow: GrowthUnitOfWork, profile: Profile) -> CoverageMatrix:
    """Competencies × stories, with spikes and gaps marked."""
    return coverage(
        uow.stories.all(),
        active_framework(uow),
        [s.competency_id for s in profile.spikes],
        [g.competency_id for g in profile.recurring_gaps],
    )

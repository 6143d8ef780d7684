"""Use cases for the story bank: STAR stories, their precision checks and coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from nextround.domain.competency import CompetencyMatch, Framework
from nextround.domain.stories import DEFAULT_BUDGET_SECONDS, CoverageMatrix, Story, coverage
from nextround.domain.story_checks import StoryCheck, check_story
from nextround.domain.tagging import Tagging, to_accept
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
    """A story with the result of its precision checks, and its tags on the framework in use."""

    story: Story
    check: StoryCheck
    tags: Tagging = field(default_factory=Tagging)
    #: Tagged on another framework only (before a switch): none of its tags count here.
    elsewhere: bool = False


def _checked(story: Story, framework: Framework, budget_seconds: int) -> CheckedStory:
    tags = story.tags_on(framework.id, framework.ids)
    return CheckedStory(
        story,
        check_story(story, budget_seconds),
        tags,
        elsewhere=not tags.competencies and bool(story.tagged_on() - {framework.id}),
    )


#: How much each part of a story counts towards what it shows. The action is what the
#: person did; the situation is context, and what it names (a ward, a team, customers) is
#: not a skill shown. Mapped whole, a long story blurred into its setting: the rota story
#: whose action is a data analysis came out as people leadership. The title is the
#: person's own summary of the story ("Persuading the deputy head on homework policy"):
#: it often names the act when the action itself is thin.
STAR_WEIGHTS = {"title": 0.9, "situation": 0.5, "task": 0.7, "action": 1.0, "result": 0.8}

#: How many suggestions a story keeps: those worth naming (15% or more) are shown, so a
#: close runner-up is there to choose, not cut off behind the top three.
SUGGESTIONS_KEPT = 5


def _suggested(story: Story, mapper: Mapper | None) -> tuple[CompetencyMatch, ...] | None:
    """The mapper's suggestions for the story on its framework (None: no mapper, no text).

    Each part is read clause by clause (see analysis.achievements), the parts weighed by
    STAR_WEIGHTS, so a competency the action shows is not drowned by the setting.
    """
    if mapper is None or not story.text.strip():
        return None
    from nextround.analysis.achievements import map_achievements

    texts = [getattr(story, part) or "" for part in STAR_WEIGHTS]
    weights = list(STAR_WEIGHTS.values())
    return tuple(map_achievements(mapper, texts, k=SUGGESTIONS_KEPT, weights=weights))


def add_story(
    uow: GrowthUnitOfWork,
    fields: StoryFields,
    *,
    mapper: Mapper | None = None,
    accept_suggestions: bool = False,
) -> Story:
    """Add a story; the mapper suggests competencies, which the user confirms.

    Its tags are on the framework in use (see domain.tagging).
    """
    if "title" not in fields:
        raise DomainError("a story needs a title")
    framework = active_framework(uow)
    texts = {k: v for k, v in fields.items() if k != "competencies"}
    story = Story(**texts)  # type: ignore[arg-type]
    story.check()
    suggestions = _suggested(story, mapper) or ()
    chosen = competency_ids(framework, fields.get("competencies", []))
    if accept_suggestions and not chosen:
        chosen = competency_ids(framework, to_accept(suggestions))
    story.tag_on(framework.id, Tagging(tuple(chosen), suggestions, confirmed=True))
    story.check()
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
    """Change a story; its suggestions are refreshed when its text changes.

    Tags given or accepted are on the framework in use; those on other frameworks stay as
    they were, to count again when one is chosen back.
    """
    story = uow.stories.get(story_id)
    framework = active_framework(uow)
    before = (story.title, story.text)
    tags = story.tags_on(framework.id, framework.ids)
    for key, value in changes.items():
        if key != "competencies":
            setattr(story, key, value)
    story.check()
    suggestions = tags.suggestions
    if (story.title, story.text) != before or not suggestions:
        # Suggested afresh for new words (the title's too), or on a framework the story was
        # never read on (when a mapper is given: the command line gives one only when it
        # will be used).
        suggestions = _suggested(story, mapper) or suggestions
    chosen: Sequence[str] = tags.competencies
    if "competencies" in changes:
        chosen = competency_ids(framework, changes["competencies"])
    elif accept_suggestions and to_accept(suggestions):
        # With none sure enough, what was chosen stays: accepting never empties a story.
        chosen = competency_ids(framework, to_accept(suggestions))
    if (tuple(chosen), suggestions) != (tags.competencies, tags.suggestions):
        story.tag_on(framework.id, Tagging(tuple(chosen), suggestions, confirmed=True))
    touch(uow.now(), story)
    uow.commit()
    return story


def remove_story(uow: GrowthUnitOfWork, story_id: int) -> Story:
    """Delete a story, and what the plan and the embedding cache made of it.

    Open plan actions about it go; done ones stay, without its words (see erasure.erase).
    """
    from nextround.services.erasure import erase, story_erased

    story = uow.stories.get(story_id)
    uow.stories.delete(story)
    uow.flush()
    erase(uow, story_erased(story))
    uow.commit()
    return story


def list_stories(uow: GrowthUnitOfWork, budget_seconds: int) -> list[CheckedStory]:
    """Every story with its checks."""
    framework = active_framework(uow)
    return [_checked(s, framework, budget_seconds) for s in uow.stories.all()]


def check(uow: GrowthUnitOfWork, story_id: int, budget_seconds: int) -> CheckedStory:
    """One story's precision checks."""
    return _checked(uow.stories.get(story_id), active_framework(uow), budget_seconds)


def preview_check(fields: dict[str, Any], budget_seconds: int) -> StoryCheck:
    """Checks on a draft that is not saved, e.g. while the user types in the web editor."""
    draft = Story(**{k: v for k, v in fields.items() if k in StoryFields.__annotations__})
    return check_story(draft, budget_seconds)


def story_coverage(
    uow: GrowthUnitOfWork, profile: Profile, budget_seconds: int = DEFAULT_BUDGET_SECONDS
) -> CoverageMatrix:
    """Competencies × stories, with what needs a story marked, as the plan sees it.

    Spikes and recurring gaps; gaps heard once that the plan gives a provisional action;
    and the competencies the interview coming up (the one the plan prepares) will probe.
    """
    from nextround.domain.plan import acted_on_early
    from nextround.services.career_break import career_break
    from nextround.services.upcoming import upcoming_round

    framework = active_framework(uow)
    # The same gaps heard once as the plan acts on (a career break's own evidence aside).
    on_record = career_break(uow, framework.id)
    upcoming = upcoming_round(uow)
    probed = dict.fromkeys(upcoming.focus, upcoming.day) if upcoming is not None else {}
    stories = uow.stories.all()
    # Only a story ready by the story checker's rule covers a need, as in the plan.
    ready = [check_story(s, budget_seconds).ready for s in stories]
    return coverage(
        stories,
        framework,
        [s.competency_id for s in profile.spikes],
        [g.competency_id for g in profile.recurring_gaps],
        acted_on_early(profile, on_record.answers if on_record else None),
        probed,
        ready,
    )

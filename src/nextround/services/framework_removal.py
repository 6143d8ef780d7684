"""Deleting an imported framework: what goes with it is said first, and feedback text stays."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.competency import Framework
from nextround.domain.counts import confirmed_of, counted
from nextround.domain.statements import readings
from nextround.errors import DomainError
from nextround.frameworks.files import BUILTIN_ID
from nextround.services.frameworks import framework_id_for
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch


@dataclass(frozen=True)
class FrameworkRemoval:
    """What deleting a framework takes with it, counted for the confirmation."""

    framework: Framework
    #: Feedback statements read on it, and how many of those the user confirmed.
    statements: int
    confirmed: int
    #: Feedback items read on it only: they stay, as given, but unsplit.
    only_here: int
    #: Debriefs whose self-ratings are on it (the debriefs themselves stay).
    rated: int
    #: Stories and debrief questions with tags on it (they stay, with those on others).
    stories: int
    questions: int
    #: Its growth plan: every action, and how many of them were done.
    plan_actions: int
    done: int

    @property
    def goes(self) -> list[str]:
        """What goes with it, as phrases (nothing at all for a framework never used)."""
        parts = []
        if self.statements:
            of = confirmed_of(self.statements, self.confirmed)
            confirmed = f" ({of})" if self.confirmed else ""
            parts.append(
                f"its mappings of {counted(self.statements, 'feedback statement')}{confirmed}"
            )
        if self.rated:
            parts.append(f"the self-ratings of {counted(self.rated, 'debrief')} rated on it")
        if self.stories:
            parts.append(f"its competencies as tags of {counted(self.stories, 'story', 'stories')}")
        if self.questions:
            parts.append(
                f"its competencies as tags of {counted(self.questions, 'debrief question')}"
            )
        if self.plan_actions:
            done = f" ({self.done} done)" if self.done else ""
            parts.append(f"its growth plan of {counted(self.plan_actions, 'action')}{done}")
        return parts

    @property
    def summary(self) -> str:
        """The framework and everything that goes with it, in one phrase."""
        goes = self.goes
        named = f"{self.framework.name} ({self.framework.id})"
        if not goes:
            return named
        return f"{named} with {_listed(goes)}"

    def kept(self, read_again: str) -> str:
        """What stays, said so the user knows their words are safe.

        ``read_again`` is how the surface reads feedback on the framework in use.
        """
        said = "Your feedback stays exactly as given, and so do your debriefs and stories."
        if self.only_here:
            one = self.only_here == 1
            said += (
                f" {counted(self.only_here, 'piece')} of feedback read on this framework only "
                f"{'is' if one else 'are'} left unsplit; {read_again} reads "
                f"{'it' if one else 'them'} on the framework in use."
            )
        return said


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def framework_removal(uow: GrowthUnitOfWork, framework_id: str) -> FrameworkRemoval:
    """What deleting an imported framework would take; refuses the built-in one and the one in use.

    Changes nothing: the confirmation is asked from this. The framework is named by id or
    by name (see framework_id_for).
    """
    framework = uow.frameworks.get(framework_id_for(uow, framework_id))
    if framework.id == BUILTIN_ID:
        raise DomainError(
            f"{framework.quoted} is the built-in framework, which cannot be deleted; only "
            "frameworks you imported can"
        )
    if framework.id == uow.frameworks.in_use():
        raise DomainError(
            f"{framework.quoted} is the framework in use, so it cannot be deleted",
            cli_hint="choose another first (`nextround framework use ID`), then delete it",
            web_hint="use another one first, then delete it",
        )
    grouped = readings(uow.statements.all_readings())
    mine = [s for by in grouped.values() for s in by.get(framework.id, [])]
    plan = uow.plan.on_framework(framework.id)
    return FrameworkRemoval(
        framework=framework,
        statements=len(mine),
        confirmed=sum(1 for s in mine if s.confirmed),
        only_here=sum(1 for by in grouped.values() if set(by) == {framework.id}),
        rated=sum(1 for d in uow.debriefs.all() if d.ratings and d.framework_id == framework.id),
        stories=sum(1 for s in uow.stories.all() if framework.id in s.tagged_on()),
        questions=sum(
            1 for d in uow.debriefs.all() for q in d.questions if framework.id in q.tagged_on()
        ),
        plan_actions=len(plan),
        done=sum(1 for a in plan if a.done),
    )


def remove_framework(uow: GrowthUnitOfWork, framework_id: str) -> FrameworkRemoval:
    """Delete an imported framework and what only means something on it; never feedback text.

    Its statements (one reading of feedback that other readings may share), its plan, the
    self-ratings given on it, and the tags of stories and logged questions on it (those on
    other frameworks stay). Feedback read on it only is left unsplit, to be read again on
    another framework.
    """
    removal = framework_removal(uow, framework_id)
    framework = removal.framework
    now = uow.now()
    uow.statements.delete_on_framework(framework.id)
    uow.plan.delete_on_framework(framework.id)
    for debrief in uow.debriefs.all():
        changed = False
        if debrief.ratings and debrief.framework_id == framework.id:
            debrief.ratings = {}
            changed = True
        for question in debrief.questions:
            changed = question.untag_on(framework.id) or changed
        if changed:
            touch(now, debrief)
    for story in uow.stories.all():
        if story.untag_on(framework.id):
            touch(now, story)
    uow.frameworks.delete(framework.id)
    uow.commit()
    return removal

"""The growth plan: actions for gaps, spikes and stories, the week's pick, and momentum."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from nextround.domain.career_break import CareerBreak, career_break_actions
from nextround.domain.competency import Competency, Framework
from nextround.domain.drop_off_practice import DropOffPractice
from nextround.domain.engineering import is_engineering
from nextround.domain.evidence import Evidence
from nextround.domain.feedback_request import FeedbackAsk, action_words
from nextround.domain.patterns import RecurringGap
from nextround.domain.plan_ideas import (
    SHARPENED_WHY,
    WHAT_CHANGED,
    ActionKind,
    Idea,
    _lower_name,
    cited_gap_evidence,
    engineering_evidence,
    lean_in,
    missing_stories,
    mitigation,
    provisional_lean_in,
    provisional_mitigation,
    quote,
    ranked_practice,
    sharpen,
    story_written_why,
    what_changed,
)
from nextround.domain.positioning import ExperienceReason, positioning_actions
from nextround.domain.profile import Profile
from nextround.domain.stories import StorySummary
from nextround.domain.work_situation import WorkSituation, needs_a_job
from nextround.errors import DomainError, NotFoundError

__all__ = [
    "NOTHING_TO_PLAN",
    "PREP_DAYS",
    "ActionKind",
    "ChosenWeek",
    "EarliestDone",
    "Momentum",
    "PlanAction",
    "WaitReason",
    "acted_on_early",
    "build_plan",
    "choose_week",
    "done_earlier",
    "done_in_week",
    "earliest_done",
    "find_action",
    "iso_week",
    "mark_done",
    "momentum",
    "no_lean_in",
    "numbers",
    "pick_week",
    "ready_stories_showing",
    "repicked",
    "story_drafts",
    "unchecked_gaps",
    "waiting",
    "with_preparation",
    "written_stories",
]

# Kinds the plan writes itself; anything else (a clarifying-questions reminder, the user's
# own action) is left exactly as it is on refresh.
GENERATED = frozenset(
    {
        ActionKind.MITIGATE,
        ActionKind.PRACTICE,
        ActionKind.LEAN_IN,
        ActionKind.STORY,
        ActionKind.POSITION,
    }
)
#: The id of a request for feedback starts so: the plan writes those too, and drops an open
#: one once feedback arrives or asking is no longer timely.
FEEDBACK_REQUEST = f"{ActionKind.CLARIFY.value}:feedback-request:"
_KIND_ORDER = {kind.value: i for i, kind in enumerate(ActionKind)}

# A gap whose score is still below even odds gets three mitigations; one already closing
# gets two: enough to stop it limiting the person without burying the week in it.
MITIGATIONS_OPEN_GAP = 3
MITIGATIONS_CLOSING_GAP = 2
# An improving gap (patterns.IMPROVING_RULE) keeps one drill beside "capture what changed".
MITIGATIONS_IMPROVING_GAP = 1
WEEK_LIMIT = 5
MOMENTUM_WEEKS = 8
#: An interview this many days ahead or fewer shapes this week's plan; later ones wait.
PREP_DAYS = 7

#: What makes actions appear, said wherever the plan is empty: the plan must never point at
#: a week that has nothing, nor the week at a plan that has nothing.
NOTHING_TO_PLAN = (
    "Nothing to plan yet. Actions appear when feedback names a gap and you review it or rate "
    "yourself low on it (one source gives a provisional action; two independent sources "
    "besides you make it a recurring gap, with its mitigations), when two independent "
    "sources besides you call a competency a strength (a spike), or when an interview is "
    f"coming up within {PREP_DAYS} days (preparation for it), when a “no” after an "
    "interview came without feedback (a request for it), or when most of your processes end "
    "at one kind of round (practice for it)."
)

# Ranks interleave competencies within a kind: slot s of competency i gets s * 100 + i, so
# the week's pick takes the first mitigation of every gap before the second of any.
_SLOT = 100
_SPIKE_STORIES = 50  # after the gaps' stories in the same slot
_SHARPEN = 300


def iso_week(day: date) -> str:
    """The ISO week a day falls in, e.g. "2026-W48"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class PlanAction:
    """One concrete thing to do, why, and when it was picked and done."""

    id: str
    kind: str
    competency_id: str | None
    title: str
    detail: str
    why: str
    created_on: date
    done_on: date | None = None
    week: str | None = None
    rank: int = 0
    evidence_refs: tuple[str, ...] = ()

    @property
    def done(self) -> bool:
        """Whether the action has been done."""
        return self.done_on is not None

    def to_json(self) -> dict[str, Any]:
        """The action with ISO dates."""
        return {
            "id": self.id,
            "kind": self.kind,
            "competency_id": self.competency_id,
            "title": self.title,
            "detail": self.detail,
            "why": self.why,
            "created_on": self.created_on.isoformat(),
            "done_on": None if self.done_on is None else self.done_on.isoformat(),
            "week": self.week,
            "rank": self.rank,
            "evidence_refs": list(self.evidence_refs),
        }


def _plan_order(action: PlanAction) -> tuple[int, int, str]:
    return (_KIND_ORDER.get(action.kind, len(_KIND_ORDER)), action.rank, action.id)


def in_plan_order(actions: Iterable[PlanAction]) -> list[PlanAction]:
    """Actions in the order building the plan gives them (stored ones come back by id)."""
    return sorted(actions, key=_plan_order)


def _key(action: PlanAction) -> str:
    return action.id.split(":", 2)[-1]


def build_plan(
    profile: Profile,
    framework: Framework,
    stories: Sequence[StorySummary],
    existing: Sequence[PlanAction],
    today: date,
    experience: Sequence[ExperienceReason] = (),
    career_break: CareerBreak | None = None,
    asks: Sequence[FeedbackAsk] = (),
    practice: DropOffPractice | None = None,
    requested: Mapping[int, date] | None = None,
    situation: WorkSituation | None = None,
) -> list[PlanAction]:
    """Build or refresh the plan: mitigations per recurring gap, lean-in per spike, stories.

    ``situation``: someone between jobs gets practice they can do without a workplace
    first, and practice that needs one says what else to do (a side project, a former
    colleague).

    A recent rejection after an interview with no feedback on record (``asks``, see
    feedback_request.feedback_ask) gets an action to ask for it, while asking is timely.
    Once a feedback request for it is marked sent (``requested``: the day it went out, by
    application id), its open action is ticked off that day.

    When most processes end at one kind of round (``practice``, see
    drop_off_practice.drop_off_practice), one action practises for that round, with the
    figure as its reason; it goes once no kind of round stands out.

    A rejection whose reason names experience or level (``experience``) gets positioning
    actions quoting the reason: for a kind of experience, the closest one in numbers, how
    close it is in the pitch and such roles as a stretch; for a role or a level, a pitch
    story and a "why this role, why now" answer (see positioning.positioning_actions).

    A career break on record (``career_break``) gets its own positioning actions: a
    two-sentence answer, said aloud, and a line on the CV (see
    career_break.career_break_actions). Gap evidence about the break is answered by them,
    not by practice on its competency: "you sound defensive about the career break" does
    not call for a wellbeing routine. A gap whose only evidence is about the break gets no
    mitigation of its own.

    A gap not recurring yet that the person checked, and a likely spike, get one
    provisional action each.

    Refreshing is idempotent and keeps history: done actions and kinds the plan does not
    write are kept untouched; open actions keep their id, creation date and week but get
    fresh wording; open actions whose reason is gone are dropped, except story actions whose
    story now exists, which are ticked off today.
    """
    before = {a.id: a for a in existing}
    plan: dict[str, PlanAction] = {a.id: a for a in existing if not _generated(a) or a.done}

    def offer(idea: Idea, rank: int) -> None:
        add(
            idea.id,
            idea.kind,
            idea.competency_id,
            idea.title,
            idea.detail,
            idea.why,
            rank,
            idea.evidence_refs,
        )

    def add(
        ident: str,
        kind: ActionKind,
        competency_id: str | None,
        title: str,
        detail: str,
        why: str,
        rank: int,
        evidence_refs: tuple[str, ...] = (),
    ) -> None:
        old = before.get(ident)
        if old is not None and old.done:
            return
        plan[ident] = PlanAction(
            id=ident,
            kind=kind.value,
            competency_id=competency_id,
            title=title,
            detail=detail,
            why=why,
            created_on=old.created_on if old else today,
            week=old.week if old else None,
            rank=rank,
            evidence_refs=evidence_refs,
        )

    # The two kinds of positioning take turns in the week: ranks interleave them.
    for rank, (key, title, detail, why) in enumerate(positioning_actions(experience)):
        add(
            f"{ActionKind.POSITION.value}:experience:{key}",
            ActionKind.POSITION,
            None,
            title,
            detail,
            why,
            2 * rank,
        )
    for rank, (key, title, detail, why) in enumerate(career_break_actions(career_break)):
        add(
            f"{ActionKind.POSITION.value}:career-break:{key}",
            ActionKind.POSITION,
            None,
            title,
            detail,
            why,
            2 * rank + 1,
        )
    answered = career_break.answers if career_break is not None else None
    for rank, ask in enumerate(asks):
        title, detail, why = action_words(ask, today)
        add(
            f"{FEEDBACK_REQUEST}{ask.application_id}",
            ActionKind.CLARIFY,
            None,
            title,
            detail,
            why,
            rank,
        )

    if practice is not None:
        add(
            f"{ActionKind.PRACTICE.value}:drop-off:{practice.kind.value}",
            ActionKind.PRACTICE,
            None,
            practice.title,
            practice.detail,
            practice.why,
            0,
        )

    for i, gap in enumerate(profile.recurring_gaps):
        for idea, rank in _mitigations(gap, i, framework, existing, answered, situation):
            offer(idea, rank)

    # A gap later sources contradict is no recurring gap, but the story of how it closed is
    # the person's best "weakness you worked on": the plan asks for it, and drills nothing.
    closed_from = len(profile.recurring_gaps) + len(profile.provisional_gaps)
    for i, outweighed in enumerate(profile.outweighed_gaps, start=closed_from):
        cited = cited_gap_evidence(outweighed.gap, answered)
        if outweighed.improving and cited:
            offer(what_changed(outweighed.gap, cited, closed=True), i)

    # A gap heard so far that the person checked (a reviewed statement, or their own low
    # rating agreeing) gets one mitigation, said to be provisional: a rejection whose
    # feedback they agree with must not leave the plan empty, while "recurring" keeps its
    # two independent sources.
    for i, early in enumerate(profile.provisional_gaps, start=len(profile.recurring_gaps)):
        competency = framework.competency(early.competency_id)
        if competency is not None and cited_gap_evidence(early, answered):
            offer(_provisional(early, competency, framework, existing, answered, situation), i)

    for i, spike in enumerate(profile.spikes):
        competency = framework.competency(spike.competency_id)
        if competency is not None:
            for idea in lean_in(spike, competency):
                offer(idea, idea.slot * _SLOT + i)

    # A likely spike gets the pitch move only, said to be provisional: what a coach would
    # advise on three unanimous reviewed sources, without claiming the spike the rule withholds.
    for i, near in enumerate(profile.likely_spikes, start=len(profile.spikes)):
        competency = framework.competency(near.competency_id)
        if competency is not None:
            offer(provisional_lean_in(near, competency), i)

    spike_ids = [s.competency_id for s in profile.spikes]
    needs = [g.competency_id for g in profile.recurring_gaps if g.competency_id not in spike_ids]
    once = [c for c in acted_on_early(profile, answered) if c not in [*spike_ids, *needs]]
    for idea, rank in _story_ideas(framework, stories, [*needs, *once], spike_ids, once):
        offer(idea, rank)
    behind = [*needs, *once, *spike_ids]

    for old in existing:
        if old.id not in plan and _story_written(old, behind, stories):
            plan[old.id] = replace(old, done_on=today)
        elif old.id not in plan and (sent_on := _request_sent(old, requested or {})):
            # Not before the action was written: a done day precedes no creation day.
            plan[old.id] = replace(old, done_on=min(max(sent_on, old.created_on), today))
    # A done story action says what made it done, whenever it was ticked: its old reason
    # ("no story in your bank shows risk management yet") would contradict the tick.
    for action in list(plan.values()):
        if action.kind == ActionKind.STORY and action.done and _story_exists(action, stories):
            plan[action.id] = replace(action, why=_written_why(action, framework, stories))
    return sorted(plan.values(), key=_plan_order)


def _request_sent(action: PlanAction, requested: Mapping[int, date]) -> date | None:
    """The day the feedback request an open "ask for feedback" action asks for went out."""
    if action.done or not action.id.startswith(FEEDBACK_REQUEST):
        return None
    app_id = action.id.removeprefix(FEEDBACK_REQUEST)
    return requested.get(int(app_id)) if app_id.isdigit() else None


def _generated(action: PlanAction) -> bool:
    return action.kind in GENERATED or action.id.startswith(FEEDBACK_REQUEST)


def acted_on_early(
    profile: Profile, answered: Callable[[Evidence], bool] | None = None
) -> list[str]:
    """The gaps not recurring yet that the plan acts on: each gets a mitigation and a story.

    One rule for the plan and the story bank's coverage: a gap heard once that the person
    checked (see build_plan) needs a story as a recurring one does, so the Stories page
    never asks for a story the plan does not list.
    """
    return [g.competency_id for g in profile.provisional_gaps if cited_gap_evidence(g, answered)]


def _mitigations(
    gap: RecurringGap,
    i: int,
    framework: Framework,
    existing: Sequence[PlanAction],
    answered: Callable[[Evidence], bool] | None,
    situation: WorkSituation | None = None,
) -> list[tuple[Idea, int]]:
    """A recurring gap's mitigations with their ranks: its drills.

    An improving gap gets "capture the story of what changed" and one drill instead.
    """
    competency = framework.competency(gap.competency_id)
    cited = cited_gap_evidence(gap, answered) if competency is not None else []
    if competency is None or not cited:
        return []
    practice = dict(ranked_practice(competency, [w.evidence for w in cited], framework, situation))
    target = MITIGATIONS_OPEN_GAP if gap.score.mean < 0.5 else MITIGATIONS_CLOSING_GAP
    ideas: list[tuple[Idea, int]] = []
    if gap.improving:
        # The latest sources praise it: a coach asks what changed and keeps one drill,
        # rather than prescribing beginner practice for what panels now call a strength.
        ideas.append((what_changed(gap, cited), i))
        target = MITIGATIONS_IMPROVING_GAP
    # Mitigations already in the plan keep their places, so a new statement never
    # reshuffles a plan the person has started on; new ones only top it up.
    mine = [
        a
        for a in sorted(existing, key=_plan_order)
        if a.kind == ActionKind.MITIGATE
        and a.competency_id == competency.id
        and _key(a) != WHAT_CHANGED
    ]
    kept = [_key(a) for a in mine]
    first = 1 if gap.improving else 0
    keys: list[str] = []
    for action in mine:
        key = _key(action)
        if key not in practice:
            continue
        slot = first + len(keys)
        words = cited[slot % len(cited)].evidence
        # An open drill for another kind of work than the words it now quotes (a system
        # design drill under "the case study answer felt textbook"), or one needing a job
        # the person does not have, gives way to one that fits, when there is one; done
        # ones and fitting ones keep their places.
        misfit = _misfit(practice[key], words, situation)
        if not (action.done or gap.improving) and any(
            k not in kept and _misfit(idea, words, situation) < misfit
            for k, idea in ranked_practice(competency, [words], framework, situation)
        ):
            continue
        keys.append(key)
    if gap.improving:
        # Its drill cites recent praise, not the gap's words: the gap's order stands.
        keys += [k for k in practice if k not in keys]
    for slot in range(first + len(keys), first + target):
        # Each new slot cites one source's words (mitigation): its practice is the idea that
        # fits those words best, not the best for all sources together, so "your depth in
        # causal inference felt textbook" is not answered by system design drills.
        quoted = cited[slot % len(cited)].evidence
        ranked = ranked_practice(competency, [quoted], framework, situation)
        fitting = _first_unused(ranked, keys, practice)
        if fitting is None:
            break
        keys.append(fitting)
    shown = keys[:target] if gap.improving else keys[: max(target, len(kept))]
    for slot, key in enumerate(shown, start=first):
        drill = mitigation(gap, key, practice[key], slot, cited, situation)
        ideas.append((drill, slot * _SLOT + i))
    return ideas


def _misfit(idea: str, words: Evidence, situation: WorkSituation | None) -> int:
    """How badly a drill fits the words it quotes; 0 fits.

    2 when it needs a job the person does not have, plus 1 when it is for another kind of
    work than the words are about (an engineer's or not).
    """
    jobless = situation is WorkSituation.BETWEEN_JOBS and needs_a_job(idea)
    return 2 * jobless + (engineering_evidence([words]) != is_engineering([idea]))


def _first_unused(
    ranked: Sequence[tuple[str, str]], used: Sequence[str], practice: dict[str, str]
) -> str | None:
    """The first idea not used yet, its words added to ``practice``; else the first of it."""
    for key, words in ranked:
        if key not in used:
            practice.setdefault(key, words)
            return key
    return next((k for k in practice if k not in used), None)


def _story_ideas(
    framework: Framework,
    stories: Sequence[StorySummary],
    needs: Sequence[str],
    spike_ids: Sequence[str],
    early: Sequence[str] = (),
) -> list[tuple[Idea, int]]:
    """The story actions, ranked: stories still to write, then stories to sharpen.

    A story counts once the story checker calls it ready: a draft that shows the
    competency keeps "write a story" open, and that action names the draft and its first
    fix (rather than a second action to sharpen the same story).
    """
    ideas: list[tuple[Idea, int]] = []
    drafting: set[int | None] = set()
    for i, competency_id in enumerate([*needs, *spike_ids]):
        competency = framework.competency(competency_id)
        if competency is None:
            continue
        is_spike = competency_id in spike_ids
        shown = len(ready_stories_showing(stories, competency_id))
        drafts = [s for s in stories if competency_id in s.competencies and not s.ready]
        written_ideas = missing_stories(
            competency, shown, spike=is_spike, heard_once=competency_id in early
        )
        for written in written_ideas:
            idea = written
            if drafts:
                draft = drafts.pop(0)
                drafting.add(draft.id)
                # Not "no story shows it yet": the draft does, and the why says what it lacks.
                said = written.why.split(";", 1)[0].rstrip(".")
                idea = replace(written, why=f"{said}. {draft_note(competency.name, draft)}")
            ideas.append((idea, idea.slot * _SLOT + i + (_SPIKE_STORIES if is_spike else 0)))
    behind = [*needs, *spike_ids]
    unready = [s for s in stories if not s.ready and s.id is not None and s.id not in drafting]
    for i, story in enumerate(unready):
        shows = next((c for c in behind if c in story.competencies), None)
        if shows is not None:
            ideas.append((sharpen(story, shows, 0), _SHARPEN + i))
    return ideas


def _provisional(
    gap: RecurringGap,
    competency: Competency,
    framework: Framework,
    existing: Sequence[PlanAction],
    answered: Callable[[Evidence], bool] | None,
    situation: WorkSituation | None = None,
) -> Idea:
    """The one mitigation of a gap not recurring yet: the one already planned, else the best."""
    cited = cited_gap_evidence(gap, answered)
    # It cites the first source's words (provisional_mitigation): the idea fits those.
    practice = ranked_practice(competency, [cited[0].evidence], framework, situation)
    planned = {
        _key(a)
        for a in existing
        if a.kind == ActionKind.MITIGATE and a.competency_id == competency.id
    }
    # The one planned keeps its place unless it no longer fits and a better one does.
    quoted = cited[0].evidence
    best = practice[0]
    key, words = next(
        (
            (k, t)
            for k, t in practice
            if k in planned and _misfit(t, quoted, situation) <= _misfit(best[1], quoted, situation)
        ),
        best,
    )
    return provisional_mitigation(gap, key, words, cited, situation)


def written_stories(
    actions: Sequence[PlanAction],
    framework: Framework,
    stories: Sequence[StorySummary],
    today: date,
) -> list[PlanAction]:
    """The open story actions the story bank now answers, ticked off today.

    Said at the moment a story is saved or its competencies confirmed, so the tick is no
    surprise on the next look at the plan (the refresh would tick them the same way).
    """
    return [
        replace(a, done_on=today, why=_written_why(a, framework, stories))
        for a in actions
        if a.kind == ActionKind.STORY and not a.done and _story_exists(a, stories)
    ]


def unchecked_gaps(profile: Profile) -> list[str]:
    """The gaps heard so far that a review would give a provisional action, by name.

    Named under an empty plan: reviewing the statements behind them is the quickest way to
    something to do.
    """
    waiting = [*profile.gaps_awaiting_review, *profile.early_gaps]
    provisional = {g.competency_id for g in profile.provisional_gaps}
    return [g.score.name for g in waiting if g.competency_id not in provisional]


def no_lean_in(profile: Profile) -> str | None:
    """Why the plan has no lean-in move, in words; None when it has one.

    A plan of gaps alone reads as "nothing about you is strong"; it says what is missing.
    """
    if profile.spikes or profile.likely_spikes:
        return None
    near = profile.near_spikes
    if near:
        return (
            f"No lean-in yet: no competency is a spike or a likely spike. The closest, "
            f"{near[0].score.name}, {near[0].why}."
        )
    return (
        "No lean-in yet: no competency reads as a strength from two independent sources "
        "besides you, in statements you have reviewed."
    )


def ready_stories_showing(
    stories: Sequence[StorySummary], competency_id: str
) -> list[StorySummary]:
    """The stories tagged with a competency that the story checker calls ready to tell."""
    return [s for s in stories if competency_id in s.competencies and s.ready]


def draft_note(name: str, story: StorySummary, action: str = "this action") -> str:
    """Why a story that shows a competency does not answer "write a story" yet, with its fix."""
    fix = (story.first_fix or "go through its precision checks and fix what they find").strip()
    fix = fix if fix.endswith((".", "!", "?")) else fix + "."
    return (
        f"Your story “{quote(story.title, 60)}” shows {_lower_name(name)} but is not ready "
        f"yet: {fix[0].lower() + fix[1:]} Once its checks pass, {action} ticks itself off."
    )


def story_drafts(
    actions: Sequence[PlanAction],
    framework: Framework,
    stories: Sequence[StorySummary],
    story_id: int | None,
) -> list[str]:
    """What a just-saved story that is not ready leaves open in the plan, in words.

    Said when the story is saved instead of "this completes plan action N": a story the
    checker calls not ready never ticks a story action off, credits the week or a streak.
    """
    story = next((s for s in stories if s.id == story_id), None)
    if story is None or story.ready:
        return []
    said = []
    for action in actions:
        competency = framework.competency(action.competency_id or "")
        if (
            action.kind == ActionKind.STORY
            and not action.done
            and _key(action).startswith("story-")
            and competency is not None
            and competency.id in story.competencies
        ):
            said.append(draft_note(competency.name, story, f"plan action “{action.title}”"))
    return list(dict.fromkeys(said))


def _written_why(action: PlanAction, framework: Framework, stories: Sequence[StorySummary]) -> str:
    """The reason of a story action that ticked itself off, said as what made it done."""
    if _key(action).startswith("sharpen-"):
        return SHARPENED_WHY
    competency_id = action.competency_id or ""  # a story action always names one
    competency = framework.competency(competency_id)
    name = competency.name if competency else competency_id
    return story_written_why(name, [s.title for s in ready_stories_showing(stories, competency_id)])


def _story_written(action: PlanAction, behind: list[str], stories: Sequence[StorySummary]) -> bool:
    """Whether an open story action is no longer needed because the story now exists."""
    if action.kind != ActionKind.STORY or action.done or action.competency_id not in behind:
        return False
    return _story_exists(action, stories)


def _story_exists(action: PlanAction, stories: Sequence[StorySummary]) -> bool:
    """Whether the story a story action asks for is in the bank (and ready, if sharpened)."""
    key = _key(action)
    if key.startswith("story-") and key[6:].isdigit():
        return len(ready_stories_showing(stories, action.competency_id or "")) >= int(key[6:])
    if key.startswith("sharpen-"):
        return any(str(s.id) == key[8:] and s.ready for s in stories)
    return False


class WaitReason(StrEnum):
    """Why preparation for the interview coming up waits outside the week."""

    #: The week was picked before the interview came up: picking it again makes room.
    WEEK_PICKED = "week-picked"
    #: The interview already has its places (see INTERVIEW_PLACES): a new pick would not help.
    INTERVIEW_PLACES = "interview-places"


@dataclass(frozen=True)
class ChosenWeek:
    """The week's actions, the preparation that could not join them, and why it waits."""

    actions: list[PlanAction]
    waiting: list[PlanAction]
    why_waiting: WaitReason | None = None

    @property
    def repick_makes_room(self) -> bool:
        """Whether picking the week again would hold some of the preparation waiting."""
        return self.why_waiting is WaitReason.WEEK_PICKED


def pick_week(
    actions: Sequence[PlanAction],
    today: date,
    limit: int = WEEK_LIMIT,
    favour: Sequence[tuple[str, str]] = (),
) -> list[PlanAction]:
    """The current ISO week's actions (see choose_week), for a caller that needs no more."""
    return choose_week(actions, today, limit, favour).actions


def choose_week(
    actions: Sequence[PlanAction],
    today: date,
    limit: int = WEEK_LIMIT,
    favour: Sequence[tuple[str, str]] = (),
) -> ChosenWeek:
    """The current ISO week's actions: those already picked, topped up to ``limit`` open ones.

    What the week already holds stays in it, done or not: a week the person committed to
    changes only when they pick it again (``repick``), an action is done, or the plan no
    longer has it. New picks take turns across kinds in priority order (mitigate, lean in,
    story, then the rest), each kind in rank order, so a week mixes gap work with spike
    work. Actions done earlier are never picked. Carried-over open actions from earlier
    weeks are eligible again.

    ``favour`` is (action id, reason) for an interview coming up (``interview_prep``): those
    actions are picked first while there is room, and a non-empty reason opens their "why";
    they never push out what the week already holds. The preparation left out is
    ``waiting``, with why: the week was already picked (a repick makes room) or the
    interview has its places. Preparation actions are picked only when favoured: once their
    interview has passed, an open one is no longer worth a slot.
    The returned actions carry ``week``; store them to make the pick stick.
    """
    week = iso_week(today)
    reasons = dict(favour)
    picked = _filled(actions, reasons, [a for a in actions if a.week == week][:limit], limit)
    left_out = waiting(actions, picked, favour)
    why = None
    if left_out:
        room = _room_when_repicked(actions, reasons, week, limit, left_out)
        why = WaitReason.WEEK_PICKED if room else WaitReason.INTERVIEW_PLACES
    picked = [replace(a, week=week) for a in picked]
    if not reasons:
        return ChosenWeek(_stories_after_mitigations(_interleaved(picked)), left_out, why)
    # The preparation first, in the order it was ranked, then the rest of the week.
    ranked = {i: n for n, i in enumerate(reasons)}
    prepared = sorted((a for a in picked if a.id in ranked), key=lambda a: ranked[a.id])
    shown = prepared + _interleaved([a for a in picked if a.id not in ranked])
    return ChosenWeek(
        [_for_reason(a, reasons.get(a.id, "")) for a in _stories_after_mitigations(shown)],
        left_out,
        why,
    )


def _filled(
    actions: Sequence[PlanAction],
    reasons: dict[str, str],
    held: list[PlanAction],
    limit: int,
) -> list[PlanAction]:
    """What the week ``held`` becomes, topped up to ``limit`` (see choose_week), unordered."""
    by_id = {a.id: a for a in actions}
    picked = list(held)
    taken = {a.id for a in picked}
    queues: dict[str, list[PlanAction]] = {}
    for a in sorted(actions, key=_plan_order):
        if not a.done and a.id not in taken and a.kind != ActionKind.PREPARE:
            queues.setdefault(a.kind, []).append(a)
    order = sorted(queues, key=lambda k: _KIND_ORDER.get(k, len(_KIND_ORDER)))
    # The candidates in the order they would be picked: the preparation favoured, then the
    # kinds taking turns, each in rank order.
    favoured = [by_id[i] for i in reasons if i in by_id and not by_id[i].done and i not in taken]
    rest: list[PlanAction] = []
    turn = 0
    while any(queues.values()):
        kind = order[turn % len(order)]
        if queues[kind]:
            rest.append(queues[kind].pop(0))
        turn += 1
    # The interview coming up takes most of the week, not all of it: the plan's other work
    # (positioning after a "no", a gap) keeps a place, unless there is nothing else.
    held_favoured = sum(1 for a in picked if a.id in reasons)
    first = _varied(favoured, picked, min(limit - len(picked), FAVOURED_SLOTS - held_favoured))
    picked += first
    picked += _varied([*rest, *favoured], picked, limit - len(picked))
    return picked


def _room_when_repicked(
    actions: Sequence[PlanAction],
    reasons: dict[str, str],
    week: str,
    limit: int,
    left_out: Sequence[PlanAction],
) -> bool:
    """Whether the week, its open picks let go (see repicked), would hold some of ``left_out``.

    Only the week's candidates are worked out again, not the whole pick; a week with no open
    pick would come out the same, so it makes no room.
    """
    if not any(a.week == week and not a.done for a in actions):
        return False
    done = [a for a in actions if a.week == week and a.done][:limit]
    fresh = {a.id for a in _filled(actions, reasons, done, limit)}
    return any(a.id in fresh for a in left_out)


def _stories_after_mitigations(week: list[PlanAction]) -> list[PlanAction]:
    """The week with a gap's story after that gap's mitigations.

    The story's own words say to write it "once the mitigations are under way": listed
    before them, the week tells the person to start with what comes last.
    """
    ordered = list(week)
    for story in [a for a in week if a.kind == ActionKind.STORY and a.competency_id]:
        last = max(
            (
                n
                for n, a in enumerate(ordered)
                if a.kind == ActionKind.MITIGATE and a.competency_id == story.competency_id
            ),
            default=-1,
        )
        if last > ordered.index(story):
            ordered.remove(story)
            ordered.insert(last, story)
    return ordered


#: How many actions of one shape a week may hold ("Practise an answer that shows X" for two
#: competencies): five copies of one template read as one action, not a week's work.
SAME_SHAPE = 2
#: At most this many of the week's places go to the interview coming up while the plan has
#: other work to offer.
FAVOURED_SLOTS = 3
#: Why preparation waits when picking the week again would not make room for it.
INTERVIEW_PLACES = (
    f"The week gives the interview at most {FAVOURED_SLOTS} of its {WEEK_LIMIT} places, so "
    "the rest of your plan keeps room"
)


def shape(action: PlanAction) -> str:
    """What an action says, its competency aside: two of one shape differ only in that name.

    "Practise an answer that shows product sense" and "… shows prioritisation" share one;
    two different practice ideas, or two stories to rehearse, do not.
    """
    named = set((action.competency_id or "").split("-"))
    words = re.findall(r"[^\W_]+", action.title.casefold())
    return f"{action.kind}:" + " ".join(w for w in words if w not in named)


def _varied(
    candidates: Sequence[PlanAction], held: Sequence[PlanAction], room: int
) -> list[PlanAction]:
    """Up to ``room`` candidates, in order, never more than SAME_SHAPE of one shape a week."""
    chosen: list[PlanAction] = []
    shapes = Counter(shape(a) for a in held)
    for a in candidates:
        if len(chosen) >= room:
            break
        if a in chosen or a in held or shapes[shape(a)] >= SAME_SHAPE:
            continue
        chosen.append(a)
        shapes[shape(a)] += 1
    return chosen


def waiting(
    actions: Sequence[PlanAction], picked: Sequence[PlanAction], favour: Sequence[tuple[str, str]]
) -> list[PlanAction]:
    """Preparation for the interview coming up that the week, already full, does not hold."""
    in_week = {a.id for a in picked}
    by_id = {a.id: a for a in actions}
    return [
        by_id[i]
        for i, _ in favour
        if i in by_id
        and i not in in_week
        and not by_id[i].done
        and by_id[i].kind == ActionKind.PREPARE
    ]


def repicked(actions: Sequence[PlanAction], today: date) -> list[PlanAction]:
    """The plan with this week's open picks let go, so the week is picked afresh.

    What was done this week stays in it: a re-pick changes what is still to do, not what
    was done.
    """
    week = iso_week(today)
    return [replace(a, week=None) if a.week == week and not a.done else a for a in actions]


def _for_reason(action: PlanAction, reason: str) -> PlanAction:
    return replace(action, why=f"{reason} {action.why}".strip()) if reason else action


def with_preparation(
    actions: Sequence[PlanAction], prepared: Sequence[PlanAction], today: date
) -> list[PlanAction]:
    """The plan with the preparation for the interview coming up, and none for past ones.

    A preparation action already in the plan keeps its creation day, week and done day and
    takes the fresh words; one no longer prepared for (the interview was moved or held) is
    dropped while open, unless this week's checklist has it. Done ones stay, as history.
    """
    fresh = {a.id: a for a in prepared}
    week = iso_week(today)
    kept: list[PlanAction] = []
    for a in actions:
        new = fresh.pop(a.id, None)
        if new is not None:
            kept.append(replace(new, created_on=a.created_on, week=a.week, done_on=a.done_on))
        elif a.kind != ActionKind.PREPARE or a.done or a.week == week:
            kept.append(a)
    return sorted([*kept, *fresh.values()], key=_plan_order)


def _interleaved(actions: list[PlanAction]) -> list[PlanAction]:
    # The same order however the week was built: the n-th of each kind, kinds in priority.
    position: dict[str, int] = {}
    keyed = []
    for a in sorted(actions, key=_plan_order):
        n = position.get(a.kind, 0)
        position[a.kind] = n + 1
        keyed.append(((n, _KIND_ORDER.get(a.kind, len(_KIND_ORDER))), a))
    return [a for _, a in sorted(keyed, key=lambda pair: pair[0])]


def numbers(actions: Sequence[PlanAction]) -> dict[str, int]:
    """The short number of each action shown in the plan and the week: "3" for "plan done 3".

    Every action gets one, in the plan's order, done or open, whenever it was done: ticking
    one off (or recording it on an earlier day, or undoing it) renumbers nothing, so numbers
    read from one listing still name the same actions after "done 2", "done 3 --on …", and
    a done action always shows the number `plan undo` takes. Only a rebuild that adds or
    drops actions (new feedback, a new story) moves numbers: the listing it prints shows them.
    """
    return {a.id: n for n, a in enumerate(sorted(actions, key=_plan_order), start=1)}


def find_action(actions: Sequence[PlanAction], ref: str) -> PlanAction:
    """The action a person named: its number, its id, or a part of its id only it has.

    A typo gets the nearest id as a suggestion; a part several ids share lists them.
    """
    from nextround.domain.near_miss import nearest

    ref = ref.strip()
    numbered = numbers(actions)
    by_number = {n: a for a in actions if (n := numbered.get(a.id)) is not None}
    if ref.isdigit():
        found = by_number.get(int(ref))
        if found is None:
            top = max(by_number, default=0)
            raise NotFoundError(
                "plan action",
                ref,
                f"the plan numbers its actions 1 to {top}; run `nextround plan` to see them"
                if top
                else "the plan has no actions yet; `nextround plan` builds it",
            )
        return found
    exact = [a for a in actions if a.id == ref]
    if exact:
        return exact[0]
    key = ref.casefold()
    partial = [a for a in actions if key in a.id.casefold()]
    # A part of several ids, one of them still open, means the open one.
    open_partial = [a for a in partial if not a.done]
    if len(open_partial or partial) == 1:
        return (open_partial or partial)[0]
    if partial:
        listed = ", ".join(
            f"{numbered[a.id]} ({a.id})"
            for a in sorted(open_partial or partial, key=lambda a: numbered[a.id])
        )
        raise DomainError(
            f"{ref!r} is part of the ids of {len(open_partial or partial)} plan actions"
            + (f": {listed}" if listed else "")
            + "; give the number or the whole id"
        )
    near = nearest(ref, [a.id for a in actions])
    guess = f"did you mean {near!r}" + (f" (number {numbered[near]})" if near in numbered else "")
    raise NotFoundError(
        "plan action",
        ref,
        f"{guess}?" if near else "run `nextround plan` to see the numbers and ids",
    )


@dataclass(frozen=True)
class EarliestDone:
    """The first day an action can have been done on, and what that day is."""

    day: date
    # What happened that day, to follow "before": "the first evidence about technical
    # depth (2026-01-20), which this action answers".
    what: str


def earliest_done(
    action: PlanAction, evidence_days: Sequence[date], competency_name: str | None = None
) -> EarliestDone:
    """The first day ``action`` can honestly have been done on.

    An action answers evidence: a mitigation or a story a gap, a lean-in move a strength.
    Work done before the plan was built counts (Monday's, logged on Thursday by someone who
    only now started the plan), but not before anything was said about its competency:
    that would be a tick for a reason that did not exist yet. ``evidence_days`` are the days
    of the evidence about the action's competency; without any (an action of your own, a
    clarifying question), the day it joined the plan is all that is recorded.
    """
    first = min(evidence_days, default=None)
    if first is not None and first < action.created_on:
        about = f" about {competency_name}" if competency_name else ""
        return EarliestDone(
            first, f"the first evidence{about} ({first}), which this action answers"
        )
    return EarliestDone(
        action.created_on, f"the day this action joined your plan ({action.created_on})"
    )


def mark_done(
    actions: Sequence[PlanAction],
    action_id: str,
    today: date,
    on: date | None = None,
    earliest: EarliestDone | None = None,
) -> list[PlanAction]:
    """The actions with one marked done on ``on``, by default today.

    Without a day, marking a done action again keeps its first date (a second tick is not
    news); with one, the day given replaces it, which is how a wrong date is corrected.
    Momentum counts the day recorded, so it must be one the action could have been done on:
    not in the future, and not before ``earliest`` (see earliest_done) when given.
    """
    action = next((a for a in actions if a.id == action_id), None)
    if action is None:
        raise NotFoundError("plan action", action_id, "run `nextround plan` to see the ids")
    if on is None:
        if action.done:
            return list(actions)
        on = today
    _check_done_on(on, today, earliest)
    return [replace(a, done_on=on) if a.id == action_id else a for a in actions]


def _check_done_on(on: date, today: date, earliest: EarliestDone | None) -> None:
    if on > today:
        raise DomainError(
            f"done on {on} is in the future; record it once it is done "
            f"(today, {today}, at the latest)"
        )
    if earliest is not None and on < earliest.day:
        raise DomainError(
            f"done on {on} is before {earliest.what}; give a day from {earliest.day} to "
            f"today ({today})"
        )


def done_in_week(action: PlanAction, week: str) -> bool:
    """Whether an action was done in the ISO week ``week`` ("2026-W48").

    A week's "3 of 5 done" counts these only: an action of this week's pick recorded as
    done on an earlier day (`plan done N --on …`) was done earlier, and is said so apart.
    """
    return action.done_on is not None and iso_week(action.done_on) == week


def done_earlier(action: PlanAction, week: str) -> bool:
    """Whether an action was done before the ISO week ``week`` (back-dated into its pick)."""
    return action.done_on is not None and iso_week(action.done_on) < week


@dataclass(frozen=True)
class Momentum:
    """Actions done per ISO week lately, and how many weeks in a row had at least one."""

    done_per_week: list[tuple[str, int]]
    current_streak: int

    @property
    def done_this_week(self) -> int:
        """Actions done in the current week."""
        return self.done_per_week[-1][1] if self.done_per_week else 0

    def to_json(self) -> dict[str, Any]:
        """The weekly counts, oldest first, and the streak."""
        return {
            "done_per_week": [{"week": w, "done": n} for w, n in self.done_per_week],
            "current_streak": self.current_streak,
        }


def momentum(actions: Sequence[PlanAction], today: date, weeks: int = MOMENTUM_WEEKS) -> Momentum:
    """Done actions per week for the last ``weeks`` weeks (oldest first) and the streak.

    The streak counts consecutive weeks with at least one action done, ending this week,
    or last week while this week has none yet: a Monday should not break a streak.
    """
    counts: dict[str, int] = {}
    for a in actions:
        if a.done_on is not None and a.done_on <= today:
            counts[iso_week(a.done_on)] = counts.get(iso_week(a.done_on), 0) + 1
    recent = [iso_week(today - timedelta(weeks=k)) for k in range(weeks - 1, -1, -1)]
    start = 0 if counts.get(iso_week(today)) else 1
    streak = 0
    while counts.get(iso_week(today - timedelta(weeks=start + streak))):
        streak += 1
    return Momentum(done_per_week=[(w, counts.get(w, 0)) for w in recent], current_streak=streak)

"""Getting ready for an interview coming up: what it will probe, and the week's work for it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from nextround.domain.career_break import is_about_career_break, rehearsal
from nextround.domain.competency import Competency, Framework
from nextround.domain.engineering import is_engineering
from nextround.domain.evidence import PATTERN_MIN_CONFIDENCE
from nextround.domain.plan import PlanAction, iso_week
from nextround.domain.plan_ideas import WHAT_CHANGED, ActionKind, quote
from nextround.domain.round_names import round_phrase
from nextround.domain.skill_names import skill_phrase
from nextround.domain.stories import StorySummary
from nextround.domain.tagging import Tagging

#: Interviewers named in a reason; a panel of five reads as a list, not a sentence.
_NAMED = 2
#: "Went badly" notes turned into preparation: the latest ones; older ones wait their turn.
_WENT_BADLY = 2


@dataclass(frozen=True)
class AskedBefore:
    """A question the person logged in an earlier round of the same process."""

    text: str
    competencies: tuple[str, ...]
    round_name: str


@dataclass(frozen=True)
class WentBadly:
    """A debrief's own "went badly" note from an earlier round of the same process."""

    text: str
    round_name: str
    day: date
    interview_id: int


@dataclass(frozen=True)
class FormatFeedback:
    """A gap feedback named in a system-design or coding interview, or about one."""

    format: str  # "system_design" or "coding"
    text: str
    company: str | None
    day: date


@dataclass(frozen=True)
class NotedElsewhere:
    """Competencies tagged on an interview ahead that are another framework's, not this one's."""

    framework_id: str
    framework_name: str
    competencies: tuple[str, ...]  # their names on that framework

    def words(self) -> str:
        """Where they are noted, in a clause: "noted on “X” (a and b), not on this framework"."""
        names = _joined([skill_phrase(n) for n in self.competencies])
        return f"noted on “{self.framework_name}” ({names}), not on this framework"


@dataclass(frozen=True)
class UpcomingRound:
    """A round with an interview in the coming days, as the record knows it."""

    round_id: int
    company: str
    round_name: str
    day: date  # the local day of its next interview
    interviewers: tuple[str, ...] = ()
    # The competencies its interviews are tagged with: what the person expects them to probe.
    focus: tuple[str, ...] = ()
    asked_before: tuple[AskedBefore, ...] = ()
    # The formats of its interviews ahead ("technical", "case"), in order, each once.
    formats: tuple[str, ...] = ()
    # (competency id, format) for each competency tagged on an interview ahead: the format of
    # the first interview that probes it, which says how to practise it.
    focus_formats: tuple[tuple[str, str], ...] = ()
    # What the person's own debriefs of earlier rounds of this process say went badly.
    went_badly: tuple[WentBadly, ...] = ()
    # Gaps heard before about a system-design or coding interview, this process's first.
    format_feedback: tuple[FormatFeedback, ...] = ()
    # Where a career break is on the person's record, when one is: its answer is rehearsed.
    career_break: str | None = None
    # The application the round belongs to (what the company said in earlier processes).
    application_id: int | None = None
    # Competencies its interviews are tagged with on another framework only: the plan on
    # this one cannot prepare for them, but says where they are rather than "nothing".
    noted_elsewhere: NotedElsewhere | None = None
    # The round's kind ("screen", "panel"), which says what it is for.
    kind: str | None = None


@dataclass(frozen=True)
class Probe:
    """A competency the round is likely to test, and why the plan thinks so."""

    competency_id: str
    reason: str
    expected: bool  # tagged on the interview or asked about before, not only a known gap


@dataclass(frozen=True)
class WeekFocus:
    """What the week should favour for the round: action ids with their reasons, in order.

    ``actions`` are the preparation actions the plan does not hold yet (or holds with older
    words); a reason is empty for those, whose own "why" already names the round.
    """

    occasion: str
    favour: tuple[tuple[str, str], ...]
    actions: tuple[PlanAction, ...]
    # The application of the round coming up.
    application_id: int | None = None


def trusted_competencies(probed: Tagging) -> tuple[str, ...]:
    """What a logged question probed on one framework, as far as the plan may rely on it.

    The person's own choice counts; a machine guess only when confident, by the same bar as
    a pattern in the profile ("What's your salary expectation?" is no strategy question).
    """
    if probed.confirmed:
        return tuple(probed.competencies)
    sure = {m.competency_id for m in probed.suggestions if m.confidence >= PATTERN_MIN_CONFIDENCE}
    return tuple(c for c in probed.competencies if c in sure)


def occasion(upcoming: UpcomingRound, today: date) -> str:
    """The round as a reason names it: "your final loop at Tempoline with Mei Tan on Thursday"."""
    proper = {*upcoming.company.split(), *(w for n in upcoming.interviewers for w in n.split())}
    phrase = round_phrase(upcoming.round_name, proper)
    said = f"your {phrase.words}" if phrase.article else phrase.words
    people = list(upcoming.interviewers[:_NAMED])
    if len(upcoming.interviewers) > _NAMED:
        people.append(f"{len(upcoming.interviewers) - _NAMED} more")
    with_ = f" with {_joined(people)}" if people else ""
    return f"{said} at {upcoming.company}{with_} {_when(upcoming.day, today)}"


def _joined(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _when(day: date, today: date) -> str:
    ahead = (day - today).days
    if ahead <= 0:
        return "today"
    if ahead == 1:
        return "tomorrow"
    # Within the week a weekday is unambiguous; a week ahead it needs its date.
    return f"on {day:%A}" if ahead < 7 else f"on {day:%A} {day.day} {day:%B}"


def expected_probes(
    upcoming: UpcomingRound,
    gaps: Sequence[str],
    framework: Framework,
    improving: Collection[str] = (),
) -> list[Probe]:
    """The competencies to prepare, best first: expected gaps, other expected ones, then gaps.

    Expected means tagged on the round's interviews or asked about in an earlier round of the
    process (most asked first). A recurring gap is worth having ready even when nothing says
    the round will probe it: it is what held the person back before.
    """
    names = {c.id: skill_phrase(c.name) for c in framework.competencies}
    proper = set(upcoming.company.split())
    reasons: dict[str, str] = {}
    for competency_id in upcoming.focus:
        if competency_id in names:
            reasons.setdefault(competency_id, f"{names[competency_id]} is expected to come up")
    asked = Counter(c for q in upcoming.asked_before for c in dict.fromkeys(q.competencies))
    for competency_id, _ in asked.most_common():
        if competency_id in names and competency_id not in reasons:
            question = next(q for q in upcoming.asked_before if competency_id in q.competencies)
            where = round_phrase(question.round_name, proper)
            reasons[competency_id] = (
                f"{names[competency_id]} came up in {where} (“{quote(question.text, 90)}”)"
            )
    expected = list(reasons)
    for competency_id in gaps:
        if competency_id in names:
            # The action's own "why" goes on to say what kind of gap it is. One recent
            # sources call a strength is no weak spot to brace for: it is a story to tell.
            reasons.setdefault(
                competency_id,
                f"be ready to tell how your {names[competency_id]} changed, as recent "
                "feedback calls it a strength"
                if competency_id in improving
                else f"be ready for {names[competency_id]}",
            )
    probes = [Probe(c, reason, c in expected) for c, reason in reasons.items()]
    order = {c: i for i, c in enumerate(reasons)}
    return sorted(
        probes,
        key=lambda p: (not p.expected, p.competency_id not in gaps, order[p.competency_id]),
    )


def prepare_week(
    upcoming: UpcomingRound,
    actions: Sequence[PlanAction],
    stories: Sequence[StorySummary],
    framework: Framework,
    today: date,
) -> WeekFocus:
    """The week's preparation for the round: stories to rehearse and the plan's own actions.

    Each competency to prepare gets, in turn: a story from the bank to rehearse (or the
    plan's action to write one), then the plan's mitigations and lean-in moves for it; one
    with none of these gets an answer to practise. Competencies take turns, so five slots
    cover the most likely questions before going deeper on any one.
    """
    # Open actions, and those done this week: ticking one off keeps the week's order.
    week = iso_week(today)
    open_actions = sorted((a for a in actions if not a.done or a.week == week), key=_rank)
    gaps = list(dict.fromkeys(a.competency_id for a in open_actions if _is(a, ActionKind.MITIGATE)))
    said = occasion(upcoming, today)
    queues: list[list[tuple[str, str]]] = []
    new: list[PlanAction] = []
    used_stories: set[int | None] = set()
    by_id = {c.id: c for c in framework.competencies}
    # A gap whose plan asks what changed is improving (see plan.what_changed).
    improving = {a.competency_id for a in open_actions if a.id.endswith(f":{WHAT_CHANGED}")}
    probes = expected_probes(
        upcoming, [g for g in gaps if g], framework, {c for c in improving if c}
    )
    brief = _round_brief(upcoming, said, today)
    mitigations = [a for a in open_actions if _is(a, ActionKind.MITIGATE) and not a.done]
    prepared = _Preparation(mitigations, new)
    # Nothing on record says what the round probes: get ready for its format first, when it
    # has a shape of its own (a technical or case round) or nothing else prepares for it.
    if not any(p.expected for p in probes) and (brief.id.endswith(_SHAPED) or not probes):
        queues.append([prepared.offer(brief)])
    # A system-design or coding interview is drilled in its own shape even when the plan
    # knows what else the round probes: no competency's story gets anyone through one.
    tagged = {fmt for _, fmt in upcoming.focus_formats}
    for drilled in (f for f in upcoming.formats if f in _DRILLED and f not in tagged):
        extra = _round_brief(upcoming, said, today, drilled)
        if extra.id not in prepared.offered:
            queues.append([prepared.offer(extra)])
    # A recruiter screen checks fit, motivation, pay and timing before any competency: its
    # own answers are the first thing to have ready, whatever the plan's gaps are.
    if upcoming.kind == "screen":
        queues.insert(0, [prepared.offer(_screen_brief(upcoming, said, today))])
    # What the person wrote went badly earlier in this process is the surest thing to fix
    # before its next round: it comes first, newest first.
    for action in _own_notes(upcoming, said, today):
        new.append(action)
        queues.append([(action.id, "")])
    formats: dict[str, str] = {}
    for competency_id, its_format in upcoming.focus_formats:
        formats.setdefault(competency_id, its_format)
    for probe in probes:
        competency = by_id[probe.competency_id]
        reason = f"For {said}: {probe.reason}."
        queue: list[tuple[str, str]] = []
        story = _story_to_rehearse(stories, competency.id, used_stories)
        own = [a for a in open_actions if a.competency_id == competency.id]
        fmt: str | None = formats.get(competency.id)
        # A case, technical, exercise or presentation interview is practised in its own
        # shape, before any story: a story alone does not get anyone through a case.
        shaped = fmt in _SHAPED
        if shaped:
            queue.append(prepared.offer(_practise(upcoming, competency, reason, today, fmt)))
        if story is not None:
            used_stories.add(story.id)
            new.append(_rehearse(upcoming, competency, story, reason, today))
            queue.append((new[-1].id, ""))
        # Writing the missing story first, then the practice the plan already suggests; but a
        # gap's story is written once its mitigations are under way (its own words say so).
        gap = any(_is(a, ActionKind.MITIGATE) for a in own)
        own.sort(key=lambda a: (_is(a, ActionKind.STORY) == gap, a.kind, a.rank))
        if probe.expected and not shaped and story is None:
            queue += _sample_question_first(upcoming, competency, own, reason)
        if not shaped and story is None and not any(_is(a, ActionKind.STORY) for a in own):
            # No story to tell and none planned (a gap heard once, a likely spike, or nothing
            # in the plan): an answer to practise before the interview, ahead of the slower
            # practice the plan already suggests.
            new.append(_practise(upcoming, competency, reason, today, fmt))
            queue.append((new[-1].id, ""))
        queue += [(a.id, reason) for a in own if not _is(a, ActionKind.PREPARE)]
        queues.append(queue)
    return WeekFocus(said, _taking_turns(queues), tuple(new), upcoming.application_id)


def _sample_question_first(
    upcoming: UpcomingRound,
    competency: Competency,
    own: list[PlanAction],
    reason: str,
) -> list[tuple[str, str]]:
    """The plan's mock on a sample question, for a competency the interview is tagged with.

    The question its framework gives is the likeliest thing to be asked, so that mock leads
    (taken out of ``own``) when no story is ready to tell.
    """
    mock = _mock_on_question(own, competency, upcoming)
    if mock is None:
        return []
    own.remove(mock)
    return [(mock.id, reason)]


def _mock_on_question(
    own: Sequence[PlanAction], competency: Competency, upcoming: UpcomingRound
) -> PlanAction | None:
    """The plan's open mitigation that rehearses one of the competency's sample questions."""
    question = fitting_question(competency, upcoming)
    if question is None:
        return None
    asked = [quote(q, 200) for q in competency.questions]
    return next(
        (
            a
            for a in own
            if _is(a, ActionKind.MITIGATE)
            and not a.done
            and any(f"“{q}”" in a.detail.rsplit(_PRACTISE, 1)[-1] for q in asked)
        ),
        None,
    )


@dataclass
class _Preparation:
    """The preparation actions offered for the round, and the new ones among them."""

    mitigations: list[PlanAction]
    new: list[PlanAction]
    offered: set[str] = field(default_factory=set)

    def offer(self, action: PlanAction) -> tuple[str, str]:
        """The action to favour, with its reason: a mitigation with the same drill stands in.

        Two actions for one practice read as two things to do: the plan's own mitigation is
        kept (its tick outlives the interview) and the interview is given as its reason too.
        """
        self.offered.add(action.id)
        same = next((m for m in self.mitigations if same_drill(action, m)), None)
        if same is None:
            self.new.append(action)
            return (action.id, "")
        return (same.id, action.why)


def _taking_turns(queues: Sequence[Sequence[tuple[str, str]]]) -> tuple[tuple[str, str], ...]:
    """The queues' first entries, then their second ones, and so on; each action once.

    The first reason stays: a mitigation standing in for the interview's drill keeps the
    interview's words, not the later "be ready for" of its competency.
    """
    favour: dict[str, str] = {}
    for depth in range(max((len(q) for q in queues), default=0)):
        for action_id, why in (q[depth] for q in queues if depth < len(q)):
            favour.setdefault(action_id, why)
    return tuple(favour.items())


# The words added after a drill (the feedback heard before, the prompt, what to do next):
# the drill itself is what comes before them.
_AFTER_DRILL = re.compile(r" (?:Feedback on your |Take as the prompt: |Once you know which )")
_PRACTISE = "Practise: "
_FILLER = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "it", "its", "in", "on", "at", "for", "with",
    "by", "then", "you", "your", "each", "one", "before", "after", "is", "be", "as", "that",
})  # fmt: skip
#: The share of the shorter drill's words the other must have for the two to be one drill:
#: "Solve two coding problems a day against a 30-minute timer…" and the interview's "Two
#: problems a day against a 30-minute timer…" share 80%; two different practices of one
#: gap (edge cases first; naming the pattern) under 50%.
SAME_DRILL = 0.7


def _drill_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.casefold())
    return {w for w in words if w not in _FILLER}


def same_drill(preparation: PlanAction, mitigation: PlanAction) -> bool:
    """Whether a preparation action and a mitigation prescribe the same practice.

    Compared on the practice itself: the preparation's drill without the feedback it quotes,
    the mitigation's words after "Practise:", never the evidence either cites.
    """
    if _PRACTISE not in mitigation.detail:
        return False
    drill = _drill_words(_AFTER_DRILL.split(preparation.detail, maxsplit=1)[0])
    practice = _drill_words(mitigation.detail.rsplit(_PRACTISE, 1)[1])
    if not drill or not practice:
        return False
    return len(drill & practice) / min(len(drill), len(practice)) >= SAME_DRILL


_MOCK_DESIGN = (
    "Forty-five minutes on a blank page, aloud, for a system you have not built (a rate "
    "limiter, a job scheduler, a chat service): pin down the requirements and estimate the "
    "scale, sketch the API and the data model, find the bottlenecks and the failure modes, "
    "then weigh two or three designs by their trade-offs and say which you would pick and why."
)
_TIMED_CODING = (
    "Two problems a day against a 30-minute timer, talking throughout: clarify the input and "
    "the constraints, say the brute-force solution first, then optimise it, state its time and "
    "space complexity, and test it by hand with the edge cases (empty, one item, duplicates)."
)
#: Assessors watch how each candidate works with the others, not who is right (QA17 F4).
_GROUP_PRACTICE = (
    "Forty-five minutes on a case brief with two or three others (friends, a careers-service "
    "session): speak in the first five minutes, build on someone's point by name twice, bring "
    "in whoever is quiet, and keep an eye on the time so the group reaches a decision."
)

#: What getting ready for each interview format takes, as (title, what to do).
_FORMAT_PREP = {
    "technical": (
        "Rehearse walking through a system you designed",
        "Aloud, in ten minutes: the constraints, two options you weighed, what you decided "
        "yourself and why, the risks you planned for, and what you would change now.",
    ),
    "practical_exercise": (
        "Do a timed dry run of the exercise",
        "Forty-five minutes, a blank whiteboard or document, thinking aloud: state your "
        "assumptions first, and keep five minutes to sum up.",
    ),
    "presentation": (
        "Rehearse the presentation aloud, twice",
        "Against the clock, then write the three questions you would least like to get, with "
        "a two-sentence answer to each.",
    ),
    "case": (
        "Practise a case aloud against a timer",
        "Thirty minutes: clarify the goal, structure the problem before solving it, and end "
        "on a recommendation with its main risk.",
    ),
    "system_design": (
        "Do a timed mock system design, aloud",
        _MOCK_DESIGN,
    ),
    "coding": (
        "Solve timed coding problems aloud",
        _TIMED_CODING,
    ),
    "group_exercise": (
        "Do a mock group exercise with two or three others",
        _GROUP_PRACTICE,
    ),
    "behavioural": (
        "Pick a story for each competency the role stresses",
        "Reread the job description, note the three competencies it stresses most, and pick "
        "a story for each; rehearse them aloud against a 2-minute timer, with what you did "
        "yourself and one number.",
    ),
}
# The formats whose preparation differs from telling stories: the brief is always worth it.
_SHAPED = (
    "technical",
    "practical_exercise",
    "presentation",
    "case",
    "system_design",
    "coding",
    "group_exercise",
)
# The formats drilled on practice problems: what earns a story elsewhere earns a mock here.
DRILLED_FORMATS = ("system_design", "coding")
_DRILLED = DRILLED_FORMATS
_FORMAT_WORDS = {
    "system_design": "a system-design interview",
    "coding": "a coding interview",
    "technical": "a technical interview",
    "practical_exercise": "a practical exercise",
    "presentation": "a presentation",
    "case": "a case interview",
    "group_exercise": "a group exercise",
    "behavioural": "a behavioural interview",
}


def _round_brief(
    upcoming: UpcomingRound, said: str, today: date, chosen: str | None = None
) -> PlanAction:
    """Getting ready for a round by its format (``chosen``, or the one that says most).

    A technical, case, exercise or presentation format says more than a behavioural one,
    so the first of those leads.
    """
    if chosen is None:
        formats = [f for f in upcoming.formats if f in _FORMAT_PREP]
        shaped = [f for f in formats if f != "behavioural"]
        chosen = (shaped or formats or ["behavioural"])[0]
    title, detail = _FORMAT_PREP[chosen]
    kind = f" ({_FORMAT_WORDS[chosen]})" if chosen in upcoming.formats else ""
    # A drilled format is practised the same whatever the interview probes.
    elsewhere = upcoming.noted_elsewhere
    then = (
        ""
        if chosen in _DRILLED or elsewhere
        else " Once you know which competencies it will probe, note them on the interview, "
        "and the plan prepares your stories for them."
    )
    if chosen in _DRILLED:
        why = f"For {said}{kind}: practise it in its own shape."
    elif elsewhere:
        # Tagged on the framework the person chose before: "nothing on record" would be
        # untrue, and choosing it back is what prepares the stories for them.
        why = (
            f"For {said}{kind}: the competencies it will probe are {elsewhere.words()}, so "
            "prepare for its format; choosing that framework back (`nextround framework use "
            f"{elsewhere.framework_id}`) prepares your stories for them."
        )
    else:
        why = (
            f"For {said}{kind}: nothing on record says which competencies it will probe, so "
            "prepare for its format."
        )
    return PlanAction(
        id=f"{ActionKind.PREPARE.value}:round-{upcoming.round_id}:format-{chosen}",
        kind=ActionKind.PREPARE.value,
        competency_id=None,
        title=title,
        detail=f"{detail}{heard_before(upcoming, chosen)}{then}",
        why=why,
        created_on=today,
    )


_SCREEN_PREP = (
    "Prepare the screen's own answers",
    "Write and say aloud: a 60-second pitch of who you are and what you want next; why you "
    "are looking and why this company and role; your pay expectations as a researched "
    "range; when you could start and what else is in progress; and two questions for them "
    "about the role and the next steps.",
)


def _screen_brief(upcoming: UpcomingRound, said: str, today: date) -> PlanAction:
    """Getting ready for a recruiter screen: the questions every screen asks."""
    title, detail = _SCREEN_PREP
    return PlanAction(
        id=f"{ActionKind.PREPARE.value}:round-{upcoming.round_id}:screen",
        kind=ActionKind.PREPARE.value,
        competency_id=None,
        title=title,
        detail=detail,
        why=f"For {said}: a screen checks your fit, motivation, pay and timing first.",
        created_on=today,
    )


def heard_before(upcoming: UpcomingRound, fmt: str | None) -> str:
    """A sentence naming the gap heard before in the same format, or "" when there is none.

    The same process's feedback comes first: its next round may well come back to it.
    """
    heard = next((f for f in upcoming.format_feedback if f.format == fmt), None)
    if heard is None or fmt is None:
        return ""
    where = f" at {heard.company}" if heard.company else ""
    noun = "system design" if fmt == "system_design" else "coding"
    said = quote(heard.text, 160)
    stop = "" if said.endswith((".", "!", "?", "…")) else "."
    return (
        f" Feedback on your {noun}{where} ({heard.day:%-d %b}) said: “{said}”{stop}"
        " Make that the first thing you practise."
    )


def _rank(action: PlanAction) -> int:
    return action.rank


def _is(action: PlanAction, kind: ActionKind) -> bool:
    return action.kind == kind.value


def _story_to_rehearse(
    stories: Sequence[StorySummary], competency_id: str, used: set[int | None]
) -> StorySummary | None:
    # A ready story first: one still to fix is rehearsed too, but after its fix.
    tagged = [s for s in stories if competency_id in s.competencies and s.id not in used]
    return min(tagged, key=lambda s: not s.ready, default=None)


def _rehearse(
    upcoming: UpcomingRound,
    competency: Competency,
    story: StorySummary,
    reason: str,
    today: date,
) -> PlanAction:
    fix = "" if story.ready or not story.first_fix else f" Fix it first: {story.first_fix}"
    return PlanAction(
        id=f"{ActionKind.PREPARE.value}:{competency.id}:round-{upcoming.round_id}-story-{story.id}",
        kind=ActionKind.PREPARE.value,
        competency_id=competency.id,
        title=f"Rehearse your story “{quote(story.title, 60)}” aloud",
        detail=(
            f"Tell it as an answer that shows {skill_phrase(competency.name)}, in two minutes "
            "against a timer: the situation in one sentence, what you did yourself, and the "
            f"result with its number.{fix}"
        ),
        why=reason,
        created_on=today,
    )


def _practise(
    upcoming: UpcomingRound,
    competency: Competency,
    reason: str,
    today: date,
    fmt: str | None = None,
) -> PlanAction:
    """An answer to practise for a competency, worded by the format of the interview probing it.

    A case is not answered with a story, nor a presentation with a 2-minute answer: each
    format gets the practice that fits it. Without a format on record, a story answer.
    """
    asked = next((q.text for q in upcoming.asked_before if competency.id in q.competencies), None)
    question = asked or fitting_question(competency, upcoming)
    name = skill_phrase(competency.name)
    title, detail = _by_format(fmt, name, asked, question)
    detail += heard_before(upcoming, fmt)
    return PlanAction(
        id=f"{ActionKind.PREPARE.value}:{competency.id}:round-{upcoming.round_id}-answer",
        kind=ActionKind.PREPARE.value,
        competency_id=competency.id,
        title=title,
        detail=detail,
        why=reason,
        created_on=today,
    )


def fitting_question(competency: Competency, upcoming: UpcomingRound) -> str | None:
    """The competency's first question that fits the round, if it has any.

    An engineer's question ("Walk me through the architecture of a system you built") is
    asked only of a round an engineer sits (a coding, system-design or technical format, or
    a name or feedback that says so); a sales panel gets the next one on the list.
    """
    engineering = bool(upcoming.format_feedback) or is_engineering(
        [upcoming.round_name], upcoming.formats
    )
    fitting = [q for q in competency.questions if engineering or not is_engineering([q])]
    return next(iter(fitting or competency.questions), None)


def _by_format(
    fmt: str | None, name: str, asked: str | None, question: str | None
) -> tuple[str, str]:
    """The title and the practice for one competency in one interview format."""
    prompt = f" Take as the prompt: “{quote(asked, 200)}”." if asked else ""
    if fmt == "case":
        return (
            f"Run a {name} case aloud against a timer",
            "Thirty minutes, thinking aloud: who the users are, the problems they have, "
            "which one to solve first and why, a solution, and the metrics that would show "
            f"it works; end on one recommendation and its main risk.{prompt}",
        )
    if fmt == "system_design":
        return (
            f"Run a timed mock system design that shows {name}",
            f"{_MOCK_DESIGN}{prompt}",
        )
    if fmt == "coding":
        return (
            f"Solve timed coding problems that show {name}",
            f"{_TIMED_CODING}{prompt}",
        )
    if fmt == "technical":
        return (
            f"Walk through work that shows {name}, aloud in ten minutes",
            "A system or analysis you built: the constraints, two options you weighed, what "
            f"you decided yourself and why, and what you would change now.{prompt}",
        )
    if fmt == "presentation":
        return (
            f"Rehearse the part of your presentation that shows {name}",
            "Aloud against the clock, then write the three questions on it you would least "
            f"like to get, with a two-sentence answer to each.{prompt}",
        )
    if fmt == "group_exercise":
        return (f"Practise a group exercise that shows {name}", f"{_GROUP_PRACTICE}{prompt}")
    if fmt == "practical_exercise":
        return (
            f"Do a timed dry run of an exercise that tests {name}",
            "Forty-five minutes on a blank whiteboard or document, thinking aloud: state "
            f"your assumptions first and keep five minutes to sum up.{prompt}",
        )
    ask = (
        f"Practise aloud, against a 2-minute timer: “{quote(question, 200)}”"
        if question
        else f"Prepare a 2-minute answer that shows {name} and practise it aloud against a timer."
    )
    return (
        f"Practise an answer that shows {name}",
        f"{ask} Lead with one example, what you did yourself, and one number.",
    )


def _rework(upcoming: UpcomingRound, note: WentBadly, said: str, today: date) -> PlanAction:
    """Fixing what the person's own debrief says went badly, before the next round."""
    proper = set(upcoming.company.split())
    where = round_phrase(note.round_name, proper)
    return PlanAction(
        id=f"{ActionKind.PREPARE.value}:round-{upcoming.round_id}:went-badly-{note.interview_id}",
        kind=ActionKind.PREPARE.value,
        competency_id=None,
        title=f"Rework what went badly: “{quote(note.text, 70)}”",
        detail=(
            f"Your debrief of {where} ({note.day:%-d %b}) says: “{quote(note.text, 200)}”. "
            "Write the answer you wish you had given, in a few lines, and say it aloud "
            "against a 2-minute timer until it comes easily."
        ),
        why=f"For {said}: the same process may come back to it.",
        created_on=today,
    )


def _rehearse_break(
    upcoming: UpcomingRound, note: WentBadly | None, said: str, today: date
) -> PlanAction:
    """Rehearsing the career-break answer once before the round; ``note``: it went badly."""
    title, detail = rehearsal(upcoming.career_break or "your record", note.text if note else None)
    return PlanAction(
        id=f"{ActionKind.PREPARE.value}:round-{upcoming.round_id}:career-break",
        kind=ActionKind.PREPARE.value,
        competency_id=None,
        title=title,
        detail=detail,
        why=f"For {said}: a career break is on your record, and it is likely to be asked about.",
        created_on=today,
    )


def _own_notes(upcoming: UpcomingRound, said: str, today: date) -> list[PlanAction]:
    """Reworking what went badly, newest first, and rehearsing a career break on record.

    The break is rehearsed once: a note saying its question went badly is reworked as that
    rehearsal, in the note's place.
    """
    actions: list[PlanAction] = []
    rehearsed = upcoming.career_break is None
    for note in sorted(upcoming.went_badly, key=lambda n: n.day, reverse=True)[:_WENT_BADLY]:
        if not rehearsed and is_about_career_break(note.text):
            rehearsed = True
            actions.append(_rehearse_break(upcoming, note, said, today))
        else:
            actions.append(_rework(upcoming, note, said, today))
    if not rehearsed:
        actions.append(_rehearse_break(upcoming, None, said, today))
    return actions

"""Preparing for an interview coming up: what to favour in the week, and why, in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from nextround.domain.competency import CompetencyMatch
from nextround.domain.interview_prep import (
    AskedBefore,
    FormatFeedback,
    NotedElsewhere,
    UpcomingRound,
    WentBadly,
    expected_probes,
    occasion,
    prepare_week,
    same_drill,
    trusted_competencies,
)
from nextround.domain.plan import (
    WEEK_LIMIT,
    ActionKind,
    build_plan,
    iso_week,
    pick_week,
    repicked,
    waiting,
    with_preparation,
)
from nextround.domain.profile import build_profile
from nextround.domain.stories import StorySummary
from nextround.domain.tagging import Tagging
from tests.unit.growth_fixtures import FRAMEWORK, GAP, INTERVIEWER, STRENGTH, SYSTEMS, TODAY, ev

# A Thursday: the round is on the Monday after.
THURSDAY = date(2026, 1, 1)
EVIDENCE = [
    ev("risk-management", GAP, INTERVIEWER, app=1),
    ev("risk-management", GAP, INTERVIEWER, app=2),
    ev("systems-thinking", GAP, INTERVIEWER, app=1),
    ev("systems-thinking", GAP, INTERVIEWER, app=2),
    *[ev("stakeholder-management", STRENGTH, INTERVIEWER, app=1 + i % 2) for i in range(6)],
]
STORIES = [
    StorySummary(1, "Carrier onboarding", ("stakeholder-management",)),
    StorySummary(2, "The pre-mortem that saved the cutover", ("risk-management",)),
]
LOOP = UpcomingRound(
    round_id=7,
    company="Tempoline",
    round_name="Final loop",
    day=THURSDAY + timedelta(days=4),
    interviewers=("Mei Tan",),
    focus=("systems-thinking",),
    asked_before=(
        AskedBefore("Tell me about a risk you saw coming.", ("risk-management",), "Hiring manager"),
    ),
)


def _plan():
    profile = build_profile(EVIDENCE, FRAMEWORK, TODAY)
    return build_plan(profile, FRAMEWORK, STORIES, [], TODAY)


def _week(upcoming: UpcomingRound = LOOP, plan=None, today: date = THURSDAY):
    plan = _plan() if plan is None else plan
    focus = prepare_week(upcoming, plan, STORIES, FRAMEWORK, today)
    actions = with_preparation(plan, focus.actions, today)
    return actions, pick_week(actions, today, favour=focus.favour)


def test_the_occasion_names_the_round_people_and_day_as_a_sentence_does():
    assert occasion(LOOP, THURSDAY) == "your final loop at Tempoline with Mei Tan on Monday"
    numbered = replace(LOOP, round_name="R2", interviewers=("A B", "C D", "E F"))
    assert occasion(numbered, THURSDAY) == "round 2 at Tempoline with A B, C D and 1 more on Monday"
    assert occasion(replace(LOOP, day=THURSDAY), THURSDAY).endswith("Mei Tan today")
    assert occasion(replace(LOOP, day=THURSDAY + timedelta(days=1)), THURSDAY).endswith("tomorrow")
    a_week_on = replace(LOOP, day=THURSDAY + timedelta(days=7), interviewers=())
    assert occasion(a_week_on, THURSDAY) == "your final loop at Tempoline on Thursday 8 January"
    assert "·" not in occasion(LOOP, THURSDAY)


def test_expected_competencies_come_first_gaps_among_them_first():
    probes = expected_probes(LOOP, ["risk-management", "systems-thinking"], FRAMEWORK)
    assert [(p.competency_id, p.expected) for p in probes] == [
        ("systems-thinking", True),
        ("risk-management", True),
    ]
    assert probes[0].reason == "systems thinking is expected to come up"
    assert probes[1].reason == (
        "risk management came up in the hiring manager round "
        "(“Tell me about a risk you saw coming.”)"
    )
    # With nothing known about the round, the recurring gaps are what to be ready for.
    bare = replace(LOOP, focus=(), asked_before=())
    assert [
        (p.competency_id, p.expected, p.reason)
        for p in expected_probes(bare, ["risk-management"], FRAMEWORK)
    ] == [("risk-management", False, "be ready for risk management")]
    # A gap recent sources call a strength is a story of change to tell, not a weak spot.
    [improving] = expected_probes(bare, ["risk-management"], FRAMEWORK, {"risk-management"})
    assert improving.reason == (
        "be ready to tell how your risk management changed, as recent feedback calls it a strength"
    )


def test_a_question_counts_for_a_competency_only_when_confirmed_or_confident():
    guessed = Tagging(("strategic-thinking",), (CompetencyMatch("strategic-thinking", 0.08),))
    assert trusted_competencies(guessed) == ()
    assert trusted_competencies(replace(guessed, confirmed=True)) == ("strategic-thinking",)
    sure = Tagging(("risk-management",), (CompetencyMatch("risk-management", 0.97),))
    assert trusted_competencies(sure) == ("risk-management",)


def test_the_week_favours_the_round_with_reasons_and_keeps_the_cap():
    _, week = _week()
    assert len(week) == WEEK_LIMIT
    ids = [a.id for a in week]
    # Each expected competency in turn: systems thinking (a gap it is set to probe) has no
    # story, but its story is written once the mitigations are under way (QA13 F12), so its
    # first mitigation comes first; risk management has a story to rehearse.
    assert ids[:2] == [
        "mitigate:systems-thinking:practice-1",
        "prepare:risk-management:round-7-story-2",
    ]
    for action in week[:4]:
        assert action.competency_id in {"systems-thinking", "risk-management"}
        assert action.why.startswith("For your final loop at Tempoline with Mei Tan on Monday: "), (
            action.why
        )
    # The plan's own reason still follows the one the week adds.
    assert week[0].why.endswith("(80% interval 0.03–0.54).")
    assert "Systems thinking is a recurring gap" in week[0].why
    rehearse = week[1]
    assert rehearse.title == "Rehearse your story “The pre-mortem that saved the cutover” aloud"
    assert rehearse.why.count("For your final loop") == 1  # said once, not twice


def test_the_week_is_as_before_when_nothing_is_coming_up():
    plan = _plan()
    assert pick_week(plan, THURSDAY) == pick_week(plan, THURSDAY, favour=())
    assert with_preparation(plan, (), THURSDAY) == plan
    assert not any(a.kind == "prepare" for a in pick_week(plan, THURSDAY))


def test_a_week_already_picked_keeps_its_picks_and_the_preparation_waits():
    plan = _plan()
    before = pick_week(plan, THURSDAY)
    done_one = replace(before[-1], done_on=THURSDAY)
    picked = {a.id: a for a in before}
    picked[done_one.id] = done_one
    stored = [picked.get(a.id, a) for a in plan]
    actions, week = _week(plan=stored)
    # The interview came up after the week was picked: the week stays as it was...
    assert sorted(a.id for a in week) == sorted(a.id for a in before)
    assert done_one.id in [a.id for a in week]  # the checklist keeps what was done
    # ...and the preparation that could not join is named, not slipped in.
    focus = prepare_week(LOOP, stored, STORIES, FRAMEWORK, THURSDAY)
    left_out = waiting(actions, week, focus.favour)
    assert left_out and all(a.kind == "prepare" for a in left_out)
    # Picked again, the preparation comes first and what was done stays.
    _, again = _week(plan=repicked(stored, THURSDAY))
    assert again[0].why.startswith("For your final loop")
    assert done_one.id in [a.id for a in again]


def test_preparation_takes_the_free_places_of_a_week_not_yet_full():
    plan = _plan()
    first = pick_week(plan, THURSDAY)[0]
    stored = [replace(a, week=iso_week(THURSDAY)) if a.id == first.id else a for a in plan]
    _, week = _week(plan=stored)
    assert len(week) == WEEK_LIMIT and first.id in [a.id for a in week]
    assert any(a.kind == "prepare" for a in week)


def test_preparation_for_a_round_that_has_passed_leaves_the_plan_unless_this_week_has_it():
    actions, _ = _week()
    rehearse = next(a for a in actions if a.kind == "prepare")
    assert rehearse.week is None  # the pick is stored by the service, not here
    this_week = [replace(a, week=iso_week(THURSDAY)) if a.id == rehearse.id else a for a in actions]
    assert rehearse.id in [a.id for a in with_preparation(this_week, (), THURSDAY)]
    next_monday = THURSDAY + timedelta(days=5)
    later = with_preparation(this_week, (), next_monday)
    assert rehearse.id not in [a.id for a in later]
    assert not any(a.kind == "prepare" for a in pick_week(this_week, next_monday))
    done = [replace(a, done_on=THURSDAY) if a.id == rehearse.id else a for a in actions]
    assert rehearse.id in [a.id for a in with_preparation(done, (), next_monday)]  # history


def test_a_competency_with_nothing_in_the_plan_gets_an_answer_to_practise():
    asked = AskedBefore("How do you keep everyone aligned?", ("communication",), "Screen")
    upcoming = replace(LOOP, focus=(), asked_before=(asked,))
    _, week = _week(upcoming)
    practise = next(a for a in week if a.competency_id == "communication")
    assert practise.id == "prepare:communication:round-7-answer"
    assert "“How do you keep everyone aligned?”" in practise.detail
    assert practise.why == (
        "For your final loop at Tempoline with Mei Tan on Monday: communication came up in "
        "the screen (“How do you keep everyone aligned?”)."
    )


@pytest.mark.parametrize("ready", [True, False])
def test_a_story_still_to_fix_is_rehearsed_after_its_fix(ready):
    story = StorySummary(5, "Dock backlog", ("systems-thinking",), ready, "Add a number.")
    focus = prepare_week(LOOP, _plan(), [story], FRAMEWORK, THURSDAY)
    (rehearse,) = [a for a in focus.actions if "story" in a.id]
    assert ("Fix it first: Add a number." in rehearse.detail) is not ready


def test_ticking_one_off_keeps_the_week_as_it_was():
    actions, week = _week()
    stored = {a.id: a for a in week}
    kept = [stored.get(a.id, a) for a in actions]
    first = week[0].id
    ticked = [replace(a, done_on=THURSDAY) if a.id == first else a for a in kept]
    _, again = _week(plan=ticked)
    assert [a.id for a in again] == [a.id for a in week]
    assert again[0].done


def test_a_technical_round_nothing_is_tagged_on_gets_ready_for_its_format_first():
    # QA7: a system design round in six days, nothing tagged, nothing asked before.
    design = replace(LOOP, focus=(), asked_before=(), formats=("technical",))
    focus = prepare_week(design, _plan(), STORIES, FRAMEWORK, THURSDAY)
    brief = focus.actions[0]
    assert focus.favour[0] == (brief.id, "")
    assert brief.id == "prepare:round-7:format-technical" and brief.competency_id is None
    assert brief.title == "Rehearse walking through a system you designed"
    assert brief.why == (
        "For your final loop at Tempoline with Mei Tan on Monday (a technical interview): "
        "nothing on record says which competencies it will probe, so prepare for its format."
    )
    # The recurring gaps are prepared for after it, as before.
    assert {a.competency_id for a in focus.actions[1:]} <= {"risk-management", "systems-thinking"}


def test_a_behavioural_round_gets_the_format_brief_only_when_nothing_else_prepares_for_it():
    bare = replace(LOOP, focus=(), asked_before=(), formats=("behavioural",))
    with_gaps = prepare_week(bare, _plan(), STORIES, FRAMEWORK, THURSDAY)
    assert not any(a.id.startswith("prepare:round-7:format") for a in with_gaps.actions)
    nothing = prepare_week(bare, [], [], FRAMEWORK, THURSDAY)
    assert [a.id for a in nothing.actions] == ["prepare:round-7:format-behavioural"]
    assert nothing.actions[0].title == "Pick a story for each competency the role stresses"


def test_a_gap_heard_once_without_a_story_gets_its_mitigation_then_its_story_to_write():
    # A gap heard once that the plan acts on has its story to write in the plan (as a
    # recurring gap has, QA17 F14): the week takes the mitigation, then that story.
    heard_once = [ev("risk-management", GAP, INTERVIEWER, app=1)]
    plan = build_plan(build_profile(heard_once, FRAMEWORK, TODAY), FRAMEWORK, [], [], TODAY)
    (mitigation,) = [a for a in plan if a.kind == ActionKind.MITIGATE]
    (story,) = [a for a in plan if a.kind == ActionKind.STORY]
    assert mitigation.title.endswith("(provisional: heard once)")
    bare = replace(LOOP, focus=(), asked_before=(), formats=("behavioural",))
    focus = prepare_week(bare, plan, [], FRAMEWORK, THURSDAY)
    assert [i for i, _ in focus.favour] == [mitigation.id, story.id]
    assert focus.favour[0][1] == (
        "For your final loop at Tempoline with Mei Tan on Monday: be ready for risk management."
    )


# ------------------------------------------------------------------ by format, and own notes
def test_a_case_interview_gets_a_structured_case_run_not_a_story_answer():
    upcoming = replace(
        LOOP,
        focus=("communication",),
        asked_before=(),
        formats=("case",),
        focus_formats=(("communication", "case"),),
    )
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    (case,) = [a for a in focus.actions if a.competency_id == "communication"]
    assert case.title == "Run a communication case aloud against a timer"
    assert "who the users are, the problems they have, which one to solve first" in case.detail
    assert "metrics" in case.detail and "Lead with one example" not in case.detail


def test_a_case_interview_is_practised_as_a_case_even_with_a_story_to_rehearse():
    upcoming = replace(
        LOOP,
        focus=("risk-management",),
        asked_before=(),
        focus_formats=(("risk-management", "case"),),
    )
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    ids = [a.id for a in focus.actions if a.competency_id == "risk-management"]
    assert ids == [
        "prepare:risk-management:round-7-answer",
        "prepare:risk-management:round-7-story-2",
    ]


@pytest.mark.parametrize(
    ("fmt", "words"),
    [
        ("presentation", "Rehearse the part of your presentation that shows communication"),
        ("technical", "Walk through work that shows communication, aloud in ten minutes"),
        ("practical_exercise", "Do a timed dry run of an exercise that tests communication"),
        ("behavioural", "Practise an answer that shows communication"),
        ("system_design", "Run a timed mock system design that shows communication"),
        ("coding", "Solve timed coding problems that show communication"),
        ("group_exercise", "Practise a group exercise that shows communication"),
    ],
)
def test_each_format_gets_its_own_practice(fmt, words):
    upcoming = replace(
        LOOP, focus=("communication",), asked_before=(), focus_formats=(("communication", fmt),)
    )
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    (practise,) = [a for a in focus.actions if a.competency_id == "communication"]
    assert practise.title == words


def test_what_the_debrief_says_went_badly_is_reworked_first_quoting_it():
    note = WentBadly(
        "Fumbled the 'why PM, why now' question", "Hiring manager", date(2025, 12, 12), 10
    )
    upcoming = replace(LOOP, went_badly=(note,))
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    rework = focus.actions[0]
    assert rework.id == "prepare:round-7:went-badly-10"
    assert rework.title == "Rework what went badly: “Fumbled the 'why PM, why now' question”"
    assert (
        "Your debrief of the hiring manager round (12 Dec) says: “Fumbled the 'why PM"
        in rework.detail
    )
    assert focus.favour[0][0] == rework.id


def test_the_week_never_holds_more_than_two_copies_of_one_template():
    competencies = ("communication", "risk-management", "systems-thinking")
    upcoming = replace(
        LOOP,
        focus=competencies,
        asked_before=(),
        focus_formats=tuple((c, "case") for c in competencies),
    )
    _, week = _week(upcoming, plan=[])
    titles = [a.title for a in week]
    cases = [t for t in titles if t.startswith("Run a ")]
    assert len(cases) == 2 and len(week) <= 5


def test_the_interview_takes_at_most_three_places_while_the_plan_has_other_work():
    competencies = (
        "communication",
        "risk-management",
        "systems-thinking",
        "stakeholder-management",
    )
    upcoming = replace(LOOP, focus=competencies, asked_before=())
    _, week = _week(upcoming)
    assert len(week) == 5
    # Three places for the round's own order of work, two for the plan's turns across kinds:
    # before, all five went to the round's queue (stories and rehearsals only). A gap's story
    # waits for its mitigations (QA13 F12).
    assert {a.kind for a in week} == {"prepare", "mitigate", "lean_in"}


# ------------------------------------------------------------ system-design and coding (QA9 F4)
DESIGN_GAP = FormatFeedback(
    "system_design",
    "System design was shallow on trade-offs: you picked a token bucket quickly.",
    "Stripeline",
    date(2025, 12, 13),
)


def test_a_system_design_interview_is_a_timed_mock_design_naming_earlier_design_feedback():
    upcoming = replace(
        LOOP,
        focus=("systems-thinking",),
        asked_before=(),
        formats=("system_design",),
        focus_formats=(("systems-thinking", "system_design"),),
        format_feedback=(DESIGN_GAP,),
    )
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    mock = next(a for a in focus.actions if a.competency_id == "systems-thinking")
    assert mock.id == "prepare:systems-thinking:round-7-answer"
    for step in (
        "requirements",
        "estimate the scale",
        "API",
        "data model",
        "bottlenecks",
        "failure modes",
        "two or three designs",
        "trade-offs",
        "Forty-five minutes",
    ):
        assert step in mock.detail, step
    assert (
        "Feedback on your system design at Stripeline (13 Dec) said: “System design was "
        "shallow on trade-offs: you picked a token bucket quickly.” Make that" in mock.detail
    )
    assert "Walk through work" not in mock.title and "2-minute" not in mock.detail


def test_a_coding_interview_nothing_is_tagged_on_gets_timed_problems_aloud_beside_the_rest():
    # QA9: the Cobalt onsite has a system-design interview tagged with systems thinking and
    # a coding interview with nothing tagged; the coding one got a behavioural answer only.
    upcoming = replace(
        LOOP,
        focus=("systems-thinking",),
        asked_before=(),
        formats=("system_design", "coding"),
        focus_formats=(("systems-thinking", "system_design"),),
        format_feedback=(
            DESIGN_GAP,
            FormatFeedback("coding", "didn't reach the optimal solution.", "Nimbus", THURSDAY),
        ),
    )
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    coding = next(a for a in focus.actions if a.id == "prepare:round-7:format-coding")
    assert coding.title == "Solve timed coding problems aloud"
    for step in ("clarify", "brute-force solution first", "optimise", "complexity", "edge cases"):
        assert step in coding.detail, step
    assert (
        "Feedback on your coding at Nimbus (1 Jan) said: “didn't reach the optimal solution.”"
        in coding.detail
    )
    assert "”." not in coding.detail
    assert "(a coding interview)" in coding.why
    # The design interview is covered by its tagged competency: no second design brief.
    assert not any(a.id.endswith("format-system_design") for a in focus.actions)
    assert coding.id in dict(focus.favour)


def test_no_feedback_on_the_format_means_no_sentence_about_it():
    upcoming = replace(LOOP, focus=(), asked_before=(), formats=("coding",))
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    brief = focus.actions[0]
    assert brief.id == "prepare:round-7:format-coding" and "Feedback on" not in brief.detail


def test_an_assessment_centre_group_exercise_is_practised_with_others():
    # QA17 F4: the group exercise is where graduates hear "contribute more actively".
    upcoming = replace(LOOP, focus=(), asked_before=(), formats=("group_exercise",))
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    brief = focus.actions[0]
    assert brief.id == "prepare:round-7:format-group_exercise"
    assert brief.title == "Do a mock group exercise with two or three others"
    assert "speak in the first five minutes" in brief.detail
    assert "build on someone's point by name" in brief.detail
    assert "(a group exercise)" in brief.why


def test_a_career_break_on_record_is_rehearsed_once_before_the_interview():
    upcoming = replace(LOOP, career_break="your mentor (November 2025)")
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    rehearse = next(a for a in focus.actions if a.id == "prepare:round-7:career-break")
    assert rehearse.title == "Rehearse your career-break answer once, aloud"
    assert "under 30 seconds and without apologising" in rehearse.detail
    assert "Expect the question: your mentor (November 2025) named the break." in rehearse.detail
    assert rehearse.why.startswith("For your final loop at Tempoline with Mei Tan")
    assert rehearse.id in dict(focus.favour)
    _, week = _week(upcoming)
    assert rehearse.id in [a.id for a in week]
    # Nothing on record: no rehearsal.
    assert not any("career-break" in a.id for a in prepare_week(
        LOOP, _plan(), STORIES, FRAMEWORK, THURSDAY).actions)  # fmt: skip


def test_a_went_badly_note_about_the_break_is_reworked_as_its_rehearsal():
    note = WentBadly(
        "I stumbled when they asked about the gap on my CV and sounded apologetic",
        "Hiring manager",
        date(2025, 12, 12),
        10,
    )
    upcoming = replace(LOOP, went_badly=(note,), career_break="your debrief")
    focus = prepare_week(upcoming, _plan(), STORIES, FRAMEWORK, THURSDAY)
    ids = [a.id for a in focus.actions]
    assert "prepare:round-7:went-badly-10" not in ids
    first = focus.actions[0]
    assert first.id == "prepare:round-7:career-break"
    assert "Your debrief said: “I stumbled when they asked about the gap on my CV" in first.detail
    assert ids.count("prepare:round-7:career-break") == 1


_SAME_DRILL = (
    "Solve two coding problems a day against a 30-minute timer, talking throughout: say the "
    "brute-force solution first, then optimise it, and state its time and space complexity "
    "before you write the code."
)
_OTHER_DRILL = (
    "Before writing code for a practice problem, spend three minutes on questions and edge "
    "cases (empty input, duplicates, huge input), then test your code by hand against each one."
)


def _coding_mitigations():
    """The plan with two problem-solving-like mitigations on systems thinking, as text."""
    plan = _plan()
    first = next(a for a in plan if a.kind == "mitigate" and a.competency_id == "systems-thinking")
    said = first.detail.rsplit("Practise: ", 1)[0]
    same = replace(
        first, id="mitigate:systems-thinking:timed", detail=f"{said}Practise: {_SAME_DRILL}"
    )
    other = replace(
        first,
        id="mitigate:systems-thinking:edges",
        detail=f"{said}Practise: {_OTHER_DRILL}",
        rank=1,
    )
    return [a for a in plan if a.id != first.id] + [same, other], same


def test_a_mitigation_with_the_interview_drill_stands_in_for_it_with_both_reasons():
    # QA13 F12: "Solve timed coding problems aloud" for the onsite and the gap's "Solve two
    # coding problems a day against a 30-minute timer" were two actions for one practice.
    plan, same = _coding_mitigations()
    upcoming = replace(LOOP, focus=(), asked_before=(), formats=("coding",))
    focus = prepare_week(upcoming, plan, STORIES, FRAMEWORK, THURSDAY)
    assert not any(a.id.endswith("format-coding") for a in focus.actions)
    reasons = dict(focus.favour)
    assert reasons[same.id].endswith("(a coding interview): practise it in its own shape.")
    actions, week = _week(upcoming, plan)
    assert not any(a.id.endswith("format-coding") for a in actions)
    shown = next(a for a in week if a.id == same.id)
    assert shown.why.startswith(reasons[same.id]) and shown.why.endswith(same.why)
    assert sum(a.id == same.id for a in week) == 1
    # A different practice of the same gap is no stand-in.
    other = next(a for a in plan if a.id == "mitigate:systems-thinking:edges")
    brief = next(a for a in prepare_week(upcoming, [], STORIES, FRAMEWORK, THURSDAY).actions)
    assert same_drill(brief, same) and not same_drill(brief, other)


def test_a_gaps_story_comes_after_its_mitigations_in_the_week():
    # QA13 F12: "Write a story that shows X" says "Once the mitigations are under way"; the
    # week listed it before them.
    for upcoming in (None, LOOP):
        plan = _plan()
        week = pick_week(plan, THURSDAY) if upcoming is None else _week(upcoming, plan)[1]
        for n, story in enumerate(week):
            if story.kind != "story":
                continue
            later = [
                a.id
                for a in week[n:]
                if a.kind == "mitigate" and a.competency_id == story.competency_id
            ]
            assert later == [], (story.id, [a.id for a in week])


# ------------------------------------------------------------ a sales panel (QA14 F5)
def test_a_sales_panel_is_not_asked_an_engineers_question():
    from nextround.domain.interview_prep import fitting_question
    from nextround.frameworks.files import builtin_framework

    depth = builtin_framework().competency("technical-depth")
    assert depth is not None
    panel = replace(LOOP, round_name="Final panel: sales leadership", formats=("behavioural",))
    asked = fitting_question(depth, panel)
    assert asked is not None and "architecture" not in asked
    # An engineer's round keeps the framework's first question.
    design = replace(LOOP, round_name="Onsite", formats=("system_design",))
    assert fitting_question(depth, design) == depth.questions[0]


def test_a_tagged_gap_without_a_story_rehearses_its_frameworks_sample_question_first():
    # QA20 F7: an imported competency with no practice ideas but a sample question; the plan
    # was built before, so its "write what a strong answer covers" still ranks first.
    bare = replace(SYSTEMS, practice=())
    framework = replace(
        FRAMEWORK,
        competencies=tuple(bare if c.id == SYSTEMS.id else c for c in FRAMEWORK.competencies),
    )
    plan = build_plan(build_profile(EVIDENCE, framework, TODAY), framework, STORIES, [], TODAY)
    mock = next(a for a in plan if a.id == "mitigate:systems-thinking:general-2")
    assert "“Walk me through how a change in one team ripples through the others.”" in mock.detail
    first = next(a for a in plan if a.id == "mitigate:systems-thinking:general-1")
    older = [replace(a, rank=-1) if a.id == first.id else a for a in plan]
    focus = prepare_week(LOOP, older, STORIES, framework, THURSDAY)
    systems = [i for i, _ in focus.favour if i.startswith("mitigate:systems-thinking")]
    assert systems[0] == mock.id
    assert dict(focus.favour)[mock.id].startswith("For your final loop at Tempoline")
    # Not tagged on the interview: the plan's own order stands.
    untagged = prepare_week(replace(LOOP, focus=()), older, STORIES, framework, THURSDAY)
    assert next(i for i, _ in untagged.favour if i.startswith("mitigate:systems")) == first.id


def test_competencies_noted_on_another_framework_are_named_not_said_to_be_unknown():
    # QA20 F11: tagged on the person's imported framework, read on the built-in one.
    elsewhere = NotedElsewhere("priya-uxr", "UX Research (Priya)", ("Service thinking",))
    tagged = replace(LOOP, focus=(), asked_before=(), noted_elsewhere=elsewhere)
    brief = prepare_week(tagged, [], [], FRAMEWORK, THURSDAY).actions[0]
    assert brief.id == "prepare:round-7:format-behavioural"
    assert "nothing on record" not in brief.why
    assert brief.why == (
        "For your final loop at Tempoline with Mei Tan on Monday: the competencies it will "
        "probe are noted on “UX Research (Priya)” (service thinking), not on this framework, "
        "so prepare for its format; choosing that framework back (`nextround framework use "
        "priya-uxr`) prepares your stories for them."
    )
    assert "Once you know which competencies" not in brief.detail


def test_a_recruiter_screen_gets_its_own_answers_ready_first():
    """QA22 F11: a screen asks for the pitch, the motive, pay and timing before any skill."""
    screen = replace(LOOP, round_name="Recruiter screen", kind="screen", focus=(), asked_before=())
    _, week = _week(screen)
    first = week[0]
    assert first.id == "prepare:round-7:screen"
    assert first.title == "Prepare the screen's own answers"
    for said in ("60-second pitch", "why you are looking", "pay expectations", "questions"):
        assert said in first.detail
    assert first.why.startswith("For your recruiter screen at Tempoline")
    # Any other round prepares as before: no screen answers for the final loop.
    _, loop_week = _week()
    assert not any(a.id.endswith(":screen") for a in loop_week)

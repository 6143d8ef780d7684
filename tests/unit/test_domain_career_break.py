"""A career break on record: recognised in words and on a resume, answered in the plan."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.career_break import (
    BreakMention,
    CareerBreak,
    ResumeBreak,
    career_break_actions,
    is_about_career_break,
    resume_break,
)
from nextround.domain.competency import Competency, Framework
from nextround.domain.plan import build_plan
from nextround.domain.positioning import ExperienceReason
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import FRAMEWORK, GAP, INTERVIEWER, MENTOR, RECRUITER, TODAY, ev


@pytest.mark.parametrize(
    "text",
    [
        "Walk me through the gap on your CV.",
        "Can you explain the gap in your resume between 2021 and 2023?",
        "I stumbled when they asked about the gap in my employment history",
        "When you talk about the career break you sound defensive.",
        "Tell us about your career-break.",
        "You took two years out to care for your father, is that right?",
        "What have you been doing since you left the NHS?",
        "How do you feel about returning to work after so long?",
        "Why did you take time out of work?",
        "I took some time off to look after the kids.",
        "She took two years out after her son was born.",
        "Tell me about your sabbatical.",
        "How was your parental leave?",
        "I was caring for my elderly mother.",
        "Is there an employment gap we should know about?",
        "I have been a full-time carer since 2023.",
        "There is a CV gap of 18 months.",
        "What have you been doing for the past six months?",  # QA11 F11
        "What have you been up to over the last couple of years?",
    ],
)
def test_a_break_from_work_is_recognised_in_general_words(text):
    assert is_about_career_break(text)


@pytest.mark.parametrize(
    "text",
    [
        "Walk me through a gap analysis you ran.",
        "There were gaps in your risk thinking.",
        "We saw a skills gap in stakeholder management.",
        "There is a gap in your knowledge of SQL.",
        "Take regular breaks during your preparation.",
        "Keep a simple weekly routine of sleep, exercise and breaks.",
        "Why did you leave your last role?",  # asked of everyone: not a break on its own
        "You left the room to take a call.",
        "The gap between your answer and the question was large.",
        "Tell me about a time you cared for a customer's needs.",
        "The launch took off to a great start.",
        "There is a gap in your track record on delivery.",
        "What have you been doing recently to keep your skills sharp?",  # asked of everyone
        "What have you been doing for the past six months at Acme?",  # in a job: no break
    ],
)
def test_a_gap_in_a_skill_or_a_rest_is_not_a_career_break(text):
    assert not is_about_career_break(text)


NOW = date(2026, 11, 1)


def test_a_role_named_for_the_break_is_the_break_on_the_resume():
    roles = [
        ("Career break — Family carer", "2024-10", "Present"),
        ("Ward Manager, Barts Health", "2015-01", "2024-09"),
    ]
    assert resume_break(roles, NOW) == ResumeBreak(
        "Career break — Family carer", "2024-10 – Present"
    )
    assert resume_break([("Parental leave", "Mar 2022", "Jan 2023")], NOW) is not None
    assert resume_break([("Sabbatical: travel", None, None)], NOW) == ResumeBreak(
        "Sabbatical: travel", ""
    )


def test_six_months_with_no_role_is_a_break_shorter_is_not():
    roles = [("Ops lead", "Sep 2023", "Present"), ("Ward Manager", "2015-01", "2022-03")]
    assert resume_break(roles, NOW) == ResumeBreak(None, "Apr 2022 to Aug 2023")
    close = [("Ops lead", "2022-08", "Present"), ("Ward Manager", "2015-01", "2022-03")]
    assert resume_break(close, NOW) is None  # four months between roles


def test_overlapping_or_unreadable_dates_make_no_gap():
    overlapping = [
        ("A", "2015-01", "2023-12"),
        ("B", "2016-01", "2017-01"),  # ended long before the next, but A ran on
        ("C", "2024-01", "Present"),
    ]
    assert resume_break(overlapping, NOW) is None
    assert resume_break([("A", "sometime", "later"), ("B", "2024-01", "Present")], NOW) is None
    # Bare years are read as the shortest gap they may mean.
    assert resume_break([("A", "2015", "2019"), ("B", "2020", "Present")], NOW) is None


def test_a_gap_between_bare_years_is_said_in_years_not_in_months():
    roles = [("Ops lead", "2021", "Present"), ("Ward Manager", "2015", "2019")]
    found = resume_break(roles, NOW)
    assert found == ResumeBreak(None, "2019 to 2021", length="about two years")
    assert found.no_role == "no role from 2019 to 2021 (about two years)"
    # One side read to the month, the other a bare year: still only known to the year.
    mixed = resume_break([("A", "2015-01", "2019-03"), ("B", "2020", "Present")], NOW)
    assert mixed == ResumeBreak(None, "Mar 2019 to 2020", length="about a year")
    # Both read to the month: the months are known and said.
    precise = resume_break([("A", "2015-01", "2019-03"), ("B", "2021-02", "Present")], NOW)
    assert precise == ResumeBreak(None, "Apr 2019 to Jan 2021")
    assert precise.no_role == "no role from Apr 2019 to Jan 2021"
    actions = career_break_actions(CareerBreak((), found))
    assert "your resume has no role from 2019 to 2021 (about two years)" in actions[0][3]
    assert "Your resume shows no role from 2019 to 2021 (about two years)." in actions[2][2]
    assert "Jan 2020" not in actions[0][3] and "Dec 2020" not in actions[2][2]


ASKED = BreakMention(
    "Walk me through the gap on your CV.",
    "your debrief of the panel interview at Barts Health (15 Oct 2026)",
    date(2026, 10, 15),
    question=True,
)
WENT_BADLY = BreakMention(
    "I stumbled when they asked about the gap on my CV.",
    "your debrief of the panel interview at Barts Health (15 Oct 2026)",
    date(2026, 10, 15),
)
MENTOR_SAID = BreakMention(
    "When you talk about the career break you sound defensive",
    "your mentor (November 2026)",
    date(2026, 11, 10),
)


def test_the_actions_quote_where_the_break_came_up_and_take_the_question_as_prompt():
    record = CareerBreak((ASKED, WENT_BADLY, MENTOR_SAID))
    actions = career_break_actions(record)
    assert [key for key, *_ in actions] == ["answer", "aloud"]  # no resume: no CV line
    _, title, detail, why = actions[0]
    assert title == "Write a two-sentence answer about your career break"
    assert "Take as the prompt: “Walk me through the gap on your CV”." in detail
    assert "no apology" in detail
    assert "your mentor (November 2026) said “When you talk about the career break" in why
    assert (
        "your debrief of the panel interview at Barts Health (15 Oct 2026) logged the question "
        "“Walk me through the gap on your CV” and said “I stumbled" in why
    )
    assert "under 30 seconds" in actions[1][1]


def test_a_break_on_the_resume_gets_a_line_on_the_cv():
    named = career_break_actions(CareerBreak((), ResumeBreak("Career break", "2024 – Present")))
    assert [key for key, *_ in named] == ["answer", "aloud", "cv"]
    assert named[2][1] == "Put one line under the career break on your CV"
    assert "Under “Career break” (2024 – Present)" in named[2][2]
    assert "your resume lists “Career break” (2024 – Present)" in named[2][3]
    gap = career_break_actions(CareerBreak((), ResumeBreak(None, "Apr 2022 to Aug 2023")))
    assert gap[2][1] == "Name the career break on your CV, with one line under it"
    assert "no role from Apr 2022 to Aug 2023" in gap[2][2]


def test_a_break_with_lines_under_it_feeds_the_answer_and_needs_no_cv_line():
    on_resume = ResumeBreak("Career break", "2024 – Present", ("Scheduled 4 carers weekly.",))
    actions = career_break_actions(CareerBreak((), on_resume))
    assert [key for key, *_ in actions] == ["answer", "aloud"]
    assert "Your CV says under the break: “Scheduled 4 carers weekly”." in actions[0][2]


def test_nothing_on_record_gives_no_action():
    assert career_break_actions(None) == []
    assert career_break_actions(CareerBreak()) == []


ROUTINE = "Keep a simple weekly routine of sleep, exercise and breaks and track it for two weeks."
RESILIENCE = Competency(
    id="resilience",
    name="Resilience and composure",
    description="Staying steady under pressure and setbacks.",
    practice=(
        "After each rejection, write down three things you did well and one to improve.",
        "Practise a stress interview with a friend who interrupts you.",
        ROUTINE,
    ),
)
WITH_RESILIENCE = Framework(
    id="test", name="Test framework", competencies=(*FRAMEWORK.competencies, RESILIENCE)
)
DEFENSIVE = "When you talk about the career break you sound defensive."


def _plan(evidence, record):
    profile = build_profile(evidence, WITH_RESILIENCE, TODAY)
    return build_plan(profile, WITH_RESILIENCE, [], [], TODAY, (), record)


def test_feedback_about_the_break_gets_the_breaks_actions_not_a_wellbeing_routine():
    evidence = [
        ev("resilience", GAP, MENTOR, text=DEFENSIVE, origin_id=1),
        ev("resilience", GAP, RECRUITER, app=1, text="You seemed rattled by the gap in your CV."),
    ]
    # Without the record, the words "career break" pick the routine of "breaks": the bug.
    before = _plan(evidence, None)
    assert any(ROUTINE in a.detail for a in before if a.kind == "mitigate")
    plan = _plan(evidence, CareerBreak((MENTOR_SAID,), statements=frozenset({1})))
    assert not any("routine of sleep" in a.detail for a in plan)
    assert not [a for a in plan if a.kind == "mitigate"]  # all its evidence is about the break
    assert [a.id for a in plan if a.kind == "position"] == [
        "position:career-break:answer",
        "position:career-break:aloud",
    ]
    assert all(a.competency_id is None for a in plan if a.kind == "position")


def test_other_evidence_on_the_competency_still_gets_its_practice_citing_only_it():
    evidence = [
        ev("resilience", GAP, MENTOR, text=DEFENSIVE, origin_id=1),
        # Split from the same sentence: its clause alone names no break.
        ev("resilience", GAP, MENTOR, text="own it in one or two sentences", origin_id=2),
        ev("resilience", GAP, INTERVIEWER, app=1, text="Got flustered when interrupted."),
        ev("resilience", GAP, RECRUITER, app=2, text="Lost composure under pressure."),
    ]
    plan = _plan(evidence, CareerBreak((MENTOR_SAID,), statements=frozenset({1, 2})))
    mitigations = [a for a in plan if a.kind == "mitigate"]
    assert mitigations
    assert not any("career break" in a.detail or "own it" in a.detail for a in mitigations)
    # The words of the break no longer rank the routine of "breaks" first.
    assert ROUTINE not in mitigations[0].detail


FINCH = ExperienceReason(
    "Went with a candidate with prior PM experience",
    "the decision at Finch Bank (24 Oct 2026)",
    "Finch Bank",
    "Product Manager, Payments",
    date(2026, 10, 24),
)


def test_the_break_and_a_rejection_for_experience_take_turns_in_the_plan():
    profile = build_profile([], FRAMEWORK, TODAY)
    plan = build_plan(profile, FRAMEWORK, [], [], TODAY, [FINCH], CareerBreak((ASKED,)))
    assert [a.id for a in plan] == [
        "position:experience:pitch",
        "position:career-break:answer",
        "position:experience:why-now",
        "position:career-break:aloud",
    ]
    # The record gone, its open actions leave the plan.
    assert build_plan(profile, FRAMEWORK, [], plan, TODAY, [FINCH]) == [
        a for a in plan if "experience" in a.id
    ]

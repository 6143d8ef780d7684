"""What a logged question probed on the framework in use: one reading for the CLI and the web."""

from __future__ import annotations

from nextround.cli.render import question_lines
from nextround.domain.competency import CompetencyMatch
from nextround.domain.debrief import Debrief, DebriefQuestion
from nextround.domain.question_verdict import VerdictState, question_verdict
from nextround.domain.tagging import Tagging
from tests.unit.growth_fixtures import FRAMEWORK


def _question(tagging: Tagging, framework_id: str = "test") -> DebriefQuestion:
    question = DebriefQuestion("How would you de-risk the migration?")
    question.tag_on(framework_id, tagging)
    return question


def test_a_suggestion_shows_the_confidence_of_its_top_match():
    found = (CompetencyMatch("risk-management", 0.736), CompetencyMatch("communication", 0.2))
    verdict = question_verdict(_question(Tagging(("risk-management",), found)), FRAMEWORK)
    assert verdict.state is VerdictState.SUGGESTED and not verdict.confirmed
    assert verdict.names == ("Risk management",)
    assert verdict.percent == "73%"  # truncated, as the page always showed it
    assert verdict.status == "suggested (73%)"
    assert (verdict.first, verdict.second) == ("risk-management", None)


def test_a_suggestion_that_is_not_the_top_match_shows_no_confidence():
    # Read on another framework and back: the choice is no longer the top match.
    found = (CompetencyMatch("communication", 0.6),)
    verdict = question_verdict(_question(Tagging(("risk-management",), found)), FRAMEWORK)
    assert verdict.confidence is None and verdict.percent == ""
    assert verdict.status == "suggested"


def test_a_confirmed_question_shows_no_confidence_and_may_be_about_no_competency():
    found = (CompetencyMatch("risk-management", 0.9),)
    two = question_verdict(
        _question(Tagging(("risk-management", "systems-thinking"), found, confirmed=True)),
        FRAMEWORK,
    )
    assert two.confirmed and two.confidence is None and two.status == "confirmed"
    assert two.probed == "Risk management, Systems thinking"
    assert (two.first, two.second) == ("risk-management", "systems-thinking")
    none = question_verdict(_question(Tagging((), found, confirmed=True)), FRAMEWORK)
    assert none.confirmed and none.probed == "" and none.first is None


def test_a_question_mapped_on_another_framework_only_says_so():
    question = _question(Tagging(("earn-trust",), (CompetencyMatch("earn-trust", 0.5),)), "acme")
    verdict = question_verdict(question, FRAMEWORK)
    assert verdict.state is VerdictState.ELSEWHERE and verdict.elsewhere
    assert verdict.status == "mapped on another framework"
    # Confirmed about no competency here, it is this framework's verdict that counts.
    question.confirm("test", FRAMEWORK.ids, [])
    assert question_verdict(question, FRAMEWORK).state is VerdictState.CONFIRMED


def test_nothing_found_is_no_clear_competency():
    verdict = question_verdict(_question(Tagging()), FRAMEWORK)
    assert verdict.state is VerdictState.UNCLEAR and verdict.status == "no clear competency"


def test_a_combination_the_pickers_cannot_show_is_offered_whole():
    three = ("risk-management", "systems-thinking", "communication")
    verdict = question_verdict(_question(Tagging(three, (), confirmed=True)), FRAMEWORK)
    assert not verdict.pickable and verdict.first is None and verdict.second is None
    # One the framework lacks (a legacy id) keeps its id as its name.
    legacy = question_verdict(_question(Tagging(("gone",), (), confirmed=True)), FRAMEWORK)
    assert not legacy.pickable and legacy.names == ("gone",)


def test_the_command_line_shows_each_verdict_with_the_same_confidence():
    debrief = Debrief(interview_id=7, overall=3)
    debrief.questions = [
        _question(Tagging(("risk-management",), (CompetencyMatch("risk-management", 0.736),))),
        _question(Tagging(("communication",), (), confirmed=True)),
        _question(Tagging((), (), confirmed=True)),
        _question(Tagging()),
        _question(Tagging(("earn-trust",), (CompetencyMatch("earn-trust", 0.5),)), "acme"),
    ]
    said = [line.split("→ ")[1].removesuffix("[/]") for line in question_lines(debrief, FRAMEWORK)]
    assert said == [
        "Risk management? (suggested, 73%)",
        "Communication (confirmed)",
        "no competency (confirmed)",
        "no clear competency",
        "mapped on another framework",
    ]


def test_a_question_about_a_career_break_says_the_plan_prepares_its_answer():
    asked = DebriefQuestion("Walk me through the gap on your CV.")
    asked.tag_on("test", Tagging((), (), confirmed=True))
    verdict = question_verdict(asked, FRAMEWORK)
    assert verdict.use == "about your career break: your plan prepares the answer to it"
    debrief = Debrief(interview_id=1, overall=2, questions=[asked])
    assert (
        "no competency (confirmed); about your career break"
        in question_lines(debrief, FRAMEWORK)[0]
    )
    skill = DebriefQuestion("Walk me through a gap analysis you ran.")
    assert question_verdict(skill, FRAMEWORK).use == ""


def test_a_guess_under_the_clear_match_bar_reads_as_no_clear_competency():
    from nextround.services.debriefs import question_tags

    found = (CompetencyMatch("risk-management", 0.07), CompetencyMatch("communication", 0.05))
    # An old record holding the guess as its reading, and a new one mapped today.
    for tagging in (Tagging(("risk-management",), found), question_tags(found)):
        verdict = question_verdict(_question(tagging), FRAMEWORK)
        assert verdict.state is VerdictState.UNCLEAR
        assert verdict.competencies == () and verdict.status == "no clear competency"
    # Mapped today, confirming it as it is files no guess; the suggestions stay on record.
    assert question_tags(found).competencies == ()
    assert question_tags(found).suggestions == found
    assert question_tags((CompetencyMatch("risk-management", 0.15),)).competencies == (
        "risk-management",
    )

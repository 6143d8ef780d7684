"""Story precision checks, speaking-time maths and the competency coverage matrix."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nextround.domain.stories import (
    CHECKS,
    Severity,
    Story,
    StorySummary,
    check_story,
    coverage,
    stories_showing,
)
from nextround.errors import DomainError
from nextround.frameworks.files import builtin_framework
from tests.unit.growth_fixtures import FRAMEWORK

BUILTIN = builtin_framework()


def _tagged(ident: int, title: str, *tags: str, on: str = FRAMEWORK.id) -> Story:
    return Story(title=title, competencies=list(tags), framework_id=on, id=ident)


GOOD = Story(
    title="Cutting carrier onboarding",
    situation="Onboarding a new carrier took nine weeks and 14 carriers were waiting.",
    task="The COO asked me to halve it within two quarters.",
    action=(
        "I mapped all 31 steps with the five teams involved and found 11 hand-offs waiting "
        "on e-mail. I replaced them with one intake form and a weekly stand-up that I chaired, "
        "and I built a shared dashboard so every team saw the same queue."
    ),
    result="Onboarding fell from nine weeks to four, and we won back a tender worth €1.2M.",
    competencies=["process-design", "ownership"],
)


def _story(**fields: str) -> Story:
    base = {
        "situation": GOOD.situation,
        "task": GOOD.task,
        "action": GOOD.action,
        "result": GOOD.result,
    }
    base.update(fields)
    return Story(title="t", **base)


def _findings(story: Story, check: str, budget: int = 120) -> list[tuple[Severity, str]]:
    return [
        (f.severity, f.message) for f in check_story(story, budget).findings if f.check == check
    ]


def test_a_precise_story_passes_every_check() -> None:
    result = check_story(GOOD)
    assert result.findings == ()
    assert result.passed == CHECKS
    assert result.score == 1.0
    assert result.ready
    assert result.i_count == 4 and result.we_count == 0  # "we won" is in the result


# ---------------------------------------------------------------------------------- numbers
def test_numbers_count_digits_percentages_money_and_spelled_out_quantities() -> None:
    story = _story(
        situation="In 2023 we ran 4 sites with 1,900 picker hours lost, about twelve people.",
        task="Cut €410k of cost, 3% of the budget, in half a year.",
        action="I did it.",
        result="Saved $2.5m.",
    )
    assert check_story(story).numbers == (
        "4", "1,900", "twelve", "€410k", "3%", "half", "$2.5m"
    )  # fmt: skip


def test_a_year_or_the_word_one_is_not_a_number() -> None:
    story = _story(
        situation="In 2023 one of our clients was unhappy.",
        task="Fix it.",
        action="I fixed it.",
        result="It was fixed and launched.",
    )
    result = check_story(story)
    assert result.numbers == ()
    assert _findings(story, "numbers")[0][0] is Severity.PROBLEM


# ------------------------------------------------------------------------------ own actions
def test_we_only_action_is_a_problem() -> None:
    story = _story(action="We had meetings and we worked with IT. Our plan was good for us.")
    ((severity, message),) = _findings(story, "own_actions")
    assert severity is Severity.PROBLEM
    assert "'we' 4 times and 'I' never" in message
    ((_, once),) = _findings(_story(action="We shipped it."), "own_actions")
    assert "'we' once and 'I' never" in once


def test_we_heavy_action_is_a_warning_and_i_heavy_passes() -> None:
    heavy = _story(action="We planned it, we built it and I chaired our review.")
    assert _findings(heavy, "own_actions")[0][0] is Severity.WARNING
    assert check_story(heavy).i_count == 1 and check_story(heavy).we_count == 3
    mine = _story(action="I planned it and I’m the one who chaired our review with my team.")
    assert _findings(mine, "own_actions") == []
    assert check_story(mine).i_count == 3


def test_the_us_is_not_us() -> None:
    story = _story(action="I opened the US market and I hired the team.")
    assert check_story(story).we_count == 0


def test_an_empty_action_is_a_problem_whose_fix_says_what_to_write() -> None:
    (finding,) = [f for f in check_story(_story(action="")).findings if f.check == "own_actions"]
    assert finding.severity is Severity.PROBLEM
    assert finding.message == "The action is empty: the story does not say what you did."
    assert finding.fix.startswith("Write what you did yourself, step by step")


# ----------------------------------------------------------------------------------- result
def test_result_rules() -> None:
    assert _findings(_story(result=""), "result")[0][0] is Severity.PROBLEM
    no_outcome = _story(result="In the end it went well and everybody was happy.")
    assert _findings(no_outcome, "result") == [
        (Severity.WARNING, "The result does not say what changed.")
    ]
    outcome_no_number = _story(result="The refresh was approved by finance.")
    assert _findings(outcome_no_number, "result")[0][0] is Severity.INFO
    assert "result" in check_story(outcome_no_number).passed
    assert _findings(_story(result="Pick rates went up 6%."), "result") == []


# ------------------------------------------------------------------------------ vague words
def test_one_or_two_vague_words_are_a_tip_three_a_warning() -> None:
    tip = _story(task="The COO asked me to halve it, basically.")
    assert _findings(tip, "vague_words")[0][0] is Severity.INFO
    assert "vague_words" in check_story(tip).passed
    generic = _story(task="I helped with various things, a lot of stuff, etc.")
    ((severity, message),) = _findings(generic, "vague_words")
    assert severity is Severity.WARNING
    assert check_story(generic).vague_words == (
        "helped",
        "various",
        "things",
        "a lot",
        "stuff",
        "etc",
    )
    assert message.startswith("Vague wording (6x)")


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        # The phrases coaches strike first: success claimed, never described.
        ("It went really well and everyone was happy.", ["went really well", "everyone was happy"]),
        ("We decided to sunset it. We communicated it well.", ["communicated it well"]),
        ("I handled the rollout very well.", ["handled the rollout very well"]),
        ("The launch was very successful.", ["very successful"]),
        ("It was a huge success.", ["a huge success"]),
        ("The client was delighted.", ["the client was delighted"]),
        ("Everybody was on board.", ["everybody was on board"]),
        # A comparative promising a size is vague only with no number in its sentence.
        ("Latency got significantly better.", ["significantly better"]),
        ("Checkout was substantially improved.", ["substantially improved"]),
        ("The pipeline ran dramatically faster.", ["dramatically faster"]),
        ("Pages loaded much faster.", ["much faster"]),
        ("We got positive feedback.", ["positive feedback"]),
        ("It got much faster. It now takes 3 s.", ["much faster"]),
    ],
)
def test_vague_outcome_and_intensifier_phrases_are_found(text: str, vague: list[str]) -> None:
    assert list(check_story(_story(result=text)).vague_words) == vague


@pytest.mark.parametrize(
    "text",
    [
        "I cut latency significantly, from 900 ms to 120 ms.",
        "Checkout conversion improved substantially, from 2.1% to 3.4%.",
        "Pages loaded much faster: 1.2 s instead of 4 s.",
        "Positive feedback from 12 of 14 pilot customers.",
        "I shipped it well ahead of the deadline.",
        "I wrote the runbook as well.",
        "It is a well-known failure mode.",
        "Onboarding fell from nine weeks to four.",
    ],
)
def test_precise_or_unrelated_wording_is_not_vague(text: str) -> None:
    assert check_story(_story(result=text)).vague_words == ()


def test_the_vaguest_result_is_a_warning() -> None:
    story = _story(
        action="I looked at the data and talked to 9 customers. We communicated it well.",
        result="It went really well and everyone was happy.",
    )
    ((severity, message),) = _findings(story, "vague_words")
    assert severity is Severity.WARNING
    assert message == (
        "Vague wording (3x): 'communicated it well', 'went really well', 'everyone was happy'."
    )


def test_vague_words_match_whole_words_only() -> None:
    assert check_story(_story(task="Handsome somersault; manyfold thingsboard.")).vague_words == ()


# ---------------------------------------------------------------------------- speaking time
def _words(n: int) -> Story:
    # 10 "I" in the action so it passes its own check; the rest is filler words.
    return Story(
        title="t",
        situation="",
        task="",
        action=" ".join(["I"] * 10 + ["plan"] * (n - 16)),
        result="Launched 4 sites with 3 teams.",
    )


def test_speaking_time_is_words_at_150_a_minute() -> None:
    # 300 words / 150 wpm = 2 min = 120 s, exactly the default budget: fine.
    at_budget = check_story(_words(300))
    assert at_budget.words == 300
    assert at_budget.speaking_seconds == pytest.approx(120.0)
    assert _findings(_words(300), "length") == []
    # 301 words = 120.4 s: over budget, still within 1.5x -> a warning to trim 1 word.
    over = check_story(_words(301))
    ((finding),) = [f for f in over.findings if f.check == "length"]
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "301 words take about 2 min at 150 words a minute; the budget is 2 min."
    )
    assert finding.fix.startswith("Cut about 1 words")
    # 451 words = 180.4 s > 1.5 x 120 s: a problem.
    assert _findings(_words(451), "length")[0][0] is Severity.PROBLEM


def test_the_budget_is_a_parameter() -> None:
    # 200 words = 80 s: fine for 2 minutes, too long for one.
    assert _findings(_words(200), "length", budget=120) == []
    ((severity, message),) = _findings(_words(200), "length", budget=60)
    assert severity is Severity.WARNING
    assert message == "200 words take about 1 min 20 s at 150 words a minute; the budget is 1 min."


def test_a_story_far_under_the_budget_is_not_ready() -> None:
    tiny = Story(title="t", action="I did it.", result="Saved 5 days.")
    ((severity, message),) = _findings(tiny, "length")
    assert severity is Severity.PROBLEM
    assert message == (
        "At about 2 s the story is far too short for a 2 min answer: there is no room to "
        "show how you did it."
    )
    # Under an eighth of the budget (15 s) a problem, under a quarter (30 s) a warning,
    # and a crisp third of it is fine.
    assert _findings(_words(37), "length")[0][0] is Severity.PROBLEM  # 14.8 s
    ((severity, message),) = _findings(_words(60), "length")  # 24 s
    assert severity is Severity.WARNING
    assert message.startswith("At about 24 s the story is short for a 2 min answer")
    assert _findings(_words(75), "length") == []  # 30 s
    # The budget sets the bar: 24 s is a fine answer for a 1-minute budget... nearly.
    assert _findings(_words(60), "length", budget=60) == []


def test_a_story_that_is_mostly_set_up_is_unbalanced() -> None:
    story = _story(situation=" ".join(["context"] * 80))
    ((severity, message),) = _findings(story, "balance")
    assert severity is Severity.WARNING
    assert "of the story" in message


# -------------------------------------------------------------------------- score and ready
def test_the_score_takes_each_finding_s_cost_off_100() -> None:
    vague = Story(
        title="Bringing the teams together",
        situation="There were a lot of teams and not everyone was on the same page.",
        task="We needed to make sure everybody was aligned.",
        action="We had a lot of meetings and we worked closely together.",
        result="In the end it went well.",
    )
    result = check_story(vague)
    assert set(result.passed) == {"balance"}
    assert not result.ready
    assert {f.check for f in result.findings if f.severity is Severity.PROBLEM} == {
        "numbers",
        "own_actions",
    }
    # 40 + 30 + 20 + 20 + 15 = 125 points, more than the 80 findings may take from a story
    # whose four parts all say something: it keeps its floor, and the output says why.
    assert result.costs == [
        ("your own actions", 40),
        ("numbers", 30),
        ("a result", 20),
        ("length", 20),
        ("vague words", 15),
    ]
    assert result.floor == 20 and result.score == pytest.approx(0.20)
    assert result.floor_note is not None and "add up to 125 points" in result.floor_note
    assert result.to_json()["ready"] is False and result.to_json()["floor"] == 20
    assert [f["cost"] for f in result.to_json()["findings"]] == [30, 40, 20, 15, 20]
    # A tip costs 5 and leaves the story ready.
    tip = check_story(
        _story(
            result="The queue was cleared by the end of the quarter, and sales won back a tender."
        )
    )
    assert tip.ready and tip.score == pytest.approx(0.95)
    assert tip.costs == [("a result", 5)]


# QA7: an all-"we" migration story scored 83%, a resume line with a task and a result 100%.
KUBERNETES = Story(
    title="Kubernetes migration",
    situation=(
        "Our 120 services ran on hand-built VMs across two data centres, deploys took a day, "
        "and infra cost $4.4M a year."
    ),
    task="Move everything to Kubernetes within a year without customer-facing downtime.",
    action=(
        "We built a migration plan with the platform and security teams, we ran pilots with "
        "two product teams to find the gaps in tooling, and we moved 120 services in four "
        "waves, the riskiest last. We held weekly reviews with every team lead and kept a "
        "rollback path for each wave."
    ),
    result="Infra cost fell by 32% ($1.4M a year) with zero customer-facing downtime.",
)
FROM_RESUME = Story(
    title="Grew the platform org",
    situation="At Lumora Payments, as Senior Engineering Manager, Platform (2021 – 2026).",
    task="Scale the org for a 3x product roadmap.",
    action="Grew the platform org from 12 to 45 engineers across 6 teams, hiring 4 EMs.",
    result="45 engineers, 6 teams, attrition under 8%.",
)


def test_a_weak_but_complete_story_scores_above_a_near_empty_one_and_empty_is_lowest() -> None:
    """A weak story scored 0%, as an empty one does: the four written parts keep a floor."""
    weak = Story(
        title="Bringing the teams together",
        situation="There were a lot of teams and not everyone was on the same page at all.",
        task="We needed to make sure everybody was aligned on the plan.",
        action="We had a lot of meetings and we worked closely together on everything, "
        "and we made sure everybody was happy with how it went in the end.",
        result="In the end it went well and everybody was happy.",
    )
    near_empty = Story(title="Teams", situation="Lots of teams.", task="Align them.")
    one_word = Story(title="Teams", situation="Teams")
    empty = Story(title="Teams")
    scores = [check_story(s).score for s in (weak, near_empty, one_word, empty)]
    assert sum(f.cost for f in check_story(weak).findings) > 100  # the costs alone say 0
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4, scores
    assert scores[0] == pytest.approx(0.20) and scores[-1] == 0
    assert check_story(empty).floor_note is None  # nothing written, nothing kept
    # The floor never lifts a story past the caps: a problem still keeps it at 70% or less.
    assert check_story(weak).floor <= 100 - 30 - 15 - 30


def test_the_floor_only_lifts_a_score_the_costs_would_sink() -> None:
    result = check_story(KUBERNETES)  # 60% on its costs, above its floor of 20
    assert result.floor == 20 and result.floor_note is None
    assert result.score == pytest.approx(0.60)


def test_an_all_we_story_with_a_problem_scores_no_more_than_70() -> None:
    result = check_story(KUBERNETES)
    ((severity, message),) = _findings(KUBERNETES, "own_actions")
    assert severity is Severity.PROBLEM and "'I' never: your part is invisible" in message
    assert result.score == pytest.approx(0.60) and not result.ready
    assert result.costs == [("your own actions", 40)]


def test_a_resume_line_with_no_step_of_your_own_is_far_from_ready() -> None:
    result = check_story(FROM_RESUME)
    assert (result.i_count, result.we_count) == (0, 0)
    ((severity, message),) = _findings(FROM_RESUME, "own_actions")
    assert severity is Severity.PROBLEM
    assert message == ("The action never says 'I': it tells what happened, not the steps you took.")
    assert result.speaking_seconds < 20
    assert [f.severity for f in result.findings if f.check == "length"] == [Severity.WARNING]
    assert result.costs == [("your own actions", 40), ("length", 20)]
    assert result.score == pytest.approx(0.40) and not result.ready


def test_my_team_or_for_me_is_no_step_of_your_own() -> None:
    story = _story(action="My team mapped all 31 steps and my manager approved the new form.")
    ((severity, message),) = _findings(story, "own_actions")
    assert severity is Severity.PROBLEM
    assert message == (
        "The action never says 'I' (only 'my' or 'me'): it tells what happened, not the "
        "steps you took."
    )
    assert check_story(story).i_count == 2  # still counted as "I" against "we"
    ours = _story(action="We mapped all 31 steps with me in the room.")
    assert "'we' once and 'I' never (only 'my' or 'me')" in _findings(ours, "own_actions")[0][1]
    assert (
        _findings(_story(action="I'd mapped all 31 steps before the review."), "own_actions") == []
    )


#: Stories spanning every finding the checks make, for the rules every score keeps.
VARIED = [
    GOOD,
    KUBERNETES,
    FROM_RESUME,
    Story(title="empty"),
    _story(action=""),
    _story(result=""),
    _story(result="In the end it went well and everybody was happy."),
    _story(result="The refresh was approved by finance."),
    _story(task="The COO asked me to halve it, basically."),
    _story(task="I helped with various things, a lot of stuff, etc."),
    _story(situation=" ".join(["context"] * 80)),
    _story(task="Fix it."),
    _story(action="We planned it, we built it and I chaired our review."),
    _story(situation="Onboarding took long.", task="Halve it.", result="It was halved."),
    _words(37),
    _words(60),
    _words(301),
    _words(451),
]


@pytest.mark.parametrize("story", VARIED, ids=lambda s: s.title)
def test_every_score_says_what_a_coach_would(story: Story) -> None:
    """A problem keeps a story at 70% or less, a warning at 85% or less; ready is 90%+."""
    result = check_story(story)
    severities = {f.severity for f in result.findings}
    if Severity.PROBLEM in severities:
        assert result.score <= 0.70
    if severities & {Severity.PROBLEM, Severity.WARNING}:
        assert not result.ready and result.score <= 0.85
    if result.ready:
        assert result.score >= 0.90
    for finding in result.findings:
        least, most = {
            Severity.PROBLEM: (30, 100),
            Severity.WARNING: (15, 20),
            Severity.INFO: (5, 5),
        }[finding.severity]
        assert least <= finding.cost <= most, finding
    assert sum(points for _, points in result.costs) == sum(f.cost for f in result.findings)


# ---------------------------------------------------------------------------------- entity
def test_story_check_normalises_and_validates() -> None:
    story = Story(
        title="  Scanner refresh ", result="   ", competencies=["Communication", "communication"]
    )
    story.check()
    assert story.title == "Scanner refresh"
    assert story.result == ""
    assert story.competencies == ["communication"]
    with pytest.raises(DomainError, match="story title is required"):
        Story(title=" ").check()
    with pytest.raises(DomainError, match="limit is 10,000"):
        Story(title="t", action="x" * 10_001).check()


def test_summary_carries_readiness_and_the_first_fix() -> None:
    assert GOOD.summary(BUILTIN) == StorySummary(
        id=None, title=GOOD.title, competencies=("process-design", "ownership")
    )
    draft = Story(title="Draft", action="We did it.", competencies=["communication"], id=7)
    summary = draft.summary(BUILTIN)
    assert not summary.ready
    assert summary.first_fix is not None and summary.first_fix.startswith("Add the figures")


# -------------------------------------------------------------------------------- coverage
def test_coverage_marks_spikes_and_gaps_without_enough_stories() -> None:
    stories = [
        _tagged(1, "Stand-up", "stakeholder-management", "communication"),
        _tagged(2, "Scanner", "stakeholder-management"),
        _tagged(3, "Escalation", "communication"),
    ]
    matrix = coverage(
        stories,
        FRAMEWORK,
        spikes=["stakeholder-management", "communication"],
        gaps=["risk-management", "systems-thinking"],
    )
    rows = {r.competency_id: r for r in matrix.rows}
    assert [r.competency_id for r in matrix.rows] == [c.id for c in FRAMEWORK.competencies]
    assert rows["stakeholder-management"].cells == (True, True, False)
    assert rows["stakeholder-management"].missing == 0
    assert rows["communication"].count == 2
    assert rows["risk-management"].needed == 1 and rows["risk-management"].missing == 1
    assert [r.competency_id for r in matrix.uncovered] == ["risk-management", "systems-thinking"]
    assert [r.competency_id for r in matrix.short] == ["risk-management", "systems-thinking"]
    one = coverage(stories[:1], FRAMEWORK, spikes=["communication"])
    assert [r.competency_id for r in one.short] == ["communication"]
    assert one.uncovered == []
    assert one.to_json()["stories"] == [{"id": 1, "title": "Stand-up", "ready": True}]


def test_coverage_tells_ready_stories_from_drafts_and_counts_only_ready_ones() -> None:
    # QA16 Q13: a story the checker calls not ready covered a recurring gap.
    stories = [
        _tagged(1, "Board escalation", "stakeholder-management"),
        _tagged(2, "Lyon hub", "stakeholder-management", "communication"),
    ]
    matrix = coverage(stories, FRAMEWORK, gaps=["stakeholder-management"], ready=[False, True])
    rows = {r.competency_id: r for r in matrix.rows}
    row = rows["stakeholder-management"]
    assert (row.count, row.drafts, row.missing) == (1, 1, 0)
    assert row.is_draft(0) and not row.is_draft(1)
    assert row.count_label == "1 ready + 1 not ready (1 needed)"
    drafts_only = coverage(stories[:1], FRAMEWORK, gaps=["stakeholder-management"], ready=[False])
    bare = drafts_only.rows[[r.competency_id for r in drafts_only.rows].index(row.competency_id)]
    assert (bare.count, bare.drafts, bare.missing) == (0, 1, 1)
    assert bare in drafts_only.uncovered and bare in drafts_only.shown
    assert drafts_only.to_json()["stories"][0]["ready"] is False


def test_coverage_knows_what_it_still_waits_for() -> None:
    stories = [
        _tagged(1, "Stand-up", "communication"),
        _tagged(2, "Draft"),
        _tagged(3, "Elsewhere", "a-competency-of-another-framework", on="another"),
    ]
    bare = coverage(stories, FRAMEWORK)
    assert not bare.has_targets
    assert bare.untagged == [2, 3]  # nothing this framework knows is confirmed
    assert bare.elsewhere == (3,)  # and one is tagged on another framework
    assert [r.competency_id for r in bare.shown] == ["communication"]
    assert bare.to_json()["untagged"] == [2, 3]
    gaps = coverage(stories, FRAMEWORK, gaps=["risk-management"])
    assert gaps.has_targets
    assert [r.competency_id for r in gaps.shown] == ["risk-management", "communication"]
    empty = coverage([], FRAMEWORK)
    assert empty.untagged == [] and empty.shown == [] and not empty.has_targets


def test_gaps_heard_once_and_probed_competencies_need_a_story_and_say_why() -> None:
    from datetime import date

    stories = [_tagged(1, "Stand-up", "communication")]
    onsite = date(2026, 12, 3)
    matrix = coverage(
        stories,
        FRAMEWORK,
        heard_once=["risk-management", "communication"],
        probed={"risk-management": onsite, "systems-thinking": onsite},
    )
    rows = {r.competency_id: r for r in matrix.rows}
    # Before, neither a heard-once gap nor a probed competency needed a story: "none needs one".
    assert matrix.has_targets
    assert [r.competency_id for r in matrix.uncovered] == ["risk-management", "systems-thinking"]
    assert rows["risk-management"].reason == "gap heard once, probed at the interview on Thu 3 Dec"
    assert rows["systems-thinking"].reason == "probed at the interview on Thu 3 Dec"
    assert rows["communication"].reason == "gap heard once" and rows["communication"].missing == 0
    assert rows["risk-management"].to_json()["probed_on"] == "2026-12-03"
    recurring = coverage(stories, FRAMEWORK, spikes=["communication"], gaps=["risk-management"])
    assert [r.reason for r in recurring.shown] == ["recurring gap", "spike"]


def test_stories_showing_accepts_stories_and_summaries() -> None:
    summary = GOOD.summary(BUILTIN)
    assert stories_showing([GOOD, summary], "ownership") == [GOOD, summary]
    assert stories_showing([GOOD], "risk-management") == []


def test_a_story_without_action_fails_once_and_leaves_the_balance_unchecked() -> None:
    story = Story(title="t", situation="s", task="", action="", result="We cut costs by 20%.")
    result = check_story(story)
    # One finding for the one thing missing, not a second one about proportions.
    assert [f.check for f in result.findings if f.severity is not Severity.INFO] == ["own_actions"]
    assert result.unchecked == ("balance",)
    assert "balance" not in result.passed and "own_actions" not in result.passed
    # No action is the heaviest cost short of no story: 60 points. Its shortness is the
    # same fault, so the length check says nothing more.
    assert result.costs == [("your own actions", 60)]
    assert result.score == pytest.approx(0.40)


def test_an_empty_story_passes_nothing_and_says_what_to_write() -> None:
    result = check_story(Story(title="Only title"))
    assert result.words == 0
    assert result.passed == ()
    assert result.score == 0
    assert not result.ready
    assert result.unchecked == ("numbers", "vague_words", "balance")
    assert result.waiting_for_text == "numbers, vague words, balance"
    # The page is empty: the first finding says how to write the story, and no finding
    # talks about a set-up, an outcome or "one more detail" that is not there.
    assert [(f.check, f.severity) for f in result.findings] == [
        ("length", Severity.PROBLEM),
        ("own_actions", Severity.PROBLEM),
        ("result", Severity.PROBLEM),
    ]
    assert result.findings[0].message == "The story has no words yet."
    assert result.findings[0].fix.startswith("Write it in four parts")
    words = " ".join(f.message + " " + f.fix for f in result.findings)
    assert "set-up and outcome" not in words and "one more" not in words
    assert result.to_json()["passed"] == []
    assert result.to_json()["unchecked"] == ["numbers", "vague_words", "balance"]
    assert Story(title="Only title").summary(BUILTIN).first_fix == result.findings[0].fix


def test_a_story_with_only_a_situation_checks_what_is_written() -> None:
    result = check_story(Story(title="t", situation="The carriers waited in 2023."))
    assert result.unchecked == ("balance",)
    # "2023" is a year, not a figure: the numbers check reads the text and fails it.
    assert {"numbers", "own_actions", "result"} <= {
        f.check for f in result.findings if f.severity is Severity.PROBLEM
    }
    assert result.passed == ("vague_words", "length")


# ---------------------------------------------------------------------------- thin parts
def test_a_four_second_story_with_a_one_word_situation_is_not_ready() -> None:
    story = Story(
        title="PG story", situation="x", task="y", action="I did 3 things", result="cut 5 days"
    )
    result = check_story(story)
    assert not result.ready and "balance" not in result.passed
    ((severity, message),) = _findings(story, "balance")
    assert severity is Severity.WARNING
    assert message == (
        "Too thin to tell: the situation (1 word), the task (1 word), the action (4 words) "
        "and the result (3 words) say almost nothing."
    )


def test_only_the_thin_part_is_named() -> None:
    ((_, message),) = _findings(_story(task="Fix it."), "balance")
    assert message == "Too thin to tell: the task (2 words) says almost nothing."
    assert _findings(_story(task="The COO asked me."), "balance") == []  # 4 words: enough
    assert check_story(GOOD).ready


def test_an_empty_action_or_result_is_not_called_thin_as_well() -> None:
    assert _findings(_story(result=""), "balance") == []
    assert "balance" not in {f.check for f in check_story(_story(result="")).findings}


def test_coverage_counts_stories_against_those_needed() -> None:
    stories = [_tagged(1, "a", "risk-management"), _tagged(2, "b", "risk-management")]
    matrix = coverage(stories, FRAMEWORK, spikes=["communication"], gaps=["risk-management"])
    labels = {r.competency_id: r.count_label for r in matrix.rows}
    assert labels["risk-management"] == "2 (1 needed)"
    assert labels["communication"] == "0 (2 needed)"
    assert labels["systems-thinking"] == "0"


def test_speaking_time_reads_minutes_and_seconds_everywhere() -> None:
    from nextround.domain.story_checks import clock_time

    # One format for the CLI and the web (QA8 F10: the web said "about 0.8 min").
    assert [clock_time(s) for s in (47.4, 59.6, 125, 0)] == ["0:47", "1:00", "2:05", "0:00"]


def test_the_fixes_give_examples_from_study_and_part_time_work_too():
    """QA17 F13: a café shift or a hackathon has no 'cost' or 'Q3'; its numbers differ."""
    cafe = Story(
        title="Busy Saturday at the cafe",
        situation="The cafe was short-staffed on a busy Saturday.",
        task="I had to keep the queue moving.",
        action="I took orders at the door and I set up a second till.",
        result="It was a good day for everyone.",
    )
    fixes = {f.check: f.fix for f in check_story(cafe).findings}
    assert "'placed 2nd of 30 teams'" in fixes["numbers"]
    assert "customers" in fixes["numbers"]
    assert "got 72%, the second-highest mark" in fixes["result"]
    hackathon = replace(cafe, action="I built the demo in 24 hours.", result="We won.")
    tip = {f.check: f.fix for f in check_story(hackathon).findings}["result"]
    assert "customers served, a mark or grade, a place out of N teams" in tip

"""The gap lists never contradict the score, show the sources they claim, and watch the rest."""

from __future__ import annotations

from nextround.domain.plan import build_plan
from nextround.domain.profile import build_profile
from tests.unit.growth_fixtures import (
    FRAMEWORK,
    GAP,
    INTERVIEWER,
    MANAGER_REVIEW,
    MENTOR,
    RECRUITER,
    STRENGTH,
    TODAY,
    ev,
    rating,
)

TWO_REVIEWED_GAPS = [
    ev("systems-thinking", GAP, RECRUITER, app=1, text="No end-to-end view."),
    ev("systems-thinking", GAP, MANAGER_REVIEW, text="Optimises her own part."),
]


def test_a_recurring_gap_the_evidence_now_outweighs_is_shown_as_mixed_not_as_a_gap() -> None:
    praise = [ev("systems-thinking", STRENGTH, INTERVIEWER, app=i) for i in range(2, 12)]
    profile = build_profile([*TWO_REVIEWED_GAPS, *praise], FRAMEWORK, TODAY)
    score = profile.score_of("systems-thinking")
    assert score is not None and score.reads_as_strength
    assert profile.recurring_gaps == []
    (outweighed,) = profile.outweighed_gaps
    assert outweighed.competency_id == "systems-thinking"
    assert outweighed.why == (
        "mixed: a gap heard from 2 independent sources besides you, but the strength evidence "
        "outweighs it, so it is no recurring gap now"
    )
    competency = next(
        c for c in profile.to_json()["competencies"] if c["competency_id"] == "systems-thinking"
    )
    assert competency["gap_outweighed"]["reviewed_sources"] == 2
    assert competency["heard_once"] is None
    # Nothing to mitigate: the plan works on recurring gaps only.
    plan = build_plan(profile, FRAMEWORK, [], [], TODAY)
    assert not [a for a in plan if a.id.startswith("mitigate:systems-thinking")]


def test_outweighing_praise_nobody_reviewed_says_so() -> None:
    praise = [
        ev("systems-thinking", STRENGTH, INTERVIEWER, app=i, confirmed=False, origin_id=i)
        for i in range(2, 30)
    ]
    profile = build_profile([*TWO_REVIEWED_GAPS, *praise], FRAMEWORK, TODAY)
    (outweighed,) = profile.outweighed_gaps
    assert outweighed.why.endswith("; 28 of the strength statements are not reviewed yet")
    assert outweighed.to_json()["statements_to_review"] == list(range(2, 30))


def test_a_closing_gap_that_reads_mixed_stays_recurring() -> None:
    praise = [ev("systems-thinking", STRENGTH, INTERVIEWER, app=i) for i in (2, 3)]
    profile = build_profile([*TWO_REVIEWED_GAPS, *praise], FRAMEWORK, TODAY)
    assert [g.competency_id for g in profile.recurring_gaps] == ["systems-thinking"]
    assert profile.outweighed_gaps == []


def test_a_gap_heard_once_is_in_the_json_and_not_when_the_score_reads_strength() -> None:
    evidence = [
        ev("risk-management", GAP, RECRUITER, app=4),
        rating("risk-management", 2, app=4),
        # One dissenting voice on a clear strength is nothing to watch.
        ev("stakeholder-management", GAP, MENTOR),
        *[ev("stakeholder-management", STRENGTH, INTERVIEWER, app=i) for i in range(1, 8)],
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    assert [g.competency_id for g in profile.early_gaps] == ["risk-management"]
    competencies = {c["competency_id"]: c for c in profile.to_json()["competencies"]}
    assert competencies["risk-management"]["heard_once"] == {
        "application_id": 4,
        "source": "recruiter",
        "pieces": 1,
        "latest_on": TODAY.isoformat(),
        "reviewed": True,
    }
    assert competencies["stakeholder-management"]["heard_once"] is None


def test_quotes_show_one_statement_per_independent_source_first() -> None:
    # The finding: two quotes from one recruiter e-mail under "3 independent sources".
    evidence = [
        ev("risk-management", GAP, RECRUITER, app=1, text="Recruiter, first."),
        ev("risk-management", GAP, RECRUITER, app=1, text="Recruiter, second."),
        ev("risk-management", GAP, RECRUITER, app=1, text="Recruiter, third."),
        ev("risk-management", GAP, MANAGER_REVIEW, TODAY.replace(year=2025), text="Review."),
        ev("risk-management", GAP, MENTOR, TODAY.replace(year=2025), text="Mentor."),
    ]
    profile = build_profile(evidence, FRAMEWORK, TODAY)
    (gap,) = profile.recurring_gaps
    # Loudest first, the recruiter's three outweigh both older notes...
    assert [w.evidence.text for w in gap.evidence][:3] == [
        "Recruiter, first.",
        "Recruiter, second.",
        "Recruiter, third.",
    ]
    # ...but the quotes give each source its turn.
    assert [w.evidence.text for w in gap.quotes] == ["Recruiter, first.", "Review.", "Mentor."]


def test_a_gap_named_by_four_sources_quotes_all_four() -> None:
    # "4 independent sources" under three quotes would leave one of them unseen.
    evidence = [
        ev("risk-management", GAP, RECRUITER, app=1, text="Recruiter."),
        ev("risk-management", GAP, INTERVIEWER, app=2, text="Interviewer."),
        ev("risk-management", GAP, MANAGER_REVIEW, TODAY.replace(year=2025), text="Review."),
        ev("risk-management", GAP, MENTOR, TODAY.replace(year=2025), text="Mentor."),
    ]
    (gap,) = build_profile(evidence, FRAMEWORK, TODAY).recurring_gaps
    assert len(gap.witnesses) == 4
    assert sorted(w.evidence.text for w in gap.quotes) == [
        "Interviewer.",
        "Mentor.",
        "Recruiter.",
        "Review.",
    ]

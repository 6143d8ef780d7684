"""Story seeds from resume highlights, the drafts they start, and what a resume may hold."""

from __future__ import annotations

import pytest

from nextround.domain.competency import CompetencyMatch
from nextround.domain.resume import (
    MAX_ROLES,
    Highlight,
    Resume,
    ResumeKind,
    ResumeRole,
    story_draft,
    story_seeds,
    unmatched_targets,
)
from nextround.domain.stories import Story, check_story, coverage
from nextround.errors import DomainError
from tests.unit.growth_fixtures import FRAMEWORK

IDS = [c.id for c in FRAMEWORK.competencies]


def _highlight(text: str, *suggested: tuple[str, float], story_id: int | None = None):
    return Highlight(
        text, suggestions=[CompetencyMatch(c, p) for c, p in suggested], story_id=story_id
    )


def _resume(*highlights: Highlight) -> Resume:
    role = ResumeRole("Acme — Ops Lead", company="Acme", title="Ops Lead", start="2019")
    role.highlights = list(highlights)
    return Resume("cv.md", ResumeKind.MARKDOWN, roles=[role])


def test_seeds_need_a_number_or_a_result_and_no_story_yet():
    resume = _resume(
        _highlight("Cut onboarding from nine weeks to four", (IDS[0], 0.6)),
        _highlight("Responsible for the weekly report", (IDS[0], 0.6)),
        _highlight("Grew revenue by 20%", (IDS[1], 0.5), story_id=7),
        _highlight("Launched the partner portal", (IDS[1], 0.5)),
    )
    matrix = coverage([], FRAMEWORK)
    assert [s.highlight.text for s in story_seeds(resume, matrix)] == [
        "Cut onboarding from nine weeks to four",
        "Launched the partner portal",
    ]


def test_seeds_that_would_cover_a_gap_or_spike_short_of_stories_come_first():
    gap, spike, other = IDS[0], IDS[1], IDS[2]
    resume = _resume(
        _highlight("Cut costs by 12%", (other, 0.8)),
        _highlight("Shipped 3 releases", (other, 0.5), (gap, 0.4)),
        _highlight("Won 2 tenders", (spike, 0.9)),
    )
    # The spike already has one of its two stories; the gap none.
    matrix = coverage([Story("told", competencies=[spike])], FRAMEWORK, [spike], [gap])
    seeds = story_seeds(resume, matrix)
    assert [(s.highlight.text, s.covers) for s in seeds] == [
        ("Shipped 3 releases", (gap,)),
        ("Won 2 tenders", (spike,)),
        ("Cut costs by 12%", ()),
    ]
    assert unmatched_targets(seeds, matrix) == []
    # A suggestion below the evidence bar covers nothing, even as the top one.
    weak = _resume(_highlight("Shipped 3 releases", (other, 0.5), (gap, 0.2)))
    assert story_seeds(weak, matrix)[0].covers == ()
    assert unmatched_targets(story_seeds(weak, matrix), matrix) == [gap, spike]
    guess = _resume(_highlight("Shipped 3 releases", (gap, 0.3)))
    assert story_seeds(guess, matrix)[0].covers == ()


def test_a_highlight_likely_shows_only_what_clears_the_feedback_bar():
    """QA7: "likely shows Technical depth" at a 10% match. Below the bar: no competency."""
    first, second = IDS[0], IDS[1]
    assert _highlight("Led the migration of 120 services", (first, 0.10)).likely == []
    assert _highlight("Promoted 3 engineers", (first, 0.349), (second, 0.2)).likely == []
    assert _highlight("Cut MTTR to 45 min", (first, 0.35)).likely == [first]
    both = _highlight("Hired 4 EMs", (first, 0.6), (second, 0.4))
    assert both.likely == [first, second]


def test_a_draft_keeps_the_highlight_as_written_and_is_not_ready():
    highlight = _highlight("Cut onboarding from nine weeks to four by mapping all 31 steps")
    role = ResumeRole("x", company="Acme", title="Ops Lead", start="2019", end="2022")
    draft = story_draft(highlight, role)
    assert draft == {
        "title": "Cut onboarding from nine weeks to four by mapping all 31 steps",
        "situation": "At Acme, as Ops Lead (2019 – 2022).",
        "action": "Cut onboarding from nine weeks to four by mapping all 31 steps",
    }
    story = Story(**draft)
    story.check()
    assert not check_story(story).ready  # no task and no result: the person tells them
    unsplit = ResumeRole("Acme | Team lead | Lead", start="2019")
    assert story_draft(highlight, unsplit)["situation"] == "Acme | Team lead | Lead (2019)."


def test_check_numbers_roles_and_drops_empty_highlights():
    resume = _resume(_highlight("  Grew revenue by 20%  "), _highlight("   "))
    resume.check()
    assert [(h.text, h.position) for h in resume.highlights] == [("Grew revenue by 20%", 1)]
    assert resume.roles[0].position == 1


def test_a_resume_with_too_many_roles_or_nothing_in_it_is_refused():
    huge = Resume(
        "cv.md", ResumeKind.MARKDOWN, roles=[ResumeRole(f"Role {n}") for n in range(MAX_ROLES + 1)]
    )
    with pytest.raises(DomainError, match=f"at most {MAX_ROLES}"):
        huge.check()
    with pytest.raises(DomainError, match="no roles and no text"):
        Resume("cv.md", ResumeKind.MARKDOWN).check()
    with pytest.raises(DomainError, match="control character"):
        _resume(_highlight("bad \x00 byte")).check()


def test_below_the_bar_a_highlight_may_show_its_best_suggestions_with_their_share():
    """QA10 F3: every achievement line read "competency unclear", sound readings hidden."""
    first, second, third = IDS[0], IDS[1], IDS[2]
    names = {first: "Risk", second: "Problem solving"}
    incident = _highlight("Led the incident response", (first, 0.25), (second, 0.2), (third, 0.1))
    assert incident.likely == []
    assert [m.competency_id for m in incident.might_show] == [first, second]
    assert incident.candidates == [first, second]
    assert incident.reading(names) == "may show Risk (25%), Problem solving (20%)"
    # Near chance, still unclear; a likely one is said as before, with no hint beside it.
    vague = _highlight("Did many things", (first, 0.11))
    assert vague.might_show == [] and vague.reading(names) == "competency unclear"
    assert vague.candidates == []
    sure = _highlight("Cut incidents by 40%", (first, 0.5), (second, 0.3))
    assert sure.might_show == [] and sure.reading(names) == "likely shows Risk"
    assert _highlight("No suggestion").reading(names) == "competency unclear"


@pytest.mark.parametrize(
    ("heading", "says_more"),
    [
        ("Software Engineering Intern, Shopwise · May 2025 – Aug 2025", False),
        ("Software Engineering Intern, Shopwise · May 2025 – Aug 2025 · Built a cache", True),
        ("Software Engineering Intern, Shopwise · Toronto · May 2025 – Aug 2025", True),
    ],
)
def test_a_heading_is_shown_as_written_when_it_holds_more_than_its_label(heading, says_more):
    role = ResumeRole(
        heading=heading,
        company="Shopwise",
        title="Software Engineering Intern",
        start="May 2025",
        end="Aug 2025",
    )
    assert role.heading_says_more is says_more
    # Told apart from nothing, the heading is the label itself: shown once.
    assert ResumeRole(heading=heading).heading_says_more is False

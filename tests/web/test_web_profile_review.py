"""The web profile says what waits for a review, why a strength is no spike, and what today is."""

from __future__ import annotations

import re

from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.domain.profile import Profile
from nextround.domain.trend import FADING_MARK, FADING_MEANING, FADING_NOTE
from nextround.services.profile import current_profile
from tests.unit.growth_fakes import KeywordMapper
from tests.web.conftest import Browser, load_demo_journey
from tests.web.test_web_profile import _self_rated


def _words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _demo_profile(nextround: Nextround) -> Profile:
    """The demo journey loaded, and the profile it makes today."""
    load_demo_journey(nextround)
    with nextround.uow() as uow:
        return current_profile(uow, nextround.settings.half_life_days).profile


def _gap_heard_twice_one_unreviewed(browser: Browser, nextround: Nextround) -> int:
    """A recruiter's gap the person confirmed, and a mentor's nobody reviewed: its id."""
    from nextround.services.feedback import add_mapped_feedback
    from nextround.services.frameworks import active_framework

    app_id = browser.add_application()
    text = "Risk management was weak."
    browser.post(
        f"/applications/{app_id}/feedback",
        {
            "text": text, "source": "recruiter", "received_on": "2026-10-21",
            "statements": "1", "s1-text": text, "s1-competency": "risk-management",
            "s1-polarity": "gap", "confirm": "all",
        },
    )  # fmt: skip
    with nextround.uow() as uow:
        framework = active_framework(uow)
        _, (statement,) = add_mapped_feedback(
            uow, "Her risk management was weak: no mitigations at all.", FeedbackSource.MENTOR,
            lambda: KeywordMapper([("risk", "risk-management", 0.9)]), framework.id,
        )  # fmt: skip
    assert statement.polarity.value == "gap" and not statement.confirmed
    assert statement.id is not None
    return statement.id


def test_a_gap_resting_on_an_unreviewed_statement_waits_for_review(
    browser: Browser, sqlite_app: Nextround
) -> None:
    waiting = _gap_heard_twice_one_unreviewed(browser, sqlite_app)
    html = browser.get("/profile").text
    gaps = html[html.index('id="gaps-title"') : html.index('id="radar-title"')]
    assert (
        "None: no gap has come up from two independent sources besides you in statements you "
        "have reviewed."
    ) in gaps
    sentence = (
        "Risk management awaits your review: 2 independent sources besides you speak to it as "
        "a gap, 1 in statements you have reviewed. Review 1 statement to settle it."
    )
    assert sentence in _words(gaps), _words(gaps)
    link = f'href="/feedback?statement={waiting}#statement-{waiting}"'
    assert link in gaps
    assert "Only statements you have reviewed count as witnesses" in gaps
    # The competency's own page says the same, and claims no recurring gap.
    page = browser.get("/profile/risk-management").text
    head = page[page.index("<h1>") : page.index('class="lede"')]
    assert sentence in _words(head) and link in head
    assert "Recurring gap</span>" not in head
    # Once reviewed, the mentor is the second witness.
    from nextround.services.review import review_statement

    with sqlite_app.uow() as uow:
        review_statement(uow, waiting, None)
    html = browser.get("/profile").text
    gaps = _words(html[html.index('id="gaps-title"') : html.index('id="radar-title"')])
    assert re.search(r"Risk management 0\.\d\d 80% range [\d.–]+ · 2 independent sources", gaps)
    assert "awaits your review" not in gaps
    page = browser.get("/profile/risk-management").text
    assert "Recurring gap</span>" in page[page.index("<h1>") : page.index('class="lede"')]


def test_the_competency_page_says_why_a_strength_is_no_spike_in_the_profiles_words(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _self_rated(browser, sqlite_app, "ownership", 10)
    with sqlite_app.uow() as uow:
        [near] = current_profile(uow, sqlite_app.settings.half_life_days).profile.near_spikes
    expected = f"Ownership {near.why}."
    assert expected == (
        "Ownership reads as a strength but is not a spike yet: its cautious end is 0.56 (a "
        "spike needs above 0.60); only your own ratings show it (a spike needs 2 independent "
        "sources other than you)."
    )
    page = browser.get("/profile/ownership").text
    head = page[page.index("<h1>") : page.index('class="lede"')]
    assert expected in _words(head), _words(head)
    assert "Spike</span>" not in head
    # Below it, every condition of the rule, met or not, with the figures.
    rule = page[page.index('id="spike-rule"') :].split("</section>")[0]
    assert "Not a spike yet" in rule and "0 of 3 conditions met" in rule
    items = [_words(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", rule, re.S)]
    score = near.score
    assert items == [
        f"✗ Not met: The cautious end of its 80% range above 0.60: {score.low:.2f} (range "
        f"{score.low:.2f}–{score.high:.2f}, {score.high - score.low:.2f} wide)",
        "✗ Not met: Strength evidence from at least 2 independent sources other than you (your "
        "own ratings may agree, but do not count as one): 0: only your own ratings show it",
        "✗ Not met: At least 2 of them in statements you have reviewed: 0 reviewed",
    ], items
    profile = browser.get("/profile").text
    spikes = profile[profile.index('id="spikes-title"') : profile.index('id="gaps-title"')]
    assert expected in _words(spikes)
    # As of a day before any of the ratings there is no strength, so nothing to explain.
    past = browser.get("/profile/ownership?as_of=2026-01-01").text
    assert "is not a spike yet" not in past


def test_the_trend_ends_on_todays_score_and_marks_every_point_fading_moved(
    browser: Browser, sqlite_app: Nextround
) -> None:
    profile = _demo_profile(sqlite_app)
    faded_past = False
    for series in profile.trend:
        last = series.points[-1]
        assert last.score == profile.score_of(series.competency_id)
        if len(series.points) < 2:
            continue  # one point is no trend: the page draws none
        page = browser.get(f"/profile/{series.competency_id}").text
        points = _words(page[page.index('class="points"') :].split("</p>")[0])
        assert points.endswith(
            f"{last.quarter}: {last.score.mean:.2f}" + (f" ({last.note})" if last.faded else "")
        ), points
        for point in series.points[:-1]:
            if point.carried_forward:
                # No number: a quiet quarter's figure would read as a measurement.
                assert f"{point.quarter}: no new evidence" in points
            elif point.faded:
                # A past quarter that moved mostly by fading says so too.
                assert f"{point.quarter}: {point.score.mean:.2f} ({FADING_NOTE})" in points
            else:
                assert f"{point.quarter}: {point.score.mean:.2f} ·" in points
        # What moved today's point, in parts that add up.
        movement = _words(page[page.index('<p class="movement"') :].split("</p>")[0])
        assert movement == _words(
            f"Trend point {last.quarter} (today): {last.score.mean:.3f}, {last.movement}."
        )
        # A past point's page says what moved that point, and how the mark reads.
        for point in (p for p in series.points[:-1] if p.faded):
            then = browser.get(f"/profile/{series.competency_id}?as_of={point.as_of}").text
            assert _words(f"Trend point {point.quarter}: {point.score.mean:.3f}") in _words(then)
            assert _words(point.movement) in _words(then)
            assert f"“{FADING_MARK}”: {FADING_MEANING}." in then
            faded_past = True
    assert faded_past  # the demo has a past quarter that moved mostly by fading


def test_a_spikes_page_shows_every_condition_met_with_its_figures(
    browser: Browser, sqlite_app: Nextround
) -> None:
    profile = _demo_profile(sqlite_app)
    assert profile.spikes
    for spike in profile.spikes:
        page = browser.get(f"/profile/{spike.competency_id}").text
        rule = page[page.index('id="spike-rule"') :].split("</section>")[0]
        assert "A spike" in rule and "all 3 conditions met" in rule
        items = [_words(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", rule, re.S)]
        assert all(item.startswith("✓ Met: ") for item in items) and len(items) == 3
        assert f"above 0.60: {spike.score.low:.2f} (range {spike.score.low:.2f}–" in items[0]
        assert items[1].endswith(f": {spike.sources + spike.unreviewed_sources}")
        assert items[2].startswith(
            f"✓ Met: At least 2 of them in statements you have reviewed: {spike.sources} reviewed"
        )


def test_a_competency_page_lists_the_copies_left_out_as_profile_explain_does(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.services.feedback import add_mapped_feedback
    from nextround.services.frameworks import active_framework
    from nextround.services.profile import copies_left_out

    text = "Risk management was weak: no mitigations at all."
    with sqlite_app.uow() as uow:
        framework = active_framework(uow)
        for _ in range(2):  # the same e-mail pasted twice
            add_mapped_feedback(
                uow, text, FeedbackSource.INTERVIEWER,
                lambda: KeywordMapper([("risk", "risk-management", 0.9)]), framework.id,
            )  # fmt: skip
    with sqlite_app.uow() as uow:
        (left_out,) = copies_left_out(uow, "risk-management")
    copy_id, statement_id = left_out.copy.id, left_out.statement.id
    page = browser.get("/profile/risk-management").text
    section = _words(page[page.index('id="copies"') : page.index('id="self"')])
    assert "Left out: feedback pasted twice 1" in section
    assert f"“{text}”" in section
    assert f"Statement {statement_id} of feedback {copy_id}" in section
    assert f"identical to feedback {left_out.original.id}" in section
    assert f'href="/feedback/{copy_id}#delete"' in page
    assert f'href="/feedback?statement={statement_id}#statement-{statement_id}"' in page
    # The score counts the words once; other competencies list no copy.
    others = page[page.index('id="others"') : page.index('id="copies"')]
    assert others.count("no mitigations at all") == 1
    assert 'id="copies"' not in browser.get("/profile/systems-thinking").text
    # Deleted, the copy is gone from the page too.
    assert browser.post(f"/feedback/{copy_id}/delete", {"confirm": "1"}).status_code == 303
    after = browser.get("/profile/risk-management").text
    assert 'id="copies"' not in after and "no mitigations at all" in after

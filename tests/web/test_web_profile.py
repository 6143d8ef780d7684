"""The profile page and its drill-down: every number opens the statements behind it."""

from __future__ import annotations

import re

import pytest

from nextround.bootstrap import Nextround
from nextround.domain.calibration_text import signed_difference
from nextround.domain.profile import Profile
from nextround.domain.trend import FADING_MARK, FADING_MEANING, FADING_NOTE, quarter_label
from nextround.services.profile import current_profile
from nextround.store.versions import DataVersion
from tests.integration.thin_calibration import seed_thin_calibration
from tests.web.conftest import Browser, load_demo_journey


def test_empty_profile_says_where_evidence_comes_from(browser: Browser) -> None:
    page = browser.get("/profile")
    assert page.status_code == 200
    assert "No evidence yet" in page.text and 'href="/applications"' in page.text


def test_profile_shows_radar_spikes_gaps_calibration_trend(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    html = browser.get("/profile").text
    # The radar: a labelled SVG with the self-view as a second series.
    assert "<title" in html and "Profile radar</title>" in html
    assert "Evidence score from 0 to 1 per competency" in html
    assert "Your own view" in html and "Your self-ratings" not in html
    assert (
        'Calibration <span class="h-note">your self-ratings and notes against what others' in html
    )
    # Spikes and recurring gaps, each with the statements behind it.
    spikes = html[html.index('id="spikes-title"') : html.index('id="gaps-title"')]
    gaps = html[html.index('id="gaps-title"') : html.index('id="radar-title"')]
    assert "Stakeholder management" in spikes and "Planning and execution" in spikes
    assert "Risk management" in gaps and "Systems thinking" in gaps
    assert gaps.count('class="quote"') >= 4
    # Calibration: the agreement figure, blind spots and hidden strengths, a table.
    assert re.search(r'href="#calibration-table">\d+%</a>', html)
    with sqlite_app.uow() as uow:
        calibration = current_profile(uow, sqlite_app.settings.half_life_days).profile.calibration
    card = html[html.index('id="calibration-title"') : html.index('id="trend-title"')]
    # The figure as the terminal rounds it (it was truncated here), with what it means.
    assert f'href="#calibration-table">{round(calibration.agreement * 100)}%</a>' in card
    points = calibration.mean_difference_points
    assert f"On average your own view is {points:.1f} of a rating point from what" in card
    assert "less than one rating point apart (on the 1–5 scale) counts as agreeing" in card
    agreed = len(calibration.agreed)
    assert f"(less than a rating point apart)</span>: {agreed} of {len(calibration.items)}." in card
    table = html[html.index('id="calibration-table"') :]
    assert f"Agreement = 1 − mean |you − others| = 1 − {calibration.mean_difference:.2f}" in table
    # Each difference as the terminal writes it: never "-0.00".
    shown = re.findall(r'data-label="Difference"><a [^>]*>([^<]*)</a>', table)
    assert shown == [signed_difference(i.difference) for i in calibration.items]
    assert "-0.00" not in shown
    assert "Blind spots" in html and "Hidden strengths" in html
    assert 'id="calibration-table"' in html
    # The trend: a chart and a table of quarters.
    assert "Trend by quarter</title>" in html and 'class="data trend-table keep-table"' in html


def test_every_number_on_the_profile_links_to_its_evidence(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    html = browser.get("/profile").text
    table = html[html.index('id="competencies"') :]
    # Each score, range and evidence count in the table is a link to the competency's page.
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)[1:]:
        numbers = re.findall(r">(\d+(?:\.\d+)?(?:–\d\.\d+)?)<", row)
        links = re.findall(r'<a [^>]*href="/profile/([a-z-]+)', row)
        assert numbers and links, row
    start = html.index('class="data trend-table keep-table"')
    trend = html[start : html.index('id="competencies"')]
    assert re.search(r'href="/profile/[a-z-]+\?as_of=\d{4}-\d\d-\d\d"', trend)
    calibration = html[html.index('id="calibration-table"') :]
    assert 'href="/profile/risk-management#self"' in calibration
    assert 'href="/profile/risk-management#others"' in calibration


def test_competency_page_lists_every_statement_with_its_weight(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    page = browser.get("/profile/risk-management")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Risk management</h1>" in html and "Recurring gap" in html
    # The same plain words as `profile explain`, before the sum.
    assert html.index("What counts for it weighs") < html.index("Score = (1 + for) ÷ (2 + for")
    others = html[html.index('id="others"') : html.index('id="self"')]
    own = html[html.index('id="self"') :]
    assert "risk management" in others.lower() and "Hiring manager" in others
    assert re.search(r"/5</td>", own)  # self-ratings read as n/5
    # Each piece shows its weight as source × recency × confirmation.
    assert re.search(r"\d\.\d\d × \d\.\d\d × \d\.\d\d = <strong>\d\.\d{3}</strong>", html)
    # It links back to the application the statement came from.
    assert re.search(r'href="/applications/\d+">', others)


def test_competency_page_lists_your_own_view_with_notes_about_yourself(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """Notes you wrote about yourself are your own view, as the profile's calibration counts."""
    from datetime import date

    from nextround.domain.calibration_text import OWN_VIEW_HEADING, OWN_VIEW_NONE
    from nextround.domain.competency import Polarity
    from nextround.domain.feedback import FeedbackSource
    from nextround.domain.statements import FeedbackStatement
    from nextround.services.feedback import add_feedback
    from nextround.services.review import review_statement
    from nextround.services.stamps import touch

    def own_view() -> str:
        html = browser.get("/profile/communication").text
        return html[html.index('id="self"') : html.index("</section>", html.index('id="self"'))]

    empty = own_view()
    assert f"{OWN_VIEW_HEADING} <span" in empty
    assert f"{OWN_VIEW_NONE}: rate this competency in an interview's debrief" in empty
    assert "Your own ratings" not in empty
    text = "I rambled when they asked me to explain the migration plan."
    with sqlite_app.uow() as uow:
        item = add_feedback(uow, text, FeedbackSource.SELF, received_on=date(2026, 10, 1))
        statement = FeedbackStatement(item.id, 1, text, 0, len(text), "nextround-core")
        touch(uow.now(), statement)
        uow.statements.add(statement)
        uow.commit()
        review_statement(uow, statement.id, ["communication"], Polarity.GAP)
    noted = own_view()
    assert f'{OWN_VIEW_HEADING} <span class="h-note">1 note</span>' in noted
    assert "I rambled when they asked me" in noted and OWN_VIEW_NONE not in noted


def test_a_trend_point_is_explained_as_of_its_quarter(
    browser: Browser, sqlite_app: Nextround
) -> None:
    load_demo_journey(sqlite_app)
    today = browser.get("/profile/risk-management").text
    past = browser.get("/profile/risk-management?as_of=2026-03-31")
    assert past.status_code == 200
    assert "As it stood on 31 Mar 2026 (2026Q1)" in past.text
    assert past.text.count("<tr>") < today.count("<tr>")  # less evidence was known then
    # A nonsense or future day shows today's numbers.
    # An address with a day that cannot be used shows today's view, and says why.
    soon = browser.get("/profile/risk-management?as_of=soon").text
    assert "As it stood" not in soon
    assert (
        "“soon” is not a date or a quarter (write it as " in soon
        and ", today or yesterday, or a quarter such as 2026Q3), so this is today&#39;s view."
        in soon
    )
    later = browser.get("/profile/risk-management?as_of=2999-01-01").text
    assert "As it stood" not in later and "2999-01-01 is not in the past" in later
    # QA19 F9: a quarter, as the CLI's --as-of and the trend name it, is its last day.
    quarter = browser.get("/profile/risk-management?as_of=2026Q1").text
    assert "As it stood on 31 Mar 2026 (2026Q1)" in quarter and "not a date" not in quarter
    future = browser.get("/profile/risk-management?as_of=2999Q1").text
    assert "As it stood" not in future and "today&#39;s view" in future


def test_unknown_competency_is_404(browser: Browser) -> None:
    page = browser.get("/profile/no-such-skill")
    assert page.status_code == 404
    assert "There is no competency with id no-such-skill." in page.text


def test_profile_pages_write_nothing(browser: Browser, sqlite_app: Nextround) -> None:
    load_demo_journey(sqlite_app)
    version = DataVersion(sqlite_app.engine)
    before = version.current()
    for path in ("/", "/profile", "/profile/risk-management", "/plan", "/stories", "/feedback"):
        assert browser.get(path).status_code == 200, path
    assert version.current() == before
    version.close()


def test_profile_is_cached_until_the_data_changes(browser: Browser, sqlite_app: Nextround) -> None:
    loaded = load_demo_journey(sqlite_app)
    first = browser.get("/profile/risk-management").text
    assert browser.get("/profile/risk-management").text == first
    # A debrief rating risk management changes its number at once.
    interview = loaded.interviews[next(iter(loaded.interviews))]
    response = browser.post(
        f"/interviews/{interview}/debrief", {"overall": "3", "rating-risk-management": "1"}
    )
    assert response.status_code == 303
    assert browser.get("/profile/risk-management").text != first


def test_long_evidence_lists_show_the_heaviest_and_sum_the_rest(
    browser: Browser, sqlite_app: Nextround, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nextround.web.routes import profile

    load_demo_journey(sqlite_app)
    monkeypatch.setattr(profile, "EVIDENCE_SHOWN", 3)
    html = browser.get("/profile/risk-management").text
    others = html[html.index('id="others"') : html.index('id="self"')]
    assert others.count('class="evidence-text"') == 3
    assert re.search(r"And \d+ lighter pieces, adding \d\.\d{3} for and \d\.\d{3} against", others)
    assert 'href="?all=1#others"' in others
    everything = browser.get("/profile/risk-management?all=1").text
    listed = everything[everything.index('id="others"') : everything.index('id="self"')]
    assert listed.count('class="evidence-text"') > 3 and "lighter piece" not in listed


def _self_rated(
    browser: Browser, nextround: Nextround, competency: str, times: int, rating: int = 5
) -> int:
    """One application whose interviews the user debriefed, each rating ``competency``."""
    from nextround.services.debriefs import record_debrief

    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Loop", "kind": "final_loop", "started_on": "2026-10-20"},
    )
    for n in range(times):
        browser.post(
            f"/applications/{app_id}/interviews",
            {"round": "1", "title": f"Interview {n}", "format": "behavioural"},
        )
    with nextround.uow() as uow:
        interviews = uow.applications.get(app_id).ordered_rounds[0].interviews
        for interview in interviews:
            record_debrief(uow, interview.id or 0, 4, ratings={competency: rating})
    return app_id


def _recruiter_said(
    browser: Browser, app_id: int, text: str, competency: str, polarity: str
) -> None:
    """One recruiter statement on ``competency``, confirmed, dated the day after the loop."""
    browser.post(
        f"/applications/{app_id}/feedback",
        {
            "text": text, "source": "recruiter", "received_on": "2026-10-21",
            "statements": "1", "s1-text": text, "s1-competency": competency,
            "s1-polarity": polarity, "confirm": "all",
        },
    )  # fmt: skip


def test_no_spikes_states_the_real_rule_and_why_a_strength_is_not_one(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # Ten 5/5 self-ratings: Beta(4, 1), whose cautious end 0.1 ** (1/4) = 0.56 reads as a
    # strength but is below the spike line. The page used to say only that a spike needs
    # two sources, right above a row reading "Strength".
    _self_rated(browser, sqlite_app, "ownership", 10)
    html = browser.get("/profile").text
    spikes = html[html.index('id="spikes-title"') : html.index('id="gaps-title"')]
    assert "None yet. A spike needs the cautious end of its 80% range above 0.60" in spikes
    assert "at least 2 independent sources other than you (your own ratings may agree" in spikes
    # Both parts it misses, not only the first.
    assert re.search(
        r'href="/profile/ownership">Ownership</a> reads as a strength but is not a spike yet: '
        r"its cautious end is 0\.56 \(a spike needs above 0\.60\); only your own ratings show "
        r"it \(a spike needs 2 independent sources other than you\)\.",
        spikes,
    ), spikes
    assert "verdict-strength" in html[html.index('id="competencies"') :]


def test_views_a_point_apart_in_numbers_only_are_not_counted_as_agreed(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA7: "Agreed (less than a rating point apart): 5 of 5" with People leadership +0.35.
    app_id = _self_rated(browser, sqlite_app, "people-leadership", 1, rating=5)
    _recruiter_said(
        browser,
        app_id,
        "Her coaching examples were among the best we heard.",
        "people-leadership",
        "strength",
    )
    html = browser.get("/profile").text
    card = html[html.index('id="calibration-title"') : html.index('id="trend-title"')]
    assert "(less than a rating point apart)</span>: 0 of 1." in card
    assert re.search(
        r"<strong>Apart in numbers only</strong> <span class=\"muted\">\(a rating point or more "
        r"apart, but what others said makes it no blind spot or hidden strength\)</span>: "
        r'<a href="/profile/people-leadership">People leadership</a> '
        r'<span class="muted">\(you 1\.00, others 0\.\d\d: nobody else named a gap, ',
        card,
    ), card
    table = html[html.index('id="calibration-table"') :]
    assert "Apart in numbers only</span>" in table and ">Agreed</span>" not in table


def test_your_own_low_rating_agrees_with_a_gap_but_does_not_make_it_recur(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _self_rated(browser, sqlite_app, "risk-management", 1, rating=2)
    _recruiter_said(browser, app_id, "Risk management was weak.", "risk-management", "gap")
    html = browser.get("/profile").text
    gaps = html[html.index('id="gaps-title"') : html.index('id="radar-title"')]
    assert "seen by two or more independent sources besides you" in gaps
    assert "None: no gap has come up from two independent sources besides you." in gaps
    assert re.search(
        r'Heard once so far <span class="h-note">one more independent source besides you makes '
        r"it recurring.*?</h3>\s*<ul>\s*"
        r'<li><a href="/profile/risk-management">Risk management</a> '
        r'<a class="score"[^>]*>0\.\d\d</a> '
        r'<span class="muted">[^<]*recruiter, [^<]*, and your own view agrees</span></li>',
        gaps,
        re.S,
    ), gaps


def _demo_trend_table(browser: Browser, nextround: Nextround) -> tuple[Profile, str, str]:
    """On the demo journey: its profile, the profile page, and the page's trend table."""
    load_demo_journey(nextround)
    with nextround.uow() as uow:
        profile = current_profile(uow, nextround.settings.half_life_days).profile
    html = browser.get("/profile").text
    start = html.index('class="data trend-table')
    return profile, html, html[start : html.index("</table>", start)]


def test_trend_table_shows_quarters_without_new_evidence_as_such(
    browser: Browser, sqlite_app: Nextround
) -> None:
    profile, html, table = _demo_trend_table(browser, sqlite_app)
    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r'<th scope="row"><a href="/profile/([\w-]+)">.*?</a></th>(.*?)</tr>', table, re.S
        )
    }
    carried_somewhere = faded_somewhere = False
    for series in profile.trend:
        if series.competency_id not in rows:
            continue
        cells = re.findall(r'<td data-label="(\d{4}Q\d)">(.*?)</td>', rows[series.competency_id])
        by_quarter = {p.quarter: p for p in series.points}
        for quarter, cell in cells:
            point = by_quarter.get(quarter)
            if point is not None and point.carried_forward:
                carried_somewhere = True
                assert "no new evidence" in cell and "href" not in cell, cell
            elif point is not None and point.faded:
                # Moved mostly by fading, today's or a past quarter's: said so.
                faded_somewhere = True
                assert f"{point.score.mean:.2f}" in cell and f">{point.note}<" in cell, cell
            elif point is not None:
                assert f"{point.score.mean:.2f}" in cell and "fading" not in cell, cell
                assert "no new evidence" not in cell, cell
    assert carried_somewhere  # the demo has quiet quarters in what the table shows
    assert faded_somewhere
    assert "carries the score before it forward, so the line stays flat there" in html
    assert f"A point marked “{FADING_MARK}”: {FADING_MEANING}." in html
    # The chart rings the same points, and its legend says what a ring means.
    chart = html[html.index('id="trend-title"') : html.index('class="data trend-table')]
    assert f" ({FADING_NOTE})</title>" in chart and 'stroke-dasharray="2 2"' in chart


def test_web_report_and_terminal_show_the_same_trend_lines_from_the_first_quarter(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.reports.figures import trend_shown

    profile, _, table = _demo_trend_table(browser, sqlite_app)
    rows = re.findall(r'<th scope="row"><a href="/profile/([\w-]+)">', table)
    # One selection (Profile.trend_lines) for the terminal, this page and the report.
    assert rows == [t.competency_id for t in profile.trend_lines]
    assert [t.competency_id for t in trend_shown(profile)] == rows
    # The table starts at the baseline quarter, the first point of any line.
    first = min(p.as_of for t in profile.trend_lines for p in t.points)
    header = table[: table.index("</thead>")]
    assert re.findall(r"<th scope=\"col\">(\d{4}Q\d)</th>", header)[0] == quarter_label(first)


def test_every_reading_has_a_style_and_a_lean_is_not_called_mixed(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from pathlib import Path

    import nextround.web
    from nextround.domain.scoring import VERDICTS

    css = (Path(nextround.web.__file__).parent / "static" / "app.css").read_text()
    for verdict in VERDICTS:
        assert re.search(rf"\.verdict-{verdict.replace(' ', '-')}[ ,]", css), verdict
    # Eight 2/5 self-ratings: every piece a gap, the range still crossing 0.5 (Beta(1.6,
    # 2.8) at 0.3 weight each): a lean towards a gap, which used to read "Mixed".
    _self_rated(browser, sqlite_app, "ownership", 8, rating=2)
    html = browser.get("/profile").text
    table = html[html.index('id="competencies"') :]
    assert '<span class="pill verdict-leaning-gap">Leaning gap</span>' in table
    assert "verdict-mixed" not in table


def test_a_calibration_on_one_outside_piece_says_it_is_provisional(
    browser: Browser, sqlite_app: Nextround
) -> None:
    seed_thin_calibration(sqlite_app)
    html = browser.get("/profile").text
    card = html[html.index('id="calibration-title"') : html.index('id="trend-title"')]
    assert '<p class="big-figure provisional">' in card
    assert '<strong class="provisional-tag">provisional</strong>' in card
    assert (
        '<p class="calibration-caveat">Based on 1 outside piece of evidence per competency, '
        "which is thin everywhere: treat this figure as provisional until more feedback "
        "arrives.</p>"
    ) in card


def test_gap_cards_quote_what_the_terminal_quotes_one_per_source_first(
    browser: Browser, sqlite_app: Nextround
) -> None:
    import html as html_text

    from nextround.domain.evidence import amount_of_evidence

    load_demo_journey(sqlite_app)
    with sqlite_app.uow() as uow:
        view = current_profile(uow, sqlite_app.settings.half_life_days)
    page = browser.get("/profile").text
    # The same count in the same words as the terminal's header.
    assert f'href="#competencies">{amount_of_evidence(view.evidence)}</a>' in page
    for gap in view.profile.recurring_gaps:
        card = page[page.index(f'<h3><a href="/profile/{gap.competency_id}">') :]
        card = card.split("</article>")[0]
        quoted = [html_text.unescape(q) for q in re.findall(r"<p>(.*?)</p>", card)]
        # Then, for an improving gap, the praise since, as the terminal quotes it too.
        assert quoted == [w.evidence.text for w in (*gap.quotes, *gap.recent_quotes)]
        # As many different sources as quotes, up to the sources the card claims.
        keys = {w.evidence.independence_key for w in gap.quotes if w.evidence.is_external}
        assert len(keys) == min(len(gap.witnesses), len(gap.quotes))


def test_a_likely_spike_is_shown_with_what_would_confirm_it_and_leaned_on_in_the_plan(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from datetime import date

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.unit.growth_fakes import KeywordMapper

    # Three reviewed interviewer strengths in two applications: about Beta(4, 1), cautious
    # end 0.56.
    apps = {company: browser.add_application(company=company) for company in ("Zeta", "Eta")}
    for company in ("Zeta", "Eta", "Eta"):
        app_id = apps[company]
        with sqlite_app.uow() as uow:
            _, statements = add_mapped_feedback(
                uow,
                "Excellent stakeholder management.",
                FeedbackSource.INTERVIEWER,
                lambda: KeywordMapper([("stakeholder", "stakeholder-management", 0.9)]),
                "nextround-core",
                received_on=date(2026, 11, 20),
                links=FeedbackLinks(application_id=app_id),
            )
        with sqlite_app.uow() as uow:
            review_statement(uow, statements[0].id or 0)
    html = browser.get("/profile").text
    spikes = html[html.index('id="spikes-title"') : html.index('id="gaps-title"')]
    assert "None yet. A spike needs" in spikes
    assert "insight-likely" in spikes, spikes
    card = spikes[spikes.index('class="insight insight-strength insight-likely"') :]
    assert re.search(
        r'Likely spike: <a href="/profile/stakeholder-management">Stakeholder management</a>',
        card,
    ), card
    assert (
        "2 independent sources besides you call it a strength, in statements you have "
        "reviewed, nothing against it; only the cautious end of its 80% range, 0.56, is short "
        "of the 0.60 a spike needs. One more reviewed strength statement from an interviewer "
        "or hiring manager, with nothing against, would confirm it." in " ".join(card.split())
    )
    assert "Excellent stakeholder management." in card
    page = browser.get("/profile/stakeholder-management").text
    assert "Stakeholder management is a likely spike: 2 independent sources" in " ".join(
        page.split()
    )
    browser.post("/plan/refresh")
    plan = browser.get("/plan").text
    assert "Put stakeholder management into your pitch (provisionally: a likely spike)" in plan


def test_a_gap_your_own_debrief_noted_is_shown_as_seen_not_blind(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from datetime import date

    from nextround.domain.competency import Polarity
    from tests.integration.test_report_calibration import _process

    _process(
        sqlite_app, "Hyperscale", date(2026, 10, 6), 5,
        "The process map was hard to follow.", Polarity.GAP,
        went_badly="Ran long on the process map; 12 minutes",
    )  # fmt: skip
    html = " ".join(browser.get("/profile").text.split())
    assert (
        "<strong>Seen, but rated high:</strong> "
        '<a href="/profile/process-design">Process design and improvement</a> — you noted it '
        "yourself (debrief of 6 Oct 2026: “Ran long on the process map; 12 minutes”), but rated "
        "yourself 5.0/5" in html
    ), html[html.index("Blind spots") : html.index("Blind spots") + 600]
    assert 'class="pill calibration-noted_yourself">Noted yourself' in html


def test_a_gap_later_praise_outweighs_reads_as_closed_with_then_and_now(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from datetime import date

    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.unit.growth_fakes import KeywordMapper

    said = [
        ("Alpha", "Weak stakeholder management.", date(2026, 2, 10)),
        ("Beta", "Weak stakeholder management.", date(2026, 3, 12)),
        *((c, "Excellent stakeholder management.", date(2026, 10, 5)) for c in ("Eta", "Iota")),
        *(
            (company, "Excellent stakeholder management.", date(2026, 9, day))
            for company, day in (
                ("Gamma", 1),
                ("Delta", 8),
                ("Omega", 15),
                ("Kappa", 22),
                ("Zeta", 29),
            )
        ),
    ]
    for company, text, on in said:
        app_id = browser.add_application(company=company, applied_on=f"{on:%Y-%m}-01")
        with sqlite_app.uow() as uow:
            _, statements = add_mapped_feedback(
                uow,
                text,
                FeedbackSource.INTERVIEWER,
                lambda: KeywordMapper([("stakeholder", "stakeholder-management", 0.9)]),
                "nextround-core",
                received_on=on,
                links=FeedbackLinks(application_id=app_id),
            )
        with sqlite_app.uow() as uow:
            review_statement(uow, statements[0].id or 0)
    html = browser.get("/profile").text
    gaps = " ".join(
        html[html.index('id="gaps-title"') : html.index('id="calibration-title"')].split()
    )
    assert 'class="insight insight-closed gap-closed"' in gaps, gaps
    assert (
        "Closed since Mar 2026: named a gap by Alpha and Beta (Feb 2026–Mar 2026); improving:"
        in gaps
    )
    assert "Weak stakeholder management." in gaps and "Since then:" in gaps
    assert "mixed:" not in gaps


def test_web_and_report_show_the_calibration_by_quarter_as_the_terminal_does(
    browser: Browser, sqlite_app: Nextround
) -> None:
    # QA19: the agreement per quarter was only in the terminal and profile --json.
    from nextround.reports.render import profile_html
    from nextround.services.reports import profile_report

    load_demo_journey(sqlite_app)
    with sqlite_app.uow() as uow:
        profile = current_profile(uow, sqlite_app.settings.half_life_days).profile
        report = profile_html(profile_report(uow, sqlite_app.settings.half_life_days, 120))
    steps = profile.calibration_history
    assert len(steps) >= 2 and steps[-1].label == "today"
    html = browser.get("/profile").text
    card = html[html.index('id="calibration-title"') : html.index('id="trend-title"')]
    start = card.index('id="calibration-over-time"')
    table = card[start : card.index("</table>", start)]
    rows = re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)%</td>', table)
    assert rows == [(s.label[:1].upper() + s.label[1:], str(s.agreement_percent)) for s in steps]
    assert f"--as-of {steps[0].label}" in card
    printed = report[report.index('class="calibration-over-time"') :]
    printed = printed[: printed.index("</table>")]
    shown = re.findall(r"<tr><td>([^<]+)</td><td class=\"num\">(\d+)%</td>", printed)
    assert shown == rows
    for step in steps:
        if step.apart:
            said = step.apart_text[:1].upper() + step.apart_text[1:]
            assert said.replace("'", "&#39;") in table and said.replace("'", "&#39;") in printed

"""Reports from the demo journey: self-contained HTML, PDF pages and text, previews, escaping."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from nextround.domain.notes import Tone
from nextround.reports.render import Paper, application_html, profile_html, to_pdf
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact
from nextround.services.demo import load_demo
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.notes import save_note
from nextround.services.reports import application_report, profile_report
from tests.integration.test_services_demo import lexical
from tests.integration.thin_calibration import seed_thin_calibration

ROOT = Path(__file__).resolve().parents[2]
pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from nextround.bootstrap import Nextround
    from nextround.config import Settings

    folder = tmp_path_factory.mktemp("reports")
    app = Nextround(Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'demo.sqlite3'}"))
    with app.uow() as uow:
        loaded = load_demo(uow, lexical(uow))
    with app.uow() as uow:
        profile = profile_report(uow, 365, 120)
        main = application_report(uow, loaded.main_application, 365)
    yield app, loaded, profile, main
    app.close()


@pytest.fixture(scope="module")
def artefacts(request: pytest.FixtureRequest) -> Path:
    """Where the PNG previews go; the folder is printed at the end of the run."""
    base = Path(os.environ.get("NEXTROUND_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    folder = base / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        request.addfinalizer(lambda: reporter.write_line(f"report previews: {folder}"))
    return folder


def pdf_text(data: bytes) -> tuple[int, str, tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    box = reader.pages[0].mediabox
    return len(reader.pages), text, (float(box.width), float(box.height))


def preview(data: bytes, folder: Path, name: str) -> Path:
    """The first page as a PNG, drawn by poppler's pdftoppm."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = folder / f"{name}.pdf"
    pdf.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(folder / f"{name}-page1")],
        check=True, timeout=60,
    )  # fmt: skip
    return folder / f"{name}-page1.png"


def assert_self_contained(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    # Nothing is loaded from anywhere: no external scripts, styles, images or fonts.
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", html)
    # Only references inside the document itself, such as an SVG hatch pattern: url(#id).
    assert not re.search(r"url\((?!#)", html) and "@import" not in html


def test_profile_report_html_is_self_contained_with_its_charts(demo):
    _, _, profile, _ = demo
    html = profile_html(profile)
    assert_self_contained(html)
    assert html.count("<svg") >= 5  # radar, calibration, trend, evidence timeline, funnel
    for heading in (
        "Spikes: where you are clearly strong",
        "Recurring gaps, with their evidence",
        "Calibration: you against everyone else",
        "Trend",
        "Evidence over time",
        "Application funnel",
        "Growth plan",
    ):
        assert heading in html
    assert "size: A4;" in html
    assert "size: letter;" in profile_html(profile, Paper.LETTER)
    # The agreement figure says what it measures, in the tile and by the calibration table.
    calibration = profile.view.profile.calibration
    tile = html[html.index("Self vs others") : html.index("Applications")]
    assert f"{calibration.agreement_percent}%" in tile
    assert (
        "how close your own view (self-ratings and notes about yourself) is to others' view, over"
        in tile
    )
    assert "agreement on" not in tile  # read as "agreed on every one"
    points = calibration.mean_difference_points
    assert f"On average your own view is {points:.1f} of a rating point from what" in html
    assert f"= 1 − {calibration.mean_difference:.2f} = {calibration.agreement:.2f}" in html
    # The funnel tile counts in words: "1 offer", never "1 offers".
    applications = html[html.index('<div class="what">Applications') :]
    applications = applications[: applications.index("</div></div>")]
    funnel = {step.label: step.count for step in profile.stats.funnel}
    assert f"{funnel['Offers']} offer{'' if funnel['Offers'] == 1 else 's'}" in applications
    assert "1 offers" not in applications and "1 screens" not in applications
    # QA17 F1: under the funnel, how each kind of round went, as `nextround stats` says it.
    assert profile.stats.round_kinds
    for kind in profile.stats.round_kinds:
        assert f"<li>{kind.summary}</li>" in html


def test_the_report_trend_rings_the_points_fading_moved(demo):
    from nextround.domain.trend import FADING_MEANING, FADING_NOTE

    _, _, profile, _ = demo
    html = profile_html(profile)
    section = html[html.index("<h2>Trend</h2>") : html.index("<h2>Evidence over time</h2>")]
    p = profile.view.profile
    faded = [(t.name.split(":")[0], pt.as_of) for t in p.trend_lines for pt in t.points if pt.faded]
    assert faded  # the demo has them: a past quarter of risk management, today's of others
    for name, day in faded:
        assert re.search(
            rf"<title>{name}, {day.isoformat()}: [\d.]+ \({FADING_NOTE}\)</title>", section
        )
    rings = section.count('stroke-dasharray="2 2"')
    assert rings == len(faded) + 1  # each point, and the legend
    assert f"A ringed point, “{FADING_NOTE}”: {FADING_MEANING}." in section


def test_the_reports_show_scores_on_the_0_to_1_scale_of_the_terminal_and_web(demo):
    _, _, profile, main = demo
    html = profile_html(profile)
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    # Nothing out of 100: the scale every other surface uses, two decimals.
    assert "/100" not in html and "out of 100" not in html and "50/100" not in html
    p = profile.view.profile
    for spike in p.spikes:
        s = spike.score
        assert f"{s.name} · {s.mean:.2f} (80% range {s.low:.2f}–{s.high:.2f}," in words
    for gap in p.recurring_gaps:
        s = gap.score
        assert f"{s.name} · {s.mean:.2f} (80% range {s.low:.2f}–{s.high:.2f};" in words
    for s in p.competencies:
        if s.evidence_count:
            assert f"{s.name} {s.mean:.2f} {s.low:.2f}–{s.high:.2f}" in words
    for item in p.calibration.items:
        assert f"{item.name} {item.self_score:.2f} {item.others.mean:.2f}" in words
    assert "starts at an even 0.5" in words and "(0.25) above what others say" in words
    # The charts too: the radar's outer ring is 1, the trend's axis runs to 1.
    radar = html[
        html.index("Competency radar") : html.index("</svg>", html.index("Competency radar"))
    ]
    assert "Score from 0 to 1 per axis." in radar
    # The trend as text, each point as the terminal writes it, marks included.
    from nextround.reports.figures import trend_shown

    assert trend_shown(p)
    for series in trend_shown(p):
        steps = " → ".join(
            (f"{pt.quarter}{'' if last is pt else '–' + last.quarter} no new evidence")
            if pt.carried_forward
            else f"{pt.quarter} {pt.score.mean:.2f}" + (f" ({pt.note})" if pt.note else "")
            for pt, last in series.steps()
        )
        assert f"{series.name}: {steps}" in words, steps
    application = " ".join(re.sub(r"<[^>]+>", " ", application_html(main)).split())
    assert "out of 100" not in application and "Both from 0 to 1" in application


def test_profile_report_pdf_pages_text_and_preview(demo, artefacts):
    _, _, profile, _ = demo
    data = to_pdf(profile_html(profile))
    pages, text, (width, height) = pdf_text(data)
    # 11 since each spike and gap quotes every independent source it claims (QA20 F9).
    assert 4 <= pages <= 11
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    for expected in (
        "Nadia Mensah: skills from every source",
        "Planning and execution",
        "Systems thinking",
        "Recurring gaps",
        "Calibration",
        "Growth plan",
        f"page 1 of {pages}",
    ):
        assert expected in text, expected
    png = preview(data, artefacts, "profile")
    assert png.stat().st_size > 20_000
    # The closing note never stands alone on the last page: the plan's end goes with it.
    last = " ".join((pypdf.PdfReader(io.BytesIO(data)).pages[-1].extract_text() or "").split())
    assert "How the numbers work" in last and "done so far" in last and "Why:" in last


def test_application_report_pdf_pages_text_and_preview(demo, artefacts):
    _, _, _, main = demo
    html = application_html(main)
    assert_self_contained(html)
    assert html.count("<svg") >= 2  # the process timeline and self-view against feedback
    assert "via LinkedIn" in html  # as the CSV and the command line spell it, not "linkedin"
    data = to_pdf(html)
    pages, text, _ = pdf_text(data)
    assert 3 <= pages <= 8
    for expected in (
        "Technical Program Manager at Tempoline",
        "The process",
        "Your debriefs",
        "Your view against this process's feedback",
        "Learnings",
        "Against your Option A",
        "The gap is how far the ratings fall short of your targets",
        "Thank-you note",
        "Dear Maya and Jonas",
        "risk management",
    ):
        assert expected in text, expected
    assert re.search(r"Sent on \d+ \w+ 20\d\d to Maya Lindgren, Jonas Ekstr", text)
    # Self-ratings are named as the framework names them, not by their ids.
    assert "Your ratings: Planning and execution 4/5 · Ownership 4/5 · Prioritisation 3/5" in text
    assert "planning execution" not in text
    # The questions logged in each debrief: the prep material for the next loop.
    assert "Questions you logged." in text
    assert "How did you know it was on track before the steering committee did?" in text
    letter = pdf_text(to_pdf(application_html(main, Paper.LETTER)))[2]
    assert (round(letter[0]), round(letter[1])) == (612, 792)  # US Letter in points
    png = preview(data, artefacts, "application")
    assert png.stat().st_size > 20_000


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_text_renders_as_text(sqlite_app):
    with sqlite_app.uow() as uow:
        app = add_application(
            uow,
            {
                "company": 'Evil"</style><b>Co</b>',
                "role_title": "PM " + HOSTILE,
                "applied_on": date(2025, 1, 2),
                "notes": HOSTILE,
            },
        )
        add_contact(uow, "Mallory <i>Q</i>", application_id=app.id, role="recruiter")
        drafts = draft_notes(uow, NoteRequest(app.id, tone=Tone.AFTER_INTERVIEW))
        save_note(uow, drafts, 1, body="Thanks! " + HOSTILE)
        report = application_report(uow, app.id, 365)
    html = application_html(report)
    assert "<script" not in html and "<img" not in html and "<b>Co</b>" not in html
    assert "&lt;script&gt;" in html and "Mallory &lt;i&gt;Q&lt;/i&gt;" in html
    # The application's own notes are in its report, as text.
    assert "<strong>Your notes.</strong> &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    style = html[html.index("<style>") : html.index("</style>")]
    assert "</style" not in style[7:] and '"</' not in style  # the footer string stays a string
    text = pdf_text(to_pdf(html))[1]
    assert '<script>alert("x")</script>' in text  # shown, not run


def test_a_long_unbroken_word_wraps_on_the_page_and_is_clipped_in_the_footer(sqlite_app):
    word = "W" * 200
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": word, "role_title": "PM", "applied_on": date(2025, 1, 2)}
        )
        report = application_report(uow, app.id, 365)
    html = application_html(report)
    # The footer keeps to its line: the name is clipped (… is \\2026 in a CSS string).
    assert "nextround · PM at " + "W" * 39 + "\\2026 " in html
    _, text, _ = pdf_text(to_pdf(html))
    # Wrapped, the word comes out of the PDF in pieces; run off the page, it came out whole.
    assert word not in text and word[:40] in text


def test_an_empty_database_still_makes_a_readable_profile_report(sqlite_app):
    with sqlite_app.uow() as uow:
        report = profile_report(uow, 365, 120)
    html = profile_html(report)
    assert "No evidence yet" in html and "No spike yet" in html
    pages, text, _ = pdf_text(to_pdf(html))
    # Without a sender name set, the headline stands on its own.
    assert "<h1>Skills from every source</h1>" in html
    assert pages >= 1 and "Skills from every source" in text


def test_a_calibration_on_thin_evidence_is_called_provisional_in_the_report(sqlite_app):
    seed_thin_calibration(sqlite_app)
    with sqlite_app.uow() as uow:
        report = profile_report(uow, 365, 120)
    html = profile_html(report)
    tile = html[html.index("Self vs others") : html.index('<div class="what">Applications')]
    assert "over 1 competency; provisional: the others' side is thin" in tile
    assert (
        '<p class="caveat">Based on 1 outside piece of evidence per competency, which is thin '
        "everywhere: treat this figure as provisional until more feedback arrives.</p>"
    ) in html


@pytest.mark.parametrize(("done", "said"), [(0, "0 actions"), (1, "1 action"), (2, "2 actions")])
def test_the_plan_count_in_the_report_agrees_with_its_number(demo, done, said):
    from dataclasses import replace
    from datetime import date as day

    _, _, profile, _ = demo
    plan = [replace(a, done_on=None) for a in profile.plan]
    assert len(plan) >= 2, "the demo plan has actions to tick"
    plan[:done] = [replace(a, done_on=day(2026, 1, 5)) for a in plan[:done]]
    html = profile_html(replace(profile, plan=plan))
    assert f"{said} done so far." in html and "(s)" not in html


def test_the_report_timeline_shows_feedback_from_its_first_statement(sqlite_app):
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_feedback, add_mapped_feedback

    email = (
        "Hi Sam,\n\nI hope you're having a good week, and thank you again for your time. "
        "After a lot of discussion, the team has decided to move forward with another "
        "candidate.\n\n- Your pricing answer really stood out.\n- The roadmap was thin.\n"
    )
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Acme", "role_title": "PM", "applied_on": date(2025, 1, 2)}
        )
        add_mapped_feedback(
            uow, email, FeedbackSource.RECRUITER, lambda: lexical(uow), "nextround-core",
            received_on=date(2025, 2, 1), links=FeedbackLinks(app.id),
        )  # fmt: skip
        # Stored unread: the splitter finds where it begins all the same.
        add_feedback(
            uow,
            email,
            FeedbackSource.RECRUITER,
            received_on=date(2025, 2, 2),
            application_id=app.id,
        )
        report = application_report(uow, app.id, 365)
    details = [e.detail for e in report.events if e.refs.get("feedback")]
    assert [d.rstrip() for d in details] == [
        "…" + email[email.index("Your pricing") :].rstrip()
    ] * 2
    assert "Your pricing answer really stood out." in application_html(report)


def test_the_report_quotes_feedback_pasted_as_html_as_it_reads(sqlite_app):
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback

    email = (
        '<html><body><div style="font-family:Arial"><p>Hi Adebayo,</p>\n'
        "<p>Unfortunately, we&rsquo;ve decided not to move forward.</p>\n"
        "<p>The panel were impressed by your take-home: the churn model was rigorous and "
        "your write-up explained the trade-offs clearly.</p> <p>However, in the ML system "
        "design interview you struggled to reason about serving latency.</p>\n"
        "<p>Best wishes,<br>Jess</p><script>alert(1)</script></div></body></html>"
    )
    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Monzo", "role_title": "DS", "applied_on": date(2026, 9, 2)}
        )
        add_mapped_feedback(
            uow, email, FeedbackSource.RECRUITER, lambda: lexical(uow), "nextround-core",
            received_on=date(2026, 10, 16), links=FeedbackLinks(app.id),
        )  # fmt: skip
        report = application_report(uow, app.id, 365)
    html = application_html(report)
    assert "<script>alert" not in html
    text = pdf_text(to_pdf(html))[1]
    for markup in ("<p>", "</p>", "&rsquo;", "<br>", "alert", "&lt;"):
        assert markup not in text, markup
    assert (
        "…The panel were impressed by your take-home: the churn model was rigorous and your "
        "write-up explained the trade-offs clearly. However, in the ML system design"
    ) in text


def visible_text(html: str) -> str:
    """What a reader of the HTML sees: no style sheet, no chart markup, no tags."""
    import html as entities

    text = re.sub(r"<style.*?</style>|<svg.*?</svg>|<title>.*?</title>", " ", html, flags=re.S)
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def cli_commands() -> list[str]:
    import typer

    from nextround.cli import app as cli

    group = typer.main.get_command(cli)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_a_shareable_report_tells_the_reader_no_command_to_run(demo):
    app, _, profile, _ = demo
    pages = {"profile": profile_html(profile)}
    with app.uow() as uow:
        for facts in uow.applications.facts():
            pages[f"application {facts.id}"] = application_html(
                application_report(uow, facts.id, 365)
            )
    command = re.compile(rf"\bnextround (?:{'|'.join(map(re.escape, cli_commands()))})\b")
    for name, html in pages.items():
        text = visible_text(html)
        assert not command.findall(text), (name, command.findall(text))
        assert "`" not in text, name
    # Nor a page of the app its reader does not have: the rest of a gap's evidence is listed
    # in the report itself (QA16 Q11).
    assert "Profile page" not in pages["profile"]
    assert "Also:" in visible_text(pages["profile"])
    # Past the first few, the rest is counted, not quoted: a long record fills no pages.
    assert re.search(
        r"and \d+ more pieces of evidence on systems thinking\.", visible_text(pages["profile"])
    )


def test_the_profile_report_carries_the_whole_plan_in_the_plan_pages_groups(demo):
    from nextround.domain.plan_groups import plan_groups
    from nextround.services.plan import refresh_plan
    from nextround.services.plan_week import week_view

    app, _, profile, _ = demo
    with app.uow() as uow:
        refresh_plan(uow, 365, 120)  # what `nextround plan` and the web app's start-up do
        page = [a for a in week_view(uow).plan if not a.done]
    shown = [(g.kind, g.title, [a.id for a in g.actions]) for g in profile.open_groups]
    assert shown == [(g.kind, g.title, [a.id for a in g.actions]) for g in plan_groups(page)]
    kinds = [kind for kind, _, _ in shown]
    assert {"mitigate", "position", "lean_in", "story"} <= set(kinds), kinds
    html = profile_html(profile)
    plan = html[html.index("<h2>Growth plan</h2>") : html.index('<p class="explain">')]
    # Every open action, none capped away, under its group's heading in the page's order.
    at = [plan.index(f"<h3>{title}") for _, title, _ in shown]
    assert at == sorted(at)
    titles = [a.title for a in profile.plan if not a.done]
    assert plan.count("<li>") == len(titles)
    from markupsafe import escape

    assert all(f"<strong>{escape(t)}</strong>" in plan for t in titles)


def test_an_action_of_a_kind_the_report_does_not_know_is_shown_under_its_own_name(demo):
    from dataclasses import replace

    from nextround.domain.plan import PlanAction

    _, _, profile, _ = demo
    odd = PlanAction(
        id="career_break:walk-me-through",
        kind="career_break",
        competency_id=None,
        title="Write a two-sentence answer about the gap on your CV",
        detail="What you did, what it gave you, why you are ready now.",
        why="Two sources named it.",
        created_on=profile.generated_on,
    )
    html = profile_html(replace(profile, plan=[*profile.plan, odd]))
    plan = html[html.index("<h2>Growth plan</h2>") :]
    assert "<h3>Career break" in plan
    assert plan.index("<h3>Career break") < plan.index(odd.title)


def test_the_html_report_draws_its_timelines_narrow_for_a_phone_and_print_keeps_the_wide(demo):
    _, _, profile, main = demo
    for html in (profile_html(profile), application_html(main)):
        wide = re.search(r'<div class="wide-only"><svg[^>]*viewBox="0 0 (\d+) ', html)
        narrow = re.search(r'<div class="narrow-only"><svg[^>]*viewBox="0 0 (\d+) ', html)
        assert wide and narrow, "both drawings of the timeline"
        assert int(wide.group(1)) >= 700 and int(narrow.group(1)) <= 360
        # The narrow one shows only on a screen as small as a phone; print keeps the wide.
        css = html[html.index("<style>") : html.index("</style>")]
        assert ".narrow-only { display: none; }" in css
        phone = css[css.index("@media screen and (max-width: 600px)") :]
        assert (
            ".narrow-only { display: block; }" in phone and ".wide-only { display: none; }" in phone
        )


def test_the_application_report_carries_the_offer_terms_app_show_gives(sqlite_app):
    from nextround.domain.journey import Outcome
    from nextround.domain.offer_terms import OfferTerms
    from nextround.services.process import decide

    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Lumora", "role_title": "EM", "applied_on": date(2026, 9, 1)}
        )
        terms = OfferTerms("EUR", 118_000, 17_700, "0.1% over 4 years", None, 12_000)
        decide(
            uow, app.id, Outcome.OFFER, date(2026, 10, 8), answer_by=date(2026, 10, 15), terms=terms
        )
    with sqlite_app.uow() as uow:
        report = application_report(uow, app.id, 365)
    html = application_html(report)
    # The same lines as `app show`, from the same code: each term, then the first year.
    for line in terms.lines():
        assert f"<li>{line}</li>" in html
    assert "Base: 118,000 EUR a year" in html
    assert "First year: 147,700 EUR (base + variable target + sign-on)" in html
    assert "Answer asked by 15 Oct 2026." in html
    text = pdf_text(to_pdf(html))[1]
    assert "118,000 EUR" in text and "147,700 EUR" in text


def test_the_report_funnel_says_why_a_stage_has_no_share_as_stats_does(sqlite_app):
    from nextround.domain.journey import Outcome
    from nextround.domain.pipeline import funnel_note
    from nextround.services.process import decide

    with sqlite_app.uow() as uow:
        app = add_application(
            uow, {"company": "Fernweh", "role_title": "EM", "applied_on": date(2026, 9, 1)}
        )
        decide(uow, app.id, Outcome.OFFER, date(2026, 10, 2))
    with sqlite_app.uow() as uow:
        report = profile_report(uow, 365, 120)
    note = funnel_note(report.stats.funnel)
    assert note is not None and "1 offer came without a final round on record" in note
    html = profile_html(report)
    assert f"<figcaption>“—”: {note}</figcaption>" in html
    assert "without a final round on record" in pdf_text(to_pdf(html))[1]

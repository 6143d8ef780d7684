"""The SVG charts: labelled for screen readers, escaped, honest about missing data."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from nextround.reports.charts import Mark, Span, funnel_svg, radar_svg, timeline_svg, trend_svg

SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert("x")</script>&'


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # also proves the SVG is well-formed XML
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    ident = root.get("id")
    assert root.get("aria-labelledby") == f"{ident}-title {ident}-desc"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    return root


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_funnel_counts_and_conversion() -> None:
    root = parse(funnel_svg([("Applications", 40), ("Screens", 10), ("Offers", 0)]))
    assert "10  (25%)" in texts(root)
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "Screens: 10 (25% of applications)" in (desc.text or "")


def test_a_stage_reached_without_the_one_before_shows_no_share() -> None:
    steps = [("Applications", 4), ("Final rounds", 1), ("Offers", 1)]
    root = parse(funnel_svg(steps, shares=[None, 0.25, None]))
    labels = texts(root)
    assert "1  (25%)" in labels and "1  (—)" in labels and "1  (0%)" not in labels
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "Offers: 1 (not all through final rounds)" in (desc.text or "")


def test_funnel_without_data() -> None:
    assert "No data yet" in texts(parse(funnel_svg([])))


def test_timeline_lanes_marks_and_legend() -> None:
    svg = timeline_svg(
        [
            Span("1. Screen", date(2025, 5, 1), date(2025, 5, 2), "passed"),
            Span("2. Final", date(2025, 5, 20), None, "pending"),
        ],
        [
            Mark("Applied", date(2025, 4, 28), kind="applied"),
            Mark("Whiteboard", date(2025, 5, 21), lane=1, kind="interview"),
        ],
        today=date(2025, 5, 25),
    )
    root = parse(svg)
    labels = texts(root)
    assert "1. Screen" in labels and "today" in labels and "interview" in labels
    assert "2. Final: 2025-05-20 to ongoing (in progress)" in (root.find(f"{SVG}desc").text or "")


def test_an_open_span_long_before_today_stays_inside_the_chart() -> None:
    # A process stalled for months: its open round runs to today, and the axis goes with it.
    root = parse(
        timeline_svg(
            [Span("1. Screen", date(2026, 9, 5), None, "pending")],
            [Mark("Applied", date(2026, 9, 1), kind="applied")],
            today=date(2026, 11, 26),
            width=700,
        )
    )
    view_width = float((root.get("viewBox") or "").split()[2])
    for rect in root.iter(f"{SVG}rect"):
        right_edge = float(rect.get("x", 0)) + float(rect.get("width", 0))
        assert right_edge <= view_width, ET.tostring(rect)
    for label in root.iter(f"{SVG}text"):
        assert 0 <= float(label.get("x", 0)) <= view_width, label.text
    assert "today" in texts(root)
    ticks = [t for t in texts(root) if t.endswith("2026")]
    assert ticks == ["Sep 2026", "Oct 2026", "Nov 2026"]  # month starts, each named once


def test_a_closed_process_long_ago_does_not_stretch_to_today() -> None:
    root = parse(
        timeline_svg(
            [Span("1. Screen", date(2025, 5, 1), date(2025, 5, 2), "passed")],
            today=date(2026, 11, 26),
        )
    )
    assert "today" not in texts(root)
    assert any("May" in t for t in texts(root))


def test_radar_marks_missing_evidence_instead_of_zero() -> None:
    root = parse(
        radar_svg(
            ["Risk", "Systems", "Communication"],
            [0.8, None, 0.4],
            comparison=("Self", [0.9, 0.7, None]),
        )
    )
    assert "(no evidence)" in texts(root)
    desc = root.find(f"{SVG}desc").text or ""
    # On a 0-1 scale values read as everywhere else: two decimals.
    assert "Systems: no evidence (Self: 0.70)" in desc and "Risk: 0.80" in desc
    assert desc.startswith("Score from 0 to 1 per axis.")
    with pytest.raises(ValueError, match="three axes"):
        radar_svg(["a", "b"], [1, 2])
    with pytest.raises(ValueError, match="one value per label"):
        radar_svg(["a", "b", "c"], [1, 2])


def test_trend_series_differ_by_dash_and_shape() -> None:
    svg = trend_svg(
        {
            "Risk": [(date(2025, 1, 1), 0.2), (date(2025, 6, 1), 0.6)],
            "Systems": [(date(2025, 2, 1), 0.5), (date(2025, 5, 1), 0.4)],
        }
    )
    root = parse(svg)
    lines = list(root.iter(f"{SVG}polyline"))
    assert len(lines) == 2
    assert lines[0].get("stroke-dasharray") != lines[1].get("stroke-dasharray")
    assert "No data yet" in texts(parse(trend_svg({})))


def test_trend_rings_the_marked_points_and_says_what_a_ring_means() -> None:
    series = {
        "Risk": [(date(2025, 3, 31), 0.2), (date(2025, 6, 30), 0.3), (date(2025, 9, 30), 0.6)],
        "Systems": [(date(2025, 3, 31), 0.5), (date(2025, 6, 30), 0.4)],
    }
    marked = {"Risk": {date(2025, 6, 30)}, "Systems": set()}
    root = parse(trend_svg(series, marked=marked, marked_label="mostly fading"))
    rings = [c for c in root.iter(f"{SVG}circle") if c.get("stroke-dasharray") == "2 2"]
    assert len(rings) == 2  # the one marked point, and the legend's ring
    tips = [t.text or "" for g in root.iter(f"{SVG}g") for t in g.iter(f"{SVG}title")]
    assert [t for t in tips if "mostly fading" in t] == ["Risk, 2025-06-30: 0.30 (mostly fading)"]
    assert "mostly fading" in texts(root)
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "2025-06-30 0.30 (mostly fading), 2025-09-30" in (desc.text or "")
    # Nothing marked: no ring, no legend entry.
    plain = parse(trend_svg(series, marked={"Risk": set()}, marked_label="mostly fading"))
    assert not [c for c in plain.iter(f"{SVG}circle") if c.get("stroke-dasharray") == "2 2"]
    assert "mostly fading" not in texts(plain)


@pytest.mark.parametrize(
    "svg",
    [
        funnel_svg([(EVIL, 1)], title=EVIL),
        timeline_svg(
            [Span(EVIL, date(2025, 1, 1))], [Mark(EVIL, date(2025, 1, 2), kind=EVIL)], title=EVIL
        ),
        radar_svg([EVIL, "b", "c"], [1, 2, 3], title=EVIL, value_name=EVIL),
        trend_svg({EVIL: [(date(2025, 1, 1), 1.0)]}, title=EVIL),
        trend_svg(
            {EVIL: [(date(2025, 1, 1), 1.0)]},
            title=EVIL,
            marked={EVIL: {date(2025, 1, 1)}},
            marked_label=EVIL,
        ),
    ],
)
def test_labels_are_escaped(svg: str) -> None:
    root = parse(svg)
    assert "<script>" not in svg
    assert EVIL in (root.find(f"{SVG}title").text or "")  # the text itself survives


def test_funnel_shows_the_shares_it_is_given_rather_than_count_over_count() -> None:
    steps = [("Applications", 4), ("Final rounds", 1), ("Offers", 2)]
    words = texts(parse(funnel_svg(steps, shares=[None, 0.25, 1.0])))
    assert "2  (100%)" in words and "2  (200%)" not in words
    assert "1  (25%)" in words


def test_radar_labels_lie_outside_the_ring_and_its_markers() -> None:
    # The finding: "Custo●er focus" (a top score's marker on its label) and the scale's "1"
    # over "Stakeholder management" in the PDF.
    import math
    import re

    labels = ["Stakeholder management", "Communication", "Customer focus", "Technical depth"]
    svg = radar_svg(labels, [1.0, 1.0, 1.0, 1.0], width=420)
    rings = re.findall(r'<polygon points="([^"]+)" fill="none"', svg)
    outer = [tuple(map(float, p.split(","))) for p in rings[-1].split()]
    cx = sum(x for x, _ in outer) / len(outer)
    cy = sum(y for _, y in outer) / len(outer)
    radius = max(abs(x - cx) for x, _ in outer)
    texts = {
        word: (float(x), float(y))
        for x, y, word in re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]+)</text>', svg)
    }
    top, right, bottom, left = outer
    # Beyond a marker (radius 4 and its stroke) in the direction of each axis: the top
    # label's last line ends above the ring, the bottom one's capitals start below it.
    assert texts["management"][1] + 3 < top[1] - 5
    assert texts["Customer focus"][1] - 9 > bottom[1] + 5
    assert texts["Communication"][0] > right[0] + 5
    assert texts["Technical depth"][0] < left[0] - 5
    # The scale's "1" sits between two axes, inside the ring, where no marker or label is.
    x, y = texts["1"]
    assert abs(x - cx) > 20 and abs(y - cy) > 20 and math.hypot(x - cx, y - cy) < radius


def test_a_typed_reason_reads_as_a_sentence_after_the_decision() -> None:
    from nextround.reports.render import as_sentence

    # The finding: "Decision: rejection on 15 Oct 2026. not enough hands-on infra".
    assert as_sentence("not enough hands-on infra") == "Not enough hands-on infra."
    assert as_sentence("  They chose another\n finalist!") == "They chose another finalist!"
    # A name that starts in lower case on purpose keeps it.
    assert as_sentence("iOS depth was missing") == "iOS depth was missing."
    assert as_sentence("") == ""


def test_a_passed_round_spans_its_own_days_not_the_wait_for_the_decision(local_zone) -> None:
    # The finding: a one-day screen on 18 Sep was drawn to the decision on 24 Oct.
    from datetime import UTC, datetime

    from nextround.domain.journey import (
        Application,
        Decision,
        Interview,
        Outcome,
        Round,
        RoundKind,
        RoundOutcome,
    )
    from nextround.reports.figures import process_lanes

    local_zone("UTC")
    app = Application("Finch Bank", "PM", date(2026, 9, 10))
    app.id = 2
    screen = app.add_round(
        Round("Screen", RoundKind.SCREEN, date(2026, 9, 18), outcome=RoundOutcome.PASSED, id=3)
    )
    app.add_interview(screen, Interview("Call", scheduled_at=datetime(2026, 9, 18, 9, tzinfo=UTC)))
    loop = app.add_round(
        Round("Loop", RoundKind.FINAL_LOOP, date(2026, 10, 13), outcome=RoundOutcome.REJECTED)
    )
    for day in (13, 14):
        app.add_interview(
            loop, Interview(f"Day {day}", scheduled_at=datetime(2026, 10, day, 9, tzinfo=UTC))
        )
    app.add_round(
        Round("Take-home", RoundKind.OTHER, date(2026, 10, 15), outcome=RoundOutcome.PASSED)
    )
    app.decide(Decision(Outcome.REJECTION, date(2026, 10, 24)))
    spans, _ = process_lanes(app)
    assert [(s.start, s.end) for s in spans] == [
        (date(2026, 9, 18), date(2026, 9, 18)),  # one day: a short mark
        (date(2026, 10, 13), date(2026, 10, 14)),  # its interviews' days
        (date(2026, 10, 15), date(2026, 10, 15)),  # no interview: its own start
    ]
    root = parse(timeline_svg(spans, [Mark("Decision", date(2026, 10, 24), shape="diamond")]))
    assert "1. Screen: on 2026-09-18 (passed)" in (root.find(f"{SVG}desc").text or "")


def test_a_phone_sized_timeline_keeps_its_labels_and_legend_inside() -> None:
    spans = [
        Span("1. Recruiter screen", date(2026, 9, 18), date(2026, 9, 18), "passed"),
        Span("2. Hiring manager", date(2026, 9, 29), date(2026, 9, 29), "passed"),
        Span("3. Final loop with a long name", date(2026, 10, 14), date(2026, 10, 14), "ended"),
    ]
    marks = [
        Mark("Applied", date(2026, 9, 10), kind="applied"),
        Mark("Screen", date(2026, 9, 18), lane=0, kind="interview"),
        Mark("Decision", date(2026, 10, 24), shape="diamond", kind="decision"),
    ]
    width = 340
    root = parse(timeline_svg(spans, marks, width=width))
    view_width, view_height = (float(v) for v in (root.get("viewBox") or "").split()[2:])
    assert view_width == width
    for label in root.iter(f"{SVG}text"):
        x, y = float(label.get("x", 0)), float(label.get("y", 0))
        size = 6.4 if label.get("font-size") == "11" else 5.6
        extent = size * len(label.text or "")
        left = {"end": x - extent, "middle": x - extent / 2}.get(label.get("text-anchor", ""), x)
        assert left >= 0 and left + extent <= view_width + 12, label.text  # 12: a tick's half
        assert y <= view_height, label.text
    # The legend wraps onto a second line rather than run off the right edge.
    legend_rows = {t.get("y") for t in root.iter(f"{SVG}text") if t.text in ("passed", "decision")}
    assert len(legend_rows) == 2
    # Tick names are far enough apart not to overlap.
    ticks = sorted(
        float(t.get("x", 0))
        for t in root.iter(f"{SVG}text")
        if (t.text or "")[:1].isdigit() and t.get("text-anchor") == "middle"
    )
    assert all(b - a >= 40 for a, b in itertools.pairwise(ticks))


def test_a_trend_names_its_time_axis_in_the_quarters_the_text_uses() -> None:
    # QA16 Q11: the axis read "31 Dec 2025 / 14 Jun 2026" while the text spoke of quarters.
    days = [date(2025, 12, 31), date(2026, 3, 31), date(2026, 6, 30), date(2026, 11, 27)]
    series = {"Risk": [(d, 0.2 + i / 10) for i, d in enumerate(days)]}
    ticks = [(d, q) for d, q in zip(days, ["2025Q4", "2026Q1", "2026Q2", "2026Q4"], strict=True)]
    shown = texts(parse(trend_svg(series, ticks=ticks)))
    assert {"2025Q4", "2026Q1", "2026Q2", "2026Q4"} <= set(shown)
    assert "31 Dec 2025" not in shown
    # Without ticks, the first, middle and last days are named, as before.
    assert "31 Dec 2025" in texts(parse(trend_svg(series)))


def test_report_days_and_chart_ticks_follow_the_users_date_order(monkeypatch) -> None:
    # QA22 F4: a US reader's report says "Oct 28, 2026", not "28 Oct 2026".
    from datetime import date

    from nextround.reports.charts import _axis_ticks
    from nextround.reports.render import report_day

    first, last = date(2026, 10, 1), date(2026, 10, 29)
    monkeypatch.delenv("NEXTROUND_DATE_ORDER", raising=False)
    assert report_day(date(2026, 10, 28)) == "28 Oct 2026"
    assert ">1 Oct<" in "".join(_axis_ticks(first, last, lambda d: d.day * 20.0, 100, 0))
    monkeypatch.setenv("NEXTROUND_DATE_ORDER", "month-first")
    assert report_day(date(2026, 10, 28)) == "Oct 28, 2026"
    assert report_day(None) == ""
    assert ">Oct 1<" in "".join(_axis_ticks(first, last, lambda d: d.day * 20.0, 100, 0))


def test_every_report_font_stack_names_emoji_fonts_before_its_generic_family() -> None:
    # QA22 F13: "was great 👍" printed as an empty box; the generic family has no emoji.
    import re
    from pathlib import Path

    import nextround.reports

    css = (Path(nextround.reports.__file__).parent / "templates" / "report.css").read_text()
    stacks = re.findall(r"font-family:\s*([^;]+);", css)
    assert stacks
    for stack in stacks:
        names = [n.strip().strip('"') for n in stack.split(",")]
        assert "Noto Color Emoji" in names, stack
        assert names.index("Noto Color Emoji") < len(names) - 1, stack

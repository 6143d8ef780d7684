"""Small charts: momentum bars and score bars, and the radar and trend layout details."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from nextround.reports.bars import momentum_svg, score_bar_svg
from nextround.reports.charts import radar_svg, trend_svg

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_momentum_bars_label_each_week_and_this_one() -> None:
    svg = momentum_svg([("2026-W46", 0), ("2026-W47", 2), ("2026-W48", 1)])
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert "2026-W47: 2" in (root.find(f"{SVG}desc").text or "")
    assert _texts(svg) == ["0", "W46", "2", "W47", "1", "this week"]
    assert len(list(root.iter(f"{SVG}rect"))) == 2  # an empty week draws no bar
    assert "No weeks yet" in momentum_svg([])


def test_score_bar_is_decorative_and_marks_even_odds() -> None:
    root = ET.fromstring(score_bar_svg(0.7, 0.55, 0.85))
    assert root.get("aria-hidden") == "true"
    assert len(list(root.iter(f"{SVG}circle"))) == 1
    assert list(ET.fromstring(score_bar_svg(None)).iter(f"{SVG}circle")) == []


def test_radar_comparison_with_gaps_never_dives_to_the_centre() -> None:
    svg = radar_svg(
        ["Risk", "Systems", "Communication", "Ownership"],
        [0.4, 0.3, 0.7, 0.6],
        comparison=("Self", [0.5, None, 0.8, 0.6]),
    )
    root = ET.fromstring(svg)
    paths = [p.get("d") or "" for p in root.iter(f"{SVG}path")]
    assert any(d.count("M") == 2 for d in paths)  # communication-ownership, ownership-risk
    assert len(list(root.iter(f"{SVG}polygon"))) == 5  # four rings and the main series


def test_narrow_radar_wraps_labels_on_three_lines() -> None:
    labels = ["Process design and improvement", "Stakeholder management", "Risk management"]
    svg = radar_svg(labels, [0.5, 0.6, 0.4], width=380, label_width=10)
    texts = _texts(svg)
    assert "Process" in texts and "design and" in texts and "improvement" in texts


def test_trend_keeps_labels_and_legend_inside_the_chart() -> None:
    names = [f"Competency number {n}" for n in range(5)]
    svg = trend_svg(
        {name: [(date(2025, 6, 30), 0.3), (date(2026, 3, 31), 0.6)] for name in names},
        scale_max=1.0,
        width=380,
    )
    root = ET.fromstring(svg)
    assert "0.25" in _texts(svg) and "0.75" in _texts(svg)
    anchors = {t.text: t.get("text-anchor") for t in root.iter(f"{SVG}text")}
    assert anchors["30 Jun 2025"] == "start" and anchors["31 Mar 2026"] == "end"
    legend_rows = {t.get("y") for t in root.iter(f"{SVG}text") if (t.text or "") in names}
    assert len(legend_rows) > 1  # five long names do not fit one row at 380 px


def test_counts_read_in_words() -> None:
    from nextround.reports.render import counted_plural

    assert counted_plural(1, "Offers") == "1 offer"
    assert counted_plural(2, "Final rounds") == "2 final rounds"
    assert counted_plural(1, "Final rounds") == "1 final round"
    assert counted_plural(0, "Screens") == "0 screens"

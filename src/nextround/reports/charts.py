"""Server-rendered SVG charts from plain data: funnel, process timeline, radar and trend.

Each function takes data (never domain objects), escapes every label, and returns one
<svg> string with a <title> and <desc> for screen readers. Series and states are told apart
by shape, dash and hatching as well as colour, so the charts read in grey-scale.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from nextround.config import date_order
from nextround.domain.calendar_days import written_day
from nextround.reports.svg import (
    ACCENT,
    ACCENT_SOFT,
    DASHES,
    GRID,
    INK,
    MUTED,
    SERIES_COLOURS,
    SHAPES,
    chart_id,
    esc,
    frame,
    hatch,
    marker,
    num,
    text,
    wrap,
)


def shown_value(value: float, scale_max: float) -> str:
    """A value as the pages write it: two decimals on a 0-1 scale (0.82), else at most one."""
    return f"{value:.2f}" if scale_max <= 1 else num(value)


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


def funnel_svg(
    steps: Sequence[tuple[str, int]],
    *,
    title: str = "Application funnel",
    description: str | None = None,
    width: int = 480,
    shares: Sequence[float | None] | None = None,
) -> str:
    """Horizontal bars, one per stage, with counts and the share of the stage before.

    ``shares`` gives each stage's share of the one before where it is not count over count:
    a stage can hold applications that skipped the one before (an offer without a final
    round), and "200%" would say nothing true.
    """
    ident = chart_id("funnel", steps, title)
    row, top, label_w = 38, 8, 118
    height = top + row * max(1, len(steps)) + 6
    biggest = max((count for _, count in steps), default=0)
    bar_w = width - label_w - 110
    body = []
    parts = []
    for index, (label, count) in enumerate(steps):
        y = top + index * row
        length = bar_w * count / biggest if biggest else 0
        body.append(text(label_w - 10, y + 20, label, anchor="end"))
        body.append(
            f'<rect x="{label_w}" y="{y + 6}" width="{num(bar_w)}" height="20" rx="4" '
            f'fill="{GRID}"/>'
        )
        if length:
            body.append(
                f'<rect x="{label_w}" y="{y + 6}" width="{num(max(length, 3))}" height="20" '
                f'rx="4" fill="{ACCENT}"/>'
            )
        note = str(count)
        described = f"{label}: {count}"
        share = None
        if shares is not None:
            given = shares[index]
            share = None if given is None else f"{round(100 * given)}%"
            if given is None and index and count:
                # Some came here without the stage before: no share of it is true.
                note += "  (—)"
                described += f" (not all through {steps[index - 1][0].lower()})"
        elif index and steps[index - 1][1]:
            share = _pct(count, steps[index - 1][1])
        if share is not None:
            note += f"  ({share})"
            described += f" ({share} of {steps[index - 1][0].lower()})"
        body.append(text(label_w + bar_w + 8, y + 20, note, weight="600"))
        parts.append(described)
    if not steps:
        body.append(text(width / 2, 24, "No data yet", anchor="middle", fill=MUTED))
    return frame(
        ident,
        (width, height),
        title,
        description or "; ".join(parts) or "No data yet.",
        "".join(body),
    )


@dataclass(frozen=True)
class Span:
    """A bar on a timeline lane, e.g. a round from its first to its last day."""

    label: str
    start: date
    end: date | None = None
    tone: str = "pending"  # passed | pending | ended


@dataclass(frozen=True)
class Mark:
    """A dated point: on a span's lane (``lane`` = its index) or on the events row (None).

    ``kind`` names the mark in the legend, e.g. "interview" or "decision".
    """

    label: str
    on: date
    lane: int | None = None
    shape: str = "circle"  # circle | diamond | square | triangle | cross
    kind: str = "event"


_TONES = {
    "passed": ("passed", ACCENT, ACCENT, ""),
    "pending": ("in progress", "#ffffff", ACCENT, ' stroke-dasharray="4 3"'),
    "ended": ("did not pass", "url(#{hatch})", MUTED, ""),
}


def timeline_svg(
    spans: Sequence[Span],
    marks: Sequence[Mark] = (),
    *,
    title: str = "Process timeline",
    description: str | None = None,
    today: date | None = None,
    width: int = 720,
) -> str:
    """Lanes of spans over a date axis, point marks, an events row, and a line for today."""
    ident = chart_id("timeline", spans, marks, title, today, width)
    days = [s.start for s in spans] + [s.end for s in spans if s.end] + [m.on for m in marks]
    if not days:
        return frame(
            ident,
            (width, 40),
            title,
            description or "Nothing to show yet.",
            text(width / 2, 24, "Nothing to show yet", anchor="middle", fill=MUTED),
        )
    first, last = min(days), max(days)
    # The axis reaches today when today is near, and always while a span is still open: an
    # open span runs to today, and a stalled process is exactly the one to see as such.
    ongoing = any(s.end is None for s in spans)
    if today is not None and first <= today and (ongoing or today <= last + timedelta(days=30)):
        last = max(last, today)
    total = max((last - first).days, 1)
    left, right, top, lane_h = 30, 30, 30, 38
    plot_w = width - left - right
    events_y = top + lane_h * len(spans) + 8  # the row for marks that belong to no lane
    axis_y = events_y + 14
    kinds: dict[str, tuple[str, bool]] = {}
    for mark in marks:
        kinds.setdefault(mark.kind, (mark.shape, mark.lane is not None))
    # A narrow (phone) chart wraps its legend onto more lines rather than run off its edge.
    legend_lines = _legend_lines({s.tone for s in spans}, kinds, width)
    height = axis_y + 50 + 16 * (len(legend_lines) - 1)

    def x(day: date) -> float:
        return left + plot_w * (day - first).days / total

    body = [f"<defs>{hatch(ident + '-hatch')}</defs>"]
    body += _axis_ticks(first, last, x, axis_y, top - 6)
    if today is not None and first <= today <= last:
        body.append(
            f'<line x1="{num(x(today))}" y1="{top - 8}" x2="{num(x(today))}" y2="{axis_y}" '
            f'stroke="{INK}" stroke-dasharray="3 3" stroke-width="1"/>'
        )
        body.append(text(x(today), top - 12, "today", anchor="middle", size=10, fill=MUTED))
    for index, span in enumerate(spans):
        y = top + index * lane_h
        end = min(span.end or today or span.start, last)
        x1 = x(span.start)
        x2 = max(x(max(end, span.start)), x1 + 12)
        _, fill, stroke, dash = _TONES.get(span.tone, _TONES["pending"])
        body.append(
            f'<rect x="{num(x1)}" y="{y + 18}" width="{num(x2 - x1)}" height="14" rx="3" '
            f'fill="{fill.format(hatch=ident + "-hatch")}" stroke="{stroke}" '
            f'stroke-width="1.5"{dash}/>'
        )
        # The label starts at its bar (or ends there, right of the middle), but never runs
        # off either edge of a narrow chart.
        label_w = _LABEL_CHAR_W * len(span.label)
        if x1 > width * 0.6:
            label = text(
                max(min(x2, width - 4), 4 + label_w),
                y + 12,
                span.label,
                anchor="end",
                size=11,
                weight="600",
            )
        else:
            label = text(
                max(min(x1, width - 4 - label_w), 4), y + 12, span.label, size=11, weight="600"
            )
        body.append(label)
    for mark in marks:
        on_lane = mark.lane is not None
        y = top + mark.lane * lane_h + 25 if mark.lane is not None else events_y
        fill = "#ffffff" if on_lane else INK
        body.append(
            f"<g><title>{esc(mark.label)} ({mark.on.isoformat()})</title>"
            f"{marker(mark.shape, (x(mark.on), y), 5, fill=fill, stroke=INK)}</g>"
        )
    body += _timeline_legend(ident, axis_y + 38, legend_lines)
    summary = [
        f"{s.label}: {_span_days(s)} ({_TONES.get(s.tone, _TONES['pending'])[0]})" for s in spans
    ]
    summary += [f"{m.label} on {m.on.isoformat()}" for m in marks]
    return frame(
        ident, (width, height), title, description or "; ".join(summary) + ".", "".join(body)
    )


#: About how wide a character of a bold 11 px label is, to keep labels inside the chart.
_LABEL_CHAR_W = 6.4
#: Tick labels closer together than this (in px) would run into each other.
_TICK_LABEL_ROOM = 44


def _span_days(span: Span) -> str:
    """A span's days for the description: one day, a range, or still going."""
    if span.end is None:
        return f"{span.start.isoformat()} to ongoing"
    if span.end == span.start:
        return f"on {span.start.isoformat()}"
    return f"{span.start.isoformat()} to {span.end.isoformat()}"


def _axis_ticks(
    first: date, last: date, x: Callable[[date], float], bottom: float, top: float
) -> list[str]:
    total = (last - first).days
    # Weekly ticks from the first day; else on the first of each month (or quarter), so two
    # ticks never carry the same month's name.
    months = 0 if total <= 70 else 1 if total <= 400 else 3
    order = date_order()
    days: list[date] = []
    day = first if not months else _month_start(first - timedelta(days=1), months)
    while day <= last and len(days) < 40:
        days.append(day)
        day = day + timedelta(days=7) if not months else _month_start(day, months)
    # On a narrow chart every other tick (or fewer) is named, so the names never overlap.
    step = 1
    while len(days) > step and (x(days[step]) - x(days[0])) < _TICK_LABEL_ROOM:
        step += 1
    out: list[str] = []
    for index, day in enumerate(days):
        pos = x(day)
        out.append(
            f'<line x1="{num(pos)}" y1="{num(top)}" x2="{num(pos)}" y2="{num(bottom)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        if index % step == 0:
            label = written_day(day, order, year=False) if not months else f"{day:%b %Y}"
            out.append(text(pos, bottom + 14, label, anchor="middle", size=10, fill=MUTED))
    return out


def _month_start(day: date, months: int) -> date:
    """The first day of the next month (or quarter, for 3) after ``day``."""
    index = day.year * 12 + day.month - 1 + 1
    if months == 3:
        index += -index % 3
    return date(index // 12, index % 12 + 1, 1)


#: One legend entry: a bar in a tone (``tone``) or a mark (``shape``, filled or not), and its word.
_LegendItem = tuple[str, str, bool, str]


def _legend_lines(
    tones: set[str], kinds: Mapping[str, tuple[str, bool]], width: float
) -> list[list[tuple[float, _LegendItem]]]:
    """The legend's entries with their x, on as many lines as the width needs."""
    items: list[tuple[_LegendItem, float]] = [
        (("tone", tone, False, label), 34 + 5.6 * len(label))
        for tone, (label, *_) in _TONES.items()
        if tone in tones
    ]
    items += [
        (("mark", shape, on_lane, kind), 26 + 5.6 * len(kind))
        for kind, (shape, on_lane) in kinds.items()
    ]
    lines: list[list[tuple[float, _LegendItem]]] = [[]]
    x = 16.0
    for item, room in items:
        if lines[-1] and x + room - 8 > width:
            lines.append([])
            x = 16.0
        lines[-1].append((x, item))
        x += room
    return lines


def _timeline_legend(
    ident: str, y: float, lines: Sequence[Sequence[tuple[float, _LegendItem]]]
) -> list[str]:
    out = []
    for row, line in enumerate(lines):
        at = y + 16 * row
        for x, (what, name, on_lane, label) in line:
            if what == "tone":
                _, fill, stroke, dash = _TONES[name]
                out.append(
                    f'<rect x="{num(x)}" y="{num(at - 9)}" width="18" height="10" rx="2" '
                    f'fill="{fill.format(hatch=ident + "-hatch")}" stroke="{stroke}" '
                    f'stroke-width="1.5"{dash}/>'
                )
                out.append(text(x + 24, at, label, size=10, fill=MUTED))
            else:
                fill = "#ffffff" if on_lane else INK
                out.append(marker(name, (x + 5, at - 4), 4, fill=fill, stroke=INK))
                out.append(text(x + 14, at, label, size=10, fill=MUTED))
    return out


def radar_svg(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    scale_max: float = 1.0,
    comparison: tuple[str, Sequence[float | None]] | None = None,
    value_name: str = "Score",
    title: str = "Profile",
    description: str | None = None,
    width: int = 420,
    label_width: int = 16,
) -> str:
    """A radar of one series (and an optional comparison) on axes from 0 to ``scale_max``.

    ``None`` means no evidence: the axis is labelled so and no point is drawn, rather than
    pretending the value is zero. Labels wrap at about ``label_width`` characters, on up to
    three lines when that is narrow (a phone-sized chart), so the rings keep their room.
    """
    if len(labels) < 3:
        raise ValueError("a radar needs at least three axes; show fewer values as a list")
    if len(values) != len(labels) or (comparison and len(comparison[1]) != len(labels)):
        raise ValueError("every series needs one value per label")
    ident = chart_id("radar", labels, values, comparison, title)
    # Room beside the rings for the longest label line (about 6.2 px a character at 11 px),
    # and above and below them for two lines of label; the chart is no taller than it needs.
    lines_per_label = 2 if label_width >= 14 else 3
    wrapped = [wrap(label, label_width, lines_per_label) for label in labels]
    longest = max(len(line) for lines in wrapped for line in lines)
    radius = max(
        width / 2 - max(78.0 if label_width >= 14 else 60.0, 6.2 * longest + 20), width / 5
    )
    room = 0.14 * radius + 34 + 12 * (lines_per_label - 2)
    height = 2 * (radius + room) + (22 if comparison else 0)
    cx, cy = width / 2, radius + room
    n = len(labels)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / n
        r = radius * max(0.0, min(value, scale_max)) / scale_max
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    body = []
    for ring in (0.25, 0.5, 0.75, 1.0):
        outline = " ".join(
            f"{num(px)},{num(py)}" for px, py in (point(i, ring * scale_max) for i in range(n))
        )
        body.append(f'<polygon points="{outline}" fill="none" stroke="{GRID}" stroke-width="1"/>')
    for index, label_lines in enumerate(wrapped):
        ex, ey = point(index, scale_max)
        body.append(
            f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(ex)}" y2="{num(ey)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        lines = label_lines + (["(no evidence)"] if values[index] is None else [])
        lx, anchor, first = _radar_label_place(ex, ey, cx, cy, len(lines))
        for offset, line in enumerate(lines):
            body.append(
                text(
                    lx,
                    first + 12 * offset,
                    line,
                    anchor=anchor,
                    size=11,
                    fill=MUTED if line == "(no evidence)" else None,
                )
            )
    # The scale's mark sits on the outer ring between the first two axes, where no marker
    # (they are all on the axes) and no label (they are all beyond the ring) can cover it.
    (ax, ay), (bx, by) = point(0, scale_max), point(1, scale_max)
    mx, my = (ax + bx) / 2, (ay + by) / 2
    tx, ty = mx + (cx - mx) * 0.08, my + (cy - my) * 0.08 + 3
    body.append(text(tx, ty, num(scale_max), anchor="middle", size=9, fill=MUTED))
    series = [(value_name, values, 0)]
    if comparison:
        series.append((comparison[0], comparison[1], 1))
    for name, data, style in series:
        pts = [point(i, v or 0.0) for i, v in enumerate(data)]
        body.append(_radar_outline(pts, data, style))
        for (px, py), v, label in zip(pts, data, labels, strict=True):
            if v is not None:
                colour = SERIES_COLOURS[style]
                dot = marker(SHAPES[style], (px, py), 4, fill="#ffffff", stroke=colour)
                shown = shown_value(v, scale_max)
                body.append(f"<g><title>{esc(name)}, {esc(label)}: {shown}</title>{dot}</g>")
    if comparison:
        body += _legend([(value_name, 0), (comparison[0], 1)], 12, height - 10)
    parts = []
    for index, label in enumerate(labels):
        v = values[index]
        part = f"{label}: {'no evidence' if v is None else shown_value(v, scale_max)}"
        if comparison:
            c = comparison[1][index]
            part += (
                f" ({comparison[0]}: {'no evidence' if c is None else shown_value(c, scale_max)})"
            )
        parts.append(part)
    desc = (
        description
        or f"{value_name} from 0 to {num(scale_max)} per axis. " + "; ".join(parts) + "."
    )
    return frame(ident, (width, height), title, desc, "".join(body))


# Between the outer ring and a label: room for a marker drawn on the ring (radius 4 plus
# its stroke) and a little air, so a top score never sits on its own label.
_RADAR_LABEL_GAP = 11.0


def _radar_label_place(
    ex: float, ey: float, cx: float, cy: float, lines: int
) -> tuple[float, str, float]:
    """Where an axis label goes beyond the ring end (ex, ey): x, anchor, first baseline.

    The whole label lies outside the ring: above the ring it ends there, below it starts
    there, beside it it is centred on the axis and starts (or ends) past it.
    """
    dx, dy = ex - cx, ey - cy
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    lx, ly = ex + ux * _RADAR_LABEL_GAP, ey + uy * _RADAR_LABEL_GAP
    anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
    block = 12 * (lines - 1)
    if uy > 0.35:  # below: the first line's capitals start at the gap
        first = ly + 9
    elif uy < -0.35:  # above: the last line's descenders end at the gap
        first = ly - 3 - block
    else:  # beside: centred on the axis end
        first = ly + 4 - block / 2
    return lx, anchor, first


def _radar_outline(
    pts: Sequence[tuple[float, float]], data: Sequence[float | None], style: int
) -> str:
    """A radar series' shape: filled for the main series, a line for a comparison.

    A comparison with gaps joins only neighbouring axes that both have a value, rather than
    diving to the centre as if a missing value were zero.
    """
    fill = f'fill="{ACCENT_SOFT}" fill-opacity="0.55"' if style == 0 else 'fill="none"'
    dash = f' stroke-dasharray="{DASHES[style]}"' if DASHES[style] else ""
    stroke = f'stroke="{SERIES_COLOURS[style]}" stroke-width="2"{dash}'
    if style == 0 or all(v is not None for v in data):
        outline = " ".join(f"{num(a)},{num(b)}" for a, b in pts)
        return f'<polygon points="{outline}" {fill} {stroke}/>'
    n = len(pts)
    segments = "".join(
        f"M{num(pts[i][0])} {num(pts[i][1])}L{num(pts[(i + 1) % n][0])} {num(pts[(i + 1) % n][1])}"
        for i in range(n)
        if data[i] is not None and data[(i + 1) % n] is not None
    )
    return f'<path d="{segments}" fill="none" {stroke}/>' if segments else ""


def _legend(entries: Sequence[tuple[str, int]], x: float, y: float) -> list[str]:
    out = []
    for name, style in entries:
        colour = SERIES_COLOURS[style % len(SERIES_COLOURS)]
        dash = (
            f' stroke-dasharray="{DASHES[style % len(DASHES)]}"'
            if DASHES[style % len(DASHES)]
            else ""
        )
        out.append(
            f'<line x1="{num(x)}" y1="{num(y - 4)}" x2="{num(x + 26)}" y2="{num(y - 4)}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
        )
        out.append(
            marker(SHAPES[style % len(SHAPES)], (x + 13, y - 4), 3.5, fill="#ffffff", stroke=colour)
        )
        out.append(text(x + 32, y, name, size=11))
        x += _legend_width(name)
    return out


#: At most this many names on a trend's time axis.
TREND_TICKS_MAX = 8


def trend_svg(
    series: Mapping[str, Sequence[tuple[date, float]]],
    *,
    scale_min: float = 0.0,
    scale_max: float | None = None,
    title: str = "Trend over time",
    description: str | None = None,
    width: int = 560,
    height: int = 260,
    marked: Mapping[str, Collection[date]] | None = None,
    marked_label: str = "",
    ticks: Sequence[tuple[date, str]] = (),
) -> str:
    """One line per series over time; series differ by dash and marker as well as colour.

    ``marked`` names points to single out (by series and date): each gets a dashed ring,
    ``marked_label`` in its tooltip and the description, and one legend entry says what
    the ring means. ``ticks`` (day, label) name the x-axis in the words the text uses
    ("2026Q2"); without them the first, middle and last days are named.
    """
    marked = marked or {}
    ident = chart_id(
        "trend",
        sorted((k, tuple(v)) for k, v in series.items()),
        sorted((k, tuple(sorted(v))) for k, v in marked.items()),
        title,
    )
    points = [p for data in series.values() for p in data]
    if not points:
        return frame(
            ident,
            (width, 60),
            title,
            description or "No data yet.",
            text(width / 2, 34, "No data yet", anchor="middle", fill=MUTED),
        )
    first = min(d for d, _ in points)
    last = max(d for d, _ in points)
    top_value = scale_max if scale_max is not None else max(v for _, v in points)
    top_value = top_value if top_value > scale_min else scale_min + 1
    left, right, top, bottom = 40, 16, 14, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    span = max((last - first).days, 1)

    def xy(day: date, value: float) -> tuple[float, float]:
        ratio = (min(max(value, scale_min), top_value) - scale_min) / (top_value - scale_min)
        return left + plot_w * (day - first).days / span, top + plot_h * (1 - ratio)

    body = []
    for step in range(5):
        value = scale_min + (top_value - scale_min) * step / 4
        _, y = xy(first, value)
        body.append(
            f'<line x1="{left}" y1="{num(y)}" x2="{width - right}" y2="{num(y)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(text(left - 6, y + 4, f"{value:g}", anchor="end", size=10, fill=MUTED))
    named = dict(ticks) or {
        day: written_day(day, date_order())
        for day in {first, last, first + timedelta(days=span // 2)}
    }
    body += _time_axis(named, lambda day: xy(day, scale_min)[0], top + plot_h + 16)
    legend = []
    described = []
    for style, (name, data) in enumerate(series.items()):
        colour = SERIES_COLOURS[style % len(SERIES_COLOURS)]
        dash = DASHES[style % len(DASHES)]
        ordered = sorted(data)
        coords = [xy(d, v) for d, v in ordered]
        if len(coords) > 1:
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            body.append(
                f'<polyline points="{" ".join(f"{num(a)},{num(b)}" for a, b in coords)}" '
                f'fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>'
            )
        singled = marked.get(name, ())
        body.append(_trend_points(name, ordered, coords, style, (singled, marked_label), top_value))
        legend.append((name, style))
        values = ", ".join(
            f"{d.isoformat()} {shown_value(v, top_value)}"
            f"{f' ({marked_label})' if d in singled else ''}"
            for d, v in ordered
        )
        described.append(f"{name}: {values}")
    rows = _legend_rows(legend, width - left - right)
    ringed = any(marked.get(name) for name in series) and marked_label
    height += 18 * (len(rows) - 1) + (18 if ringed else 0)
    for index, row in enumerate(rows):
        body += _legend(
            row, left, height - 12 - 18 * (len(rows) - 1 - index) - (18 if ringed else 0)
        )
    if ringed:
        y = height - 12
        body.append(_ring((left + 13, y - 4)))
        body.append(text(left + 32, y, marked_label, size=11))
    desc = description or "; ".join(described) + "."
    return frame(ident, (width, height), title, desc, "".join(body))


def _time_axis(named: Mapping[date, str], x_of: Callable[[date], float], y: float) -> list[str]:
    """The names under a trend's time axis: every other one when crowded, the last kept."""
    days = sorted(named)
    step = max(1, -(-len(days) // TREND_TICKS_MAX))
    shown = [day for k, day in enumerate(days) if not (len(days) - 1 - k) % step]
    out = []
    for day in shown:
        # The first and last dates hug the plot's edges, so they are anchored inwards.
        anchor = "start" if day == days[0] else "end" if day == days[-1] else "middle"
        if len(days) == 1:
            anchor = "middle"
        out.append(text(x_of(day), y, named[day], anchor=anchor, size=10, fill=MUTED))
    return out


def _trend_points(
    name: str,
    ordered: Sequence[tuple[date, float]],
    coords: Sequence[tuple[float, float]],
    style: int,
    marks: tuple[Collection[date], str],
    top_value: float,
) -> str:
    """One series' markers, each with a tooltip; the singled-out ones ringed and labelled."""
    singled, label = marks
    colour = SERIES_COLOURS[style % len(SERIES_COLOURS)]
    out = []
    for (d, v), (px, py) in zip(ordered, coords, strict=True):
        dot = marker(SHAPES[style % len(SHAPES)], (px, py), 3.5, fill="#ffffff", stroke=colour)
        note = ""
        if d in singled:
            dot = _ring((px, py)) + dot
            note = f" ({label})" if label else ""
        shown = shown_value(v, top_value)
        out.append(f"<g><title>{esc(name)}, {d.isoformat()}: {shown}{esc(note)}</title>{dot}</g>")
    return "".join(out)


def _ring(at: tuple[float, float]) -> str:
    """A dashed ring around a point: marked apart by shape, not by colour alone."""
    return (
        f'<circle cx="{num(at[0])}" cy="{num(at[1])}" r="7.5" fill="none" stroke="{INK}" '
        'stroke-width="1.2" stroke-dasharray="2 2"/>'
    )


def _legend_width(name: str) -> float:
    return 48 + 6.5 * len(name)


def _legend_rows(entries: Sequence[tuple[str, int]], room: float) -> list[list[tuple[str, int]]]:
    """Legend entries in rows that fit ``room`` pixels, so no name runs off the chart."""
    rows: list[list[tuple[str, int]]] = [[]]
    used = 0.0
    for entry in entries:
        size = _legend_width(entry[0])
        if rows[-1] and used + size > room:
            rows.append([])
            used = 0.0
        rows[-1].append(entry)
        used += size
    return rows

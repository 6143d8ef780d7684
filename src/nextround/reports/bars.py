"""Small SVG bar charts: actions done per week, and a score with its interval on a 0-1 track."""

from __future__ import annotations

from collections.abc import Sequence

from nextround.reports.svg import ACCENT, ACCENT_SOFT, GRID, INK, MUTED, chart_id, frame, num, text


def momentum_svg(
    weeks: Sequence[tuple[str, int]],
    *,
    title: str = "Momentum: actions done per week",
    width: int = 360,
    height: int = 130,
) -> str:
    """One bar per ISO week, oldest first; the count sits above each bar, the week below.

    The current (last) week is pale with an ink outline and a bold label, so it stands apart
    in grey-scale too.
    """
    ident = chart_id("momentum", weeks, title)
    if not weeks:
        return frame(
            ident,
            (width, 40),
            title,
            "No weeks yet.",
            text(width / 2, 24, "No weeks yet", anchor="middle", fill=MUTED),
        )
    top, bottom, side = 18, 24, 6
    plot_h = height - top - bottom
    slot = (width - 2 * side) / len(weeks)
    bar_w = min(28.0, slot * 0.6)
    biggest = max(1, *(n for _, n in weeks))
    body = [
        f'<line x1="{side}" y1="{num(top + plot_h)}" x2="{num(width - side)}" '
        f'y2="{num(top + plot_h)}" stroke="{GRID}" stroke-width="1"/>'
    ]
    for index, (week, count) in enumerate(weeks):
        centre = side + slot * (index + 0.5)
        bar_h = plot_h * count / biggest
        current = index == len(weeks) - 1
        if count:
            outline = f' stroke="{INK}" stroke-width="1.5"' if current else ""
            body.append(
                f'<rect x="{num(centre - bar_w / 2)}" y="{num(top + plot_h - bar_h)}" '
                f'width="{num(bar_w)}" height="{num(bar_h)}" rx="3" '
                f'fill="{ACCENT if not current else ACCENT_SOFT}"{outline}/>'
            )
        body.append(text(centre, top + plot_h - bar_h - 5, str(count), anchor="middle", size=11))
        label = "this week" if current else week.rsplit("-", 1)[-1]
        body.append(
            text(
                centre,
                height - 7,
                label,
                anchor="middle",
                size=10,
                fill=INK if current else MUTED,
                weight="600" if current else None,
            )
        )
    described = ", ".join(f"{week}: {count}" for week, count in weeks)
    desc = f"Actions done per week, {described}."
    return frame(ident, (width, height), title, desc, "".join(body))


def score_bar_svg(
    mean: float | None, low: float | None = None, high: float | None = None, *, width: int = 140
) -> str:
    """A 0-1 track with the 80% interval as a band and the score as a dot; decorative.

    It repeats numbers written next to it, so it is hidden from screen readers. Even odds
    (0.5) is marked with a dashed line, so the bar reads without colour.
    """
    height, pad, mid_y = 16, 5, 8
    span = width - 2 * pad

    def x(value: float) -> float:
        return pad + span * max(0.0, min(1.0, value))

    body = [
        f'<rect x="{pad}" y="{mid_y - 3}" width="{span}" height="6" rx="3" fill="{GRID}"/>',
        f'<line x1="{num(x(0.5))}" y1="1" x2="{num(x(0.5))}" y2="{height - 1}" '
        f'stroke="{MUTED}" stroke-width="1" stroke-dasharray="2 2"/>',
    ]
    if mean is not None:
        if low is not None and high is not None:
            body.append(
                f'<rect x="{num(x(low))}" y="{mid_y - 4}" width="{num(max(x(high) - x(low), 2))}" '
                f'height="8" rx="4" fill="{ACCENT_SOFT}" stroke="{ACCENT}" stroke-width="1"/>'
            )
        body.append(
            f'<circle cx="{num(x(mean))}" cy="{mid_y}" r="4.5" fill="{INK}" stroke="#ffffff" '
            'stroke-width="1.5"/>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="score-bar" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-hidden="true" focusable="false">'
        f"{''.join(body)}</svg>"
    )

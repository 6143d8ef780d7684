"""SVG building blocks for the charts: escaping, the frame, markers, a grey-scale palette."""

from __future__ import annotations

import hashlib
from html import escape

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
ACCENT = "#3056d3"
ACCENT_SOFT = "#c7d3f6"
#: Series are told apart by dash pattern and marker shape first, so they survive grey-scale
#: printing and colour blindness; colour only helps.
SERIES_COLOURS = ("#3056d3", "#b4531f", "#207a5a", "#7b3fa0", "#4b5563")
DASHES = ("", "6 4", "2 3", "10 3 2 3", "1 5")
SHAPES = ("circle", "square", "triangle", "diamond", "cross")


def esc(value: object) -> str:
    """Text made safe for SVG element content and attribute values."""
    return escape(str(value), quote=True)


def num(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def chart_id(kind: str, *parts: object) -> str:
    """A stable element id for a chart, so title/desc references are unique per content."""
    digest = hashlib.sha1(repr((kind, parts)).encode("utf-8")).hexdigest()[:10]
    return f"{kind}-{digest}"


def frame(ident: str, size: tuple[float, float], title: str, description: str, body: str) -> str:
    """The <svg> element, labelled for screen readers by its title and description."""
    width, height = size
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{ident}" role="img" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'preserveAspectRatio="xMidYMid meet" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="{esc(FONT)}" font-size="12" fill="{INK}">'
        f'<title id="{ident}-title">{esc(title)}</title>'
        f'<desc id="{ident}-desc">{esc(description)}</desc>'
        f"{body}</svg>"
    )


def text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int | None = None,
    weight: str | None = None,
    fill: str | None = None,
) -> str:
    """A text element; ``content`` is escaped here."""
    extra = ""
    if size:
        extra += f' font-size="{size}"'
    if weight:
        extra += f' font-weight="{weight}"'
    if fill:
        extra += f' fill="{fill}"'
    return f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}"{extra}>{esc(content)}</text>'


def marker(shape: str, at: tuple[float, float], r: float, *, fill: str, stroke: str) -> str:
    """A point marker: circle, square, triangle, diamond or cross."""
    x, y = at
    attrs = f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"'
    if shape == "square":
        return (
            f'<rect x="{num(x - r)}" y="{num(y - r)}" width="{num(2 * r)}" '
            f'height="{num(2 * r)}" {attrs}/>'
        )
    if shape == "triangle":
        corners = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
        return f'<polygon points="{_points(corners)}" {attrs}/>'
    if shape == "diamond":
        d = r * 1.3
        corners = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
        return f'<polygon points="{_points(corners)}" {attrs}/>'
    if shape == "cross":
        return (
            f'<path d="M{num(x - r)} {num(y - r)}L{num(x + r)} {num(y + r)}M{num(x + r)} '
            f'{num(y - r)}L{num(x - r)} {num(y + r)}" stroke="{stroke}" stroke-width="2" '
            'fill="none"/>'
        )
    return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" {attrs}/>'


def _points(corners: list[tuple[float, float]]) -> str:
    return " ".join(f"{num(a)},{num(b)}" for a, b in corners)


def hatch(ident: str, colour: str = MUTED) -> str:
    """A diagonal hatch pattern, to mark something apart without relying on colour."""
    return (
        f'<pattern id="{ident}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-width="2.5"/></pattern>'
    )


def wrap(label: str, width: int = 16, lines: int = 2) -> list[str]:
    """Split a label into at most ``lines`` lines of about ``width`` characters."""
    words = label.split()
    out: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    if out and len(out[-1]) > width + 4:
        out[-1] = out[-1][: width + 3] + "…"
    return out or [""]

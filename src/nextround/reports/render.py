"""Reports as files: self-contained HTML from Jinja2 templates, and PDF through WeasyPrint.

Jinja2 and WeasyPrint are imported inside the functions that use them, so only the report
commands pay for them.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.domain.calibration import CALIBRATION_RULE
from nextround.domain.calibration_text import CalibrationText
from nextround.domain.counts import counted
from nextround.domain.evidence import ITEM_MAX_PIECES, amount_of_evidence
from nextround.domain.labels import words
from nextround.domain.patterns import (
    HEARD_ONCE_HINT,
    NOT_REVIEWED,
    REVIEW_RULE,
    SPIKE_MIN_LOW,
    SPIKE_RULE,
    more_not_reviewed,
)
from nextround.domain.pipeline import SCREEN_STAGE_RULE, funnel_note
from nextround.domain.plan import NOTHING_TO_PLAN
from nextround.domain.search_scope import searches_counted
from nextround.domain.trend import FADING_MEANING, FADING_NOTE
from nextround.errors import InvalidInputError
from nextround.reports import figures

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

    from nextround.services.reports import ApplicationReport, ProfileReport

TEMPLATES = Path(__file__).parent / "templates"


class Paper(StrEnum):
    """Page sizes the print stylesheet knows."""

    A4 = "a4"
    LETTER = "letter"


class ReportFormat(StrEnum):
    """What a report file can be."""

    HTML = "html"
    PDF = "pdf"


def format_of(path: Path) -> ReportFormat:
    """The format a file name asks for: .html (or .htm) or .pdf."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("html", "htm"):
        return ReportFormat.HTML
    if suffix == "pdf":
        return ReportFormat.PDF
    raise InvalidInputError(f"{path} should end in .html or .pdf; the extension picks the format")


def slug(text: str) -> str:
    """A file-name-safe form of a company name."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "report"


def default_path(kind: str, today: date, *, app_id: int | None = None, company: str = "") -> Path:
    """E.g. nextround-profile-2026-11-25.html or nextround-app-1-tempoline-2026-11-25.html."""
    if app_id is None:
        return Path(f"nextround-{kind}-{today.isoformat()}.html")
    return Path(f"nextround-app-{app_id}-{slug(company)}-{today.isoformat()}.html")


def counted_plural(count: int, plural: str) -> str:
    """'1 offer', '2 final rounds' from a plural ending in s ("Offers", "actions")."""
    noun = plural.lower()
    return counted(count, noun.removesuffix("s"), noun)


def free_path(path: Path) -> Path:
    """``path``, or the first of name-v2.html, name-v3.html, ... that is not taken.

    "v2", not a bare "-2": the default names end in a date, which a "-2" would seem to extend.
    """
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-v{n}{path.suffix}")
    return candidate


def as_sentence(text: str) -> str:
    """Free text the person typed, set as a sentence after another: capital, full stop.

    "not enough hands-on infra" after "Decision: rejection on 15 Oct 2026." reads as a slip.
    """
    flat = " ".join(text.split())
    if not flat:
        return flat
    # "iOS", "eBay": a lower-case start followed by a capital is a name, kept as typed.
    if flat[0].islower() and not flat[1:2].isupper():
        flat = flat[0].upper() + flat[1:]
    return flat if flat.endswith((".", "!", "?", "…")) else f"{flat}."


@cache
def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from nextround.domain.option_ranking import GAP_MEANING

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        # Every value is escaped, so hostile text in notes or feedback renders as text.
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Scores as the terminal and the web app show them: 0 to 1, two decimals.
    env.filters["score"] = lambda v: "–" if v is None else f"{v:.2f}"
    # As the CSV and the command line spell codes: "via LinkedIn", "panel interview".
    env.filters["label"] = words
    env.filters["day"] = report_day
    env.filters["css_string"] = css_string
    env.filters["counted"] = counted_plural
    env.filters["sentence"] = as_sentence
    env.globals["gap_meaning"] = GAP_MEANING
    env.globals["not_reviewed"] = NOT_REVIEWED
    env.globals["more_not_reviewed"] = more_not_reviewed
    env.globals["calibration_rule"] = CALIBRATION_RULE
    env.globals["heard_once_hint"] = HEARD_ONCE_HINT
    env.globals["nothing_to_plan"] = NOTHING_TO_PLAN
    env.globals["item_max_pieces"] = ITEM_MAX_PIECES
    return env


def report_day(day: date | None) -> str:
    """A day as the reports write it, in the order the user writes dates (QA22 F4)."""
    from nextround.config import date_order
    from nextround.domain.calendar_days import written_day

    return "" if day is None else written_day(day, date_order())


def css_string(value: object) -> Markup:
    """Text for inside a quoted CSS string in <style>: every risky character as a CSS escape.

    HTML escaping does not apply inside <style>, so quotes, backslashes and angle brackets
    are written as CSS hex escapes instead; nothing can end the string or the element.
    """
    from markupsafe import Markup

    safe = "".join(
        ch if ch.isalnum() or ch in " .,-_·()" else f"\\{ord(ch):x} " for ch in str(value)
    )
    return Markup(safe)


def _clip(words: str, limit: int = 40) -> str:
    """Words short enough for the page footer, which has one line beside the page number."""
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _page(paper: Paper, footer: str) -> dict[str, str]:
    return {"paper": "A4" if paper is Paper.A4 else "letter", "footer": footer}


#: How many more of a gap's pieces the profile report quotes under "Also:" before it counts
#: the rest: the heaviest say what the gap is, and a long record would otherwise fill pages.
ALSO_SHOWN = 3


def profile_html(report: ProfileReport, paper: Paper = Paper.A4) -> str:
    """The profile report as one self-contained HTML document."""
    profile = report.view.profile
    charts: dict[str, Any] = {
        "radar": figures.competency_radar(profile),
        "calibration": figures.calibration_radar(
            profile.calibration.items, "Calibration: how you rate yourself against others"
        ),
        "trend": figures.trend_chart(profile),
        "timeline": figures.evidence_timeline(
            report.view.evidence, report.applications, report.generated_on
        ),
        # On a phone (HTML only): the same chart drawn narrow, its text readable at that size.
        "timeline_phone": figures.evidence_timeline(
            report.view.evidence,
            report.applications,
            report.generated_on,
            width=figures.PHONE_WIDTH,
        ),
        "funnel": figures.funnel_chart(report.stats),
    }
    template = _environment().get_template("profile.html.j2")
    footer = f"profile report · {report.generated_on.isoformat()}"
    return template.render(
        report=report,
        profile=profile,
        charts=charts,
        calibration_text=CalibrationText.of(profile.calibration),
        evidence_amount=amount_of_evidence(report.view.evidence),
        spike_rule=SPIKE_RULE,
        also_shown=ALSO_SHOWN,
        review_rule=REVIEW_RULE,
        fading_note=FADING_NOTE,
        fading_meaning=FADING_MEANING,
        trend_series=figures.trend_shown(profile),
        spike_min_low=f"{SPIKE_MIN_LOW:.2f}",
        # Why a stage shows "—" rather than a share, in the words `stats` uses.
        funnel_note=funnel_note(report.stats.funnel),
        # What "First rounds" counts, as the dashboard and `stats` say it.
        funnel_rule=SCREEN_STAGE_RULE
        if any(s.stage == "screen" and s.count for s in report.stats.funnel)
        else None,
        # The funnel counts every application, as `stats` does unless narrowed; once a new
        # search has begun after an accepted offer, the report says how the two divide.
        funnel_counted=searches_counted(report.applications.values()),
        **_page(paper, footer),
    )


def application_html(report: ApplicationReport, paper: Paper = Paper.A4) -> str:
    """One application's report as one self-contained HTML document."""
    calibrated = [row.calibration for row in report.comparison if row.calibration is not None]
    charts = {
        "process": figures.process_timeline(report.application, report.events, report.generated_on),
        "process_phone": figures.process_timeline(
            report.application, report.events, report.generated_on, width=figures.PHONE_WIDTH
        ),
        "calibration": figures.calibration_radar(
            calibrated, "Self-view against feedback in this process"
        ),
    }
    template = _environment().get_template("application.html.j2")
    app = report.application
    footer = f"{_clip(app.role_title)} at {_clip(app.company)} · {report.generated_on.isoformat()}"
    return template.render(report=report, app=app, charts=charts, **_page(paper, footer))


def _weasyprint_html() -> Any:
    """WeasyPrint's HTML class, imported a third of a second faster on Linux.

    WeasyPrint tries several names per C library (Pango, HarfBuzz, fontconfig...), and
    each name that does not load makes cffi call ctypes.util.find_library, which on Linux
    runs ldconfig and gcc in subprocesses. The "libpango-1.0.so.0"-style names it also
    tries load directly, so the lookups are skipped; if that ever fails, the import is
    simply redone the normal way.
    """
    if sys.platform.startswith("linux") and "weasyprint" not in sys.modules:
        import contextlib
        import ctypes.util
        import io

        original = ctypes.util.find_library
        ctypes.util.find_library = lambda name: None
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # its failure banner, if any
                from weasyprint import HTML

            return HTML
        except OSError:
            for name in [m for m in sys.modules if m.split(".")[0] == "weasyprint"]:
                del sys.modules[name]
        finally:
            ctypes.util.find_library = original
    from weasyprint import HTML

    return HTML


def to_pdf(html: str) -> bytes:
    """Print the HTML to PDF with WeasyPrint (needs the `reports` extra and Pango)."""
    try:
        html_class = _weasyprint_html()
    except (ImportError, OSError) as exc:  # OSError: Pango or its fonts are missing
        raise InvalidInputError(
            f"PDF needs WeasyPrint ({exc}); install nextround[reports], or write .html"
        ) from None
    pdf = html_class(string=html, url_fetcher=_refuse).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def _refuse(url: str, *args: object, **kwargs: object) -> dict[str, Any]:
    # The report is self-contained: nothing is fetched, not a font, not a file, never the
    # network, whatever a stray URL in the text might ask for.
    raise ValueError(f"reports fetch nothing ({url})")


def render(html: str, fmt: ReportFormat) -> bytes:
    """The file's bytes in the chosen format."""
    return to_pdf(html) if fmt is ReportFormat.PDF else html.encode("utf-8")

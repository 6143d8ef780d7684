"""Turning templates into responses: the Jinja environment, filters, flash messages, fragments."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from sqlalchemy.engine import URL
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from nextround.domain import interview_time
from nextround.domain.application_names import Named, listed_name
from nextround.domain.calibration import CALIBRATION_RULE
from nextround.domain.evidence import ITEM_MAX_PIECES
from nextround.domain.gone_quiet import weeks
from nextround.domain.labels import NAMES, phrase_of
from nextround.domain.option_ranking import GAP_MEANING
from nextround.domain.patterns import (
    GAP_RULE,
    HEARD_ONCE_HINT,
    NOT_REVIEWED,
    REVIEW_RULE,
    more_not_reviewed,
    statement_ids,
)
from nextround.domain.statements import (
    EVIDENCE_MIN_CONFIDENCE,
    many_statements_note,
    shown_share,
    shown_statement,
)
from nextround.domain.story_score import SCORE_RULE
from nextround.store.urls import remote_host
from nextround.web.csrf import CSRF_FIELD
from nextround.web.form_pages import form_address

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
FLASH_COOKIE = "nextround_flash"


@dataclass(frozen=True)
class Flash:
    """A one-time message after a redirect: what was done, and a warning to heed, if any."""

    message: str
    warning: str | None = None
    #: Notes that link to an application: (words before, link text, address, words after).
    links: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True)
class NavItem:
    """A top-level page in the navigation."""

    label: str
    path: str


#: Every top-level page, in menu order. Only those the app actually serves are shown, so the
#: growth-engine pages appear in the menu as soon as their routers are registered.
NAVIGATION = (
    NavItem("Dashboard", "/"),
    NavItem("Applications", "/applications"),
    NavItem("People", "/contacts"),
    NavItem("Feedback", "/feedback"),
    NavItem("Profile", "/profile"),
    NavItem("Plan", "/plan"),
    NavItem("Stories", "/stories"),
    NavItem("Notes", "/notes"),
    NavItem("Option A", "/options"),
    NavItem("Frameworks", "/frameworks"),
    NavItem("Data", "/data"),
)


def label(value: object) -> str:
    """An enum value or identifier as words: final_round -> Final round."""
    raw = str(value.value if isinstance(value, Enum) else value)
    if raw in NAMES:
        return NAMES[raw]
    words = phrase_of(value if isinstance(value, Enum) else raw)
    words = words or raw.replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]


def phrase(value: object) -> str:
    """A label as it reads mid-sentence: lower case, except a name (via LinkedIn)."""
    raw = str(value.value if isinstance(value, Enum) else value)
    return NAMES.get(raw) or label(value).lower()


def options(values: Iterable[Enum]) -> list[tuple[str, str]]:
    """Enum members as (value, label) pairs for a select."""
    return [(str(v.value), label(v)) for v in values]


def day(value: date | None) -> str:
    """14 May 2025."""
    return f"{value.day} {value:%b %Y}" if value else ""


def moment(value: datetime | None, zone: str | None = None) -> str:
    """Wed 14 May 2025, 10:00 in this computer's time zone.

    With the zone an interview is held in, and a different clock there: '…, 15:00 (09:00 New
    York time)'.
    """
    if value is None:
        return ""
    local = value.astimezone()
    text = f"{local:%a} {local.day} {local:%b %Y, %H:%M}"
    there = interview_time.clock_there(value, zone)
    if there is not None:
        day = "" if there.date() == local.date() else f"{there:%a} {there.day} {there:%b}, "
        text += f" ({day}{there:%H:%M} {interview_time.zone_label(there)})"
    return text


def local_input(value: datetime | None, zone: str | None = None) -> str:
    """The value of a datetime-local input: the clock where the interview is held (or here)."""
    return interview_time.wall_clock(value, zone).strftime("%Y-%m-%dT%H:%M") if value else ""


def listed(app: Named) -> str:
    """An application as a picker lists it: told apart from another for the same role."""
    return listed_name(app, day)


def relative(value: date | datetime | None, today: date) -> str:
    """'today', 'in 3 days', '2 weeks ago'."""
    if value is None:
        return ""
    target = value.astimezone().date() if isinstance(value, datetime) else value
    delta = (target - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    size = abs(delta)
    amount = f"{size} days" if size < 14 else weeks(size)
    return f"in {amount}" if delta > 0 else f"{amount} ago"


#: The footer's promise when the data is on this computer: a SQLite file or a local server.
LOCAL_DATA = "Local-first: everything stays in your own database on this computer."


def where_data_lives(url: URL) -> str:
    """The footer's words on where the data is: never "on this computer" when it is not.

    A remote server is named by its host and database, never its user or password.
    """
    host = remote_host(url)
    if host is None:
        return LOCAL_DATA
    name = f" {url.database}" if url.database else ""
    return f"Your data is in the PostgreSQL database{name} at {host}, not on this computer."


class Renderer:
    """The Jinja environment with the app's filters, and the page-level context."""

    def __init__(self, secret: bytes, data_home: str = LOCAL_DATA) -> None:
        #: Stands in for the CSRF token in the forms' macros (a module shared by every page)
        #: and in pages cached for every visitor; a random value per process, so no user
        #: text can mimic it. See ``_with_token``.
        self.token_placeholder = secrets.token_hex(16)
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(["html", "svg"], default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # The templates ship inside the package and do not change while it runs; checking
            # each one's mtime on every render cost ~27 stat calls per application page.
            auto_reload=False,
        )
        self.env.filters.update(
            label=label,
            phrase=phrase,
            day=day,
            moment=moment,
            local_input=local_input,
            options=options,
            listed=listed,
            # One way to show a suggestion's confidence on every page, as the CLI does: a
            # preview and the saved statement must not differ by a rounding (38% vs 39%).
            share=shown_share,
            # A statement cut after "However," is stored as cut ("in the ML system design
            # interview …"): it keys the embedding cache and copy detection. Every page shows
            # it opening with a capital, as the profile quotes it; form values keep the text.
            statement=shown_statement,
        )
        self.env.globals.update(
            static=self.static_url,
            csrf_field=CSRF_FIELD,
            csrf_stand_in=self.token_placeholder,
            time_zone_names=interview_time.zone_names,
            confident_share=f"{EVIDENCE_MIN_CONFIDENCE:.0%}",
            gap_meaning=GAP_MEANING,
            # The pattern rules' own words, so the pages say what the CLI says.
            not_reviewed=NOT_REVIEWED,
            review_rule=REVIEW_RULE,
            gap_rule=GAP_RULE,
            more_not_reviewed=more_not_reviewed,
            statement_ids=statement_ids,
            item_max_pieces=ITEM_MAX_PIECES,
            heard_once_hint=HEARD_ONCE_HINT,
            many_statements_note=many_statements_note,
            calibration_rule=CALIBRATION_RULE,
            score_rule=SCORE_RULE,
            # Where the data is, said in the footer of every page.
            data_home=data_home,
            data_is_here=data_home == LOCAL_DATA,
        )
        self.flash_signer = URLSafeSerializer(secret, salt="nextround.flash")
        self.nav: tuple[NavItem, ...] = NAVIGATION
        self._asset_versions: dict[str, str] = {}

    def static_url(self, name: str) -> str:
        """An asset's URL with its content hash, so a new version is never served stale."""
        version = self._asset_versions.get(name)
        if version is None:
            version = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]
            self._asset_versions[name] = version
        return f"/static/{name}?v={version}"

    def context(self, request: Request, extra: Mapping[str, Any]) -> dict[str, Any]:
        """What every page needs: the session's CSRF token, navigation, now, today, a flash."""
        path = request.url.path
        now = request.app.state.nextround.clock()
        nav = [
            (item, item.path == path or (item.path != "/" and path.startswith(item.path + "/")))
            for item in self.nav
        ]
        return {
            "request": request,
            "csrf_token": request.state.csrf_token,
            "nav": nav,
            "now": now,  # what has happened: an interview before it can be debriefed
            "today": now.astimezone().date(),
            "flash": self.read_flash(request),
            "relative": relative,
            # A page answering a form takes the form's page's address (static/address.js),
            # so that Reload or Back asks for that page instead of sending the form again.
            "page_address": form_address(request)
            if request.method == "POST" and not is_htmx(request)
            else None,
            **extra,
        }

    def page(
        self, request: Request, template: str, status: int = 200, **extra: Any
    ) -> HTMLResponse:
        """A full page; a flash message shown on it is consumed."""
        context = self.context(request, extra)
        html = self.env.get_template(template).render(context)
        response = HTMLResponse(self._with_token(html, context), status)
        if context["flash"]:
            response.delete_cookie(FLASH_COOKIE, path="/")
        return response

    def fragment(
        self, request: Request, template: str, block: str, status: int = 200, **extra: Any
    ) -> HTMLResponse:
        """One block of a template, for htmx to swap in."""
        return self.fragments(request, [(template, block)], status, **extra)

    def fragments(
        self,
        request: Request,
        parts: Iterable[tuple[str, str | None]],
        status: int = 200,
        **extra: Any,
    ) -> HTMLResponse:
        """Blocks of templates (``None``: the whole template) in one answer, for htmx.

        What htmx swaps into its target comes first; then parts marked hx-swap-oob, which it
        swaps in by id. A pending flash is left for the next page unless ``extra`` gives one.
        """
        context = self.context(request, {"flash": None, **extra})
        html = []
        for template, block in parts:
            compiled = self.env.get_template(template)
            if block is None:
                html.append(compiled.render(context))
            else:
                html.append("".join(compiled.blocks[block](compiled.new_context(context))))
        return HTMLResponse(self._with_token("".join(html), context), status)

    def _with_token(self, html: str, context: Mapping[str, Any]) -> str:
        """The page with the session's CSRF token where the forms' macros put the stand-in.

        A page cached for every visitor renders with the stand-in as its token, so this
        leaves it in place and the cache fills it per response (``Web.shared_page``).
        """
        return html.replace(self.token_placeholder, context["csrf_token"])

    def markup(self, html: str) -> Markup:
        """Trusted HTML built by our own code (the SVG charts escape their own text)."""
        return Markup(html)

    def redirect(
        self,
        url: str,
        flash: str | None = None,
        warning: str | None = None,
        links: tuple[tuple[str, str, str, str], ...] = (),
    ) -> RedirectResponse:
        """See-other to ``url``, carrying a one-time message (and a warning, shown apart)."""
        response = RedirectResponse(url, status_code=303)
        if flash or warning or links:
            # A warning may come alone (a refusal): it is then the whole message.
            value: Any = [flash or "", warning] if warning else flash
            if links:
                value = [flash or "", warning, [list(link) for link in links]]
            response.set_cookie(
                FLASH_COOKIE, self.flash_signer.dumps(value), httponly=True, samesite="lax"
            )
        return response

    def read_flash(self, request: Request) -> Flash | None:
        """The pending one-time message, if its signature holds."""
        raw = request.cookies.get(FLASH_COOKIE)
        if not raw:
            return None
        try:
            value = self.flash_signer.loads(raw)
        except BadSignature:
            return None
        if isinstance(value, str):
            return Flash(value)
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(part, str) for part in value)
        ):
            return Flash(value[0], value[1])
        if isinstance(value, list) and len(value) == 3 and isinstance(value[2], list):
            links = tuple(
                (str(a), str(b), str(c), str(d))
                for a, b, c, d in value[2]
                if str(c).startswith("/")
            )
            return Flash(str(value[0]), value[1] if isinstance(value[1], str) else None, links)
        return None


def is_htmx(request: Request, target: str | None = None) -> bool:
    """Whether htmx sent the request (and, if given, aims it at element ``target``)."""
    if request.headers.get("hx-request") != "true":
        return False
    return target is None or request.headers.get("hx-target") == target

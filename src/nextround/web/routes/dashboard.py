"""The dashboard: the pipeline board with one-step moves, upcoming interviews, the funnel."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter
from markupsafe import Markup
from starlette.responses import Response

from nextround.domain.labels import capitalised
from nextround.domain.pipeline import SCREEN_STAGE_RULE, funnel_note
from nextround.domain.values import joined_tag_key
from nextround.errors import DomainError, InvalidInputError
from nextround.services.board import (
    CONFIRMED_MOVES,
    Board,
    Move,
    Moved,
    MovePreview,
    move_application,
    move_menu,
    pipeline_board,
    preview_move,
)
from nextround.services.options import offer_check
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader
from nextround.web.journey_charts import funnel_chart
from nextround.web.panels import growth_panels
from nextround.web.rendering import Flash, day, label
from nextround.web.routes.lifecycle import waiting_links

router = APIRouter()

BOARD_KEY = ("board",)
TO_REVIEW_KEY = ("growth", "to-review")


@dataclass(frozen=True)
class DashboardView:
    """The board and its funnel chart, cached together."""

    board: Board
    funnel: Markup
    #: What the funnel leaves out (stages skipped on the way to a later one), if anything.
    funnel_note: str | None = None
    #: What its "First rounds" counts, as `nextround stats` says it (none before any round).
    screen_rule: str | None = None


def funnel_tag(web: Web) -> str | None:
    """The tag the funnel card counts: ``?tag=`` on the page, kept across the board's moves.

    A move posts to its own address; htmx sends the page's own along (HX-Current-URL), so
    the funnel it swaps back in still counts the tag the page was showing.
    """
    tag = web.request.query_params.get("tag", "")
    if not tag and web.htmx():
        shown = urlsplit(web.request.headers.get("HX-Current-URL", "")).query
        tag = (parse_qs(shown).get("tag") or [""])[0]
    return tag.strip() or None


def dashboard_address(web: Web) -> str:
    """The dashboard's address with the filter the page had, for a move's redirect.

    A move posted without JavaScript carries the page's ``?tag=`` on its own address; the
    redirect keeps it only when it names a tag on record (the stored spelling, URL-encoded),
    so the answer always stays on the dashboard.
    """
    tag = funnel_tag(web)
    if tag is None:
        return "/"
    wanted = joined_tag_key(tag)
    # Built for the tag, the board is cached for the page the redirect lands on.
    known = [t for t in dashboard_view(web, tag).board.tags if t == wanted]
    return f"/?{urlencode({'tag': known[0]})}" if known else "/"


def dashboard_view(web: Web, tag: str | None = None) -> DashboardView:
    """The cached board (its funnel card counting ``tag``'s applications, if given)."""

    def build() -> DashboardView:
        board = web.read(lambda uow: pipeline_board(uow, tag=tag))
        screens = any(step.stage == "screen" and step.count for step in board.funnel)
        return DashboardView(
            board,
            Markup(funnel_chart(board.funnel)),
            funnel_note(board.funnel),
            SCREEN_STAGE_RULE if screens else None,
        )

    return web.cache.get((*BOARD_KEY, tag), build)


#: What an ending move did, said after the company's name.
_ENDED = {
    Move.OFFER: "offer received.",
    Move.REJECTED: "rejected; the process is closed.",
    Move.WITHDRAWN: "you withdrew; the process is closed.",
    Move.NO_RESPONSE: "no response; the process is closed.",
    Move.ACCEPT: "you accepted the offer.",
    Move.DECLINE: "you declined the offer.",
}


def moved(result: Moved, move: Move) -> str:
    """What a move did, in a plain sentence (such as: Acme: offer received)."""
    app = result.app
    if move in _ENDED:
        said = f"{app.company}: {_ENDED[move]}"
        if move in CONFIRMED_MOVES:
            said += " Recorded by mistake? Delete the decision on the application's page."
        return said
    column = label(app.status)
    if move is Move.REOPEN:
        return f"{app.company}: reopened; it is back in {column}."
    added = max(app.rounds, key=lambda r: r.position)
    earlier = f" {result.went_on.text()}" if result.went_on and result.went_on.text() else ""
    return (
        f"{app.company}: {added.name} added as round {added.position} on "
        f"{day(added.started_on)}; it is now in {column}.{earlier}"
    )


@dataclass(frozen=True)
class Question:
    """What the board asks before a move that ends a process or answers an offer."""

    preview: MovePreview
    question: str
    consequence: str
    answer: str


def question(preview: MovePreview) -> Question:
    """The question, what recording it does to the rounds, and the answer button's words."""
    company, on, move = preview.app.company, day(preview.on), preview.move
    asked = {
        Move.REJECTED: f"Record that {company} rejected you, on {on}?",
        Move.WITHDRAWN: f"Record that you withdrew from {company}, on {on}?",
        Move.NO_RESPONSE: f"Close {company} as no response, on {on}?",
        Move.ACCEPT: f"Accept the offer from {company}?",
        Move.DECLINE: f"Decline the offer from {company}?",
    }[move]
    consequence = "This closes the process."
    if preview.closes:
        first, *rest = preview.closes
        parts = [f"round {first[0].position} ({first[0].name}) will be marked {first[1].value}"]
        parts += [f"round {r.position} ({r.name}) {outcome.value}" for r, outcome in rest]
        consequence += f" {', '.join(parts)[:1].upper()}{', '.join(parts)[1:]}."
    answer = "Yes, record it"
    if move is Move.ACCEPT:
        warned = preview.offer is not None and preview.offer.warn
        answer = "Accept anyway" if warned else "Yes, accept"
    elif move is Move.DECLINE:
        answer = "Yes, decline"
    return Question(preview, asked, consequence, answer)


def _render(
    web: Web,
    status: int = 200,
    errors: dict[int, str] | None = None,
    flash: Flash | None = None,
    chosen: dict[int, str] | None = None,
    asking: MovePreview | None = None,
    dates: dict[int, str] | None = None,
) -> Response:
    view = dashboard_view(web, funnel_tag(web))
    shown = {card.facts.id for column in view.board.columns for card in column.cards}
    to_review = web.cached(TO_REVIEW_KEY, lambda uow: uow.statements.count_unconfirmed())
    context = {
        # A move refused for an application not on the board (e.g. a closed one) is shown
        # above the board, so the message is never lost.
        "stray_errors": [msg for app_id, msg in (errors or {}).items() if app_id not in shown],
        "view": view,
        "board": view.board,
        "move_menu": move_menu,
        "errors": errors or {},
        "to_review": to_review,
        # A refused move stays chosen in its menu, so it can be retried once its cause is fixed.
        "chosen": chosen or {},
        # A move that asks first: the card shows the question in place of its menu.
        "asking": question(asking) if asking else None,
        # The date a refused move was given, kept for the retry (else today).
        "dates": dates or {},
    }
    if web.htmx("board"):
        # The board, and out of band what it changes elsewhere on the page: the summary line,
        # the upcoming interviews (a closed process has none), the funnel and the message
        # (cleared when there is none, e.g. on a refused move).
        return web.fragments(
            [
                ("dashboard.html", "board"),
                ("dashboard.html", "summary"),
                ("dashboard.html", "upcoming"),
                ("dashboard.html", "funnel"),
                ("_messages.html", None),
            ],
            status,
            oob=True,
            flash=flash,
            **context,
        )
    return web.page("dashboard.html", status, panels=growth_panels(web), **context)


@router.get("/")
def dashboard(web: WebDep) -> Response:
    """The dashboard page."""
    key = ("dashboard", web.htmx("board"), funnel_tag(web))
    return web.shared_page(key, lambda: _render(web))


@router.post("/applications/{app_id}/move")
def move(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Move one application to another stage, on a date (today unless another is given).

    A move that ends the process or answers an offer asks first: the card shows what it
    would record (and, for an acceptance, the offer against Option A), and only the
    answer "yes" (``confirm``) records it.
    """
    reader = FormReader(f"move-{app_id}", form)
    chosen = reader.choice("move", Move)
    on = reader.date("on", "date of the move")
    dates = {app_id: reader.raw("on")} if reader.raw("on") else {}
    if chosen is None or not reader.ok:
        error = reader.state.error_for("move") or reader.state.error_for("on")
        if error is None and not form.get("move"):
            # The placeholder, "Move to…": nothing chosen, so nothing changes.
            return _render(web) if web.htmx("board") else web.redirect(dashboard_address(web))
        kept = {app_id: chosen.value} if chosen else None
        return _render(web, 422, {app_id: error or "Choose a move."}, chosen=kept, dates=dates)
    try:
        if chosen in CONFIRMED_MOVES and not reader.flag("confirm"):
            preview = web.read(lambda uow: preview_move(uow, app_id, chosen, on))
            return _render(web, chosen={app_id: chosen.value}, asking=preview, dates=dates)
        notice, links = web.write(
            lambda uow: (
                moved(move_application(uow, app_id, chosen, on), chosen),
                waiting_links(uow, app_id) if chosen is Move.ACCEPT else (),
            )
        )
    except (DomainError, InvalidInputError) as exc:
        message = exc.for_web()
        errors = {app_id: capitalised(message)}
        return _render(web, 422, errors, chosen={app_id: chosen.value}, dates=dates)
    warning = None
    if chosen is Move.OFFER:
        # The same question the application page and `decision set` ask, so an offer taken
        # on the board is not waved through; shown as a warning, apart from the message.
        # (An acceptance asked it before it was recorded.)
        check = web.read(lambda uow: offer_check(uow, app_id))
        if check is not None and check.warn:
            concerns = "; ".join(check.concerns)
            warning = (
                f"{check.headline} {concerns[:1].upper()}{concerns[1:]}: "
                "see the application's page."
            )
    if web.htmx("board"):
        return _render(web, flash=Flash(notice, warning, links))
    return web.redirect(dashboard_address(web), notice, warning, links)

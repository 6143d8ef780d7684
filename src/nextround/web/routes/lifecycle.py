"""An application's own life: edit its details, close, reopen, decide, delete."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.journey import Application, Decision, OfferResponse, Outcome
from nextround.errors import DomainError
from nextround.services.application_removal import delete_application
from nextround.services.applications import (
    close_application,
    edit_application,
    reopen_application,
)
from nextround.services.calling_off import NOTHING_CALLED_OFF, CalledOff, call_off
from nextround.services.options import acceptance_check, before_accepting
from nextround.services.other_offers import (
    acceptance,
    offers_side_by_side,
    offers_waiting,
    still_open,
)
from nextround.services.process import Decided, remove_decision
from nextround.services.process import decide as decide_application
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, WebDep
from nextround.web.forms import FormReader
from nextround.web.rendering import day, label
from nextround.web.routes.detail import render_detail, submit

router = APIRouter()


@router.post("/applications/{app_id}/edit")
def edit(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Change the application's details."""
    reader = FormReader("edit-app", form)
    fields = jf.read_application(reader, editing=True)
    return submit(
        web,
        app_id,
        reader,
        fields,
        run=lambda uow, f: edit_application(uow, app_id, f),
        routes=jf.APPLICATION_ERRORS,
        done=lambda app: ("details", "Saved the application's details."),
    )


@router.post("/applications/{app_id}/close")
def close(app_id: int, web: WebDep, form: FormDep) -> Response:
    """End the process without an offer: no response, rejected or withdrawn."""
    reader = FormReader("close", form)
    outcome = reader.choice("outcome", Outcome, default=Outcome.NO_RESPONSE)
    payload = (outcome, reader.date("on", "date it ended"), reader.text("reason"))
    calling_off = reader.flag("call_off")

    def run(uow: SqlUnitOfWork, p: tuple[Any, ...]) -> tuple[Application, CalledOff]:
        called_off = _call_off(uow, app_id, p[1], calling_off)
        outcome = p[0] or Outcome.NO_RESPONSE
        return close_application(uow, app_id, outcome, p[1], p[2], called_off), called_off

    return submit(
        web,
        app_id,
        reader,
        payload,
        run=run,
        routes=jf.CLOSE_ERRORS,
        done=lambda done: (
            "decision",
            f"Closed: {label(done[0].status).lower()}. {done[1].text()}".strip(),
        ),
    )


def _call_off(uow: SqlUnitOfWork, app_id: int, day: date | None, wanted: bool) -> CalledOff:
    """The interviews still to come, called off when the form asks (before the decision)."""
    return call_off(uow, app_id, day) if wanted else NOTHING_CALLED_OFF


@router.post("/applications/{app_id}/reopen")
def reopen(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Reopen a decided application; the old decision stays on record."""
    reader = FormReader("reopen", form)
    on = reader.date("on", "date to reopen on")
    return submit(
        web,
        app_id,
        reader,
        on,
        run=lambda uow, day: reopen_application(uow, app_id, day),
        routes=jf.CLOSE_ERRORS,
        done=lambda app: ("decision", "Reopened: you can add rounds again."),
    )


@router.post("/applications/{app_id}/decision")
def decide(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Record or change the decision that ends the application."""
    reader = FormReader("decision", form)
    kwargs = jf.read_decision(reader)
    if reader.ok and not reader.flag("accept_anyway"):
        second, doubts = web.read(lambda uow: _acceptance_doubts(uow, app_id, kwargs))
        if doubts or second:
            # Asked before the yes is recorded, not after: the form comes back with the
            # trade-offs and a box to tick to accept anyway.
            reader.state.values["ask_accept"] = "1"
            wrong = f"Saying yes to the wrong thing? {'; '.join(doubts)}. " if doubts else ""
            reader.state.error = (
                f"{second + ' ' if second else ''}{wrong}Nothing is recorded "
                "yet: tick “Accept anyway” to record the acceptance, or keep the answer "
                "pending for now."
            )
            return render_detail(web, app_id, reader.state)
    calling_off = reader.flag("call_off")

    def run(uow: SqlUnitOfWork, k: dict[str, Any]) -> tuple[Decided, CalledOff, Links]:
        current = uow.applications.get(app_id).current_decision
        if k["decided_on"] is None and current is not None and not current.day_known:
            # Saved with its day still empty: the day stays not known (the stand-in kept).
            k = {**k, "decided_on": current.decided_on}
        if k["outcome"] is not Outcome.OFFER and current and k["answer_by"] == current.answer_by:
            # The form came filled with the offer's deadline: turning the offer into a
            # rejection drops it, as `decision edit --outcome rejection` does; one typed in
            # is refused with the reason.
            k = {**k, "answer_by": None}
        if k["outcome"] is not Outcome.OFFER and current and k["terms"] == current.terms:
            k = {**k, "terms": None}  # likewise the offer's terms the form came filled with
        called_off = _call_off(uow, app_id, k["decided_on"], calling_off)
        # The currency defaults to the last offer's for new terms only: one emptied in the
        # form on purpose stays empty.
        new_terms = current is None or current.terms is None
        decided = decide_application(
            uow, app_id, **k, called_off=called_off, default_currency=new_terms
        )
        accepted = decided.decision.offer_response is OfferResponse.ACCEPTED
        return decided, called_off, waiting_links(uow, app_id) if accepted else ()

    return submit(
        web,
        app_id,
        reader,
        kwargs,
        run=run,
        routes=jf.DECISION_ERRORS,
        done=lambda done: (
            "decision",
            " ".join(
                part
                for part in (
                    f"Recorded the decision: {_decision_text(done[0].decision)}.",
                    done[0].closed_text(),
                    done[1].text(),
                )
                if part
            ),
        ),
        links=lambda done: done[2],
    )


#: Notes linking to an application: (words before, link text, address, words after).
Links = tuple[tuple[str, str, str, str], ...]


def waiting_links(uow: SqlUnitOfWork, app_id: int) -> Links:
    """After an acceptance: the other offers still waiting, then the processes still open.

    Each is linked to its decision, where an offer is declined and a process closed.
    """
    today = uow.today()
    return tuple(
        (before, company, f"/applications/{w.application_id}#decision", after)
        for w in offers_waiting(uow, app_id)
        for before, company, after in [w.on_page()]
    ) + tuple(
        ("Still open: withdraw from ", p.company, f"/applications/{p.application_id}#decision",
         f"{p.aside(today)} to let them know (“Close: I withdrew”).")
        for p in still_open(uow, acceptance(uow))
    )  # fmt: skip


def _acceptance_doubts(
    uow: SqlUnitOfWork, app_id: int, kwargs: dict[str, Any]
) -> tuple[str | None, list[str]]:
    """Another offer accepted already, and why accepting this one may be the wrong thing.

    Nothing unless the form turns the decision into an accepted offer (an offer accepted
    already was asked about then); Option A's concerns only when worth a warning.
    """
    if kwargs["outcome"] is not Outcome.OFFER or kwargs["offer_response"] is not (
        OfferResponse.ACCEPTED
    ):
        return None, []
    current = uow.applications.get(app_id).current_decision
    if current is not None and current.offer_response is OfferResponse.ACCEPTED:
        return None, []
    check = acceptance_check(uow, app_id)
    doubts = [f"{c[:1].upper()}{c[1:]}" for c in check.concerns] if check.warn else []
    second = before_accepting(uow, app_id)
    compared = offers_side_by_side(uow)
    if compared and (second or doubts):
        # The offers' numbers with the question, as the command line shows them; they do not
        # make it ask on their own.
        second = " ".join(part for part in (second, " ".join(compared)) if part)
    return second, doubts


def _decision_text(decision: Decision) -> str:
    """'offer, accepted': an accepted offer says so, as it is the step that ends the search."""
    text = label(decision.outcome).lower()
    response = decision.offer_response
    if response is not None and response is not OfferResponse.PENDING:
        text += f", {label(response).lower()}"
    return text


@router.post("/applications/{app_id}/decision/delete")
def delete_decision(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Delete the latest decision, recorded by mistake: the process is as it was before.

    Unlike Reopen, which keeps the decision on record, it goes, and the rounds it closed
    are pending again (the same use case as `nextround decision rm`).
    """
    reader = FormReader("delete-decision", form)
    if not reader.confirmed():
        return render_detail(web, app_id, reader.state, 422)
    try:
        removed = web.write(lambda uow: remove_decision(uow, app_id))
    except DomainError as exc:
        reader.explain(exc, ())
        return render_detail(web, app_id, reader.state, 422)
    decision = removed.decision
    said = f"Deleted the {label(decision.outcome).lower()} of {day(decision.decided_on)}"
    message = f"{said}; the application is {label(removed.app.status).lower()} again."
    message = " ".join(filter(None, [message, removed.text()]))
    warning = None
    # Changed since the decision, or called off apart from it: the person knows which.
    still = [f"round {r.position} ({r.name}), cancelled" for r in removed.still_cancelled]
    still += [i.named() for i in removed.still_off]
    if still:
        warning = (
            f"Still called off: {'; '.join(still)}. If one is on after all: set a round's "
            "outcome back to Pending under “Edit round”, or untick an interview's “Called off” "
            "under “Edit interview”."
        )
    return web.redirect(f"/applications/{app_id}#decision", message, warning)


@router.post("/applications/{app_id}/delete")
def delete(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Delete the application and everything in its process, after an explicit confirmation."""
    reader = FormReader("delete", form)
    if not reader.confirmed():
        return render_detail(web, app_id, reader.state, 422)

    try:
        removed = web.write(lambda uow: delete_application(uow, app_id))
    except DomainError as exc:
        reader.explain(exc, ())
        return render_detail(web, app_id, reader.state, 422)
    return web.redirect(
        "/applications", " ".join(filter(None, [f"Deleted {removed.summary}.", removed.kept]))
    )

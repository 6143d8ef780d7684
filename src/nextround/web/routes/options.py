"""Option A in the web app: the ranking, the weights, targets and threshold, and rating."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from fastapi import APIRouter
from starlette.responses import Response

from nextround.domain.labels import capitalised
from nextround.domain.offer_terms import OfferSide, side_by_side
from nextround.domain.option_a import OptionA, check_threshold, criterion_id_for
from nextround.domain.option_concerns import risk_note
from nextround.domain.option_ranking import Assessment, targets_note
from nextround.domain.pipeline import ApplicationFacts
from nextround.domain.typed_numbers import UnreadNumberError, decimal
from nextround.errors import DomainError
from nextround.services.options import (
    RankingView,
    add_criterion,
    assess_application,
    define,
    get_option_a,
    ranking,
    remove_criterion,
    set_weights,
)
from nextround.services.options import (
    rate as rate_option,
)
from nextround.services.other_offers import offers_with_terms
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormBook, FormReader, FormState

router = APIRouter()

#: Where a use case's message belongs on the weights form.
WEIGHT_ERRORS = (("threshold", r"threshold"),)
# Signed, so that "-3" is told it must be above 0 rather than that it is not a number.
_NUMBER = re.compile(r"[+-]?\d{1,3}(?:\.\d{1,3})?")
#: A must-have verdict as the rating form offers it.
VERDICTS = {"": None, "yes": True, "no": False}


def render_options(
    web: Web,
    rate_id: int | None = None,
    failed: FormState | None = None,
    status: int = 200,
    *,
    open_only: bool = False,
) -> Response:
    """The ranking with trade-offs and sensitivity, the weights, and one rating form.

    ``open_only`` leaves out the processes that are over, as `options rank --open` does.
    """

    def load(
        uow: SqlUnitOfWork,
    ) -> tuple[RankingView, list[ApplicationFacts], Assessment | None, list[OfferSide]]:
        chosen = assess_application(uow, rate_id) if rate_id is not None else None
        offers = offers_with_terms(uow)
        return ranking(uow, open_only=open_only), uow.applications.facts(), chosen, offers

    view, applications, chosen, offers = web.read(load)
    groups = side_by_side(offers)
    return web.page(
        "options.html",
        status,
        view=view,
        targets_note=targets_note(view.option_a),
        names={a.opportunity.application_id: a.opportunity.company for a in view.assessments},
        # Partial scores above the bar that their unrated criteria could pull under it.
        risks={
            a.opportunity.application_id: note
            for a in view.assessments
            if (note := risk_note(a)) is not None
        },
        applications=applications,
        chosen=chosen,
        weights=_weight_values(view.option_a),
        definition={
            "description": view.option_a.description or "",
            "musts": "\n".join(str(m) for m in view.option_a.must_haves),
        },
        rating=_rating_values(chosen) if chosen else {},
        forms=FormBook(failed),
        open_only=open_only,
        # Offers with terms side by side per currency (never converted): two or more.
        offer_groups=groups if sum(len(g) for g in groups) >= 2 else [],
    )


def _weight_values(option_a: OptionA) -> dict[str, str]:
    values = {f"weight-{c.id}": f"{c.weight:g}" for c in option_a.criteria}
    values |= {f"target-{c.id}": str(c.target) for c in option_a.criteria}
    values["threshold"] = f"{option_a.threshold:g}"
    return values


def _rating_values(assessment: Assessment) -> dict[str, str]:
    """The stored ratings and verdicts; a value derived from the record is left blank."""
    values = {
        f"score-{v.criterion.id}": "" if v.value is None or v.derived else str(v.value)
        for v in assessment.values
    }
    for verdict in assessment.verdicts:
        stored = "" if verdict.met is None or verdict.derived else ("yes" if verdict.met else "no")
        values[f"must-{verdict.must_have.id}"] = stored
    return values


@router.get("/options")
def options_page(
    web: WebDep,
    rate: int | None = None,
    open: bool = False,  # the query parameter, named as the CLI's --open
) -> Response:
    """Opportunities ranked against Option A, and one rating form.

    ``?rate=APP`` opens the rating form for one; ``?open=1`` shows only the processes
    still open.
    """
    return render_options(web, rate, open_only=open)


@router.post("/options/weights")
def change_weights(web: WebDep, form: FormDep) -> Response:
    """Set every criterion's weight and the threshold at once."""
    reader = FormReader("weights", form)
    option_a = web.read(get_option_a)
    weights = {c.id: _number(reader, f"weight-{c.id}", c.name) for c in option_a.criteria}
    # A form from before targets were on it sends none: each target then stays as it is.
    targets = {
        c.id: target
        for c in option_a.criteria
        if (target := _rating(reader, f"target-{c.id}", f"the target for {c.name}")) is not None
    }
    threshold = _number(reader, "threshold", "the threshold")
    # Each weight and the threshold against Option A's own rules, all reported at once.
    for c in option_a.criteria:
        if (weight := weights[c.id]) is not None:
            reader.check(f"weight-{c.id}", replace(c, weight=weight).check)
    if threshold is not None:
        reader.check("threshold", partial(check_threshold, threshold))
    if reader.ok:
        try:
            chosen = {k: v for k, v in weights.items() if v is not None}
            web.write(lambda uow: set_weights(uow, chosen, targets, threshold=threshold))
        except DomainError as exc:
            reader.explain(exc, _weight_routes(option_a))
        else:
            return web.redirect("/options#ranking", "Saved your weights, targets and threshold.")
    return render_options(web, failed=reader.state, status=422)


def _weight_routes(option_a: OptionA) -> list[tuple[str, str]]:
    """Domain messages name the criterion ("the weight of scope ..."): show it there."""
    return [
        *WEIGHT_ERRORS,
        *((f"weight-{c.id}", rf"\({re.escape(c.id)}\) must\b") for c in option_a.criteria),
    ]


def _number(reader: FormReader, name: str, what: str) -> float | None:
    value = reader.raw(name).strip()
    if not value:
        reader.fail(name, f"give a number for {what}, e.g. 2 or 1.5")
        return None
    # The command line's reading: 1,5 (a decimal comma) is one and a half there too.
    try:
        number = decimal(value)
    except UnreadNumberError as exc:
        reader.fail(name, f"{value!r} is not a number; {exc.hint}")
        return None
    if not _NUMBER.fullmatch(value.replace(",", ".")):
        reader.fail(name, f"{value!r} is not a number; use e.g. 2 or 1.5")
        return None
    return number


@router.post("/options/define")
def change_definition(web: WebDep, form: FormDep) -> Response:
    """Describe Option A and list its must-haves, one per line with an optional [rule]."""
    reader = FormReader("define", form)
    description, musts = reader.raw("description").strip(), reader.lines("musts")
    try:
        web.write(lambda uow: define(uow, description=description, must_haves=musts))
    except DomainError as exc:
        reader.explain(exc, (("description", r"description"), ("musts", r".")))
    else:
        return web.redirect("/options#define", "Saved your Option A.")
    return render_options(web, failed=reader.state, status=422)


@router.post("/options/criteria")
def new_criterion(web: WebDep, form: FormDep) -> Response:
    """Add a criterion of the person's own, weighed and targeted."""
    reader = FormReader("criterion", form)
    name = reader.raw("name").strip()
    weight = _number(reader, "weight", "the weight")
    target = _rating(reader, "target", "the target")
    ident = criterion_id_for(name)
    option_a = web.read(get_option_a)
    if not name:
        reader.fail("name", "give the criterion a name, e.g. Work-life balance")
    elif any(c.id == ident or c.name.casefold() == name.casefold() for c in option_a.criteria):
        reader.fail("name", f"{name} is a criterion already; change its weight above")
    if reader.ok and weight is not None:
        try:
            web.write(lambda uow: add_criterion(uow, ident, name, weight, target or 5))
        except DomainError as exc:
            reader.explain(exc, (("weight", r"weight"), ("target", r"target"), ("name", r".")))
        else:
            return web.redirect("/options#weights", f"Added the criterion {name}.")
    return render_options(web, failed=reader.state, status=422)


@router.post("/options/criteria/{criterion_id}/delete")
def drop_criterion(criterion_id: str, web: WebDep) -> Response:
    """Remove a criterion; its ratings stay stored, unused, in case it comes back."""
    named = {c.id: c.name for c in web.read(get_option_a).criteria}
    try:
        web.write(lambda uow: remove_criterion(uow, criterion_id))
    except DomainError as exc:
        message = exc.for_web()
        stored = web.read(lambda uow: _weight_values(get_option_a(uow)))
        failed = FormState("weights", stored, error=capitalised(message))
        return render_options(web, failed=failed, status=422)
    return web.redirect(
        "/options#weights",
        f"Removed the criterion {named.get(criterion_id, criterion_id)}; its ratings are kept, "
        "and come back if you add it again.",
    )


@router.post("/options/rate/{app_id}")
def rate_opportunity(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Rate one opportunity per criterion (1-5, or blank) and per must-have (yes, no, blank)."""
    reader = FormReader(f"rate-{app_id}", form)
    option_a = web.read(get_option_a)
    scores = {
        c.id: _rating(reader, f"score-{c.id}", f"the rating for {c.name}")
        for c in option_a.criteria
    }
    verdicts = {m.id: _verdict(reader, m.id) for m in option_a.must_haves}
    if reader.ok:
        try:
            assessed = web.write(lambda uow: rate_option(uow, app_id, scores, verdicts))
        except DomainError as exc:
            reader.explain(exc, ())
        else:
            company = assessed.opportunity.company
            score = "unrated" if assessed.score is None else f"{assessed.score:.2f}"
            return web.redirect(f"/options#app-{app_id}", f"Rated {company}: {score}.")
    return render_options(web, app_id, reader.state, 422)


def _rating(reader: FormReader, field: str, what: str) -> int | None:
    value = reader.raw(field).strip()
    if not value:
        return None
    if value not in ("1", "2", "3", "4", "5"):
        reader.fail(field, f"{what} must be 1-5, not {value!r}")
        return None
    return int(value)


def _verdict(reader: FormReader, must_id: str) -> bool | None:
    value = reader.raw(f"must-{must_id}").strip()
    if value not in VERDICTS:
        reader.fail(f"must-{must_id}", f"answer yes, no or leave it blank, not {value!r}")
        return None
    return VERDICTS[value]

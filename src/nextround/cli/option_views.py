"""How the Option A commands print: definitions, assessments, JSON and the offer warning.

The ranking table, its legend and the sensitivity are in cli/option_ranking.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from nextround.cli.common import confirmed, console, escape, paragraph
from nextround.domain.option_ranking import GAP_MEANING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from nextround.bootstrap import Nextround
    from nextround.domain.option_a import Criterion, OptionA
    from nextround.domain.option_ranking import Assessment, CriterionValue, Sensitivity
    from nextround.services.options import OfferCheck


def render_option_a(option_a: OptionA) -> None:
    """The definition: description, must-haves, threshold and criteria."""
    out = console()
    if not option_a.defined:
        out.print("[dim]No Option A saved yet: these are the default criteria, all weight 1.[/]")
    if option_a.description:
        out.print(f"[bold]Option A[/]: {escape(option_a.description)}")
    if option_a.must_haves:
        out.print("[bold]Must-haves[/]")
        for must in option_a.must_haves:
            rule = f"  [dim]checked by {escape(must.rule)}[/]" if must.rule else ""
            paragraph(f"• {escape(must.text)} [dim]({must.id})[/]{rule}", 2, 2)
    out.print(f"[bold]Threshold[/]: {option_a.threshold:g} (lowest score you would say yes to)")
    render_criteria(option_a)


def render_criteria(option_a: OptionA) -> None:
    """Criteria with weight, share of the total and target."""
    from rich.table import Table

    table = Table(title="Criteria")
    for column in ("ID", "Criterion", "Weight", "Share", "Target"):
        table.add_column(column, justify="right" if column in ("Weight", "Share") else "left")
    for c, share in zip(option_a.criteria, option_a.share_labels(), strict=True):
        table.add_row(c.id, escape(c.name), f"{c.weight:g}", share, f"{c.target}")
    console().print(table)


def rate_command(app: int | str, criteria: Sequence[Criterion], most: int = 3) -> str:
    """The rate command for an application, naming the criteria given (the current ones).

    E.g. `nextround options rate 3 culture=1-5 growth=1-5`; past ``most`` criteria, "...".
    """
    named = " ".join(f"{c.id}=1-5" for c in criteria[:most])
    more = " ..." if len(criteria) > most else ""
    return f"`nextround options rate {app} {named}{more}`"


def _value_text(v: CriterionValue, app_id: int | None = None) -> str:
    if v.value is None:
        return "[dim]not rated[/]"
    override = (
        f"; your own rating replaces it: nextround options rate {app_id} {v.criterion.id}=N"
        if app_id is not None
        else ""
    )
    derived = f" [dim](from the record: {escape(v.why)}{escape(override)})[/]" if v.derived else ""
    return f"{v.value}/5{derived}"


def _valued(v: CriterionValue, target: bool = False) -> str:
    """A rating in a list of trade-offs, with its target if asked; one the record gave says so."""
    notes = [f"target {v.criterion.target}"] if target else []
    notes += ["from the record"] if v.derived else []
    return f"{v.criterion.in_sentence} {v.value}" + (f" ({', '.join(notes)})" if notes else "")


def render_assessment(a: Assessment) -> None:
    """One opportunity's ratings, verdicts, score and gap."""
    from nextround.domain.option_concerns import risk_note

    out = console()
    o = a.opportunity
    out.print(
        f"[bold]{escape(o.role_title)}[/] at [bold]{escape(o.company)}[/] "
        f"(application {o.application_id})"
    )
    for v in a.values:
        paragraph(
            f"{escape(v.criterion.name):<22} {_value_text(v, o.application_id)}  "
            f"[dim]weight {v.criterion.weight:g}[/]",
            2,
            23,
        )
    for verdict in a.verdicts:
        mark = {True: "[green]✓ met[/]", False: "[red]✗ missed[/]", None: "[dim]? unknown[/]"}[
            verdict.met
        ]
        why = f" [dim]({escape(verdict.why)})[/]" if verdict.why else ""
        paragraph(f"must-have: {escape(verdict.must_have.text)} — {mark}{why}", 2, 2)
    if a.score is None:
        command = rate_command(o.application_id, [v.criterion for v in a.unrated_criteria])
        paragraph(f"Not rated on your current criteria yet: {escape(command)}", 0, 2)
        return
    partial = (
        ""
        if a.complete or a.floor is None
        else f" [yellow](partial: {a.coverage:.0%} of the weight rated; at least "
        f"{a.floor:.2f} whatever the rest is rated)[/]"
    )
    below = " [yellow]below your threshold[/]" if a.below_threshold else ""
    out.print(f"Score {a.score:.2f}/5{below}{partial}")
    said = a.gap_in_words()
    paragraph(
        f"Gap to Option A {a.gap:.2f}"
        + (f", {escape(said)}" if said else "")
        + f": [dim]{GAP_MEANING}[/]",
        0,
        2,
    )
    risk = risk_note(a)
    if risk:
        paragraph(f"[yellow]{escape(risk[:1].upper() + risk[1:])}.[/]", 0, 2)
    if not a.complete:
        command = rate_command(o.application_id, [v.criterion for v in a.unrated_criteria])
        paragraph(f"[dim]Complete it: {escape(command)}[/]", 0, 2)
    render_trade_offs(a)


def render_trade_offs(a: Assessment, indent: int = 2) -> None:
    """What the opportunity offers, what it gives up, and which must-haves it misses."""
    if a.gains:
        gains = ", ".join(_valued(v) for v in a.gains)
        paragraph(f"[green]gains[/]: {escape(gains)}", indent, 7)
    if a.near_misses:
        close = ", ".join(_valued(v, target=True) for v in a.near_misses)
        paragraph(f"[yellow]close[/]: {escape(close)}", indent, 7)
    if a.gives_up:
        ups = ", ".join(_valued(v, target=True) for v in a.gives_up[:4])
        paragraph(f"[red]gives up[/]: {escape(ups)}", indent, 10)
    if a.missed:
        missed = "; ".join(v.must_have.text for v in a.missed)
        paragraph(f"[red]misses[/]: {escape(missed)}", indent, 8)


def assessment_json(a: Assessment) -> dict[str, Any]:
    """An assessment as JSON."""
    from nextround.domain.option_concerns import at_risk, rating_needed

    o = a.opportunity
    return {
        "application_id": o.application_id,
        "company": o.company,
        "role_title": o.role_title,
        "status": o.status.value,
        "score": None if a.score is None else round(a.score, 4),
        "gap": None if a.gap is None else round(a.gap, 4),
        # The least the score can end at (the score itself when complete): the ranking's key.
        "floor": None if a.floor is None else round(a.floor, 4),
        "coverage": round(a.coverage, 4),
        "complete": a.complete,
        "below_threshold": a.below_threshold,
        "at_risk": at_risk(a),
        "rating_needed": None if (needed := rating_needed(a)) is None else round(needed, 4),
        "values": [
            {
                "criterion": v.criterion.id,
                "weight": v.criterion.weight,
                "target": v.criterion.target,
                "value": v.value,
                "derived": v.derived,
                "why": v.why,
            }
            for v in a.values
        ],
        "must_haves": [
            {
                "id": v.must_have.id,
                "text": v.must_have.text,
                "met": v.met,
                "derived": v.derived,
                "why": v.why,
            }
            for v in a.verdicts
        ],
        "gains": [v.criterion.id for v in a.gains],
        # Rated 4 or 5 but short of the target.
        "close": [v.criterion.id for v in a.near_misses],
        "gives_up": [v.criterion.id for v in a.gives_up],
    }


def sensitivity_json(result: Sensitivity) -> dict[str, Any] | None:
    """The sensitivity result as JSON; None when no opportunity had a score to test."""
    if not result.tested:
        return None
    return {
        "stable": result.stable,
        "order_stable": result.order_stable,
        "step": result.step,
        "changes": [
            {
                "criterion": c.criterion_id,
                "change": c.change,
                "swaps": [list(s) for s in c.swaps],
                "threshold_crossings": [
                    {"application_id": a, "below_threshold": below} for a, below in c.crossings
                ],
            }
            for c in result.changes
        ],
    }


# -- the warning when an offer is recorded or accepted ------------------------------------


def warn_about_offer(nextround: Nextround, app_id: int) -> None:
    """On stderr, in yellow, the offer's trade-offs against Option A (exit 0).

    "Before you answer:" while the offer waits for an answer; "Saying yes to the wrong
    thing?" once it is accepted.
    """
    from nextround.services.options import offer_check

    with nextround.uow() as uow:
        check = offer_check(uow, app_id)
    if check is not None:
        show_offer_check(check, app_id)


def ask_before_accepting(nextround: Nextround, app_id: int, yes: bool) -> bool:
    """Show an offer's trade-offs before its acceptance is recorded, and ask (unless --yes).

    True when the trade-offs were shown (so they need not be shown again once recorded).
    Aborts, with nothing written, when the person says no. Another offer accepted already,
    or an open process Option A ranks higher, is asked about too, whether or not Option A
    has a concern.
    """
    from rich.console import Console

    from nextround.domain.journey import OfferResponse, Outcome
    from nextround.services.options import acceptance_check, before_accepting
    from nextround.services.other_offers import offers_side_by_side

    with nextround.uow() as uow:
        current = uow.applications.get(app_id).current_decision
        if (
            current is not None
            and current.outcome is Outcome.OFFER
            and current.offer_response is OfferResponse.ACCEPTED
        ):
            return False  # accepted already: a date or reason is being corrected
        check = acceptance_check(uow, app_id)
        second = before_accepting(uow, app_id)
        compared = offers_side_by_side(uow)
    if compared:
        # Said at the yes whether or not anything is asked: the numbers to weigh it by.
        console().file.flush()
        print_offer_comparison(compared, Console(stderr=True, highlight=False, emoji=False))
    if not check.warn and second is None:
        return False
    if second is not None:
        console().file.flush()
        Console(stderr=True, highlight=False, emoji=False).print(
            f"[bold yellow]{escape(second)}[/]"
        )
    if check.warn:
        show_offer_check(check, app_id)
    if not yes and not confirmed("Record the acceptance anyway?", err=True):
        raise typer.Abort()
    return check.warn


def show_offer_check(check: OfferCheck, app_id: int) -> None:
    """The trade-offs of an offer against Option A, or how to hold it against it, on stderr."""
    from rich.console import Console

    err = Console(stderr=True, highlight=False, emoji=False)
    # Whatever standard output holds goes out first, so a line there and the warning here
    # never run together on a terminal or in a log that takes both.
    console().file.flush()
    a = check.assessment
    if not check.warn:
        if check.defined and not check.rated:
            err.print(
                f"[dim]Rate this offer against your Option A: nextround options rate {app_id}[/]"
            )
        elif not check.defined and not check.rated:
            err.print(
                "[dim]Hold offers against what you want: `nextround options define`, then "
                f"`nextround options rate {app_id}`.[/]"
            )
        return
    err.print(f"[bold yellow]{escape(check.opening)}[/]")
    for concern in check.concerns:
        paragraph(f"[yellow]• {escape(concern)}[/]", 2, 2, out=err)
    if a.gains:
        gains = ", ".join(_valued(v) for v in a.gains)
        paragraph(f"[yellow]gains: {escape(gains)}[/]", 2, 7, out=err)
    if a.near_misses:
        close = ", ".join(_valued(v, target=True) for v in a.near_misses)
        paragraph(f"[yellow]close: {escape(close)}[/]", 2, 7, out=err)
    if a.gives_up:
        ups = ", ".join(_valued(v, target=True) for v in a.gives_up[:4])
        paragraph(f"[yellow]gives up: {escape(ups)}[/]", 2, 10, out=err)
    if check.to_complete:
        command = rate_command(app_id, [v.criterion for v in check.to_complete], most=4)
        paragraph(f"[yellow]Complete the score: {escape(command)}[/]", 2, 4, out=err)
    else:
        err.print(f"[dim]  Details: nextround options rate {app_id}[/]")


def print_offer_comparison(lines: Sequence[str], out: Console | None = None) -> None:
    """The offers side by side: headings flush, each offer's wrapped line under its name."""
    for line in lines:
        offer = line.startswith("  ")
        paragraph(escape(line.strip()), indent=2 if offer else 0, hang=2 if offer else 0, out=out)

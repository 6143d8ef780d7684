"""How `nextround options rank` prints: the ranking table, its legend and the sensitivity.

The legend says how to read what the table shows, and only what it shows: the order rule
for partial scores when one is partial, the must-have rule when one is missed, the marks
that appear, and always the gap, a number nobody can read without being told what it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nextround.cli.common import console, escape, paragraph
from nextround.cli.option_views import rate_command, render_trade_offs
from nextround.domain.counts import counted
from nextround.domain.option_ranking import GAP_MEANING, targets_note

if TYPE_CHECKING:
    from nextround.domain.option_ranking import Assessment, Sensitivity
    from nextround.services.options import RankingView


def render_ranking(view: RankingView) -> None:
    """The ranking table, the trade-offs of offers and low scorers, and the sensitivity."""
    out = console()
    command = escape(rate_command("APP", view.option_a.criteria))
    if not view.assessments and not view.unscored:
        paragraph(f"Nothing rated yet. Rate an opportunity: {command}", 0, 2)
        return
    if view.assessments:
        _ranking_table(view)
    if view.unscored:
        if len(view.unscored) == 1:
            app_id = view.unscored[0].opportunity.application_id
            command = escape(rate_command(app_id, view.option_a.criteria))
        names = ", ".join(
            f"{escape(a.opportunity.company)} (application {a.opportunity.application_id})"
            for a in view.unscored
        )
        # Rated only on criteria since removed: no score, so no place in the order.
        paragraph(
            f"Not ranked yet, as none of your current criteria is rated: {names}. Rate "
            f"{'it' if len(view.unscored) == 1 else 'them'}: {command}",
            0,
            2,
        )
    if view.flagged:
        out.print("[bold]Trade-offs[/]")
        for a in view.flagged:
            o = a.opportunity
            out.print(
                f" {escape(o.company)} ({o.status.value.replace('_', ' ')}, "
                f"application {o.application_id})"
            )
            render_trade_offs(a, 3)
    if view.sensitivity.tested:
        render_sensitivity(
            view.sensitivity,
            {a.opportunity.application_id: a.opportunity.company for a in view.assessments},
        )
    if view.unrated:
        out.print(
            f"[dim]{counted(view.unrated, 'open application')} not rated yet: "
            f"{escape(rate_command('APP', view.option_a.criteria))}[/]"
        )


def _ranking_table(view: RankingView) -> None:
    """The scored opportunities, best first."""
    from rich.table import Table

    from nextround.domain.option_concerns import at_risk

    weights = ", ".join(f"{c.id} {c.weight:g}" for c in view.option_a.criteria)
    table = Table(
        title=f"Option A ranking · threshold {view.option_a.threshold:g}",
        caption=f"weights: {weights}",
    )
    for column in ("#", "App", "Company", "Status", "Score", "Gap", "Must-haves"):
        # The figures never shrink (a cut "4…" reads as another number); the words share
        # what is left, and wrap on a narrow terminal.
        words = column in ("Company", "Status")
        table.add_column(
            column,
            justify="right" if column in ("#", "App", "Score", "Gap") else "left",
            no_wrap=not words,
            overflow="fold" if words else "ellipsis",
            ratio=1 if column == "Company" else None,
            max_width=24 if column == "Company" else None,
            min_width={"Score": 6, "Gap": 4, "Must-haves": 6}.get(column),
        )
    live = len(view.live)
    for i, a in enumerate(view.assessments, start=1):
        o = a.opportunity
        over = i > live
        score = "–" if a.score is None else f"{a.score:.2f}"
        if a.below_threshold:
            score = f"[yellow]{score} ▼[/]"
        elif at_risk(a):
            score = f"[yellow]{score} ?[/]"
        musts = a.must_haves_met
        if a.missed:
            musts = f"[red]{musts} ✗[/]"
        table.add_row(
            # Only the live processes are ranked; those that are over are there to compare.
            "·" if over else str(i),
            str(o.application_id),
            escape(o.company) + ("" if a.complete else " [dim](partial)[/]"),
            o.status.value.replace("_", " "),
            # A partial score's floor, the figure it ranks by, under it: a column of its own
            # would cost the company names their room on a narrow terminal.
            score if a.complete or a.floor is None else f"{score}\n[dim]≥{a.floor:.2f}[/]",
            "–" if a.gap is None else f"{a.gap:.2f}",
            musts,
            style="dim" if over else None,
            end_section=i == live and live < len(view.assessments),
        )
    console().print(table)
    for line in legend(view):
        paragraph(f"[dim]{escape(line)}[/]", 0, 2)
    _risk_notes(view.assessments)
    _unanswered_notes(view.live)


def legend(view: RankingView) -> list[str]:
    """How to read the table: the order, the marks shown, and the gap."""
    from nextround.domain.option_concerns import at_risk

    shown = view.assessments
    lines = []
    if view.over:
        lines.append(
            "Under the line, dimmed and not numbered: processes that are over, for comparison "
            "(`nextround options rank --open` leaves them out)."
        )
    if any(not a.complete for a in shown):
        lines.append(
            "Best first. A partial score (not every criterion rated) ranks by the “≥” figure "
            "under it: the least it can end at, if every unrated criterion got a 1. So "
            "ratings not given yet cannot lift it past one rated in full."
        )
    if any(a.missed for a in shown):
        lines.append(
            "✗ misses a must-have: ranked after every opportunity that does not, whatever "
            "its score."
        )
    marks = []
    if any(a.below_threshold for a in shown):
        marks.append(f"▼ below your threshold of {view.option_a.threshold:g}")
    if any(at_risk(a) for a in shown):
        marks.append("? partial, and its unrated criteria could still pull it under")
    if marks:
        lines.append("; ".join(marks) + ".")
    if any(a.unanswered for a in shown):
        lines.append("?/N: must-haves nobody has answered yet (each is a yes or a no).")
    lines.append(
        f"Gap to Option A: {GAP_MEANING}. {targets_note(view.option_a)}: "
        "`nextround options criteria set --target ID=1-5`."
    )
    return lines


def _unanswered_notes(assessments: list[Assessment]) -> None:
    """Under the table: whose must-haves are unanswered, and the command to answer them."""
    for a in assessments:
        if not a.unanswered:
            continue
        o = a.opportunity
        answers = " ".join(f"{v.must_have.id}=yes|no" for v in a.unanswered)
        paragraph(
            f"[yellow]? {escape(o.company)}[/]: "
            f"{counted(len(a.unanswered), 'must-have')} not answered. Answer: "
            f"{escape(f'`nextround options rate {o.application_id} {answers}`')}",
            0,
            2,
        )


def _risk_notes(assessments: list[Assessment]) -> None:
    """Under the table: what each "?" score does not know yet, and how to complete it."""
    from nextround.domain.option_concerns import risk_note

    for a in assessments:
        risk = risk_note(a)
        if risk is None:
            continue
        o = a.opportunity
        command = rate_command(o.application_id, [v.criterion for v in a.unrated_criteria])
        paragraph(
            f"[yellow]? {escape(o.company)}[/]: {escape(risk)}. Rate: {escape(command)}", 0, 2
        )


def render_sensitivity(result: Sensitivity, names: dict[int, str]) -> None:
    """Stable, or which weight change swaps which pair or moves whom across the threshold."""
    out = console()
    step = f"{result.step:.0%}"
    if result.stable:
        paragraph(
            f"Sensitivity: stable — no single weight moved by ±{step} changes the order "
            "or who clears your threshold.",
            0,
            2,
        )
        return
    what = [] if result.order_stable else ["the order"]
    if any(c.crossings for c in result.changes):
        what.append("who clears your threshold")
    verb = "depends" if len(what) == 1 else "depend"
    out.print(f"Sensitivity: {' and '.join(what)} {verb} on the weights (±{step} on one weight):")
    for change in result.changes:
        parts = [f"{names.get(a, a)} and {names.get(b, b)} swap" for a, b in change.swaps[:3]]
        if len(change.swaps) > 3:
            parts[-1] += f" (+{len(change.swaps) - 3} more)"
        parts += [
            f"{names.get(a, a)} {'falls below' if below else 'rises above'} your threshold"
            for a, below in change.crossings
        ]
        paragraph(f"{escape(change.label)}: {escape('; '.join(parts))}", 2, 2)

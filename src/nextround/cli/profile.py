"""`nextround profile`: spikes, recurring gaps, calibration and trend, each explainable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import (
    NARROW_TERMINAL,
    POLARITY_STYLE,
    WIDE_TERMINAL,
    HalfLife,
    console,
    escape,
    half_life_days,
    paragraph,
    print_json,
    state,
    statement_text,
)
from nextround.config import HALF_LIFE_VARIABLE
from nextround.domain.counts import counted
from nextround.domain.patterns import NOT_REVIEWED, more_not_reviewed

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.table import Table

    from nextround.domain.calibration import Calibration, CalibrationItem
    from nextround.domain.calibration_history import CalibrationPoint, CalibrationThen
    from nextround.domain.evidence import Evidence, WeightedEvidence
    from nextround.domain.patterns import CompetencyPatterns, OutweighedGap, RecurringGap
    from nextround.domain.profile import Profile, TrendPoint, TrendSeries
    from nextround.domain.scoring import CompetencyScore
    from nextround.services.framework_reading import ReadElsewhere
    from nextround.services.profile import CopiedStatement, ExplainedOverTime, ProfileView

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    short_help="Your evidence-weighted profile: spikes, recurring gaps, calibration, trend.",
    help="Your evidence-weighted profile: spikes, recurring gaps, calibration, trend. Only "
    "statements you have reviewed (`nextround feedback review`) count as witnesses to a spike "
    "or a recurring gap. The trend moves only in quarters where new evidence arrived; a past "
    "quarter without any carries the score before it forward, since older evidence fading is "
    "no change in you, and the last point is today's score. A point that moved mostly because "
    "older evidence faded, not because of new evidence, is marked so.",
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _bar(value: float, width: int = 20) -> str:
    filled = round(value * width)
    return "█" * filled + "·" * (width - filled)


def _score_text(score: CompetencyScore) -> str:
    return f"{score.mean:.2f} [dim]({score.low:.2f}–{score.high:.2f})[/]"


def _heard_from(evidence: Evidence) -> str:
    """'Acme · Final loop, interviewer': where and from whom, the context only when it adds."""
    source = evidence.source.label
    return f"{evidence.context}, {source}" if evidence.context not in (None, source) else source


def heard_once(gaps: Sequence[RecurringGap]) -> str:
    """Gaps from one outside source so far, each with where it was heard.

    The person's own low rating is said to agree, never counted as a second source.
    """
    return "; ".join(f"{gap.score.name} ({_heard_where(gap)})" for gap in gaps)


def _heard_where(gap: RecurringGap) -> str:
    """Where and when a gap heard once came up, whether it is reviewed, and your own view."""
    heard = _outside_piece(gap)
    return (
        f"{_heard_from(heard)}, {heard.observed_on}"
        f"{'' if gap.witnesses else ', ' + NOT_REVIEWED}"
        f"{f', and {gap.own_view_agreeing}' if gap.own_view_agrees else ''}"
    )


REVIEW_COMMAND = "nextround feedback review"


#: Statement ids listed after "Review N statements": a long paste would fill the screen.
IDS_SHOWN = 6


def _to_review(pieces: Sequence[WeightedEvidence]) -> str:
    """'2 statements (7, 8)': what reviewing would take, with the ids the inbox shows."""
    from nextround.domain.patterns import statement_ids

    ids = statement_ids(pieces)
    shown = ", ".join(map(str, ids[:IDS_SHOWN]))
    more = f", and {len(ids) - IDS_SHOWN} more" if len(ids) > IDS_SHOWN else ""
    return f"{counted(len(ids), 'statement', 'statements')} ({shown}{more})"


def _outside_piece(gap: RecurringGap) -> Evidence:
    """The loudest piece of the gap's evidence from someone other than the person."""
    return next(w.evidence for w in gap.evidence if w.evidence.is_external)


def _quote(piece: WeightedEvidence) -> str:
    evidence = piece.evidence
    # A saturated piece of a long paste can weigh 0.004: "0.00" would read as nothing.
    weight = f"{piece.weight:.2f}" if piece.weight >= 0.005 else "under 0.01"
    return (
        f'"{escape(evidence.text)}" [dim]— {escape(_heard_from(evidence))}, '
        f"{evidence.observed_on}, weight {weight}"
        f"{'' if evidence.confirmed else ', ' + NOT_REVIEWED}[/]"
    )


@app.callback()
def profile(
    ctx: typer.Context,
    all_competencies: Annotated[
        bool, typer.Option("--all", help="List competencies without evidence too.")
    ] = False,
    as_json: AsJson = False,
    half_life: HalfLife = None,
) -> None:
    """Show the profile (the default), or explain one number with `profile explain`."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.framework_reading import read_elsewhere
    from nextround.services.profile import current_profile

    days = half_life_days(ctx, half_life)
    nextround = state(ctx).app
    with nextround.uow(writes=False) as uow:
        view = current_profile(uow, days)
        elsewhere = read_elsewhere(uow, view.framework.id)
    if as_json:
        print_json(view.profile.to_json())
        return
    render_profile(view, all_competencies, elsewhere)


def render_profile(
    view: ProfileView, all_competencies: bool = False, elsewhere: ReadElsewhere | None = None
) -> None:
    """The profile as a readable page in the terminal.

    ``elsewhere`` is what is mapped on other frameworks only: it is said, with the command
    that reads it on this one.
    """
    out = console()
    p = view.profile
    from nextround.domain.evidence import amount_of_evidence

    out.print(
        f"[bold]Profile[/] on {escape(view.framework.name)} as of {p.as_of} · "
        f"{amount_of_evidence(view.evidence)} · half-life {p.half_life_days} days "
        f"(--half-life DAYS, or set {HALF_LIFE_VARIABLE})"
    )
    if elsewhere is not None and elsewhere.to_read:
        named = " and ".join(elsewhere.names.get(f, f) for f in elsewhere.statements)
        one = elsewhere.to_read == 1
        paragraph(
            f"{'[yellow]Note:[/] ' if view.evidence else ''}"
            f"{counted(elsewhere.to_read, 'statement')} of your feedback "
            f"{'is' if one else 'are'} mapped on {escape(named)}, not on this framework, so "
            f"this profile leaves {'it' if one else 'them'} out. Read {'it' if one else 'them'} "
            "on it too (your mappings there stay): `nextround feedback map --all`.",
            0,
            2 if view.evidence else 0,
        )
        if not view.evidence:
            return
    if not view.evidence:
        out.print(
            "No evidence yet. Add feedback (`nextround feedback add`) and debrief interviews "
            "(`nextround debrief`)."
        )
        rated = elsewhere.rated_words() if elsewhere else None
        if rated:  # self-ratings on another framework are no evidence here, but not lost
            paragraph(f"[yellow]Note:[/] {escape(rated)}; calibration here leaves them out.", 0)
        return
    out.print("\n[bold green]Spikes[/] (clear strengths)")
    if not p.spikes:
        from nextround.domain.patterns import SPIKE_RULE

        paragraph(f"None yet. {SPIKE_RULE}.", 2, 2)
    for spike in p.spikes:
        paragraph(
            f"[bold]{escape(spike.score.name)}[/] {_score_text(spike.score)} · "
            f"{spike.sources} independent sources{more_not_reviewed(spike.unreviewed_sources)}",
            2,
            4,
        )
        for piece in spike.quotes:
            paragraph(_quote(piece), 4, 1)
    for near in p.near_spikes:
        if near.likely:
            paragraph(
                f"[bold green]Likely spike[/] [bold]{escape(near.score.name)}[/] "
                f"{_score_text(near.score)}: {escape(near.likely_text)}. Lean on it "
                "provisionally (see `nextround plan`).",
                2,
                4,
            )
            for piece in near.quotes:
                paragraph(_quote(piece), 4, 1)
            continue
        review = (
            f" Review {_to_review(near.awaiting_review)} to settle it: {REVIEW_COMMAND}"
            if near.awaiting_review
            else ""
        )
        paragraph(f"{escape(near.score.name)} {escape(near.why)}.{review}", 2, 2)
    out.print("\n[bold red]Recurring gaps[/] (seen by two or more independent sources besides you)")
    if not p.recurring_gaps:
        # With a gap awaiting review just below, "no two sources" alone would contradict it.
        reviewed = " in statements you have reviewed" if p.gaps_awaiting_review else ""
        paragraph(f"None: no gap has come up from two independent sources besides you{reviewed}.")
    for gap in p.recurring_gaps:
        _render_recurring_gap(gap)
    for gap in p.gaps_awaiting_review:
        _render_gap_awaiting_review(gap)
    for outweighed in p.outweighed_gaps:
        review = (
            f" Review {_to_review(outweighed.awaiting_review)} to settle it: {REVIEW_COMMAND}"
            if outweighed.awaiting_review
            else ""
        )
        if outweighed.improving:
            _render_closed_gap(outweighed, review)
            continue
        paragraph(
            f"{escape(outweighed.score.name)} {_score_text(outweighed.score)}: "
            f"{escape(outweighed.why)}.{review}",
            2,
            2,
        )
    if p.early_gaps:
        from nextround.domain.patterns import HEARD_ONCE_HINT

        paragraph(
            f"[bold]Heard once so far[/] ({HEARD_ONCE_HINT}): {escape(heard_once(p.early_gaps))}.",
            2,
            2,
        )
    _render_calibration(
        p.calibration, elsewhere.rated_words() if elsewhere else None, p.calibration_trend
    )
    table = _competency_table(p, out.width, all_competencies)
    out.print()
    out.print(table)
    paragraph(
        "[dim]Evidence: how many pieces, and (in brackets) their total weight after source, "
        "recency and confirmation.[/]",
        0,
        2,
    )
    moving = p.trend_lines
    if moving:
        _render_trend(moving)
    _next_steps(view)


def _render_recurring_gap(gap: RecurringGap) -> None:
    """A recurring gap with its quotes, and the praise since when it is improving."""
    note = f" · {gap.own_view}" if gap.own_view else ""
    last = ", last seen"
    if gap.improving:  # its text ends in a list of sources: a semicolon, not a comma, after
        last = f" · [green]{escape(gap.improving_text)}[/]; gap last seen"
    paragraph(
        f"[bold]{escape(gap.score.name)}[/] {_score_text(gap.score)} · "
        f"{len(gap.witnesses)} independent sources"
        f"{more_not_reviewed(len(gap.unreviewed_sources))}{note}{last} {gap.latest_on}",
        2,
        4,
    )
    _then_and_now(gap)


def _render_closed_gap(outweighed: OutweighedGap, review: str) -> None:
    """A gap later sources contradict: when it closed, who named it, then and now in quotes."""
    gap = outweighed.gap
    paragraph(
        f"[bold]{escape(gap.score.name)}[/] {_score_text(gap.score)} · "
        f"[green]{escape(outweighed.why)}[/].{review}",
        2,
        4,
    )
    _then_and_now(gap)


def _then_and_now(gap: RecurringGap) -> None:
    """A gap's quotes, then the praise that has come since, indented beneath them."""
    for piece in gap.quotes:
        paragraph(_quote(piece), 4, 1)
    if gap.recent_quotes:
        console().print("    [green]Since then:[/]")
        for piece in gap.recent_quotes:
            paragraph(_quote(piece), 6, 1)


def _render_gap_awaiting_review(gap: RecurringGap) -> None:
    """A gap two outside sources speak to that waits on the person's review to recur."""
    paragraph(
        f"{escape(gap.score.name)} {gap.awaiting_text}. Review {_to_review(gap.awaiting_review)} "
        f"to settle it: {REVIEW_COMMAND}",
        2,
        2,
    )
    paragraph(_quote(gap.awaiting_review[0]), 4, 1)


def _render_trend(series: Sequence[TrendSeries]) -> None:
    """Each series on a line, then what a marked point means and how to look behind one."""
    from nextround.domain.trend import FADING_MARK, FADING_MEANING

    # One line even at 80 columns: a wrapped heading reads as two.
    console().print(
        "\n[bold]Trend[/] (score at each quarter's end, today last; spikes, gaps, movers)"
    )
    for one in series:
        paragraph(f"{escape(one.name)}: {_trend_line(one)}", 2, 2)
    marked = next(((t, p) for t in series for p in t.points if p.faded), None)
    if marked is not None:
        one, point = marked
        paragraph(
            f"[dim]“{FADING_MARK}”: {FADING_MEANING}. What moved a point, and what was known "
            f"then: nextround profile explain {one.competency_id} --as-of {point.quarter}[/]",
            2,
            2,
        )


def _trend_line(series: TrendSeries) -> str:
    """'2025Q2 0.50 → 2025Q3–2026Q1 no new evidence → 2026Q2 0.37 (…)': one series."""
    return " → ".join(_trend_step(first, last) for first, last in series.steps())


def _trend_step(point: TrendPoint, last: TrendPoint) -> str:
    # A past quarter without new evidence gets no number: its score is the one before, and
    # repeating it would read as a measurement; quiet quarters in a row read as one step.
    # Any other point has one, and says when it moved mostly because older evidence faded
    # rather than because of anything new.
    if point.carried_forward:
        quarters = point.quarter if last is point else f"{point.quarter}–{last.quarter}"
        return f"{quarters} [dim]no new evidence[/]"
    note = f" [dim]({point.note})[/]" if point.note else ""
    return f"{point.quarter} {point.score.mean:.2f}{note}"


def _render_calibration(
    calibration: Calibration,
    rated_elsewhere: str | None = None,
    over_time: Sequence[CalibrationPoint] = (),
) -> None:
    """The agreement figure with what it means, then each competency's reading.

    ``rated_elsewhere`` says which self-ratings are on other frameworks, left out here;
    ``over_time`` is the figure at each quarter's end, shown when there are two or more.
    """
    from nextround.domain.calibration_text import (
        CALIBRATION_HEADING,
        CALIBRATION_NEEDS,
        agreement_meaning,
        evidence_caveat,
    )

    out = console()
    out.print(f"\n[bold]Calibration[/] ({CALIBRATION_HEADING})")
    if rated_elsewhere:
        paragraph(
            f"[yellow]Note:[/] {escape(rated_elsewhere)}; calibration here leaves them out.",
            2,
            2,
        )
    thin_self = calibration.thin_self_text
    if not calibration.items:
        if thin_self:
            paragraph(f"No agreement figure yet. {escape(thin_self)}")
        else:
            paragraph(f"Not enough yet: calibration needs {escape(CALIBRATION_NEEDS)}.")
        return
    over = counted(len(calibration.items), "competency", "competencies")
    paragraph(
        f"Agreement {calibration.agreement_percent}% over {over}. {agreement_meaning(calibration)}"
    )
    caveat = evidence_caveat(calibration)
    if caveat:
        paragraph(f"[yellow]{escape(caveat)}[/]")
    if thin_self:
        paragraph(f"[dim]{escape(thin_self)}[/]")
    for item in (*calibration.blind_spots, *calibration.hidden_strengths):
        reading = item.reading[:1].upper() + item.reading[1:]
        note = f" ({escape(item.note)})" if item.note else ""
        paragraph(
            f"{reading}: {escape(item.name)} — you {item.self_score:.2f}, "
            f"others {item.others.mean:.2f}{note}",
            2,
            4,
        )
    for item in calibration.noted_yourself:
        # Not "blind": the person wrote the gap down themselves; their ratings are generous.
        paragraph(
            f"Seen, but rated high: {escape(item.name)} — {escape(item.note)}; others "
            f"{item.others.mean:.2f}, you {item.self_score:.2f}",
            2,
            4,
        )
    for item in calibration.awaiting_review:
        paragraph(
            f"{escape(item.name)} awaits your review — you {item.self_score:.2f}, others "
            f"{item.others.mean:.2f}: {escape(item.note)}. Review "
            f"{_to_review(item.awaiting_review)} to settle it: {REVIEW_COMMAND}",
            2,
            4,
        )
    agreed = calibration.agreed
    if agreed:
        share = "all" if len(agreed) == len(calibration.items) else f"{len(agreed)} of"
        paragraph(
            f"You and others agree (less than a rating point apart) on {share} "
            f"{len(calibration.items)}: " + ", ".join(escape(i.name) for i in agreed)
        )
    for item in calibration.apart_in_numbers:
        # Not among those agreeing: the figures beside it are a point or more apart.
        paragraph(
            f"{escape(item.name)} is {item.reading} — you {item.self_score:.2f}, others "
            f"{item.others.mean:.2f}: {escape(item.note)}",
            2,
            4,
        )
    if len(over_time) >= 2:
        paragraph(f"Over time: {_calibration_line(over_time)}", 2, 4)
        first = over_time[0].quarter
        paragraph(
            "[dim]How the figure is worked out: nextround profile explain calibration "
            f"(add --as-of {first} for then)[/]",
            2,
            2,
        )
        return
    out.print("  [dim]How the figure is worked out: nextround profile explain calibration[/]")


def _calibration_line(points: Sequence[CalibrationPoint]) -> str:
    """'2025Q2 81% (blind spot: Stakeholder management) → today 94%': the figure by quarter."""
    from nextround.domain.calibration_history import calibration_steps

    return " → ".join(
        f"{step.label} {step.agreement_percent}%"
        + (f" ({escape(step.apart_text)})" if step.apart else "")
        for step in calibration_steps(points)
    )


def _competency_table(p: Profile, width: int, all_competencies: bool) -> Table:
    """Every competency with evidence (or all): score, interval, evidence and reading."""
    from rich.table import Table

    table = Table(title="Competencies", title_justify="left")
    # Half a bar on a narrow terminal leaves the names room to stay on one line, and below
    # 80 columns none: the names matter more than a picture of the score beside them.
    bar_width = 20 if width >= WIDE_TERMINAL else 10 if width >= NARROW_TERMINAL else 0
    columns = [("Competency", "left"), ("Score", "left"), ("", "left")]
    columns += [("Evidence", "right"), ("Reading", "left")]
    for column, justify in columns:
        if column == "" and not bar_width:
            continue
        # Only words wrap: a broken interval or bar reads as two numbers.
        table.add_column(
            column,
            justify=justify,  # type: ignore[arg-type]
            no_wrap=column not in ("Competency", "Reading"),
            # A ratio makes the names share what the numbers leave, rather than vanish.
            ratio=1 if column == "Competency" else None,
            overflow="ellipsis",
        )
    for score in sorted(p.competencies, key=lambda s: -s.mean):
        if score.evidence_count == 0 and not all_competencies:
            continue
        bar = [f"[cyan]{_bar(score.mean, bar_width)}[/]"] if bar_width else []
        table.add_row(
            escape(score.name),
            _score_text(score),
            *bar,
            f"{score.evidence_count} ({score.evidence_weight:.1f})",
            score.verdict,
        )
    return table


def _next_steps(view: ProfileView) -> None:
    """What to do with the profile: confirm what waits, and look behind any number."""
    out = console()
    if view.to_review:
        waiting = counted(view.to_review, "statement", "statements")
        out.print()
        paragraph(
            f"Still to review: {waiting} of feedback, counted fully once confirmed, and only "
            "then a witness to a spike or a recurring gap:",
            0,
            2,
        )
        out.print(f"  {REVIEW_COMMAND}")
    out.print("\n[dim]Explain any number: nextround profile explain COMPETENCY[/]")


@app.command("explain")
def explain(
    ctx: typer.Context,
    competency: Annotated[
        str,
        typer.Argument(
            help="Competency id or name, e.g. risk-management or 'risk management'; or "
            "'calibration' for the agreement figure."
        ),
    ],
    as_json: AsJson = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Explain the score as it stood on a past day (YYYY-MM-DD, or yesterday) or at "
            "the end of a quarter (e.g. 2026Q3, a point of the trend), and what moved it there; "
            "with 'calibration', your own view against others' as known that day.",
        ),
    ] = None,
    half_life: HalfLife = None,
) -> None:
    """List every statement and rating behind one competency's score, with its weight.

    `profile explain calibration` shows instead how the calibration's agreement figure is
    worked out, from your own view and others' view of each competency (with --as-of, from
    the ratings and evidence known that day, beside today's readings).

    A trend point is explained with --as-of: the evidence known then, weighed as it was
    then, so a change between two quarters shows what arrived and what faded.
    """
    from nextround.domain.profile import past_day
    from nextround.services.profile import (
        calibration_over_time,
        copies_left_out,
        explain_over_time,
        names_calibration,
    )

    days = half_life_days(ctx, half_life)
    nextround = state(ctx).app
    with nextround.uow(writes=False) as uow:
        day = past_day(as_of, uow.today()) if as_of is not None else None
        if names_calibration(uow, competency):
            history = calibration_over_time(uow, days, day)
            _explain_calibration(history, as_json)
            return
        over_time = explain_over_time(uow, competency, days, day)
        explanation = over_time.explanation
        copies = copies_left_out(uow, explanation.score.competency_id)
    from nextround.domain.evidence import ITEM_MAX_PIECES, saturation_notes
    from nextround.domain.patterns import patterns_of

    patterns = patterns_of(explanation.score, explanation.pieces)
    if as_json:
        left_out = [
            {"statement": c.statement.id, "feedback": c.copy.id, "copy_of": c.original.id}
            for c in copies
        ]
        point = over_time.point
        print_json(
            {
                **explanation.to_json(),
                "patterns": patterns.to_json(),
                "trend_point": None if point is None else point.to_json(),
                "copies_left_out": left_out,
            }
        )
        return
    out = console()
    s = explanation.score
    if not s.evidence_count:
        # A Beta sum of nothing explains nothing: say what would give it a number.
        if as_of is not None:
            out.print(
                f"[bold]{escape(s.name)}[/]: no evidence by {explanation.as_of}, so it read the "
                "even 0.50 then."
            )
        else:
            out.print(f"[bold]{escape(s.name)}[/]: no evidence yet.")
            paragraph(
                "It reads the even 0.50 until there is some: rate it in an interview's debrief "
                "(`nextround debrief`), or add feedback that mentions it "
                "(`nextround feedback add`).",
                0,
                2,
            )
        _explain_copies(copies)
        return
    out.print(
        f"[bold]{escape(s.name)}[/]: {_score_text(s)} — {s.verdict}, from "
        f"{counted(s.evidence_count, 'piece', 'pieces')}"
    )
    # Plain words first; the sum is there to check, not to read first.
    paragraph(escape(explanation.in_words), 0, 2)
    paragraph(f"[dim]{escape(explanation.formula)}[/]", 2, 4)
    paragraph(
        f"[dim]Weight = source × recency (half-life {explanation.half_life_days} days, as of "
        f"{explanation.as_of}; --half-life DAYS or {HALF_LIFE_VARIABLE} changes it) × "
        "confirmation[/]",
        2,
        4,
    )
    for line in saturation_notes(explanation.pieces):
        paragraph(f"[yellow]{escape(line)}[/]", 0, 2)
    _explain_trend(over_time, as_of is not None)
    _explain_patterns(patterns, explanation.pieces)
    out.print()
    # One block per piece, not a table: the statement gets the full width and the weight's
    # arithmetic stays on one line at any terminal width.
    for piece in explanation.pieces:
        e = piece.evidence
        source = e.source.label + (
            "" if e.confirmed else f" ({NOT_REVIEWED}, statement {e.origin_id})"
        )
        counts = [
            f"{label} {value:.3f}"
            for label, value in (("for", piece.to_alpha), ("against", piece.to_beta))
            if value
        ]
        share = f"×{ITEM_MAX_PIECES}/{piece.item_pieces}" if piece.saturated else ""
        share += f"×1/{piece.remark_parts}" if piece.split_remark else ""
        paragraph(
            f"[bold]{e.observed_on}[/] {escape(source)} · "
            f"[{POLARITY_STYLE[e.polarity.value]}]{e.polarity.value}[/] · weight "
            f"{piece.source_weight:.2f}×{piece.recency:.2f}×{piece.confirmation:.2f}{share}"
            f"={piece.weight:.3f} → {' and '.join(counts) or 'nothing'}",
            0,
            2,
        )
        paragraph(f'"{escape(e.text)}"', 4, 1)
        if piece.remark_note:
            paragraph(f"[yellow]{escape(piece.remark_note)}[/]", 4)
        if e.context and e.context != e.source.label:
            paragraph(f"[dim]{escape(e.context)}[/]", 4)
    _explain_copies(copies)


def _explain_trend(over_time: ExplainedOverTime, past: bool) -> None:
    """Today the whole trend, and for any day how the score moved to that point."""
    point, trend = over_time.point, over_time.trend
    if point is None:
        return
    explanation = over_time.explanation
    if not past and (trend is None or len(trend.points) < 2):
        return  # one point is no trend yet
    if not past and trend is not None:
        paragraph(f"Trend: {_trend_line(trend)}", 0, 2)
    on_point = trend is not None and point in trend.points
    label = (
        f"Trend point {point.quarter}{'' if past else ' (today)'}"
        if on_point
        else f"On {explanation.as_of}"
    )
    if point.carried_forward:
        # The trend does not measure a quiet quarter; the explanation below does.
        paragraph(
            f"{label}: {point.movement}. Measured on that day, as below, it reads "
            f"{explanation.score.mean:.3f}: different only because older evidence counts for "
            "less as it ages.",
            0,
            2,
        )
        return
    paragraph(f"{label}: {point.score.mean:.3f}, {point.movement}.", 0, 2)
    earlier = [p for p in (trend.points[:-1] if trend else ()) if not p.carried_forward]
    earlier = [p for p in earlier if p.previous_quarter is not None]
    if not past and trend is not None and earlier:
        # The point most worth a look: one fading moved, else the latest before today.
        shown = next((p for p in earlier if p.faded), earlier[-1])
        paragraph(
            f"[dim]What moved an earlier point: nextround profile explain "
            f"{trend.competency_id} --as-of {shown.quarter}[/]",
            0,
            2,
        )


def _explain_copies(copies: Sequence[CopiedStatement]) -> None:
    """The statements said twice that the score leaves out, and why."""
    for c in copies:
        console().print()
        undo = "" if c.within else f"Pasted twice? `nextround feedback rm {c.copy.id}`; "
        paragraph(
            f"Left out: statement {c.statement.id} of feedback {c.copy.id}, {c.why} and which "
            f"you have not reviewed: the same words count once. {undo}review it to count it.",
            0,
            2,
        )
        paragraph(f'"{statement_text(c.statement.text)}"', 4, 1)


def _explain_patterns(patterns: CompetencyPatterns, pieces: Sequence[WeightedEvidence]) -> None:
    """Which pattern the evidence makes, by which rule, and what a review would change."""
    from nextround.domain.patterns import GAP_RULE, REVIEW_RULE

    if patterns.spike is not None or patterns.not_a_spike is not None:
        _explain_spike_rule(patterns)
    lines = []
    if patterns.recurring_gap is not None:
        gap = patterns.recurring_gap
        lines.append(
            f"Recurring gap: gap evidence from {len(gap.witnesses)} independent sources besides "
            f"you in statements you have reviewed{more_not_reviewed(len(gap.unreviewed_sources))}."
        )
    elif patterns.gap_awaiting_review is not None:
        gap = patterns.gap_awaiting_review
        lines.append(
            f"Not a recurring gap yet: it {gap.awaiting_text}. Review "
            f"{_to_review(gap.awaiting_review)} to settle it."
        )
    elif patterns.early_gap is not None:
        lines.append(
            f"Heard once so far as a gap ({escape(_heard_where(patterns.early_gap))}). {GAP_RULE}."
        )
    elif patterns.outweighed_gap is not None:
        outweighed = patterns.outweighed_gap
        review = (
            f" Review {_to_review(outweighed.awaiting_review)} to settle it."
            if outweighed.awaiting_review
            else ""
        )
        lines.append(f"Not a recurring gap now: {escape(outweighed.why)}.{review}")
    if any(not w.evidence.confirmed for w in pieces):
        lines.append(f"{REVIEW_RULE}: {REVIEW_COMMAND}")
    for line in lines:
        paragraph(line, 0, 2)


def _explain_spike_rule(patterns: CompetencyPatterns) -> None:
    """Each condition of the spike rule, met or not, with the figures behind it."""
    checklist = patterns.spike_checklist
    met, total = patterns.conditions_met, len(checklist)
    if patterns.spike is not None:
        paragraph(f"Spike: all {total} conditions of the rule are met.", 0, 2)
    else:
        paragraph(f"Not a spike yet: {met} of the {total} conditions are met.", 0, 2)
    for condition in checklist:
        mark = "[green]✓[/]" if condition.met else "[red]✗[/]"
        rule = condition.rule[0].upper() + condition.rule[1:]
        paragraph(f"{mark} {escape(rule)}: {escape(condition.figures)}", 2, 4)
    near = patterns.near_spike
    if near is not None and near.awaiting_review:
        paragraph(f"Review {_to_review(near.awaiting_review)} to settle it.", 2, 2)
    if near is not None and near.likely:
        paragraph(
            f"[green]Likely spike[/]: only the cautious end is short; "
            f"{escape(near.to_confirm)}. Until then the plan leans on it provisionally.",
            0,
            2,
        )


def _explain_calibration(
    history: tuple[Calibration, CalibrationThen | None], as_json: bool
) -> None:
    """Each competency's two views and their difference, then the figure's arithmetic.

    With a past day, the calibration known then, and how each reading has moved since.
    """
    from nextround.domain.calibration import CALIBRATION_RULE
    from nextround.domain.calibration_text import (
        AGREED_RULE,
        CALIBRATION_NEEDS,
        agreement_arithmetic,
        agreement_meaning,
        evidence_caveat,
        signed_difference,
    )

    today, past = history
    calibration = today if past is None else past.then
    if as_json:
        print_json(today.to_json() if past is None else past.to_json())
        return
    out = console()
    thin_self = calibration.thin_self_text
    on = "" if past is None else f" as of {past.as_of}"
    if not calibration.items:
        out.print(
            f"No calibration{on or ' yet'}: it needs {CALIBRATION_NEEDS}."
            f"{' Rate yourself with `nextround debrief`.' if past is None else ''}"
        )
        if thin_self:
            paragraph(escape(thin_self), 0)
        if past is not None:
            _calibration_since(past)
        return
    over = counted(len(calibration.items), "competency", "competencies")
    out.print(f"[bold]Calibration{on}[/]: agreement {calibration.agreement_percent}% over {over}")
    paragraph(f"{agreement_meaning(calibration)}", 0, 2)
    if caveat := evidence_caveat(calibration):
        paragraph(f"[yellow]{escape(caveat)}[/]", 0, 2)
    if thin_self:
        paragraph(escape(thin_self), 0, 2)
    paragraph(
        "Both views on a 0–1 scale: a self-rating r reads as (r − 1) / 4, so one rating point "
        "is 0.25, and a note you wrote as a 2 or a 4; others' view is the score from their "
        "evidence alone.",
        0,
        2,
    )
    out.print()
    for item in sorted(calibration.items, key=lambda i: -abs(i.difference)):
        note = f": {escape(item.note)}" if item.note else ""
        paragraph(
            f"[bold]{escape(item.name)}[/]: you {item.self_score:.2f} "
            f"({item.own_view_counts}), others {item.others.mean:.2f} "
            f"({counted(item.others.evidence_count, 'piece', 'pieces')}), difference "
            f"{signed_difference(item.difference)} → {item.reading}{note}",
            0,
            2,
        )
    out.print()
    paragraph(f"{agreement_arithmetic(calibration)}.", 0, 2)
    paragraph(
        f"Each competency on its own: {AGREED_RULE}; a point or more above others is a blind "
        f"spot, a point or more below a hidden strength. {CALIBRATION_RULE}.",
        0,
        2,
    )
    if past is not None:
        _calibration_since(past)
        out.print(
            "[dim]Either side of one competency then: nextround profile explain COMPETENCY "
            f"--as-of {past.as_of}[/]"
        )
        return
    out.print("[dim]Either side of one competency: nextround profile explain COMPETENCY[/]")


def _calibration_since(past: CalibrationThen) -> None:
    """Each competency's reading on the past day beside today's: what has moved since."""
    out = console()
    now = past.today.agreement_percent
    out.print(
        f"\n[bold]Since then[/] (today: agreement "
        f"{'—' if now is None else f'{now}%'} over "
        f"{counted(len(past.today.items), 'competency', 'competencies')})"
    )
    for change in past.changes:
        then = _views(change.then)
        today = _views(change.now)
        reading = (
            f"today {change.now_reading}" if change.changed else f"still {change.now_reading} today"
        )
        paragraph(
            f"{escape(change.name)}: {change.then_reading}{then} → {reading}{today}",
            2,
            4,
        )


def _views(item: CalibrationItem | None) -> str:
    """' (you 0.75, a 4.0/5; others 0.29)': both sides of one competency, '' if none."""
    if item is None:
        return ""
    return (
        f" (you {item.self_score:.2f}, a {item.self_rating:.1f}/5; others {item.others.mean:.2f})"
    )

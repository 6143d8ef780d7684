"""Rich renderings shared by several commands: an application, a timeline, the stats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from nextround.cli.common import console, escape, paragraph
from nextround.domain.competency import Framework
from nextround.domain.contacts import Contact
from nextround.domain.counts import counted
from nextround.domain.debrief import Debrief
from nextround.domain.earlier_applications import EarlierApplication, summary_lines
from nextround.domain.feedback import Feedback
from nextround.domain.interview_time import describe
from nextround.domain.journey import Application, Interview, Outcome, Round
from nextround.domain.labels import words
from nextround.domain.offer_deadline import Accepted
from nextround.domain.pipeline import PipelineStats
from nextround.domain.timeline import EventKind, TimelineEvent

_EVENT_STYLE = {
    EventKind.APPLIED: "bold",
    EventKind.ROUND: "cyan",
    EventKind.INTERVIEW: "blue",
    EventKind.DEBRIEF: "green",
    EventKind.ROUND_RESULT: "dim",
    EventKind.FEEDBACK: "yellow",
    EventKind.DECISION: "bold magenta",
    EventKind.REOPENED: "bold",
    EventKind.ANSWER_BY: "yellow",
}


def _sent(app: Application) -> str:
    """', online': how it was sent, when said (a work-search log asks for it)."""
    return f", {words(app.method)}" if app.method else ""


def render_application(
    app: Application,
    people: Sequence[Contact],
    feedback: Sequence[Feedback],
    debriefs: Mapping[int, Debrief],
    now: datetime,
    framework: Framework | None = None,
    accepted_elsewhere: Accepted | None = None,
    answer_clashes: Sequence[str] = (),
) -> None:
    """An application's details, its rounds and interviews, and what is attached to it.

    ``accepted_elsewhere`` is the offer accepted (the latest, if several), if any: a pending
    offer here is then one to decline. ``answer_clashes`` says when that offer's answer is
    due before another process's next interview.

    ``debriefs`` are by interview id: each interview held says whether it has one, so the
    one still to debrief stands out, as on the web page and in the timeline.
    """
    from nextround.cli.applications import status_label
    from nextround.services.other_offers import with_acceptance

    out = console()
    out.print(f"[bold]{escape(app.role_title)}[/] at [bold]{escape(app.company)}[/]  (id {app.id})")
    details = [
        ("Status", status_label(app.status)),
        ("Applied", f"{app.applied_on} via {words(app.source)}" + _sent(app)),
        ("Level", escape(app.level or "")),
        ("Location", escape(", ".join(x for x in (app.location, app.work_mode) if x))),
        ("Tags", escape(", ".join(app.tags))),
        ("Posting", escape(app.posting_url or "")),
        ("Notes", escape(app.notes or "")),
    ]
    for label, value in details:
        if value:
            paragraph(f"{label:<9} {value}", 2, 10)
    for round_ in app.ordered_rounds:
        mode = f", {round_.mode.value}" if round_.mode else ""
        out.print()
        paragraph(
            f"[cyan]Round {round_.position}[/] (round id {round_.id}) {escape(round_.name)} — "
            f"{words(round_.kind)}{mode}, {round_.started_on}, "
            f"{round_.outcome.value}",
            2,
            2,
        )
        for interview in round_.sorted_interviews:
            when = (
                describe(interview.scheduled_at, interview.time_zone)
                if interview.scheduled_at
                else "unscheduled"
            )
            people_text = ", ".join(p.name for p in interview.interviewers)
            paragraph(
                f"• interview {interview.id}: {escape(interview.title)} — {when}"
                + (f", {interview.duration_minutes} min" if interview.duration_minutes else "")
                + (f", with {escape(people_text)}" if people_text else "")
                + _debriefed(round_, interview, debriefs, now),
                4,
                2,
            )
            debrief = debriefs.get(interview.id or 0)
            if debrief is not None and framework is not None and not interview.called_off:
                for line in question_lines(debrief, framework):
                    paragraph(line, 6, 5)
    today = now.astimezone().date()
    for decision in app.decisions:
        state = f" (reopened {decision.reopened_on})" if decision.reopened_on else ""
        extra = f", {decision.finalists} finalists" if decision.finalists else ""
        response = f", offer {decision.offer_response.value}" if decision.offer_response else ""
        if decision.answered_on not in (None, decision.decided_on):
            response += f" on {decision.answered_on}"
        when = f"on {decision.decided_on}" if decision.day_known else "(day not known)"
        out.print(
            f"\n  [magenta]Decision[/] {decision.outcome.value.replace('_', ' ')} {when}"
            f"{extra}{response}{state}"
        )
        due = with_acceptance(decision.answer_due(today), accepted_elsewhere, app.applied_on)
        if due is not None:
            colour = "red" if due.overdue else "yellow"
            record = (
                due.command()
                if due.accepted_elsewhere
                else f"record your answer with {due.command()}"
            )
            paragraph(
                f"[{colour}]{due.reminder()}[/]; {escape(record)}",
                4,
                2,
            )
            for clash in answer_clashes:
                paragraph(f"[yellow]{escape(clash)}[/]", 4, 2)
        elif decision.answer_by is not None and decision.outcome is Outcome.OFFER:
            paragraph(f"[dim]Answer asked by {decision.answer_by}[/]", 4)
        if decision.terms is not None:
            for line in decision.terms.lines():
                paragraph(escape(line), 4)
        if decision.reason:
            paragraph(escape(decision.reason), 4)
    if people:
        out.print()
        named = ", ".join(escape(f"{p.name} ({p.role.value.replace('_', ' ')})") for p in people)
        paragraph(f"People: {named}", 2, 2)
    if feedback:
        out.print(
            f"\n  Feedback: {counted(len(feedback), 'item')}; see `nextround timeline {app.id}`"
        )


def question_lines(debrief: Debrief, framework: Framework) -> list[str]:
    """Each logged question, numbered, with what it probed on the framework in use."""
    from nextround.domain.question_verdict import VerdictState, question_verdict

    lines = []
    for number, q in enumerate(debrief.questions, 1):
        verdict = question_verdict(q, framework)
        probed = escape(verdict.probed)
        if verdict.state is VerdictState.ELSEWHERE:
            said = "→ mapped on another framework"
        elif verdict.confirmed:
            said = f"→ {probed} (confirmed)" if probed else "→ no competency (confirmed)"
        elif verdict.state is VerdictState.SUGGESTED:
            sure = f" (suggested, {verdict.percent})" if verdict.percent else ""
            said = f"→ {probed}?{sure}"
        else:
            said = "→ no clear competency"
        if verdict.use:
            said += f"; {verdict.use}"
        lines.append(f"Q{number}: {escape(q.text)}  [dim]{said}[/]")
    return lines


def _debriefed(
    round_: Round, interview: Interview, debriefs: Mapping[int, Debrief], now: datetime
) -> str:
    """', called off', ' · debrief 3/5 overall', ' · no debrief yet' (held), or ''."""
    if interview.called_off:
        return ", [yellow]called off[/]"
    debrief = debriefs.get(interview.id or 0)
    if debrief is not None:
        return f" · [green]debrief {debrief.overall}/5 overall[/]"
    if interview.has_happened(now, round_.started_on):
        return f" · [yellow]no debrief yet[/] (`nextround debrief {interview.id}`)"
    return ""


_IDS = {
    EventKind.ROUND: ("round", "round id"),
    EventKind.INTERVIEW: ("interview", "id"),
    EventKind.FEEDBACK: ("feedback", "feedback id"),
}


def render_timeline(app: Application, events: Sequence[TimelineEvent]) -> None:
    """One process, event by event, in a two-column grid that wraps cleanly."""
    from rich.table import Table
    from rich.text import Text

    out = console()
    heading = f"Timeline: {escape(app.role_title)} at {escape(app.company)}"
    out.print(f"[bold]{heading}[/] (application {app.id})")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column()
    for event in events:
        when = event.at.astimezone().strftime("%Y-%m-%d %H:%M") if event.at else event.when
        if event.kind is EventKind.DEBRIEF:
            when = ""  # it belongs to the interview above, not to that moment
        body = Text(event.title, style="red" if event.overdue else _EVENT_STYLE[event.kind])
        ident = _IDS.get(event.kind)
        if ident is not None and event.refs.get(ident[0]):
            # The ids `round edit`, `interview edit`, `debrief` and `feedback edit` take.
            body.append(f"  {ident[1]} {event.refs[ident[0]]}", style="dim")
        if event.detail:
            style = "italic" if event.kind is EventKind.FEEDBACK else "dim"
            body.append("\n" + event.detail.strip(), style=style)
        if event.excerpt and event.refs.get("feedback"):
            body.append(
                f"\nThe whole text: `nextround feedback show {event.refs['feedback']}`", style="dim"
            )
        grid.add_row(when, body)
    out.print(grid)
    out.print(f"Status now: {app.status.value.replace('_', ' ')}")


def render_round_kinds(stats: PipelineStats) -> None:
    """How each kind of round went, and the kind where most processes end, if one stands out."""
    from rich.table import Table

    if not stats.round_kinds:
        return
    out = console()
    table = Table(title="Rounds by kind")
    table.add_column("Kind of round")
    table.add_column("Passed", justify="right")
    table.add_column("Not passed", justify="right")
    table.add_column("Pass rate", justify="right")
    table.add_column("Pending", justify="right")
    otherwise = any(k.withdrawn or k.cancelled for k in stats.round_kinds)
    if otherwise:
        table.add_column("Withdrawn or called off", justify="right")
    for kind in stats.round_kinds:
        rate = f"{kind.pass_rate:.0%}" if kind.pass_rate is not None else "–"
        row = [kind.label, str(kind.passed), str(kind.rejected), rate, str(kind.pending)]
        if otherwise:
            row.append(str(kind.withdrawn + kind.cancelled))
        table.add_row(*row)
    out.print(table)
    paragraph(
        "[dim]Pass rate: passed out of passed and not passed, as each round's outcome is "
        "recorded.[/]",
        0,
    )
    if stats.drop_off is not None:
        paragraph(f"[bold]{escape(stats.drop_off.sentence)}[/]", 0)


def render_stats(stats: PipelineStats) -> None:
    """The funnel, time between stages and outcomes by source."""
    from rich.table import Table

    from nextround.domain.pipeline import (
        SCREEN_STAGE_RULE,
        STAGE_WORDS,
        funnel_note,
        gaps_left_out_note,
    )

    out = console()
    funnel = Table(title="Funnel")
    funnel.add_column("Stage")
    funnel.add_column("Count", justify="right")
    funnel.add_column("Conversion", justify="right")
    funnel.add_column("")
    top = max((s.count for s in stats.funnel), default=0) or 1
    for step in stats.funnel:
        bar = "█" * max(1 if step.count else 0, round(24 * step.count / top))
        funnel.add_row(step.label, str(step.count), step.conversion_text, f"[cyan]{bar}[/]")
    out.print(funnel)
    note = funnel_note(stats.funnel)
    if note:
        out.print(f"[dim]{note}[/]")
    if any(step.stage == "screen" and step.count for step in stats.funnel):
        paragraph(f"[dim]{SCREEN_STAGE_RULE}[/]", 0)
    render_round_kinds(stats)

    gaps = Table(title="Median days between stages")
    gaps.add_column("From")
    gaps.add_column("To")
    gaps.add_column("Median days", justify="right")
    gaps.add_column("Applications", justify="right")
    for gap in stats.stage_gaps:
        median = f"{gap.median_days:g}" if gap.median_days is not None else "–"
        gaps.add_row(STAGE_WORDS[gap.start], STAGE_WORDS[gap.end], median, str(gap.samples))
    out.print(gaps)
    if stats.gaps_left_out:
        paragraph(f"[dim]{gaps_left_out_note(stats.gaps_left_out)}[/]", 0)

    sources = Table(title="Outcomes by source")
    sources.add_column("Source")
    sources.add_column("Applications", justify="right")
    sources.add_column("Offers", justify="right")
    sources.add_column("Statuses")
    for row in stats.by_source:
        statuses = ", ".join(
            f"{status.replace('_', ' ')} {count}" for status, count in sorted(row.by_status.items())
        )
        sources.add_row(words(row.source), str(row.applications), str(row.offers), statuses)
    out.print(sources)


def render_earlier(company: str, earlier: Sequence[EarlierApplication]) -> None:
    """The "Earlier at COMPANY" section: each earlier application there, summed up."""
    if not earlier:
        return
    out = console()
    out.print()
    out.print(f"[bold]Earlier at {escape(company)}[/]")
    for item in earlier:
        first, *rest = summary_lines(item)
        paragraph(f"• {escape(first)}", 2, 4)
        for line in rest:
            paragraph(escape(line), 4, 4)

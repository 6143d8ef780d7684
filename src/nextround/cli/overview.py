"""`nextround timeline` and `nextround stats`: the story of one process, and of all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import console, print_json, state

if TYPE_CHECKING:
    from nextround.services.ports import ApplicationQuery


def timeline(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Everything in one process, in order."""
    from nextround.services.earlier_applications import earlier_applications
    from nextround.services.overview import timeline as build

    with state(ctx).app.uow(writes=False) as uow:
        app, events = build(uow, app_id)
        earlier = earlier_applications(uow, app_id)
    if as_json:
        print_json(
            {
                "application": app.id,
                "status": app.status,
                "events": events,
                "earlier_at_company": [e.to_json() for e in earlier],
            }
        )
        return
    from nextround.cli.render import render_earlier, render_timeline

    render_timeline(app, events)
    render_earlier(app.company, earlier)


def stats(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Option(help="Only applications with this tag.")] = None,
    since: Annotated[str | None, typer.Option(help="Applied on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Applied on or before this date.")] = None,
    by_week: Annotated[
        bool,
        typer.Option(
            "--by-week",
            help="Instead: how many applications you made each week, empty weeks included, "
            "as a weekly work-search requirement counts them.",
        ),
    ] = False,
    week_starts: Annotated[
        str,
        typer.Option(
            "--week-starts",
            help="With --by-week: the day weeks start on, monday or sunday (a US benefit "
            "week runs Sunday to Saturday).",
        ),
    ] = "monday",
    need: Annotated[
        int | None,
        typer.Option(
            "--need",
            min=1,
            help="With --by-week: how many a week must have (e.g. 3); weeks with fewer are marked.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The funnel with conversion, pass rates per kind of round, median days, outcomes by source.

    First rounds counts each application that got a first round of any kind: a recruiter
    screen, an online assessment, or an interview the process opened with; the median days
    run from that first round (the CSV export's screen_on is that day). Interviews counts
    those that went on to a live interview, a round other than a recruiter screen or an
    online assessment.
    Rounds an `app import` took from a sheet's stage column are dated the day applied, as
    the sheet gives no day: until given their real day, they are left out of the median
    days, and a line under the table says how many applications that leaves out.

    Rounds by kind: each kind's rounds passed out of passed and not passed, as their
    outcomes are recorded, and those pending; then the kind of round where most processes
    end, when one stands out (--json: round_kinds, drop_off).

    --tag, --since and --until count only those applications, as `app list` filters them:
    one search at a time (`stats --tag search2`, `stats --since 2026-08-01`).

    --by-week lists instead each week from the first application to this one with how
    many applications were made in it, and which (`stats --by-week --week-starts sunday
    --need 3`); a week that is over with fewer than --need is marked.
    """
    from nextround.cli.common import applied_query
    from nextround.domain.search_scope import searches_counted
    from nextround.services.overview import stats as compute
    from nextround.services.ports import ApplicationQuery

    query = applied_query(tag, since, until)
    if by_week:
        _by_week(ctx, query, week_starts, need, as_json)
        return
    if need is not None or week_starts != "monday":
        raise typer.BadParameter("--need and --week-starts go with --by-week")
    counted = None
    with state(ctx).app.facts() as facts:
        result = compute(facts, query)
        if query == ApplicationQuery() and not as_json:
            counted = searches_counted(facts.applications.facts())
    if as_json:
        print_json(result)
        return
    from nextround.cli.render import render_stats

    if query != ApplicationQuery():
        console().print(f"[dim]Only applications {_filter_words(tag, query)}.[/]")
    elif counted:
        console().print(f"[dim]{counted} One search alone: --tag TAG or --since DATE.[/]")
    render_stats(result)


def _by_week(
    ctx: typer.Context, query: ApplicationQuery, week_starts: str, need: int | None, as_json: bool
) -> None:
    """Applications per week, as `stats --by-week` prints them."""
    from rich.markup import escape

    from nextround.cli.common import parse_choice
    from nextround.domain.search_weeks import WeekStart, search_weeks, weeks_short

    start = parse_choice(WeekStart, week_starts, "--week-starts") or WeekStart.MONDAY
    with state(ctx).app.facts() as facts:
        today = facts.now().astimezone().date()
        weeks = search_weeks(facts.applications.facts(query), today, start, need)
    short = weeks_short(weeks, today)
    if as_json:
        print_json(
            {
                "week_starts": start.value,
                "need": need,
                "weeks": [w.to_json() for w in weeks],
                "weeks_short": len(short) if need is not None else None,
            }
        )
        return
    out = console()
    if not weeks:
        out.print("No applications yet: `nextround app add` records one.")
        return
    total = sum(w.count for w in weeks)
    out.print(f"Applications per week ({len(weeks)} weeks, {total} in all):")
    for week in weeks:
        names = ", ".join(f"{a.company} ({a.id})" for a in week.applications)
        mark = ""
        if week in short:
            mark = f"  [red]{week.short_by} short of {need}[/]"
        elif week.ends_on >= today:
            mark = "  [dim](this week)[/]"
        out.print(
            f"  {week.starts_on:%a %Y-%m-%d} – {week.ends_on:%a %Y-%m-%d}  "
            f"{week.count:>2}{mark}  {escape(names)}"
        )
    if need is not None:
        over = [w for w in weeks if w.ends_on < today]
        out.print(f"{len(over) - len(short)} of {len(over)} weeks over had {need} or more.")


def _filter_words(tag: str | None, query: ApplicationQuery) -> str:
    """'tagged search2, applied from 2026-08-01': what the figures are limited to."""
    said = [f"tagged {tag}"] if tag else []
    if query.applied_from:
        said.append(f"applied on or after {query.applied_from}")
    if query.applied_to:
        said.append(f"applied on or before {query.applied_to}")
    return ", ".join(said)

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
    """
    from nextround.cli.common import applied_query
    from nextround.domain.search_scope import searches_counted
    from nextround.services.overview import stats as compute
    from nextround.services.ports import ApplicationQuery

    query = applied_query(tag, since, until)
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


def _filter_words(tag: str | None, query: ApplicationQuery) -> str:
    """'tagged search2, applied from 2026-08-01': what the figures are limited to."""
    said = [f"tagged {tag}"] if tag else []
    if query.applied_from:
        said.append(f"applied on or after {query.applied_from}")
    if query.applied_to:
        said.append(f"applied on or before {query.applied_to}")
    return ", ".join(said)

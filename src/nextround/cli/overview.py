"""`nextround timeline` and `nextround stats`: the story of one process, and of all of them."""

from __future__ import annotations

from typing import Annotated

import typer

from nextround.cli.common import print_json, state


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
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The funnel with conversion, pass rates per kind of round, median days, outcomes by source.

    Screens counts each application's first round, whatever its kind: a recruiter screen,
    an online assessment, or an interview the process opened with; the median days run
    from that first round. The CSV export's screen_on is the same day. Interviews counts
    the first round that is neither a screen nor an online assessment (interviews_on).

    Rounds by kind: each kind's rounds passed out of passed and not passed, as their
    outcomes are recorded, and those pending; then the kind of round where most processes
    end, when one stands out (--json: round_kinds, drop_off).
    """
    from nextround.services.overview import stats as compute

    with state(ctx).app.facts() as facts:
        result = compute(facts)
    if as_json:
        print_json(result)
        return
    from nextround.cli.render import render_stats

    render_stats(result)

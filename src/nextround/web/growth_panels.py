"""The dashboard's growth panels: this week's plan with momentum, and a small profile radar.

Both read cached models and write nothing: the week is shown as it would be picked, and is
only picked for good when an action is ticked off on the plan page.
"""

from __future__ import annotations

from markupsafe import Markup

from nextround.domain.plan import NOTHING_TO_PLAN
from nextround.web.deps import Web
from nextround.web.growth_charts import momentum_chart, phone_radar, radar_chart
from nextround.web.growth_reads import profile_view, this_week, to_build
from nextround.web.panels import Panel


def plan_panel(web: Web) -> Panel:
    """The week's actions and how many were done lately."""
    week = this_week(web)
    chart = Markup(momentum_chart(week.momentum, width=340))  # our own SVG
    context = {
        "week": week,
        "momentum": chart,
        # "Build your plan" only when building gives something; else what makes actions appear.
        "to_build": 0 if week.plan else to_build(web),
        "nothing_to_plan": NOTHING_TO_PLAN,
    }
    return Panel("plan", "This week", "panels/plan.html", context)


def profile_panel(web: Web) -> Panel:
    """A small radar with the spikes and recurring gaps named."""
    view = profile_view(web)
    radar = radar_chart(view, width=460, title="Profile radar (small)", label_width=10)
    compact = phone_radar(view, "Profile radar (small, compact)")
    return Panel(
        "profile",
        "Profile",
        "panels/profile.html",
        {
            "view": view,
            "radar": Markup(radar) if radar else None,
            "compact": Markup(compact) if compact else None,
        },
    )

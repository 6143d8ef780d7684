"""Dashboard panels from the growth engine: each one plugs in by giving it a provider.

Until the engine's services exist, a panel without a provider says what will appear there,
and shows no made-up numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nextround.web.deps import Web


@dataclass(frozen=True)
class Panel:
    """A dashboard panel ready to draw: its template and what that template needs."""

    key: str
    title: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PanelSpec:
    """A panel the dashboard reserves room for; ``provider`` builds it from the services."""

    key: str
    title: str
    promise: str
    provider: Callable[[Web], Panel] | None = None


GROWTH_PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(
        "plan",
        "This week",
        "Your weekly plan and momentum will appear here: a few concrete actions, and how "
        "many you completed.",
    ),
    PanelSpec(
        "profile",
        "Profile",
        "A radar of your competencies will appear here, built from interviewer feedback and "
        "your own debriefs, with your spikes and recurring gaps.",
    ),
)


def growth_panels(web: Web, specs: tuple[PanelSpec, ...] = GROWTH_PANELS) -> list[Panel]:
    """Each growth panel: built by its provider, or a note of what is coming."""
    panels = []
    for spec in specs:
        if spec.provider is not None:
            panels.append(spec.provider(web))
        else:
            panels.append(
                Panel(spec.key, spec.title, "panels/coming.html", {"promise": spec.promise})
            )
    return panels

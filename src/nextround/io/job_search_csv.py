"""CSV of every application with the date each stage was entered: proof of a job search."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from nextround.domain.journey import Application
from nextround.domain.pipeline import ApplicationFacts

COLUMNS = (
    "id",
    "company",
    "role_title",
    "level",
    "location",
    "work_mode",
    "source",
    "status",
    "applied_on",
    "screen_on",
    "interviews_on",
    "final_round_on",
    "offer_on",
    "decided_on",
    "outcome",
    "finalists",
    "reason",
    "rounds",
    "stage_history",
    "posting_url",
    # Last, so the columns before it keep their places in sheets made from older exports.
    "offer_answered_on",
)

# Spreadsheets run cells that start with these as formulas; a company name or a note pasted
# from the web must never execute on the user's machine.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def stage_history(app: Application) -> str:
    """Every stage change of an application as one readable line, in date order.

    On the same day the record's own order holds: applied, then rounds by stage, then a
    decision before its reopening.
    """
    steps: list[tuple[date, int, str]] = [(app.applied_on, 0, "applied")]
    for round_ in app.ordered_rounds:
        steps.append(
            (
                round_.started_on,
                1,
                f"round {round_.position} {round_.name} "
                f"({round_.kind.value}, {round_.outcome.value})",
            )
        )
    for decision in app.decisions:
        steps.append((decision.decided_on, 2, f"decision {decision.outcome.value}"))
        if decision.answered_on is not None and decision.offer_response is not None:
            steps.append((decision.answered_on, 2, f"offer {decision.offer_response.value}"))
        if decision.reopened_on:
            steps.append((decision.reopened_on, 3, "reopened"))
    # A stable sort: rounds on one day keep their stage order.
    steps.sort(key=lambda step: (step[0], step[1]))
    return "; ".join(f"{on} {what}" for on, _, what in steps)


def write_csv(apps: Iterable[Application]) -> str:
    """The CSV text, one row per application, oldest first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for app in sorted(apps, key=lambda a: (a.applied_on, a.id or 0)):
        facts = ApplicationFacts.of(app)
        stages = facts.stages
        decision = app.current_decision
        row = (
            app.id,
            app.company,
            app.role_title,
            app.level,
            app.location,
            app.work_mode.value if app.work_mode else None,
            app.source.value,
            facts.status.value,
            stages.applied,
            stages.screen,
            stages.interviews,
            stages.final,
            stages.offer,
            stages.decision,
            decision.outcome.value if decision else None,
            decision.finalists if decision else None,
            decision.reason if decision else None,
            len(app.rounds),
            stage_history(app),
            app.posting_url,
            decision.answered_on if decision else None,
        )
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()

"""Backups written before a column every row needs: that column filled in, as migrations did."""

from __future__ import annotations

from typing import Any

from nextround.domain.competency import CompetencyMatch
from nextround.domain.tagging import split_by_framework
from nextround.frameworks.files import BUILTIN_ID, IN_USE_KEY, builtin_framework


def from_older_revision(doc: Any) -> Any:
    """A backup written at an older revision, with what later ones added filled in.

    Anything that is not a backup's shape is returned as it is, for validation to refuse.
    """
    if not isinstance(doc, dict) or not isinstance(doc.get("tables"), dict):
        return doc
    revision = doc.get("revision")
    if not isinstance(revision, str):
        return doc
    tables = dict(doc["tables"])
    in_use = _in_use(tables)
    if revision < "0010":
        _plan_on_framework(tables, in_use)
    if revision < "0013":
        for name in ("stories", "debrief_questions"):
            _tags_on_frameworks(tables, name, in_use)
    return {**doc, "tables": tables}


def _in_use(tables: dict[str, Any]) -> str:
    """The framework in use, as the backup's own preferences say (if it is in the backup)."""
    chosen = next(
        (
            row.get("value")
            for row in tables.get("preferences") or []
            if isinstance(row, dict) and row.get("key") == IN_USE_KEY
        ),
        None,
    )
    imported = {row.get("id") for row in tables.get("frameworks") or [] if isinstance(row, dict)}
    return chosen if isinstance(chosen, str) and chosen in imported else BUILTIN_ID


def _plan_on_framework(tables: dict[str, Any], in_use: str) -> None:
    """Before revision 0010 the plan had no framework: it was the plan of the one in use."""
    plan = tables.get("plan_actions")
    if isinstance(plan, list):
        tables["plan_actions"] = [
            {"framework_id": in_use, **row} if isinstance(row, dict) else row for row in plan
        ]


def _tags_on_frameworks(tables: dict[str, Any], name: str, in_use: str) -> None:
    """Before revision 0013 tags had no framework: each goes to the framework that has it.

    The rule of domain.tagging.split_by_framework, as migration 0013 applied it to the
    databases of that time. A row this cannot read is left for validation to name.
    """
    rows = tables.get(name)
    if not isinstance(rows, list):
        return
    frameworks: dict[str, set[str]] = {BUILTIN_ID: {c.id for c in builtin_framework().competencies}}
    for row in tables.get("competencies") or []:
        if isinstance(row, dict) and isinstance(row.get("framework_id"), str):
            frameworks.setdefault(row["framework_id"], set()).add(str(row.get("id")))
    tables[name] = [_split(row, frameworks, in_use) for row in rows]


def _split(row: Any, frameworks: dict[str, set[str]], in_use: str) -> Any:
    try:
        competencies = [str(c) for c in row.get("competencies") or []]
        suggestions = [
            CompetencyMatch(str(m["competency_id"]), float(m["confidence"]))
            for m in row.get("suggestions") or []
        ]
    except (AttributeError, KeyError, TypeError, ValueError):
        return row
    confirmed = bool(row.get("confirmed", True))
    own, readings = split_by_framework(competencies, suggestions, confirmed, frameworks, in_use)
    kept = readings.get(own)

    def encoded(matches: Any) -> list[dict[str, Any]]:
        return [{"competency_id": m.competency_id, "confidence": m.confidence} for m in matches]

    split = {
        **row,
        "framework_id": own if readings else None,
        "competencies": list(kept.competencies) if kept else [],
        "suggestions": encoded(kept.suggestions) if kept else [],
        "elsewhere": {
            f: {
                "competencies": list(t.competencies),
                "suggestions": encoded(t.suggestions),
                "confirmed": t.confirmed,
            }
            for f, t in readings.items()
            if f != own
        },
    }
    return split

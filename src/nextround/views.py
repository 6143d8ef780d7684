"""Plain JSON-ready views of domain objects, shared by the CLI's --json and the web app."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from enum import Enum
from typing import Any


def jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and containers turned into JSON-ready values.

    A dataclass whose ``day_known`` is False gives null for the field its ``DAY_FIELD``
    class attribute names (the stand-in day of a decision whose day is not known).
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        # A day not known is kept as a stand-in for ordering only: a JSON reader given it
        # would take a made-up day for the real one, so it reads null (day_known says why).
        stand_in = getattr(type(value), "DAY_FIELD", None)
        if stand_in in data and data.get("day_known") is False:
            data[stand_in] = None
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


#: Keys that hold a model's confidence (0-1): the command line's JSON rounds them alike.
CONFIDENCE_KEYS = frozenset({"confidence", "polarity_confidence"})


def rounded_confidences(value: Any, places: int = 4) -> Any:
    """A JSON-ready value with every confidence rounded to ``places`` decimals.

    The mapper's scores carry 17 digits of noise; `map` has always given 4 decimals, so
    every command's JSON does, whichever path computed the score.
    """
    if isinstance(value, dict):
        return {
            k: round(v, places)
            if k in CONFIDENCE_KEYS and isinstance(v, float)
            else rounded_confidences(v, places)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [rounded_confidences(v, places) for v in value]
    return value


def dumps(value: Any) -> str:
    """Stable, readable JSON for output."""
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2)

"""Read competency frameworks: the built-in one, and YAML, JSON or CSV files users import."""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

from nextround.domain.competency import Competency, Framework
from nextround.errors import InvalidInputError, unparsable
from nextround.io.user_files import read_limited

BUILTIN_ID = "nextround-core"
MAX_FRAMEWORK_BYTES = 5 * 1024 * 1024
MAX_COMPETENCIES = 500

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_TEXT_LISTS = ("indicators", "missing_signs", "questions", "practice")

_STRING_LIST = {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 2000}}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "minLength": 1, "maxLength": 80},
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "source": {"type": ["string", "null"], "maxLength": 2000},
        "description": {"type": ["string", "null"], "maxLength": 5000},
        "version": {"type": ["integer", "string", "null"]},
        "competencies": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_COMPETENCIES,
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "minLength": 1, "maxLength": 80},
                    "name": {"type": "string", "minLength": 1, "maxLength": 200},
                    "description": {"type": "string", "minLength": 1, "maxLength": 5000},
                    **dict.fromkeys(_TEXT_LISTS, _STRING_LIST),
                },
                "required": ["name", "description"],
            },
        },
    },
    "required": ["name", "competencies"],
}


def slug(text: str) -> str:
    """A readable id made from a name: 'Bias for Action' -> 'bias-for-action'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "competency"


@cache
def builtin_framework() -> Framework:
    """The framework shipped with nextround (its shape is checked by the test suite)."""
    from nextround.io.safe_yaml import load_yaml  # PyYAML is slow to import; only needed here

    text = resources.files("nextround.frameworks").joinpath("builtin.yaml").read_text("utf-8")
    return build_framework(load_yaml(text, "builtin.yaml"), "the built-in framework")


def parse_framework(data: Any, origin: str, default_id: str | None = None) -> Framework:
    """Validate a framework document and build it; errors name the first bad path."""
    from jsonschema import Draft202012Validator

    errors = sorted(
        Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(map(str, e.path))
    )
    if errors:
        from nextround.io.backup import json_path  # slow to import; only needed here

        first = errors[0]
        raise InvalidInputError(f"{origin}: {json_path(first.absolute_path)}: {first.message}")
    return build_framework(data, origin, default_id)


def _filled(text: str, origin: str, path: str) -> str:
    """The text with its whitespace collapsed; blank text is refused, naming its path."""
    collapsed = " ".join(text.split())
    if not collapsed:
        raise InvalidInputError(
            f"{origin}: {path}: is blank; fill it in (a name and a description are required)"
        )
    return collapsed


def build_framework(data: Any, origin: str, default_id: str | None = None) -> Framework:
    """Build a framework from a document already known to have the right shape."""
    framework_id = str(data.get("id") or default_id or slug(data["name"]))
    if not _ID.match(framework_id):
        raise InvalidInputError(
            f"{origin}: framework id {framework_id!r} must be lower-case letters, digits, "
            "'-', '_' or '.'"
        )
    competencies: list[Competency] = []
    seen: set[str] = set()
    for index, item in enumerate(data["competencies"]):
        where = f"$.competencies[{index}]"
        name = _filled(item["name"], origin, f"{where}.name")
        competency_id = str(item.get("id") or slug(name))
        # Ids are typed on the command line (--rate ID=3, --competency A,B): no spaces,
        # commas or '=' in them.
        if not _ID.match(competency_id):
            raise InvalidInputError(
                f"{origin}: {where}.id: {competency_id!r} must be lower-case letters, digits, "
                "'-', '_' or '.'; leave it out to make one from the name"
            )
        if competency_id in seen:
            raise InvalidInputError(
                f"{origin}: {where}.id: {competency_id!r} appears twice; "
                "give each competency its own id"
            )
        seen.add(competency_id)
        competencies.append(
            Competency(
                id=competency_id,
                name=name,
                description=_filled(item["description"], origin, f"{where}.description"),
                **{
                    key: tuple(s.strip() for s in item.get(key, []) if s.strip())
                    for key in _TEXT_LISTS
                },
            )
        )
    return Framework(
        id=framework_id,
        name=_filled(data["name"], origin, "$.name"),
        competencies=tuple(competencies),
        source=data.get("source"),
        description=data.get("description"),
    )


def read_framework_file(path: Path, framework_id: str | None = None) -> Framework:
    """A framework from a .yaml, .yml, .json or .csv file."""
    raw = read_limited(
        path,
        MAX_FRAMEWORK_BYTES,
        lambda size: f"{path} is {size:,} bytes; a framework file may be at most 5 MB",
    )
    return read_framework_bytes(raw, str(path), framework_id)


def read_framework_bytes(raw: bytes, name: str, framework_id: str | None = None) -> Framework:
    """A framework from a file's contents, e.g. an upload.

    ``name`` is the file's name: its suffix tells the format, and messages call it so.
    """
    path = PurePath(name)
    if len(raw) > MAX_FRAMEWORK_BYTES:
        raise InvalidInputError(
            f"{name} is {len(raw):,} bytes; a framework file may be at most 5 MB"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError(f"{name} is not UTF-8 text") from None
    suffix = path.suffix.lower()
    default_id = framework_id or slug(path.stem)
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise unparsable(name, "JSON", exc.msg, exc.lineno, exc.colno) from None
    elif suffix in (".yaml", ".yml"):
        from nextround.io.safe_yaml import load_yaml

        data = load_yaml(text, name)
    elif suffix == ".csv":
        data = _csv_document(text, path, default_id)
    else:
        raise InvalidInputError(f"{name}: use a .yaml, .yml, .json or .csv file")
    if framework_id and isinstance(data, dict):
        data = {**data, "id": framework_id}
    return parse_framework(data, name, default_id)


def _csv_document(text: str, path: PurePath, default_id: str) -> dict[str, Any]:
    """CSV: one competency per row.

    Columns: name, description and optionally id, indicators, missing_signs, questions,
    practice (several items separated by '|' or newlines).
    """
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip().lower() for h in reader.fieldnames or []]
    if "name" not in headers or "description" not in headers:
        raise InvalidInputError(
            f"{path}: the CSV needs a header row with at least 'name' and 'description' "
            f"columns; found {', '.join(headers) or 'none'}"
        )
    competencies = []
    for row in reader:
        clean = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not any(clean.values()):
            continue
        item: dict[str, Any] = {"name": clean.get("name", ""), "description": clean["description"]}
        if clean.get("id"):
            item["id"] = clean["id"]
        for key in _TEXT_LISTS:
            if clean.get(key):
                item[key] = [p.strip() for p in re.split(r"[|\n]", clean[key]) if p.strip()]
        competencies.append(item)
    return {
        "id": default_id,
        "name": path.stem.replace("-", " ").replace("_", " ").title(),
        "competencies": competencies,
    }

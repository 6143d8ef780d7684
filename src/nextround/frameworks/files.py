"""Read competency frameworks: the built-in one, and YAML, JSON or CSV files users import."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path as FilePath
from pathlib import PurePath
from typing import Any

from nextround.domain.competency import Competency, Framework
from nextround.domain.values import no_control_characters
from nextround.errors import DomainError, InvalidInputError
from nextround.frameworks.csv_file import TEXT_LISTS, csv_document, near_miss
from nextround.frameworks.ids import competency_fallback, framework_fallback, slug
from nextround.frameworks.problems import DocPath, Places, Problems
from nextround.frameworks.unread_keys import unread_key_notes
from nextround.io.user_files import read_limited

BUILTIN_ID = "nextround-core"
#: The preference that names the framework in use (the built-in one when it names none).
IN_USE_KEY = "framework"
MAX_FRAMEWORK_BYTES = 5 * 1024 * 1024
MAX_COMPETENCIES = 500
#: How many made-up ids an import lists by name; the rest are counted.
NOTED_IDS = 8

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")

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
                    **dict.fromkeys(TEXT_LISTS, _STRING_LIST),
                },
                "required": ["name", "description"],
            },
        },
    },
    "required": ["name", "competencies"],
}
#: The keys read, in the order a file gives them.
TOP_KEYS = tuple(SCHEMA["properties"])
COMPETENCY_KEYS = tuple(SCHEMA["properties"]["competencies"]["items"]["properties"])


@dataclass(frozen=True)
class FrameworkFile:
    """A framework read from a file, and notes for the user on how it was read."""

    framework: Framework
    notes: tuple[str, ...] = ()


@cache
def builtin_framework() -> Framework:
    """The framework shipped with nextround (its shape is checked by the test suite)."""
    from nextround.io.safe_yaml import load_yaml  # PyYAML is slow to import; only needed here

    text = resources.files("nextround.frameworks").joinpath("builtin.yaml").read_text("utf-8")
    return build_framework(load_yaml(text, "builtin.yaml"), "the built-in framework").framework


def parse_framework(
    data: Any,
    origin: str,
    default_id: str | None = None,
    *,
    yaml: bool = False,
    places: Places | None = None,
) -> FrameworkFile:
    """Validate a framework document and build it; every problem is reported at once.

    ``places`` names where each problem is in the file's terms (a CSV's rows).
    """
    from jsonschema import Draft202012Validator

    from nextround.io.schema_errors import document_order, reason

    problems = Problems(origin, places or Places())
    errors = sorted(
        Draft202012Validator(SCHEMA).iter_errors(data),
        key=lambda e: document_order(data, e.absolute_path),
    )
    bad: list[tuple[Any, ...]] = []
    for error in errors:
        path = tuple(error.absolute_path)
        if path not in bad:  # one problem per place is enough to fix it
            bad.append(path)
            said = _read_as_mapping(data, path, error.instance) if yaml else None
            problems.add(path, said or reason(error, yaml=yaml) + _misnamed(error))
    if any(len(path) < 2 for path in bad):
        problems.raise_any()  # the document's shape is wrong: nothing more can be checked
    broken = {path[1] for path in bad}
    read = build_framework(data, origin, default_id, problems, broken)
    unread = unread_key_notes(data, TOP_KEYS, COMPETENCY_KEYS)
    return FrameworkFile(read.framework, (*unread, *read.notes))


def _misnamed(error: Any) -> str:
    """For a missing key, the key given that reads as a slip for it: "; rename 'desc' to …".

    Keys the file has beyond those read are otherwise ignored, so "'description' is
    missing" beside a "desc" the user can see reads as wrong.
    """
    if error.validator != "required" or not isinstance(error.instance, dict):
        return ""
    missing = [k for k in error.validator_value if k not in error.instance]
    read = set(error.schema.get("properties", {}))
    given = [str(k) for k in error.instance if k not in read]
    for key in missing[:1]:
        slip = next((k for k in given if near_miss(k, key)), None)
        if slip is not None:
            return f"; rename {slip!r} to {key!r}"
    return ""


def _read_as_mapping(data: Any, path: DocPath, value: Any) -> str | None:
    """For a competency's list item YAML read as a mapping, what happened and how to quote it."""
    parts = list(path)
    if len(parts) != 4 or parts[0] != "competencies" or not isinstance(parts[1], int):
        return None
    try:
        name = data["competencies"][parts[1]]["name"]
    except (IndexError, KeyError, TypeError):
        name = None
    return _item_as_mapping(value, name, str(parts[2]), int(parts[3]))


def _item_as_mapping(value: Any, name: Any, key: str, index: int) -> str | None:
    """What to do about item ``index`` of a competency's list ``key``, read as a mapping.

    An unquoted "- Raises risks early: before they become issues" is read as the key
    "Raises risks early" with the value "before they become issues", not as text.
    """
    if not isinstance(value, dict):
        return None
    whose = f"{name}'s {key}" if isinstance(name, str) and name.strip() else f"the {key}"
    problem = (
        f'item {index + 1} of {whose} has an unquoted ": ", so YAML read it as "key: value", '
        "not as text; put the item in quotes"
    )
    written = _as_written(value)
    return f"{problem}, as in - {json.dumps(written, ensure_ascii=False)}" if written else problem


def _as_written(value: dict[Any, Any]) -> str | None:
    """The line a one-pair mapping was most likely read from, if it can be told."""
    if len(value) != 1:
        return None
    ((key, text),) = value.items()
    plain = (str, int, float)
    if not isinstance(key, plain) or isinstance(key, bool):
        return None
    if text is None:
        return f"{key}:"
    if not isinstance(text, plain) or isinstance(text, bool):
        return None
    return f"{key}: {text}"


def _text(value: object, problems: Problems, path: DocPath) -> str:
    """The text as given; a control character (which no backup would restore) is a problem.

    So is a value that is not text, which only the built-in framework (read without an
    import's schema check) can hold.
    """
    if not isinstance(value, str):
        problems.add(path, f"should be text, not {type(value).__name__}")
        return str(value)
    try:
        value.encode("utf-8")
        return no_control_characters(value, "")
    except DomainError as exc:
        problems.add(path, str(exc).strip())
    except UnicodeEncodeError as exc:
        # JSON's "\ud800" escapes a half of a character, which no database can store.
        problems.add(
            path,
            f"contains {value[exc.start]!r}, half of a character (a lone surrogate) at "
            f"position {exc.start}; remove it",
        )
    return value


def _filled(text: str, problems: Problems, path: DocPath) -> str:
    """The text with its whitespace collapsed; blank text is a problem."""
    collapsed = " ".join(_text(text, problems, path).split())
    if not collapsed:
        problems.add(path, "is blank; fill it in (a name and a description are required)")
    return collapsed


def build_framework(
    data: Any,
    origin: str,
    default_id: str | None = None,
    problems: Problems | None = None,
    broken: Collection[Any] = (),
) -> FrameworkFile:
    """Build a framework from a document already known to have the right shape.

    Every problem is noted in ``problems`` and raised together at the end. ``broken`` are
    the competencies (by index) already found of the wrong shape: they are not checked
    further.
    """
    problems = problems if problems is not None else Problems(origin)
    name = _filled(data["name"], problems, ["name"])
    framework_id = str(data.get("id") or default_id or slug(name) or framework_fallback(name))
    if not _ID.match(framework_id):
        problems.add_plain(
            f"framework id {framework_id!r} must be lower-case letters, digits, '-', '_' or '.'"
        )
    competencies = {
        i: _competency(item, i, problems)
        for i, item in enumerate(data["competencies"])
        if i not in broken
    }
    seen: dict[str, int] = {}
    for index, competency in competencies.items():
        if competency.id in seen:
            problems.add(
                ["competencies", index, "id"],
                f"{competency.id!r} appears twice (also "
                f"{problems.places.competency(seen[competency.id], named=False)}); give each "
                "competency its own id",
            )
        seen.setdefault(competency.id, index)
    optional = {
        key: _text(data[key], problems, [key])
        for key in ("source", "description")
        if data.get(key) is not None
    }
    problems.raise_any()
    framework = Framework(framework_id, name, tuple(competencies.values()), **optional)
    return FrameworkFile(framework, _made_up_ids(data, framework, default_id))


def _competency(item: dict[str, Any], index: int, problems: Problems) -> Competency:
    where: list[str | int] = ["competencies", index]
    name = _filled(item["name"], problems, [*where, "name"])
    competency_id = str(item.get("id") or slug(name) or competency_fallback(index + 1))
    # Ids are typed on the command line (--rate ID=3, --competency A,B): no spaces,
    # commas or '=' in them.
    if not _ID.match(competency_id):
        problems.add(
            [*where, "id"],
            f"{competency_id!r} must be lower-case letters, digits, '-', '_' or '.'; leave "
            "it out to make one from the name",
        )
    return Competency(
        id=competency_id,
        name=name,
        description=_filled(item["description"], problems, [*where, "description"]),
        **{
            key: _items(item.get(key, []), problems, [*where, key], item.get("name"))
            for key in TEXT_LISTS
        },
    )


def _items(texts: list[Any], problems: Problems, path: DocPath, owner: Any) -> tuple[str, ...]:
    """A list's texts trimmed, blank ones dropped; ``owner`` names the competency.

    The built-in framework is read without an import's schema check, so an item YAML read
    as a mapping (an unquoted ": ") is said here with how to quote it, not a crash.
    """
    read = []
    for n, text in enumerate(texts):
        said = _item_as_mapping(text, owner, str(path[-1]), n)
        if said:
            problems.add([*path, n], said)
        else:
            read.append(_text(text, problems, [*path, n]).strip())
    return tuple(text for text in read if text)


def _made_up_ids(data: Any, framework: Framework, default_id: str | None) -> tuple[str, ...]:
    """Notes naming the ids made from names beyond a-z, so the user knows what to type.

    An id made from a plain name ('Customer first' -> customer-first) goes without saying.
    """
    notes = []
    if not data.get("id") and not default_id:
        notes.append(f"the framework's id is {framework.id}, as its file name has no letters a-z")
    made = [
        f"{competency.id} ({competency.name})"
        for item, competency in zip(data["competencies"], framework.competencies, strict=True)
        if not item.get("id") and not competency.name.isascii()
    ]
    if made:
        listed = ", ".join(made[:NOTED_IDS])
        if len(made) > NOTED_IDS:
            listed += f" and {len(made) - NOTED_IDS} more"
        notes.append(f"ids made from names beyond a-z: {listed}; commands take the id or the name")
    return tuple(notes)


def read_framework_file(
    path: FilePath, framework_id: str | None = None, name: str | None = None
) -> FrameworkFile:
    """A framework from a .yaml, .yml, .json or .csv file."""
    raw = read_limited(
        path,
        MAX_FRAMEWORK_BYTES,
        lambda size: f"{path} is {size:,} bytes; a framework file may be at most 5 MB",
    )
    return read_framework_bytes(raw, str(path), framework_id, name)


def read_framework_bytes(
    raw: bytes, filename: str, framework_id: str | None = None, name: str | None = None
) -> FrameworkFile:
    """A framework from a file's contents, e.g. an upload.

    ``filename``'s suffix tells the format, and messages call the file so. ``framework_id``
    and ``name`` replace the file's own; a CSV has none, so its stem stands in.
    """
    path = PurePath(filename)
    if len(raw) > MAX_FRAMEWORK_BYTES:
        raise InvalidInputError(
            f"{filename} is {len(raw):,} bytes; a framework file may be at most 5 MB"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError(f"{filename} is not UTF-8 text") from None
    suffix = path.suffix.lower()
    default_id = framework_id or slug(path.stem) or None
    notes: list[str] = []
    places = None
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            from nextround.io.syntax_hints import unparsable_json

            raise unparsable_json(filename, exc) from None
    elif suffix in (".yaml", ".yml"):
        from nextround.io.safe_yaml import load_yaml_noting_comments

        data, notes = load_yaml_noting_comments(text, filename)
    elif suffix == ".csv":
        data, notes, rows = csv_document(text, filename)
        data["name"] = name_from_file(path.stem)
        if not name:
            notes.append(
                f"a CSV file holds no framework name, so it is named after the file: "
                f"{data['name']!r}; pass --name to choose another"
            )
        places = Places(rows, tuple(str(c.get("name", "")) for c in data["competencies"]))
    else:
        raise InvalidInputError(f"{filename}: use a .yaml, .yml, .json or .csv file")
    if isinstance(data, dict):
        data = {**data, **_given(framework_id, name)}
    read = parse_framework(data, filename, default_id, yaml=suffix != ".json", places=places)
    return FrameworkFile(read.framework, (*notes, *read.notes))


def name_from_file(stem: str) -> str:
    """A framework's name from its file's: "pm-bootcamp" is "PM Bootcamp", "AcmeHR" stays.

    A word written in lower case gets a capital, unless it has no vowel: those are
    abbreviations ("pm", "hr", "crm"), so they are written in capitals.
    """
    words = re.split(r"[\s_-]+", stem.strip(" _-"))
    return " ".join(_word_cased(word) for word in words if word)


def _word_cased(word: str) -> str:
    if word != word.lower():
        return word
    if word.isalpha() and not re.search(r"[aeiouy]", word):
        return word.upper()
    return word[:1].upper() + word[1:]


def _given(framework_id: str | None, name: str | None) -> dict[str, str]:
    """The id and name the user gave in place of the file's."""
    return {k: v for k, v in (("id", framework_id), ("name", name)) if v}

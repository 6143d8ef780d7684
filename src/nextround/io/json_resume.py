"""A JSON Resume (jsonresume.org/schema) read into a resume, bad fields named by their path.

It reads basics, work, volunteer, projects, education and skills; a project is read as a
role (its name, description, highlights and dates), since for a new graduate that is where
the evidence is.
"""

from __future__ import annotations

import json
from typing import Any

from nextround.domain.resume import Highlight, Resume, ResumeKind, ResumeRole
from nextround.errors import InvalidInputError
from nextround.io.schema_errors import json_path
from nextround.io.syntax_hints import unparsable_json

#: Sections of the schema that are not read; the notice names those the file has.
_NOT_READ = (
    "awards",
    "certificates",
    "publications",
    "languages",
    "interests",
    "references",
)


def read_json_resume(raw: bytes, file_name: str) -> Resume:
    """The resume a JSON Resume file holds."""
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInputError(f"{file_name} is not UTF-8 text; save it as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise unparsable_json(file_name, exc) from None
    return json_resume(doc, file_name)


def is_json_resume(doc: Any) -> bool:
    """Whether a parsed JSON document looks like a JSON Resume (and not a nextround backup)."""
    return isinstance(doc, dict) and (
        "jsonresume" in str(doc.get("$schema", "")) or bool({"basics", "work"} & set(doc))
    )


def json_resume(doc: Any, file_name: str) -> Resume:
    """The resume in a parsed JSON Resume document."""
    if isinstance(doc, dict) and doc.get("format") == "nextround-backup":
        raise InvalidInputError(
            f"{file_name} is a nextround backup, not a resume",
            cli_hint="restore it with `nextround import json`",
            web_hint="restore it under “Import a backup” on this page",
        )
    if not is_json_resume(doc):
        raise InvalidInputError(
            f"{file_name} is not a JSON Resume: it has no “basics” or “work” section "
            "(see https://jsonresume.org/schema)"
        )
    basics = _object(doc, ["basics"])
    resume = Resume(
        file_name=file_name,
        kind=ResumeKind.JSON_RESUME,
        name=_string(basics, ["basics", "name"]),
        label=_string(basics, ["basics", "label"]),
        summary=_string(basics, ["basics", "summary"]),
    )
    for section, company_key in (("work", "name"), ("volunteer", "organization")):
        for index, item in enumerate(_list(doc, [section])):
            resume.roles.append(_role(item, [section, index], company_key, section == "volunteer"))
    for index, item in enumerate(_list(doc, ["projects"])):
        resume.roles.append(_project(item, ["projects", index]))
    for index, item in enumerate(_list(doc, ["education"])):
        resume.education.append(_education(item, ["education", index]))
    for index, item in enumerate(_list(doc, ["skills"])):
        resume.skills.append(_skill(item, ["skills", index]))
    resume.education = [e for e in resume.education if e]
    resume.skills = [s for s in resume.skills if s]
    present = [name for name in _NOT_READ if doc.get(name)]
    if present:
        resume.notices.append(f"Sections not read: {', '.join(present)}.")
    return resume


def _role(item: Any, path: list[Any], company_key: str, volunteer: bool) -> ResumeRole:
    item = _is_object(item, path)
    # "company" is the name the schema used before 1.0; some exporters still write it.
    company = _string(item, [*path, company_key]) or _string(item, [*path, "company"])
    title = _string(item, [*path, "position"])
    heading = ", ".join(p for p in (title, company) if p) or f"{path[0]} entry {path[1] + 1}"
    if volunteer:
        heading += " (volunteer)"
    highlights = _highlights(item, path)
    return ResumeRole(
        heading=heading,
        company=company,
        title=title,
        start=_string(item, [*path, "startDate"]),
        end=_string(item, [*path, "endDate"]),
        summary=_string(item, [*path, "summary"]),
        highlights=highlights,
    )


def _project(item: Any, path: list[Any]) -> ResumeRole:
    """A project as a role: "tinykv (project)", its description the summary."""
    item = _is_object(item, path)
    name = _string(item, [*path, "name"]) or f"Project {path[1] + 1}"
    # "entity" is who it was for (a company, a course); "roles" what the person was in it.
    roles = [
        role
        for n, value in enumerate(_list(item, [*path, "roles"]))
        if (role := _is_string(value, [*path, "roles", n]))
    ]
    return ResumeRole(
        heading=f"{name} (project)",
        company=_string(item, [*path, "entity"]),
        title=", ".join(roles) or None,
        start=_string(item, [*path, "startDate"]),
        end=_string(item, [*path, "endDate"]),
        summary=_string(item, [*path, "description"]),
        highlights=_highlights(item, path),
    )


def _highlights(item: dict[str, Any], path: list[Any]) -> list[Highlight]:
    return [
        Highlight(text)
        for n, value in enumerate(_list(item, [*path, "highlights"]))
        if (text := _is_string(value, [*path, "highlights", n]))
    ]


def _education(item: Any, path: list[Any]) -> str:
    item = _is_object(item, path)
    degree = " ".join(
        p for p in (_string(item, [*path, "studyType"]), _string(item, [*path, "area"])) if p
    )
    where = _string(item, [*path, "institution"])
    start, end = _string(item, [*path, "startDate"]), _string(item, [*path, "endDate"])
    dates = " – ".join(d for d in (start, end) if d)
    return ", ".join(p for p in (degree, where) if p) + (f" ({dates})" if dates else "")


def _skill(item: Any, path: list[Any]) -> str:
    item = _is_object(item, path)
    name = _string(item, [*path, "name"]) or ""
    keywords = [
        word
        for n, value in enumerate(_list(item, [*path, "keywords"]))
        if (word := _is_string(value, [*path, "keywords", n]))
    ]
    return f"{name}: {', '.join(keywords)}" if name and keywords else name or ", ".join(keywords)


# -- shape checks, each naming the field by its path ---------------------------------------------


def _wrong(path: list[Any], expected: str, value: Any) -> InvalidInputError:
    found = type(value).__name__.replace("dict", "object").replace("str", "string")
    return InvalidInputError(
        f"{json_path(path)}: expected {expected}, found {found}; fix it or remove the field"
    )


def _is_object(value: Any, path: list[Any]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong(path, "an object", value)
    return value


def _is_string(value: Any, path: list[Any]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong(path, "text", value)
    return value.strip() or None


def _object(doc: dict[str, Any], path: list[Any]) -> dict[str, Any]:
    value = doc.get(path[-1])
    return {} if value is None else _is_object(value, path)


def _list(doc: dict[str, Any], path: list[Any]) -> list[Any]:
    value = doc.get(path[-1])
    if value is None:
        return []
    if not isinstance(value, list):
        raise _wrong(path, "a list", value)
    return value


def _string(doc: dict[str, Any], path: list[Any]) -> str | None:
    return _is_string(doc.get(path[-1]), path)

"""Use cases for competency frameworks: list, show, import and choose the one in use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nextround.domain import values
from nextround.domain.competency import Framework
from nextround.errors import DomainError
from nextround.frameworks.files import BUILTIN_ID, IN_USE_KEY
from nextround.services.ports import GrowthUnitOfWork

if TYPE_CHECKING:
    from nextround.services.process import InterviewFields

ACTIVE_KEY = IN_USE_KEY


@dataclass(frozen=True)
class FrameworkListing:
    """A framework in the list, and whether it is the one in use."""

    id: str
    name: str
    competencies: int
    source: str | None
    active: bool
    builtin: bool


def active_framework_id(uow: GrowthUnitOfWork) -> str:
    """The id of the framework feedback is mapped onto."""
    return uow.frameworks.in_use()


def active_framework(uow: GrowthUnitOfWork) -> Framework:
    """The framework in use."""
    return uow.frameworks.get(active_framework_id(uow))


def competency_ids(framework: Framework, refs: Sequence[str]) -> list[str]:
    """The ids of the competencies a user named, by id or by name; an unknown one is an error."""
    ids = []
    for ref in refs:
        found = framework.find(ref)
        if found is None:
            raise unknown_competency(framework, ref)
        ids.append(found.id)
    return list(dict.fromkeys(ids))


def unknown_competency(framework: Framework, ref: str) -> DomainError:
    """The error for a competency the framework lacks: the likely one, or where they are listed.

    The list is in a command on the command line and on a page on the web: each surface
    names its own, never the other's.
    """
    guess = framework.guess(ref)
    if guess is not None:
        return DomainError(f"{_not_in(framework, ref)}; {guess}")
    return DomainError(
        _not_in(framework, ref),
        cli_hint=f"see `nextround framework show {framework.id}` for the ids",
        web_hint="its competencies are listed on the Frameworks page",
    )


def _not_in(framework: Framework, ref: str) -> str:
    return f"{ref!r} is not a competency of {framework.quoted}"


@dataclass(frozen=True)
class Probed:
    """The competencies an interview probed, as ids, and notes on those the framework lacks."""

    ids: list[str]
    notes: list[str]


def probed_competencies(framework: Framework, refs: Sequence[str]) -> Probed:
    """An interview's competencies, named by id or name, as ids.

    They are tags, so one the framework lacks (another framework's id) may stay, with a
    note: a debrief asks only about the framework's competencies, so a typo would otherwise
    vanish silently. One that cannot even be a tag ("systems thinkng") is an error.
    """
    ids: list[str] = []
    notes: list[str] = []
    for ref in (r.strip() for r in refs):
        if not ref:
            continue
        found = framework.find(ref)
        if found is None:
            try:
                values.tags([ref])
            except DomainError:
                raise unknown_competency(framework, ref) from None
            # A note is shown as it is on both surfaces: a guess, never a command.
            guess = framework.guess(ref)
            notes.append(
                f"{_not_in(framework, ref)}{f' ({guess})' if guess else ''}; it is kept as a "
                "tag, but a debrief asks only about the framework's competencies"
            )
        ids.append(found.id if found else ref)
    return Probed(ids, notes)


def name_probed(uow: GrowthUnitOfWork, fields: InterviewFields) -> list[str]:
    """Interview fields with their competencies as ids (in place); the notes to show."""
    if "competencies" not in fields:
        return []
    probed = probed_competencies(active_framework(uow), fields["competencies"])
    fields["competencies"] = probed.ids
    return probed.notes


def framework_id_for(uow: GrowthUnitOfWork, ref: str) -> str:
    """The id of the framework a user named: by its id, or by its name, case aside.

    "Hyperscale Principles", "hyperscale principles" and "hyperscale_principles" all name
    hyperscale-principles: the list shows names, and an id made from a file name is easy
    to guess wrong by a separator. A ref that names none is returned as typed, so looking
    it up fails with the store's own error; one that names several is an error here.
    """
    if uow.frameworks.exists(ref):
        return ref
    key = _folded(ref)
    if not key:
        return ref
    ids = uow.frameworks.ids()
    by_id = [f for f in ids if _folded(f) == key]
    if len(by_id) == 1:
        return by_id[0]
    by_name = by_id or [f for f in ids if _folded(uow.frameworks.get(f).name) == key]
    if len(by_name) > 1:
        raise DomainError(
            f"{ref!r} could be any of the frameworks {', '.join(by_name)}; give its id",
            cli_hint="see `nextround framework list`",
        )
    return by_name[0] if by_name else ref


def _folded(text: str) -> str:
    """A framework id or name folded for matching: lower case, words only."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def get_framework(uow: GrowthUnitOfWork, framework_id: str | None = None) -> Framework:
    """A framework by id or name (see framework_id_for), or the one in use."""
    if not framework_id:
        return active_framework(uow)
    return uow.frameworks.get(framework_id_for(uow, framework_id))


def competency_names(uow: GrowthUnitOfWork) -> dict[str, str]:
    """Every competency's name by id, on any framework; the one in use names a shared id."""
    active = active_framework_id(uow)
    names: dict[str, str] = {}
    for framework_id in sorted(uow.frameworks.ids(), key=lambda f: f == active):
        names.update({c.id: c.name for c in uow.frameworks.get(framework_id).competencies})
    return names


def list_frameworks(uow: GrowthUnitOfWork) -> list[FrameworkListing]:
    """Every framework, the built-in one first."""
    active = active_framework_id(uow)
    result = []
    for framework_id in uow.frameworks.ids():
        framework = uow.frameworks.get(framework_id)
        result.append(
            FrameworkListing(
                framework.id,
                framework.name,
                len(framework.competencies),
                framework.source,
                framework.id == active,
                framework.id == BUILTIN_ID,
            )
        )
    return result


def import_framework(
    uow: GrowthUnitOfWork, framework: Framework, *, replace: bool = False, use: bool = False
) -> Framework:
    """Store an imported framework; refuse to overwrite one silently."""
    if framework.id == BUILTIN_ID:
        raise DomainError(
            f"{BUILTIN_ID!r} is the built-in framework's id",
            cli_hint="give yours another id with --id",
            web_hint="give yours another id under “Store it under the id”",
        )
    if uow.frameworks.exists(framework.id) and not replace:
        raise DomainError(
            f"a framework with id {framework.id!r} is already imported",
            cli_hint="pass --replace to overwrite it, or --id to import it under another id",
            web_hint="tick “Replace a framework with the same id” to overwrite it, or give "
            "another id under “Store it under the id”",
        )
    uow.frameworks.save(framework, uow.now())
    if use:
        uow.preferences.set(ACTIVE_KEY, framework.id, uow.now())
    uow.commit()
    return framework


def dropped_competencies(uow: GrowthUnitOfWork, framework: Framework) -> dict[str, list[int]]:
    """Competencies confirmed statements name that this version of the framework lacks.

    By id, with the statements that name each: after a replacing import those verdicts
    point nowhere, and the profile leaves them out.
    """
    known = {c.id for c in framework.competencies}
    dropped: dict[str, list[int]] = {}
    for statement in uow.statements.confirmed(framework.id):
        for competency in statement.competencies:
            if competency not in known and statement.id is not None:
                dropped.setdefault(competency, []).append(statement.id)
    return dropped


def use_framework(uow: GrowthUnitOfWork, framework_id: str) -> Framework:
    """Map feedback onto this framework (by id or name) from now on."""
    framework = uow.frameworks.get(framework_id_for(uow, framework_id))
    uow.preferences.set(ACTIVE_KEY, framework.id, uow.now())
    uow.commit()
    return framework


def mapped_elsewhere(uow: GrowthUnitOfWork, framework_id: str) -> str | None:
    """What the profile stops reading on this framework, in words; None if nothing.

    The profile, the plan and story coverage read the statements mapped onto the framework
    in use; those mapped onto another stay, and count again when it is chosen back (or
    once the feedback is read on this one too: see services.framework_reading).
    """
    from nextround.services.framework_reading import read_elsewhere

    return read_elsewhere(uow, framework_id).words()
